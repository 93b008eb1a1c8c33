// Who may change what. Seeing is the visibility scope's business (visibility.ts); these rules
// apply to things the caller can already see, so a refusal here is Forbidden, not Not found.
import type { Image } from '../db/entities/image.js';
import { ForbiddenError } from './errors.js';
import { type Viewer, canWrite } from './viewer.js';

export function assertAdmin(viewer: Viewer, action: string): void {
  if (viewer.kind !== 'admin') throw new ForbiddenError(`Only administrators may ${action}`);
}

/** Any change at all: refused to read-only members and to reseller administrators. */
export function assertWriter(viewer: Viewer): void {
  if (viewer.kind === 'reseller') throw new ForbiddenError('Reseller administrators manage shared-image rows, not images');
  if (!canWrite(viewer)) throw new ForbiddenError('This token is read-only');
}

/** Admins change any image; a member only its own project's. */
export function assertCanChangeImage(viewer: Viewer, image: Pick<Image, 'owner'>): void {
  assertWriter(viewer);
  if (viewer.kind === 'member' && image.owner?.id !== viewer.projectId) {
    throw new ForbiddenError("Only the owning project may change this image");
  }
}

/**
 * What only administrators may set on an image: its owner, PUBLIC visibility (Glance's
 * publicize_image), regionBound (Danube's dc_bound) and read-only metadata.
 */
export function assertAdminFields(
  viewer: Viewer,
  input: { ownerId?: unknown; visibility?: unknown; regionBound?: unknown; readOnlyMetadata?: boolean },
): void {
  if (viewer.kind === 'admin') return;
  if (input.ownerId !== undefined && !(viewer.kind === 'member' && input.ownerId === viewer.projectId)) {
    throw new ForbiddenError('Only administrators may choose the owner of an image');
  }
  if (input.visibility === 'PUBLIC') throw new ForbiddenError('Only administrators may make an image PUBLIC');
  if (input.regionBound !== undefined) throw new ForbiddenError('Only administrators may set regionBound');
  if (input.readOnlyMetadata) throw new ForbiddenError('Only administrators may create read-only metadata');
}
