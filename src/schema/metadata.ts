// Metadata: Gcore's key/value items of an image, and the mutations on them.
import type { ImageMetadata } from '../db/entities/image-metadata.js';
import { ConflictError, ForbiddenError, NotFoundError, ReadOnlyMetadataError, ValidationError } from '../domain/errors.js';
import { deleteMetadataItem, replaceMetadata, setMetadata } from '../domain/metadata.js';
import { MAX_METADATA_ITEMS, METADATA_KEY_MAX, METADATA_VALUE_MAX } from '../domain/validation.js';
import type { Row } from '../domain/rows.js';
import { metadataByImage } from '../loaders/metadata-by-image.js';
import { type Context, builder } from './builder.js';
import { resultUnion } from './errors.js';
import { ImageRef } from './image.js';
import { OBJECT_ID_DESCRIPTION, objectId } from './object-id.js';

export const MetadataRef = builder.objectRef<Row<ImageMetadata>>('Metadata').implement({
  description: 'A key/value item of an image. Read-only items are the provider\'s and cannot be changed.',
  fields: (t) => ({
    id: t.id({ description: OBJECT_ID_DESCRIPTION, resolve: (item) => objectId('Metadata', item) }),
    key: t.exposeString('key', { description: `The key: 1 to ${METADATA_KEY_MAX} characters, unique within the image.` }),
    value: t.exposeString('value', { description: `The value: at most ${METADATA_VALUE_MAX} characters.` }),
    readOnly: t.exposeBoolean('readOnly', { description: "Whether the item is the provider's: true items cannot be changed or removed." }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the item was first set.' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When its value last changed.' }),
  }),
});

builder.objectFields(ImageRef, (t) => ({
  metadata: t.field({
    type: [MetadataRef],
    description: `All items, ordered by key: at most ${MAX_METADATA_ITEMS}.`,
    resolve: (image, _args, ctx) => metadataByImage(ctx).load(image.id),
  }),
  metadataItem: t.field({
    type: MetadataRef,
    nullable: true,
    description: 'The item with this key; null when the image has none.',
    args: { key: t.arg.string({ required: true, description: 'The exact key, case-sensitive.' }) },
    resolve: async (image, { key }, ctx) => (await metadataByImage(ctx).load(image.id)).find((item) => item.key === key),
  }),
}));

/** After a change, the payload must not show items this request loaded before it. */
function fresh<T extends { id: string }>(ctx: Context, image: T): T {
  metadataByImage(ctx).clear(image.id);
  return image;
}

const MetadataItemInput = builder.inputType('MetadataItemInput', {
  description: 'One item to set.',
  fields: (t) => ({
    key: t.string({ required: true, description: `The key: 1 to ${METADATA_KEY_MAX} characters, no control characters; each key once per list.` }),
    value: t.string({ required: true, description: `The value: at most ${METADATA_VALUE_MAX} characters; no control characters but tabs and newlines.` }),
  }),
});

builder.relayMutationField(
  'imageMetadataSet',
  {
    description: 'The input of imageMetadataSet: the image and the items to create or overwrite.',
    inputFields: (t) => ({
      id: t.globalID({ for: ImageRef, required: true, description: 'The image.' }),
      items: t.field({ type: [MetadataItemInput], required: true, description: `Items to create or overwrite: 1 to ${MAX_METADATA_ITEMS}, each key once. The image may have ${MAX_METADATA_ITEMS} items in all.` }),
    }),
  },
  {
    description: 'Creates the items that do not exist and overwrites the values of those that do.',
    authScopes: { writer: true },
    errors: {
      types: [ValidationError, NotFoundError, ReadOnlyMetadataError, ConflictError, ForbiddenError],
      union: resultUnion('imageMetadataSet'),
    },
    resolve: async (_root, { input }, ctx) => ({ image: fresh(ctx, await setMetadata(ctx, input.id.id, input.items)) }),
  },
  {
    description: 'What imageMetadataSet returns on success.',
    outputFields: (t) => ({
      image: t.field({ type: ImageRef, nullable: true, description: 'The image with its items as they now are.', resolve: (p) => p.image }),
    }),
  },
);

builder.relayMutationField(
  'imageMetadataReplace',
  {
    description: 'The input of imageMetadataReplace: the image and its complete new list of items.',
    inputFields: (t) => ({
      id: t.globalID({ for: ImageRef, required: true, description: 'The image.' }),
      items: t.field({ type: [MetadataItemInput], required: true, description: `The complete list: 0 to ${MAX_METADATA_ITEMS} items, each key once; read-only items stay whether listed or not, and count towards the ${MAX_METADATA_ITEMS}.` }),
    }),
  },
  {
    description: 'Deletes every item not given and sets those given. Read-only items stay, and may not get other values.',
    authScopes: { writer: true },
    errors: {
      types: [ValidationError, NotFoundError, ReadOnlyMetadataError, ConflictError, ForbiddenError],
      union: resultUnion('imageMetadataReplace'),
    },
    resolve: async (_root, { input }, ctx) => ({ image: fresh(ctx, await replaceMetadata(ctx, input.id.id, input.items)) }),
  },
  {
    description: 'What imageMetadataReplace returns on success.',
    outputFields: (t) => ({
      image: t.field({ type: ImageRef, nullable: true, description: 'The image with its items as they now are.', resolve: (p) => p.image }),
    }),
  },
);

builder.relayMutationField(
  'imageMetadataDelete',
  {
    description: 'The input of imageMetadataDelete: the image and the key to remove.',
    inputFields: (t) => ({
      id: t.globalID({ for: ImageRef, required: true, description: 'The image.' }),
      key: t.string({ required: true, description: 'The key of the item to remove; a read-only item cannot be.' }),
    }),
  },
  {
    description: 'Removes one item; removing a key the image does not have is a NotFoundError.',
    authScopes: { writer: true },
    errors: {
      types: [ValidationError, NotFoundError, ReadOnlyMetadataError, ConflictError, ForbiddenError],
      union: resultUnion('imageMetadataDelete'),
    },
    resolve: async (_root, { input }, ctx) => ({ image: fresh(ctx, await deleteMetadataItem(ctx, input.id.id, input.key)) }),
  },
  {
    description: 'What imageMetadataDelete returns on success.',
    outputFields: (t) => ({
      image: t.field({ type: ImageRef, nullable: true, description: 'The image with its items as they now are.', resolve: (p) => p.image }),
    }),
  },
);
