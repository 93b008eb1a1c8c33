// Architecture: x86_64, aarch64, ...
import { Architecture } from '../db/entities/architecture.js';
import { ConflictError, InUseError, NotFoundError, ValidationError } from '../domain/errors.js';
import { createArchitecture, deleteArchitecture, listReferences, updateArchitecture } from '../domain/reference-data.js';
import { builder } from './builder.js';
import { toConnection } from './connection.js';
import { referenceNodeRef } from './reference-node.js';

export const ArchitectureRef = referenceNodeRef('Architecture', Architecture);

ArchitectureRef.implement({
  authScopes: { authenticated: true },
  fields: (t) => ({
    name: t.exposeString('name'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

const ArchitectureConnection = builder.connectionObject(
  { type: ArchitectureRef, name: 'ArchitectureConnection', description: 'A page of architectures.' },
  { name: 'ArchitectureEdge', description: 'An architecture in a page, with its cursor.' },
);

builder.queryField('architectures', (t) =>
  t.connection(
    {
      type: ArchitectureRef,
      description: 'Every architecture, by name.',
      authScopes: { authenticated: true },
      resolve: async (_root, args, ctx) => toConnection(await listReferences<Architecture>(ctx, Architecture, args)),
    },
    ArchitectureConnection,
  ),
);

builder.relayMutationField(
  'architectureCreate',
  { inputFields: (t) => ({ name: t.string({ required: true }) }) },
  {
    authScopes: { admin: true },
    errors: { types: [ValidationError, ConflictError] },
    resolve: async (_root, { input }, ctx) => ({ architecture: await createArchitecture(ctx, input) }),
  },
  { outputFields: (t) => ({ architecture: t.field({ type: ArchitectureRef, nullable: true, resolve: (p) => p.architecture }) }) },
);

builder.relayMutationField(
  'architectureUpdate',
  { inputFields: (t) => ({ id: t.globalID({ for: ArchitectureRef, required: true }), name: t.string() }) },
  {
    authScopes: { admin: true },
    errors: { types: [ValidationError, NotFoundError, ConflictError] },
    resolve: async (_root, { input: { id, ...patch } }, ctx) => ({ architecture: await updateArchitecture(ctx, id.id, patch) }),
  },
  { outputFields: (t) => ({ architecture: t.field({ type: ArchitectureRef, nullable: true, resolve: (p) => p.architecture }) }) },
);

builder.relayMutationField(
  'architectureDelete',
  { inputFields: (t) => ({ id: t.globalID({ for: ArchitectureRef, required: true }) }) },
  {
    authScopes: { admin: true },
    errors: { types: [NotFoundError, InUseError, ConflictError] },
    resolve: async (_root, { input }, ctx) => {
      await deleteArchitecture(ctx, input.id.id);
      return { deletedId: { type: 'Architecture', id: input.id.id } };
    },
  },
  { outputFields: (t) => ({ deletedId: t.globalID({ resolve: (p) => p.deletedId }) }) },
);
