// Per-principal rate limits on cost per second, over the real listener: one bucket per token or
// JWT subject, per address without a valid token, shared by the GraphQL, file and Image API
// faces, and by every gateway when Redis carries them.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { SignJWT } from 'jose';
import WebSocket from 'ws';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../src/http/rate-limit.js';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { createTestDatabase } from '../helpers/database.js';
import { type Catalog, createCatalog, createImages, gid } from '../helpers/fixtures.js';

const JWT_SECRET = 'a-test-secret-of-at-least-32-characters!';
/** Budget and rate both 200 a second: a page of 99 costs 100, so two fit in a second and a third does not. */
const LIMITS = { PORT: '0', MAX_COST: '200', RATE_LIMIT_COST_PER_SECOND: '200', JWT_SECRET };
const PAGE = '{ images(first: 99) { edges { node { id } } } }';

async function post(url: string, query: string, token: string | null) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as { errors?: { message: string; extensions?: Record<string, unknown> }[] } };
}

const jwtFor = (sub: string, nonce: string) =>
  new SignJWT({ role: 'admin', nonce }).setProtectedHeader({ alg: 'HS256' }).setSubject(sub).setExpirationTime('5m').sign(new TextEncoder().encode(JWT_SECRET));

describe('rate limits', () => {
  let t: TestApp;
  let url: string;
  let catalog: Catalog;

  beforeAll(async () => {
    t = await startTestApp(LIMITS);
    url = await t.app.start();
    catalog = await createCatalog(t.app);
    await createImages(t.app, catalog, 2);
  });
  afterAll(() => t?.close());

  it('refuses a token past its cost per second with 429, Retry-After and the limit named, then lets it in again', async () => {
    const token = await t.tokenFor({ role: 'admin' });
    const answers = [await post(url, PAGE, token), await post(url, PAGE, token), await post(url, PAGE, token)];
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 429]);
    const refused = answers[2]!;
    expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(refused.body.errors![0]).toMatchObject({
      message: expect.stringMatching(/^Rate limit exceeded: this caller may spend 200 cost units a second \(RATE_LIMIT_COST_PER_SECOND\) and this request costs 100; retry in \d+ s$/),
      extensions: { code: 'RATE_LIMITED', limit: 'RATE_LIMIT_COST_PER_SECOND', max: 200, actual: 100, retryAfter: Number(refused.retryAfter) },
    });
    await new Promise((resolve) => setTimeout(resolve, Number(refused.retryAfter) * 1000));
    expect((await post(url, PAGE, token)).status).toBe(200);
  });

  it('charges the Image API from the same bucket: a page of its images costs its rows', async () => {
    const token = await t.tokenFor({ role: 'admin' });
    const images = () => fetch(`${new URL(url).origin}/image/v2/images?limit=99`, { headers: { 'x-auth-token': token, accept: 'application/json' } });
    expect((await post(url, PAGE, token)).status).toBe(200);
    expect((await images()).status).toBe(200);
    const refused = await images();
    expect([refused.status, Number(refused.headers.get('retry-after')) >= 1]).toEqual([429, true]);
    expect(((await refused.json()) as { message: string }).message).toMatch(/^Rate limit exceeded/);
  });

  it('keeps one bucket per principal: another token is not slowed by the first', async () => {
    const [busy, other] = [await t.tokenFor({ role: 'admin' }), await t.tokenFor({ role: 'admin' })];
    await post(url, PAGE, busy);
    await post(url, PAGE, busy);
    expect((await post(url, PAGE, busy)).status).toBe(429);
    expect((await post(url, PAGE, other)).status).toBe(200);
  });

  it('gives the JWTs of one subject one bucket', async () => {
    expect((await post(url, PAGE, await jwtFor('ops@example.com', 'a'))).status).toBe(200);
    expect((await post(url, PAGE, await jwtFor('ops@example.com', 'b'))).status).toBe(200);
    expect((await post(url, PAGE, await jwtFor('ops@example.com', 'c'))).status).toBe(429);
    expect((await post(url, PAGE, await jwtFor('ci@example.com', 'a'))).status).toBe(200);
  });

  it('charges callers without a valid token to their address: 401 until it has spent its rate, then 429', async () => {
    const first = await post(url, PAGE, null);
    expect(first.status).toBe(401);
    expect((await post(url, PAGE, 'icg_not-a-token')).status).toBe(401);
    const third = await post(url, PAGE, null);
    expect(third.status).toBe(429);
    expect(third.body.errors![0]!.extensions).toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('charges image file requests to the same bucket', async () => {
    const token = await t.tokenFor({ role: 'admin' });
    const fileUrl = new URL(`/images/${gid('Image', '01a2160b-7a58-72a9-a0cc-19c94d5b9625')}/file`, url);
    await post(url, PAGE, token);
    const statuses: number[] = [];
    // 100 spent on the page; each file request costs 10.
    for (let i = 0; i < 11; i++) {
      statuses.push((await fetch(fileUrl, { headers: { authorization: `Bearer ${token}` } })).status);
    }
    expect(statuses.slice(0, 10).every((status) => status === 404)).toBe(true);
    expect(statuses[10]).toBe(429);
  });
});

describe('token lookups made outside an operation', () => {
  // Five a second: each lookup costs 1, so five of them spend an address's rate.
  let t: TestApp;
  let url: string;
  beforeEach(async () => {
    t = await startTestApp({ PORT: '0', MAX_COST: '5', RATE_LIMIT_COST_PER_SECOND: '5' });
    url = await t.app.start();
  });
  afterEach(() => t?.close());

  it('charges the lookup that decides whether a refused document may get suggestions', async () => {
    for (let i = 0; i < 5; i++) {
      const refused = await post(url, '{ imagez { id } }', `icg_guess-${i}`);
      expect(refused.body.errors![0]!.message).toBe('Cannot query field "imagez" on type "Query".');
    }
    expect((await post(url, '{ __typename }', null)).status).toBe(429);
  });

  it('charges each graphql-ws handshake with a token to the caller, a bad one to its address', async () => {
    for (let i = 0; i < 5; i++) expect(await handshake(url, `icg_guess-${i}`)).toBe(4403);
    expect((await post(url, '{ __typename }', null)).status).toBe(429);
  });
});

/** Opens a graphql-ws connection with `token`; resolves with its close code (0: acknowledged). */
function handshake(url: string, token: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    socket.once('error', reject);
    socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { token } })));
    socket.once('close', (code) => resolve(code));
    socket.on('message', (data) => {
      if (JSON.parse(String(data)).type === 'connection_ack') {
        socket.close();
        resolve(0);
      }
    });
  });
}

describe.runIf(process.env.TEST_DATABASE_URL && process.env.REDIS_URL)('rate limits across gateways on Redis', () => {
  let a: TestApp;
  let b: TestApp;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    const env = { ...LIMITS, DATABASE_URL: database.url!, REDIS_URL: process.env.REDIS_URL!, ADMIN_TOKEN: `test-admin-${randomBytes(16).toString('hex')}` };
    a = await startTestApp(env);
    b = await startTestApp(env);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await drop?.();
  });

  it('shares one bucket: what a caller spent on one gateway counts on the other', async () => {
    const [urlA, urlB] = [await a.app.start(), await b.app.start()];
    const token = await a.tokenFor({ role: 'admin' });
    expect((await post(urlA, PAGE, token)).status).toBe(200);
    expect((await post(urlB, PAGE, token)).status).toBe(200);
    expect((await post(urlA, PAGE, token)).status).toBe(429);
    expect((await post(urlB, PAGE, token)).status).toBe(429);
  });
});

describe('rate limits while Redis is away', () => {
  it('counts in memory rather than failing or letting everything through', async () => {
    // A loopback port with nothing listening: Redis is down from the start.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as { port: number }).port;
    await new Promise((resolve) => probe.close(resolve));
    const limiter = createRateLimiter({ costPerSecond: 200, redisUrl: `redis://127.0.0.1:${port}`, namespace: 'test' });
    try {
      await limiter.charge('token:x', 100);
      await limiter.charge('token:x', 100);
      await expect(limiter.charge('token:x', 100)).rejects.toMatchObject({ extensions: { code: 'RATE_LIMITED' } });
      await limiter.charge('token:y', 100);
    } finally {
      await limiter.close();
    }
  });
});
