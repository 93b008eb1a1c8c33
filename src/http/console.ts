// The web console (web/, built by `npm run build` into dist/web) served at /: its page, never
// cached without asking again, and its hashed assets under /assets/, cached for a year (a new
// build is new names). Nothing else is served from those paths; compression and CORS are the
// routes' own (src/server.ts).
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sendJsonError } from './error-response.js';

const ASSETS = '/assets/';
/** What Vite writes: hashed names of letters, digits, `-`, `_` and dots, no directories. */
const ASSET_NAME = /^[A-Za-z0-9_-][A-Za-z0-9_.-]*$/;
const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};
/** The page loads only its own files and talks only to this gateway (WebSocket included). */
const PAGE_POLICY = [
  "default-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The built console: dist/web beside the sources (tsx), or web/ beside the compiled gateway
 * (dist/src/http/console.js). A directory counts only with Vite's manifest, so the unbuilt
 * web/ sources are never served.
 */
export function builtConsoleDir(): string | undefined {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  return [join(root, 'dist', 'web'), join(root, 'web')].find((dir) => existsSync(join(dir, '.vite', 'manifest.json')));
}

/** Serves GET and HEAD of / (and /index.html) and /assets/<file> from `dir`; false for any other path. */
export function consoleFiles(dir: string | undefined): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  return async (req, res) => {
    const path = (req.url ?? '').split('?')[0]!;
    const page = path === '/' || path === '/index.html';
    if (!page && !path.startsWith(ASSETS)) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendJsonError(req, res, 405, 'METHOD_NOT_ALLOWED', `${req.method} is not allowed here; use GET or HEAD`, { allow: 'GET, HEAD' });
      return true;
    }
    if (!dir) {
      sendJsonError(req, res, 404, 'NOT_FOUND', 'The web console is not built; run npm run build');
      return true;
    }
    if (page) {
      const html = await readFile(join(dir, 'index.html'));
      // Asked again on every visit, it is sent again only when a build changed it.
      const etag = `"${createHash('sha256').update(html).digest('base64url').slice(0, 22)}"`;
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, { etag, 'cache-control': 'no-cache' }).end();
        return true;
      }
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-length': html.length,
        etag,
        // Always asked again: it names the current build's assets.
        'cache-control': 'no-cache',
        'content-security-policy': PAGE_POLICY,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
      });
      res.end(req.method === 'HEAD' ? undefined : html);
      return true;
    }
    const name = path.slice(ASSETS.length);
    const type = TYPES[extname(name)];
    const location = join(dir, 'assets', name);
    const found = ASSET_NAME.test(name) && type ? await stat(location).catch(() => undefined) : undefined;
    if (!found?.isFile()) {
      sendJsonError(req, res, 404, 'NOT_FOUND', 'No such console file');
      return true;
    }
    res.writeHead(200, {
      'content-type': type!,
      'content-length': found.size,
      'cache-control': 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
    });
    if (req.method === 'HEAD') res.end();
    // A file removed under the stream (a rebuild) ends the answer, never the process.
    else await pipeline(createReadStream(location), res).catch(() => {});
    return true;
  };
}
