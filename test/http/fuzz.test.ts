// Generated and mutated requests against the real server, over raw HTTP (GET, POST, PUT and the
// rest, with random targets, headers and bodies), SSE and graphql-ws. None may get a 5xx, a
// masked fault ("Unexpected error."), a close for a server fault, or any of the server's own
// text; none may change the database but a write answered with its success payload (a token
// that may write is sent now and then; the tables are compared after each of its requests).
// The seed is fixed and printed; FUZZ_SEED=<n> replays a run, FUZZ_RUNS=<n> scales it.
import fc from 'fast-check';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { createCatalog, createImages, gid } from '../helpers/fixtures.js';
import { INTERNAL_TEXT, rawRequest } from '../helpers/raw-http.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20261206);
const RUNS = Number(process.env.FUZZ_RUNS ?? 5000);
const TABLES = ['image', 'image_metadata', 'image_member', 'shared_image', 'task', 'api_token', 'project', 'reseller', 'region'];

/** A masked resolver fault: input must never cause one. */
const MASKED_FAULT = /Unexpected error\./;

describe('fuzzed requests', () => {
  let t: TestApp;
  let url: string;
  let port: number;
  let tokens: string[];
  /** A member's token that may change its project's images. */
  let writer: string;
  let imageIds: string[];
  let regionId: string;
  /** The tables as the last accepted write left them. */
  let current: unknown[];
  const writes = { sent: 0, changed: 0 };

  beforeAll(async () => {
    t = await startTestApp({ PORT: '0', WORKERS: '0' });
    url = await t.app.start();
    port = Number(new URL(url).port);
    const catalog = await createCatalog(t.app);
    regionId = catalog.region.id;
    imageIds = (await createImages(t.app, catalog, 5, { metadataPerImage: 2 })).map((image) => image.id);
    // The owner's project, read-only: it sees its images and may change none of them.
    const readOnly = await t.tokenFor({ role: 'member', projectId: catalog.project.id, readOnly: true });
    tokens = [readOnly, 'not-a-token', 'eyJhbGciOiJIUzI1NiJ9.e30.x', `${readOnly}x`, readOnly.toUpperCase()];
    writer = await t.tokenFor({ role: 'member', projectId: catalog.project.id });
    console.log(`fuzz seed ${SEED}, ${RUNS} requests (FUZZ_SEED=${SEED} replays this run)`);
    current = await t.snapshot(...TABLES);
  });
  afterAll(() => t?.close());

  it(`answers ${RUNS} generated requests over HTTP, SSE and graphql-ws with no fault`, { timeout: 600_000 }, async () => {
    const http = Math.round(RUNS * 0.75);
    const written = Math.round(RUNS * 0.05);
    const sse = Math.round(RUNS * 0.1);
    const ws = RUNS - http - written - sse;
    const started = performance.now();
    await fc.assert(fc.asyncProperty(httpRequest(), async (request) => {
      const response = await rawRequest(port, request.bytes, 10_000);
      checkHttp(response, request.describe);
      if (request.writes) await checkChanges(response, request.describe);
    }), {
      seed: SEED,
      numRuns: http,
      endOnFailure: true,
    });
    // Mutations, well formed or mutated, with the writer's token: refused ones must change nothing.
    await fc.assert(fc.asyncProperty(writeRequest(), async (request) => {
      const response = await rawRequest(port, request.bytes, 10_000);
      checkHttp(response, request.describe);
      await checkChanges(response, request.describe);
    }), { seed: SEED + 3, numRuns: written, endOnFailure: true });
    console.log(`HTTP: ${http + written} requests in ${Math.round(performance.now() - started)} ms; ${writes.sent} with a writer's token, ${writes.changed} of them changed the database`);
    await fc.assert(fc.asyncProperty(sseRequest(), checkSse), { seed: SEED + 1, numRuns: sse, endOnFailure: true });
    console.log(`SSE: ${sse} requests after ${Math.round(performance.now() - started)} ms`);
    await fc.assert(fc.asyncProperty(wsSession(), checkWs), { seed: SEED + 2, numRuns: ws, endOnFailure: true });

    console.log(`graphql-ws: ${ws} sessions after ${Math.round(performance.now() - started)} ms`);
    expect(await t.snapshot(...TABLES)).toEqual(current);
    const health = await fetch(new URL('/healthz', url));
    expect(health.status).toBe(200);
  });

  // -------------------------------------------------------------------------------------------
  // What is generated

  const documents = () => [
    `{ images(first: 5) { totalCount edges { cursor node { id name status metadata { key value } owner { name } } } pageInfo { hasNextPage endCursor } } }`,
    `query Page($first: Int, $after: String, $filter: ImageFilter, $search: String) { images(first: $first, after: $after, filter: $filter, search: $search) { edges { node { id name size tags } } } }`,
    `query One($id: ID!) { image(id: $id) { id name status members { status } metadataItem(key: "key-0") { value } } }`,
    `query Node($id: ID!) { node(id: $id) { id ... on Image { name region { slug } } } }`,
    `query Nodes($ids: [ID!]!) { nodes(ids: $ids) { id } }`,
    `{ regions(first: 3) { edges { node { slug images(first: 2) { edges { node { name } } } } } } }`,
    `{ tasks(first: 5) { edges { node { id type state progress } } } }`,
    `{ __schema { types { name } } }`,
    `{ __type(name: "Image") { fields { name } } }`,
    `query ByName($regionId: ID!, $name: String!) { imageByName(regionId: $regionId, name: $name) { id } }`,
    `mutation Create($input: ImageCreateInput!) { imageCreate(input: $input) { __typename ... on ImageCreatePayload { image { id } } ... on Error { message } } }`,
    `mutation Meta($input: ImageMetadataSetInput!) { imageMetadataSet(input: $input) { __typename } }`,
    `mutation Del($input: ImageDeleteInput!) { imageDelete(input: $input) { __typename } }`,
    `mutation { imageTagAdd(input: { id: "${gid('Image', imageIds[0]!)}", tags: ["x"] }) { __typename } }`,
    `mutation Import($input: ImageImportInput!) { imageImport(input: $input) { __typename } }`,
    `subscription Watch($id: ID) { imageStatusChanged(id: $id) { image { id status } } }`,
    `subscription Tasks($id: ID) { taskUpdated(id: $id) { id state } }`,
    `query A { __typename } query B { __typename }`,
    `{ a: __typename b: __typename ...F } fragment F on Query { __typename ...F }`,
  ];

  /** A document, sometimes mutated: characters inserted, cut, removed, repeated, nested. */
  const document = () =>
    fc.tuple(fc.constantFrom(...documents()), fc.array(mutation(), { maxLength: 3 })).map(([text, edits]) => edits.reduce((doc, edit) => edit(doc), text));

  const mutation = (): fc.Arbitrary<(text: string) => string> =>
    fc.oneof(
      fc.tuple(fc.nat(), fc.oneof(fc.string(), fc.constantFrom('{', '}', '(', ')', '"', '\\', '$', '@skip(if: true)', '...', '#', '\u0000', '\uD800'))).map(
        ([at, text]) => (doc: string) => doc.slice(0, at % (doc.length + 1)) + text + doc.slice(at % (doc.length + 1)),
      ),
      fc.nat().map((at) => (doc: string) => doc.slice(0, at % (doc.length + 1))),
      fc.tuple(fc.nat(), fc.nat({ max: 40 })).map(([at, n]) => (doc: string) => doc.slice(0, at % (doc.length + 1)) + doc.slice((at % (doc.length + 1)) + n)),
      fc.integer({ min: 2, max: 20 }).map((n) => (doc: string) => doc.replace(/\{/, `{ ${'x: __typename '.repeat(n)}`)),
      fc.integer({ min: 2, max: 30 }).map((n) => (doc: string) => `{ ${'image(id: "x") { replicaOf { '.repeat(n)}id${' } }'.repeat(n)} }`),
    );

  const globalIds = () => fc.constantFrom(...imageIds.map((id) => gid('Image', id)), gid('Region', imageIds[0]!), 'x', '', gid('Image', 'not-a-uuid'), imageIds[0]!);

  const variableValue = (): fc.Arbitrary<unknown> =>
    fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      globalIds(),
      fc.constantFrom(-1, 0, 501, 1e9, 2 ** 53, 1.5, 'abc', '\u0000', null, true),
      fc.record({ id: globalIds(), name: fc.string(), tags: fc.array(fc.string()), items: fc.array(fc.record({ key: fc.string(), value: fc.string() })), url: fc.constantFrom('http://127.0.0.1:1/x', 'file:///etc/passwd', 'x') }, { requiredKeys: [] }),
    );

  const variables = () =>
    fc.oneof(
      fc.constant(undefined),
      fc.dictionary(fc.constantFrom('id', 'ids', 'first', 'after', 'filter', 'search', 'input', 'regionId', 'name'), variableValue(), { maxKeys: 4 }),
      fc.jsonValue({ maxDepth: 2 }),
    );

  const graphqlBody = () =>
    fc.record(
      { query: fc.oneof(document(), fc.jsonValue({ maxDepth: 1 })), variables: variables(), operationName: fc.oneof(fc.constantFrom('Page', 'A', 'B', 'Nope'), fc.jsonValue({ maxDepth: 1 })), extensions: fc.jsonValue({ maxDepth: 2 }) },
      { requiredKeys: ['query'] },
    );

  const body = () =>
    fc.oneof(
      { weight: 6, arbitrary: graphqlBody().map((value) => JSON.stringify(value)) },
      { weight: 1, arbitrary: fc.string() },
      { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes).toString('latin1')) },
      { weight: 1, arbitrary: fc.jsonValue().map((value) => JSON.stringify(value)) },
      { weight: 1, arbitrary: fc.constant('') },
    );

  const targets = () =>
    fc.oneof(
      { weight: 6, arbitrary: fc.tuple(graphqlBody(), fc.boolean()).map(([params, encode]) => `/graphql?${queryString(params, encode)}`) },
      { weight: 2, arbitrary: fc.constantFrom('/graphql', '/graphql?', '/graphql?query', '/graphql?query=%', '/graphql?query=%ZZ&variables=%7B', '/graphql?&&=&') },
      { weight: 2, arbitrary: globalIds().map((id) => `/images/${encodeURIComponent(id)}/file`) },
      { weight: 1, arbitrary: fc.constantFrom('/healthz', '/readyz', '/', '/images//file', '/images/%00/file', '/images/%ZZ/file', '/graphql/', '/GRAPHQL', '*', 'http://127.0.0.1/graphql', '//x') },
      { weight: 1, arbitrary: fc.webPath().map((path) => path || '/') },
      { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('/', 'a', '%', '2', 'F', '?', '#', '.', ';', '=', '&') }).map((path) => `/${path}`) },
    );

  const headerValue = () =>
    fc.oneof(
      fc.string({ maxLength: 40 }).map((text) => text.replace(/[\r\n]/g, '')),
      fc.constantFrom('application/json', 'application/graphql-response+json', 'text/event-stream', '*/*', 'text/html', 'application/json; charset=utf-16', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', 'text/plain', ''),
    );

  const contentTypes = fc.constantFrom(
    'application/json', 'application/json; charset=utf-8', 'application/graphql+json', 'application/octet-stream',
    'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=koi8-r', null,
  );

  const authorization = () =>
    fc.oneof(
      fc.constant(null),
      fc.constantFrom(...tokens).map((token) => `Authorization: Bearer ${token}`),
      fc.constantFrom(...tokens).map((token) => `X-Auth-Token: ${token}`),
      { weight: 1, arbitrary: fc.constant(`Authorization: Bearer ${writer}`) },
      fc.constantFrom('Authorization: Bearer', 'Authorization: Basic YTpi', 'Authorization: Bearer a b', 'Authorization: bearer \u00ff\u00fe', `Authorization: Bearer ${'a'.repeat(5000)}`),
    );

  function httpRequest() {
    return fc
      .record({
        method: fc.constantFrom('GET', 'GET', 'POST', 'POST', 'POST', 'PUT', 'HEAD', 'OPTIONS', 'DELETE', 'PATCH', 'TRACE', 'BREW'),
        target: targets(),
        host: fc.oneof(
          { weight: 4, arbitrary: fc.constantFrom('localhost', '127.0.0.1:1', '[::1]', 'a:99999', 'a b', '[zz', null, 'xn--80ak6aa92e.com', 'localhost:0') },
          // Long names, some failing only at their end: a Host check must not backtrack on them.
          { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('a', '1', '.', '-', '%', '/', ':', '['), minLength: 20, maxLength: 400 }) },
        ),
        contentType: contentTypes,
        accept: fc.option(headerValue()),
        auth: authorization(),
        extra: fc.array(fc.tuple(fc.constantFrom('X-Request-Id', 'Origin', 'Cookie', 'Range', 'If-None-Match', 'Content-MD5', 'Expect', 'X-Forwarded-For', 'Forwarded', 'Content-Encoding'), headerValue()), { maxLength: 3 }),
        body: body(),
        chunked: fc.boolean(),
      })
      .map((r) => {
        const lines = [`${r.method} ${r.target} HTTP/1.1`];
        if (r.host !== null) lines.push(`Host: ${r.host}`);
        if (r.contentType) lines.push(`Content-Type: ${r.contentType}`);
        if (r.accept !== null) lines.push(`Accept: ${r.accept}`);
        if (r.auth) lines.push(r.auth);
        for (const [name, value] of r.extra) lines.push(`${name}: ${value}`);
        const bytes = Buffer.from(r.body, 'utf8');
        const hasBody = r.method !== 'GET' && r.method !== 'HEAD' && r.method !== 'TRACE';
        if (hasBody && r.chunked) lines.push('Transfer-Encoding: chunked');
        else if (hasBody) lines.push(`Content-Length: ${bytes.length}`);
        lines.push('Connection: close', '', '');
        const head = Buffer.from(lines.join('\r\n'), 'latin1');
        const payload = !hasBody ? Buffer.alloc(0) : r.chunked ? chunk(bytes) : bytes;
        return { bytes: Buffer.concat([head, payload]), writes: r.auth === `Authorization: Bearer ${writer}`, describe: `${lines.join('\\r\\n')}${r.body.slice(0, 300)}` };
      });
  }

  /** A mutation with variables of its input's shape (good and bad values), or of any shape. */
  function writeRequest() {
    const name = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('fuzzed', '', ' x', '\u0000'));
    const items = fc.array(fc.record({ key: fc.oneof(fc.string({ maxLength: 8 }), fc.constant('key-0')), value: fc.string({ maxLength: 8 }) }), { maxLength: 2 });
    const region = fc.constantFrom(gid('Region', regionId), gid('Image', regionId), 'x');
    const inputs: Record<string, fc.Arbitrary<Record<string, unknown>>> = {
      Create: fc.record({ name, regionId: region, diskFormat: fc.constantFrom('QCOW2', 'RAW', 'nope') }, { requiredKeys: ['name'] }),
      Meta: fc.record({ id: globalIds(), items }),
      Del: fc.record({ id: globalIds() }),
      Import: fc.record({ name, regionId: region, url: fc.constantFrom('http://127.0.0.1:1/x.qcow2', 'file:///etc/passwd', 'http://169.254.169.254/', 'x') }, { requiredKeys: ['regionId'] }),
    };
    const mutations = documents().filter((text) => text.startsWith('mutation'));
    return fc
      .constantFrom(...mutations)
      .chain((text) => {
        const input = inputs[/^mutation (\w+)/.exec(text)?.[1] ?? ''];
        return fc.record({
          query: fc.tuple(fc.constant(text), fc.array(mutation(), { maxLength: 1 })).map(([doc, edits]) => edits.reduce((d, edit) => edit(d), doc)),
          variables: input ? fc.oneof({ weight: 3, arbitrary: input.map((value) => ({ input: value })) }, { weight: 1, arbitrary: variables() }) : variables(),
        });
      })
      .map((params) => {
        const text = JSON.stringify(params);
        const head = `POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nAuthorization: Bearer ${writer}\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n`;
        return { bytes: Buffer.from(head + text), describe: text.slice(0, 300) };
      });
  }

  function sseRequest() {
    return fc.record({
      body: graphqlBody(),
      get: fc.boolean(),
      token: fc.option(fc.constantFrom(...tokens), { nil: null }),
    });
  }

  function wsSession() {
    return fc.record({
      protocol: fc.constantFrom('graphql-transport-ws', 'graphql-transport-ws', 'graphql-ws', 'nope'),
      // Messages sent before the connection is acknowledged, or after.
      early: fc.boolean(),
      init: fc.oneof(
        fc.constantFrom(...tokens).map((token) => ({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })),
        fc.constantFrom(...tokens).map((token) => ({ type: 'connection_init', payload: { token } })),
        fc.record({ type: fc.constant('connection_init'), payload: fc.jsonValue({ maxDepth: 2 }) }),
        fc.record({ type: fc.constant('connection_init'), payload: fc.record({ authorization: fc.string().map((s) => `Bearer ${s}`) }) }),
        fc.jsonValue({ maxDepth: 2 }),
      ),
      messages: fc.array(
        fc.oneof(
          { weight: 4, arbitrary: fc.record({ id: fc.constantFrom('1', '2', '1'), type: fc.constant('subscribe'), payload: graphqlBody() }) },
          { weight: 1, arbitrary: fc.record({ id: fc.jsonValue({ maxDepth: 0 }), type: fc.constantFrom('subscribe', 'complete', 'ping', 'pong', 'next', 'error', 'connection_init', 'x'), payload: fc.jsonValue({ maxDepth: 2 }) }, { requiredKeys: [] }) },
          { weight: 1, arbitrary: fc.string() },
        ),
        { maxLength: 4 },
      ),
    });
  }

  // -------------------------------------------------------------------------------------------
  // What is checked

  function checkHttp(response: { status: number; headers: Record<string, string>; body: string }, describe: string) {
    const context = `${response.status} for ${describe}\n=> ${response.body.slice(0, 300)}`;
    expect(response.status, context).toBeGreaterThanOrEqual(200);
    expect(response.status, context).toBeLessThan(500);
    if (!(response.headers['content-type'] ?? '').startsWith('text/html')) {
      expect(response.body, context).not.toMatch(INTERNAL_TEXT);
      expect(response.body, context).not.toMatch(MASKED_FAULT);
    }
    // A refusal is a GraphQL error: in JSON, or as an SSE event when the client asked for a stream.
    if (response.status >= 400 && response.body) {
      const type = response.headers['content-type'] ?? '';
      if (type.startsWith('text/event-stream')) expect(response.body, context).toMatch(/^data: \{"errors":\[/m);
      else expect(JSON.parse(response.body).errors?.[0]?.message, context).toEqual(expect.any(String));
    }
  }

  /** After a request with the writer's token: the tables changed only if a write succeeded. */
  async function checkChanges(response: { status: number; body: string }, describe: string) {
    writes.sent += 1;
    const now = await t.snapshot(...TABLES);
    try {
      expect(now).toEqual(current);
    } catch {
      const context = `the database changed after ${response.status} for ${describe}\n=> ${response.body.slice(0, 300)}`;
      expect(response.status, context).toBe(200);
      expect(response.body, context).toMatch(/"__typename":"\w+Payload"|"image":\{"id"/);
      expect(response.body, context).not.toMatch(/"errors":/);
      current = now;
      writes.changed += 1;
    }
  }

  async function checkSse({ body, get, token }: { body: Record<string, unknown>; get: boolean; token: string | null }) {
    const headers: Record<string, string> = { accept: 'text/event-stream', ...(token && { authorization: `Bearer ${token}` }) };
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), 1000);
    try {
      const response = get
        ? await fetch(`${url}?${queryString(body, true)}`, { headers, signal: abort.signal })
        : await fetch(url, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body), signal: abort.signal });
      const context = `${response.status} for SSE ${get ? 'GET' : 'POST'} ${JSON.stringify(body).slice(0, 300)}`;
      expect(response.status, context).toBeLessThan(500);
      const text = await readSome(response, abort.signal);
      expect(text, context).not.toMatch(INTERNAL_TEXT);
      expect(text, context).not.toMatch(MASKED_FAULT);
    } finally {
      clearTimeout(timer);
      abort.abort();
    }
  }

  async function checkWs(session: { protocol: string; init: unknown; early: boolean; messages: unknown[] }) {
    const seen: string[] = [];
    const closed = await new Promise<{ code: number; reason: string }>((resolve, reject) => {
      const socket = new WebSocket(url.replace('http', 'ws'), session.protocol);
      const timer = setTimeout(() => socket.terminate(), 2000);
      // A handshake the server refuses (4xx, or no subprotocol it speaks) is an answer, not a fault.
      socket.on('error', (error) => (/Unexpected server response: 4\d\d|Server sent no subprotocol/.test(error.message) ? undefined : reject(error)));
      socket.on('close', (code, reason) => {
        clearTimeout(timer);
        resolve({ code, reason: reason.toString() });
      });
      const sendMessages = () => {
        for (const message of session.messages) socket.send(typeof message === 'string' ? message : JSON.stringify(message));
        // Once the pong is back, the messages before it have arrived (a subscribe may still run).
        socket.send(JSON.stringify({ type: 'ping' }));
      };
      socket.on('open', () => {
        socket.send(JSON.stringify(session.init));
        if (session.early) sendMessages();
      });
      socket.on('message', (data) => {
        const text = data.toString();
        seen.push(text);
        const { type } = JSON.parse(text) as { type: string };
        if (type === 'connection_ack' && !session.early) sendMessages();
        if (type === 'pong') setTimeout(() => socket.close(1000), 50);
      });
    });
    const context = `close ${closed.code} ${closed.reason} after ${JSON.stringify(session).slice(0, 400)}\n<= ${seen.join('\n').slice(0, 400)}`;
    expect([1011, 4500], context).not.toContain(closed.code);
    expect(closed.reason + seen.join('\n'), context).not.toMatch(INTERNAL_TEXT);
    expect(seen.join('\n'), context).not.toMatch(MASKED_FAULT);
  }
});

function queryString(params: Record<string, unknown>, encode: boolean): string {
  return Object.entries(params)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => {
      // encodeURIComponent throws on a lone surrogate; the URL would carry U+FFFD anyway.
      const text = (typeof value === 'string' ? value : JSON.stringify(value)).replace(/[\uD800-\uDFFF]/g, '\uFFFD');
      return `${name}=${encode ? encodeURIComponent(text) : text.replace(/[\s#%&]/g, encodeURIComponent)}`;
    })
    .join('&');
}

function chunk(bytes: Buffer): Buffer {
  if (bytes.length === 0) return Buffer.from('0\r\n\r\n');
  return Buffer.concat([Buffer.from(`${bytes.length.toString(16)}\r\n`), bytes, Buffer.from('\r\n0\r\n\r\n')]);
}

async function readSome(response: Response, signal: AbortSignal): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  let text = '';
  try {
    while (text.length < 20_000 && !signal.aborted) {
      const { done, value } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
      if (text.includes('\n\n')) break;
    }
  } catch (error) {
    if (!signal.aborted) throw error;
  } finally {
    reader.cancel().catch(() => {});
  }
  return text;
}
