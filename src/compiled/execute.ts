// Runs a plan for one request: each root field becomes one statement (a page with its relations
// and metadata, or images by id; a count when asked for), run through src/compiled/statements.ts, and
// its rows are written straight into the answer's JSON. Whatever the general path would answer
// with an error (a bad cursor, page size, id or search) ends the attempt with Unanswerable before
// any SQL of that field runs: the general path then answers, with its own error.
import { decodeGlobalID } from '@pothos/plugin-relay';
import { type FieldNode, type GraphQLField, getArgumentValues } from 'graphql';
import type { DomainContext } from '../domain/context.js';
import { DomainError } from '../domain/errors.js';
import { type ImageFilter, type ImageOrder, imageCondition, imageOrder } from '../domain/image-catalog.js';
import type { ReferenceCache } from '../domain/reference-cache.js';
import { type ColumnOf, MAX_NODES, type OrderKey, type PageArgs, encodeCursor, keyset, orderSql, pageOf } from '../domain/pagination.js';
import { SqlValues, allOf } from '../domain/sql.js';
import { isUuid } from '../domain/validation.js';
import type { Viewer } from '../domain/viewer.js';
import { readableSql } from '../domain/visibility.js';
import type { ConnectionField, Plan, RootField, RowField } from './plan.js';
import { Columns, type FieldArguments, type MetadataSlot, type PageClause, type Reference, type Row, type Write, isoDate, list, rowWriter, selectStatement } from './projection.js';
import type { RowsById } from './rows-by-id.js';
import type { Statements } from './statements.js';

/** A request's field arguments, and the reading of the reference rows its image rows name. */
interface RequestArguments extends FieldArguments {
  readReferences(columns: Columns, rows: readonly Row[]): Promise<void>;
}

/** The general path must answer this request: the compiled one would not answer it the same. */
export class Unanswerable extends Error {}

type Variables = Record<string, unknown>;

/** An image field's statement, made once per plan: its columns and writers. */
interface ImageShape {
  columns: Columns;
  metadata: MetadataSlot;
  /** The writer of each selection of the images (a connection may have several, aliased). */
  writers: Map<readonly RowField[], Write>;
  /** Where the order keys and the id land in the row, for cursors. */
  at: Record<string, number>;
}

/** Image properties a page can be ordered by, and their columns. */
const ORDER_COLUMNS: Record<string, string> = { name: 'name', createdAt: 'created_at', updatedAt: 'updated_at', size: 'size', status: 'status' };
const columnOf: ColumnOf = (alias, field) => `${alias}.${ORDER_COLUMNS[field] ?? field}`;

function imageShape(selections: readonly (readonly RowField[])[]): ImageShape {
  const columns = new Columns();
  const metadata: MetadataSlot = {};
  // The id and the order keys first: cursors need them, whatever the selection.
  const at: Record<string, number> = { id: columns.add('i.id') };
  for (const [field, column] of Object.entries(ORDER_COLUMNS)) at[field] = columns.add(`i.${column}`);
  const writers = new Map(selections.map((fields) => [fields, rowWriter(fields, columns, metadata)]));
  return { columns, metadata, writers, at };
}

const writerOf = (shape: ImageShape, fields: readonly RowField[]) => shape.writers.get(fields)!;

/** The shapes of a plan, made on its first use. */
const shapes = new WeakMap<RootField, ImageShape>();
function shapeOf(field: RootField & { kind: 'images' | 'image' | 'images by id' }): ImageShape {
  let shape = shapes.get(field);
  if (!shape) {
    shapes.set(field, (shape = imageShape(field.kind === 'images' ? nodeSelections(field.fields) : [field.fields])));
  }
  return shape;
}

/** The selections of a connection's nodes, one per `edges { node }` (none: only cursors and counts are read). */
function nodeSelections(fields: readonly ConnectionField[]): RowField[][] {
  return fields.flatMap((field) => (field.kind === 'edges' ? field.fields.flatMap((edge) => (edge.kind === 'node' ? [edge.fields] : [])) : []));
}

const json = (value: unknown) => JSON.stringify(value);

/** A global id of `typename`'s, or Unanswerable (the general path says why it is not). */
function rawId(globalId: unknown, typename: string): string {
  if (typeof globalId !== 'string') throw new Unanswerable('not an id');
  let decoded: { typename: string; id: string };
  try {
    decoded = decodeGlobalID(globalId);
  } catch {
    throw new Unanswerable('an invalid global id');
  }
  if (decoded.typename !== typename) throw new Unanswerable(`an id of another type than ${typename}`);
  return decoded.id;
}

const FILTER_IDS = { ownerId: 'Project', regionId: 'Region', operatingSystemId: 'OperatingSystem', architectureId: 'Architecture', computeResourceId: 'ComputeResource' } as const;

/** The filter argument with its global ids decoded, as the schema's resolvers decode it. */
function decodeFilter(filter: Record<string, unknown> | null | undefined): ImageFilter {
  if (!filter) return {};
  const decoded: Record<string, unknown> = { ...filter };
  for (const [key, typename] of Object.entries(FILTER_IDS)) {
    if (filter[key] != null) decoded[key] = rawId(filter[key], typename);
  }
  return decoded as ImageFilter;
}

/** Runs `work`; a refusal the domain would answer becomes Unanswerable. */
function refusable<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    // Its message may quote the client's values: the reason logged names only the error's kind.
    if (error instanceof DomainError) throw new Unanswerable(`a refused argument (${error.constructor.name})`);
    throw error;
  }
}

export interface ExecutionContext {
  viewer: Viewer;
  variables: Variables;
  statements: Statements;
  /** One image by id, read with the other requests' of the same moment. */
  rowsById: RowsById;
  references: ReferenceCache;
}

/** The answer's JSON text (`{"data":{…}}`) for `plan`, or Unanswerable. */
export async function executePlan(plan: Plan, context: ExecutionContext): Promise<string> {
  const { references } = context;
  // The reference rows of this request, taken from the cache or read: what it hears meanwhile
  // (a change, the bus going down) cannot take a row away between its reading and its writing.
  const taken = new Map<string, Reference>();
  const args: RequestArguments = {
    metadataKey: (field) => metadataKey(field, context.variables),
    reference: (id) => taken.get(id),
    async readReferences(columns, rows) {
      const wants = new Map([...columns.references].map(([entity, index]) => [entity, rows.map((row) => row[index] as string | null)]));
      await references.collect(wants, taken, { computeResourceRegions: columns.computeResourceRegions });
    },
  };
  let out = '{"data":{';
  for (const [index, field] of plan.fields.entries()) {
    out += `${index ? ',' : ''}${json(field.key)}:${await rootField(field, context, args)}`;
  }
  return `${out}}}`;
}

/** metadataItem's `key`: a string written in the document, or a String! variable (coerced already). */
function metadataKey(field: FieldNode, variables: Variables): string {
  const value = field.arguments?.find((argument) => argument.name.value === 'key')?.value;
  if (value?.kind === 'StringValue') return value.value;
  if (value?.kind === 'Variable' && typeof variables[value.name.value] === 'string') return variables[value.name.value] as string;
  throw new Unanswerable('metadataItem key');
}

async function rootField(field: RootField, context: ExecutionContext, args: RequestArguments): Promise<string> {
  switch (field.kind) {
    case 'typename':
      return '"Query"';
    case 'images':
      return connection(field, context, args);
    case 'image':
      return image(field, context, args);
    case 'images by id':
      return imagesById(field, context, args);
  }
}

const argumentsOf = (definition: GraphQLField<unknown, unknown>, field: FieldNode, variables: Variables) =>
  getArgumentValues(definition, field, variables) as Record<string, unknown>;

/** The statement of `shape` over the images matching `where` (written on alias `i`). */
function selectImages(shape: ImageShape, where: string, page?: PageClause): string {
  return selectStatement(shape.columns, shape.metadata, where, page);
}

async function image(field: RootField & { kind: 'image' }, context: ExecutionContext, args: RequestArguments): Promise<string> {
  const { id } = argumentsOf(field.definition, field.field, context.variables);
  const raw = rawId(id, 'Image');
  // Not an id of ours: not found, as the general path's loader finds nothing.
  if (!isUuid(raw)) return 'null';
  const shape = shapeOf(field);
  const sql = SqlValues.numbered();
  // $1 holds the ids of every request read with this one.
  const where = `i.id = ANY (${sql.bind(null, 'uuid[]')}) AND ${readableSql({ viewer: context.viewer } as DomainContext)('i', sql)}`;
  const row = await context.rowsById.row(selectImages(shape, where), sql.values, raw, shape.at.id!);
  if (!row) return 'null';
  await args.readReferences(shape.columns, [row]);
  return writerOf(shape, field.fields)(row, args);
}

async function imagesById(field: RootField & { kind: 'images by id' }, context: ExecutionContext, args: RequestArguments): Promise<string> {
  const { ids } = argumentsOf(field.definition, field.field, context.variables) as { ids: unknown[] };
  if (ids.length > MAX_NODES) throw new Unanswerable('too many ids');
  const raw = ids.map((id) => rawId(id, 'Image'));
  const wanted = [...new Set(raw.filter(isUuid))];
  const shape = shapeOf(field);
  const byId = new Map<string, Row>();
  if (wanted.length) {
    const sql = SqlValues.numbered();
    const where = `i.id = ANY (${sql.bind(wanted, 'uuid[]')}) AND ${readableSql({ viewer: context.viewer } as DomainContext)('i', sql)}`;
    const rows = await context.statements.rows(selectImages(shape, where), sql.values);
    await args.readReferences(shape.columns, rows);
    for (const row of rows) byId.set(row[shape.at.id!] as string, row);
  }
  const write = writerOf(shape, field.fields);
  return list(raw, (id) => {
    const row = byId.get(id);
    return row ? write(row, args) : 'null';
  });
}

/**
 * Whether a filter's value narrows the list: an empty list or range does not. (`hidden` is left
 * out by the caller: every page has its condition, false unless asked.)
 */
function narrows(value: unknown): boolean {
  if (value == null) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.values(value).some((bound) => bound != null);
  return true;
}

async function connection(field: RootField & { kind: 'images' }, context: ExecutionContext, args: RequestArguments): Promise<string> {
  const values = argumentsOf(field.definition, field.field, context.variables);
  const filter = decodeFilter(values.filter as Record<string, unknown> | null | undefined);
  // How many rows a filter or a search keeps depends on its values: a plan made without them (a
  // prepared statement's generic plan) can cost several times one made with them. W4f's generic
  // plan intersected the size and date indexes, 35 ms, where the tag's index takes 15. A project's
  // own list stays prepared: its owner is one index's key.
  const planEach = !!values.search || Object.entries(filter).some(([key, value]) => key !== 'hidden' && narrows(value));
  if (field.name === 'projectImages') filter.ownerId = rawId(values.projectId, 'Project');
  const order = imageOrder(values.orderBy as ImageOrder[] | null | undefined);
  const page = values as PageArgs;
  // Everything the general path would refuse is refused before any SQL.
  const { size, backward, directions, conditions } = refusable(() => keyset(order, page, columnOf));
  const condition = refusable(() => imageCondition({ viewer: context.viewer } as DomainContext, filter, values.search as string | null | undefined));
  const shape = shapeOf(field);

  const wants = new Set<string>();
  for (const part of field.fields) {
    wants.add(part.kind);
    if (part.kind === 'pageInfo') for (const info of part.fields) wants.add(info.kind);
  }
  const needsRows = wants.has('edges') || wants.has('hasNextPage') || wants.has('hasPreviousPage') || wants.has('startCursor') || wants.has('endCursor');

  let nodes: Row[] = [];
  let hasNextPage = false;
  let hasPreviousPage = false;
  if (needsRows) {
    const sql = SqlValues.numbered();
    const where = allOf([condition, ...conditions])('i', sql);
    // The LIMIT is written, not bound: with a bound one PostgreSQL never settles on a generic plan
    // and plans the statement every time (0.5 to 1.4 ms of a page's 2).
    const limit = `${size + 1}`;
    if (!/^\d{1,3}$/.test(limit)) throw new Error(`page size ${size}`);
    const rows = await context.statements.rows(
      selectImages(shape, where, {
        orderBy: orderSql(order, directions, 'i', columnOf),
        limit,
        order: (column) => orderSql(order, directions, 'i', (alias, key) => column(columnOf(alias, key))),
        // An unfiltered page in one key's order reads only that key, the id and the columns the
        // order's index carries (src/db/entities/image.ts). A second key is not in the index.
        idsFirst: context.viewer.kind !== 'admin' && !planEach && order.length === 1,
      }),
      sql.values,
      { planEach },
    );
    ({ nodes, hasNextPage, hasPreviousPage } = pageOf(rows, size, backward, page));
    await args.readReferences(shape.columns, nodes);
  }
  let total: number | undefined;
  if (wants.has('totalCount')) {
    const sql = SqlValues.numbered();
    const where = condition('i', sql);
    const [row] = await context.statements.rows(`SELECT count(*) FROM image i WHERE ${where}`, sql.values, { planEach });
    total = Number(row![0]);
  }
  const cursors = nodes.map((row) => cursorOf(order, row, shape));
  return writeConnection(field.fields, { nodes, cursors, hasNextPage, hasPreviousPage, total: total ?? 0 }, shape, args);
}

/** The cursor of a row, as the general path encodes it from its entity. */
function cursorOf(order: OrderKey[], row: Row, shape: ImageShape): string {
  const values: Record<string, unknown> = { id: row[shape.at.id!] };
  for (const key of order) {
    const value = row[shape.at[key.field]!];
    values[key.field] = value == null ? null : key.kind === 'date' ? isoDate(value as string) : key.kind === 'number' ? Number(value) : value;
  }
  return encodeCursor(order, values);
}

interface PageRows {
  nodes: Row[];
  cursors: string[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  total: number;
}

function writeConnection(fields: readonly ConnectionField[], page: PageRows, shape: ImageShape, args: FieldArguments): string {
  let out = '{';
  for (const [at, field] of fields.entries()) out += (at ? ',' : '') + writeConnectionField(field, page, shape, args);
  return `${out}}`;
}

function writeConnectionField(field: ConnectionField, page: PageRows, shape: ImageShape, args: FieldArguments): string {
  const key = `${json(field.key)}:`;
  switch (field.kind) {
    case 'typename':
      return `${key}${json(field.typename)}`;
    case 'totalCount':
      return `${key}${page.total}`;
    case 'pageInfo':
      return `${key}{${field.fields.map((info) => {
        const name = `${json(info.key)}:`;
        switch (info.kind) {
          case 'typename':
            return `${name}${json(info.typename)}`;
          case 'hasNextPage':
            return `${name}${page.hasNextPage}`;
          case 'hasPreviousPage':
            return `${name}${page.hasPreviousPage}`;
          case 'startCursor':
            return `${name}${page.cursors.length ? json(page.cursors[0]) : 'null'}`;
          case 'endCursor':
            return `${name}${page.cursors.length ? json(page.cursors.at(-1)) : 'null'}`;
        }
      }).join(',')}}`;
    case 'edges': {
      const keys = field.fields.map((edge, at) => `${at ? ',' : ''}${json(edge.key)}:`);
      return key + list(page.nodes, (row, index) => {
        let out = '{';
        for (let at = 0; at < field.fields.length; at++) {
          const edge = field.fields[at]!;
          out += keys[at];
          switch (edge.kind) {
            case 'typename':
              out += json(edge.typename);
              break;
            case 'cursor':
              out += json(page.cursors[index]);
              break;
            case 'node':
              out += writerOf(shape, edge.fields)(row, args);
          }
        }
        return `${out}}`;
      });
    }
  }
}
