// Reseller: a Gcore reseller that owns client projects. Its projects connection lives in
// project.ts and its shared-image rows in shared-image.ts, beside the types they list.
import type { Reseller } from '../db/entities/reseller.js';
import { ConflictError, ForbiddenError, InUseError, NotFoundError, ValidationError } from '../domain/errors.js';
import { createReseller, deleteReseller, listResellers, resellersById, updateReseller } from '../domain/resellers.js';
import { builder } from './builder.js';
import { resultUnion } from './errors.js';
import { toConnection } from './connection.js';
import { NAME_RULE } from './reference-node.js';

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
    name: t.exposeString('name', { authScopes: { authenticated: true }, description: 'Unique name.' }),
    createdAt: t.expose('createdAt', {
      type: 'DateTime',
      authScopes: { authenticated: true },
      description: 'When the reseller was created.',
    }),
    updatedAt: t.expose('updatedAt', {
      type: 'DateTime',
      authScopes: { authenticated: true },
      description: 'When the reseller was last changed.',
    }),
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
  {
    description: 'The input of resellerCreate: the new reseller.',
    inputFields: (t) => ({ name: t.string({ required: true, description: `Unique name: ${NAME_RULE}.` }) }),
  },
  {
    description: 'Adds a reseller (administrators only); projectCreate and projectUpdate give it client projects.',
    authScopes: { admin: true },
    errors: {
      types: [ValidationError, ConflictError, ForbiddenError],
      union: resultUnion('resellerCreate'),
    },
    resolve: async (_root, { input }, ctx) => ({ reseller: await createReseller(ctx, input) }),
  },
  {
    description: 'What resellerCreate returns on success.',
    outputFields: (t) => ({
      reseller: t.field({ type: ResellerRef, nullable: true, description: 'The new reseller.', resolve: (p) => p.reseller }),
    }),
  },
);

builder.relayMutationField(
  'resellerUpdate',
  {
    description: 'The input of resellerUpdate: which reseller, and what to change; omitted fields stay as they are.',
    inputFields: (t) => ({
      id: t.globalID({ for: ResellerRef, required: true, description: 'The reseller to change.' }),
      name: t.string({ description: `The new unique name: ${NAME_RULE}.` }),
    }),
  },
  {
    description: 'Renames a reseller (administrators only).',
    authScopes: { admin: true },
    errors: {
      types: [ValidationError, NotFoundError, ConflictError, ForbiddenError],
      union: resultUnion('resellerUpdate'),
    },
    resolve: async (_root, { input: { id, ...patch } }, ctx) => ({ reseller: await updateReseller(ctx, id.id, patch) }),
  },
  {
    description: 'What resellerUpdate returns on success.',
    outputFields: (t) => ({
      reseller: t.field({ type: ResellerRef, nullable: true, description: 'The reseller as changed.', resolve: (p) => p.reseller }),
    }),
  },
);

builder.relayMutationField(
  'resellerDelete',
  {
    description: 'The input of resellerDelete: which reseller.',
    inputFields: (t) => ({ id: t.globalID({ for: ResellerRef, required: true, description: 'The reseller to delete.' }) }),
  },
  {
    description:
      'Deletes a reseller (administrators only). Refused with InUseError while projects belong to it; its API tokens and shared-image rows go with it.',
    authScopes: { admin: true },
    errors: {
      types: [NotFoundError, InUseError, ConflictError, ForbiddenError],
      union: resultUnion('resellerDelete'),
    },
    resolve: async (_root, { input }, ctx) => {
      await deleteReseller(ctx, input.id.id);
      return { deletedId: { type: 'Reseller', id: input.id.id } };
    },
  },
  {
    description: 'What resellerDelete returns on success.',
    outputFields: (t) => ({
      deletedId: t.globalID({ description: 'The global id the deleted reseller had.', resolve: (p) => p.deletedId }),
    }),
  },
);
