// Reading the catalog: the filters of Glance, the search of Foreman, keyset pages, counts.
import { type ContainerFormat, type DiskFormat, Image, type ImageStatus, type Visibility } from '../db/entities/image.js';
import type { MemberStatus } from '../db/entities/image-member.js';
import type { DomainContext } from './context.js';
import { type Direction, type OrderKey, type Page, type PageArgs, findPage } from './pagination.js';
import { escapeLike, searchSql } from './search/to-sql.js';
import type { SqlCondition, SqlValues } from './sql.js';
import { AmbiguousNameError, BadQueryError } from './errors.js';
import { isPrintable, isUuid } from './validation.js';
import { type Row, findRows, refId } from './rows.js';
import { readableSql, visibleImagesSql } from './visibility.js';

export interface Range<T> {
  gt?: T | null;
  gte?: T | null;
  lt?: T | null;
  lte?: T | null;
}
export interface DateComparison extends Range<Date> {
  eq?: Date | null;
  neq?: Date | null;
}

export interface ImageFilter {
  name?: string | null;
  /** Images with any of these names. */
  names?: string[] | null;
  nameContains?: string | null;
  status?: ImageStatus[] | null;
  visibility?: Visibility[] | null;
  /** Images carrying all of these tags. */
  tags?: string[] | null;
  protected?: boolean | null;
  /** Hidden images (Glance os_hidden) are listed only when this asks for them. */
  hidden?: boolean | null;
  /** Glance's member_status: the images shared with the caller whose membership is in this status. */
  memberStatus?: MemberStatus | null;
  ownerId?: string | null;
  regionId?: string | null;
  operatingSystemId?: string | null;
  architectureId?: string | null;
  computeResourceId?: string | null;
  diskFormat?: DiskFormat[] | null;
  containerFormat?: ContainerFormat[] | null;
  /** Only these images (Glance's `id=in:...`). */
  ids?: string[] | null;
  /** Images with each of these metadata items (Glance's custom property filters). */
  metadata?: { key: string; value: string }[] | null;
  /** Images whose plain column has this value (Glance's properties that are columns here). */
  attributes?: Partial<Record<FilterAttribute, string>> | null;
  size?: Range<number> | null;
  createdAt?: DateComparison | null;
  updatedAt?: DateComparison | null;
}

/** The plain columns a filter may compare with a value, by property name. */
const FILTER_ATTRIBUTES = {
  description: 'description',
  osType: 'os_type',
  osDistro: 'os_distro',
  osVersion: 'os_version',
  username: 'username',
  hwFirmware: 'hw_firmware',
  hwMachineType: 'hw_machine_type',
  hwDiskBus: 'hw_disk_bus',
  hwVifModel: 'hw_vif_model',
  hwVideoModel: 'hw_video_model',
} as const;
export type FilterAttribute = keyof typeof FILTER_ATTRIBUTES;

export const IMAGE_ORDER_FIELDS = {
  NAME: { field: 'name', kind: 'string', nullable: false },
  CREATED_AT: { field: 'createdAt', kind: 'date', nullable: false },
  UPDATED_AT: { field: 'updatedAt', kind: 'date', nullable: false },
  SIZE: { field: 'size', kind: 'number', nullable: true },
  STATUS: { field: 'status', kind: 'string', nullable: false },
} as const satisfies Record<string, Omit<OrderKey, 'direction'>>;
export type ImageOrderField = keyof typeof IMAGE_ORDER_FIELDS;

export interface ImageOrder {
  field: ImageOrderField;
  direction: Direction;
}

export interface ImageListArgs extends PageArgs {
  filter?: ImageFilter | null;
  orderBy?: ImageOrder[] | null;
  search?: string | null;
}

export type ImageRow = Row<Image>;

export type ImagePage = Page<ImageRow>;

/** The relations a catalog page joins in, so a page costs one statement whatever it shows. */
export const IMAGE_RELATIONS = ['operatingSystem', 'architecture', 'computeResource', 'computeResource.region', 'region', 'owner'] as const;

/** The bounds of a range given, as SQL comparisons of `column`. */
function range<T>(column: string, value: Range<T> & { eq?: T | null; neq?: T | null }, type: string, sql: SqlValues): string[] {
  const operators = [['gt', '>'], ['gte', '>='], ['lt', '<'], ['lte', '<='], ['eq', '='], ['neq', '<>']] as const;
  return operators.flatMap(([name, operator]) => (value[name] != null ? [`${column} ${operator} ${sql.bind(value[name], type)}`] : []));
}

/**
 * The condition a filter and a search mean, within what the viewer may see, on the image row
 * aliased as the caller says. Bad values are refused here, before any SQL.
 */
export function imageCondition(ctx: DomainContext, filter: ImageFilter = {}, search?: string | null): SqlCondition {
  const f = filter;
  for (const key of ['ownerId', 'regionId', 'operatingSystemId', 'architectureId', 'computeResourceId'] as const) {
    const id = f[key];
    if (id != null && !isUuid(id)) throw new BadQueryError(`filter.${key} is not a valid id`, `filter.${key}`);
  }
  if (f.ids?.some((id) => !isUuid(id))) throw new BadQueryError('filter.ids holds an id that is not valid', 'filter.ids');
  const metadata = f.metadata ?? [];
  const attributes = Object.entries(f.attributes ?? {}).filter(([key]) => key in FILTER_ATTRIBUTES) as [FilterAttribute, string][];
  const texts = [...metadata.flatMap((item) => [item.key, item.value]), ...attributes.map(([, value]) => value)];
  for (const [key, values] of [['name', [f.name, ...(f.names ?? [])]], ['nameContains', [f.nameContains]], ['tags', f.tags ?? []], ['metadata', texts]] as const) {
    if (values.some((value) => value != null && !isPrintable(value))) {
      throw new BadQueryError(`filter.${key} must not contain control characters`, `filter.${key}`);
    }
  }
  const searched = search ? searchSql(search) : null;
  const viewer = ctx.viewer;
  const scope = { purpose: 'list', memberStatus: f.memberStatus, community: f.visibility?.includes('COMMUNITY') } as const;
  return (i, sql) => {
    const conditions = [visibleImagesSql(viewer, scope, i, sql)];
    // Deleted images are listed only to whoever filters on DELETED.
    if (!f.status?.includes('DELETED')) conditions.push(`${i}.deleted_at IS NULL`);
    conditions.push(`${i}.hidden = ${sql.bind(f.hidden ?? false)}`);
    if (f.name != null) conditions.push(`${i}.name = ${sql.bind(f.name)}`);
    if (f.names) conditions.push(`${i}.name = ANY (${sql.array(f.names, 'text')})`);
    if (f.nameContains != null) conditions.push(`${i}.name ILIKE ${sql.bind(`%${escapeLike(f.nameContains)}%`)}`);
    if (f.status?.length) conditions.push(`${i}.status = ANY (${sql.array(f.status, 'text')})`);
    if (f.visibility?.length) conditions.push(`${i}.visibility = ANY (${sql.array(f.visibility, 'text')})`);
    if (f.tags?.length) conditions.push(`${i}.tags @> ${sql.array(f.tags, 'text')}`);
    if (f.protected != null) conditions.push(`${i}.protected = ${sql.bind(f.protected)}`);
    for (const [key, column] of [['ownerId', 'owner_id'], ['regionId', 'region_id'], ['operatingSystemId', 'operating_system_id'], ['architectureId', 'architecture_id'], ['computeResourceId', 'compute_resource_id']] as const) {
      if (f[key] != null) conditions.push(`${i}.${column} = ${sql.bind(f[key], 'uuid')}`);
    }
    if (f.diskFormat?.length) conditions.push(`${i}.disk_format = ANY (${sql.array(f.diskFormat, 'text')})`);
    if (f.containerFormat?.length) conditions.push(`${i}.container_format = ANY (${sql.array(f.containerFormat, 'text')})`);
    if (f.ids) conditions.push(`${i}.id = ANY (${sql.array(f.ids, 'uuid')})`);
    for (const item of metadata) {
      conditions.push(`EXISTS (SELECT 1 FROM image_metadata fm WHERE fm.image_id = ${i}.id AND fm.key = ${sql.bind(item.key)} AND fm.value = ${sql.bind(item.value)})`);
    }
    for (const [key, value] of attributes) conditions.push(`${i}.${FILTER_ATTRIBUTES[key]}::text = ${sql.bind(value)}`);
    if (f.size) conditions.push(...range(`${i}.size`, f.size, 'bigint', sql));
    if (f.createdAt) conditions.push(...range(`${i}.created_at`, f.createdAt, 'timestamptz', sql));
    if (f.updatedAt) conditions.push(...range(`${i}.updated_at`, f.updatedAt, 'timestamptz', sql));
    if (searched) conditions.push(searched(i, sql));
    return `(${conditions.join(' AND ')})`;
  };
}

export function imageOrder(orderBy: ImageOrder[] | null | undefined): OrderKey[] {
  const requested = orderBy?.length ? orderBy : [{ field: 'NAME', direction: 'ASC' } as const];
  const seen = new Set<string>();
  // A repeated field adds nothing to the order; keeping the first keeps cursors short.
  return requested
    .filter((order) => !seen.has(order.field) && seen.add(order.field))
    .map((order) => ({ ...IMAGE_ORDER_FIELDS[order.field], direction: order.direction }));
}

/**
 * A page of the images the viewer may see, with their relations joined in; `join: []` when only
 * the relations' ids are wanted (the Image API's images name no relation but their owner).
 */
export async function listImages(ctx: DomainContext, args: ImageListArgs, join: readonly string[] = IMAGE_RELATIONS): Promise<ImagePage> {
  const condition = imageCondition(ctx, args.filter ?? {}, args.search);
  return findPage<Image>(ctx.em, 'Image', {}, imageOrder(args.orderBy), args, join, condition);
}

/** The live images among `ids` that the viewer may see, in one statement, in no particular order. */
export async function imagesById(ctx: DomainContext, ids: readonly string[], join: readonly string[] = IMAGE_RELATIONS): Promise<ImageRow[]> {
  const wanted = ids.filter(isUuid);
  if (wanted.length === 0) return [];
  return findRows<Image>(ctx.em, 'Image', { where: { id: { $in: wanted } }, sql: readableSql(ctx), join });
}

/**
 * Danube's image-by-name: among the images the viewer can see in a region, its own project's
 * first; an ambiguous name is an error listing the candidates rather than a guess.
 */
export async function imageByName(ctx: DomainContext, regionId: string, name: string): Promise<ImageRow | null> {
  if (!isUuid(regionId)) return null;
  if (!isPrintable(name)) throw new BadQueryError('name must not contain control characters', 'name');
  const matches = await findRows<Image>(ctx.em, 'Image', {
    where: { region: regionId, name },
    sql: readableSql(ctx),
    join: IMAGE_RELATIONS,
    orderBy: [{ id: 'ASC' }],
    limit: 11,
  });
  const viewer = ctx.viewer;
  // Names are unique per owner and region, so at most one of them is the caller's own.
  const own = viewer.kind === 'member' ? matches.find((image) => refId(image.owner) === viewer.projectId) : undefined;
  if (own) return own;
  if (matches.length <= 1) return matches[0] ?? null;
  throw new AmbiguousNameError(name, matches.map((image) => image.id));
}

/** Danube's access (public, private, deleted) in terms of Glance's visibility and status. */
export function danubeAccess(image: Pick<Image, 'status' | 'visibility' | 'deletedAt'>): 'PUBLIC' | 'PRIVATE' | 'DELETED' {
  if (image.deletedAt || image.status === 'DELETED') return 'DELETED';
  return image.visibility === 'PUBLIC' ? 'PUBLIC' : 'PRIVATE';
}
