import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { baseColumns } from './columns.js';
import { Region } from './region.js';

const p = defineEntity.properties;

/** A hypervisor or cloud account whose templates Foreman registers as images. */
export const ComputeResource = defineEntity({
  name: 'ComputeResource',
  properties: {
    ...baseColumns,
    name: p.string().length(128).unique(),
    provider: p.string().length(64),
    region: p.manyToOne(Region).nullable().index(),
  },
});
export type ComputeResource = InferEntity<typeof ComputeResource>;
