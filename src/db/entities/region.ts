import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { baseColumns } from './columns.js';

const p = defineEntity.properties;

/** A place images live: a Gcore or Lunanode region, a Danube datacenter. */
export const Region = defineEntity({
  name: 'Region',
  properties: {
    ...baseColumns,
    slug: p.string().length(64).unique(),
    name: p.string().length(128),
  },
});
export type Region = InferEntity<typeof Region>;
