// Shared shape of the reference types: a node loaded in batches by id.
import type { EntitySchema } from '@mikro-orm/core';
import { referencesById } from '../domain/reference-data.js';
import { builder } from './builder.js';

/**
 * A loadable node for a reference entity. Rows a resolver already has (joined into an
 * image page) are cached under their id, so the loader never fetches them again.
 */
export function referenceNodeRef<T extends { id: string }>(name: string, entity: EntitySchema<T, never>) {
  return builder.loadableNodeRef<T, string>(name, {
    id: { resolve: (row) => row.id },
    load: (ids, ctx) => referencesById(ctx, entity, ids),
    toKey: (row) => row.id,
    // Unknown ids resolve to null, as Relay's node(id) expects.
    sort: true,
    cacheResolved: true,
  });
}
