// Reads return plain rows, not managed entities. Hydrating entities and registering them in the
// identity map was most of what a read cost: a catalog page of 100 images with their relations
// and 500 metadata items took about 56 ms of CPU that way. Rows come straight from the result,
// columns under their property names. Writes still load entities: they need change tracking.
import {
  BigIntType, type Collection, type EntityMetadata, type EntityProperty, type FilterQuery, type Platform, type QueryOrderMap, Utils, wrap,
} from '@mikro-orm/core';
import type { EntityManager, QueryBuilder } from '@mikro-orm/postgresql';
import { type SqlCondition, SqlValues } from './sql.js';

/** A relation as a row holds it: the joined row, or only the related row's id. */
export type RowRef<T> = Row<T> | string;

type Relation = { id: string };

/**
 * A row of T: its columns under their property names, each relation as a RowRef. An entity of T
 * is a Row<T> too (its relations are rows or references), so the schema reads either.
 */
export type Row<T> = {
  [K in keyof T as NonNullable<T[K]> extends Collection<any> ? never : K]: NonNullable<T[K]> extends Date
    ? T[K]
    : NonNullable<T[K]> extends Relation
      ? RowRef<NonNullable<T[K]>> | Extract<T[K], null | undefined>
      : T[K];
};

/** The id a relation points at, however it is held. */
export function refId(ref: Relation | string): string;
export function refId(ref: Relation | string | null | undefined): string | null;
export function refId(ref: Relation | string | null | undefined): string | null {
  if (ref == null) return null;
  return typeof ref === 'string' ? ref : ref.id;
}

/**
 * The row a relation holds when it has one: a joined row or a loaded entity; null when only the
 * id is known (an id, or an entity reference not yet loaded), so the caller loads it by id.
 */
export function loadedRow<T extends Relation>(ref: T | string): T | null {
  if (typeof ref === 'string') return null;
  if (Utils.isEntity(ref, true) && !wrap(ref as object).isInitialized()) return null;
  return ref as T;
}

/** A loader's answer: the rows of each key, in the order of `keys` (none: an empty list). */
export function groupedBy<R>(keys: readonly string[], rows: readonly R[], keyOf: (row: R) => string): R[][] {
  const byKey = new Map<string, R[]>();
  for (const row of rows) {
    const key = keyOf(row);
    let group = byKey.get(key);
    if (!group) byKey.set(key, (group = []));
    group.push(row);
  }
  return keys.map((key) => byKey.get(key) ?? []);
}

export interface RowQuery<T> {
  where: FilterQuery<T>;
  /** And this condition in SQL (src/domain/sql.ts), on the row's alias. */
  sql?: SqlCondition | undefined;
  /** Relations joined into each row, as paths (`computeResource.region`); left joins: a missing one is null. */
  join?: readonly string[];
  orderBy?: QueryOrderMap<T>[];
  limit?: number;
}

type RowMapper = (raw: Record<string, unknown>) => Record<string, unknown>;
type Convert = ((value: unknown) => unknown) | undefined;

/** How a column's value becomes the property's, where the driver's value is not it already. */
function converter(prop: EntityProperty, platform: Platform): Convert {
  // PostgreSQL returns bigint as text; the entity maps it to a number, and so must a row.
  if (prop.customType instanceof BigIntType) return (value) => prop.customType!.convertToJSValue(value, platform);
  // The ORM reads timestamps as text, to parse them itself.
  if (prop.runtimeType === 'Date') return (value) => (typeof value === 'string' ? platform.parseDate(value) : value);
  return undefined;
}

/** The alias of a joined relation path: `computeResource.region` is `computeResource_region`. */
const aliasOf = (path: string) => path.replaceAll('.', '_');

/**
 * Column names to property names, once per entity and set of joins. The ORM's own result mapping
 * is generic and costs about as much again as reading the rows; this one knows its columns.
 * `joins` are relation paths from `meta`; `path` is where `meta` itself was joined.
 */
function rowMapper(meta: EntityMetadata, joins: readonly string[], platform: Platform, path = ''): RowMapper {
  const prefix = path ? `${aliasOf(path)}__` : '';
  const columns: [string, string, Convert][] = [];
  const nested: [string, string, RowMapper][] = [];
  for (const prop of meta.props) {
    if (joins.includes(prop.name)) {
      const target = prop.targetMeta!;
      const within = joins.filter((join) => join.startsWith(`${prop.name}.`)).map((join) => join.slice(prop.name.length + 1));
      const joined = path ? `${path}.${prop.name}` : prop.name;
      nested.push([prop.name, `${aliasOf(joined)}__${target.primaryKeys[0]}`, rowMapper(target, within, platform, joined)]);
    } else if (prop.fieldNames?.length === 1 && (prop.kind === 'scalar' || prop.kind === 'm:1' || (prop.kind === '1:1' && prop.owner))) {
      columns.push([prop.name, prefix + prop.fieldNames[0]!, converter(prop, platform)]);
    }
  }
  return (raw) => {
    const row: Record<string, unknown> = {};
    for (const [name, column, convert] of columns) row[name] = convert ? convert(raw[column]) : raw[column];
    // A left join that found nothing gives a null key: the relation is null.
    for (const [name, key, map] of nested) row[name] = raw[key] == null ? null : map(raw);
    return row;
  };
}

const mappers = new WeakMap<EntityMetadata, Map<string, RowMapper>>();

function mapperFor(meta: EntityMetadata, joined: readonly string[], platform: Platform): RowMapper {
  let byJoins = mappers.get(meta);
  if (!byJoins) mappers.set(meta, (byJoins = new Map()));
  const key = joined.join(',');
  let mapper = byJoins.get(key);
  if (!mapper) byJoins.set(key, (mapper = rowMapper(meta, joined, platform)));
  return mapper;
}

/** A row of `entity` from its columns by column name (as `row_to_json` writes them). */
export function rowOfColumns(em: EntityManager, entity: string, columns: Record<string, unknown>): Record<string, unknown> {
  return mapperFor(em.getMetadata().get(entity), [], em.getPlatform())(columns);
}

/** The query's conditions on `qb`: its SQL condition made at the last moment, so the ORM uses it at once. */
function where(qb: QueryBuilder<any>, query: Pick<RowQuery<unknown>, 'where' | 'sql'>): void {
  qb.where(query.where as FilterQuery<any>);
  if (query.sql) {
    const sql = SqlValues.positional();
    qb.andWhere(query.sql(qb.alias, sql), sql.values);
  }
}

/** How many rows of `entity` match, in one statement. */
export async function countRows<T extends object>(em: EntityManager, entity: string, query: Pick<RowQuery<T>, 'where' | 'sql'>): Promise<number> {
  const qb = em.createQueryBuilder(entity, 'e');
  where(qb, query);
  return qb.getCount();
}

/** The rows of `entity` matching `where`, in one statement. */
export async function findRows<T extends object>(em: EntityManager, entity: string, query: RowQuery<T>): Promise<Row<T>[]> {
  const joined = query.join ?? [];
  const qb = em.createQueryBuilder(entity, 'e').select('*');
  for (const path of joined) {
    const cut = path.lastIndexOf('.');
    // A nested path joins from its parent's alias: the parent must be joined first.
    if (cut >= 0 && !joined.slice(0, joined.indexOf(path)).includes(path.slice(0, cut))) {
      throw new Error(`findRows: join ${path.slice(0, cut)} before ${path}`);
    }
    const [parent, relation] = cut >= 0 ? [aliasOf(path.slice(0, cut)), path.slice(cut + 1)] : ['e', path];
    qb.leftJoinAndSelect(`${parent}.${relation}`, aliasOf(path));
  }
  where(qb, query);
  if (query.orderBy) qb.orderBy(query.orderBy as QueryOrderMap<any>[]);
  if (query.limit != null) qb.limit(query.limit);
  const map = mapperFor(em.getMetadata().get(entity), joined, em.getPlatform());
  return ((await qb.execute('all', false)) as Record<string, unknown>[]).map(map) as Row<T>[];
}
