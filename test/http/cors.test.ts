// Cross-origin requests through a real listener, as a browser makes them: a preflight first for
// anything but a simple request, then the request with its Origin. A page from a listed origin
// may query, upload and subscribe; one from any other origin is refused on every route and
// changes nothing; the gateway's own pages need no listing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { loadConfig } from '../../src/config.js';
import { Image } from '../../src/db/entities/image.js';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { type Catalog, createCatalog, createQueuedImage, gid } from '../helpers/fixtures.js';
import { httpAnswer as send } from '../helpers/http-request.js';
import { qcow2 } from '../helpers/disk-images.js';

const CONSOLE = 'http://console.test:5173';
const OTHER = 'https://elsewhere.example';
const DISK = qcow2(1024 ** 3, 64 * 1024);

describe('cross-origin requests', () => {
  let t: TestApp;
  let base: string;
  let catalog: Catalog;

  beforeAll(async () => {
    t = await startTestApp({ PORT: '0', CORS_ORIGINS: `${CONSOLE}, http://127.0.0.2:8080` });
    base = new URL(await t.app.start()).origin;
    catalog = await createCatalog(t.app);
  });
  afterAll(() => t?.close());

  const graphql = (origin: string | undefined, query: string, variables: Record<string, unknown> = {}) =>
    send(`${base}/graphql`, 'POST', {
      'content-type': 'application/json',
      authorization: `Bearer ${t.adminToken}`,
      ...(origin && { origin }),
    }, JSON.stringify({ query, variables }));

  const preflight = (path: string, origin: string, method: string, headers = 'authorization, content-type') =>
    send(`${base}${path}`, 'OPTIONS', { origin, 'access-control-request-method': method, 'access-control-request-headers': headers });

  const queuedImage = () => createQueuedImage(t.app, catalog, 'cors');

  it('answers a listed origin\'s preflight on /graphql, without credentials', async () => {
    const answer = await preflight('/graphql', CONSOLE, 'POST');
    expect(answer.status).toBe(204);
    expect(answer.headers['access-control-allow-origin']).toBe(CONSOLE);
    expect(answer.headers['access-control-allow-methods']).toMatch(/\bPOST\b/);
    expect(answer.headers['access-control-allow-headers']).toBe('authorization, content-type');
    expect(Number(answer.headers['access-control-max-age'])).toBeGreaterThan(0);
    expect(answer.headers['access-control-allow-credentials']).toBeUndefined();
    expect(answer.headers.vary).toMatch(/origin/i);
  });

  it('lets a listed origin read a page of the catalog and a general-path answer', async () => {
    // A page of images goes through the compiled read path; a mutation through Yoga.
    const id = await queuedImage();
    const page = await graphql(CONSOLE, 'query { images(first: 2) { edges { node { id name } } } }');
    expect(page.status).toBe(200);
    expect(page.headers['access-control-allow-origin']).toBe(CONSOLE);
    expect(page.headers['access-control-expose-headers']).toMatch(/x-request-id/);
    expect(page.headers.vary).toMatch(/\borigin\b/i);
    expect(JSON.parse(page.body).data.images.edges.length).toBeGreaterThan(0);

    const changed = await graphql(CONSOLE, 'mutation ($input: ImageUpdateInput!) { imageUpdate(input: $input) { __typename } }', {
      input: { id: gid('Image', id), patch: { description: 'from the console' } },
    });
    expect(changed.status).toBe(200);
    expect(changed.headers['access-control-allow-origin']).toBe(CONSOLE);
    expect(JSON.parse(changed.body), changed.body).toMatchObject({ data: { imageUpdate: { __typename: 'ImageUpdatePayload' } } });
  });

  it('lets a listed origin upload a file: the preflight of PUT, then the bytes', async () => {
    const id = await queuedImage();
    const path = `/images/${encodeURIComponent(gid('Image', id))}/file`;
    const answer = await preflight(path, CONSOLE, 'PUT', 'authorization, content-type');
    expect(answer.status).toBe(204);
    expect(answer.headers['access-control-allow-methods']).toMatch(/\bPUT\b/);
    const upload = await send(`${base}${path}`, 'PUT', {
      origin: CONSOLE,
      authorization: `Bearer ${t.adminToken}`,
      'content-type': 'application/octet-stream',
    }, DISK);
    expect(upload.status).toBe(200);
    expect(upload.headers['access-control-allow-origin']).toBe(CONSOLE);
    const image = await t.app.orm.em.fork().findOneOrFail(Image, { id });
    expect([image.status, image.size]).toEqual(['ACTIVE', DISK.length]);
  });

  it('refuses every route to an origin that is not listed, and changes nothing', async () => {
    for (const path of ['/graphql', `/images/${gid('Image', await queuedImage())}/file`, '/healthz']) {
      const answer = await preflight(path, OTHER, 'PUT');
      expect(answer.status, path).toBe(403);
      expect(answer.headers['access-control-allow-origin'], path).toBeUndefined();
      expect(JSON.parse(answer.body).errors[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    }

    const id = await queuedImage();
    const changed = await graphql(OTHER, 'mutation ($input: ImageUpdateInput!) { imageUpdate(input: $input) { __typename } }', {
      input: { id: gid('Image', id), patch: { description: 'from elsewhere' } },
    });
    expect(changed.status).toBe(403);
    expect(JSON.parse(changed.body).errors[0].message).toMatch(/https:\/\/elsewhere\.example are not allowed: that origin is not listed in the gateway's CORS_ORIGINS/);
    const upload = await send(`${base}/images/${gid('Image', id)}/file`, 'PUT', {
      origin: OTHER,
      authorization: `Bearer ${t.adminToken}`,
      'content-type': 'application/octet-stream',
    }, DISK);
    expect(upload.status).toBe(403);
    const image = await t.app.orm.em.fork().findOneOrFail(Image, { id });
    expect([image.status, image.description ?? null]).toEqual(['QUEUED', null]);

    // An origin differing from a listed one by scheme, port or a trailing dot is another origin.
    for (const near of ['https://console.test:5173', 'http://console.test:5174', 'http://console.test.:5173', 'null']) {
      expect((await graphql(near, '{ __typename }')).status, near).toBe(403);
    }
  });

  it('never hands the GraphiQL page\'s token to a script, even of a listed origin', async () => {
    const page = (origin?: string) => send(`${base}/graphql`, 'GET', { accept: 'text/html', ...(origin && { origin }) });
    // A navigation sends no Origin: the page on loopback carries the token.
    expect((await page()).body).toContain(t.adminToken);
    const fetched = await page(CONSOLE);
    expect(fetched.status).toBe(200);
    expect(fetched.headers['access-control-allow-origin']).toBe(CONSOLE);
    expect(fetched.body).not.toContain(t.adminToken);
    expect((await page(base)).body).not.toContain(t.adminToken);
  });

  it('needs no listing for the gateway\'s own pages, nor for clients that send no Origin', async () => {
    const own = await graphql(base, '{ __typename }');
    expect(own.status).toBe(200);
    expect(own.headers['access-control-allow-origin']).toBeUndefined();
    const none = await graphql(undefined, 'query { images(first: 1) { edges { node { id } } } }');
    expect(none.status).toBe(200);
    expect(none.headers['access-control-allow-origin']).toBeUndefined();
    // The same URL answers a listed origin differently: caches are told so.
    expect(none.headers.vary).toMatch(/\borigin\b/i);
  });

  it('opens a WebSocket for a listed origin or none, and refuses any other before the handshake', async () => {
    const open = (origin?: string) =>
      new Promise<number>((resolve) => {
        const socket = new WebSocket(`${base.replace('http', 'ws')}/graphql`, 'graphql-transport-ws', origin ? { origin } : {});
        socket.on('open', () => {
          socket.close();
          resolve(101);
        });
        socket.on('unexpected-response', (_request, response) => resolve(response.statusCode!));
        socket.on('error', () => {});
      });
    expect(await open(CONSOLE)).toBe(101);
    expect(await open()).toBe(101);
    expect(await open(OTHER)).toBe(403);
  });
});

describe('CORS_ORIGINS', () => {
  it('lists origins as a browser sends them, and names any entry that is not one', () => {
    expect(loadConfig({}).corsOrigins).toEqual([]);
    expect(loadConfig({ CORS_ORIGINS: 'https://a.example, http://127.0.0.1:5173' }).corsOrigins).toEqual(['https://a.example', 'http://127.0.0.1:5173']);
    for (const bad of ['https://a.example/', 'https://a.example/app', '*', 'a.example', 'ftp://a.example', 'https://A.example', 'https://a.example:443']) {
      expect(() => loadConfig({ CORS_ORIGINS: bad }), bad).toThrow(/CORS_ORIGINS: .* is not an origin/);
    }
  });
});
