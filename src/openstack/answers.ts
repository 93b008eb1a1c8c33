// How the Image API answers: JSON documents, and errors in the two forms Glance's WSGI stack
// writes them (webob): JSON for a client that accepts it, else a small HTML page. Clients act on
// the status; glanceclient prints the text. A domain error gets the status Glance gives it.
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { GraphQLError } from 'graphql';
import { DomainError, type ErrorCode } from '../domain/errors.js';
import { SizeLimitExceeded } from '../domain/image-digest.js';

/** A refusal, with the status and text Glance would answer. */
export class GlanceError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: OutgoingHttpHeaders = {},
  ) {
    super(message);
  }
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  411: 'Length Required',
  413: 'Request Entity Too Large',
  415: 'Unsupported Media Type',
  416: 'Requested Range Not Satisfiable',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

const STATUS_BY_CODE: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  PROTECTED: 403,
  READ_ONLY: 403,
  CONFLICT: 409,
  INVALID_STATUS_TRANSITION: 409,
  IN_USE: 409,
  AMBIGUOUS_NAME: 409,
  URL_REFUSED: 400,
  SOURCE_UNAVAILABLE: 400,
  INVALID_MANIFEST: 400,
  DISK_FORMAT_MISMATCH: 400,
};

/** The Glance answer an expected failure gets; null for a fault. */
export function glanceErrorOf(error: unknown): GlanceError | null {
  if (error instanceof GlanceError) return error;
  if (error instanceof SizeLimitExceeded) return new GlanceError(413, error.message);
  if (error instanceof DomainError) return new GlanceError(STATUS_BY_CODE[error.code], error.message);
  if (error instanceof GraphQLError) {
    // The gate's refusals: 401 without a valid token, 429 beyond the rate.
    const http = error.extensions.http as { status?: number; headers?: OutgoingHttpHeaders } | undefined;
    if (http?.status) return new GlanceError(http.status, error.message, http.headers);
  }
  return null;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * webob's three forms, chosen by Accept: JSON when the client asks for it, HTML for any other
 * Accept (glanceclient sends one that accepts anything, strips the tags and prints the text),
 * plain text without an Accept.
 */
function errorBody(accept: string | undefined, code: string, title: string, message: string): [string, string] {
  const json = /\bapplication\/json\b/i.test(accept ?? '') && !/^\s*text\/html/i.test(accept ?? '');
  if (json) return ['application/json', JSON.stringify({ message: `${message}<br /><br />\n\n\n`, code, title })];
  if (!accept) return ['text/plain; charset=UTF-8', `${code}\n\n${message}\n\n   `];
  return ['text/html; charset=UTF-8', `<html>\n <head>\n  <title>${code}</title>\n </head>\n <body>\n  <h1>${code}</h1>\n  ${escapeHtml(message)}<br /><br />\n\n\n\n </body>\n</html>`];
}

export function sendGlanceError(req: IncomingMessage, res: ServerResponse, error: GlanceError): void {
  if (!req.complete) {
    // The body was not (all) read: discard what is still coming, and close afterwards.
    res.setHeader('connection', 'close');
    req.resume();
  }
  const title = TITLES[error.status] ?? 'Error';
  const [type, body] = errorBody(req.headers.accept, `${error.status} ${title}`, title, error.message);
  for (const [name, value] of Object.entries(error.headers)) if (value !== undefined) res.setHeader(name, value);
  res.writeHead(error.status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
  res.end(req.method === 'HEAD' ? undefined : body);
}

export function sendGlanceJson(res: ServerResponse, status: number, document: unknown, headers: OutgoingHttpHeaders = {}): void {
  const text = JSON.stringify(document);
  res.writeHead(status, { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** An answer with no body (Glance's 204s). */
export function sendNoContent(res: ServerResponse, status = 204): void {
  res.writeHead(status, status === 204 ? {} : { 'content-length': 0 }).end();
}
