// Architecture: x86_64, aarch64, ...
import { Architecture } from '../db/entities/architecture.js';
import { ConflictError, InUseError, NotFoundError, ValidationError } from '../domain/errors.js';
import { createArchitecture, deleteArchitecture, listReferences, updateArchitecture } from '../domain/reference-data.js';
import { builder } from './builder.js';
import { resultUnion } from './errors.js';
import { toConnection } from './connection.js';
import { WORD_RULE, referenceNodeRef } from './reference-node.js';

export const ArchitectureRef = referenceNodeRef('Architecture', Architecture);

ArchitectureRef.implement({
  description: 'A CPU architecture images are built for (Foreman), e.g. x86_64 or aarch64.',
  authScopes: { authenticated: true },
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Unique name, e.g. x86_64.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the architecture was created.' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When the architecture was last changed.' }),
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
  {
    description: 'The input of architectureCreate: the new architecture.',
    inputFields: (t) => ({
      name: t.string({ required: true, description: `Unique name: ${WORD_RULE}.` }),
    }),
  },
  {
    description: 'Adds an architecture (administrators only).',
    authScopes: { admin: true },
    errors: {
      types: [ValidationError, ConflictError],
      union: resultUnion('architectureCreate'),
    },
    resolve: async (_root, { input }, ctx) => ({ architecture: await createArchitecture(ctx, input) }),
  },
  {
    description: 'What architectureCreate returns on success.',
    outputFields: (t) => ({
      architecture: t.field({ type: ArchitectureRef, nullable: true, description: 'The new architecture.', resolve: (p) => p.architecture }),
    }),
  },
);

builder.relayMutationField(
  'architectureUpdate',
  {
    description: 'The input of architectureUpdate: which architecture, and what to change; omitted fields stay as they are.',
    inputFields: (t) => ({
      id: t.globalID({ for: ArchitectureRef, required: true, description: 'The architecture to change.' }),
      name: t.string({ description: `The new unique name: ${WORD_RULE}.` }),
    }),
  },
  {
    description: 'Renames an architecture (administrators only).',
    authScopes: { admin: true },
    errors: {
      types: [ValidationError, NotFoundError, ConflictError],
      union: resultUnion('architectureUpdate'),
    },
    resolve: async (_root, { input: { id, ...patch } }, ctx) => ({ architecture: await updateArchitecture(ctx, id.id, patch) }),
  },
  {
    description: 'What architectureUpdate returns on success.',
    outputFields: (t) => ({
      architecture: t.field({ type: ArchitectureRef, nullable: true, description: 'The architecture as changed.', resolve: (p) => p.architecture }),
    }),
  },
);

builder.relayMutationField(
  'architectureDelete',
  {
    description: 'The input of architectureDelete: which architecture.',
    inputFields: (t) => ({ id: t.globalID({ for: ArchitectureRef, required: true, description: 'The architecture to delete.' }) }),
  },
  {
    description:
      'Deletes an architecture (administrators only). Refused with InUseError while an image that is not deleted uses it; deleted images that used it are left without one.',
    authScopes: { admin: true },
    errors: {
      types: [NotFoundError, InUseError, ConflictError],
      union: resultUnion('architectureDelete'),
    },
    resolve: async (_root, { input }, ctx) => {
      await deleteArchitecture(ctx, input.id.id);
      return { deletedId: { type: 'Architecture', id: input.id.id } };
    },
  },
  {
    description: 'What architectureDelete returns on success.',
    outputFields: (t) => ({
      deletedId: t.globalID({ description: 'The global id the deleted architecture had.', resolve: (p) => p.deletedId }),
    }),
  },
);
