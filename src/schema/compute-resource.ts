// ComputeResource: a hypervisor or cloud account whose templates Foreman registers as images.
import { ComputeResource } from '../db/entities/compute-resource.js';
import { ConflictError, InUseError, NotFoundError, ValidationError } from '../domain/errors.js';
import {
  createComputeResource, deleteComputeResource, listReferences, updateComputeResource,
} from '../domain/reference-data.js';
import { builder } from './builder.js';
import { toConnection } from './connection.js';
import { viaLoader } from './loaded.js';
import { referenceNodeRef } from './reference-node.js';
import { RegionRef } from './region.js';

export const ComputeResourceRef = referenceNodeRef('ComputeResource', ComputeResource);

ComputeResourceRef.implement({
  authScopes: { authenticated: true },
  fields: (t) => ({
    name: t.exposeString('name'),
    provider: t.exposeString('provider', { description: 'libvirt, vmware, ec2, openstack, ...' }),
    region: t.field({ type: RegionRef, nullable: true, resolve: (resource, _args, ctx) => viaLoader(RegionRef, ctx, resource.region) }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
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
    inputFields: (t) => ({
      name: t.string({ required: true }),
      provider: t.string({ required: true }),
      regionId: t.globalID({ for: RegionRef }),
    }),
  },
  {
    authScopes: { admin: true },
    errors: { types: [ValidationError, ConflictError] },
    resolve: async (_root, { input: { regionId, ...input } }, ctx) => ({
      computeResource: await createComputeResource(ctx, { ...input, regionId: regionId?.id }),
    }),
  },
  { outputFields: (t) => ({ computeResource: t.field({ type: ComputeResourceRef, nullable: true, resolve: (p) => p.computeResource }) }) },
);

builder.relayMutationField(
  'computeResourceUpdate',
  {
    inputFields: (t) => ({
      id: t.globalID({ for: ComputeResourceRef, required: true }),
      name: t.string(),
      provider: t.string(),
      regionId: t.globalID({ for: RegionRef, description: 'null detaches the compute resource from its region.' }),
    }),
  },
  {
    authScopes: { admin: true },
    errors: { types: [ValidationError, NotFoundError, ConflictError] },
    resolve: async (_root, { input: { id, regionId, ...patch } }, ctx) => ({
      computeResource: await updateComputeResource(ctx, id.id, {
        ...patch,
        ...(regionId !== undefined && { regionId: regionId?.id ?? null }),
      }),
    }),
  },
  { outputFields: (t) => ({ computeResource: t.field({ type: ComputeResourceRef, nullable: true, resolve: (p) => p.computeResource }) }) },
);

builder.relayMutationField(
  'computeResourceDelete',
  { inputFields: (t) => ({ id: t.globalID({ for: ComputeResourceRef, required: true }) }) },
  {
    authScopes: { admin: true },
    errors: { types: [NotFoundError, InUseError, ConflictError] },
    resolve: async (_root, { input }, ctx) => {
      await deleteComputeResource(ctx, input.id.id);
      return { deletedId: { type: 'ComputeResource', id: input.id.id } };
    },
  },
  { outputFields: (t) => ({ deletedId: t.globalID({ resolve: (p) => p.deletedId }) }) },
);
