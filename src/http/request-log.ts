// One log line per HTTP request, and its request id: taken from the client's `x-request-id` when
// it is well formed (a proxy's or a caller's, so one id follows the request through every
// hop), else made here; always answered in the response's `x-request-id`. GraphQL requests add
// what use-operation-log.ts recorded. No header, query string or body is logged: tokens travel
// there.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../logger.js';
import { imageApiRoute } from '../openstack/routes.js';
import { sendJsonError } from './error-response.js';
import { type OperationRecord, newOperationRecord, outcomeOf } from './use-operation-log.js';

export const REQUEST_ID_HEADER = 'x-request-id';

const WELL_FORMED_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The client's request id if it is well formed, else a new one. */
export function requestIdFrom(header: string | string[] | undefined): string {
  return typeof header === 'string' && WELL_FORMED_ID.test(header) ? header : randomUUID();
}

/** What a finished request was, for the metrics. */
export interface FinishedRequest {
  /** The route's pattern (/graphql, /images/:id/file...), never the path as sent. */
  route: string;
  status: number;
  seconds: number;
  /** The GraphQL operation, when the request carried one. */
  operation: OperationRecord | undefined;
}

export interface RequestLogOptions {
  logger: Logger;
  graphqlPath: string;
  onFinished?(request: FinishedRequest): void;
}

export type ObservedHandler = (req: IncomingMessage, res: ServerResponse, operationLog: OperationRecord) => Promise<void> | void;

/** The server's request listener: `handle` with a request id, a log line and the metrics around it. */
export function observeRequests(options: RequestLogOptions, handle: ObservedHandler) {
  const { logger, graphqlPath } = options;
  return (req: IncomingMessage, res: ServerResponse): void => {
    const started = performance.now();
    const requestId = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
    res.setHeader(REQUEST_ID_HEADER, requestId);
    const operation = newOperationRecord();
    const path = pathOf(req.url);
    res.once('close', () => {
      const ms = performance.now() - started;
      const status = res.statusCode;
      const graphql = operation.seen ? operation : undefined;
      logger.info(
        {
          requestId,
          method: req.method,
          path,
          status,
          durationMs: Math.round(ms * 10) / 10,
          ...(!res.writableFinished && { aborted: true }),
          ...(graphql && operationFields(graphql, status)),
        },
        'request',
      );
      options.onFinished?.({ route: routeOf(path, graphqlPath), status, seconds: ms / 1000, operation: graphql });
    });
    Promise.resolve()
      .then(() => handle(req, res, operation))
      .catch((error: unknown) => {
        logger.error({ requestId, err: error }, 'request failed');
        if (!res.headersSent) sendJsonError(req, res, 500, 'INTERNAL_SERVER_ERROR', 'Unexpected error.');
        else res.destroy();
      });
  };
}

/** The GraphQL part of a log line (the HTTP request's, or a graphql-ws operation's). */
export function operationFields(operation: OperationRecord, httpStatus?: number) {
  return {
    operationName: operation.name?.slice(0, 100) ?? null,
    operationType: operation.type ?? null,
    principal: operation.principal,
    cost: operation.cost ?? null,
    readPath: operation.readPath,
    ...(operation.handedOn && { handedOn: operation.handedOn.slice(0, 200) }),
    outcome: outcomeOf(operation, httpStatus),
    ...(operation.errorCodes.size > 0 && { errorCodes: [...operation.errorCodes] }),
    ...(operation.refusedBy.size > 0 && { refusedBy: [...operation.refusedBy] }),
  };
}

/** The path alone: no query string, and no scheme, host or credentials of an absolute-form target. */
function pathOf(url: string | undefined): string {
  if (!url) return '';
  let path = url.split('?')[0]!;
  if (!path.startsWith('/')) {
    try {
      path = new URL(url).pathname;
    } catch {
      path = '(unparsable)';
    }
  }
  return path.length > 200 ? `${path.slice(0, 200)}…` : path;
}

const FILE_ROUTE = /^\/images\/[^/]+\/file$/;
const FIXED_ROUTES = new Set(['/healthz', '/readyz', '/metrics']);

/** A route from a small fixed set, so that a metric's labels stay bounded. */
function routeOf(path: string, graphqlPath: string): string {
  if (path === graphqlPath || FIXED_ROUTES.has(path)) return path;
  if (FILE_ROUTE.test(path)) return '/images/:id/file';
  return imageApiRoute(path) ?? 'other';
}
