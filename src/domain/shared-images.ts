// Gcore shared images and reseller image limits: one row per (project or reseller, region)
// saying which public images that entity may use there. `imageIds` null means every public
// image, [] none, a list only those; a reseller's list may also name images of its client
// projects, sharing them with all its clients. The deprecated reseller image limits are the
// reseller form of the same row.
import type { EntityManager } from '@mikro-orm/postgresql';
import { Image } from '../db/entities/image.js';
import { Project } from '../db/entities/project.js';
import { Region } from '../db/entities/region.js';
import { Reseller } from '../db/entities/reseller.js';
import { SharedImage } from '../db/entities/shared-image.js';
import type { DomainContext } from './context.js';
import { ForbiddenError, NotFoundError, ValidationError, type ValidationIssue } from './errors.js';
import { inTransaction } from './unit-of-work.js';
import { findRow } from './reference-data.js';
import { isUuid } from './validation.js';
import type { Viewer } from './viewer.js';

/** Which row: exactly one of projectId and resellerId, and a region. Ids are raw uuids. */
export interface SharedImageKey {
  projectId?: string | null;
  resellerId?: string | null;
  regionId: string;
}

export interface SharedImageSetInput extends SharedImageKey {
  /** null: every public image; []: none; a list: only those. */
  imageIds: string[] | null;
}

/** Bind parameters are finite; no sensible list comes near this. */
export const MAX_SHARED_IMAGE_IDS = 1000;

type Entity = { kind: 'project'; project: Project } | { kind: 'reseller'; reseller: Reseller };

/**
 * The project or reseller a key names. Neither or both is a ValidationError; an unknown id is
 * NotFoundError. `root` is where the ids sit in the request: ['input'] for a mutation, [] for
 * the query's arguments.
 */
async function findEntity(em: EntityManager, key: SharedImageKey, root: string[]): Promise<Entity> {
  const { projectId, resellerId } = key;
  if ((projectId == null) === (resellerId == null)) {
    const message = 'give exactly one of projectId and resellerId';
    throw new ValidationError([
      { path: [...root, 'projectId'], message },
      { path: [...root, 'resellerId'], message },
    ]);
  }
  if (projectId != null) {
    const project = isUuid(projectId) ? await em.findOne(Project, { id: projectId }) : null;
    if (!project) throw new NotFoundError('Project', projectId);
    return { kind: 'project', project };
  }
  const reseller = isUuid(resellerId!) ? await em.findOne(Reseller, { id: resellerId! }) : null;
  if (!reseller) throw new NotFoundError('Reseller', resellerId!);
  return { kind: 'reseller', reseller };
}

/** Admins manage every row; a reseller admin its own and its client projects'. */
function mayManage(viewer: Viewer, entity: Entity): boolean {
  if (viewer.kind === 'admin') return true;
  if (viewer.kind !== 'reseller') return false;
  return entity.kind === 'reseller'
    ? entity.reseller.id === viewer.resellerId
    : entity.project.reseller?.id === viewer.resellerId;
}

/** Whoever manages a row reads it; a member reads its own project's row. */
function mayRead(viewer: Viewer, entity: Entity): boolean {
  if (mayManage(viewer, entity)) return true;
  return viewer.kind === 'member' && entity.kind === 'project' && entity.project.id === viewer.projectId;
}

const rowOf = (entity: Entity, region: Region) =>
  entity.kind === 'project' ? { project: entity.project, region } : { reseller: entity.reseller, region };

const describeRow = (entity: Entity, region: Region) =>
  `${entity.kind === 'project' ? `project ${entity.project.id}` : `reseller ${entity.reseller.id}`} in region ${region.id}`;

/** The entity and region a key names, once the caller is allowed to `access` them. */
async function resolveKey(em: EntityManager, ctx: DomainContext, key: SharedImageKey, root: string[], access: 'read' | 'manage') {
  const entity = await findEntity(em, key, root);
  const allowed = access === 'read' ? mayRead(ctx.viewer, entity) : mayManage(ctx.viewer, entity);
  if (!allowed) {
    throw new ForbiddenError(
      access === 'read'
        ? "Only an administrator, the reseller or the project itself may read this project's shared images"
        : 'Only an administrator or the reseller may manage these shared images',
    );
  }
  return { entity, region: await findRow(em, Region, key.regionId) };
}

/**
 * Every id must be a live image in the region that is PUBLIC or, for a reseller's row, owned
 * by one of its client projects. Each bad id is named by its index; repeats are kept once.
 */
async function checkImageIds(em: EntityManager, entity: Entity, region: Region, imageIds: string[]): Promise<string[]> {
  const path = (index: number) => ['input', 'imageIds', index];
  if (imageIds.length > MAX_SHARED_IMAGE_IDS) {
    throw ValidationError.of(['input', 'imageIds'], `at most ${MAX_SHARED_IMAGE_IDS} ids`);
  }
  const issues: ValidationIssue[] = [];
  const wellFormed = imageIds.filter(isUuid);
  const eligible = wellFormed.length
    ? await em.find(
        Image,
        {
          id: { $in: [...new Set(wellFormed)] },
          region: region.id,
          deletedAt: null,
          $or: [
            { visibility: 'PUBLIC' },
            ...(entity.kind === 'reseller' ? [{ owner: { reseller: entity.reseller.id } }] : []),
          ],
        },
        { fields: ['id'] },
      )
    : [];
  const allowed = new Set(eligible.map((image) => image.id));
  const expected =
    entity.kind === 'reseller' ? "a public image, or an image of one of the reseller's client projects, in this region" : 'a public image in this region';
  imageIds.forEach((imageId, index) => {
    if (!isUuid(imageId)) issues.push({ path: path(index), message: 'is not a valid id' });
    else if (!allowed.has(imageId)) issues.push({ path: path(index), message: `is not ${expected}` });
  });
  if (issues.length) throw new ValidationError(issues);
  return [...new Set(imageIds)];
}

/** The row of (entity, region), or null when there is none (null there means every public image). */
export async function getSharedImage(ctx: DomainContext, key: SharedImageKey): Promise<SharedImage | null> {
  const { entity, region } = await resolveKey(ctx.em, ctx, key, [], 'read');
  return ctx.em.findOne(SharedImage, rowOf(entity, region));
}

/** Creates or replaces the row of (entity, region). */
export async function setSharedImage(ctx: DomainContext, input: SharedImageSetInput): Promise<SharedImage> {
  return inTransaction(ctx, async (em) => {
    const { entity, region } = await resolveKey(em, ctx, input, ['input'], 'manage');
    const imageIds = input.imageIds === null ? null : await checkImageIds(em, entity, region, input.imageIds);
    const row = (await em.findOne(SharedImage, rowOf(entity, region))) ?? em.create(SharedImage, { ...rowOf(entity, region), imageIds });
    row.imageIds = imageIds;
    await em.flush();
    return row;
  });
}

/** Removes the row of (entity, region): the entity falls back to its reseller's row, or every public image. */
export async function deleteSharedImage(ctx: DomainContext, key: SharedImageKey): Promise<SharedImage> {
  return inTransaction(ctx, async (em) => {
    const { entity, region } = await resolveKey(em, ctx, key, ['input'], 'manage');
    const row = await em.findOne(SharedImage, rowOf(entity, region));
    if (!row) throw new NotFoundError('SharedImage', describeRow(entity, region));
    em.remove(row);
    await em.flush();
    return row;
  });
}

/** The rows of many resellers in one statement, in the order of `resellerIds`, each by region. */
export async function sharedImagesByResellerIds(ctx: DomainContext, resellerIds: readonly string[]): Promise<SharedImage[][]> {
  const wanted = resellerIds.filter(isUuid);
  const rows = wanted.length
    ? await ctx.em.find(SharedImage, { reseller: { $in: wanted } }, { populate: ['region'], orderBy: { region: { slug: 'ASC' } }, refresh: true })
    : [];
  const byReseller = new Map<string, SharedImage[]>();
  for (const row of rows) byReseller.set(row.reseller!.id, [...(byReseller.get(row.reseller!.id) ?? []), row]);
  return resellerIds.map((id) => byReseller.get(id) ?? []);
}
