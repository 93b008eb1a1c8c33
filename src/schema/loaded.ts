// Resolving a to-one relation: the joined row when the page query brought it (no SQL),
// else through the request's loader (one batched statement for the whole page).
import { wrap } from '@mikro-orm/core';
import type { Context } from './builder.js';

interface LoadableRef<T> {
  getDataloader(ctx: Context): { load(id: string): Promise<T> };
}

export function viaLoader<T extends object>(ref: LoadableRef<T>, ctx: Context, relation: (T & { id: string }) | null | undefined) {
  if (relation == null) return null;
  return wrap(relation).isInitialized() ? relation : ref.getDataloader(ctx).load(relation.id);
}
