// Region: where images live (a Gcore or Lunanode region, a Danube datacenter).
import { Region } from '../db/entities/region.js';
import { ConflictError, InUseError, NotFoundError, ValidationError } from '../domain/errors.js';
import { createRegion, deleteRegion, listReferences, updateRegion } from '../domain/reference-data.js';
import { builder } from './builder.js';
import { toConnection } from './connection.js';
import { referenceNodeRef } from './reference-node.js';

export const RegionRef = referenceNodeRef('Region', Region);

RegionRef.implement({
  authScopes: { authenticated: true },
  fields: (t) => ({
    slug: t.exposeString('slug', { description: "Short stable name, e.g. 'toronto'." }),
    name: t.exposeString('name'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
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
    inputFields: (t) => ({
      slug: t.string({ required: true }),
      name: t.string({ required: true }),
    }),
  },
  {
    authScopes: { admin: true },
    errors: { types: [ValidationError, ConflictError] },
    resolve: async (_root, { input }, ctx) => ({ region: await createRegion(ctx, input) }),
  },
  { outputFields: (t) => ({ region: t.field({ type: RegionRef, nullable: true, resolve: (payload) => payload.region }) }) },
);

builder.relayMutationField(
  'regionUpdate',
  {
    inputFields: (t) => ({
      id: t.globalID({ for: RegionRef, required: true }),
      slug: t.string(),
      name: t.string(),
    }),
  },
  {
    authScopes: { admin: true },
    errors: { types: [ValidationError, NotFoundError, ConflictError] },
    resolve: async (_root, { input: { id, ...patch } }, ctx) => ({ region: await updateRegion(ctx, id.id, patch) }),
  },
  { outputFields: (t) => ({ region: t.field({ type: RegionRef, nullable: true, resolve: (payload) => payload.region }) }) },
);

builder.relayMutationField(
  'regionDelete',
  { inputFields: (t) => ({ id: t.globalID({ for: RegionRef, required: true }) }) },
  {
    authScopes: { admin: true },
    errors: { types: [NotFoundError, InUseError, ConflictError] },
    resolve: async (_root, { input }, ctx) => {
      await deleteRegion(ctx, input.id.id);
      return { deletedId: { type: 'Region', id: input.id.id } };
    },
  },
  { outputFields: (t) => ({ deletedId: t.globalID({ resolve: (payload) => payload.deletedId }) }) },
);
