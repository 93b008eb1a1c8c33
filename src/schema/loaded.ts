// Resolving a to-one relation: the joined row when the read brought it (no SQL), else through
// the request's loader by id (one batched statement for the whole page).
import { loadedRow, refId } from '../domain/rows.js';
import type { Context } from './builder.js';

interface LoadableRef<T> {
  getDataloader(ctx: Context): { load(id: string): Promise<T> };
}

export function viaLoader<T extends { id: string }>(ref: LoadableRef<T>, ctx: Context, relation: T | string | null | undefined) {
  if (relation == null) return null;
  return loadedRow(relation) ?? ref.getDataloader(ctx).load(refId(relation));
}
