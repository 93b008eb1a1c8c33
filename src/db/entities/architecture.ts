import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { baseColumns } from './columns.js';

const p = defineEntity.properties;

export const Architecture = defineEntity({
  name: 'Architecture',
  properties: {
    ...baseColumns,
    name: p.string().length(128).unique(),
  },
});
export type Architecture = InferEntity<typeof Architecture>;
