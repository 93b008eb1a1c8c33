// GET /v2/images's query string as our catalog's list arguments: Glance's filters (`in:` lists,
// `gt:`-style operators on dates, size bounds, tags, custom properties), its sort keys in either
// syntax, and `limit`/`marker`. Bad values are 400s, before anything is read.
import { IMAGE_STATUSES, type ImageStatus, VISIBILITIES } from '../db/entities/image.js';
import { MEMBER_STATUSES } from '../db/entities/image-member.js';
import type { DateComparison, FilterAttribute, ImageFilter, ImageOrder, ImageOrderField } from '../domain/image-catalog.js';
import { MAX_PAGE_SIZE } from '../domain/pagination.js';
import { uuidOfProjectId } from '../domain/adopted-projects.js';
import { isUuid } from '../domain/validation.js';
import { GlanceError } from './answers.js';
import { COLUMN_PROPERTIES, READ_ONLY_ATTRIBUTES, containerFormats, diskFormats, entryOf, visibilities } from './glance-image.js';

/** Glance's default page (`limit_param_default`); its largest (`api_limit_max`) is our page's. */
export const DEFAULT_LIMIT = 25;

export interface ImageListQuery {
  filter: ImageFilter;
  orderBy: ImageOrder[];
  limit: number;
  /** The id of the image the page starts after. */
  marker: string | undefined;
}

const SORT_KEYS: Record<string, ImageOrderField> = {
  name: 'NAME',
  status: 'STATUS',
  size: 'SIZE',
  created_at: 'CREATED_AT',
  updated_at: 'UPDATED_AT',
};

/** Parameters that are not filters. */
const PAGING = new Set(['limit', 'marker', 'sort_key', 'sort_dir', 'sort']);

const bad = (message: string) => new GlanceError(400, message);

/** `in:a,b,"c,d"`: the values of an `in:` list, commas inside double quotes kept. */
function inList(value: string): string[] {
  const values: string[] = [];
  for (const match of value.matchAll(/"((?:[^"\\]|\\.)*)"|([^,]+)/g)) values.push(match[1] !== undefined ? match[1].replace(/\\(.)/g, '$1') : match[2]!.trim());
  return values;
}

/**
 * `[op:]value` of the filters that take an operator, `eq` (the default) or `in`: the values. A
 * value with a colon in it needs its `eq:`, as in Glance.
 */
function values(value: string): string[] {
  const colon = value.indexOf(':');
  if (colon < 0) return [value];
  const operator = value.slice(0, colon);
  if (operator === 'in') return inList(value.slice(colon + 1));
  if (operator === 'eq') return [value.slice(colon + 1)];
  throw bad(`Unable to filter by unknown operator '${operator}'.`);
}

function boolean(name: string, value: string): boolean {
  if (value === 'true' || value === 'false') return value === 'true';
  throw bad(`Invalid value '${value}' for '${name}' filter. Valid values are 'true' or 'false'.`);
}

/** A list's `limit`, as Glance checks it, capped at our page. */
export function limitOf(value: string): number {
  if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(Number(value))) throw bad('limit param must be an integer');
  if (Number(value) < 0) throw bad('limit param must be positive');
  return Math.min(Number(value), MAX_PAGE_SIZE);
}

/** A list's `sort_dir`. */
export function directionOf(value: string): 'ASC' | 'DESC' {
  if (value !== 'asc' && value !== 'desc') throw bad(`Invalid sort direction: ${value}`);
  return value === 'asc' ? 'ASC' : 'DESC';
}

function bound(value: string): number {
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) throw bad('Unable to filter on a range with a non-numeric value.');
  return Number(value);
}

/** A size range narrowed by another bound: every bound given holds, in whatever order they came. */
function within(range: { gte?: number | null; lte?: number | null } | null | undefined, gte: number | undefined, lte: number | undefined) {
  const low = [range?.gte, gte].filter((bound): bound is number => bound != null);
  const high = [range?.lte, lte].filter((bound): bound is number => bound != null);
  return { ...(low.length && { gte: Math.max(...low) }), ...(high.length && { lte: Math.min(...high) }) };
}

const OPERATORS = new Set(['gt', 'gte', 'lt', 'lte', 'eq', 'neq']);

/** `gt:2016-04-18T21:38:54Z` (or a plain time, meaning eq). */
function timeComparison(name: string, value: string): DateComparison {
  const match = /^(?:([a-z]+):)?(.*)$/.exec(value)!;
  const operator = match[1] ?? 'eq';
  if (!OPERATORS.has(operator)) throw bad('Unable to filter on a unknown operator.');
  const time = Date.parse(match[2]!);
  if (!/^\d{4}-\d{2}-\d{2}/.test(match[2]!) || Number.isNaN(time)) throw bad(`Bad "${name}" query filter format. Use ISO 8601 DateTime notation.`);
  return { [operator]: new Date(time) };
}

function orderOf(params: URLSearchParams): ImageOrder[] {
  const keys = params.getAll('sort_key');
  const dirs = params.getAll('sort_dir');
  const sort = params.get('sort');
  if (sort !== null && (keys.length || dirs.length)) throw bad('Old and new sorting syntax cannot be combined');
  const pairs = sort !== null
    ? sort.split(',').map((part) => part.trim().split(':') as [string, string | undefined])
    : keys.length
      ? keys.map((key, index) => [key, dirs[index] ?? dirs[0]] as [string, string | undefined])
      : [['created_at', dirs[0]] as [string, string | undefined]];
  if (dirs.length > Math.max(keys.length, 1)) throw bad('Number of sort dirs does not match the number of sort keys');
  return pairs.map(([key, dir]) => {
    const field = entryOf(SORT_KEYS, key);
    if (!field) throw bad(`Invalid sort key: ${key}. It must be one of the following: ${Object.keys(SORT_KEYS).join(', ')}.`);
    return { field, direction: directionOf(dir === undefined || dir === '' ? 'desc' : dir) };
  });
}

export function imageListQuery(params: URLSearchParams): ImageListQuery {
  const limitParam = params.get('limit');
  const limit = limitParam === null ? DEFAULT_LIMIT : limitOf(limitParam);
  const marker = params.get('marker') ?? undefined;
  if (marker !== undefined && !isUuid(marker)) throw bad(`No image found with ID ${marker}`);
  const filter: ImageFilter = {};
  const metadata: { key: string; value: string }[] = [];
  /** A filter's value names nothing (an owner that is no project id): the page is empty. */
  let matchesNothing = false;
  const attributes: Partial<Record<FilterAttribute, string>> = {};
  for (const [name, value] of params) {
    if (PAGING.has(name)) continue;
    switch (name) {
      case 'name':
        filter.names = values(value);
        break;
      case 'id':
        // An id that is no uuid names no image.
        filter.ids = values(value).filter(isUuid);
        break;
      case 'status':
        filter.status = values(value).map((status) => {
          const ours = status.toUpperCase() as ImageStatus;
          if (!IMAGE_STATUSES.includes(ours)) throw bad(`Invalid status value: ${status}`);
          return ours;
        });
        break;
      case 'visibility':
        if (value !== 'all' && !visibilities.values.includes(value)) throw bad(`Invalid visibility value: ${value}`);
        filter.visibility = value === 'all' ? [...VISIBILITIES] : [visibilities.fromGlance(name, value)];
        break;
      case 'member_status':
        if (value !== 'all') {
          const ours = value.toUpperCase() as (typeof MEMBER_STATUSES)[number];
          if (!MEMBER_STATUSES.includes(ours)) throw bad(`Invalid status: ${value}`);
          filter.memberStatus = ours;
        }
        break;
      case 'owner': {
        // An owner that is no project id owns nothing.
        const owner = uuidOfProjectId(value);
        if (owner) filter.ownerId = owner;
        else matchesNothing = true;
        break;
      }
      case 'tag':
        filter.tags = [...(filter.tags ?? []), value];
        break;
      case 'protected':
        filter.protected = boolean(name, value);
        break;
      case 'os_hidden':
        filter.hidden = boolean(name, value.toLowerCase());
        break;
      case 'size': {
        // An exact size, as Glance compares any image attribute it is given.
        if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) throw bad(`Invalid size value: ${value}`);
        filter.size = within(filter.size, Number(value), Number(value));
        break;
      }
      case 'size_min':
        filter.size = within(filter.size, bound(value), undefined);
        break;
      case 'size_max':
        filter.size = within(filter.size, undefined, bound(value));
        break;
      case 'disk_format':
        filter.diskFormat = values(value).map((format) => diskFormats.fromGlance(name, format));
        break;
      case 'container_format':
        filter.containerFormat = values(value).map((format) => containerFormats.fromGlance(name, format));
        break;
      case 'created_at':
        filter.createdAt = { ...filter.createdAt, ...timeComparison(name, value) };
        break;
      case 'updated_at':
        filter.updatedAt = { ...filter.updatedAt, ...timeComparison(name, value) };
        break;
      default: {
        if (READ_ONLY_ATTRIBUTES.has(name)) throw bad(`Filtering on ${name} is not supported`);
        const column = entryOf(COLUMN_PROPERTIES, name);
        if (column) attributes[column.field as FilterAttribute] = column.write(value);
        else metadata.push({ key: name, value });
      }
    }
  }
  if (matchesNothing) filter.ids = [];
  if (metadata.length) filter.metadata = metadata;
  if (Object.keys(attributes).length) filter.attributes = attributes;
  return { filter, orderBy: orderOf(params), limit, marker };
}
