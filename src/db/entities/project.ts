import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { baseColumns } from './columns.js';
import { Reseller } from './reseller.js';

const p = defineEntity.properties;

/** The tenant that owns images: a Gcore project, a Glance owner. */
export const Project = defineEntity({
  name: 'Project',
  properties: {
    ...baseColumns,
    name: p.string().length(128).unique(),
    reseller: p.manyToOne(Reseller).nullable().index(),
  },
});
export type Project = InferEntity<typeof Project>;
