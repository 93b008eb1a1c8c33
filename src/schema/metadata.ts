// Metadata: Gcore's key/value items of an image, and the mutations on them.
import type { ImageMetadata } from '../db/entities/image-metadata.js';
import { ConflictError, ForbiddenError, NotFoundError, ReadOnlyMetadataError, ValidationError } from '../domain/errors.js';
import { deleteMetadataItem, replaceMetadata, setMetadata } from '../domain/metadata.js';
import type { Row } from '../domain/rows.js';
import { metadataByImage } from '../loaders/metadata-by-image.js';
import { type Context, builder } from './builder.js';
import { ImageRef } from './image.js';

export const MetadataRef = builder.objectRef<Row<ImageMetadata>>('Metadata').implement({
  description: 'A key/value item of an image. Read-only items are the provider\'s and cannot be changed.',
  fields: (t) => ({
    key: t.exposeString('key'),
    value: t.exposeString('value'),
    readOnly: t.exposeBoolean('readOnly'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

builder.objectFields(ImageRef, (t) => ({
  metadata: t.field({
    type: [MetadataRef],
    description: 'All items, by key.',
    resolve: (image, _args, ctx) => metadataByImage(ctx).load(image.id),
  }),
  metadataItem: t.field({
    type: MetadataRef,
    nullable: true,
    args: { key: t.arg.string({ required: true }) },
    resolve: async (image, { key }, ctx) => (await metadataByImage(ctx).load(image.id)).find((item) => item.key === key),
  }),
}));

/** After a change, the payload must not show items this request loaded before it. */
function fresh<T extends { id: string }>(ctx: Context, image: T): T {
  metadataByImage(ctx).clear(image.id);
  return image;
}

const MetadataItemInput = builder.inputType('MetadataItemInput', {
  fields: (t) => ({ key: t.string({ required: true }), value: t.string({ required: true }) }),
});

builder.relayMutationField(
  'imageMetadataSet',
  {
    inputFields: (t) => ({
      id: t.globalID({ for: ImageRef, required: true }),
      items: t.field({ type: [MetadataItemInput], required: true }),
    }),
  },
  {
    description: 'Creates the items that do not exist and overwrites the values of those that do.',
    authScopes: { writer: true },
    errors: { types: [ValidationError, NotFoundError, ReadOnlyMetadataError, ConflictError, ForbiddenError] },
    resolve: async (_root, { input }, ctx) => ({ image: fresh(ctx, await setMetadata(ctx, input.id.id, input.items)) }),
  },
  { outputFields: (t) => ({ image: t.field({ type: ImageRef, nullable: true, resolve: (p) => p.image }) }) },
);

builder.relayMutationField(
  'imageMetadataReplace',
  {
    inputFields: (t) => ({
      id: t.globalID({ for: ImageRef, required: true }),
      items: t.field({ type: [MetadataItemInput], required: true }),
    }),
  },
  {
    description: 'Deletes every item not given and sets those given. Read-only items stay, and may not get other values.',
    authScopes: { writer: true },
    errors: { types: [ValidationError, NotFoundError, ReadOnlyMetadataError, ConflictError, ForbiddenError] },
    resolve: async (_root, { input }, ctx) => ({ image: fresh(ctx, await replaceMetadata(ctx, input.id.id, input.items)) }),
  },
  { outputFields: (t) => ({ image: t.field({ type: ImageRef, nullable: true, resolve: (p) => p.image }) }) },
);

builder.relayMutationField(
  'imageMetadataDelete',
  {
    inputFields: (t) => ({
      id: t.globalID({ for: ImageRef, required: true }),
      key: t.string({ required: true }),
    }),
  },
  {
    authScopes: { writer: true },
    errors: { types: [ValidationError, NotFoundError, ReadOnlyMetadataError, ConflictError, ForbiddenError] },
    resolve: async (_root, { input }, ctx) => ({ image: fresh(ctx, await deleteMetadataItem(ctx, input.id.id, input.key)) }),
  },
  { outputFields: (t) => ({ image: t.field({ type: ImageRef, nullable: true, resolve: (p) => p.image }) }) },
);
