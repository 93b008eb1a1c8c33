// The catalog's reference data (Foreman's operating systems, architectures and compute
// resources; regions; projects): create, update, delete, list. Deleting one still in use
// is refused rather than leaving images pointing nowhere.
import type { EntitySchema } from '@mikro-orm/core';
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { Architecture } from '../db/entities/architecture.js';
import { ComputeResource } from '../db/entities/compute-resource.js';
import { OperatingSystem } from '../db/entities/operating-system.js';
import { Project } from '../db/entities/project.js';
import { Region } from '../db/entities/region.js';
import { Reseller } from '../db/entities/reseller.js';
import type { DomainContext } from './context.js';
import { InUseError, NotFoundError, ValidationError } from './errors.js';
import { type Page, type PageArgs, findPage } from './pagination.js';
import type { ReferenceEntity } from './reference-cache.js';
import type { Row } from './rows.js';
import { assertAdmin } from './permissions.js';
import { inTransaction } from './unit-of-work.js';
import { type Loose, SLUG_MAX, identifier, isUuid, slug, text, validate } from './validation.js';

type Keyed = { id: string };
// biome-ignore lint: the schema's second parameter is the (absent) base entity
type Schema<T extends Keyed> = EntitySchema<T, never>;

/** The rows that exist among `ids`, remembered or read in one statement, in no particular order. */
export async function referencesById<T extends Keyed>(ctx: DomainContext, entity: Schema<T>, ids: readonly string[]): Promise<Row<T>[]> {
  return ctx.references.byId<T>(entity.meta.className as ReferenceEntity, ids.filter(isUuid));
}

/** The order of each reference list: what people look them up by. */
const listOrder = (className: string) => ({ Region: 'slug', OperatingSystem: 'title' })[className] ?? 'name';

/** Which rows of a list the viewer gets: projects are listed only to those they concern. */
function listScope(ctx: DomainContext, className: string): FilterQuery<Project> {
  const viewer = ctx.viewer;
  if (className !== 'Project' || viewer.kind === 'admin') return {};
  return viewer.kind === 'member' ? { id: viewer.projectId } : { reseller: viewer.resellerId };
}

/** A page of reference rows ordered by name (regions by slug, systems by title). */
export async function listReferences<T extends Keyed>(ctx: DomainContext, entity: Schema<T>, args: PageArgs): Promise<Page<Row<T>>> {
  const { className } = entity.meta;
  const order = [{ field: listOrder(className), direction: 'ASC' as const, kind: 'string' as const, nullable: false }];
  return findPage<T>(ctx.em, className, listScope(ctx, className) as FilterQuery<T>, order, args);
}

/** A row by id, or NotFoundError naming its type: what every update and delete starts with. */
export async function findRow<T extends Keyed>(em: EntityManager, entity: Schema<T>, id: string): Promise<T> {
  const row = isUuid(id) ? await em.findOne(entity, { id } as unknown as FilterQuery<T>) : null;
  if (!row) throw new NotFoundError(entity.meta.className, id);
  return row;
}

async function refuseWhileUsed(em: EntityManager, label: string, id: string, uses: [string, FilterQuery<any>][]) {
  for (const [what, where] of uses) {
    const count = await em.count(what, where);
    if (count > 0) throw new InUseError(label, id, `${count} ${what === 'Image' ? 'image' : 'compute resource'}${count === 1 ? '' : 's'}`);
  }
}

const liveImagesWith = (relation: string, id: string): [string, FilterQuery<any>] => ['Image', { [relation]: id, deletedAt: null }];

const OS_MAJOR_DIGITS = 5;
const OS_MINOR_MAX = 16;
const OS_FAMILY_MAX = 32;
const PROVIDER_MAX = 64;
const REGION_NAME_MAX = 128;

/** The rules below in words, for the schema's descriptions: the numbers are the rules' own. */
export const REFERENCE_RULES = {
  osMajor: `a number of 1 to ${OS_MAJOR_DIGITS} digits, e.g. "24"`,
  osMinor: `empty or a dotted version such as "04" or "3.1", at most ${OS_MINOR_MAX} characters`,
  osFamily: `at most ${OS_FAMILY_MAX} characters`,
  provider: `1 to ${PROVIDER_MAX} letters, digits, underscores or hyphens, starting with a letter, e.g. libvirt, vmware or ec2`,
  regionSlug: `1 to ${SLUG_MAX} lowercase letters, digits or hyphens, not starting or ending with a hyphen`,
  regionName: `1 to ${REGION_NAME_MAX} printable characters (tabs and line breaks allowed)`,
};

// --- Operating systems ------------------------------------------------------------------

const osFields = {
  // Foreman: the name has no whitespace; major is a number, minor a dotted version.
  name: identifier.regex(/^\S+$/, 'must not contain whitespace'),
  major: z.string().regex(new RegExp(`^\\d{1,${OS_MAJOR_DIGITS}}$`), `must be a number of at most ${OS_MAJOR_DIGITS} digits`),
  minor: z
    .string()
    .max(OS_MINOR_MAX, `must be at most ${OS_MINOR_MAX} characters`)
    .regex(/^(\d{1,8}(\.\d{1,8})*)?$/, 'must be empty or a dotted version such as 04 or 3.1'),
  family: text(OS_FAMILY_MAX).nullable(),
};
const osCreate = z.object(osFields).partial({ minor: true, family: true }).strict();
const osUpdate = z.object(osFields).partial().strict();

export async function createOperatingSystem(ctx: DomainContext, raw: Loose<z.input<typeof osCreate>>) {
  assertAdmin(ctx.viewer, 'manage reference data');
  const input = validate(osCreate, raw);
  return inTransaction(ctx, async (em) => {
    const os = em.create(OperatingSystem, { name: input.name, major: input.major, minor: input.minor ?? '', family: input.family ?? null });
    await em.flush();
    return os;
  });
}

export async function updateOperatingSystem(ctx: DomainContext, id: string, raw: Loose<z.input<typeof osUpdate>>) {
  assertAdmin(ctx.viewer, 'manage reference data');
  const input = validate(osUpdate, raw);
  return inTransaction(ctx, async (em) => {
    const os = await findRow(em, OperatingSystem, id);
    em.assign(os, input);
    await em.flush();
    return os;
  });
}

export async function deleteOperatingSystem(ctx: DomainContext, id: string) {
  assertAdmin(ctx.viewer, 'manage reference data');
  return inTransaction(ctx, async (em) => {
    const os = await findRow(em, OperatingSystem, id);
    await refuseWhileUsed(em, 'OperatingSystem', id, [liveImagesWith('operatingSystem', id)]);
    em.remove(os);
    await em.flush();
    return os;
  });
}

// --- Architectures ----------------------------------------------------------------------

const archSchema = z.object({ name: identifier.regex(/^\S+$/, 'must not contain whitespace') }).strict();

export async function createArchitecture(ctx: DomainContext, raw: Loose<z.input<typeof archSchema>>) {
  assertAdmin(ctx.viewer, 'manage reference data');
  const input = validate(archSchema, raw);
  return inTransaction(ctx, async (em) => {
    const architecture = em.create(Architecture, input);
    await em.flush();
    return architecture;
  });
}

export async function updateArchitecture(ctx: DomainContext, id: string, raw: Loose<z.input<typeof archSchema>>) {
  assertAdmin(ctx.viewer, 'manage reference data');
  const input = validate(archSchema.partial(), raw);
  return inTransaction(ctx, async (em) => {
    const architecture = await findRow(em, Architecture, id);
    em.assign(architecture, input);
    await em.flush();
    return architecture;
  });
}

export async function deleteArchitecture(ctx: DomainContext, id: string) {
  assertAdmin(ctx.viewer, 'manage reference data');
  return inTransaction(ctx, async (em) => {
    const architecture = await findRow(em, Architecture, id);
    await refuseWhileUsed(em, 'Architecture', id, [liveImagesWith('architecture', id)]);
    em.remove(architecture);
    await em.flush();
    return architecture;
  });
}

// --- Compute resources ------------------------------------------------------------------

const crFields = {
  name: identifier,
  provider: z.string().regex(new RegExp(`^[A-Za-z][A-Za-z0-9_-]{0,${PROVIDER_MAX - 1}}$`), 'must be a provider name such as libvirt, vmware or ec2'),
  regionId: z.string().refine(isUuid, 'is not a valid id').nullable(),
};
const crCreate = z.object(crFields).partial({ regionId: true }).strict();
const crUpdate = z.object(crFields).partial().strict();

async function regionFor(em: EntityManager, regionId: string | null | undefined) {
  if (regionId == null) return regionId;
  const region = await em.findOne(Region, { id: regionId });
  if (!region) throw ValidationError.of(['input', 'regionId'], 'no region has this id');
  return region;
}

export async function createComputeResource(ctx: DomainContext, raw: Loose<z.input<typeof crCreate>>) {
  assertAdmin(ctx.viewer, 'manage reference data');
  const input = validate(crCreate, raw);
  return inTransaction(ctx, async (em) => {
    const region = await regionFor(em, input.regionId);
    const resource = em.create(ComputeResource, { name: input.name, provider: input.provider, region: region ?? null });
    await em.flush();
    return resource;
  });
}

export async function updateComputeResource(ctx: DomainContext, id: string, raw: Loose<z.input<typeof crUpdate>>) {
  assertAdmin(ctx.viewer, 'manage reference data');
  const { regionId, ...input } = validate(crUpdate, raw);
  return inTransaction(ctx, async (em) => {
    const resource = await findRow(em, ComputeResource, id);
    const region = await regionFor(em, regionId);
    em.assign(resource, input);
    if (region !== undefined) resource.region = region as never;
    await em.flush();
    return resource;
  });
}

export async function deleteComputeResource(ctx: DomainContext, id: string) {
  assertAdmin(ctx.viewer, 'manage reference data');
  return inTransaction(ctx, async (em) => {
    const resource = await findRow(em, ComputeResource, id);
    await refuseWhileUsed(em, 'ComputeResource', id, [liveImagesWith('computeResource', id)]);
    em.remove(resource);
    await em.flush();
    return resource;
  });
}

// --- Regions ----------------------------------------------------------------------------

const regionFields = { slug, name: text(REGION_NAME_MAX).min(1, 'must not be empty') };
const regionCreate = z.object(regionFields).strict();
const regionUpdate = regionCreate.partial();

export async function createRegion(ctx: DomainContext, raw: Loose<z.input<typeof regionCreate>>) {
  assertAdmin(ctx.viewer, 'manage reference data');
  const input = validate(regionCreate, raw);
  return inTransaction(ctx, async (em) => {
    const region = em.create(Region, input);
    await em.flush();
    return region;
  });
}

export async function updateRegion(ctx: DomainContext, id: string, raw: Loose<z.input<typeof regionUpdate>>) {
  assertAdmin(ctx.viewer, 'manage reference data');
  const input = validate(regionUpdate, raw);
  return inTransaction(ctx, async (em) => {
    const region = await findRow(em, Region, id);
    em.assign(region, input);
    await em.flush();
    return region;
  });
}

export async function deleteRegion(ctx: DomainContext, id: string) {
  assertAdmin(ctx.viewer, 'manage reference data');
  return inTransaction(ctx, async (em) => {
    const region = await findRow(em, Region, id);
    // Deleted images keep their region for the record, so any image at all blocks it.
    await refuseWhileUsed(em, 'Region', id, [['Image', { region: id }], ['ComputeResource', { region: id }]]);
    em.remove(region);
    await em.flush();
    return region;
  });
}

// --- Projects ---------------------------------------------------------------------------

const projectSchema = z
  .object({ name: identifier, resellerId: z.string().refine(isUuid, 'is not a valid id').nullable() })
  .partial({ resellerId: true })
  .strict();

/**
 * The reseller a project input names: undefined leaves it, null clears it. Only an administrator
 * decides which reseller a project belongs to.
 */
async function resellerFor(em: EntityManager, resellerId: string | null | undefined) {
  if (resellerId == null) return resellerId;
  const reseller = await em.findOne(Reseller, { id: resellerId });
  if (!reseller) throw ValidationError.of(['input', 'resellerId'], 'no reseller has this id');
  return reseller;
}

export async function createProject(ctx: DomainContext, raw: Loose<z.input<typeof projectSchema>>) {
  assertAdmin(ctx.viewer, 'manage reference data');
  const { resellerId, ...input } = validate(projectSchema, raw);
  return inTransaction(ctx, async (em) => {
    const reseller = await resellerFor(em, resellerId);
    const project = em.create(Project, { name: input.name, reseller: reseller ?? null });
    await em.flush();
    return project;
  });
}

export async function updateProject(ctx: DomainContext, id: string, raw: Loose<z.input<typeof projectSchema>>) {
  assertAdmin(ctx.viewer, 'manage reference data');
  const { resellerId, ...input } = validate(projectSchema.partial(), raw);
  return inTransaction(ctx, async (em) => {
    const project = await findRow(em, Project, id);
    const reseller = await resellerFor(em, resellerId);
    em.assign(project, input);
    if (reseller !== undefined) project.reseller = reseller as never;
    await em.flush();
    return project;
  });
}

export async function deleteProject(ctx: DomainContext, id: string) {
  assertAdmin(ctx.viewer, 'manage reference data');
  return inTransaction(ctx, async (em) => {
    const project = await findRow(em, Project, id);
    await refuseWhileUsed(em, 'Project', id, [['Image', { owner: id }]]);
    em.remove(project);
    await em.flush();
    return project;
  });
}

