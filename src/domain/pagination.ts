// Keyset (cursor) pagination in both directions on any order with `id` as the tie-breaker:
// page 10,000 costs what page 1 costs, and rows inserted between pages are neither skipped
// nor repeated. Nulls sort as the smallest value (ASC NULLS FIRST, DESC NULLS LAST).
import type { EntityManager, FilterQuery, QueryOrderMap } from '@mikro-orm/postgresql';
import { BadQueryError } from './errors.js';
import { type Row, countRows, findRows } from './rows.js';
import { type SqlCondition, type SqlValues, allOf } from './sql.js';
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
  /** Every match across all pages; counted only when asked for, since a count is a statement of its own. */
  totalCount: () => Promise<number>;
}

/** A page of nothing: a scope that can see no rows. */
export function emptyPage<T>(): Page<T> {
  return { nodes: [], cursors: [], hasNextPage: false, hasPreviousPage: false, totalCount: async () => 0 };
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 500;

/** The most ids one `nodes(ids:)` takes: a page's worth. */
export const MAX_NODES = MAX_PAGE_SIZE;

type CursorValue = string | number | null;

const signature = (order: OrderKey[]) => order.map((key) => `${key.field}:${key.direction}`).join(',');

export function encodeCursor(order: OrderKey[], row: Record<string, unknown>): string {
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

/** A key's column on the row aliased `alias`. */
export type ColumnOf = (alias: string, field: string) => string;

/** A cursor value as a parameter of its key's type. */
function bindValue(key: OrderKey, value: unknown, sql: SqlValues): string {
  return sql.bind(value, key.kind === 'date' ? 'timestamptz' : undefined);
}

/** Rows strictly after `value` in `direction` (nulls being the smallest; never after a null going down). */
function beyond(key: OrderKey, direction: Direction, value: unknown, column: string, sql: SqlValues): string {
  if (value === null) return `${column} IS NOT NULL`;
  if (direction === 'ASC') return `${column} > ${bindValue(key, value, sql)}`;
  const before = `${column} < ${bindValue(key, value, sql)}`;
  return key.nullable ? `(${before} OR ${column} IS NULL)` : before;
}

/**
 * What an index on the first key can seek to: the rows from the cursor's first value on.
 * Without it the planner can only filter the lexicographic OR below, row by row, and a deep
 * page would cost what its depth costs.
 */
function leadingBound(key: OrderKey, direction: Direction, value: unknown, column: string, sql: SqlValues): string | null {
  if (direction === 'ASC') return value === null ? null : `${column} >= ${bindValue(key, value, sql)}`;
  if (value === null) return `${column} IS NULL`;
  const upTo = `${column} <= ${bindValue(key, value, sql)}`;
  return key.nullable ? `(${upTo} OR ${column} IS NULL)` : upTo;
}

/** The "comes after (values, id)" condition for an order: lexicographic, plus an index bound. */
export function afterSql(order: OrderKey[], directions: Direction[], values: unknown[], id: string, columnOf: ColumnOf): SqlCondition {
  return (alias, sql) => {
    const column = (key: OrderKey) => columnOf(alias, key.field);
    const bound = leadingBound(order[0]!, directions[0]!, values[0], column(order[0]!), sql);
    // Each placeholder is bound where it stands in the text: `?` placeholders are taken in order.
    const equal = (upTo: number) =>
      order.slice(0, upTo).map((key, index) => (values[index] == null ? `${column(key)} IS NULL` : `${column(key)} = ${bindValue(key, values[index], sql)}`));
    const alternatives: string[] = [];
    order.forEach((key, index) => {
      // Nothing sorts after a null going down (nulls are the smallest).
      if (values[index] === null && directions[index] === 'DESC') return;
      const equalBefore = equal(index);
      alternatives.push(`(${[...equalBefore, beyond(key, directions[index]!, values[index], column(key), sql)].join(' AND ')})`);
    });
    const idDirection = directions[directions.length - 1]!;
    alternatives.push(`(${[...equal(order.length), `${alias}.id ${idDirection === 'ASC' ? '>' : '<'} ${sql.bind(id, 'uuid')}`].join(' AND ')})`);
    const after = `(${alternatives.join(' OR ')})`;
    return bound ? `(${bound} AND ${after})` : after;
  };
}

/** The ORDER BY of a page, as SQL (for statements of our own; `orderBy` below is the ORM's). */
export function orderSql(order: OrderKey[], directions: Direction[], alias: string, columnOf: ColumnOf): string {
  const keys = order.map((key, index) => {
    const direction = directions[index]!;
    const nulls = key.nullable ? (direction === 'ASC' ? ' NULLS FIRST' : ' NULLS LAST') : '';
    return `${columnOf(alias, key.field)} ${direction}${nulls}`;
  });
  keys.push(`${columnOf(alias, 'id')} ${directions[directions.length - 1]!}`);
  return keys.join(', ');
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
  /** And this condition in SQL. */
  sql?: SqlCondition,
): Promise<Page<Row<T>>> {
  const meta = em.getMetadata().get(entity);
  const columnOf: ColumnOf = (alias, field) => `${alias}.${meta.properties[field as keyof typeof meta.properties]!.fieldNames[0]}`;
  const { size, backward, directions, conditions } = keyset(order, args, columnOf);
  if (sql) conditions.unshift(sql);
  // One row more than asked tells whether there is a next page (even for first: 0).
  const rows = await findRows<T>(em, entity, {
    where,
    sql: conditions.length ? allOf(conditions) : undefined,
    join,
    orderBy: orderBy(order, directions),
    limit: size + 1,
  });
  const { nodes, hasNextPage, hasPreviousPage } = pageOf(rows, size, backward, args);
  let count: Promise<number> | undefined;
  return {
    nodes,
    hasNextPage,
    hasPreviousPage,
    cursors: nodes.map((node) => encodeCursor(order, node as unknown as Record<string, unknown>)),
    // The scope and filter without the cursors: the count is of the whole list.
    totalCount: () => (count ??= countRows<T>(em, entity, { where, sql })),
  };
}

/**
 * What a page asks of its statement: its size (one row more is read, to know whether there is a
 * next page), its direction, the order its rows are read in, and the conditions of its cursors.
 * Bad page sizes and cursors are refused here, before any SQL.
 */
export function keyset(order: OrderKey[], args: PageArgs, columnOf: ColumnOf) {
  const { size, backward } = pageSize(args);
  const forward = order.map((key) => key.direction);
  const after = args.after ? decodeCursor(order, args.after, 'after') : undefined;
  const before = args.before ? decodeCursor(order, args.before, 'before') : undefined;
  const conditions: SqlCondition[] = [];
  if (after) conditions.push(afterSql(order, forward, after.values, after.id, columnOf));
  if (before) conditions.push(afterSql(order, forward.map(flip), before.values, before.id, columnOf));
  return { size, backward, directions: backward ? forward.map(flip) : forward, conditions };
}

/** The page among `rows` (read `size` + 1, in `keyset`'s order): in the list's order, and whether more lie either side. */
export function pageOf<R>(rows: R[], size: number, backward: boolean, args: PageArgs): { nodes: R[]; hasNextPage: boolean; hasPreviousPage: boolean } {
  const more = rows.length > size;
  const nodes = rows.slice(0, size);
  if (backward) nodes.reverse();
  return {
    nodes,
    hasNextPage: backward ? args.before != null : more,
    hasPreviousPage: backward ? more : args.after != null,
  };
}
