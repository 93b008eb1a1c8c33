// Hostile documents against the real server over HTTP, statements counted on the wire (in front
// of PostgreSQL) or by the ORM (PGlite): each is refused with the limit it breaks, fast, with no
// SQL statement at all, token or not; meanwhile an ordinary request answers as usual.
import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SqlCounter, startSqlCounter } from '../../bench/sql-counter.js';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { type TestDatabase, createTestDatabase } from '../helpers/database.js';
import { type Catalog, createCatalog, createImages, gid } from '../helpers/fixtures.js';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { Inbox } from '../helpers/live.js';

const repeat = (n: number, make: (i: number) => string) => Array.from({ length: n }, (_, i) => make(i)).join(' ');
/** Nests `inner` n levels deep in `field { … }`. */
const nest = (n: number, field: string, inner: string): string => (n === 0 ? inner : `${field} { ${nest(n - 1, field, inner)} }`);
const INTROSPECTION = getIntrospectionQuery();
const introspectionFragments = INTROSPECTION.slice(INTROSPECTION.indexOf('fragment'));

interface Refusal {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  limit: string;
}

describe('operation limits', () => {
  let database: TestDatabase;
  let counter: SqlCounter | undefined;
  let t: TestApp;
  let url: string;
  let catalog: Catalog;
  let imageId: string;

  beforeAll(async () => {
    // On PostgreSQL the server talks to it through a counting proxy: every statement, from any
    // part of the process, is seen.
    database = await createTestDatabase();
    counter = database.url ? await startSqlCounter(database.url) : undefined;
    t = await startTestApp({ PORT: '0', WORKERS: '0', ...(counter && { DATABASE_URL: counter.url }) });
    url = await t.app.start();
    catalog = await createCatalog(t.app);
    imageId = gid('Image', (await createImages(t.app, catalog, 3))[0]!.id);
  });
  afterAll(async () => {
    await t?.close();
    await counter?.stop();
    await database?.drop();
  });

  async function post(query: string, variables?: Record<string, unknown>, token: string | null = t.adminToken) {
    const body = JSON.stringify({ query, variables });
    const started = performance.now();
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json',
        ...(token && { authorization: `Bearer ${token}` }),
      },
      body,
    });
    const answer = (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
    return { status: response.status, body: answer, ms: performance.now() - started };
  }

  /** The statements sent while `work` ran: on the wire when on PostgreSQL, else by the ORM. */
  async function statementsDuring(work: () => Promise<unknown>): Promise<number> {
    if (!counter) return t.countStatements(work);
    counter.reset();
    await work();
    return counter.count;
  }

  const hostile = (): Refusal[] => [
    { name: '10,000 aliases of image(id:)', query: `{ ${repeat(10_000, (i) => `a${i}: image(id: "${imageId}") { name }`)} }`, limit: 'MAX_TOKENS' },
    { name: 'a depth-100 query', query: `{ image(id: "${imageId}") { ${nest(99, 'replicaOf', 'name')} } }`, limit: 'MAX_DEPTH' },
    { name: '100 aliases of images(first: 1) { totalCount }', query: `{ ${repeat(100, (i) => `c${i}: images(first: 1) { totalCount }`)} }`, limit: 'MAX_ALIASES' },
    {
      name: 'regions > images > operatingSystem > images, 100 each',
      query: '{ regions(first: 100) { edges { node { images(first: 100) { edges { node { operatingSystem { images(first: 100) { edges { node { name } } } } } } } } } } }',
      limit: 'MAX_COST',
    },
    {
      name: 'the same nesting with its page sizes in variables',
      query: 'query ($n: Int!) { regions(first: $n) { edges { node { images(first: $n) { edges { node { operatingSystem { images(first: $n) { edges { node { name } } } } } } } } } } }',
      variables: { n: 100 },
      limit: 'MAX_COST',
    },
    { name: '100 aliased full introspections', query: `{ ${repeat(100, (i) => `s${i}: __schema { ...Schema }`)} } fragment Schema on __Schema { types { ...FullType } } ${introspectionFragments}`, limit: 'MAX_ALIASES' },
    { name: '15 aliased full introspections (within the alias limit)', query: `{ ${repeat(15, (i) => `s${i}: __schema { ...Schema }`)} } fragment Schema on __Schema { types { ...FullType } } ${introspectionFragments}`, limit: 'MAX_COST' },
    {
      name: 'fragments that multiply aliases (2^5)',
      query: `{ image(id: "${imageId}") { ...F0 } } ${repeat(5, (i) => `fragment F${i} on Image { a: replicaOf { ...F${i + 1} } b: replicaOf { ...F${i + 1} } }`)} fragment F5 on Image { name }`,
      limit: 'MAX_ALIASES',
    },
    {
      name: 'aliases inside a fragment spread many times',
      query: `{ images(first: 5) { edges { node { ...A } } } } fragment A on Image { ${repeat(8, (i) => `x${i}: name`)} ...B } fragment B on Image { ${repeat(8, (i) => `y${i}: status`)} ...C } fragment C on Image { ${repeat(20, (i) => `z${i}: tags`)} }`,
      limit: 'MAX_ALIASES',
    },
    {
      name: 'fragments that multiply connections',
      query: '{ ...Q } fragment Q on Query { images(first: 500) { edges { node { ...I } } } } fragment I on Image { region { images(first: 500) { edges { node { name } } } } }',
      limit: 'MAX_COST',
    },
    { name: '21 root fields', query: `{ ${repeat(21, (i) => `r${i}: regions(first: 1) { edges { cursor } }`)} }`, limit: 'MAX_ROOT_FIELDS' },
    { name: '25 directives', query: `{ image(id: "${imageId}") { ${repeat(25, (i) => `f${i}: name @skip(if: false)`)} } }`, limit: 'MAX_DIRECTIVES' },
    {
      name: 'fragments on a connection, each spreading the next twice, 30 deep',
      query: `{ images(first: 2) { ...F0 } } ${repeat(30, (i) => `fragment F${i} on ImageConnection { ...F${i + 1} ...F${i + 1} }`)} fragment F30 on ImageConnection { edges { node { name } } }`,
      limit: 'MAX_COST',
    },
    { name: '1,000 copies of one field', query: `{ images(first: 1) { edges { node { ${repeat(1000, () => 'region { slug }')} } } } }`, limit: 'MAX_FIELD_REPEATS' },
    { name: '500 inline fragments repeating one field', query: `{ images(first: 1) { edges { node { ${repeat(500, () => '... on Image { region { slug } }')} } } } }`, limit: 'MAX_FIELD_REPEATS' },
    {
      name: '400 fragments each selecting one field',
      query: `{ images(first: 1) { edges { node { ${repeat(400, (i) => `...R${i}`)} } } } } ${repeat(400, (i) => `fragment R${i} on Image { region { slug } }`)}`,
      limit: 'MAX_FIELD_REPEATS',
    },
    {
      name: '15 copies of a field, each with 15 copies of a field with 15 fields',
      query: `{ images(first: 1) { edges { node { ${repeat(15, () => `replicaOf { ${repeat(15, () => `replicaOf { ${repeat(15, () => 'name')} }`)} }`)} } } } }`,
      limit: 'MAX_FIELD_REPEATS',
    },
    {
      name: 'fragments spreading the next in two fields, 25 deep (no alias)',
      query: `{ image(id: "${imageId}") { ...F0 } } ${repeat(25, (i) => `fragment F${i} on Image { replicaOf { ...F${i + 1} } region { images(first: 1) { edges { node { ...F${i + 1} } } } } }`)} fragment F25 on Image { id }`,
      limit: 'MAX_DEPTH',
    },
    { name: 'nodes(ids:) with 500 ids and a nested connection', query: `{ nodes(ids: [${repeat(500, () => `"${imageId}"`)}]) { ... on Image { region { images(first: 50) { edges { node { name } } } } } } }`, limit: 'MAX_COST' },
  ];

  it('refuses each hostile document with the limit it breaks, in under 100 ms and with no SQL statement', async () => {
    // The first request of a process compiles its code paths: warmed with another document, so
    // that the bound is what each refusal costs, not what starting costs.
    await post(`{ ${repeat(10_000, (i) => `w${i}: __typename`)} }`);
    for (const token of [t.adminToken, null, 'icg_not-a-token']) {
      for (const { name, query, variables, limit } of hostile()) {
        let answer!: Awaited<ReturnType<typeof post>>;
        // A refusal's time is the fastest of three: what it costs, not a moment the machine was busy.
        let fastest = Number.POSITIVE_INFINITY;
        const statements = await statementsDuring(async () => {
          for (let attempt = 0; attempt < 3; attempt++) {
            answer = await post(query, variables, token);
            fastest = Math.min(fastest, answer.ms);
          }
        });
        const label = `${name} (${token === t.adminToken ? 'admin token' : token ? 'bad token' : 'no token'})`;
        expect(answer.status, label).toBe(400);
        const [error] = answer.body.errors ?? [];
        expect(error?.extensions, label).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit });
        expect(error?.message, label).toContain(`(${limit})`);
        expect(answer.body.data, label).toBeUndefined();
        expect(statements, label).toBe(0);
        expect(fastest, label).toBeLessThan(100);
      }
    }
  });

  it('says by how much: the limit, its value and what the operation came to', async () => {
    const { body } = await post(`{ image(id: "${imageId}") { ${nest(29, 'replicaOf', 'name')} } }`);
    expect(body.errors![0]).toMatchObject({
      message: "The operation's depth is 31, above the limit of 15 (MAX_DEPTH)",
      extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'MAX_DEPTH', max: 15, actual: 31 },
    });
    const cost = await post('{ regions(first: 100) { edges { node { images(first: 100) { edges { node { id } } } } } } }');
    expect(cost.body.errors![0]).toMatchObject({
      message: "The operation's cost is 10201, above the limit of 5000 (MAX_COST)",
      extensions: { limit: 'MAX_COST', max: 5000, actual: 10201 },
    });
  });

  it('refuses page sizes and variables the document alone makes wrong, before any SQL', async () => {
    const cases: [string, Record<string, unknown> | undefined, RegExp][] = [
      ['{ images(first: 501) { totalCount } }', undefined, /first must be between 0 and 500, got 501/],
      ['query ($n: Int!) { images(last: $n) { totalCount } }', { n: -1 }, /last must be between 0 and 500, got -1/],
      ['query ($n: Int!) { images(first: $n) { totalCount } }', { n: 'many' }, /Variable "\$n" got invalid value "many"/],
      ['query ($n: Int!) { images(first: $n) { totalCount } }', undefined, /Variable "\$n" of required type "Int!" was not provided/],
      ['query A { __typename } query B { __typename }', undefined, /Must provide operation name|Could not determine what operation to execute/],
    ];
    for (const [query, variables, message] of cases) {
      let answer!: Awaited<ReturnType<typeof post>>;
      expect(await statementsDuring(async () => (answer = await post(query, variables)))).toBe(0);
      expect(answer.status, query).toBe(400);
      expect(answer.body.errors?.[0]?.message, query).toMatch(message);
    }
  });

  it('says plainly when a document has too many errors to list', async () => {
    const { body } = await post(`{ images(first: 1) { edges { node { ${repeat(150, (i) => `nope${i}`)} } } } }`);
    const messages = body.errors!.map((error) => error.message);
    expect(messages.join('\n')).not.toContain('Validation aborted');
    // What validation found, and where it stopped.
    expect(messages[0]).toMatch(/Cannot query field "nope0" on type "Image"/);
    expect(messages.at(-1)).toMatch(/^Too many validation errors: the first \d+ are listed/);
  });

  it('refuses a document past a limit with the limits alone, before the rest of validation', async () => {
    const { body } = await post(`{ ${repeat(150, (i) => `e${i}: nope`)} }`);
    expect(body.errors!.map((error) => error.extensions?.limit)).toEqual(['MAX_ALIASES', 'MAX_ROOT_FIELDS']);
  });

  it('lets a document within every limit run: nested connections, fragments, one introspection', async () => {
    let nested!: Awaited<ReturnType<typeof post>>;
    // The counter sees what the server sends: a request that runs is counted.
    const statements = await statementsDuring(async () => {
      nested = await post('{ regions(first: 10) { edges { node { slug images(first: 20) { totalCount edges { node { name operatingSystem { title } } } } } } } }');
    });
    expect(nested.body.errors).toBeUndefined();
    expect(statements).toBeGreaterThanOrEqual(3);
    const introspection = await post(INTROSPECTION);
    expect(introspection.body.errors).toBeUndefined();
    const page = await post('query ($n: Int!) { images(first: $n) { edges { node { ...I } } } } fragment I on Image { name region { slug } metadata { key } }', { n: 500 });
    expect(page.body.errors).toBeUndefined();
  });

  it('refuses the same documents over graphql-ws and SSE, with no SQL statement', async () => {
    const deep = `subscription { imageStatusChanged(id: "${imageId}") { image { ${nest(40, 'replicaOf', 'name')} } } }`;
    const costly = 'query { regions(first: 100) { edges { node { images(first: 100) { edges { node { name } } } } } } }';
    // Connected before counting, and kept open: the connection's own token check is not the operations'.
    let connected!: () => void;
    const opened = new Promise<void>((resolve) => (connected = resolve));
    const client = createClient({
      url: url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${t.adminToken}` },
      lazy: false,
      retryAttempts: 0,
      on: { connected: () => connected() },
    });
    try {
      await opened;
      for (const [query, limit] of [[deep, 'MAX_DEPTH'], [costly, 'MAX_COST']] as const) {
        const results = new Inbox<{ errors?: readonly { extensions?: Record<string, unknown> }[] }>();
        const statements = await statementsDuring(async () => {
          await new Promise<void>((resolve) => {
            client.subscribe({ query }, { next: (r) => results.put(r), error: (e) => (results.put({ errors: e as never }), resolve()), complete: resolve });
          });
        });
        const result = await results.next();
        expect(result.errors?.[0]?.extensions, limit).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit });
        expect(statements).toBe(0);
      }
    } finally {
      await client.dispose();
    }
    const sse = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${t.adminToken}` },
      body: JSON.stringify({ query: deep }),
    });
    expect(await sse.text()).toContain('"limit":"MAX_DEPTH"');
  });

  it('answers an ordinary request in its usual time while hostile documents arrive', async () => {
    const ordinary = `{ images(first: 3) { edges { node { name operatingSystem { title } region { slug } } } } }`;
    const usual: number[] = [];
    for (let i = 0; i < 7; i++) usual.push((await post(ordinary)).ms);
    const median = usual.sort((a, b) => a - b)[3]!;
    // 100 hostile documents in flight, then the ordinary request among them (with 200, their own
    // parsing ahead of it came near the bound on a busy machine).
    const documents = hostile();
    const flood = Array.from({ length: 100 }, (_, i) => documents[i % documents.length]!).map(({ query, variables }) => post(query, variables));
    const meanwhile = await post(ordinary);
    const refused = await Promise.all(flood);
    expect(refused.every((answer) => answer.status === 400)).toBe(true);
    expect(meanwhile.body.errors).toBeUndefined();
    // Its own time and its share of the refusals' CPU (each a parse, a validation cached after the
    // first, a log line), this test's client sharing the process and the machine shared: under two
    // seconds, where one such document alone used to hold every other request for 14 to 37 s.
    expect(meanwhile.ms).toBeLessThan(median * 3 + 1500);
  });
});
