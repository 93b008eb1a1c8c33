// The request line and Host header, checked before any route reads them. Node accepts an
// absolute-form target (`GET http://other/graphql`), `*`, and any Host text; the fetch adapter
// then builds the request's URL from them and answers 500 with a stack trace when that fails.
// This gateway is no proxy: a target is a path, and the Host a host name or address with an
// optional port.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { sendJsonError } from './error-response.js';

/**
 * reg-name or IPv4 (RFC 3986 unreserved and sub-delims, pct-encoded), or a bracketed IPv6. One
 * character per repetition: a quantifier inside a quantifier backtracks exponentially on a long
 * Host that fails at its end.
 */
const HOST = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=]|%[0-9A-Fa-f]{2})+(?::\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](?::\d{1,5})?$/;

/** A DNS name is at most 253 characters; a port and brackets add a few. */
const MAX_HOST_LENGTH = 300;

/** Why the request cannot be routed, or undefined when it can. */
export function requestTargetProblem(req: IncomingMessage): string | undefined {
  const target = req.url ?? '';
  if (!target.startsWith('/') || target.startsWith('//')) return 'The request target must be a path such as /graphql';
  const host = req.headers.host;
  if (host === undefined) return req.httpVersion === '1.0' ? undefined : 'The Host header is missing';
  if (host.length > MAX_HOST_LENGTH || !HOST.test(host)) return 'The Host header is not a host name or address with an optional port';
  try {
    new URL(target, `http://${host}`);
  } catch {
    return 'The request target and Host header do not form a URL';
  }
  return undefined;
}

/** Answers 400 and returns true when the request cannot be routed. */
export function refuseBadTarget(req: IncomingMessage, res: ServerResponse): boolean {
  const problem = requestTargetProblem(req);
  if (!problem) return false;
  sendJsonError(req, res, 400, 'BAD_REQUEST', problem);
  return true;
}

/**
 * Requests Node's parser refuses (malformed, headers too large) are answered in the same error
 * format, instead of Node's bare status line.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const [status, message] = error.code === 'HPE_HEADER_OVERFLOW' ? [431, 'The request headers are too large']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? [408, 'The request took too long to arrive']
      : [400, 'The request is not valid HTTP/1.1'];
    const body = JSON.stringify({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
    socket.end(
      `HTTP/1.1 ${status} ${status === 400 ? 'Bad Request' : status === 408 ? 'Request Timeout' : 'Request Header Fields Too Large'}\r\n` +
        `content-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });
}
