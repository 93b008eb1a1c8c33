// Cross-origin requests, on every route: a page from another origin may call the gateway only
// when its origin is listed in CORS_ORIGINS (none by default); anything else that names another
// origin is refused before any route reads it. The gateway's own pages (GraphiQL) are of its
// own origin and need no listing. Tokens travel in the Authorization header, never in cookies,
// so no answer allows credentials.
import type { IncomingMessage, ServerResponse } from 'node:http';
import vary from 'vary';
import { sendJsonError } from './error-response.js';

/** The methods of every route a page may call: GraphQL's GET and POST, an image file's GET, HEAD and PUT. */
const METHODS = 'GET, HEAD, POST, PUT';
/** What a page may read of an answer besides the safelisted headers: ranges, validators, the rate's wait, the request id. */
const EXPOSED = 'accept-ranges, content-range, etag, retry-after, x-request-id';
/** How long a browser may keep a preflight's answer, in seconds. */
const PREFLIGHT_MAX_AGE = '600';
/** An HTTP header name (RFC 9110's token). */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** CORS_ORIGINS: comma-separated origins, each `http(s)://host[:port]` as a browser sends it. */
export function parseOrigins(text: string | undefined): string[] {
  const origins = (text ?? '').split(',').map((item) => item.trim()).filter(Boolean);
  for (const origin of origins) {
    let url: URL | undefined;
    try {
      url = new URL(origin);
    } catch {
      url = undefined;
    }
    if (!url || !/^https?:$/.test(url.protocol) || url.origin !== origin) {
      throw new Error(`${JSON.stringify(origin)} is not an origin such as https://console.example.com or http://127.0.0.1:5173 (scheme, host and port only, as a browser sends it)`);
    }
  }
  return origins;
}

export interface CrossOrigin {
  /**
   * True when the request is answered here: a preflight (204), or a request that names an origin
   * neither listed nor the gateway's own (403). Otherwise a listed origin's request goes on with
   * the headers that let its page read the answer.
   */
  screen(req: IncomingMessage, res: ServerResponse): boolean;
  /** Whether a WebSocket handshake with these headers may go on. */
  allows(req: IncomingMessage): boolean;
}

/** The screen of the origins in `listed` (CORS_ORIGINS), besides the gateway's own. */
export function crossOrigin(listed: readonly string[]): CrossOrigin {
  const allowed = new Set(listed);
  /** The Origin header, when it names an origin other than the gateway's own. */
  const foreign = (req: IncomingMessage): string | undefined => {
    const origin = req.headers.origin;
    if (origin === undefined) return undefined;
    return sameOrigin(origin, req.headers.host) ? undefined : origin;
  };
  return {
    screen(req, res) {
      // Whatever the route, its answer depends on the Origin: caches must keep them apart.
      vary(res, 'Origin');
      const origin = foreign(req);
      const preflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
      if (origin !== undefined && !allowed.has(origin)) {
        sendJsonError(req, res, 403, 'FORBIDDEN', `Requests from ${origin.slice(0, 200)} are not allowed: that origin is not listed in the gateway's CORS_ORIGINS`);
        return true;
      }
      if (origin !== undefined) res.setHeader('access-control-allow-origin', origin);
      if (preflight) {
        const requested = (req.headers['access-control-request-headers'] ?? '').split(',').map((name) => name.trim()).filter((name) => HEADER_NAME.test(name));
        vary(res, ['Access-Control-Request-Method', 'Access-Control-Request-Headers']);
        res.writeHead(204, {
          'access-control-allow-methods': METHODS,
          ...(requested.length && { 'access-control-allow-headers': requested.join(', ') }),
          'access-control-max-age': PREFLIGHT_MAX_AGE,
        });
        res.end();
        return true;
      }
      if (origin !== undefined) res.setHeader('access-control-expose-headers', EXPOSED);
      return false;
    },
    allows(req) {
      const origin = foreign(req);
      return origin === undefined || allowed.has(origin);
    },
  };
}

/** Whether `origin` is the gateway's own: the host (and port) the request was sent to. */
function sameOrigin(origin: string, host: string | undefined): boolean {
  if (host === undefined) return false;
  try {
    return new URL(origin).host === new URL(`http://${host}`).host;
  } catch {
    return false;
  }
}
