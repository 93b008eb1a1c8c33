// OperatingSystem: Foreman's operating systems ("centos 5.3").
import { OperatingSystem } from '../db/entities/operating-system.js';
import { ConflictError, InUseError, NotFoundError, ValidationError } from '../domain/errors.js';
import {
  createOperatingSystem, deleteOperatingSystem, listReferences, updateOperatingSystem,
} from '../domain/reference-data.js';
import { builder } from './builder.js';
import { toConnection } from './connection.js';
import { referenceNodeRef } from './reference-node.js';

export const OperatingSystemRef = referenceNodeRef('OperatingSystem', OperatingSystem);

OperatingSystemRef.implement({
  authScopes: { authenticated: true },
  fields: (t) => ({
    name: t.exposeString('name'),
    major: t.exposeString('major'),
    minor: t.exposeString('minor'),
    family: t.exposeString('family', { nullable: true }),
    title: t.exposeString('title', { description: 'Name and version, e.g. "Ubuntu 24.04"; what search matches.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

const OperatingSystemConnection = builder.connectionObject(
  { type: OperatingSystemRef, name: 'OperatingSystemConnection', description: 'A page of operating systems.' },
  { name: 'OperatingSystemEdge', description: 'An operating system in a page, with its cursor.' },
);

builder.queryField('operatingSystems', (t) =>
  t.connection(
    {
      type: OperatingSystemRef,
      description: 'Every operating system, by title.',
      authScopes: { authenticated: true },
      resolve: async (_root, args, ctx) => toConnection(await listReferences<OperatingSystem>(ctx, OperatingSystem, args)),
    },
    OperatingSystemConnection,
  ),
);

builder.relayMutationField(
  'operatingSystemCreate',
  {
    inputFields: (t) => ({
      name: t.string({ required: true }),
      major: t.string({ required: true }),
      minor: t.string(),
      family: t.string(),
    }),
  },
  {
    authScopes: { admin: true },
    errors: { types: [ValidationError, ConflictError] },
    resolve: async (_root, { input }, ctx) => ({ operatingSystem: await createOperatingSystem(ctx, input) }),
  },
  { outputFields: (t) => ({ operatingSystem: t.field({ type: OperatingSystemRef, nullable: true, resolve: (p) => p.operatingSystem }) }) },
);

builder.relayMutationField(
  'operatingSystemUpdate',
  {
    inputFields: (t) => ({
      id: t.globalID({ for: OperatingSystemRef, required: true }),
      name: t.string(),
      major: t.string(),
      minor: t.string(),
      family: t.string(),
    }),
  },
  {
    authScopes: { admin: true },
    errors: { types: [ValidationError, NotFoundError, ConflictError] },
    resolve: async (_root, { input: { id, ...patch } }, ctx) => ({
      operatingSystem: await updateOperatingSystem(ctx, id.id, patch),
    }),
  },
  { outputFields: (t) => ({ operatingSystem: t.field({ type: OperatingSystemRef, nullable: true, resolve: (p) => p.operatingSystem }) }) },
);

builder.relayMutationField(
  'operatingSystemDelete',
  { inputFields: (t) => ({ id: t.globalID({ for: OperatingSystemRef, required: true }) }) },
  {
    authScopes: { admin: true },
    errors: { types: [NotFoundError, InUseError, ConflictError] },
    resolve: async (_root, { input }, ctx) => {
      await deleteOperatingSystem(ctx, input.id.id);
      return { deletedId: { type: 'OperatingSystem', id: input.id.id } };
    },
  },
  { outputFields: (t) => ({ deletedId: t.globalID({ resolve: (p) => p.deletedId }) }) },
);
