import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { baseColumns } from './columns.js';
import { Image } from './image.js';

const p = defineEntity.properties;

/** Gcore's metadata items: free key/value pairs, some set read-only by the provider. */
export const ImageMetadata = defineEntity({
  name: 'ImageMetadata',
  properties: {
    ...baseColumns,
    image: p.manyToOne(Image).deleteRule('cascade'),
    key: p.string().length(255),
    value: p.text(),
    readOnly: p.boolean().default(false),
  },
  uniques: [{ name: 'image_metadata_image_key_unique', properties: ['image', 'key'] }],
});
export type ImageMetadata = InferEntity<typeof ImageMetadata>;
