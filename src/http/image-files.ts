// PUT /images/:id/file streams an image's bytes in; GET and HEAD stream them out (Range,
// ETag). The same tokens and visibility as GraphQL: an image the caller cannot see is 404,
// never 403. The rules of an upload live in src/domain/image-upload.ts; this is the transport.
// `:id` is the image's GraphQL global id or its uuid.
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { PassThrough, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { MikroORM } from '@mikro-orm/postgresql';
import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import { GraphQLError } from 'graphql';
import type { Image } from '../db/entities/image.js';
import type { DomainContext, Services } from '../domain/context.js';
import { DomainError, NotFoundError } from '../domain/errors.js';
import { SizeLimitExceeded } from '../domain/image-digest.js';
import {
  type BytesTaken, DiskFormatMismatch, UploadCancelled, assertFormat, completeUpload, endSaving, imageForDownload, refuseSaving, startSaving,
} from '../domain/image-upload.js';
import { stagingTag } from '../domain/task-runs.js';
import { isUuid } from '../domain/validation.js';
import type { ByteRange, ImageStore, StagedFile } from '../store/image-store.js';
import { holdLease, withProgress } from '../jobs/lease.js';
import { COST } from '../schema/cost.js';
import { type Gate, admit } from './admission.js';
import { logger } from '../logger.js';
import { sendJson, sendJsonError } from './error-response.js';

export interface ImageFilesOptions {
  orm: MikroORM;
  /** JWTs and the rate limit, as for GraphQL; a file request costs COST.fileTransfer. */
  gate: Omit<Gate, 'em'>;
  services: Services;
  store: ImageStore;
  /** IMAGE_MAX_BYTES. */
  maxBytes: number;
  /** TASK_LEASE_SECONDS, in ms: how long an upload may go without renewing its task's lease. */
  leaseMs: number;
}

const FILE_PATH = /^\/images\/([^/]+)\/file$/;

/** Answers `/images/:id/file` and returns true; returns false for any other path. */
export function imageFilesHandler(options: ImageFilesOptions) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const match = FILE_PATH.exec(req.url?.split('?')[0] ?? '');
    if (!match) return false;
    try {
      if (req.method !== 'PUT' && req.method !== 'GET' && req.method !== 'HEAD') {
        throw new HttpError(405, 'METHOD_NOT_ALLOWED', `${req.method} is not allowed here; use GET, HEAD or PUT`, { allow: 'GET, HEAD, PUT' });
      }
      const em = options.orm.em.fork();
      const viewer = await admit(fetchRequest(req), { ...options.gate, em: () => em }, { cost: COST.fileTransfer, address: req.socket.remoteAddress });
      const ctx: DomainContext = { ...options.services, em, viewer };
      const imageId = imageIdFrom(match[1]!);
      if (req.method === 'PUT') sendUploaded(res, await receiveImageFile(ctx, imageId, req, res, options));
      else await sendImageFile(ctx, imageId, req, res, options.store);
    } catch (error) {
      sendError(req, res, error);
    }
    return true;
  };
}

// ---------------------------------------------------------------------------------------------
// Upload

/** The client went away before sending the whole body. */
class ClientAborted extends Error {
  constructor() {
    super('The client closed the connection before the upload ended');
  }
}

/**
 * Streams the request's body in as the image's bytes and returns the image they completed. Every
 * face that takes an image's bytes (this one, the Image API's) comes here.
 */
export async function receiveImageFile(
  ctx: DomainContext,
  imageId: string,
  req: IncomingMessage,
  res: ServerResponse,
  options: Pick<ImageFilesOptions, 'store' | 'maxBytes' | 'leaseMs'>,
  /** ACTIVE, or UPLOADING for bytes staged to be imported (the Image API's /stage). */
  until: BytesTaken = 'ACTIVE',
): Promise<Image> {
  const { store, maxBytes } = options;
  const length = declaredLength(req);
  const { declared, claim } = await startSaving(ctx, imageId, length, maxBytes);
  if (req.headers.expect?.toLowerCase() === '100-continue') res.writeContinue();
  // The upload's lease: if this process dies, a worker's sweep puts the image back to QUEUED.
  const lease = holdLease(ctx.em, claim, options.leaseMs);
  const body = requestBody(req);
  lease.signal.addEventListener('abort', () => body.destroy(new UploadCancelled()), { once: true });
  let staged: StagedFile;
  try {
    const tag = stagingTag(claim.task.id, claim.token);
    staged = await store.stage(imageId, withProgress(body, lease, length ?? null), maxBytes, tag, (measured) => assertFormat(declared, measured));
  } catch (error) {
    await lease.release();
    // A lost lease surfaces in the stream as TaskAbandoned: the upload was cancelled.
    const failure = lease.signal.aborted ? new UploadCancelled() : error;
    if (failure instanceof SizeLimitExceeded) await refuseSaving(ctx, claim);
    else await endSaving(ctx, claim, failureReason(failure), failure instanceof DiskFormatMismatch ? 'KILLED' : 'QUEUED');
    throw failure;
  }
  await lease.release();
  let image: Image;
  try {
    image = await completeUpload(ctx, claim, staged, until);
  } catch (error) {
    // The row did not take the bytes (they were discarded); the lock must go either way.
    await endSaving(ctx, claim, failureReason(error), error instanceof DiskFormatMismatch ? 'KILLED' : 'QUEUED');
    throw error;
  }
  return image;
}

function sendUploaded(res: ServerResponse, image: Image) {
  sendJson(res, 200, {
    image: {
      id: encodeGlobalID('Image', image.id),
      status: image.status,
      size: image.size,
      checksum: image.checksum,
      hashAlgo: image.hashAlgo,
      hashValue: image.hashValue,
      diskFormat: image.diskFormat,
      virtualSize: image.virtualSize,
    },
  });
}


/** What the upload task records: the words of an expected failure, never a fault's. */
function failureReason(error: unknown): string {
  return error instanceof DomainError || error instanceof SizeLimitExceeded || error instanceof ClientAborted
    ? error.message
    : 'the upload failed on the server';
}

/** How long an upload may go without a byte arriving. */
const UPLOAD_IDLE_MS = 60_000;

function declaredLength(req: IncomingMessage): number | undefined {
  const header = req.headers['content-length'];
  return header && /^\d+$/.test(header) ? Number(header) : undefined;
}

/**
 * The request body as a stream that fails with ClientAborted when the client goes away mid-way.
 * Piped rather than handed over: if the write fails, destroying this stream must not destroy
 * the request, whose socket still has to carry the error response.
 */
function requestBody(req: IncomingMessage): Readable {
  const body = new PassThrough();
  const aborted = () => {
    if (!req.complete) body.destroy(new ClientAborted());
  };
  req.once('error', aborted).once('close', aborted);
  // The client may have gone while the upload was being started: those events are past.
  if (req.destroyed) aborted();
  // A stalled client must not hold the upload (and its SAVING lock) open for ever.
  req.setTimeout(UPLOAD_IDLE_MS, () => req.destroy());
  req.pipe(body);
  return body;
}

// ---------------------------------------------------------------------------------------------
// Download

/** Streams the image's bytes out (GET, HEAD; Range, ETag), with `extraHeaders` of the face's own. */
export async function sendImageFile(
  ctx: DomainContext,
  imageId: string,
  req: IncomingMessage,
  res: ServerResponse,
  store: ImageStore,
  extraHeaders: (image: Image) => OutgoingHttpHeaders = () => ({}),
) {
  const image = await imageForDownload(ctx, imageId);
  const stored = image.status === 'ACTIVE' || image.status === 'DEACTIVATED' ? await store.stat(image.id) : null;
  if (!stored) throw new HttpError(404, 'NO_IMAGE_DATA', `Image ${imageId} has no data (it is ${image.status})`);

  const etag = image.checksum ? `"${image.checksum}"` : undefined;
  const headers: OutgoingHttpHeaders = {
    'accept-ranges': 'bytes',
    'content-type': 'application/octet-stream',
    // Behind a token: no shared cache may keep it.
    'cache-control': 'private',
    ...(etag && { etag }),
    ...extraHeaders(image),
  };
  if (etag && matchesAny(req.headers['if-none-match'], etag)) {
    res.writeHead(304, headers).end();
    return;
  }
  // Range is defined for GET only; If-Range with another validator asks for the whole file.
  const wantsRange = req.method === 'GET' && (!req.headers['if-range'] || req.headers['if-range'] === etag);
  const range = wantsRange ? parseRange(req.headers.range, stored.size) : undefined;
  if (range === 'unsatisfiable') {
    throw new HttpError(416, 'RANGE_NOT_SATISFIABLE', `The range is outside the ${stored.size} bytes of the image`, {
      'content-range': `bytes */${stored.size}`,
    });
  }
  const opened = req.method === 'HEAD' ? { size: stored.size } : await store.open(image.id, range);
  if (!opened) throw new HttpError(404, 'NO_IMAGE_DATA', `Image ${imageId} has no data`);
  if (range) {
    headers['content-range'] = `bytes ${range.start}-${range.end}/${opened.size}`;
    headers['content-length'] = range.end - range.start + 1;
  } else {
    headers['content-length'] = opened.size;
  }
  res.writeHead(range ? 206 : 200, headers);
  if (!('stream' in opened)) {
    res.end();
    return;
  }
  // A client that goes away mid-download is not an error of ours; the file is closed either way.
  await pipeline(opened.stream, res).catch(() => {});
}

/**
 * One `bytes=a-b`, `bytes=a-` or `bytes=-n`, resolved against `size`. Several ranges, another
 * unit or a malformed header are ignored (the whole file, as RFC 9110 allows): multipart
 * answers cost more than they serve for disk images.
 */
export function parseRange(header: string | undefined, size: number): ByteRange | 'unsatisfiable' | undefined {
  const match = header && /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return undefined;
  const [, first, last] = match as unknown as [string, string, string];
  if (first === '' && last === '') return undefined;
  if (first === '') {
    const suffix = Number(last);
    return suffix === 0 || size === 0 ? 'unsatisfiable' : { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  if (last !== '' && Number(last) < start) return undefined; // invalid, so ignored (RFC 9110 14.1.1)
  if (start >= size) return 'unsatisfiable';
  return { start, end: last === '' ? size - 1 : Math.min(Number(last), size - 1) };
}

/** If-None-Match: `*` or a list of entity tags, compared weakly. */
function matchesAny(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

// ---------------------------------------------------------------------------------------------
// Ids, requests and answers

/** The image uuid a path segment names, as a uuid or as a global id of an Image. */
function imageIdFrom(segment: string): string {
  let text = segment;
  try {
    text = decodeURIComponent(segment);
    if (isUuid(text)) return text;
    const { typename, id } = decodeGlobalID(text);
    if (typename === 'Image' && isUuid(id)) return id;
  } catch {}
  throw new NotFoundError('Image', text);
}

/** What `authenticate` reads (the headers), as the Fetch Request Yoga would hand it. */
export function fetchRequest(req: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, one);
  }
  // Only the headers matter; a fixed URL keeps a malformed Host from failing the request.
  return new Request('http://localhost/', { headers });
}

/** A refusal that is not a domain error: method, range, missing data. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: OutgoingHttpHeaders = {},
  ) {
    super(message);
  }
}

const STATUS_BY_CODE: Record<string, number> = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  CONFLICT: 409,
  INVALID_STATUS_TRANSITION: 409,
  DISK_FORMAT_MISMATCH: 422,
};

/** An answer shaped like a GraphQL error, so clients read one error format. */
function toHttpError(error: unknown): HttpError | null {
  if (error instanceof HttpError) return error;
  if (error instanceof SizeLimitExceeded) return new HttpError(413, 'PAYLOAD_TOO_LARGE', error.message);
  if (error instanceof DomainError) return new HttpError(STATUS_BY_CODE[error.code] ?? 400, error.code, error.message);
  if (error instanceof GraphQLError) {
    const http = error.extensions.http as { status?: number; headers?: OutgoingHttpHeaders } | undefined;
    if (http?.status) return new HttpError(http.status, String(error.extensions.code ?? 'BAD_REQUEST'), error.message, http.headers);
  }
  return null;
}

function sendError(req: IncomingMessage, res: ServerResponse, error: unknown) {
  // Nobody is left to answer.
  if (error instanceof ClientAborted || req.socket.destroyed) return;
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const known = toHttpError(error);
  if (!known) logger.error({ err: error, method: req.method, path: req.url?.split('?')[0] }, 'image file request failed');
  const { status, code, message, headers } = known ?? new HttpError(500, 'INTERNAL_SERVER_ERROR', 'Unexpected error.');
  sendJsonError(req, res, status, code, message, headers);
}
