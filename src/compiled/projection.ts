// The columns a plan's image fields need, selected once each into one row, and the writer that
// turns such a row into the field's JSON, byte for byte as the general path answers it: keys in
// the plan's order, strings through JSON.stringify, dates as ISO 8601 in UTC to the millisecond,
// global ids as the relay plugin encodes them.
import { encodeGlobalID } from '@pothos/plugin-relay';
import type { FieldNode } from 'graphql';
import { danubeAccess } from '../domain/image-catalog.js';
import type { ReferenceEntity } from '../domain/reference-cache.js';
import { refId } from '../domain/rows.js';
import type { Relation, RowField, ScalarKind } from './plan.js';

/** A row as the driver returns it in array mode: one value per selected column. */
export type Row = readonly unknown[];

/** What a request gives the fields it writes: the arguments of fields that take some, and reference rows. */
export interface FieldArguments {
  /** metadataItem's `key`. */
  metadataKey(field: FieldNode): string;
  /** The reference row with `id` (read before writing: src/domain/reference-cache.ts). */
  reference(id: string): Reference | undefined;
}

/** A reference row: its columns under their property names, dates as Dates, relations as ids. */
export type Reference = { readonly id: string; readonly [property: string]: unknown };

export type Write = (row: Row, args: FieldArguments) => string;

/** The image column each relation's id is in, and the entity it names. */
const RELATIONS: Record<ImageRelation, { key: string; entity: ReferenceEntity }> = {
  operatingSystem: { key: 'operating_system_id', entity: 'OperatingSystem' },
  architecture: { key: 'architecture_id', entity: 'Architecture' },
  computeResource: { key: 'compute_resource_id', entity: 'ComputeResource' },
  region: { key: 'region_id', entity: 'Region' },
  owner: { key: 'owner_id', entity: 'Project' },
};
type ImageRelation = Exclude<Relation, 'computeResource.region'>;

/** The columns of one statement, each selected once, in the order first asked for. */
export class Columns {
  readonly list: string[] = [];
  /** The row's relation ids, by the entity they name: read from the reference cache before writing. */
  readonly references = new Map<ReferenceEntity, number>();
  /** Whether the compute resources' regions are written too. */
  computeResourceRegions = false;
  private readonly byText = new Map<string, number>();

  /** The index of `expression` in the row. */
  add(expression: string): number {
    let index = this.byText.get(expression);
    if (index === undefined) {
      index = this.list.push(expression) - 1;
      this.byText.set(expression, index);
    }
    return index;
  }

  /** The index of a column added already (the statement's columns are fixed once it is written). */
  indexOf(expression: string): number {
    const index = this.byText.get(expression);
    if (index === undefined) throw new Error(`column ${expression} was not selected`);
    return index;
  }

  /** The index of the image's column that holds the id of `relation`. */
  reference(relation: ImageRelation): number {
    const { key, entity } = RELATIONS[relation];
    const index = this.add(`i.${key}`);
    this.references.set(entity, index);
    return index;
  }
}

/** PostgreSQL's timestamptz text as JSON.stringify writes a Date: `2024-06-01T12:34:56.780Z`. */
export function isoDate(text: string): string {
  // In a session in UTC: `2024-06-01 12:34:56.78+00`, the fraction cut of trailing zeros. Any
  // other time zone's text takes the slower way through Date.
  const utc = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)(?:\.(\d{1,6}))?\+00$/.exec(text);
  if (utc) return `${utc[1]}T${utc[2]}.${(utc[3] ?? '').padEnd(3, '0').slice(0, 3)}Z`;
  return new Date(text).toISOString();
}

const json = (value: unknown) => JSON.stringify(value);
const nullOr = (write: (value: never) => string) => (value: unknown) => (value == null ? 'null' : write(value as never));

/** How a column's value is written. */
const SCALAR_WRITERS = {
  string: nullOr(json),
  int: nullOr((value: number) => String(value)),
  boolean: nullOr((value: boolean) => (value ? 'true' : 'false')),
  // bigint arrives as text; the answer has a number.
  safeInt: nullOr((value: string | number) => String(Number(value))),
  dateTime: nullOr((value: string) => `"${isoDate(value)}"`),
} as const;

/**
 * `[a,b,…]`, each item written by `write`. Built by concatenation: V8 links the parts and copies
 * them once, when the answer is sent, where a join would copy every byte again at each level.
 */
export function list<T>(items: readonly T[], write: (item: T, index: number) => string): string {
  let out = '[';
  for (let index = 0; index < items.length; index++) out += (index ? ',' : '') + write(items[index]!, index);
  return `${out}]`;
}

/** `{"a":…,"b":…}` from the writers of its fields. */
function object(fields: readonly [string, Write][]): Write {
  const keys = fields.map(([key]) => `${json(key)}:`);
  const writers = fields.map(([, write]) => write);
  return (row, args) => {
    let out = '{';
    for (let index = 0; index < writers.length; index++) out += (index ? ',' : '') + keys[index] + writers[index]!(row, args);
    return `${out}}`;
  };
}

/** The metadata items of an image, read as one JSON column of arrays (key first, then the fields asked). */
interface MetadataColumn {
  index: number;
  /** Positions of the metadata fields in each item's array. */
  positions: Map<string, number>;
}

/** A list of metadata items PostgreSQL writes as the answer's own JSON text, one column for each shape of item. */
interface MetadataText {
  /** The SQL of one item's text. */
  item: string;
  index: number;
}

/** The metadata columns of an image's row, shared by all its metadata fields. */
export interface MetadataSlot {
  column?: MetadataColumn;
  texts?: MetadataText[];
}

/**
 * The writer of `fields` for the row aliased `alias` (`i`: the image; a relation's alias), adding
 * the columns it reads to `columns`. The image's metadata fields share `metadata`: once every
 * writer is made, `selectStatement` gives its columns.
 */
export function rowWriter(fields: readonly RowField[], columns: Columns, metadata: MetadataSlot, alias = 'i'): Write {
  const writers = fields.map((field): [string, Write] => [field.key, fieldWriter(field, columns, alias, metadata)]);
  return object(writers);
}

function fieldWriter(field: RowField, columns: Columns, alias: string, metadata: MetadataSlot): Write {
  switch (field.kind) {
    case 'typename': {
      const text = json(field.typename);
      return () => text;
    }
    case 'id': {
      const index = columns.add(`${alias}.id`);
      const typename = field.typename;
      return (row) => json(encodeGlobalID(typename, row[index] as string));
    }
    case 'column': {
      if (field.scalar === 'stringList') {
        // Written by PostgreSQL as JSON.stringify would write the array (the same string escapes):
        // not parsed from the array's text only to be written again.
        const index = columns.add(`array_to_json(${alias}.${field.column})::text`);
        return (row) => (row[index] as string | null) ?? 'null';
      }
      const index = columns.add(`${alias}.${field.column}`);
      const write = SCALAR_WRITERS[field.scalar];
      return (row) => write(row[index] as never);
    }
    case 'access': {
      const [deleted, status, visibility] = ['deleted_at', 'status', 'visibility'].map((column) => columns.add(`${alias}.${column}`));
      type Access = Parameters<typeof danubeAccess>[0];
      return (row) => json(danubeAccess({ deletedAt: row[deleted!], status: row[status!], visibility: row[visibility!] } as Access));
    }
    case 'hasPassword': {
      const index = columns.add(`(${alias}.password_cipher IS NOT NULL)`);
      return (row) => (row[index] ? 'true' : 'false');
    }
    case 'object':
      return rowWriter(field.fields, columns, metadata, alias);
    case 'relation': {
      if (alias !== 'i' || field.relation === 'computeResource.region') throw new Error(`${field.relation} of something other than the image`);
      const id = columns.reference(field.relation);
      const { entity } = RELATIONS[field.relation];
      if (field.relation === 'computeResource' && field.fields.some((inner) => inner.kind === 'relation')) columns.computeResourceRegions = true;
      const write = referenceWriter(field.fields, entity);
      return (row, args) => {
        const reference = row[id] == null ? undefined : args.reference(row[id] as string);
        return reference ? write(reference, args) : 'null';
      };
    }
    case 'metadata':
    case 'metadataItem':
      if (alias !== 'i') throw new Error('metadata of something other than the image');
      return metadataWriter(field, metadata);
  }
}

/** A reference column's property: the naming strategy's snake case, back to camel case. */
const propertyOf = (column: string) => column.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase());

/** How a reference row's property is written: strings as JSON, Dates as ISO 8601. */
const REFERENCE_WRITERS: Partial<Record<ScalarKind, (value: never) => string>> = {
  string: nullOr(json),
  dateTime: nullOr((value: Date) => `"${value.toISOString()}"`),
};

/** The writer of `fields` of a reference row of `entity` (a compute resource's region: from its row too). */
function referenceWriter(fields: readonly RowField[], entity: ReferenceEntity): (reference: Reference, args: FieldArguments) => string {
  const writers = fields.map((field): [string, (reference: Reference, args: FieldArguments) => string] => {
    switch (field.kind) {
      case 'typename': {
        const text = json(field.typename);
        return [field.key, () => text];
      }
      case 'id': {
        const typename = field.typename;
        return [field.key, (reference) => json(encodeGlobalID(typename, reference.id))];
      }
      case 'column': {
        const property = propertyOf(field.column);
        const write = REFERENCE_WRITERS[field.scalar];
        if (!write) throw new Error(`${entity}.${property} is ${field.scalar}`);
        return [field.key, (reference) => write(reference[property] as never)];
      }
      case 'relation': {
        if (field.relation !== 'computeResource.region') throw new Error(`${entity}.${field.relation}`);
        const write = referenceWriter(field.fields, 'Region');
        return [field.key, (reference, args) => {
          const id = refId(reference.region as string | null);
          const region = id == null ? undefined : args.reference(id);
          return region ? write(region, args) : 'null';
        }];
      }
      default:
        throw new Error(`${entity} field of kind ${field.kind}`);
    }
  });
  const keys = writers.map(([key]) => `${json(key)}:`);
  const write = (reference: Reference, args: FieldArguments) => {
    let out = '{';
    for (let index = 0; index < writers.length; index++) out += (index ? ',' : '') + keys[index] + writers[index]![1](reference, args);
    return `${out}}`;
  };
  if (fields.some((field) => field.kind === 'relation')) return write;
  // A page names the same few rows again and again, and a remembered row is never changed (a
  // change replaces it): each row's text is written once for as long as the row is held.
  const written = new WeakMap<Reference, string>();
  return (reference, args) => {
    let text = written.get(reference);
    if (text === undefined) written.set(reference, (text = write(reference, args)));
    return text;
  };
}

const METADATA_SQL: Record<string, string> = {
  id: 'm.id',
  key: 'm.key',
  value: 'm.value',
  readOnly: 'm.read_only',
  createdAt: 'm.created_at',
  updatedAt: 'm.updated_at',
};
const METADATA_KINDS: Record<string, 'string' | 'boolean' | 'dateTime'> = { key: 'string', value: 'string', readOnly: 'boolean', createdAt: 'dateTime', updatedAt: 'dateTime' };
const METADATA_NAMES: Record<string, string> = { key: 'key', value: 'value', read_only: 'readOnly', created_at: 'createdAt', updated_at: 'updatedAt' };

/**
 * An item's text, for the fields PostgreSQL writes as JSON.stringify would: the strings through
 * to_json (the same escapes: `\"`, `\\`, `\b\f\n\r\t`, other control characters as
 * lowercase `\u00xx`), read_only as a word.
 */
const METADATA_TEXT_SQL: Record<string, string> = {
  key: "coalesce(to_json(m.key)::text, 'null')",
  value: "coalesce(to_json(m.value)::text, 'null')",
  read_only: "CASE WHEN m.read_only THEN 'true' WHEN NOT m.read_only THEN 'false' ELSE 'null' END",
};

const sqlText = (text: string) => `'${text.replace(/'/g, "''")}'`;

/**
 * The SQL of one item's JSON text, when every field asked is one PostgreSQL writes as we would
 * (key, value, readOnly, __typename); else undefined. Ids and dates are written here.
 */
function metadataItemSql(fields: readonly RowField[]): string | undefined {
  const parts: string[] = [];
  for (const [index, itemField] of fields.entries()) {
    const key = `${index ? ',' : '{'}${json(itemField.key)}:`;
    if (itemField.kind === 'typename') parts.push(sqlText(key + json(itemField.typename)));
    else if (itemField.kind === 'column' && METADATA_TEXT_SQL[itemField.column]) parts.push(sqlText(key), METADATA_TEXT_SQL[itemField.column]!);
    else return undefined;
  }
  return parts.length ? `${parts.join(' || ')} || '}'` : undefined;
}

/**
 * A `metadata` list arrives as the answer's text, written by PostgreSQL, when its fields allow;
 * else, as every metadataItem, from `[key, …]` arrays in one JSON text column, by key, as the
 * loader orders them. The text saves parsing the items and writing them again, and the
 * parsed items were a sixth of what a page allocated.
 */
function metadataWriter(field: RowField & { kind: 'metadata' | 'metadataItem' }, metadata: MetadataSlot): Write {
  const itemSql = field.kind === 'metadata' ? metadataItemSql(field.fields) : undefined;
  if (itemSql) {
    metadata.texts ??= [];
    let text = metadata.texts.find((candidate) => candidate.item === itemSql);
    if (!text) metadata.texts.push((text = { item: itemSql, index: -1 }));
    const slot = text;
    // No row of items: the image has none.
    return (row) => (row[slot.index] as string | null) ?? '[]';
  }
  // Every metadata field of the image is read in one column: the positions are fixed by the
  // first field that asks, and later ones add theirs (the column is finished when the statement is).
  metadata.column ??= { index: -1, positions: new Map([['key', 0]]) };
  const column = metadata.column;
  const item = field.fields.map((itemField): [string, (value: unknown[]) => string] => {
    if (itemField.kind === 'typename') {
      const text = json(itemField.typename);
      return [itemField.key, () => text];
    }
    if (itemField.kind !== 'column' && itemField.kind !== 'id') throw new Error(`Metadata.${itemField.key}`);
    const name = itemField.kind === 'id' ? 'id' : METADATA_NAMES[itemField.column]!;
    if (!column.positions.has(name)) column.positions.set(name, column.positions.size);
    const position = column.positions.get(name)!;
    if (itemField.kind === 'id') {
      const typename = itemField.typename;
      return [itemField.key, (value) => json(encodeGlobalID(typename, value[position] as string))];
    }
    const kind = METADATA_KINDS[name]!;
    const write = kind === 'dateTime' ? nullOr((value: string) => `"${new Date(value).toISOString()}"`) : SCALAR_WRITERS[kind];
    return [itemField.key, (value) => write(value[position] as never)];
  });
  const keys = item.map(([key]) => `${json(key)}:`);
  const writeItem = (value: unknown[]) => {
    let out = '{';
    for (let index = 0; index < item.length; index++) out += (index ? ',' : '') + keys[index] + item[index]![1](value);
    return `${out}}`;
  };
  // No row of items: the image has none.
  const items = (row: Row): unknown[][] => {
    const text = row[column.index] as string | null;
    return text ? (JSON.parse(text) as unknown[][]) : [];
  };
  if (field.kind === 'metadata') {
    return (row) => list(items(row), writeItem);
  }
  const node = field.field;
  return (row, args) => {
    const wanted = args.metadataKey(node);
    const found = items(row).find((value) => value[0] === wanted);
    return found ? writeItem(found) : 'null';
  };
}

/** A page of a connection: its order (on alias `i`), its limit, and the order on named columns. */
export interface PageClause {
  orderBy: string;
  limit: string;
  /** The same order on the columns `column` names (the CTE's, with metadata). */
  order(column: (expression: string) => string): string;
  /**
   * Choose the page's ids first, then read their rows. Set only when the order's index carries
   * every column `where` and the order read: the ids then come from the index alone, and where
   * the conditions pass over most images, none of those is read from the table.
   */
  idsFirst?: boolean;
}

/**
 * The statement of an image selection: its columns over the images `where` says, a page of them
 * when `page` is given. Relations are not joined: their rows come from the reference cache. With
 * metadata, the images come first (a materialized CTE) and their items are read in one pass over
 * the metadata index and added as the last columns (one of JSON arrays, then one text for each
 * shape of item): a subquery per image cost PostgreSQL half again as much.
 */
export function selectStatement(columns: Columns, metadata: MetadataSlot, where: string, page?: PageClause): string {
  const from = !page
    ? `FROM image i WHERE ${where}`
    : page.idsFirst
      ? `FROM (SELECT i.id FROM image i WHERE ${where} ORDER BY ${page.orderBy} LIMIT ${page.limit}) chosen JOIN image i ON i.id = chosen.id ORDER BY ${page.orderBy}`
      : `FROM image i WHERE ${where} ORDER BY ${page.orderBy} LIMIT ${page.limit}`;
  const { column, texts = [] } = metadata;
  if (!column && !texts.length) return `SELECT ${columns.list.join(', ')} ${from}`;
  // The metadata columns follow the image's: the JSON arrays first, then each text.
  const aggregates: string[] = [];
  if (column) {
    column.index = columns.list.length + aggregates.length;
    const values = [...column.positions.keys()].map((name) => METADATA_SQL[name]!);
    aggregates.push(`json_agg(json_build_array(${values.join(', ')}) ORDER BY m.key)::text`);
  }
  for (const text of texts) {
    text.index = columns.list.length + aggregates.length;
    aggregates.push(`'[' || string_agg(${text.item}, ',' ORDER BY m.key) || ']'`);
  }
  const named = columns.list.map((expression, index) => `${expression} AS c${index}`).join(', ');
  const id = columns.indexOf('i.id');
  const items = `SELECT m.image_id, ${aggregates.map((aggregate, index) => `${aggregate} AS m${index}`).join(', ')} FROM image_metadata m WHERE m.image_id IN (SELECT c${id} FROM page) GROUP BY m.image_id`;
  const outerOrder = page ? ` ORDER BY ${page.order((expression) => `page.c${columns.indexOf(expression)}`)}` : '';
  const metaColumns = aggregates.map((_, index) => `meta.m${index}`).join(', ');
  return `WITH page AS MATERIALIZED (SELECT ${named} ${from}) SELECT page.*, ${metaColumns} FROM page LEFT JOIN (${items}) meta ON meta.image_id = page.c${id}${outerOrder}`;
}
