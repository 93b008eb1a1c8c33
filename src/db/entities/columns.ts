// Columns every table has, spread into each entity (composition, not a base class).
import { defineEntity } from '@mikro-orm/core';
import { uuidv7 } from 'uuidv7';

const p = defineEntity.properties;

export const baseColumns = {
  /** uuid v7: time ordered, so the primary key index stays append-mostly. */
  id: p.uuid().primary().onCreate(() => uuidv7()),
  createdAt: p.datetime().onCreate(() => new Date()).columnType('timestamptz(3)'),
  updatedAt: p
    .datetime()
    .onCreate(() => new Date())
    .onUpdate(() => new Date())
    .columnType('timestamptz(3)'),
};
