// Lunanode's image/replicate: a copy of an ACTIVE image, its bytes and metadata, in another
// region, linked to its source by replicaOf. The REPLICATE task copies the bytes.
import type { EntityManager } from '@mikro-orm/postgresql';
import { Image } from '../db/entities/image.js';
import { ImageMetadata } from '../db/entities/image-metadata.js';
import { Region } from '../db/entities/region.js';
import type { Task } from '../db/entities/task.js';
import type { DomainContext } from './context.js';
import { ConflictError, ValidationError } from './errors.js';
import { IMAGE_RELATIONS, type ImageRow } from './image-catalog.js';
import { findImageForChange } from './images.js';
import { assertCanChangeImage } from './permissions.js';
import { findRows, groupedBy, refId } from './rows.js';
import { dispatchCommitted, newTask } from './tasks.js';
import { inTransaction } from './unit-of-work.js';
import { readableSql } from './visibility.js';
import { isUuid } from './validation.js';

/** What the REPLICATE task needs: where the bytes come from, and what they must hash to. */
export interface ReplicateTaskInput {
  sourceImageId: string;
  checksum: string | null;
}

// Everything that describes the image travels with it; what is tied to the source's place
// (region, compute resource template, members) or its bytes (measured again) does not.
const COPIED = [
  'name', 'description', 'version', 'visibility', 'hidden', 'tags', 'diskFormat', 'containerFormat', 'minDisk',
  'minRam', 'owner', 'operatingSystem', 'architecture', 'username', 'passwordCipher', 'userData', 'osType',
  'osDistro', 'osVersion', 'sshKey', 'isBaremetal', 'hwFirmware', 'hwMachineType', 'hwDiskBus', 'hwVifModel',
  'hwVideoModel', 'displayOrder', 'resize', 'deploy', 'regionBound', 'sourceUrl',
] as const;

export async function requestReplica(ctx: DomainContext, imageId: string, regionId: string): Promise<{ image: Image; task: Task }> {
  const [created] = await requestReplicas(ctx, imageId, [regionId]);
  return created!;
}

/** Replicas in several regions at once: all of them are made, or none (Glance's copy-image). */
export async function requestReplicas(ctx: DomainContext, imageId: string, regionIds: readonly string[]): Promise<{ image: Image; task: Task }[]> {
  const created = await inTransaction(ctx, async (em) => {
    // Locked, though only read: its status and metadata stay as checked and copied until the copies
    // commit. The copies are new, so this is the only existing image the use case locks.
    const source = await findImageForChange(em, ctx, imageId);
    assertCanChangeImage(ctx.viewer, source);
    const regions: Region[] = [];
    for (const regionId of new Set(regionIds)) regions.push(await targetRegion(em, regionId, source));
    if (source.status !== 'ACTIVE') throw new ConflictError(`Only an ACTIVE image can be replicated; this one is ${source.status}`);
    const items = await em.find(ImageMetadata, { image: source });
    const replicas = regions.map((region) => {
      const replica = em.create(Image, {
        ...Object.fromEntries(COPIED.map((key) => [key, source[key]])),
        // Only administrators make images PUBLIC (Glance): a member's copy of one is its own, PRIVATE.
        ...(source.visibility === 'PUBLIC' && ctx.viewer.kind !== 'admin' && { visibility: 'PRIVATE' }),
        region,
        status: 'QUEUED',
        replicaOf: source,
      } as never);
      for (const item of items) em.create(ImageMetadata, { image: replica, key: item.key, value: item.value, readOnly: item.readOnly });
      const input: ReplicateTaskInput = { sourceImageId: source.id, checksum: source.checksum ?? null };
      return { image: replica, task: newTask(em, ctx.viewer, 'REPLICATE', replica, { ...input }) };
    });
    await em.flush();
    return replicas;
  });
  for (const { task } of created) await dispatchCommitted(ctx, task);
  return created;
}

async function targetRegion(em: EntityManager, regionId: string, source: Image): Promise<Region> {
  const region = isUuid(regionId) ? await em.findOne(Region, { id: regionId }) : null;
  if (!region) throw ValidationError.of(['regionId'], 'no region has this id');
  if (region.id === source.region.id) throw ValidationError.of(['regionId'], 'is the region the image is in already');
  return region;
}

/** The visible replicas of each source image, in one statement for a whole page. */
export async function replicasOf(ctx: DomainContext, sourceIds: readonly string[]): Promise<ImageRow[][]> {
  const found = await findRows<Image>(ctx.em, 'Image', {
    where: { replicaOf: { $in: sourceIds.filter(isUuid) } },
    sql: readableSql(ctx),
    join: IMAGE_RELATIONS,
    orderBy: [{ createdAt: 'asc', id: 'asc' }],
  });
  return groupedBy(sourceIds, found, (image) => refId(image.replicaOf)!);
}
