// Reseller: a Gcore reseller that owns client projects. Its projects connection lives in
// project.ts and its shared-image rows in shared-image.ts, beside the types they list.
import type { Reseller } from '../db/entities/reseller.js';
import { ConflictError, ForbiddenError, InUseError, NotFoundError, ValidationError } from '../domain/errors.js';
import { createReseller, deleteReseller, listResellers, resellersById, updateReseller } from '../domain/resellers.js';
import { builder } from './builder.js';
import { toConnection } from './connection.js';

/** Loaded in batches by id; a reseller the caller may not see loads as null. */
export const ResellerRef = builder.loadableNodeRef<Reseller, string>('Reseller', {
  id: { resolve: (reseller) => reseller.id },
  load: (ids, ctx) => resellersById(ctx, ids),
  toKey: (reseller) => reseller.id,
  sort: true,
  cacheResolved: true,
});

ResellerRef.implement({
  description: 'A Gcore reseller: it owns client projects and limits the public images they may use.',
  fields: (t) => ({
    name: t.exposeString('name', { authScopes: { authenticated: true } }),
    createdAt: t.expose('createdAt', { type: 'DateTime', authScopes: { authenticated: true } }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', authScopes: { authenticated: true } }),
  }),
});

const ResellerConnection = builder.connectionObject(
  { type: ResellerRef, name: 'ResellerConnection', description: 'A page of resellers.' },
  { name: 'ResellerEdge', description: 'A reseller in a page, with its cursor.' },
);

builder.queryField('resellers', (t) =>
  t.connection(
    {
      type: ResellerRef,
      description: 'All resellers for an administrator, its own for a reseller admin, none for members; by name.',
      authScopes: { authenticated: true },
      resolve: async (_root, args, ctx) => toConnection(await listResellers(ctx, args)),
    },
    ResellerConnection,
  ),
);

builder.relayMutationField(
  'resellerCreate',
  { inputFields: (t) => ({ name: t.string({ required: true }) }) },
  {
    authScopes: { admin: true },
    errors: { types: [ValidationError, ConflictError, ForbiddenError] },
    resolve: async (_root, { input }, ctx) => ({ reseller: await createReseller(ctx, input) }),
  },
  { outputFields: (t) => ({ reseller: t.field({ type: ResellerRef, nullable: true, resolve: (p) => p.reseller }) }) },
);

builder.relayMutationField(
  'resellerUpdate',
  { inputFields: (t) => ({ id: t.globalID({ for: ResellerRef, required: true }), name: t.string() }) },
  {
    authScopes: { admin: true },
    errors: { types: [ValidationError, NotFoundError, ConflictError, ForbiddenError] },
    resolve: async (_root, { input: { id, ...patch } }, ctx) => ({ reseller: await updateReseller(ctx, id.id, patch) }),
  },
  { outputFields: (t) => ({ reseller: t.field({ type: ResellerRef, nullable: true, resolve: (p) => p.reseller }) }) },
);

builder.relayMutationField(
  'resellerDelete',
  { inputFields: (t) => ({ id: t.globalID({ for: ResellerRef, required: true }) }) },
  {
    description: 'Refused with InUseError while projects belong to the reseller; its shared-image rows go with it.',
    authScopes: { admin: true },
    errors: { types: [NotFoundError, InUseError, ConflictError, ForbiddenError] },
    resolve: async (_root, { input }, ctx) => {
      await deleteReseller(ctx, input.id.id);
      return { deletedId: { type: 'Reseller', id: input.id.id } };
    },
  },
  { outputFields: (t) => ({ deletedId: t.globalID({ resolve: (p) => p.deletedId }) }) },
);
