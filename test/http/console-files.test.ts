// The console's files as the gateway serves them: the page never cached without asking again,
// hashed assets cached for a year, only GET and HEAD, nothing but the build's own files.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleFiles } from '../../src/http/console.js';
import { rawRequest } from '../helpers/raw-http.js';

/** A server that answers 418 for whatever the console leaves to the next route. */
async function serve(dir: string | undefined): Promise<{ server: Server; origin: string; port: number }> {
  const handle = consoleFiles(dir);
  const server = createServer(async (req, res) => {
    if (!(await handle(req, res))) res.writeHead(418).end('next route');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, origin: `http://127.0.0.1:${port}`, port };
}

describe('the console files', () => {
  let dir: string;
  let built: Awaited<ReturnType<typeof serve>>;
  let unbuilt: Awaited<ReturnType<typeof serve>>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'console-files-'));
    await mkdir(join(dir, 'assets'));
    await mkdir(join(dir, '.vite'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>console</title>');
    await writeFile(join(dir, 'assets', 'index-Abc123.js'), 'console.log(1)');
    await writeFile(join(dir, '.vite', 'manifest.json'), '{}');
    built = await serve(dir);
    unbuilt = await serve(undefined);
  });
  afterAll(async () => {
    built?.server.close();
    unbuilt?.server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves the page at / and /index.html, asked again every time', async () => {
    for (const path of ['/', '/index.html', '/?from=link']) {
      const response = await fetch(built.origin + path);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.headers.get('content-security-policy')).toBe(
        "default-src 'self'; connect-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
      );
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(await response.text()).toContain('<title>console</title>');
    }
    const head = await fetch(`${built.origin}/`, { method: 'HEAD' });
    expect([head.status, head.headers.get('cache-control'), await head.text()]).toEqual([200, 'no-cache', '']);
    // Asked again with its ETag, the unchanged page is not sent again.
    const etag = head.headers.get('etag')!;
    const again = await fetch(`${built.origin}/`, { headers: { 'if-none-match': etag } });
    expect([again.status, again.headers.get('etag'), await again.text()]).toEqual([304, etag, '']);
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>console</title><!-- rebuilt -->');
    const rebuilt = await fetch(`${built.origin}/`, { headers: { 'if-none-match': etag } });
    expect(rebuilt.status).toBe(200);
    expect(rebuilt.headers.get('etag')).not.toBe(etag);
  });

  it('serves hashed assets cached for a year, and HEAD without a body', async () => {
    const response = await fetch(`${built.origin}/assets/index-Abc123.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('console.log(1)');
    const head = await fetch(`${built.origin}/assets/index-Abc123.js`, { method: 'HEAD' });
    expect([head.status, head.headers.get('content-length'), await head.text()]).toEqual([200, '14', '']);
  });

  it('answers 404 for any other file under /assets/, the build directory never left', async () => {
    for (const path of ['/assets/missing.js', '/assets/', '/assets/..%2Findex.html', '/assets/.vite']) {
      expect((await fetch(built.origin + path)).status, path).toBe(404);
    }
    const raw = await rawRequest(built.port, 'GET /assets/../.vite/manifest.json HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n');
    expect(raw.status).toBe(404);
  });

  it('allows only GET and HEAD', async () => {
    for (const [method, path] of [['POST', '/'], ['PUT', '/assets/index-Abc123.js'], ['DELETE', '/index.html']] as const) {
      const response = await fetch(built.origin + path, { method });
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('GET, HEAD');
    }
  });

  it('leaves every other path to the routes after it', async () => {
    for (const path of ['/graphql', '/graphiql/x', '/images/1/file', '/healthz', '/metrics', '/index.htm', '/assetsx']) {
      expect((await fetch(built.origin + path)).status, path).toBe(418);
    }
  });

  it('says so when the console is not built', async () => {
    const response = await fetch(`${unbuilt.origin}/`);
    expect(response.status).toBe(404);
    expect(JSON.stringify(await response.json())).toContain('npm run build');
  });
});
