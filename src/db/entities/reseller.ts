import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { baseColumns } from './columns.js';

const p = defineEntity.properties;

/** A reseller owns client projects (Gcore). */
export const Reseller = defineEntity({
  name: 'Reseller',
  properties: {
    ...baseColumns,
    name: p.string().length(128).unique(),
  },
});
export type Reseller = InferEntity<typeof Reseller>;
