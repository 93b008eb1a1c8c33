// Keyset (cursor) pagination in both directions on any order with `id` as the tie-breaker:
// page 10,000 costs what page 1 costs, and rows inserted between pages are neither skipped
// nor repeated. Nulls sort as the smallest value (ASC NULLS FIRST, DESC NULLS LAST).
import type { EntityManager, FilterQuery, QueryOrderMap } from '@mikro-orm/postgresql';
import { BadQueryError } from './errors.js';
import { type Row, findRows } from './rows.js';
import { isPrintable, isUuid } from './validation.js';

export type Direction = 'ASC' | 'DESC';
export type KeyKind = 'string' | 'number' | 'date';

export interface OrderKey {
  /** Entity property name. */
  field: string;
  direction: Direction;
  kind: KeyKind;
  nullable: boolean;
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export interface Page<T> {
  nodes: T[];
  cursors: string[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 500;

type CursorValue = string | number | null;

const signature = (order: OrderKey[]) => order.map((key) => `${key.field}:${key.direction}`).join(',');

function encodeCursor(order: OrderKey[], row: Record<string, unknown>): string {
  const values = order.map((key) => {
    const value = row[key.field];
    if (value == null) return null;
    return value instanceof Date ? value.toISOString() : (value as string | number);
  });
  return Buffer.from(JSON.stringify({ o: signature(order), v: values, id: row.id })).toString('base64url');
}

// PostgreSQL's timestamp range; a forged cursor outside it must not reach the database.
const MIN_DATE = Date.UTC(-4713, 0, 1);
const MAX_DATE = Date.UTC(9999, 11, 31);

function decodeCursor(order: OrderKey[], cursor: string, argument: string): { values: unknown[]; id: string } {
  const invalid = () => new BadQueryError(`${argument} is not a cursor of this list and order`, argument);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  const { o, v, id } = (parsed ?? {}) as { o?: unknown; v?: unknown; id?: unknown };
  if (o !== signature(order) || !Array.isArray(v) || v.length !== order.length) throw invalid();
  if (typeof id !== 'string' || !isUuid(id)) throw invalid();
  // Cursors come back from clients: every value is checked as strictly as an argument would be.
  const values = order.map((key, index) => {
    const value = v[index] as CursorValue;
    if (value === null) {
      if (!key.nullable) throw invalid();
      return null;
    }
    switch (key.kind) {
      case 'date': {
        const time = typeof value === 'string' ? Date.parse(value) : Number.NaN;
        if (!(time >= MIN_DATE && time <= MAX_DATE)) throw invalid();
        return new Date(time);
      }
      case 'number':
        if (!Number.isSafeInteger(value)) throw invalid();
        return value;
      case 'string':
        if (typeof value !== 'string' || !isPrintable(value)) throw invalid();
        return value;
    }
  });
  return { values, id };
}

const flip = (direction: Direction): Direction => (direction === 'ASC' ? 'DESC' : 'ASC');

/** Rows strictly after `value` in `direction` (nulls being the smallest). */
function beyond(key: OrderKey, direction: Direction, value: unknown): FilterQuery<any> | null {
  if (value === null) return direction === 'ASC' ? { [key.field]: { $ne: null } } : null;
  if (direction === 'ASC') return { [key.field]: { $gt: value } };
  return key.nullable
    ? { $or: [{ [key.field]: { $lt: value } }, { [key.field]: null }] }
    : { [key.field]: { $lt: value } };
}

/**
 * What an index on the first key can seek to: the rows from the cursor's first value on.
 * Without it the planner can only filter the lexicographic OR below, row by row, and a deep
 * page would cost what its depth costs.
 */
function leadingBound(key: OrderKey, direction: Direction, value: unknown): FilterQuery<any> | null {
  if (direction === 'ASC') return value === null ? null : { [key.field]: { $gte: value } };
  if (value === null) return { [key.field]: null };
  return key.nullable ? { $or: [{ [key.field]: { $lte: value } }, { [key.field]: null }] } : { [key.field]: { $lte: value } };
}

/** The "comes after (values, id)" condition for an order: lexicographic, plus an index bound. */
function after(order: OrderKey[], directions: Direction[], values: unknown[], id: string): FilterQuery<any> {
  const alternatives: FilterQuery<any>[] = [];
  const equalSoFar: FilterQuery<any>[] = [];
  order.forEach((key, index) => {
    const condition = beyond(key, directions[index]!, values[index]);
    if (condition) alternatives.push({ $and: [...equalSoFar, condition] });
    equalSoFar.push({ [key.field]: values[index] ?? null });
  });
  const idDirection = directions[directions.length - 1]!;
  alternatives.push({ $and: [...equalSoFar, { id: idDirection === 'ASC' ? { $gt: id } : { $lt: id } }] });
  const bound = leadingBound(order[0]!, directions[0]!, values[0]);
  return bound ? { $and: [bound, { $or: alternatives }] } : { $or: alternatives };
}

function orderBy(order: OrderKey[], directions: Direction[]): QueryOrderMap<any>[] {
  const keys: QueryOrderMap<any>[] = order.map((key, index) => {
    const direction = directions[index]!;
    if (!key.nullable) return { [key.field]: direction };
    return { [key.field]: direction === 'ASC' ? 'ASC NULLS FIRST' : 'DESC NULLS LAST' };
  });
  keys.push({ id: directions[directions.length - 1]! });
  return keys;
}

export function pageSize(args: PageArgs): { size: number; backward: boolean } {
  if (args.first != null && args.last != null) {
    throw new BadQueryError('Pass either first or last, not both', 'first');
  }
  for (const name of ['first', 'last'] as const) {
    const value = args[name];
    if (value != null && (value < 0 || value > MAX_PAGE_SIZE)) {
      throw new BadQueryError(`${name} must be between 0 and ${MAX_PAGE_SIZE}, got ${value}`, name);
    }
  }
  if (args.last != null) return { size: args.last, backward: true };
  if (args.first != null) return { size: args.first, backward: false };
  // Relay: `before` alone pages backward from it.
  return { size: DEFAULT_PAGE_SIZE, backward: args.before != null && args.after == null };
}

/**
 * One page of `entity` rows matching `where`, in `order` then id. `after` and `before` both
 * apply when given; `last` takes the rows nearest to `before` (or the end).
 */
export async function findPage<T extends { id: string }>(
  em: EntityManager,
  entity: string,
  where: FilterQuery<T>,
  order: OrderKey[],
  args: PageArgs,
  /** Relations joined into each row. */
  join: readonly string[] = [],
): Promise<Page<Row<T>>> {
  const { size, backward } = pageSize(args);
  const forward = order.map((key) => key.direction);
  const conditions: FilterQuery<any>[] = [where];
  if (args.after) {
    const cursor = decodeCursor(order, args.after, 'after');
    conditions.push(after(order, forward, cursor.values, cursor.id));
  }
  if (args.before) {
    const cursor = decodeCursor(order, args.before, 'before');
    conditions.push(after(order, forward.map(flip), cursor.values, cursor.id));
  }
  const directions = backward ? forward.map(flip) : forward;
  // One row more than asked tells whether there is a next page (even for first: 0).
  const rows = await findRows<T>(em, entity, {
    where: { $and: conditions } as FilterQuery<T>,
    join,
    orderBy: orderBy(order, directions),
    limit: size + 1,
  });
  const more = rows.length > size;
  const nodes = rows.slice(0, size);
  if (backward) nodes.reverse();
  return {
    nodes,
    cursors: nodes.map((node) => encodeCursor(order, node as unknown as Record<string, unknown>)),
    hasNextPage: backward ? args.before != null : more,
    hasPreviousPage: backward ? more : args.after != null,
  };
}
