// Shared shape of the reference types: a node loaded in batches by id.
import type { EntitySchema } from '@mikro-orm/core';
import { referencesById } from '../domain/reference-data.js';
import type { Row } from '../domain/rows.js';
import { identifier } from '../domain/validation.js';
import { builder } from './builder.js';

/** Foreman's identifier rule (project, reseller and compute resource names), for descriptions. */
export const NAME_RULE = `1 to ${identifier.maxLength} ASCII letters, digits, spaces, underscores, hyphens or dots, not starting or ending with a space`;

/** The same rule without spaces (architecture and operating system names). */
export const WORD_RULE = `1 to ${identifier.maxLength} ASCII letters, digits, underscores, hyphens or dots`;

/**
 * A loadable node for a reference entity, read as rows. Rows a resolver already has (joined into
 * an image page) are cached under their id, so the loader never fetches them again.
 */
export function referenceNodeRef<T extends { id: string }>(name: string, entity: EntitySchema<T, never>) {
  type Shape = Row<T> & { id: string };
  return builder.loadableNodeRef<Shape, string>(name, {
    id: { resolve: (row) => row.id },
    load: async (ids, ctx) => (await referencesById(ctx, entity, ids)) as Shape[],
    toKey: (row) => row.id,
    // Unknown ids resolve to null, as Relay's node(id) expects.
    sort: true,
    cacheResolved: true,
  });
}
