// Glance's metadata definitions: namespaces of property, object and tag definitions, and the
// resource types they apply to. Everyone reads the public namespaces and their own project's;
// administrators read all and alone write (Glance 25's default policy). A protected namespace
// and its parts cannot be deleted until it is unprotected, though they can be changed.
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import {
  type MetadefVisibility, MetadefNamespace, MetadefObject, MetadefProperty, MetadefResourceType, MetadefResourceTypeAssociation, MetadefTag,
} from '../db/entities/metadef.js';
import { namedProject, uuidOfProjectId } from './adopted-projects.js';
import type { DomainContext } from './context.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from './errors.js';
import { MAX_PAGE_SIZE, type OrderKey, type Page, emptyPage, encodeCursor, findPage } from './pagination.js';
import { assertAdmin } from './permissions.js';
import type { Row } from './rows.js';
import { inTransaction } from './unit-of-work.js';
import { isPrintable } from './validation.js';
import type { Viewer } from './viewer.js';

/** A property definition: the JSON schema of a property's value (title, type, enum...). */
export type Definition = Record<string, unknown>;

export interface NamespaceFields {
  namespace: string;
  displayName?: string | null;
  description?: string | null;
  visibility?: MetadefVisibility;
  protected?: boolean;
  /** A project id (ours, or Keystone's 32 hex digits); unset: the namespace's own, or a new one's caller's project. */
  owner?: string | null;
}

export interface AssociationFields {
  resourceType: string;
  prefix?: string | null;
  propertiesTarget?: string | null;
}

export interface ObjectFields {
  name: string;
  description?: string | null;
  required?: string[];
  properties?: Record<string, Definition>;
}

/** What a namespace is created with besides its own fields. */
export interface NamespaceParts {
  associations?: AssociationFields[];
  properties?: Record<string, Definition>;
  objects?: ObjectFields[];
  tags?: string[];
}

export type Part = 'objects' | 'properties' | 'tags';

/** The entity of each kind of part, by name: one function serves every kind. */
const PART_ENTITIES = { objects: 'MetadefObject', properties: 'MetadefProperty', tags: 'MetadefTag' } as const;

/** The namespaces a viewer may read: administrators all, members the public ones and their project's. */
function readable(viewer: Viewer): FilterQuery<MetadefNamespace> {
  switch (viewer.kind) {
    case 'admin':
      return {};
    case 'member':
      return { $or: [{ visibility: 'public' }, { owner: viewer.projectId }] };
    case 'reseller':
      return { visibility: 'public' };
  }
}

/** A namespace the caller may read; not found otherwise, whether or not it exists. */
export async function findNamespace(em: EntityManager, viewer: Viewer, name: string): Promise<MetadefNamespace> {
  if (unnameable(name)) throw new NotFoundError('Namespace', name);
  const namespace = await em.findOne(MetadefNamespace, { $and: [{ namespace: name }, readable(viewer)] }, { populate: ['owner'] });
  if (!namespace) throw new NotFoundError('Namespace', name);
  return namespace;
}

/** A namespace to change: found as a reader finds it, then refused to anyone but administrators. */
async function namespaceToChange(em: EntityManager, ctx: DomainContext, name: string): Promise<MetadefNamespace> {
  const namespace = await findNamespace(em, ctx.viewer, name);
  assertAdmin(ctx.viewer, 'change metadata definitions');
  return namespace;
}

/** The first name given twice, if any. */
function repeatedName(names: string[]): string | undefined {
  const seen = new Set<string>();
  return names.find((name) => seen.size === seen.add(name).size);
}

/** Glance's limit on every name (namespaces, parts, resource types, prefixes). */
export const METADEF_NAME_MAX = 80;

/** A name as Glance's tables hold it: 1 to 80 printable characters. */
function assertName(path: (string | number)[], name: string | null | undefined, optional = false) {
  // Glance bounds these optional names by length alone: an empty one is no name.
  if ((name == null || name === '') && optional) return;
  if (typeof name !== 'string' || name.length === 0 || name.length > METADEF_NAME_MAX || !isPrintable(name) || UNSTORABLE.test(name)) {
    throw ValidationError.of(path, `must be 1 to ${METADEF_NAME_MAX} characters, none of them control characters`);
  }
}

/** NUL, or half of a surrogate pair: what PostgreSQL's text or jsonb cannot hold. */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether a string, or any key or string inside a JSON value, holds what PostgreSQL cannot store. */
function unstorable(value: unknown): boolean {
  if (typeof value === 'string') return UNSTORABLE.test(value);
  if (Array.isArray(value)) return value.some(unstorable);
  if (value !== null && typeof value === 'object') return Object.entries(value).some(([key, item]) => UNSTORABLE.test(key) || unstorable(item));
  return false;
}

/** Free text and definitions are stored as given, but neither may hold a NUL or a lone surrogate. */
function assertStorable(path: (string | number)[], value: unknown) {
  if (unstorable(value)) throw ValidationError.of(path, 'must not contain the NUL character or half of a surrogate pair');
}

/** A name no row can have (a control character, too long): looked up, it is simply not there. */
const unnameable = (name: string) => name.length === 0 || name.length > METADEF_NAME_MAX || !isPrintable(name);

function assertNamespace(fields: NamespaceFields) {
  assertName(['namespace'], fields.namespace);
  assertName(['displayName'], fields.displayName, true);
  assertStorable(['description'], fields.description);
}

function assertAssociation(path: (string | number)[], fields: AssociationFields) {
  assertName([...path, 'resourceType'], fields.resourceType);
  assertName([...path, 'prefix'], fields.prefix, true);
  assertName([...path, 'propertiesTarget'], fields.propertiesTarget, true);
}

/** Property definitions: each named as a part is, each storable. */
function assertDefinitions(path: (string | number)[], definitions: Record<string, Definition> | undefined) {
  for (const [name, definition] of Object.entries(definitions ?? {})) {
    assertName([...path, name], name);
    assertStorable([...path, name], definition);
  }
}

function assertObject(path: (string | number)[], fields: ObjectFields) {
  assertName([...path, 'name'], fields.name);
  assertStorable([...path, 'description'], fields.description);
  (fields.required ?? []).forEach((name, index) => assertName([...path, 'required', index], name));
  assertDefinitions([...path, 'properties'], fields.properties);
}

function assertDeletable(namespace: MetadefNamespace, what: string) {
  if (namespace.protected) throw new ForbiddenError(`Metadata definition ${what} is protected and cannot be deleted.`);
}

// ---------------------------------------------------------------------------------------------
// Namespaces

export const NAMESPACE_SORT_KEYS = ['namespace', 'created_at', 'updated_at', 'visibility'] as const;
export type NamespaceSortKey = (typeof NAMESPACE_SORT_KEYS)[number];

const SORT_FIELDS: Record<NamespaceSortKey, Omit<OrderKey, 'direction'>> = {
  namespace: { field: 'namespace', kind: 'string', nullable: false },
  created_at: { field: 'createdAt', kind: 'date', nullable: false },
  updated_at: { field: 'updatedAt', kind: 'date', nullable: false },
  visibility: { field: 'visibility', kind: 'string', nullable: false },
};

export interface NamespaceListArgs {
  limit: number;
  /** The name of the namespace the page follows. */
  marker?: string;
  sortKey: NamespaceSortKey;
  sortDir: 'ASC' | 'DESC';
  visibility?: MetadefVisibility;
  /** Only namespaces that apply to any of these resource types. */
  resourceTypes?: string[];
}

/** A page of the namespaces the caller may read, newest first unless asked otherwise. */
export async function listNamespaces(ctx: DomainContext, args: NamespaceListArgs): Promise<Page<Row<MetadefNamespace>>> {
  const order: OrderKey[] = [{ ...SORT_FIELDS[args.sortKey], direction: args.sortDir }];
  if (args.sortKey !== 'created_at') order.push({ ...SORT_FIELDS.created_at, direction: args.sortDir });
  let after: string | undefined;
  if (args.marker) {
    const marker = await findNamespace(ctx.em, ctx.viewer, args.marker);
    after = encodeCursor(order, marker as unknown as Record<string, unknown>);
  }
  if (args.limit === 0 || args.resourceTypes?.length === 0) return emptyPage();
  const where: FilterQuery<MetadefNamespace>[] = [readable(ctx.viewer)];
  if (args.visibility) where.push({ visibility: args.visibility });
  if (args.resourceTypes) {
    const names = args.resourceTypes.filter((type) => !unnameable(type));
    const associated = await ctx.em.find(MetadefResourceTypeAssociation, { resourceType: { name: { $in: names } } }, { fields: ['namespace'] });
    where.push({ id: { $in: [...new Set(associated.map((row) => row.namespace.id))] } });
  }
  return findPage<MetadefNamespace>(ctx.em, 'MetadefNamespace', { $and: where }, order, { first: args.limit, after }, ['owner']);
}

/**
 * The owner a namespace's fields name: a project, by id. Unnamed, a namespace keeps its owner
 * (Glance would give it to the caller's project, taking a private namespace from its own), and a
 * new one is the caller's project's.
 */
async function ownerOf(em: EntityManager, ctx: DomainContext, owner: string | null | undefined, current?: MetadefNamespace) {
  if (owner == null) return current ? (current.owner?.id ?? null) : ctx.viewer.kind === 'member' ? ctx.viewer.projectId : null;
  const id = uuidOfProjectId(owner);
  const project = id && (await namedProject(em, id, ctx.adoptProjects));
  if (!project) throw ValidationError.of(['owner'], `${owner} names no project`);
  return project.id;
}

/** A namespace's own fields as its row holds them: what the fields leave out is cleared, as Glance does, but the owner. */
async function namespaceRow(em: EntityManager, ctx: DomainContext, fields: NamespaceFields, current?: MetadefNamespace) {
  return {
    namespace: fields.namespace,
    displayName: fields.displayName || null,
    description: fields.description ?? null,
    visibility: fields.visibility ?? 'private',
    protected: fields.protected ?? false,
    owner: await ownerOf(em, ctx, fields.owner, current),
  };
}

/** A namespace with its parts, as one change: all of it is created, or none. */
export async function createNamespace(ctx: DomainContext, fields: NamespaceFields, parts: NamespaceParts = {}): Promise<MetadefNamespace> {
  assertAdmin(ctx.viewer, 'create metadata definitions');
  assertNamespace(fields);
  const counts = { associations: parts.associations?.length, objects: parts.objects?.length, properties: Object.keys(parts.properties ?? {}).length, tags: parts.tags?.length };
  for (const [part, count] of Object.entries(counts)) assertFits(part, count ?? 0);
  return inTransaction(ctx, async (em) => {
    if (await em.count(MetadefNamespace, { namespace: fields.namespace })) {
      throw new ConflictError(`The metadata definition namespace=${fields.namespace} already exists.`, 'namespace');
    }
    const namespace = em.create(MetadefNamespace, await namespaceRow(em, ctx, fields));
    (parts.associations ?? []).forEach((association, index) => assertAssociation(['associations', index], association));
    assertDefinitions(['properties'], parts.properties);
    (parts.objects ?? []).forEach((object, index) => assertObject(['objects', index], object));
    (parts.tags ?? []).forEach((tag, index) => assertName(['tags', index], tag));
    const associations = parts.associations ?? [];
    const repeatedType = repeatedName(associations.map((association) => association.resourceType));
    if (repeatedType !== undefined) throw associationExists(repeatedType, fields.namespace);
    for (const association of associations) await associate(em, namespace, association);
    const objects = parts.objects ?? [];
    const repeatedObject = repeatedName(objects.map((object) => object.name));
    if (repeatedObject !== undefined) throw partExists('objects', repeatedObject, fields.namespace);
    for (const object of objects) em.create(MetadefObject, { ...objectFields(object), namespace });
    const tags = parts.tags ?? [];
    const repeatedTag = repeatedName(tags);
    if (repeatedTag !== undefined) throw partExists('tags', repeatedTag, fields.namespace);
    for (const name of tags) em.create(MetadefTag, { namespace, name });
    for (const [name, schema] of Object.entries(parts.properties ?? {})) em.create(MetadefProperty, { namespace, name, schema });
    await em.flush();
    return namespace;
  });
}

/** Replaces a namespace's own fields; its parts stay. */
export async function updateNamespace(ctx: DomainContext, name: string, fields: NamespaceFields): Promise<MetadefNamespace> {
  assertNamespace(fields);
  return inTransaction(ctx, async (em) => {
    const namespace = await namespaceToChange(em, ctx, name);
    if (fields.namespace !== name && (await em.count(MetadefNamespace, { namespace: fields.namespace }))) {
      throw new ConflictError(`Invalid update. It would result in a duplicate metadata definition namespace with the same name of ${fields.namespace}`, 'namespace');
    }
    em.assign(namespace, await namespaceRow(em, ctx, fields, namespace));
    await em.flush();
    return namespace;
  });
}

/** Deletes a namespace and everything in it (its resource types stay). */
export async function deleteNamespace(ctx: DomainContext, name: string): Promise<void> {
  await inTransaction(ctx, async (em) => {
    const namespace = await namespaceToChange(em, ctx, name);
    assertDeletable(namespace, `namespace ${name}`);
    em.remove(namespace);
    await em.flush();
  });
}

/** Deletes every object, property or tag of a namespace. */
export async function deleteNamespaceParts(ctx: DomainContext, name: string, part: Part): Promise<void> {
  await inTransaction(ctx, async (em) => {
    const namespace = await namespaceToChange(em, ctx, name);
    assertDeletable(namespace, `namespace ${name}`);
    await em.nativeDelete(PART_ENTITIES[part], { namespace: namespace.id });
  });
}

/** A namespace's parts, each in the order it was made (tags newest first, as Glance lists them). */
export async function namespaceParts(em: EntityManager, namespace: MetadefNamespace) {
  const [associations, properties, objects, tags] = await Promise.all([
    associationsOf(em, namespace),
    em.find(MetadefProperty, { namespace }, { orderBy: { id: 'ASC' } }),
    em.find(MetadefObject, { namespace }, { orderBy: { id: 'ASC' } }),
    em.find(MetadefTag, { namespace }, { orderBy: { createdAt: 'DESC', id: 'DESC' } }),
  ]);
  return { associations, properties, objects, tags };
}

// ---------------------------------------------------------------------------------------------
// Resource types and associations

export async function listResourceTypes(ctx: DomainContext): Promise<MetadefResourceType[]> {
  return ctx.em.find(MetadefResourceType, {}, { orderBy: { id: 'ASC' } });
}

/** Associations of namespaces, with their resource types. */
export async function associationsOf(em: EntityManager, namespace: { id: string } | { id: string }[]): Promise<MetadefResourceTypeAssociation[]> {
  const ids = (Array.isArray(namespace) ? namespace : [namespace]).map((row) => row.id);
  if (!ids.length) return [];
  return em.find(MetadefResourceTypeAssociation, { namespace: { $in: ids } }, { populate: ['resourceType'], orderBy: { id: 'ASC' } });
}

export async function readAssociations(ctx: DomainContext, name: string) {
  return associationsOf(ctx.em, await findNamespace(ctx.em, ctx.viewer, name));
}

const associationExists = (resourceType: string, namespace: string) =>
  new ConflictError(`The metadata definition resource-type association of resource-type=${resourceType} to namespace=${namespace} already exists.`, 'name');

/** Associates a namespace with a resource type, which is made when no namespace has named it yet. */
async function associate(em: EntityManager, namespace: MetadefNamespace, fields: AssociationFields) {
  const resourceType = (await em.findOne(MetadefResourceType, { name: fields.resourceType })) ?? em.create(MetadefResourceType, { name: fields.resourceType });
  // An empty prefix or target is none (assertName).
  return em.create(MetadefResourceTypeAssociation, { namespace, resourceType, prefix: fields.prefix || null, propertiesTarget: fields.propertiesTarget || null });
}

export async function createAssociation(ctx: DomainContext, name: string, fields: AssociationFields): Promise<MetadefResourceTypeAssociation> {
  assertAssociation([], fields);
  return inTransaction(ctx, async (em) => {
    const namespace = await namespaceToChange(em, ctx, name);
    if (await em.count(MetadefResourceTypeAssociation, { namespace, resourceType: { name: fields.resourceType } })) throw associationExists(fields.resourceType, name);
    if ((await em.count(MetadefResourceTypeAssociation, { namespace })) >= MAX_PARTS) {
      throw new ConflictError(`A namespace holds at most ${MAX_PARTS} resource type associations`, 'name');
    }
    const association = await associate(em, namespace, fields);
    await em.flush();
    return association;
  });
}

export async function deleteAssociation(ctx: DomainContext, name: string, resourceType: string): Promise<void> {
  await inTransaction(ctx, async (em) => {
    const namespace = await namespaceToChange(em, ctx, name);
    const association = unnameable(resourceType) ? null : await em.findOne(MetadefResourceTypeAssociation, { namespace, resourceType: { name: resourceType } });
    if (!association) throw new NotFoundError('Resource type association', resourceType);
    assertDeletable(namespace, `resource-type-association ${resourceType}`);
    em.remove(association);
    await em.flush();
  });
}

/** The prefix a namespace's properties take on a resource type; null when it names none. */
export async function prefixFor(ctx: DomainContext, namespace: MetadefNamespace, resourceType: string): Promise<{ found: boolean; prefix: string | null }> {
  const association = unnameable(resourceType) ? null : await ctx.em.findOne(MetadefResourceTypeAssociation, { namespace, resourceType: { name: resourceType } });
  return { found: association !== null, prefix: association?.prefix ?? null };
}

// ---------------------------------------------------------------------------------------------
// Properties, objects and tags: parts of a namespace, each named uniquely within it

/**
 * The most parts of each kind a namespace holds: a namespace is read whole, so its size is
 * bounded as a page is, and a read costs what a page costs.
 */
export const MAX_PARTS = MAX_PAGE_SIZE;

/** Refuses a request that alone holds more than MAX_PARTS of a kind. */
function assertFits(part: string, count: number) {
  if (count > MAX_PARTS) throw ValidationError.of([part], `a namespace holds at most ${MAX_PARTS} ${part}`);
}

/** Refuses parts beyond MAX_PARTS of a kind in a namespace. */
async function assertRoom(em: EntityManager, namespace: MetadefNamespace, part: Part, adding: number) {
  if (!adding) return;
  const held = namespace.id ? await em.count(PART_ENTITIES[part], { namespace: namespace.id } as never) : 0;
  if (held + adding > MAX_PARTS) throw new ConflictError(`A namespace holds at most ${MAX_PARTS} ${part}; this one would hold ${held + adding}`, part);
}

/** What each kind of part is called in a message. */
const PART_TYPES = { objects: 'Metadata object', properties: 'Property', tags: 'Metadata tag' } as const;

const partExists = (part: Part, name: string, namespace: string) =>
  new ConflictError(`A metadata definition ${PART_TYPES[part].toLowerCase()} with name=${name} already exists in namespace=${namespace}.`, 'name');

type PartRow<P extends Part> = { objects: MetadefObject; properties: MetadefProperty; tags: MetadefTag }[P];

/** A part's fields as its row holds them. */
type PartFields<P extends Part> = Omit<PartRow<P>, 'id' | 'createdAt' | 'updatedAt' | 'namespace'>;

/** A part's fields, checked as its kind needs. */
function assertPart(part: Part, fields: { name: string; schema?: unknown } & Partial<ObjectFields>) {
  if (part === 'objects') return assertObject([], fields);
  assertName(['name'], fields.name);
  if (part === 'properties') assertStorable(['schema'], fields.schema);
}

/** Every part of one kind of a readable namespace, in the order they were made. */
export async function readParts<P extends Part>(ctx: DomainContext, name: string, part: P): Promise<PartRow<P>[]> {
  const namespace = await findNamespace(ctx.em, ctx.viewer, name);
  return ctx.em.find<PartRow<P>>(PART_ENTITIES[part], { namespace: namespace.id } as never, { orderBy: { id: 'ASC' } as never });
}

/** One named part of a readable namespace. */
export async function readPart<P extends Part>(ctx: DomainContext, name: string, part: P, partName: string): Promise<PartRow<P>> {
  const namespace = await findNamespace(ctx.em, ctx.viewer, name);
  const row = unnameable(partName) ? null : await ctx.em.findOne<PartRow<P>>(PART_ENTITIES[part], { namespace: namespace.id, name: partName } as never);
  if (!row) throw new NotFoundError(PART_TYPES[part], partName);
  return row;
}

/** Makes a part; a name the namespace has already is refused. */
export async function createPart<P extends Part>(ctx: DomainContext, name: string, part: P, fields: PartFields<P>): Promise<PartRow<P>> {
  assertPart(part, fields as never);
  return inTransaction(ctx, async (em) => {
    const namespace = await namespaceToChange(em, ctx, name);
    if (await em.count(PART_ENTITIES[part], { namespace: namespace.id, name: fields.name } as never)) throw partExists(part, fields.name, name);
    await assertRoom(em, namespace, part, 1);
    const row = em.create<PartRow<P>>(PART_ENTITIES[part], { ...fields, namespace } as never);
    await em.flush();
    return row;
  });
}

/** Replaces a part's fields; a new name renames it, unless the namespace has that name already. */
export async function updatePart<P extends Part>(ctx: DomainContext, name: string, part: P, partName: string, fields: PartFields<P>): Promise<PartRow<P>> {
  assertPart(part, fields as never);
  return inTransaction(ctx, async (em) => {
    const namespace = await namespaceToChange(em, ctx, name);
    const row = unnameable(partName) ? null : await em.findOne<PartRow<P>>(PART_ENTITIES[part], { namespace: namespace.id, name: partName } as never);
    if (!row) throw new NotFoundError(PART_TYPES[part], partName);
    if (fields.name !== partName && (await em.count(PART_ENTITIES[part], { namespace: namespace.id, name: fields.name } as never))) {
      throw partExists(part, fields.name, name);
    }
    em.assign(row, fields as never);
    await em.flush();
    return row;
  });
}

/** An object's fields, with what it leaves out empty. */
export const objectFields = (fields: ObjectFields): PartFields<'objects'> => ({
  name: fields.name,
  description: fields.description ?? null,
  required: fields.required ?? [],
  properties: fields.properties ?? {},
});

export interface TagListArgs {
  limit?: number;
  marker?: string;
  sortKey: 'name' | 'created_at' | 'updated_at';
  sortDir: 'ASC' | 'DESC';
}

/** A page of a namespace's tags (all of them, at most MAX_PARTS, without a limit), newest first unless asked otherwise. */
export async function readTags(ctx: DomainContext, name: string, args: TagListArgs): Promise<MetadefTag[]> {
  const namespace = await findNamespace(ctx.em, ctx.viewer, name);
  const field = { name: 'name', created_at: 'createdAt', updated_at: 'updatedAt' }[args.sortKey];
  const order: OrderKey[] = [{ field, kind: field === 'name' ? 'string' : 'date', nullable: false, direction: args.sortDir }];
  if (field !== 'createdAt') order.push({ field: 'createdAt', kind: 'date', nullable: false, direction: args.sortDir });
  let after: string | undefined;
  if (args.marker) {
    const marker = unnameable(args.marker) ? null : await ctx.em.findOne(MetadefTag, { namespace, name: args.marker });
    if (!marker) throw new NotFoundError(PART_TYPES.tags, args.marker);
    after = encodeCursor(order, marker as unknown as Record<string, unknown>);
  }
  if (args.limit === 0) return [];
  const page = await findPage<MetadefTag>(ctx.em, 'MetadefTag', { namespace: namespace.id }, order, { first: args.limit ?? MAX_PAGE_SIZE, after });
  return page.nodes as MetadefTag[];
}

/** Tags made at once: they replace the namespace's tags, or are added to them (`append`). */
export async function createTags(ctx: DomainContext, name: string, tags: string[], append: boolean): Promise<MetadefTag[]> {
  assertFits('tags', tags.length);
  tags.forEach((tag, index) => assertName(['tags', index], tag));
  return inTransaction(ctx, async (em) => {
    const namespace = await namespaceToChange(em, ctx, name);
    if (!tags.length) return [];
    const repeated = repeatedName(tags);
    if (repeated !== undefined) throw partExists('tags', repeated, name);
    if (append) {
      const taken = await em.findOne(MetadefTag, { namespace, name: { $in: tags } });
      if (taken) throw partExists('tags', taken.name, name);
      await assertRoom(em, namespace, 'tags', tags.length);
    } else await em.nativeDelete(MetadefTag, { namespace });
    const rows = tags.map((tag) => em.create(MetadefTag, { namespace, name: tag }));
    await em.flush();
    return rows;
  });
}

/** Deletes one named part of a namespace that is not protected. */
export async function deletePart(ctx: DomainContext, name: string, part: Part, partName: string): Promise<void> {
  await inTransaction(ctx, async (em) => {
    const namespace = await namespaceToChange(em, ctx, name);
    const row = unnameable(partName) ? null : await em.findOne<{ name: string }>(PART_ENTITIES[part], { namespace: namespace.id, name: partName } as never);
    if (!row) throw new NotFoundError(PART_TYPES[part], partName);
    assertDeletable(namespace, `${PART_TYPES[part].replace('Metadata ', '').toLowerCase()} ${partName}`);
    em.remove(row);
    await em.flush();
  });
}
