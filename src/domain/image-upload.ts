// Uploading an image's bytes, as the status machine allows it: QUEUED -> SAVING (its own
// committed transaction: the upload lock) -> ACTIVE with what the bytes are. A failed upload
// goes back to QUEUED (Glance), or ends KILLED when the bytes contradict the declared format:
// the record and the bytes disagree, and retrying the same record would only repeat it.
import { OptimisticLockError } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { DiskFormat, Image } from '../db/entities/image.js';
import type { Task } from '../db/entities/task.js';
import type { DomainContext } from './context.js';
import { ConflictError, DomainError, ForbiddenError, InvalidStatusTransitionError } from './errors.js';
import { type Digest, SizeLimitExceeded } from './image-digest.js';
import { transition } from './image-status.js';
import { findImage, findImageForChange } from './images.js';
import { assertCanChangeImage } from './permissions.js';
import { type Claim, failTask, finishTask, startUploadTask, withdrawTask } from './task-runs.js';
import { finishedTask } from './tasks.js';
import { inTransaction } from './unit-of-work.js';
import { logger } from '../logger.js';

/** The bytes say another format than the image declares. */
export class DiskFormatMismatch extends DomainError {
  override readonly code = 'DISK_FORMAT_MISMATCH';
  constructor(readonly declared: DiskFormat | null, readonly detected: DiskFormat, unsafe?: string) {
    super(
      unsafe
        ? `The image's bytes cannot be taken: ${unsafe}; the image is now KILLED`
        : `The image declares disk format ${declared}, but its bytes are ${detected}; the image is now KILLED`,
    );
  }
}

/**
 * QUEUED -> SAVING, committed before any byte is read: a second upload now finds SAVING and is
 * refused (two that come together take turns on the image row lock). The upload is a task the
 * request holds (heartbeats renew its lease); returns it with the declared format.
 */
export async function startSaving(ctx: DomainContext, imageId: string, length: number | undefined, maxBytes: number) {
  // Too large by the client's own word: refused before any statement, and so before the HTTP
  // face lets the bytes come (100 Continue).
  if (length !== undefined && length > maxBytes) throw new SizeLimitExceeded(maxBytes);
  return inTransaction(ctx, async (em) => {
    const image = await findImageForChange(em, ctx, imageId);
    assertCanChangeImage(ctx.viewer, image);
    if (image.status === 'SAVING') throw new ConflictError('Another upload of this image is in progress');
    if (image.status !== 'QUEUED') throw new ConflictError(`Bytes can be uploaded only to a QUEUED image; this one is ${image.status}`);
    transition(image, 'SAVING');
    const claim = startUploadTask(em, ctx.viewer, image, length ?? null);
    await em.flush();
    return { declared: image.diskFormat, claim };
  });
}

/** Bytes written and verified under a temporary name, waiting to become the image's (src/store). */
export interface StagedBytes {
  digest: Digest;
  commit(): Promise<void>;
  discard(): Promise<void>;
}

/**
 * The held task's image takes the staged bytes: ACTIVE with what they are, the task FINISHED,
 * and the file given the image's name, all while the task and image rows are locked, so no other
 * attempt can place bytes or record others. False when the claim was lost or the image moved on;
 * the bytes are then discarded, as on any failure.
 */
export async function takeStagedBytes(em: EntityManager, claim: Claim, staged: StagedBytes, until: BytesTaken = 'ACTIVE'): Promise<Image | null> {
  let taken: Image | null = null;
  try {
    await finishTask(
      em,
      claim,
      async (image) => {
        takeBytes(image, staged.digest, until);
        await staged.commit();
        taken = image;
      },
      staged.digest.size,
    );
  } catch (error) {
    // Also undoes a commit whose transaction then failed: the image never became ACTIVE.
    await staged.discard();
    throw error;
  }
  if (!taken) await staged.discard();
  return taken;
}

/**
 * SAVING -> ACTIVE with the uploaded bytes, the upload task FINISHED; or, for bytes staged to be
 * imported (Glance's glance-direct), SAVING -> UPLOADING.
 */
export async function completeUpload(ctx: DomainContext, claim: Claim, staged: StagedBytes, until: BytesTaken = 'ACTIVE'): Promise<Image> {
  const image = await takeStagedBytes(ctx.em, claim, staged, until).catch((error: unknown) => {
    throw error instanceof OptimisticLockError ? new ConflictError('The image was changed during the upload') : error;
  });
  if (!image) throw new UploadCancelled();
  return image;
}

/** The upload's task was given up for lost, or its image deleted, while the bytes arrived. */
export class UploadCancelled extends ConflictError {
  constructor() {
    super('The upload was cancelled meanwhile: the image was deleted, or the upload was given up for lost');
  }
}

/** Ends a failed upload: SAVING -> QUEUED (try again) or KILLED, the task ERROR with the reason. */
/** An upload the request itself ended (too large): no task is left behind, the image QUEUED. */
export async function refuseSaving(ctx: DomainContext, claim: Claim) {
  await withdrawTask(ctx.em, claim).catch((error) => logger.error({ err: error }, `Could not move image ${claim.image.id} out of SAVING`));
}

export async function endSaving(ctx: DomainContext, claim: Claim, reason: string, to: 'QUEUED' | 'KILLED') {
  await failTask(ctx.em, claim, reason, { retry: false, imageTo: to }).catch((error) =>
    logger.error({ err: error, imageId: claim.image.id }, 'could not move the image out of SAVING'),
  );
}

/** Where bytes taken leave an image: ACTIVE, or UPLOADING when they were staged for an import. */
export type BytesTaken = 'ACTIVE' | 'UPLOADING';

/** The image now has these bytes: what they measured becomes its record, and it is ACTIVE (or staged). */
export function takeBytes(image: Image, digest: Digest, until: BytesTaken = 'ACTIVE'): void {
  // Checked again: the declared format may have been changed while the bytes arrived.
  assertFormat(image.diskFormat, digest);
  const { format, virtualSize } = digest.detected;
  image.size = digest.size;
  image.checksum = digest.checksum;
  image.hashAlgo = digest.hashAlgo;
  image.hashValue = digest.hashValue;
  image.diskFormat ??= format;
  // A raw disk is as large as its file (Glance's raw inspector); unrecognised bytes under another
  // declaration have no size the header states.
  image.virtualSize = virtualSize ?? (format === 'RAW' && LOOKS_RAW.has(image.diskFormat) ? digest.size : null);
  transition(image, until);
}

/**
 * Glance's glance-direct import: the staged bytes become the image's, UPLOADING -> ACTIVE. The
 * import is an IMPORT task, finished at once: the bytes are in place already.
 */
export async function importStaged(ctx: DomainContext, imageId: string): Promise<{ image: Image; task: Task }> {
  return inTransaction(ctx, async (em) => {
    const image = await findImageForChange(em, ctx, imageId);
    assertCanChangeImage(ctx.viewer, image);
    if (image.status !== 'UPLOADING') throw new InvalidStatusTransitionError(image.status, 'ACTIVE');
    transition(image, 'ACTIVE');
    const task = finishedTask(em, ctx.viewer, 'IMPORT', image);
    await em.flush();
    return { image, task };
  });
}

/** Formats the sniffer cannot tell apart from raw bytes. */
const LOOKS_RAW: ReadonlySet<DiskFormat> = new Set(['RAW', 'AMI', 'ARI', 'AKI', 'PLOOP']);

/**
 * Bytes of a known format must be the format declared: a qcow2 or vmdk passed off as another
 * format is how a hypervisor is led to read files it should not, and so are bytes that begin as
 * such a format but do not parse (refused under any declaration). Bytes no probe recognises
 * (RAW here) pass under any declaration, as Glance accepts them: no hypervisor's probe takes
 * them for a format that names other files.
 */
export function assertFormat(declared: DiskFormat | null | undefined, digest: Digest) {
  const { format: detected, unsafe } = digest.detected;
  if (unsafe) throw new DiskFormatMismatch(declared ?? null, detected, unsafe);
  if (!declared || declared === detected || detected === 'RAW') return;
  throw new DiskFormatMismatch(declared, detected);
}

/** The image whose bytes may be read: Glance refuses a deactivated image's to all but administrators. */
export async function imageForDownload(ctx: DomainContext, imageId: string): Promise<Image> {
  const image = await findImage(ctx.em, ctx, imageId);
  if (image.status === 'DEACTIVATED' && ctx.viewer.kind !== 'admin') {
    throw new ForbiddenError('The image is deactivated; only administrators may download its data');
  }
  return image;
}
