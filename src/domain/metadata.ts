// Gcore's image metadata: create-or-update many items, replace all, delete by key.
// Read-only items belong to the provider: these use cases never change or remove them.
import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { ImageMetadata } from '../db/entities/image-metadata.js';
import type { Image } from '../db/entities/image.js';
import type { DomainContext } from './context.js';
import { ConflictError, NotFoundError, ReadOnlyMetadataError } from './errors.js';
import { findImageForChange } from './images.js';
import { assertCanChangeImage } from './permissions.js';
import { type Row, findRows, groupedBy, refId } from './rows.js';
import { inTransaction } from './unit-of-work.js';
import { MAX_METADATA_ITEMS, metadataKey, metadataList, metadataValue, validate } from './validation.js';

export const metadataItems = metadataList(z.object({ key: metadataKey, value: metadataValue }).strict());
export type MetadataItemInput = z.input<typeof metadataItems>[number];

/** The items of many images in one statement, in the order of `imageIds`. Rows are read fresh: a change earlier in the request shows. */
export async function metadataByImageIds(ctx: DomainContext, imageIds: readonly string[]): Promise<Row<ImageMetadata>[][]> {
  const rows = await findRows<ImageMetadata>(ctx.em, 'ImageMetadata', {
    where: { image: { $in: [...imageIds] } },
    orderBy: [{ image: 'ASC', key: 'ASC' }],
  });
  return groupedBy(imageIds, rows, (row) => refId(row.image));
}

/** An image's items in all stay within Glance's quota, so that Image.metadata is a bounded list. */
function assertWithinQuota(items: number) {
  if (items > MAX_METADATA_ITEMS) {
    throw new ConflictError(`An image has at most ${MAX_METADATA_ITEMS} metadata items; this change would leave it ${items}`);
  }
}

/** Bumps the image's version: its metadata is part of it. */
function touch(image: Image) {
  image.updatedAt = new Date();
}

export async function setMetadata(ctx: DomainContext, imageId: string, raw: MetadataItemInput[]) {
  const valid = validate(metadataItems.min(1, 'give at least one item'), raw, ['input', 'items']);
  return inTransaction(ctx, async (em) => {
    const image = await findImageForChange(em, ctx, imageId);
    assertCanChangeImage(ctx.viewer, image);
    await applyMetadataSet(em, image, valid);
    await em.flush();
    return image;
  });
}

/** Creates or updates valid items on `image`, which the caller locked and may change. Not flushed. */
export async function applyMetadataSet(em: EntityManager, image: Image, valid: MetadataItemInput[]) {
  const existing = await em.find(ImageMetadata, { image, key: { $in: valid.map((item) => item.key) } });
  const byKey = new Map(existing.map((row) => [row.key, row]));
  const locked = valid.filter((item) => byKey.get(item.key)?.readOnly && byKey.get(item.key)?.value !== item.value);
  if (locked.length) throw new ReadOnlyMetadataError(locked.map((item) => item.key));
  const added = valid.filter((item) => !byKey.has(item.key)).length;
  if (added > 0) assertWithinQuota((await em.count(ImageMetadata, { image })) + added);
  const changed = valid.filter((item) => byKey.get(item.key)?.value !== item.value);
  for (const item of changed) {
    const row = byKey.get(item.key);
    if (row) row.value = item.value;
    else em.create(ImageMetadata, { image, key: item.key, value: item.value, readOnly: false });
  }
  if (changed.length) touch(image);
}

/** Replaces every item; read-only items stay as they are, and may not be given other values. */
export async function replaceMetadata(ctx: DomainContext, imageId: string, raw: MetadataItemInput[]) {
  const valid = validate(metadataItems, raw, ['input', 'items']);
  return inTransaction(ctx, async (em) => {
    const image = await findImageForChange(em, ctx, imageId);
    assertCanChangeImage(ctx.viewer, image);
    const existing = await em.find(ImageMetadata, { image });
    const wanted = new Map(valid.map((item) => [item.key, item.value]));
    const locked = existing.filter((row) => row.readOnly && wanted.has(row.key) && wanted.get(row.key) !== row.value);
    if (locked.length) throw new ReadOnlyMetadataError(locked.map((row) => row.key));
    // Read-only items stay whether given or not: they count towards the quota either way.
    assertWithinQuota(new Set([...wanted.keys(), ...existing.filter((row) => row.readOnly).map((row) => row.key)]).size);
    let changed = false;
    for (const row of existing) {
      if (row.readOnly) continue;
      const value = wanted.get(row.key);
      if (value === row.value) continue;
      if (value === undefined) em.remove(row);
      else row.value = value;
      changed = true;
    }
    const present = new Set(existing.map((row) => row.key));
    for (const item of valid) {
      if (present.has(item.key)) continue;
      em.create(ImageMetadata, { image, key: item.key, value: item.value, readOnly: false });
      changed = true;
    }
    // A replace that changes nothing leaves the version alone: no needless conflicts.
    if (changed) touch(image);
    await em.flush();
    return image;
  });
}

export async function deleteMetadataItem(ctx: DomainContext, imageId: string, key: string) {
  const valid = validate(z.object({ key: metadataKey }), { key });
  return inTransaction(ctx, async (em) => {
    const image = await findImageForChange(em, ctx, imageId);
    assertCanChangeImage(ctx.viewer, image);
    await applyMetadataDelete(em, image, valid.key);
    await em.flush();
    return image;
  });
}

/** Removes the item `key` of `image`, which the caller locked and may change. Not flushed. */
export async function applyMetadataDelete(em: EntityManager, image: Image, key: string) {
  const row = await em.findOne(ImageMetadata, { image, key });
  if (!row) throw new NotFoundError('Metadata', key);
  if (row.readOnly) throw new ReadOnlyMetadataError([row.key]);
  em.remove(row);
  touch(image);
}
