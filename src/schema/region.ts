// Region: where images live (a Gcore or Lunanode region, a Danube datacenter).
import { Region } from '../db/entities/region.js';
import { ConflictError, InUseError, NotFoundError, ValidationError } from '../domain/errors.js';
import { REFERENCE_RULES, createRegion, deleteRegion, listReferences, updateRegion } from '../domain/reference-data.js';
import { builder } from './builder.js';
import { resultUnion } from './errors.js';
import { toConnection } from './connection.js';
import { referenceNodeRef } from './reference-node.js';

export const RegionRef = referenceNodeRef('Region', Region);

RegionRef.implement({
  description: 'Where images live: a Gcore or Lunanode region, a Danube datacenter.',
  authScopes: { authenticated: true },
  fields: (t) => ({
    slug: t.exposeString('slug', { description: "Short stable name, e.g. 'toronto'; unique." }),
    name: t.exposeString('name', { description: 'Display name.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the region was created.' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When the region was last changed.' }),
  }),
});

const RegionConnection = builder.connectionObject(
  { type: RegionRef, name: 'RegionConnection', description: 'A page of regions.' },
  { name: 'RegionEdge', description: 'A region in a page, with its cursor.' },
);

builder.queryField('regions', (t) =>
  t.connection(
    {
      type: RegionRef,
      description: 'Every region, by slug.',
      authScopes: { authenticated: true },
      resolve: async (_root, args, ctx) => toConnection(await listReferences<Region>(ctx, Region, args)),
    },
    RegionConnection,
  ),
);

builder.relayMutationField(
  'regionCreate',
  {
    description: 'The input of regionCreate: the new region.',
    inputFields: (t) => ({
      slug: t.string({ required: true, description: `Unique short name: ${REFERENCE_RULES.regionSlug}.` }),
      name: t.string({ required: true, description: `Display name: ${REFERENCE_RULES.regionName}.` }),
    }),
  },
  {
    description: 'Adds a region (administrators only).',
    authScopes: { admin: true },
    errors: {
      types: [ValidationError, ConflictError],
      union: resultUnion('regionCreate'),
    },
    resolve: async (_root, { input }, ctx) => ({ region: await createRegion(ctx, input) }),
  },
  {
    description: 'What regionCreate returns on success.',
    outputFields: (t) => ({
      region: t.field({ type: RegionRef, nullable: true, description: 'The new region.', resolve: (payload) => payload.region }),
    }),
  },
);

builder.relayMutationField(
  'regionUpdate',
  {
    description: 'The input of regionUpdate: which region, and what to change; omitted fields stay as they are.',
    inputFields: (t) => ({
      id: t.globalID({ for: RegionRef, required: true, description: 'The region to change.' }),
      slug: t.string({ description: `The new unique short name: ${REFERENCE_RULES.regionSlug}.` }),
      name: t.string({ description: `The new display name: ${REFERENCE_RULES.regionName}.` }),
    }),
  },
  {
    description: 'Changes a region (administrators only).',
    authScopes: { admin: true },
    errors: {
      types: [ValidationError, NotFoundError, ConflictError],
      union: resultUnion('regionUpdate'),
    },
    resolve: async (_root, { input: { id, ...patch } }, ctx) => ({ region: await updateRegion(ctx, id.id, patch) }),
  },
  {
    description: 'What regionUpdate returns on success.',
    outputFields: (t) => ({
      region: t.field({ type: RegionRef, nullable: true, description: 'The region as changed.', resolve: (payload) => payload.region }),
    }),
  },
);

builder.relayMutationField(
  'regionDelete',
  {
    description: 'The input of regionDelete: which region.',
    inputFields: (t) => ({ id: t.globalID({ for: RegionRef, required: true, description: 'The region to delete.' }) }),
  },
  {
    description:
      'Deletes a region (administrators only). Refused with InUseError while any image, deleted ones included, or compute resource is in it; its shared-image rows go with it.',
    authScopes: { admin: true },
    errors: {
      types: [NotFoundError, InUseError, ConflictError],
      union: resultUnion('regionDelete'),
    },
    resolve: async (_root, { input }, ctx) => {
      await deleteRegion(ctx, input.id.id);
      return { deletedId: { type: 'Region', id: input.id.id } };
    },
  },
  {
    description: 'What regionDelete returns on success.',
    outputFields: (t) => ({
      deletedId: t.globalID({ description: 'The global id the deleted region had.', resolve: (payload) => payload.deletedId }),
    }),
  },
);
