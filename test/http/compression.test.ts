// Compressed answers through a real listener: a 100-image page and GraphiQL's page come
// compressed to a client that asks, and decompress to the very bytes an identity answer has;
// live streams, image bytes and small answers are never compressed.
import { type IncomingHttpHeaders, request as httpRequest } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { type Catalog, createCatalog, createImages, createQueuedImage, gid, unique } from '../helpers/fixtures.js';
import { type WireAnswer as Answer, httpAnswer as send } from '../helpers/http-request.js';
import { qcow2 } from '../helpers/disk-images.js';

const PAGE = `query {
  images(first: 100) {
    edges { cursor node { id name status visibility size diskFormat createdAt tags
      operatingSystem { id name } architecture { id name } region { id slug name } owner { id name }
      metadata { key value readOnly } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const decode = (answer: Answer): Buffer => {
  switch (answer.headers['content-encoding']) {
    case 'br':
      return brotliDecompressSync(answer.raw);
    case 'gzip':
      return gunzipSync(answer.raw);
    case undefined:
      return answer.raw;
    default:
      throw new Error(`unexpected encoding ${answer.headers['content-encoding']}`);
  }
};

describe('compressed answers', () => {
  let t: TestApp;
  let base: string;
  let catalog: Catalog;

  beforeAll(async () => {
    t = await startTestApp({ PORT: '0' });
    base = new URL(await t.app.start()).origin;
    catalog = await createCatalog(t.app);
    await createImages(t.app, catalog, 101, { metadataPerImage: 3 });
  });
  afterAll(() => t?.close());

  const graphql = (query: string, headers: Record<string, string> = {}) =>
    send(`${base}/graphql`, 'POST', { 'content-type': 'application/json', authorization: `Bearer ${t.adminToken}`, ...headers }, JSON.stringify({ query }));

  it('compresses a 100-image page with brotli or gzip, as asked, to the same bytes', async () => {
    const identity = await graphql(PAGE);
    expect(identity.status).toBe(200);
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.headers.vary).toMatch(/accept-encoding/i);
    expect(JSON.parse(identity.raw.toString('utf8')).data.images.edges).toHaveLength(100);

    for (const [accept, encoding] of [['gzip, deflate, br', 'br'], ['gzip', 'gzip'], ['br;q=0.5, gzip', 'gzip']] as const) {
      const answer = await graphql(PAGE, { 'accept-encoding': accept });
      expect(answer.status, accept).toBe(200);
      expect(answer.headers['content-encoding'], accept).toBe(encoding);
      expect(answer.headers.vary, accept).toMatch(/accept-encoding/i);
      expect(answer.raw.length, accept).toBeLessThan(identity.raw.length / 4);
      expect(decode(answer).equals(identity.raw), accept).toBe(true);
    }
    // The general path's answers too (a mutation goes through Yoga).
    const typed = await graphql(`mutation { imageCreate(input: { name: "${unique('compressed')}", regionId: "${gid('Region', catalog.region.id)}", description: "${'x'.repeat(2000)}" }) { __typename ... on ImageCreatePayload { image { description } } } }`, { 'accept-encoding': 'gzip' });
    expect(typed.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(decode(typed).toString('utf8')).data.imageCreate.image.description).toHaveLength(2000);
  });

  it('serves GraphiQL\'s page compressed', async () => {
    const answer = await send(`${base}/graphql`, 'GET', { accept: 'text/html', 'accept-encoding': 'br, gzip' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    const html = decode(answer).toString('utf8');
    expect(html).toMatch(/^\s*<!doctype html>/i);
    expect(answer.raw.length).toBeLessThan(html.length);
  });

  it('leaves small answers, image bytes and live streams as they are', async () => {
    const small = await graphql('{ __typename }', { 'accept-encoding': 'gzip, br' });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(small.raw.toString('utf8'))).toEqual({ data: { __typename: 'Query' } });

    // An uploaded image's bytes, whole and by range, as stored.
    const image = { id: await createQueuedImage(t.app, catalog, 'bytes') };
    const disk = qcow2(1024 ** 3, 64 * 1024);
    const file = `${base}/images/${gid('Image', image.id)}/file`;
    const put = await fetch(file, { method: 'PUT', headers: { authorization: `Bearer ${t.adminToken}`, 'content-type': 'application/octet-stream' }, body: new Uint8Array(disk) });
    expect(put.status).toBe(200);
    const whole = await send(file, 'GET', { authorization: `Bearer ${t.adminToken}`, 'accept-encoding': 'gzip, br' });
    expect(whole.headers['content-encoding']).toBeUndefined();
    expect(whole.raw.equals(disk)).toBe(true);
    const slice = await send(file, 'GET', { authorization: `Bearer ${t.adminToken}`, 'accept-encoding': 'gzip, br', range: 'bytes=100-4195' });
    expect([slice.status, slice.headers['content-encoding'], slice.raw.length]).toEqual([206, undefined, 4096]);

    // SSE: the first event arrives uncompressed, without waiting for a second.
    const event = await new Promise<{ headers: IncomingHttpHeaders; text: string }>((resolve, reject) => {
      const query = encodeURIComponent(`subscription { imageStatusChanged(id: "${gid('Image', image.id)}") { status } }`);
      const request = httpRequest(`${base}/graphql?query=${query}`, {
        headers: { accept: 'text/event-stream', 'accept-encoding': 'gzip, br', authorization: `Bearer ${t.adminToken}` },
      }, (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          text += chunk;
          if (text.includes('"status":"ACTIVE"')) {
            resolve({ headers: response.headers, text });
            request.destroy();
          }
        });
      });
      request.on('error', reject);
      request.end();
    });
    expect(event.headers['content-type']).toMatch(/^text\/event-stream/);
    // Yoga marks its streams `none`, as proxies are asked not to compress them either.
    expect(event.headers['content-encoding'] ?? 'none').toBe('none');
  });
});
