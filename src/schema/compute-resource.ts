// ComputeResource: a hypervisor or cloud account whose templates Foreman registers as images.
import { ComputeResource } from '../db/entities/compute-resource.js';
import { ConflictError, InUseError, NotFoundError, ValidationError } from '../domain/errors.js';
import {
  REFERENCE_RULES, createComputeResource, deleteComputeResource, listReferences, updateComputeResource,
} from '../domain/reference-data.js';
import { builder } from './builder.js';
import { resultUnion } from './errors.js';
import { toConnection } from './connection.js';
import { viaLoader } from './loaded.js';
import { NAME_RULE, referenceNodeRef } from './reference-node.js';
import { RegionRef } from './region.js';

export const ComputeResourceRef = referenceNodeRef('ComputeResource', ComputeResource);

ComputeResourceRef.implement({
  description: 'A hypervisor or cloud account whose templates Foreman registers as images.',
  authScopes: { authenticated: true },
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Unique name.' }),
    provider: t.exposeString('provider', { description: 'The kind of hypervisor or cloud: libvirt, vmware, ec2, openstack, ...' }),
    region: t.field({
      type: RegionRef,
      nullable: true,
      description: 'The region its images are registered in (they may name no other); null when it has none.',
      resolve: (resource, _args, ctx) => viaLoader(RegionRef, ctx, resource.region),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the compute resource was created.' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When the compute resource was last changed.' }),
  }),
});

const ComputeResourceConnection = builder.connectionObject(
  { type: ComputeResourceRef, name: 'ComputeResourceConnection', description: 'A page of compute resources.' },
  { name: 'ComputeResourceEdge', description: 'A compute resource in a page, with its cursor.' },
);

builder.queryField('computeResources', (t) =>
  t.connection(
    {
      type: ComputeResourceRef,
      description: 'Every compute resource, by name.',
      authScopes: { authenticated: true },
      resolve: async (_root, args, ctx) => toConnection(await listReferences<ComputeResource>(ctx, ComputeResource, args)),
    },
    ComputeResourceConnection,
  ),
);

builder.relayMutationField(
  'computeResourceCreate',
  {
    description: 'The input of computeResourceCreate: the new compute resource.',
    inputFields: (t) => ({
      name: t.string({ required: true, description: `Unique name: ${NAME_RULE}.` }),
      provider: t.string({ required: true, description: `The kind of hypervisor or cloud: ${REFERENCE_RULES.provider}.` }),
      regionId: t.globalID({ for: RegionRef, description: 'The region its images are registered in; none when omitted.' }),
    }),
  },
  {
    description: 'Adds a compute resource (administrators only).',
    authScopes: { admin: true },
    errors: {
      types: [ValidationError, ConflictError],
      union: resultUnion('computeResourceCreate'),
    },
    resolve: async (_root, { input: { regionId, ...input } }, ctx) => ({
      computeResource: await createComputeResource(ctx, { ...input, regionId: regionId?.id }),
    }),
  },
  {
    description: 'What computeResourceCreate returns on success.',
    outputFields: (t) => ({
      computeResource: t.field({
        type: ComputeResourceRef,
        nullable: true,
        description: 'The new compute resource.',
        resolve: (p) => p.computeResource,
      }),
    }),
  },
);

builder.relayMutationField(
  'computeResourceUpdate',
  {
    description: 'The input of computeResourceUpdate: which compute resource, and what to change; omitted fields stay as they are.',
    inputFields: (t) => ({
      id: t.globalID({ for: ComputeResourceRef, required: true, description: 'The compute resource to change.' }),
      name: t.string({ description: `The new unique name: ${NAME_RULE}.` }),
      provider: t.string({ description: `The new provider: ${REFERENCE_RULES.provider}.` }),
      regionId: t.globalID({ for: RegionRef, description: 'null detaches the compute resource from its region.' }),
    }),
  },
  {
    description: 'Changes a compute resource (administrators only); its images stay where they are.',
    authScopes: { admin: true },
    errors: {
      types: [ValidationError, NotFoundError, ConflictError],
      union: resultUnion('computeResourceUpdate'),
    },
    resolve: async (_root, { input: { id, regionId, ...patch } }, ctx) => ({
      computeResource: await updateComputeResource(ctx, id.id, {
        ...patch,
        ...(regionId !== undefined && { regionId: regionId?.id ?? null }),
      }),
    }),
  },
  {
    description: 'What computeResourceUpdate returns on success.',
    outputFields: (t) => ({
      computeResource: t.field({
        type: ComputeResourceRef,
        nullable: true,
        description: 'The compute resource as changed.',
        resolve: (p) => p.computeResource,
      }),
    }),
  },
);

builder.relayMutationField(
  'computeResourceDelete',
  {
    description: 'The input of computeResourceDelete: which compute resource.',
    inputFields: (t) => ({ id: t.globalID({ for: ComputeResourceRef, required: true, description: 'The compute resource to delete.' }) }),
  },
  {
    description:
      'Deletes a compute resource (administrators only). Refused with InUseError while an image that is not deleted uses it; deleted images that used it are left without one.',
    authScopes: { admin: true },
    errors: {
      types: [NotFoundError, InUseError, ConflictError],
      union: resultUnion('computeResourceDelete'),
    },
    resolve: async (_root, { input }, ctx) => {
      await deleteComputeResource(ctx, input.id.id);
      return { deletedId: { type: 'ComputeResource', id: input.id.id } };
    },
  },
  {
    description: 'What computeResourceDelete returns on success.',
    outputFields: (t) => ({
      deletedId: t.globalID({ description: 'The global id the deleted compute resource had.', resolve: (p) => p.deletedId }),
    }),
  },
);
