// The one shape of an error answered outside GraphQL: a GraphQL error body, so clients read
// one error format on every route.
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';

export function sendJsonError(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: OutgoingHttpHeaders = {},
): void {
  if (!req.complete) {
    // The body was not (all) read: say so, discard what is still coming, and close afterwards.
    res.setHeader('connection', 'close');
    req.resume();
  }
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value);
  sendJson(res, status, { errors: [{ message, extensions: { code } }] }, req.method === 'HEAD');
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headOnly = false): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(headOnly ? undefined : text);
}
