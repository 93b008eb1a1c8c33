// A change of several parts of an image at once, all or nothing: its fields, its tags and its
// metadata items. Glance's JSON-Patch (src/openstack) asks for exactly this: one PATCH, one
// transaction, each part checked by the rule that checks it alone.
import { z } from 'zod';
import type { Image } from '../db/entities/image.js';
import type { DomainContext } from './context.js';
import { type ImageUpdateInput, applyImageUpdate, findImageForChange } from './images.js';
import { type MetadataItemInput, applyMetadataDelete, applyMetadataSet, metadataItems } from './metadata.js';
import { assertCanChangeImage } from './permissions.js';
import { inTransaction } from './unit-of-work.js';
import { metadataKey, validate } from './validation.js';

export interface ImageChange {
  fields?: ImageUpdateInput;
  /** Items created or updated. */
  setMetadata?: MetadataItemInput[];
  /** Keys of items removed; a key the image lacks is NotFoundError. */
  removeMetadata?: string[];
}

export async function changeImage(ctx: DomainContext, imageId: string, change: ImageChange): Promise<Image> {
  const set = validate(metadataItems, change.setMetadata ?? [], ['patch']);
  const removed = validate(z.array(metadataKey), change.removeMetadata ?? [], ['patch']);
  return inTransaction(ctx, async (em) => {
    const image = await findImageForChange(em, ctx, imageId);
    assertCanChangeImage(ctx.viewer, image);
    if (change.fields && Object.keys(change.fields).length) await applyImageUpdate(em, ctx, image, change.fields);
    for (const key of removed) await applyMetadataDelete(em, image, key);
    // Removed items no longer count towards the quota the added ones are checked against.
    if (removed.length) await em.flush();
    if (set.length) await applyMetadataSet(em, image, set);
    await em.flush();
    return image;
  });
}
