// The image status machine (Glance's): every status change goes through `transition`.
import type { Image, ImageStatus } from '../db/entities/image.js';
import { InvalidStatusTransitionError } from './errors.js';

const next: Record<ImageStatus, readonly ImageStatus[]> = {
  QUEUED: ['SAVING', 'IMPORTING', 'ACTIVE', 'DELETED'],
  SAVING: ['ACTIVE', 'UPLOADING', 'KILLED', 'QUEUED', 'PENDING_DELETE'],
  // Staged (Glance's glance-direct): the bytes are in, waiting for the import that makes them the image's.
  UPLOADING: ['ACTIVE', 'PENDING_DELETE'],
  IMPORTING: ['ACTIVE', 'KILLED', 'QUEUED', 'PENDING_DELETE'],
  ACTIVE: ['DEACTIVATED', 'PENDING_DELETE'],
  DEACTIVATED: ['ACTIVE', 'PENDING_DELETE'],
  KILLED: ['DELETED'],
  PENDING_DELETE: ['DELETED'],
  DELETED: [],
};

export function canTransition(from: ImageStatus, to: ImageStatus): boolean {
  return next[from].includes(to);
}

/** Moves the image to `to`, or throws when the machine does not allow it. */
export function transition(image: Pick<Image, 'status'>, to: ImageStatus): void {
  if (!canTransition(image.status, to)) throw new InvalidStatusTransitionError(image.status, to);
  image.status = to;
}

/** Where a delete starts: straight to DELETED when no bytes were ever stored, else PENDING_DELETE. */
export function deletionStart(status: ImageStatus): ImageStatus {
  return status === 'QUEUED' || status === 'KILLED' ? 'DELETED' : 'PENDING_DELETE';
}
