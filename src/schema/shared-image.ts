// SharedImage: Gcore's shared images and (deprecated) reseller image limits, one row per
// (project or reseller, region); Reseller.sharedImages; the set/delete mutations and the query.
import { encodeGlobalID } from '@pothos/plugin-relay';
import type { Image } from '../db/entities/image.js';
import type { SharedImage } from '../db/entities/shared-image.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../domain/errors.js';
import { MAX_SHARED_IMAGE_IDS, type SharedImageKey, deleteSharedImage, getSharedImage, setSharedImage } from '../domain/shared-images.js';
import { sharedImagesByReseller } from '../loaders/shared-images-by-reseller.js';
import { type Context, builder } from './builder.js';
import { resultUnion } from './errors.js';
import { ImageRef } from './image.js';
import { viaLoader } from './loaded.js';
import { OBJECT_ID_DESCRIPTION, objectId } from './object-id.js';
import { ProjectRef } from './project.js';
import { RegionRef } from './region.js';
import { ResellerRef } from './reseller.js';

const LIMITS_DEPRECATION = 'Use sharedImages (Gcore deprecated reseller image limits)';
const LIMITS_MUTATION_DEPRECATION = 'Use sharedImageSet/sharedImageDelete with resellerId (Gcore deprecated reseller image limits)';

export const SharedImageRef = builder.objectRef<SharedImage>('SharedImage').implement({
  description:
    'Which public images a project, or the clients of a reseller, may use in a region. A reseller row may also share its clients\' images with all of them.',
  fields: (t) => ({
    id: t.id({ description: OBJECT_ID_DESCRIPTION, authScopes: { authenticated: true }, resolve: (row) => objectId('SharedImage', row) }),
    project: t.field({
      type: ProjectRef,
      nullable: true,
      description: 'The project the row is for; null for a reseller row.',
      authScopes: { authenticated: true },
      resolve: (row, _args, ctx) => viaLoader(ProjectRef, ctx, row.project),
    }),
    reseller: t.field({
      type: ResellerRef,
      nullable: true,
      description: 'The reseller the row is for; null for a project row.',
      authScopes: { authenticated: true },
      resolve: (row, _args, ctx) => viaLoader(ResellerRef, ctx, row.reseller),
    }),
    region: t.field({
      type: RegionRef,
      description: 'The region the row applies in.',
      authScopes: { authenticated: true },
      resolve: (row, _args, ctx) => viaLoader(RegionRef, ctx, row.region)!,
    }),
    imageIds: t.idList({
      nullable: true,
      description: 'null: every public image; []: none; a list: only those.',
      authScopes: { authenticated: true },
      resolve: (row) => row.imageIds?.map((id) => encodeGlobalID('Image', id)) ?? null,
    }),
    images: t.field({
      type: [ImageRef],
      nullable: true,
      description: 'The listed images the caller can see, in the listed order; null when imageIds is null.',
      authScopes: { authenticated: true },
      resolve: (row, _args, ctx) => listedImages(ctx, row),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the row was first set.', authScopes: { authenticated: true } }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When the row last changed.', authScopes: { authenticated: true } }),
  }),
});

/** Through the Image loader (visibility applied): a page of rows costs one statement; deleted images drop out. */
async function listedImages(ctx: Context, row: SharedImage): Promise<Image[] | null> {
  if (row.imageIds == null) return null;
  const loaded = await ImageRef.getDataloader(ctx).loadMany(row.imageIds);
  return loaded.filter((image): image is Image => image != null && !(image instanceof Error));
}

builder.objectFields(ResellerRef, (t) => ({
  sharedImages: t.field({
    type: [SharedImageRef],
    description: "The reseller's rows, one per region that has one.",
    authScopes: { admin: true, reseller: true },
    resolve: (reseller, _args, ctx) => sharedImagesByReseller(ctx).load(reseller.id),
  }),
  imageLimits: t.field({
    type: [SharedImageRef],
    description: 'The same rows as sharedImages, by their former Gcore name.',
    deprecationReason: LIMITS_DEPRECATION,
    authScopes: { admin: true, reseller: true },
    resolve: (reseller, _args, ctx) => sharedImagesByReseller(ctx).load(reseller.id),
  }),
}));

/** After a change, the payload must not show rows this request loaded before it. */
function fresh(ctx: Context, row: SharedImage): SharedImage {
  if (row.reseller) sharedImagesByReseller(ctx).clear(row.reseller.id);
  return row;
}

type GlobalId = { id: string } | null | undefined;
const rawId = (value: GlobalId) => (value == null ? null : value.id);

function keyOf(input: { projectId?: GlobalId; resellerId?: GlobalId; regionId: { id: string } }): SharedImageKey {
  return { projectId: rawId(input.projectId), resellerId: rawId(input.resellerId), regionId: input.regionId.id };
}

builder.queryField('sharedImage', (t) =>
  t.field({
    type: SharedImageRef,
    nullable: true,
    description:
      'The row of a project or a reseller (exactly one) in a region; null when there is none, which means every public image.',
    authScopes: { authenticated: true },
    args: {
      projectId: t.arg.globalID({ for: ProjectRef, description: 'The project; exactly one of projectId and resellerId.' }),
      resellerId: t.arg.globalID({ for: ResellerRef, description: 'The reseller; exactly one of projectId and resellerId.' }),
      regionId: t.arg.globalID({ for: RegionRef, required: true, description: 'The region.' }),
    },
    resolve: (_root, args, ctx) => getSharedImage(ctx, keyOf(args)),
  }),
);

const setErrors = (mutation: string) => ({
  types: [ValidationError, NotFoundError, ForbiddenError, ConflictError],
  union: resultUnion(mutation),
});
const imageIdsDescription = `null: every public image; []: none; a list of at most ${MAX_SHARED_IMAGE_IDS}: only those (public images in the region, or for a reseller also its clients' images).`;

builder.relayMutationField(
  'sharedImageSet',
  {
    description: 'The input of sharedImageSet: whose row, in which region, and its image list.',
    inputFields: (t) => ({
      projectId: t.globalID({ for: ProjectRef, description: 'Exactly one of projectId and resellerId.' }),
      resellerId: t.globalID({ for: ResellerRef, description: 'Exactly one of projectId and resellerId.' }),
      regionId: t.globalID({ for: RegionRef, required: true, description: 'The region.' }),
      imageIds: t.globalIDList({ for: ImageRef, required: false, description: imageIdsDescription }),
    }),
  },
  {
    description: 'Creates or replaces the row of a project or a reseller in a region (administrators, and a reseller for itself and its clients).',
    authScopes: { admin: true, reseller: true },
    errors: setErrors('sharedImageSet'),
    resolve: async (_root, { input }, ctx) => ({
      sharedImage: fresh(ctx, await setSharedImage(ctx, { ...keyOf(input), imageIds: input.imageIds?.map((id) => id.id) ?? null })),
    }),
  },
  {
    description: 'What sharedImageSet returns on success.',
    outputFields: (t) => ({
      sharedImage: t.field({ type: SharedImageRef, nullable: true, description: 'The row as it now is.', resolve: (p) => p.sharedImage }),
    }),
  },
);

builder.relayMutationField(
  'sharedImageDelete',
  {
    description: 'The input of sharedImageDelete: whose row, in which region.',
    inputFields: (t) => ({
      projectId: t.globalID({ for: ProjectRef, description: 'Exactly one of projectId and resellerId.' }),
      resellerId: t.globalID({ for: ResellerRef, description: 'Exactly one of projectId and resellerId.' }),
      regionId: t.globalID({ for: RegionRef, required: true, description: 'The region.' }),
    }),
  },
  {
    description: "Removes the row: the project falls back to its reseller's row, or every public image.",
    authScopes: { admin: true, reseller: true },
    errors: setErrors('sharedImageDelete'),
    resolve: async (_root, { input }, ctx) => ({ deletedSharedImage: fresh(ctx, await deleteSharedImage(ctx, keyOf(input))) }),
  },
  {
    description: 'What sharedImageDelete returns on success.',
    outputFields: (t) => ({
      deletedSharedImage: t.field({ type: SharedImageRef, nullable: true, description: 'The row as it was.', resolve: (p) => p.deletedSharedImage }),
    }),
  },
);

builder.relayMutationField(
  'resellerImageLimitsSet',
  {
    description: 'The input of resellerImageLimitsSet: the reseller, the region and the image list.',
    inputFields: (t) => ({
      resellerId: t.globalID({ for: ResellerRef, required: true, description: 'The reseller.' }),
      regionId: t.globalID({ for: RegionRef, required: true, description: 'The region.' }),
      imageIds: t.globalIDList({ for: ImageRef, required: false, description: imageIdsDescription }),
    }),
  },
  {
    description: 'The reseller form of sharedImageSet (Gcore: set or update available image list for reseller).',
    deprecationReason: LIMITS_MUTATION_DEPRECATION,
    authScopes: { admin: true, reseller: true },
    errors: setErrors('resellerImageLimitsSet'),
    resolve: async (_root, { input }, ctx) => ({
      sharedImage: fresh(
        ctx,
        await setSharedImage(ctx, {
          resellerId: input.resellerId.id,
          regionId: input.regionId.id,
          imageIds: input.imageIds?.map((id) => id.id) ?? null,
        }),
      ),
    }),
  },
  {
    description: 'What resellerImageLimitsSet returns on success.',
    outputFields: (t) => ({
      sharedImage: t.field({ type: SharedImageRef, nullable: true, description: 'The row as it now is.', resolve: (p) => p.sharedImage }),
    }),
  },
);

builder.relayMutationField(
  'resellerImageLimitsDelete',
  {
    description: 'The input of resellerImageLimitsDelete: the reseller and the region.',
    inputFields: (t) => ({
      resellerId: t.globalID({ for: ResellerRef, required: true, description: 'The reseller.' }),
      regionId: t.globalID({ for: RegionRef, required: true, description: 'The region.' }),
    }),
  },
  {
    description: 'The reseller form of sharedImageDelete (Gcore: delete image limits for reseller clients).',
    deprecationReason: LIMITS_MUTATION_DEPRECATION,
    authScopes: { admin: true, reseller: true },
    errors: setErrors('resellerImageLimitsDelete'),
    resolve: async (_root, { input }, ctx) => ({
      deletedSharedImage: fresh(ctx, await deleteSharedImage(ctx, { resellerId: input.resellerId.id, regionId: input.regionId.id })),
    }),
  },
  {
    description: 'What resellerImageLimitsDelete returns on success.',
    outputFields: (t) => ({
      deletedSharedImage: t.field({ type: SharedImageRef, nullable: true, description: 'The row as it was.', resolve: (p) => p.deletedSharedImage }),
    }),
  },
);
