// Logs and metrics after a scripted run over the real listener: queries as several principals, a
// refused document, a rate-limited caller, SSE and graphql-ws subscriptions, an import that
// finishes and one that fails. GET /metrics is parsed and each series checked; the request log
// lines are read from a logger of the test's own.
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationLabels } from '../../src/http/metrics.js';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { type Catalog, createCatalog, gid, unique } from '../helpers/fixtures.js';
import { qcow2 } from '../helpers/disk-images.js';
import { type CapturedLog, captureLog } from '../helpers/log.js';
import { subscribeSse, subscribeWs, wsClient } from '../helpers/live.js';
import { waitForTask } from '../helpers/tasks.js';

/** One sample of the text format: `name{label="value",...} number`. */
interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Prometheus's text exposition format, the sample lines of it (comments skipped). */
function parseMetrics(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) throw new Error(`not a sample line: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, key, value] of match[2]?.matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g) ?? []) {
      labels[key!] = value!.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
    }
    samples.push({ name: match[1]!, labels, value: Number(match[3]) });
  }
  return samples;
}

/** The value of the one sample of `name` whose labels include `labels`; undefined when there is none. */
function valueOf(samples: Sample[], name: string, labels: Record<string, string> = {}): number | undefined {
  const found = samples.filter((sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value));
  if (found.length > 1 && Object.keys(labels).length > 0) throw new Error(`${name} ${JSON.stringify(labels)} matches ${found.length} samples`);
  return found.reduce<number | undefined>((sum, sample) => (sum ?? 0) + sample.value, undefined);
}

const DISK = qcow2(1024 ** 3, 64 * 1024);
const md5 = (bytes: Buffer) => createHash('md5').update(bytes).digest('hex');
const IMPORT = `mutation StartImport($input: ImageImportInput!) {
  imageImport(input: $input) { __typename ... on Error { message } ... on ImageImportPayload { task { id } } }
}`;
const WATCH = parse('subscription WatchStatus { imageStatusChanged { status } }') as TypedDocumentNode<unknown, Record<string, never>>;

describe('logs and metrics', () => {
  let t: TestApp;
  let log: CapturedLog;
  let url: string;
  let catalog: Catalog;
  let source: Server;
  let storeDir: string;
  const tokens: string[] = [];

  async function post(query: string, options: { token?: string | null; requestId?: string; variables?: Record<string, unknown> } = {}) {
    const token = options.token === undefined ? t.adminToken : options.token;
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json',
        ...(token && { authorization: `Bearer ${token}` }),
        ...(options.requestId && { 'x-request-id': options.requestId }),
      },
      body: JSON.stringify({ query, variables: options.variables }),
    });
    return { status: response.status, requestId: response.headers.get('x-request-id'), body: (await response.json()) as { data?: any; errors?: any[] } };
  }

  const scrape = async () => parseMetrics(await (await fetch(new URL('/metrics', url))).text());
  /** The request line of the response that carried `requestId`. */
  const lineOf = (requestId: string | null) => log.entries().find((entry) => entry.msg === 'request' && entry.requestId === requestId);

  beforeAll(async () => {
    source = createServer((req, res) => {
      if (req.url === '/disk.qcow2') return void res.writeHead(200, { 'content-length': DISK.length }).end(DISK);
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => source.listen(0, '127.0.0.1', resolve));
    storeDir = await mkdtemp(join(tmpdir(), 'metrics-test-'));
    log = captureLog();
    t = await startTestApp(
      {
        PORT: '0',
        MAX_ALIASES: '5',
        // Four pages of 99 cost 400: two fit in a second, a third does not.
        MAX_COST: '1000',
        RATE_LIMIT_COST_PER_SECOND: '1000',
        IMPORT_ALLOWED_HOSTS: '127.0.0.1/32',
        IMAGE_STORE_DIR: storeDir,
        TASK_MAX_ATTEMPTS: '1',
      },
      { logger: log.logger },
    );
    tokens.push(t.adminToken);
    url = await t.app.start();
    catalog = await createCatalog(t.app);
  });
  afterAll(async () => {
    await t?.close();
    source?.close();
    if (storeDir) await rm(storeDir, { recursive: true, force: true });
  });

  it('logs each request once, with the id it answered in x-request-id, and what the operation was', async () => {
    const ok = await post('query ListImages { images(first: 2) { totalCount } }', { requestId: 'client-id:42' });
    expect(ok.status).toBe(200);
    expect(ok.requestId).toBe('client-id:42');
    const line = lineOf('client-id:42')!;
    expect(line).toMatchObject({
      level: 'info',
      service: 'image-catalog',
      method: 'POST',
      path: '/graphql',
      status: 200,
      operationName: 'ListImages',
      operationType: 'query',
      principal: 'admin',
      outcome: 'ok',
    });
    expect(line.cost).toBeGreaterThan(0);
    expect(line.durationMs).toBeGreaterThanOrEqual(0);
    expect(line).not.toHaveProperty('errorCodes');
    expect(log.entries().filter((entry) => entry.requestId === 'client-id:42')).toHaveLength(1);

    // An id that is not well formed is replaced, not echoed.
    const replaced = await post('query ListImages { images(first: 2) { totalCount } }', { requestId: 'two words\u00e9' });
    expect(replaced.requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(lineOf(replaced.requestId)).toMatchObject({ operationName: 'ListImages', status: 200 });
    expect((await post('query ListImages { images(first: 2) { totalCount } }', { requestId: 'x'.repeat(129) })).requestId).not.toBe('x'.repeat(129));
  });

  it('names the principal kind: a project member, and anonymous without a valid token', async () => {
    const member = await t.tokenFor({ role: 'member', projectId: catalog.project.id });
    tokens.push(member);
    const asMember = await post('query MyImages { images(first: 1) { totalCount } }', { token: member });
    expect(lineOf(asMember.requestId)).toMatchObject({ principal: 'member', operationName: 'MyImages', outcome: 'ok' });

    const anonymous = await post('query Anon { images(first: 1) { totalCount } }', { token: null });
    expect(anonymous.status).toBe(401);
    expect(lineOf(anonymous.requestId)).toMatchObject({ principal: 'anonymous', status: 401, outcome: 'error', errorCodes: ['UNAUTHENTICATED'] });
  });

  it('logs a refusal with its limit, and a rate-limited caller with RATE_LIMITED', async () => {
    const aliases = Array.from({ length: 6 }, (_, i) => `a${i}: images(first: 1) { totalCount }`).join(' ');
    const refused = await post(`query TooMany { ${aliases} }`);
    expect(refused.status).toBe(400);
    expect(lineOf(refused.requestId)).toMatchObject({
      operationName: 'TooMany',
      outcome: 'refused',
      errorCodes: ['QUERY_TOO_COMPLEX'],
      refusedBy: ['MAX_ALIASES'],
      cost: null,
    });

    const busy = await t.tokenFor({ role: 'admin' });
    tokens.push(busy);
    const page = `query Page { ${[1, 2, 3, 4].map((i) => `p${i}: images(first: 99) { edges { node { id } } }`).join(' ')} }`;
    const statuses = [(await post(page, { token: busy })).status, (await post(page, { token: busy })).status];
    const limited = await post(page, { token: busy });
    expect([...statuses, limited.status]).toEqual([200, 200, 429]);
    expect(lineOf(limited.requestId)).toMatchObject({
      operationName: 'Page',
      principal: 'admin',
      status: 429,
      outcome: 'refused',
      errorCodes: ['RATE_LIMITED'],
      refusedBy: ['RATE_LIMIT_COST_PER_SECOND'],
      cost: 400,
    });
  });

  it('gives the other routes a request id and a line too', async () => {
    const health = await fetch(new URL('/healthz', url), { headers: { 'x-request-id': 'probe-1' } });
    expect(health.headers.get('x-request-id')).toBe('probe-1');
    const file = await fetch(new URL(`/images/${gid('Image', '01a2160b-7a58-72a9-a0cc-19c94d5b9625')}/file?token=secret-in-query`, url), {
      headers: { authorization: `Bearer ${t.adminToken}`, 'x-request-id': 'file-1' },
    });
    expect(file.status).toBe(404);
    expect(file.headers.get('x-request-id')).toBe('file-1');
    expect(lineOf('file-1')).toMatchObject({ method: 'GET', status: 404, path: `/images/${gid('Image', '01a2160b-7a58-72a9-a0cc-19c94d5b9625')}/file` });
    expect(lineOf('probe-1')).toMatchObject({ path: '/healthz', status: 200 });
    expect(JSON.stringify(lineOf('file-1'))).not.toContain('secret-in-query');
  });

  it('counts subscriptions while they stream, over SSE and graphql-ws, and logs a graphql-ws operation when it ends', async () => {
    const sse = subscribeSse(url, t.adminToken, WATCH);
    const client = wsClient(url, t.adminToken);
    const ws = subscribeWs(client, WATCH);
    try {
      const deadline = Date.now() + 5_000;
      while (valueOf(await scrape(), 'graphql_active_subscriptions') !== 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(valueOf(await scrape(), 'graphql_active_subscriptions')).toBe(2);
      const query = await new Promise<unknown>((resolve, reject) => {
        let result: unknown;
        client.subscribe({ query: 'query OverWs { images(first: 1) { totalCount } }' }, { next: (value) => (result = value), error: reject, complete: () => resolve(result) });
      });
      expect(query).toMatchObject({ data: { images: { totalCount: expect.any(Number) } } });
      const aliases = Array.from({ length: 6 }, (_, i) => `a${i}: images(first: 1) { totalCount }`).join(' ');
      const refusal = await new Promise<unknown>((resolve) => {
        client.subscribe({ query: `query WsTooMany { ${aliases} }` }, { next: () => {}, error: resolve, complete: () => resolve(undefined) });
      });
      expect(refusal).toMatchObject([{ extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'MAX_ALIASES' } }]);
      expect(log.entries().find((entry) => entry.msg === 'operation' && entry.operationName === 'WsTooMany')).toMatchObject({
        transport: 'graphql-ws',
        outcome: 'refused',
        refusedBy: ['MAX_ALIASES'],
      });
      const line = log.entries().find((entry) => entry.msg === 'operation' && entry.operationName === 'OverWs');
      expect(line).toMatchObject({ transport: 'graphql-ws', operationType: 'query', principal: 'admin', outcome: 'ok', requestId: expect.any(String) });
      expect(line!.cost).toBeGreaterThan(0);
    } finally {
      await sse.close();
      await ws.close();
      await client.dispose();
    }
    const deadline = Date.now() + 5_000;
    while (valueOf(await scrape(), 'graphql_active_subscriptions') !== 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(valueOf(await scrape(), 'graphql_active_subscriptions')).toBe(0);
    expect(log.entries().find((entry) => entry.msg === 'operation' && entry.operationName === 'WatchStatus')).toMatchObject({
      transport: 'graphql-ws',
      operationType: 'subscription',
      outcome: 'ok',
    });
  });

  it('times the tasks the workers run, and counts the failed ones', async () => {
    const origin = `http://127.0.0.1:${(source.address() as AddressInfo).port}`;
    const regionId = gid('Region', catalog.region.id);
    const good = await post(IMPORT, { variables: { input: { regionId, name: unique('metered'), url: `${origin}/disk.qcow2`, diskFormat: 'QCOW2', checksum: md5(DISK) } } });
    expect(lineOf(good.requestId)).toMatchObject({ operationName: 'StartImport', operationType: 'mutation', outcome: 'ok' });
    expect(await waitForTask(t, good.body.data.imageImport.task.id)).toMatchObject({ state: 'FINISHED' });
    const bad = await post(IMPORT, { variables: { input: { regionId, name: unique('mismatch'), url: `${origin}/disk.qcow2`, diskFormat: 'QCOW2', checksum: '0'.repeat(32) } } });
    expect(await waitForTask(t, bad.body.data.imageImport.task.id)).toMatchObject({ state: 'ERROR', error: expect.stringMatching(/^Checksum mismatch/) });
  });

  it('serves every listed series after the run, with plausible values', async () => {
    await fetch(new URL('/readyz', url));
    const samples = await scrape();
    const response = await fetch(new URL('/metrics', url));
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);

    // Operations by name, type and outcome; ListImages was sent three times.
    expect(valueOf(samples, 'graphql_requests_total', { operation: 'ListImages', type: 'query', outcome: 'ok' })).toBe(3);
    expect(valueOf(samples, 'graphql_requests_total', { operation: 'MyImages', type: 'query', outcome: 'ok' })).toBe(1);
    expect(valueOf(samples, 'graphql_requests_total', { operation: 'Anon', type: 'query', outcome: 'error' })).toBe(1);
    expect(valueOf(samples, 'graphql_requests_total', { operation: 'TooMany', type: 'query', outcome: 'refused' })).toBe(1);
    expect(valueOf(samples, 'graphql_requests_total', { operation: 'Page', type: 'query', outcome: 'ok' })).toBe(2);
    expect(valueOf(samples, 'graphql_requests_total', { operation: 'Page', type: 'query', outcome: 'refused' })).toBe(1);
    expect(valueOf(samples, 'graphql_requests_total', { operation: 'StartImport', type: 'mutation', outcome: 'ok' })).toBe(2);
    expect(valueOf(samples, 'graphql_requests_total', { operation: 'OverWs', type: 'query', outcome: 'ok' })).toBe(1);
    expect(valueOf(samples, 'graphql_requests_total', { operation: 'WatchStatus', type: 'subscription', outcome: 'ok' })).toBe(2);

    // The latency histogram: cumulative buckets ending in +Inf = count, and a sum in seconds.
    const count = valueOf(samples, 'graphql_request_duration_seconds_count', { operation: 'ListImages', type: 'query' })!;
    expect(count).toBe(3);
    expect(valueOf(samples, 'graphql_request_duration_seconds_bucket', { operation: 'ListImages', type: 'query', le: '+Inf' })).toBe(count);
    const sum = valueOf(samples, 'graphql_request_duration_seconds_sum', { operation: 'ListImages', type: 'query' })!;
    expect(sum).toBeGreaterThan(0);
    expect(sum).toBeLessThan(30);
    const buckets = samples.filter((s) => s.name === 'graphql_request_duration_seconds_bucket' && s.labels.operation === 'ListImages').map((s) => s.value);
    expect(buckets).toEqual([...buckets].sort((a, b) => a - b));

    expect(valueOf(samples, 'graphql_requests_total', { operation: 'WsTooMany', type: 'query', outcome: 'refused' })).toBe(1);
    expect(valueOf(samples, 'graphql_refused_total', { limit: 'MAX_ALIASES' })).toBe(2);
    expect(valueOf(samples, 'graphql_refused_total', { limit: 'RATE_LIMIT_COST_PER_SECOND' })).toBe(1);

    expect(valueOf(samples, 'http_requests_total', { route: '/graphql', status: '200' })).toBeGreaterThanOrEqual(8);
    expect(valueOf(samples, 'http_requests_total', { route: '/graphql', status: '401' })).toBe(1);
    expect(valueOf(samples, 'http_requests_total', { route: '/graphql', status: '429' })).toBe(1);
    expect(valueOf(samples, 'http_requests_total', { route: '/graphql', status: '400' })).toBe(1);
    expect(valueOf(samples, 'http_requests_total', { route: '/images/:id/file', status: '404' })).toBe(1);
    expect(valueOf(samples, 'http_requests_total', { route: '/healthz', status: '200' })).toBe(1);
    expect(valueOf(samples, 'http_requests_total', { route: '/readyz', status: '200' })).toBe(1);
    expect(valueOf(samples, 'http_requests_total', { route: '/metrics', status: '200' })).toBeGreaterThanOrEqual(4);

    expect(valueOf(samples, 'graphql_active_subscriptions')).toBe(0);

    // Nothing waits once both imports have ended; every type and state is reported.
    expect(valueOf(samples, 'task_queue_depth', { type: 'IMPORT', state: 'NEW' })).toBe(0);
    expect(valueOf(samples, 'task_queue_depth', { type: 'IMPORT', state: 'RUNNING' })).toBe(0);
    expect(samples.filter((s) => s.name === 'task_queue_depth')).toHaveLength(10);

    expect(valueOf(samples, 'task_duration_seconds_count', { type: 'IMPORT', outcome: 'finished' })).toBe(1);
    expect(valueOf(samples, 'task_duration_seconds_count', { type: 'IMPORT', outcome: 'failed' })).toBe(1);
    expect(valueOf(samples, 'task_duration_seconds_sum', { type: 'IMPORT', outcome: 'finished' })).toBeGreaterThan(0);
    expect(valueOf(samples, 'task_failures_total', { type: 'IMPORT' })).toBe(1);
    expect(valueOf(samples, 'task_failures_total', { type: 'PURGE' })).toBe(0);

    const used = valueOf(samples, 'db_pool_connections', { state: 'used' })!;
    const free = valueOf(samples, 'db_pool_connections', { state: 'free' })!;
    expect(used).toBeGreaterThanOrEqual(0);
    expect(used + free).toBeGreaterThanOrEqual(1);
    expect(used + free).toBeLessThanOrEqual(10);
    expect(valueOf(samples, 'db_pool_connections', { state: 'pending' })).toBeGreaterThanOrEqual(0);

    // prom-client's process metrics, once whatever the number of Apps in the process.
    expect(samples.filter((s) => s.name === 'process_cpu_user_seconds_total')).toHaveLength(1);
    expect(valueOf(samples, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(valueOf(samples, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
  });

  it('writes no token into any log line', () => {
    expect(log.lines.length).toBeGreaterThan(15);
    for (const token of tokens) {
      expect(log.lines.filter((line) => line.includes(token))).toEqual([]);
    }
    expect(log.lines.filter((line) => /authorization|bearer/i.test(line))).toEqual([]);
  });
});

describe('operation names as labels', () => {
  it('keeps names that look like names, up to the cap, and calls the rest "other"', () => {
    const label = operationLabels(3);
    expect(label({ name: 'ListImages', type: 'query' })).toBe('ListImages');
    expect(label({ name: undefined, type: 'query' })).toBe('anonymous');
    expect(label({ name: undefined, type: undefined })).toBe('unparsed');
    expect(label({ name: 'x'.repeat(65), type: 'query' })).toBe('other');
    expect(label({ name: 'B', type: 'query' })).toBe('B');
    expect(label({ name: 'C', type: 'query' })).toBe('C');
    expect(label({ name: 'D', type: 'query' })).toBe('other');
    expect(label({ name: 'ListImages', type: 'mutation' })).toBe('ListImages');
  });
});

describe('METRICS_TOKEN', () => {
  let t: TestApp;
  let url: string;
  const token = 'metrics-scraper-token-0123456789';

  beforeAll(async () => {
    t = await startTestApp({ PORT: '0', METRICS_TOKEN: token });
    url = await t.app.start();
  });
  afterAll(() => t?.close());

  it('answers /metrics only to a request bearing it', async () => {
    const metrics = new URL('/metrics', url);
    const refused = await fetch(metrics);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
    expect((await fetch(metrics, { headers: { authorization: 'Bearer wrong-token-of-some-length' } })).status).toBe(401);
    const answered = await fetch(metrics, { headers: { authorization: `Bearer ${token}` } });
    expect(answered.status).toBe(200);
    expect(await answered.text()).toContain('# TYPE graphql_requests_total counter');
  });
});
