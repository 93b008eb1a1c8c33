// Glance's metadata definitions API (/v2/metadefs) onto src/domain/metadefs.ts: bodies checked
// against the very schemas /v2/schemas/metadefs/* publishes, documents written as Glance writes
// them (null fields left out, timestamps to the second, nested lists only when not empty).
import { Ajv, type ValidateFunction } from 'ajv';
import type { MetadefNamespace, MetadefObject, MetadefResourceTypeAssociation, MetadefTag } from '../db/entities/metadef.js';
import { METADEF_VISIBILITIES, type MetadefVisibility } from '../db/entities/metadef.js';
import { keystoneProjectId } from '../domain/adopted-projects.js';
import type { DomainContext } from '../domain/context.js';
import {
  type Definition, NAMESPACE_SORT_KEYS, type NamespaceFields, type NamespaceSortKey, type ObjectFields, type Part, associationsOf, createAssociation,
  MAX_PARTS, createNamespace, createPart, createTags, deleteAssociation, deleteNamespace, deleteNamespaceParts, deletePart, findNamespace, listNamespaces,
  listResourceTypes, namespaceParts, objectFields, prefixFor, readAssociations, readPart, readParts, readTags, updateNamespace, updatePart,
} from '../domain/metadefs.js';
import { MAX_PAGE_SIZE } from '../domain/pagination.js';
import { refId } from '../domain/rows.js';
import { GlanceError, sendGlanceJson, sendNoContent } from './answers.js';
import { glanceTime } from './glance-image.js';
import { METADEFS_SCHEMAS } from './metadefs-schemas.js';
import { directionOf, limitOf } from './list-query.js';
import { type Call, jsonBody, mediaType, notAllowed, rootUrl } from './requests.js';

const NOT_FOUND = 'The resource could not be found.';
/** Glance's default page (`limit_param_default`). */
const DEFAULT_LIMIT = 25;

// ---------------------------------------------------------------------------------------------
// Bodies

// Glance checks no `format` (date-time, regex): neither do we.
const ajv = new Ajv({ strict: false, validateFormats: false });
const TAGS_SCHEMA = {
  type: 'object',
  properties: { tags: { type: 'array', items: { type: 'object', properties: { name: { type: 'string', maxLength: 80 } }, required: ['name'], additionalProperties: false } } },
  required: ['tags'],
  additionalProperties: false,
};
const validators: Record<string, ValidateFunction> = {
  namespace: ajv.compile(METADEFS_SCHEMAS['metadefs/namespace']!),
  object: ajv.compile(METADEFS_SCHEMAS['metadefs/object']!),
  property: ajv.compile(METADEFS_SCHEMAS['metadefs/property']!),
  tag: ajv.compile(METADEFS_SCHEMAS['metadefs/tag']!),
  resource_type_association: ajv.compile(METADEFS_SCHEMAS['metadefs/resource_type']!),
  tags: ajv.compile(TAGS_SCHEMA),
};
/** What a client may send back from a document it read, but not change. */
const LINKS_AND_TIMES = ['self', 'schema', 'created_at', 'updated_at'];
const TIMES = ['created_at', 'updated_at'];

/** A body that names what it is, checked as Glance checks it. */
async function body(call: Call, schema: keyof typeof validators, readOnly: string[] = TIMES): Promise<Record<string, any>> {
  // Glance reads these bodies as JSON whatever their type says, as it reads an image's create.
  return checked(schema, await jsonBody(call.req, [mediaType(call.req)]), readOnly);
}

/** A document checked as Glance checks one: its read-only attributes, then the schema. */
function checked(schema: keyof typeof validators, parsed: unknown, readOnly: string[] = TIMES): Record<string, any> {
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new GlanceError(400, 'Unexpected body type. Expected list/dict.');
  const attribute = readOnly.find((key) => key in parsed);
  if (attribute) throw new GlanceError(403, `Attribute '${attribute}' is read-only.`);
  const validate = validators[schema]!;
  if (!validate(parsed)) {
    const [error] = validate.errors ?? [];
    const where = error?.instancePath ? `${error.instancePath}: ` : '';
    const extra = error?.params && 'additionalProperty' in error.params ? ` ('${String(error.params.additionalProperty)}' was unexpected)` : '';
    throw new GlanceError(400, `Provided object does not match schema '${schema}': ${where}${error?.message ?? 'invalid'}${extra}`);
  }
  return parsed as Record<string, any>;
}

/** A nested document without what a client sends back from a read: Glance takes it and ignores it. */
const without = (doc: unknown, keys: string[]) =>
  doc !== null && typeof doc === 'object' && !Array.isArray(doc) ? Object.fromEntries(Object.entries(doc).filter(([key]) => !keys.includes(key))) : doc;

/** The property definitions of a body, each checked against the property schema (no name needed). */
function definitions(map: Record<string, Definition> | undefined): Record<string, Definition> | undefined {
  if (!map) return undefined;
  for (const [name, definition] of Object.entries(map)) {
    if (!validators.property!({ name, ...definition })) {
      const [error] = validators.property!.errors ?? [];
      throw new GlanceError(400, `Provided object does not match schema 'property': ${name}${error?.instancePath ?? ''} ${error?.message ?? 'invalid'}`);
    }
  }
  return map;
}

const namespaceFields = (doc: Record<string, any>): NamespaceFields => ({
  namespace: doc.namespace,
  displayName: doc.display_name ?? null,
  description: doc.description ?? null,
  visibility: doc.visibility,
  protected: doc.protected,
  owner: doc.owner ?? null,
});

const objectOf = (doc: Record<string, any>): ObjectFields => ({
  name: doc.name,
  description: doc.description ?? null,
  required: doc.required,
  properties: definitions(doc.properties),
});

// ---------------------------------------------------------------------------------------------
// Documents

const path = (name: string) => `/v2/metadefs/namespaces/${encodeURIComponent(name)}`;

function associationDocument(row: MetadefResourceTypeAssociation) {
  return {
    name: row.resourceType.name,
    ...(row.prefix != null && { prefix: row.prefix }),
    ...(row.propertiesTarget != null && { properties_target: row.propertiesTarget }),
    created_at: glanceTime(row.createdAt),
    updated_at: glanceTime(row.updatedAt),
  };
}

function namespaceDocument(row: Pick<MetadefNamespace, 'namespace' | 'displayName' | 'description' | 'visibility' | 'protected' | 'createdAt' | 'updatedAt'> & { owner?: unknown }, nested: object = {}) {
  const owner = refId(row.owner as { id: string } | string | null | undefined);
  return {
    namespace: row.namespace,
    ...(row.displayName != null && { display_name: row.displayName }),
    ...(row.description != null && { description: row.description }),
    visibility: row.visibility,
    protected: row.protected,
    ...(owner && { owner: keystoneProjectId(owner) }),
    created_at: glanceTime(row.createdAt),
    updated_at: glanceTime(row.updatedAt),
    ...nested,
    self: path(row.namespace),
    schema: '/v2/schemas/metadefs/namespace',
  };
}

/** A property's definition; with `prefix`, as a resource type names it. */
const withPrefix = (prefix: string | null | undefined, name: string) => (prefix ? `${prefix}${name}` : name);

function objectDocument(namespace: string, row: MetadefObject, prefix?: string | null) {
  return {
    name: row.name,
    ...(row.description != null && { description: row.description }),
    required: row.required.map((name) => withPrefix(prefix, name)),
    properties: Object.fromEntries(Object.entries(row.properties).map(([name, definition]) => [withPrefix(prefix, name), definition])),
    created_at: glanceTime(row.createdAt),
    updated_at: glanceTime(row.updatedAt),
    self: `${path(namespace)}/objects/${encodeURIComponent(row.name)}`,
    schema: '/v2/schemas/metadefs/object',
  };
}

const tagDocument = (row: MetadefTag) => ({ name: row.name, created_at: glanceTime(row.createdAt), updated_at: glanceTime(row.updatedAt) });

// ---------------------------------------------------------------------------------------------
// Routes

/**
 * How many objects a request of this API reads or writes at most: a page of namespaces by its
 * size; a namespace, or a list of its parts, as many as it may hold; anything else one.
 */
export function metadefsObjects(method: string, segments: string[], query: URLSearchParams): number {
  if (method !== 'GET' || segments[0] !== 'namespaces') return 1;
  if (segments.length === 1) {
    const limit = Number(query.get('limit') ?? DEFAULT_LIMIT);
    return Math.max(1, Math.min(Number.isSafeInteger(limit) ? limit : 1, MAX_PAGE_SIZE));
  }
  // A namespace's document holds its associations, properties, objects and tags.
  if (segments.length === 2) return 4 * MAX_PARTS;
  return segments.length === 3 ? MAX_PARTS : 1;
}

/** `/v2/metadefs/...`, its segments after `metadefs`. */
export async function metadefsAnswer(ctx: DomainContext, call: Call, segments: string[]): Promise<void> {
  const method = call.req.method ?? 'GET';
  const [collection, name, part, item, ...rest] = segments;
  if (rest.length) throw new GlanceError(404, NOT_FOUND);
  if (collection === 'resource_types' && name === undefined) {
    if (method !== 'GET') throw notAllowed('GET');
    const types = await listResourceTypes(ctx);
    return sendGlanceJson(call.res, 200, { resource_types: types.map((row) => ({ name: row.name, created_at: glanceTime(row.createdAt), updated_at: glanceTime(row.updatedAt) })) });
  }
  if (collection !== 'namespaces') throw new GlanceError(404, NOT_FOUND);
  if (name === undefined) {
    if (method === 'GET') return namespaceList(ctx, call);
    if (method === 'POST') return namespaceCreate(ctx, call);
    throw notAllowed('GET, POST');
  }
  switch (part) {
    case undefined:
      return namespaceAnswer(ctx, call, name);
    case 'resource_types':
      return associationAnswer(ctx, call, name, item);
    case 'properties':
      return item === undefined ? partsAnswer(ctx, call, name, 'properties') : propertyAnswer(ctx, call, name, item);
    case 'objects':
      return item === undefined ? partsAnswer(ctx, call, name, 'objects') : objectAnswer(ctx, call, name, item);
    case 'tags':
      return item === undefined ? partsAnswer(ctx, call, name, 'tags') : tagAnswer(ctx, call, name, item);
    default:
      throw new GlanceError(404, NOT_FOUND);
  }
}

function namespaceLimit(query: URLSearchParams): number {
  const limit = query.get('limit');
  return limit === null ? DEFAULT_LIMIT : limitOf(limit);
}

const sortDirection = (query: URLSearchParams) => directionOf(query.get('sort_dir') ?? 'desc');

function visibilityParam(query: URLSearchParams): MetadefVisibility | undefined {
  const visibility = query.get('visibility');
  if (visibility === null) return undefined;
  if (!(METADEF_VISIBILITIES as readonly string[]).includes(visibility)) throw new GlanceError(400, `Invalid visibility value: ${visibility}`);
  return visibility as MetadefVisibility;
}

async function namespaceList(ctx: DomainContext, { res, query }: Call) {
  const sortKey = query.get('sort_key') ?? 'created_at';
  if (!(NAMESPACE_SORT_KEYS as readonly string[]).includes(sortKey)) throw new GlanceError(400, `Invalid sort key: ${sortKey}`);
  const resourceTypes = query.get('resource_types');
  const limit = namespaceLimit(query);
  const page = await listNamespaces(ctx, {
    limit,
    marker: query.get('marker') ?? undefined,
    sortKey: sortKey as NamespaceSortKey,
    sortDir: sortDirection(query),
    visibility: visibilityParam(query),
    resourceTypes: resourceTypes === null ? undefined : resourceTypes.split(',').filter(Boolean),
  });
  const namespaces = page.nodes as unknown as MetadefNamespace[];
  const associations = await associationsOf(ctx.em, namespaces);
  const first = new URLSearchParams([...query].filter(([key]) => key !== 'marker'));
  const next = new URLSearchParams(first);
  const last = namespaces.at(-1);
  if (last) next.set('marker', last.namespace);
  const link = (params: URLSearchParams) => `/v2/metadefs/namespaces${params.size ? `?${params}` : ''}`;
  sendGlanceJson(res, 200, {
    namespaces: namespaces.map((row) => {
      const own = associations.filter((association) => refId(association.namespace) === row.id);
      return namespaceDocument(row, own.length ? { resource_type_associations: own.map(associationDocument) } : {});
    }),
    first: link(first),
    ...(page.hasNextPage && last && { next: link(next) }),
    schema: '/v2/schemas/metadefs/namespaces',
  });
}

async function namespaceCreate(ctx: DomainContext, call: Call) {
  const doc = await body(call, 'namespace', LINKS_AND_TIMES);
  const objects = ((doc.objects ?? []) as unknown[]).map((object) => checked('object', without(object, LINKS_AND_TIMES)));
  const tags = ((doc.tags ?? []) as unknown[]).map((tag) => checked('tag', without(tag, TIMES)));
  const associations = ((doc.resource_type_associations ?? []) as unknown[]).map((association) => checked('resource_type_association', without(association, TIMES)));
  const namespace = await createNamespace(ctx, namespaceFields(doc), {
    associations: associations.map((association) => ({
      resourceType: association.name,
      prefix: association.prefix,
      propertiesTarget: association.properties_target,
    })),
    properties: definitions(doc.properties),
    objects: objects.map(objectOf),
    tags: tags.map((tag) => tag.name),
  });
  // Glance echoes the parts as they were sent.
  const nested = Object.fromEntries(['resource_type_associations', 'properties', 'objects', 'tags'].filter((key) => key in doc).map((key) => [key, doc[key]]));
  sendGlanceJson(call.res, 201, namespaceDocument(namespace, nested), { location: `${rootUrl(call.req)}${path(namespace.namespace)}` });
}

async function namespaceAnswer(ctx: DomainContext, call: Call, name: string) {
  const method = call.req.method ?? 'GET';
  if (method === 'GET') {
    const namespace = await findNamespace(ctx.em, ctx.viewer, name);
    const resourceType = call.query.get('resource_type');
    // Glance refuses a bad visibility here although it filters nothing by it.
    visibilityParam(call.query);
    const prefix = resourceType === null ? null : (await prefixFor(ctx, namespace, resourceType)).prefix;
    const { associations, properties, objects, tags } = await namespaceParts(ctx.em, namespace);
    return sendGlanceJson(call.res, 200, namespaceDocument(namespace, {
      ...(associations.length && { resource_type_associations: associations.map(associationDocument) }),
      ...(properties.length && { properties: Object.fromEntries(properties.map((row) => [withPrefix(prefix, row.name), row.schema])) }),
      ...(objects.length && { objects: objects.map((row) => objectDocument(name, row, prefix)) }),
      ...(tags.length && { tags: tags.map((row) => ({ name: row.name })) }),
    }));
  }
  if (method === 'PUT') {
    const doc = await body(call, 'namespace', LINKS_AND_TIMES);
    // Parts sent back from a read are checked but not changed here, as in Glance.
    definitions(doc.properties);
    return sendGlanceJson(call.res, 200, namespaceDocument(await updateNamespace(ctx, name, namespaceFields(doc))));
  }
  if (method === 'DELETE') {
    await deleteNamespace(ctx, name);
    return sendNoContent(call.res);
  }
  throw notAllowed('GET, PUT, DELETE');
}

async function associationAnswer(ctx: DomainContext, call: Call, name: string, resourceType: string | undefined) {
  const method = call.req.method ?? 'GET';
  if (resourceType !== undefined) {
    if (method !== 'DELETE') throw notAllowed('DELETE');
    await deleteAssociation(ctx, name, resourceType);
    return sendNoContent(call.res);
  }
  if (method === 'GET') {
    return sendGlanceJson(call.res, 200, { resource_type_associations: (await readAssociations(ctx, name)).map(associationDocument) });
  }
  if (method !== 'POST') throw notAllowed('GET, POST');
  const doc = await body(call, 'resource_type_association');
  const association = await createAssociation(ctx, name, { resourceType: doc.name, prefix: doc.prefix, propertiesTarget: doc.properties_target });
  sendGlanceJson(call.res, 201, associationDocument(association));
}

/** A namespace's properties, objects or tags as a whole: list, create one (or tags at once), delete all. */
async function partsAnswer(ctx: DomainContext, call: Call, name: string, part: Part) {
  const method = call.req.method ?? 'GET';
  if (method === 'DELETE') {
    await deleteNamespaceParts(ctx, name, part);
    return sendNoContent(call.res);
  }
  if (method === 'GET') {
    if (part === 'properties') {
      const properties = await readParts(ctx, name, 'properties');
      return sendGlanceJson(call.res, 200, { properties: Object.fromEntries(properties.map((row) => [row.name, row.schema])) });
    }
    if (part === 'objects') {
      const objects = await readParts(ctx, name, 'objects');
      return sendGlanceJson(call.res, 200, { objects: objects.map((row) => objectDocument(name, row)), schema: 'v2/schemas/metadefs/objects' });
    }
    const tags = await readTags(ctx, name, tagListArgs(call.query));
    return sendGlanceJson(call.res, 200, { tags: tags.map((row) => ({ name: row.name })) });
  }
  if (method !== 'POST') throw notAllowed('GET, POST, DELETE');
  if (part === 'properties') {
    const { name: property, ...schema } = await body(call, 'property');
    const row = await createPart(ctx, name, 'properties', { name: property, schema });
    return sendGlanceJson(call.res, 201, { name: row.name, ...row.schema });
  }
  if (part === 'objects') {
    const doc = await body(call, 'object', LINKS_AND_TIMES);
    return sendGlanceJson(call.res, 201, objectDocument(name, await createPart(ctx, name, 'objects', objectFields(objectOf(doc)))));
  }
  const doc = await body(call, 'tags');
  const append = /^(true|1|yes|y|on|t)$/i.test(String(call.req.headers['x-openstack-append'] ?? ''));
  const tags = await createTags(ctx, name, doc.tags.map((tag: { name: string }) => tag.name), append);
  sendGlanceJson(call.res, 201, { tags: tags.map((row) => ({ name: row.name })) });
}

function tagListArgs(query: URLSearchParams) {
  const limit = query.get('limit');
  const sortKey = query.get('sort_key') ?? 'created_at';
  if (sortKey !== 'name' && sortKey !== 'created_at' && sortKey !== 'updated_at') throw new GlanceError(400, `Invalid sort key: ${sortKey}`);
  return { limit: limit ? limitOf(limit) : undefined, marker: query.get('marker') ?? undefined, sortKey, sortDir: sortDirection(query) } as const;
}

async function propertyAnswer(ctx: DomainContext, call: Call, name: string, property: string) {
  const method = call.req.method ?? 'GET';
  if (method === 'GET') {
    const resourceType = call.query.get('resource_type');
    let stored = property;
    if (resourceType !== null) {
      // Named as the resource type names it: its prefix comes off.
      const { found, prefix } = await prefixFor(ctx, await findNamespace(ctx.em, ctx.viewer, name), resourceType);
      if (!found) throw new GlanceError(404, `The metadata definition resource-type association of resource-type=${resourceType} to namespace=${name}, was not found.`);
      if (!prefix || !property.startsWith(prefix)) throw new GlanceError(404, `Property ${property} does not start with the expected resource type association prefix of '${prefix}'.`);
      stored = property.slice(prefix.length);
    }
    const row = await readPart(ctx, name, 'properties', stored);
    return sendGlanceJson(call.res, 200, { name: row.name, ...row.schema });
  }
  if (method === 'PUT') {
    const { name: rename, ...schema } = await body(call, 'property');
    const row = await updatePart(ctx, name, 'properties', property, { name: rename, schema });
    return sendGlanceJson(call.res, 200, { name: row.name, ...row.schema });
  }
  if (method === 'DELETE') {
    await deletePart(ctx, name, 'properties', property);
    return sendNoContent(call.res);
  }
  throw notAllowed('GET, PUT, DELETE');
}

async function objectAnswer(ctx: DomainContext, call: Call, name: string, object: string) {
  const method = call.req.method ?? 'GET';
  if (method === 'GET') return sendGlanceJson(call.res, 200, objectDocument(name, await readPart(ctx, name, 'objects', object)));
  if (method === 'PUT') {
    const doc = await body(call, 'object', LINKS_AND_TIMES);
    return sendGlanceJson(call.res, 200, objectDocument(name, await updatePart(ctx, name, 'objects', object, objectFields(objectOf(doc)))));
  }
  if (method === 'DELETE') {
    await deletePart(ctx, name, 'objects', object);
    return sendNoContent(call.res);
  }
  throw notAllowed('GET, PUT, DELETE');
}

async function tagAnswer(ctx: DomainContext, call: Call, name: string, tag: string) {
  const method = call.req.method ?? 'GET';
  if (method === 'GET') return sendGlanceJson(call.res, 200, tagDocument(await readPart(ctx, name, 'tags', tag)));
  if (method === 'POST') {
    if (tag.length > 80) throw new GlanceError(400, `Provided object does not match schema 'tag': '${tag}' is too long`);
    return sendGlanceJson(call.res, 201, tagDocument(await createPart(ctx, name, 'tags', { name: tag })));
  }
  if (method === 'PUT') {
    const doc = await body(call, 'tag');
    return sendGlanceJson(call.res, 200, tagDocument(await updatePart(ctx, name, 'tags', tag, { name: doc.name })));
  }
  if (method === 'DELETE') {
    await deletePart(ctx, name, 'tags', tag);
    return sendNoContent(call.res);
  }
  throw notAllowed('GET, POST, PUT, DELETE');
}
