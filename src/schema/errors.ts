// The one place a domain failure becomes GraphQL: a member of a mutation's result union
// (via the errors plugin), or, for queries, a top-level error carrying `extensions.code`.
import { PothosValidationError } from '@pothos/core';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { GraphQLError } from 'graphql';
import {
  AmbiguousNameError, BadQueryError, ConflictError, DomainError, type ErrorCode, ForbiddenError, InUseError, InvalidStatusTransitionError,
  NotFoundError, ProtectedImageError, ReadOnlyMetadataError, SourceUnavailableError, UrlRefusedError, ValidationError,
} from '../domain/errors.js';
import { InvalidManifest } from '../domain/import-manifest.js';
import { NODE_TYPES, builder } from './builder.js';
import { ImageStatusEnum } from './image-enums.js';

/** What a missing object was asked for by, as the client named it: a node by its global id, a member by its project's, a metadata item by its key. */
function resourceIdOf(error: NotFoundError): string {
  if (error.type === 'ImageMember') return encodeGlobalID('Project', error.id);
  return NODE_TYPES.has(error.type) ? encodeGlobalID(error.type, error.id) : error.id;
}

const ErrorCodeEnum = builder.enumType('ErrorCode', {
  description: "What kind of expected failure an error is; a query's error carries the same code in extensions.code.",
  values: {
    BAD_REQUEST: { description: 'A failure with no kind of its own: the message says what.' },
    VALIDATION_FAILED: { description: 'The input was refused (ValidationError).' },
    NOT_FOUND: { description: 'The thing does not exist, or the caller may not know that it does (NotFoundError).' },
    FORBIDDEN: { description: 'The caller may see the thing but not do this to it (ForbiddenError).' },
    CONFLICT: { description: 'The change collides with the current state (ConflictError).' },
    PROTECTED: { description: 'A protected image cannot be deleted (ProtectedImageError).' },
    READ_ONLY: { description: "The change touches the provider's read-only metadata (ReadOnlyMetadataError)." },
    INVALID_STATUS_TRANSITION: { description: 'The image status machine does not allow the change (InvalidStatusTransitionError).' },
    IN_USE: { description: 'Reference data still in use cannot be deleted (InUseError).' },
    BAD_USER_INPUT: { description: 'A query argument cannot be understood: a malformed cursor, search or id.' },
    AMBIGUOUS_NAME: { description: 'Several visible images share the name asked for: ask by id.' },
    URL_REFUSED: { description: 'The server will not fetch the URL given (UrlRefusedError).' },
    SOURCE_UNAVAILABLE: { description: 'A document the request needs could not be fetched (SourceUnavailableError).' },
    INVALID_MANIFEST: { description: 'The image manifest is not JSON or breaks its contract (InvalidManifestError).' },
    DISK_FORMAT_MISMATCH: { description: 'The bytes are another disk format than the image declares.' },
  } satisfies Record<ErrorCode, { description: string }>,
});

export const ErrorInterface = builder.interfaceRef<DomainError>('Error').implement({
  description: 'Every expected failure: switch on __typename, or read message and code.',
  fields: (t) => ({
    message: t.exposeString('message', { description: 'What went wrong, in a sentence meant for people.' }),
    code: t.expose('code', { type: ErrorCodeEnum, description: 'What kind of failure it is.' }),
  }),
});

builder.objectType(DomainError, {
  name: 'BaseError',
  description: 'An expected failure without a type of its own; code says which.',
  interfaces: [ErrorInterface],
});

const ValidationIssueRef = builder.objectRef<{ path: (string | number)[]; message: string }>('ValidationIssue').implement({
  description: 'One bad input field and why it was refused.',
  fields: (t) => ({
    path: t.stringList({ resolve: (issue) => issue.path.map(String), description: 'The input path, e.g. ["input", "minDisk"].' }),
    message: t.exposeString('message', { description: 'Why the value was refused.' }),
  }),
});

/** Which input field an error is about: one type on every error that names one, so one selection reads them all. */
const fieldOptions = (description: string) => ({ nullable: true, description }) as const;

builder.objectType(ValidationError, {
  name: 'ValidationError',
  description: 'The input was refused; every bad field is listed, and nothing was changed.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    issues: t.field({ type: [ValidationIssueRef], description: 'Every refused field, at least one.', resolve: (error) => error.issues }),
  }),
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  description: 'The thing does not exist, or the caller may not know that it does. Nothing was changed.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    type: t.exposeString('type', { description: 'The type of what was asked for, e.g. Image, ImageMember or Metadata.' }),
    resourceId: t.string({
      description: "What it was asked for by: a node's global id; for an ImageMember, its project's global id; for Metadata, the key.",
      resolve: resourceIdOf,
    }),
    id: t.id({
      description: 'The same as resourceId.',
      deprecationReason: 'Use resourceId: a normalized cache takes this for the missing node\'s own id. Removed in 0.3.0.',
      resolve: resourceIdOf,
    }),
  }),
});

builder.objectType(ConflictError, {
  name: 'ConflictError',
  description: 'The change collides with the current state: a taken name, a stale expectedVersion. Nothing was changed.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ field: t.exposeString('field', fieldOptions('The input field that collides, e.g. name or expectedVersion; null when no one field does.')) }),
});

builder.objectType(ProtectedImageError, {
  name: 'ProtectedImageError',
  description: 'A protected image cannot be deleted: set protected to false first (Glance). Nothing was changed.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    imageId: t.id({ description: 'The protected image.', resolve: (error) => encodeGlobalID('Image', error.imageId) }),
  }),
});

builder.objectType(ReadOnlyMetadataError, {
  name: 'ReadOnlyMetadataError',
  description: "The change would alter or remove metadata items that are the provider's. Nothing was changed.",
  interfaces: [ErrorInterface],
  fields: (t) => ({ keys: t.exposeStringList('keys', { description: 'The read-only keys the change touched.' }) }),
});

builder.objectType(InvalidStatusTransitionError, {
  name: 'InvalidStatusTransitionError',
  description: 'The image status machine does not allow this change from the current status. Nothing was changed.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    from: t.expose('from', { type: ImageStatusEnum, description: 'The status the image is in.' }),
    to: t.expose('to', { type: ImageStatusEnum, description: 'The status the change would have led to.' }),
  }),
});

builder.objectType(ForbiddenError, {
  name: 'ForbiddenError',
  description: 'The caller may see the thing but not do this to it (a read-only token, another project\'s image). Nothing was changed.',
  interfaces: [ErrorInterface],
});

builder.objectType(InUseError, {
  name: 'InUseError',
  description: 'Reference data that images or other records still use cannot be deleted. Nothing was changed.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ usedBy: t.exposeString('usedBy', { description: 'What still uses it, e.g. "3 images".' }) }),
});

builder.objectType(UrlRefusedError, {
  name: 'UrlRefusedError',
  description: 'The server will not fetch this URL: its scheme, credentials, or an address it may not reach (loopback, private, link-local, metadata). Nothing was created.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ field: t.exposeString('field', fieldOptions('The input field that holds the URL: url or manifestUrl.')) }),
});

builder.objectType(SourceUnavailableError, {
  name: 'SourceUnavailableError',
  description: 'A document the request needs (an image manifest) could not be fetched. Nothing was created.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ field: t.exposeString('field', fieldOptions('The input field that names the document: url or manifestUrl.')) }),
});

builder.objectType(InvalidManifest, {
  name: 'InvalidManifestError',
  description: 'The manifest is not JSON or breaks the manifest contract; every bad field is listed. Nothing was created.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    issues: t.field({ type: [ValidationIssueRef], description: 'Every refused manifest field, at least one.', resolve: (error) => error.issues }),
  }),
});

/**
 * An expected failure as a top-level error with `extensions.code`: a domain failure in a query,
 * or an argument Pothos refused (a malformed or mistyped global id). Null for faults, which
 * Yoga masks.
 */
export function expectedError(error: unknown, path?: readonly (string | number)[]): GraphQLError | null {
  if (error instanceof DomainError) return toGraphQLError(error, path);
  if (error instanceof PothosValidationError) {
    return new GraphQLError(error.message, { path, extensions: { code: 'BAD_USER_INPUT' } });
  }
  return null;
}

/** Whether a logged value is an expected failure (answered to the client, nothing to fix). */
export function isExpected(value: unknown): boolean {
  const original = (value as { originalError?: unknown } | null)?.originalError;
  return [value, original].some((error) => error instanceof DomainError || error instanceof PothosValidationError);
}

function toGraphQLError(error: DomainError, path?: readonly (string | number)[]): GraphQLError {
  const extensions: Record<string, unknown> = { code: error.code };
  let message = error.message;
  if (error instanceof BadQueryError) {
    extensions.argument = error.argument;
    if (error.position != null) extensions.position = error.position;
  } else if (error instanceof AmbiguousNameError) {
    extensions.imageIds = error.imageIds.map((id) => encodeGlobalID('Image', id));
    message = `${message}: ${(extensions.imageIds as string[]).join(', ')}`;
  } else if (error instanceof ValidationError) {
    extensions.issues = error.issues;
  } else if (error instanceof NotFoundError) {
    extensions.type = error.type;
  }
  return new GraphQLError(message, { path, extensions });
}

/** The description of a mutation's result union. */
export const resultUnion = (mutation: string) => ({
  description: `What ${mutation} answers: its payload on success, or one of the typed errors it can fail with.`,
});
