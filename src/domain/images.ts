// Changing images: create, update, rename, tag, delete. Each validates everything first,
// then writes in one transaction.
import { type FindOneOptions, LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { Architecture } from '../db/entities/architecture.js';
import { ComputeResource } from '../db/entities/compute-resource.js';
import {
  CONTAINER_FORMATS, DISK_BUSES, DISK_FORMATS, FIRMWARES, Image, MACHINE_TYPES, SSH_KEY_POLICIES,
  VIDEO_MODELS, VIF_MODELS, VISIBILITIES,
} from '../db/entities/image.js';
import { ImageMetadata } from '../db/entities/image-metadata.js';
import { OperatingSystem } from '../db/entities/operating-system.js';
import { Project } from '../db/entities/project.js';
import { Region } from '../db/entities/region.js';
import type { Task } from '../db/entities/task.js';
import type { DomainContext } from './context.js';
import { ConflictError, InvalidStatusTransitionError, NotFoundError, ProtectedImageError, ValidationError } from './errors.js';
import { deletionStart, transition } from './image-status.js';
import { dispatchCommitted, finishedTask, newTask } from './tasks.js';
import { inTransaction } from './unit-of-work.js';
import {
  InputCheck, displayName, isUuid, metadataKey, metadataList, metadataValue, nonNegativeInt, text, sourceUrl, tag, tagList, validate,
} from './validation.js';
import { namedProject } from './adopted-projects.js';
import { assertAdmin, assertAdminFields, assertCanChangeImage, assertWriter } from './permissions.js';
import { readableImages } from './visibility.js';

const id = z.string().refine(isUuid, 'is not a valid id');
const optionalText = (max: number) => text(max).nullable();

/** The writable fields of an image; ids are raw uuids (the schema decodes global ids). */
const imageFields = {
  name: displayName,
  description: optionalText(4096),
  version: optionalText(64),
  visibility: z.enum(VISIBILITIES),
  protected: z.boolean(),
  hidden: z.boolean(),
  tags: tagList,
  diskFormat: z.enum(DISK_FORMATS).nullable(),
  containerFormat: z.enum(CONTAINER_FORMATS).nullable(),
  minDisk: nonNegativeInt,
  minRam: nonNegativeInt,
  ownerId: id.nullable(),
  operatingSystemId: id.nullable(),
  architectureId: id.nullable(),
  computeResourceId: id.nullable(),
  providerRef: text(255).min(1, 'must not be empty').nullable(),
  username: optionalText(255),
  password: optionalText(255),
  userData: z.boolean(),
  osType: optionalText(32),
  osDistro: optionalText(64),
  osVersion: optionalText(64),
  sshKey: z.enum(SSH_KEY_POLICIES),
  isBaremetal: z.boolean(),
  hwFirmware: z.enum(FIRMWARES).nullable(),
  hwMachineType: z.enum(MACHINE_TYPES).nullable(),
  hwDiskBus: z.enum(DISK_BUSES).nullable(),
  hwVifModel: z.enum(VIF_MODELS).nullable(),
  hwVideoModel: z.enum(VIDEO_MODELS).nullable(),
  displayOrder: z.number().int('must be an integer').min(-2_147_483_648).max(2_147_483_647),
  resize: z.boolean(),
  deploy: z.boolean(),
  regionBound: z.boolean(),
  sourceUrl: sourceUrl.nullable(),
};

/** Metadata given at creation; only here may an item be made read-only. */
const metadataItems = metadataList(z.object({ key: metadataKey, value: metadataValue, readOnly: z.boolean().nullish() }).strict());

const createSchema = z
  // `id`: the client's own choice of id, as Glance allows; one any image ever had is refused.
  .object({ ...imageFields, id, regionId: id.nullable(), metadata: metadataItems })
  .partial()
  .required({ name: true })
  .strict();
export type ImageCreateInput = z.input<typeof createSchema>;

const updateSchema = z.object(imageFields).partial().strict();
export type ImageUpdateInput = z.input<typeof updateSchema>;

/** Glance keeps tags as a set. */
const uniqueTags = (tags: string[]) => [...new Set(tags)];

/** A live image the viewer can see, or NotFoundError. */
export async function findImage(em: EntityManager, ctx: DomainContext, imageId: string): Promise<Image> {
  return visibleImage(em, ctx, imageId, {});
}

/**
 * `findImage` for a use case that changes the image, inside `inTransaction`: the row is locked
 * (SELECT ... FOR UPDATE) until the transaction ends, so a concurrent change of the same image
 * waits for this one to commit and then reads the row it left. Writers of one image take turns
 * instead of failing on the row version; `expectedVersion` remains the way to ask for a check.
 * No deadlock: a use case locks one existing image at most, and task runs lock their task first.
 */
export async function findImageForChange(em: EntityManager, ctx: DomainContext, imageId: string): Promise<Image> {
  // When the scope left-joins the owner's project, MikroORM locks the image row alone (FOR UPDATE OF).
  // Refreshed: the row as committed wins over a copy already in this unit of work.
  return visibleImage(em, ctx, imageId, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
}

async function visibleImage(em: EntityManager, ctx: DomainContext, imageId: string, options: FindOneOptions<Image>): Promise<Image> {
  const image = isUuid(imageId) ? await em.findOne(Image, { $and: [readableImages(ctx), { id: imageId }] }, options) : null;
  if (!image) throw new NotFoundError('Image', imageId);
  return image;
}

type Refs = Partial<Record<'ownerId' | 'regionId' | 'operatingSystemId' | 'architectureId' | 'computeResourceId', string | null>>;
const refEntities = {
  ownerId: [Project, 'project'],
  regionId: [Region, 'region'],
  operatingSystemId: [OperatingSystem, 'operating system'],
  architectureId: [Architecture, 'architecture'],
  computeResourceId: [ComputeResource, 'compute resource'],
} as const;

/**
 * Loads every referenced row. Unknown ids are recorded on `check`; ids that are not even
 * well formed were already recorded by the shape check and are skipped here.
 */
async function loadRefs(em: EntityManager, refs: Refs, check: InputCheck, adoptProjects = false) {
  const found: Record<string, object | null> = {};
  for (const [key, [entity, label]] of Object.entries(refEntities) as [keyof Refs, (typeof refEntities)[keyof Refs]][]) {
    const refId = refs[key];
    if (refId === undefined) continue;
    if (refId === null || !isUuid(refId)) {
      found[key] = null;
      continue;
    }
    // An owner the identity service names may be one we have not met yet.
    const row = key === 'ownerId' ? await namedProject(em, refId, adoptProjects) : await em.findOne(entity as typeof Region, { id: refId });
    if (!row) check.add(key, `no ${label} has this id`);
    found[key] = row;
  }
  return found as {
    ownerId?: Project | null;
    regionId?: Region | null;
    operatingSystemId?: OperatingSystem | null;
    architectureId?: Architecture | null;
    computeResourceId?: ComputeResource | null;
  };
}

/** The reference ids of a raw input, as given. */
function refsOf(raw: Refs, keys: (keyof Refs)[]): Refs {
  return Object.fromEntries(keys.filter((key) => raw[key] !== undefined).map((key) => [key, raw[key]]));
}

/** Copies the plain (non-reference, non-secret) fields of a validated input onto an image. */
function assignPlain(image: Image, input: Omit<ImageUpdateInput, keyof Refs | 'password'> & { tags?: string[] }) {
  const { tags, ...rest } = input;
  for (const [key, value] of Object.entries(rest)) {
    if (value !== undefined) (image as unknown as Record<string, unknown>)[key] = value;
  }
  if (tags !== undefined) image.tags = uniqueTags(tags);
}

/** Registers an image (Gcore returns a task for it, finished at once: no bytes move). */
export async function createImage(ctx: DomainContext, raw: ImageCreateInput): Promise<{ image: Image; task: Task }> {
  return inTransaction(ctx, async (em) => {
    const image = await registerImage(em, ctx, raw);
    const task = finishedTask(em, ctx.viewer, 'CREATE', image);
    await em.flush();
    return { image, task };
  });
}

/**
 * Checks a create-like input as registering it would: permissions, every field, every
 * reference. Throws what registering would throw; changes nothing.
 */
export async function checkImageInput(em: EntityManager, ctx: DomainContext, raw: ImageCreateInput) {
  assertWriter(ctx.viewer);
  assertAdminFields(ctx.viewer, { ...raw, readOnlyMetadata: raw.metadata?.some((item) => item.readOnly) });
  // A member's images belong to its project; an admin's to whom it says (none: the provider's catalog).
  if (ctx.viewer.kind === 'member') raw = { ...raw, ownerId: ctx.viewer.projectId };
  const check = new InputCheck();
  const input = check.parse(createSchema, raw);
  const refs = await loadRefs(em, refsOf(raw, ['ownerId', 'regionId', 'operatingSystemId', 'architectureId', 'computeResourceId']), check, ctx.adoptProjects);
  if (raw.providerRef && !raw.computeResourceId && !check.has('computeResourceId')) {
    check.add('computeResourceId', 'is required with providerRef: a template id is unique within its compute resource');
  }
  const resourceRegion = refs.computeResourceId?.region ?? null;
  const region = refs.regionId ?? resourceRegion;
  if (!region && !check.has('regionId') && !check.has('computeResourceId')) {
    check.add('regionId', 'is required unless the compute resource has a region');
  }
  if (refs.regionId && resourceRegion && refs.regionId.id !== resourceRegion.id) {
    check.add('regionId', "must be the compute resource's region");
  }
  check.done();
  return { input: input!, refs, region: region! };
}

/**
 * A new image record from a create-like input, in the caller's unit of work: QUEUED, or ACTIVE
 * at once for a compute-resource template. Not flushed.
 */
export async function registerImage(em: EntityManager, ctx: DomainContext, raw: ImageCreateInput): Promise<Image> {
  const { input, refs, region } = await checkImageInput(em, ctx, raw);
  const { id: chosenId, ownerId, regionId, operatingSystemId, architectureId, computeResourceId, password, metadata, ...plain } = input;
  const image = em.create(Image, {
    ...(chosenId && { id: chosenId.toLowerCase() }),
    name: plain.name,
    status: 'QUEUED',
    region,
    owner: refs.ownerId ?? null,
    operatingSystem: refs.operatingSystemId ?? null,
    architecture: refs.architectureId ?? null,
    computeResource: refs.computeResourceId ?? null,
    passwordCipher: password ? ctx.secrets.seal(password) : null,
  } as never);
  assignPlain(image, plain);
  // A template registered from a compute resource (Foreman) is usable at once.
  if (plain.providerRef) transition(image, 'ACTIVE');
  for (const item of metadata ?? []) {
    em.create(ImageMetadata, { image, key: item.key, value: item.value, readOnly: item.readOnly ?? false });
  }
  return image;
}

export async function updateImage(
  ctx: DomainContext,
  imageId: string,
  raw: ImageUpdateInput,
  expectedVersion?: number | null,
): Promise<Image> {
  return inTransaction(ctx, async (em) => {
    const image = await findImageForChange(em, ctx, imageId);
    assertCanChangeImage(ctx.viewer, image);
    await applyImageUpdate(em, ctx, image, raw, expectedVersion);
    await em.flush();
    return image;
  });
}

/**
 * Checks `raw` and sets it on `image`, which the caller locked and may change, in the caller's
 * transaction. Not flushed.
 */
export async function applyImageUpdate(em: EntityManager, ctx: DomainContext, image: Image, raw: ImageUpdateInput, expectedVersion?: number | null) {
  assertAdminFields(ctx.viewer, raw);
  const check = new InputCheck(['input', 'patch']);
  const input = check.parse(updateSchema, raw);
  const refs = await loadRefs(em, refsOf(raw, ['ownerId', 'operatingSystemId', 'architectureId', 'computeResourceId']), check, ctx.adoptProjects);
  check.done();
  if (expectedVersion != null && image.rowVersion !== expectedVersion) {
    throw new ConflictError(`The image is at version ${image.rowVersion}, not ${expectedVersion}; read it again and retry`, 'expectedVersion');
  }
  const { ownerId, operatingSystemId, architectureId, computeResourceId, password, ...plain } = input!;
  if (refs.ownerId !== undefined) image.owner = refs.ownerId as never;
  if (refs.operatingSystemId !== undefined) image.operatingSystem = refs.operatingSystemId as never;
  if (refs.architectureId !== undefined) image.architecture = refs.architectureId as never;
  if (refs.computeResourceId !== undefined) image.computeResource = refs.computeResourceId as never;
  if (password !== undefined) image.passwordCipher = password === null ? null : ctx.secrets.seal(password);
  assignPlain(image, plain);
  if (image.providerRef && !image.computeResource) {
    throw ValidationError.of(['input', 'patch', 'computeResourceId'], 'is required while the image has a providerRef');
  }
}

export async function renameImage(ctx: DomainContext, imageId: string, name: string): Promise<Image> {
  const valid = validate(z.object({ name: displayName }), { name });
  return updateImage(ctx, imageId, { name: valid.name });
}

/** The tags a tag mutation names. */
const tagArgument = z.object({ tags: z.array(tag).min(1, 'give at least one tag') });

export async function addImageTags(ctx: DomainContext, imageId: string, tags: string[]): Promise<Image> {
  const valid = validate(tagArgument, { tags });
  return inTransaction(ctx, async (em) => {
    const image = await findImageForChange(em, ctx, imageId);
    assertCanChangeImage(ctx.viewer, image);
    const merged = uniqueTags([...image.tags, ...valid.tags]);
    validate(z.object({ tags: tagList }), { tags: merged });
    if (merged.length !== image.tags.length) image.tags = merged;
    await em.flush();
    return image;
  });
}

export async function removeImageTags(ctx: DomainContext, imageId: string, tags: string[]): Promise<Image> {
  const valid = validate(tagArgument, { tags });
  return inTransaction(ctx, async (em) => {
    const image = await findImageForChange(em, ctx, imageId);
    assertCanChangeImage(ctx.viewer, image);
    const kept = image.tags.filter((existing) => !valid.tags.includes(existing));
    if (kept.length !== image.tags.length) image.tags = kept;
    await em.flush();
    return image;
  });
}

/**
 * Soft delete. A protected image refuses; an image without bytes is DELETED at once, one
 * with bytes passes through PENDING_DELETE while they are purged.
 */
export async function deleteImage(ctx: DomainContext, imageId: string): Promise<{ image: Image; task: Task }> {
  const deleted = await inTransaction(ctx, async (em) => {
    const image = await findImageForChange(em, ctx, imageId);
    assertCanChangeImage(ctx.viewer, image);
    if (image.protected) throw new ProtectedImageError(image.id);
    transition(image, deletionStart(image.status));
    image.deletedAt = new Date();
    // The purge task removes the bytes and ends the image DELETED; with no bytes it is done already.
    const task = image.status === 'PENDING_DELETE' ? newTask(em, ctx.viewer, 'PURGE', image) : finishedTask(em, ctx.viewer, 'PURGE', image);
    await em.flush();
    return { image, task };
  });
  await dispatchCommitted(ctx, deleted.task);
  return deleted;
}

/**
 * Glance's deactivate and reactivate: ACTIVE <-> DEACTIVATED, by administrators, or also by
 * whoever may change the image when IMAGE_DEACTIVATION=owner. Asking for the status the image
 * already has changes nothing, as in Glance.
 */
export async function setImageActivation(ctx: DomainContext, imageId: string, to: 'ACTIVE' | 'DEACTIVATED'): Promise<Image> {
  if (ctx.deactivation === 'admin') assertAdmin(ctx.viewer, to === 'ACTIVE' ? 'reactivate images' : 'deactivate images');
  return inTransaction(ctx, async (em) => {
    const image = await findImageForChange(em, ctx, imageId);
    assertCanChangeImage(ctx.viewer, image);
    if (image.status === to) return image;
    // Only these two move between each other here: reactivating is not how an upload completes.
    const from = to === 'ACTIVE' ? 'DEACTIVATED' : 'ACTIVE';
    if (image.status !== from) throw new InvalidStatusTransitionError(image.status, to);
    transition(image, to);
    await em.flush();
    return image;
  });
}
