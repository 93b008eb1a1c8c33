import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { baseColumns } from './columns.js';

const p = defineEntity.properties;

/** Foreman's operating system; `title` ("centos 5.3") is what searches match. */
export const OperatingSystem = defineEntity({
  name: 'OperatingSystem',
  properties: {
    ...baseColumns,
    name: p.string().length(128),
    major: p.string().length(16),
    minor: p.string().length(16).default(''),
    family: p.string().length(32).nullable(),
    title: p.string().length(255).unique(),
  },
});
export type OperatingSystem = InferEntity<typeof OperatingSystem>;
