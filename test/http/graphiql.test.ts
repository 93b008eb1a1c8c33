// GraphiQL through a real listener: a small page that loads the bundle's files, each served
// with a year's caching, brotli or gzip as the client asks, and the same bytes as the bundle.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphiqlAssets, graphiqlPage } from '../../src/http/graphiql.js';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { httpAnswer } from '../helpers/http-request.js';

const get = (url: string, headers: Record<string, string> = {}, method = 'GET') => httpAnswer(url, method, headers);

/** The bundle the page's files come from, as Yoga's render-graphiql exports it. */
async function bundle(): Promise<Record<string, string>> {
  const require = createRequire(import.meta.url);
  const dir = join(dirname(require.resolve('@graphql-yoga/render-graphiql')), '..');
  return import(pathToFileURL(join(dir, 'esm', 'graphiql.js')).href);
}

describe('GraphiQL', () => {
  let t: TestApp;
  let base: string;

  beforeAll(async () => {
    t = await startTestApp({ PORT: '0' });
    base = new URL(await t.app.start()).origin;
  });
  afterAll(() => t?.close());

  it('is a small page that loads its script, style, workers and icon as files', async () => {
    const page = await get(`${base}/graphql`, { accept: 'text/html' });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    const html = page.raw.toString('utf8');
    expect(html.length).toBeLessThan(10_000);
    expect(html).toContain('<title>Image catalog</title>');
    const files = [...html.matchAll(/(?:href|src)="(\/graphiql\/[^"]+)"/g)].map((match) => match[1]);
    expect(files.map((file) => file!.split('/').pop())).toEqual(['favicon.ico', 'graphiql.css', 'graphiql.js']);
    for (const worker of ['editor.worker.js', 'json.worker.js', 'graphql.worker.js']) expect(html).toContain(`'${worker}'`);
    expect(html).toContain('"defaultQuery":');
  });

  it('writes options into the page so that no value can end its script or title', () => {
    const html = graphiqlPage({ title: '</title><script>alert(1)</script>', defaultQuery: '</script><script>alert(2)</script>' });
    expect(html.match(/<\/script>/g)).toHaveLength(3);
    expect(html.match(/<\/title>/g)).toHaveLength(1);
    expect(html).not.toContain('<script>alert');
  });

  it('writes its files again when they are gone (a cleaner of temporary files, say)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'graphiql-test-'));
    const serve = graphiqlAssets(dir);
    const server = createServer((req, res) => void serve(req, res).then((served) => served || res.writeHead(404).end()));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const require = createRequire(import.meta.url);
      const { version } = require(join(dirname(require.resolve('@graphql-yoga/render-graphiql')), '..', 'package.json')) as { version: string };
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphiql/${version}/graphiql.css`;
      const first = await get(url);
      expect(first.status).toBe(200);
      await rm(join(dir, version), { recursive: true, force: true });
      const again = await get(url);
      expect(again.status).toBe(200);
      expect(again.raw.equals(first.raw)).toBe(true);
    } finally {
      server.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('serves each file brotli, gzip or plain as asked, with the bundle\'s bytes, cached for a year', async () => {
    const html = (await get(`${base}/graphql`, { accept: 'text/html' })).raw.toString('utf8');
    const dir = /href="(\/graphiql\/[^/]+\/)graphiql\.css"/.exec(html)![1]!;
    const exported = await bundle();
    const expected: Record<string, Buffer> = {
      'graphiql.js': Buffer.from(exported.js!),
      'graphiql.css': Buffer.from(exported.css!),
      'editor.worker.js': Buffer.from(exported.editorWorkerService!),
      'json.worker.js': Buffer.from(exported.jsonWorker!),
      'graphql.worker.js': Buffer.from(exported.graphqlWorker!),
    };
    for (const [file, bytes] of Object.entries(expected)) {
      const plain = await get(`${base}${dir}${file}`);
      expect(plain.status, file).toBe(200);
      expect(plain.headers['content-encoding'], file).toBeUndefined();
      expect(plain.headers['cache-control'], file).toBe('public, max-age=31536000, immutable, no-transform');
      expect(plain.headers['content-type'], file).toMatch(file.endsWith('.css') ? /^text\/css/ : /^text\/javascript/);
      expect(plain.raw.equals(bytes), file).toBe(true);

      const br = await get(`${base}${dir}${file}`, { 'accept-encoding': 'gzip, deflate, br', origin: base });
      expect(br.headers['content-encoding'], file).toBe('br');
      // Both kept, neither written over the other.
      expect(br.headers.vary, file).toMatch(/\borigin\b.*\baccept-encoding\b/i);
      expect(Number(br.headers['content-length']), file).toBe(br.raw.length);
      expect(br.raw.length, file).toBeLessThan(bytes.length / 2);
      expect(brotliDecompressSync(br.raw).equals(bytes), file).toBe(true);

      // An encoding the files are not kept in: as they are, not compressed on every request.
      const deflate = await get(`${base}${dir}${file}`, { 'accept-encoding': 'deflate' });
      expect(deflate.headers['content-encoding'], file).toBeUndefined();
      expect(deflate.raw.equals(bytes), file).toBe(true);

      const gzip = await get(`${base}${dir}${file}`, { 'accept-encoding': 'gzip' });
      expect(gzip.headers['content-encoding'], file).toBe('gzip');
      expect(gunzipSync(gzip.raw).equals(bytes), file).toBe(true);
    }
    const icon = await get(`${base}${dir}favicon.ico`, { 'accept-encoding': 'br' });
    expect([icon.status, icon.headers['content-type'], icon.headers['content-encoding']]).toEqual([200, 'image/x-icon', undefined]);
    expect(icon.raw.equals(Buffer.from(exported.favicon!.split(',')[1]!, 'base64'))).toBe(true);

    const head = await get(`${base}${dir}graphiql.js`, { 'accept-encoding': 'br' }, 'HEAD');
    expect([head.status, head.raw.length, Number(head.headers['content-length']) > 0]).toEqual([200, 0, true]);
  });

  it('answers 404 for any other file or version, and 405 for other methods', async () => {
    const html = (await get(`${base}/graphql`, { accept: 'text/html' })).raw.toString('utf8');
    const dir = /href="(\/graphiql\/[^/]+\/)graphiql\.css"/.exec(html)![1]!;
    for (const path of [`${dir}nope.js`, '/graphiql/0.0.1/graphiql.js', `${dir}..%2F..%2Fetc%2Fpasswd`, `${dir}constructor`, '/graphiql/']) {
      const answer = await get(`${base}${path}`);
      expect(answer.status, path).toBe(404);
      expect(JSON.parse(answer.raw.toString('utf8')).errors[0].extensions.code, path).toBe('NOT_FOUND');
    }
    const posted = await get(`${base}${dir}graphiql.js`, {}, 'POST');
    expect([posted.status, posted.headers.allow]).toEqual([405, 'GET, HEAD']);
  });
});
