// Answers compressed for clients that ask (Accept-Encoding): brotli (quality 4), gzip or deflate, for
// JSON, HTML, JavaScript, CSS and plain text of 1 KiB or more. Never a live stream (an SSE event
// would wait in the compressor for the next), never image bytes (already compressed, mostly,
// and their ranges count the stored bytes).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { constants } from 'node:zlib';
import compression from 'compression';
import vary from 'vary';

const COMPRESSED = /^(?:application\/(?:json|graphql-response\+json|javascript)|text\/(?:html|css|javascript|plain))\s*(?:;|$)/i;

const middleware = compression({
  threshold: 1024,
  chunkSize: 64 * 1024,
  brotli: { params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_LGWIN]: 18 } },
  filter: (_req, res) => COMPRESSED.test(String(res.getHeader('content-type') ?? '')),
});

/** Makes `res` compress its body when the request accepts an encoding and the answer is of a compressed type. */
export function compressAnswer(req: IncomingMessage, res: ServerResponse): void {
  // A client that accepts no encoding gets the answer as written, without the wrapping; a cache
  // must still not give it to one that does.
  if (!req.headers['accept-encoding']) {
    vary(res, 'Accept-Encoding');
    return;
  }
  middleware(req as never, res as never, () => {});
}
