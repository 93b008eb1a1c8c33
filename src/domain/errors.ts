// Expected failures. Domain code throws these; the schema turns each into a member of a
// mutation's result union, or into a top-level error with `extensions.code` for queries.
import type { ImageStatus } from '../db/entities/image.js';

/** Every code an expected failure carries: a closed set, so that clients can switch on it. */
export const ERROR_CODES = [
  'BAD_REQUEST', 'VALIDATION_FAILED', 'NOT_FOUND', 'FORBIDDEN', 'CONFLICT', 'PROTECTED', 'READ_ONLY',
  'INVALID_STATUS_TRANSITION', 'IN_USE', 'BAD_USER_INPUT', 'AMBIGUOUS_NAME', 'URL_REFUSED', 'SOURCE_UNAVAILABLE',
  'INVALID_MANIFEST', 'DISK_FORMAT_MISMATCH',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The base of every expected failure; anything else is a fault and stays masked. */
export class DomainError extends Error {
  readonly code: ErrorCode = 'BAD_REQUEST';
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export interface ValidationIssue {
  /** The input path, e.g. ['input', 'minDisk'] or ['input', 'metadata', 2, 'key']. */
  path: (string | number)[];
  message: string;
}

/** Bad input: every problem found at once, each naming the field. */
export class ValidationError extends DomainError {
  override readonly code = 'VALIDATION_FAILED';
  constructor(readonly issues: ValidationIssue[]) {
    super(
      issues.length === 1
        ? `${issues[0]!.path.join('.')}: ${issues[0]!.message}`
        : `${issues.length} invalid fields: ${issues.map((issue) => issue.path.join('.')).join(', ')}`,
    );
  }

  static of(path: (string | number)[], message: string) {
    return new ValidationError([{ path, message }]);
  }
}

/** The thing does not exist, or the caller may not know that it does. */
export class NotFoundError extends DomainError {
  override readonly code = 'NOT_FOUND';
  constructor(readonly type: string, readonly id: string) {
    super(`${type} ${id} was not found`);
  }
}

/** The caller may see the thing but not do this to it (a read-only token, another project's image). */
export class ForbiddenError extends DomainError {
  override readonly code = 'FORBIDDEN';
}

/** The change collides with the current state: a taken name, a stale version. */
export class ConflictError extends DomainError {
  override readonly code = 'CONFLICT';
  constructor(message: string, readonly field: string | null = null) {
    super(message);
  }
}

/** Glance: a protected image cannot be deleted until `protected` is cleared. */
export class ProtectedImageError extends DomainError {
  override readonly code = 'PROTECTED';
  constructor(readonly imageId: string) {
    super(`Image ${imageId} is protected; set protected to false before deleting it`);
  }
}

/** Gcore: read-only metadata items are the provider's and cannot be changed by clients. */
export class ReadOnlyMetadataError extends DomainError {
  override readonly code = 'READ_ONLY';
  constructor(readonly keys: string[]) {
    super(`Metadata ${keys.length === 1 ? 'item' : 'items'} ${keys.map((k) => `'${k}'`).join(', ')} ${keys.length === 1 ? 'is' : 'are'} read-only`);
  }
}

/** A status change the image status machine does not allow. */
export class InvalidStatusTransitionError extends DomainError {
  override readonly code = 'INVALID_STATUS_TRANSITION';
  constructor(readonly from: ImageStatus, readonly to: ImageStatus) {
    super(`An image cannot go from ${from} to ${to}`);
  }
}

/** Reference data still used by images or other records cannot be deleted. */
export class InUseError extends DomainError {
  override readonly code = 'IN_USE';
  constructor(type: string, id: string, readonly usedBy: string) {
    super(`${type} ${id} is still used by ${usedBy}`);
  }
}

/** A query argument that cannot be understood (a malformed cursor or search). */
export class BadQueryError extends DomainError {
  override readonly code = 'BAD_USER_INPUT';
  constructor(message: string, readonly argument: string, readonly position: number | null = null) {
    super(message);
  }
}

/** A name that several visible images share, none of them the caller's own. */
export class AmbiguousNameError extends DomainError {
  override readonly code = 'AMBIGUOUS_NAME';
  constructor(name: string, readonly imageIds: string[]) {
    super(`Several images are named '${name}' in this region; ask by id`);
  }
}

/** The server will not fetch this URL (scheme, credentials, or an address it may not reach). */
export class UrlRefusedError extends DomainError {
  override readonly code = 'URL_REFUSED';
  constructor(message: string, readonly field: string) {
    super(message);
  }
}

/** A document the request depends on (an image manifest) could not be fetched. */
export class SourceUnavailableError extends DomainError {
  override readonly code = 'SOURCE_UNAVAILABLE';
  constructor(message: string, readonly field: string) {
    super(message);
  }
}
