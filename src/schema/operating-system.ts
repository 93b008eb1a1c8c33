// OperatingSystem: Foreman's operating systems ("centos 5.3").
import { OperatingSystem } from '../db/entities/operating-system.js';
import { ConflictError, InUseError, NotFoundError, ValidationError } from '../domain/errors.js';
import {
  REFERENCE_RULES, createOperatingSystem, deleteOperatingSystem, listReferences, updateOperatingSystem,
} from '../domain/reference-data.js';
import { builder } from './builder.js';
import { resultUnion } from './errors.js';
import { toConnection } from './connection.js';
import { WORD_RULE, referenceNodeRef } from './reference-node.js';

export const OperatingSystemRef = referenceNodeRef('OperatingSystem', OperatingSystem);

OperatingSystemRef.implement({
  description: 'An operating system that images carry (Foreman), e.g. Ubuntu 24.04; no two share a name and version.',
  authScopes: { authenticated: true },
  fields: (t) => ({
    name: t.exposeString('name', { description: 'The name without its version, e.g. "Ubuntu"; it has no whitespace.' }),
    major: t.exposeString('major', { description: 'The major version, digits only, e.g. "24".' }),
    minor: t.exposeString('minor', { description: 'The minor version, e.g. "04"; empty when there is none.' }),
    family: t.exposeString('family', { nullable: true, description: 'The operating system family (Foreman); null when unset.' }),
    title: t.exposeString('title', { description: 'Name and version, e.g. "Ubuntu 24.04"; what search matches.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the operating system was created.' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When the operating system was last changed.' }),
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
    description: 'The input of operatingSystemCreate: the new operating system; its name and version must not be taken.',
    inputFields: (t) => ({
      name: t.string({ required: true, description: `The name without its version: ${WORD_RULE}.` }),
      major: t.string({ required: true, description: `The major version: ${REFERENCE_RULES.osMajor}.` }),
      minor: t.string({ description: `The minor version: ${REFERENCE_RULES.osMinor}; empty when omitted.` }),
      family: t.string({ description: `The operating system family, ${REFERENCE_RULES.osFamily}; none when omitted.` }),
    }),
  },
  {
    description: 'Adds an operating system (administrators only).',
    authScopes: { admin: true },
    errors: {
      types: [ValidationError, ConflictError],
      union: resultUnion('operatingSystemCreate'),
    },
    resolve: async (_root, { input }, ctx) => ({ operatingSystem: await createOperatingSystem(ctx, input) }),
  },
  {
    description: 'What operatingSystemCreate returns on success.',
    outputFields: (t) => ({
      operatingSystem: t.field({
        type: OperatingSystemRef,
        nullable: true,
        description: 'The new operating system.',
        resolve: (p) => p.operatingSystem,
      }),
    }),
  },
);

builder.relayMutationField(
  'operatingSystemUpdate',
  {
    description: 'The input of operatingSystemUpdate: which operating system, and what to change; omitted fields stay as they are.',
    inputFields: (t) => ({
      id: t.globalID({ for: OperatingSystemRef, required: true, description: 'The operating system to change.' }),
      name: t.string({ description: `The new name without its version: ${WORD_RULE}.` }),
      major: t.string({ description: `The new major version: ${REFERENCE_RULES.osMajor}.` }),
      minor: t.string({ description: `The new minor version: ${REFERENCE_RULES.osMinor}; empty removes it.` }),
      family: t.string({ description: `The new family, ${REFERENCE_RULES.osFamily}; null clears it.` }),
    }),
  },
  {
    description: 'Changes an operating system (administrators only); its title follows its name and version.',
    authScopes: { admin: true },
    errors: {
      types: [ValidationError, NotFoundError, ConflictError],
      union: resultUnion('operatingSystemUpdate'),
    },
    resolve: async (_root, { input: { id, ...patch } }, ctx) => ({
      operatingSystem: await updateOperatingSystem(ctx, id.id, patch),
    }),
  },
  {
    description: 'What operatingSystemUpdate returns on success.',
    outputFields: (t) => ({
      operatingSystem: t.field({
        type: OperatingSystemRef,
        nullable: true,
        description: 'The operating system as changed.',
        resolve: (p) => p.operatingSystem,
      }),
    }),
  },
);

builder.relayMutationField(
  'operatingSystemDelete',
  {
    description: 'The input of operatingSystemDelete: which operating system.',
    inputFields: (t) => ({ id: t.globalID({ for: OperatingSystemRef, required: true, description: 'The operating system to delete.' }) }),
  },
  {
    description:
      'Deletes an operating system (administrators only). Refused with InUseError while an image that is not deleted uses it; deleted images that used it are left without one.',
    authScopes: { admin: true },
    errors: {
      types: [NotFoundError, InUseError, ConflictError],
      union: resultUnion('operatingSystemDelete'),
    },
    resolve: async (_root, { input }, ctx) => {
      await deleteOperatingSystem(ctx, input.id.id);
      return { deletedId: { type: 'OperatingSystem', id: input.id.id } };
    },
  },
  {
    description: 'What operatingSystemDelete returns on success.',
    outputFields: (t) => ({
      deletedId: t.globalID({ description: 'The global id the deleted operating system had.', resolve: (p) => p.deletedId }),
    }),
  },
);
