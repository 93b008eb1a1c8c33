// The one visibility scope: every list, get, loader and count of images composes it.
import type { FilterQuery } from '@mikro-orm/core';
import type { Image } from '../db/entities/image.js';
import type { Viewer } from './viewer.js';

/** The images `viewer` may know exist, as a condition SQL can compose. */
export function visibleImages(viewer: Viewer): FilterQuery<Image> {
  switch (viewer.kind) {
    case 'admin':
      return {};
    default:
      // Until the sharing rules are in, non-admins see only their own project's images.
      return viewer.kind === 'member' ? { owner: viewer.projectId } : { owner: { reseller: viewer.resellerId } };
  }
}

/** Images that are not deleted: what `image(id)` and `node(id)` can return. */
export function liveImages(viewer: Viewer): FilterQuery<Image> {
  return { $and: [visibleImages(viewer), { deletedAt: null }] };
}
