// Each way a start can go wrong, with the real entry points as child processes: one clear line
// and an exit status, never a stack trace; or, for a Redis that is away, a start that goes on.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, createTestDatabase } from '../helpers/database.js';
import { type ServiceProcess, startService } from '../helpers/processes.js';

const KEY = 'cd'.repeat(32);
const ADMIN_TOKEN = `bad-starts-admin-${randomBytes(16).toString('hex')}`;
/** Variables of the test run that would change what these starts do. */
const CLEAN = { DATABASE_URL: undefined, REDIS_URL: undefined, EVENTS: undefined, PORT: '0', HOST: '127.0.0.1', SEED_DEMO: 'false' };
const STACK_LINE = /^\s+at /m;

const started: ServiceProcess[] = [];
function start(entry: 'main' | 'worker' | 'token', env: Record<string, string | undefined>, args: string[] = []) {
  const service = startService(entry, { ...CLEAN, ...env }, args);
  started.push(service);
  return service;
}
/** What a process printed on stderr alone, once it has exited. */
async function failure(service: ServiceProcess) {
  let stderr = '';
  service.child.stderr!.on('data', (text: string) => (stderr += text));
  const code = await service.exited;
  return { code, stderr, lines: stderr.trim().split('\n') };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'bad-starts-'));
});
afterAll(async () => {
  await Promise.all(started.map((service) => service.kill()));
  await rm(dataDir, { recursive: true, force: true });
});

describe('a start with a bad configuration', () => {
  it.each(['main', 'worker', 'token'] as const)('of %s exits with status 2 and one line per problem, no stack trace', async (entry) => {
    const { code, stderr, lines } = await failure(start(entry, { PORT: '70000', SEED_DEMO: 'maybe', MAX_DEPTH: '0' }, entry === 'token' ? ['list'] : []));
    expect(code).toBe(2);
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).toMatch(/^Invalid configuration: (PORT|SEED_DEMO|MAX_DEPTH): \S/);
    expect(stderr).not.toMatch(STACK_LINE);
  }, 30_000);

  it('refuses a gateway without workers on PostgreSQL without Redis, and says how to go on', async () => {
    const { code, lines } = await failure(start('main', { DATABASE_URL: 'postgres://127.0.0.1:1/catalog', IMAGE_SECRET_KEY: KEY, WORKERS: '0' }));
    expect(code).toBe(2);
    expect(lines).toEqual([expect.stringMatching(/^Invalid configuration: WORKERS: 0 on PostgreSQL without REDIS_URL: .*set REDIS_URL, or EVENTS=local/)]);
  }, 30_000);
});

describe('a start on a port in use', () => {
  it('fails at once with one line, before the database is even opened', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as AddressInfo;
    const ownDir = join(dataDir, 'port-in-use');
    try {
      const began = Date.now();
      const { code, lines, stderr } = await failure(start('main', { PORT: String(port), DATA_DIR: ownDir, SEED_DEMO: 'true' }));
      const ms = Date.now() - began;
      expect(code).toBe(1);
      expect(lines).toEqual([`Cannot start the gateway: port ${port} on 127.0.0.1 is in use`]);
      expect(stderr).not.toMatch(STACK_LINE);
      // No embedded database was created, let alone seeded.
      expect(existsSync(join(ownDir, 'pgdata'))).toBe(false);
      expect(ms).toBeLessThan(5_000);
    } finally {
      taken.close();
    }
  }, 30_000);

  it('is bound before the seed runs: requests meanwhile get 503 starting', async () => {
    const port = await freePort();
    const gateway = start('main', { PORT: String(port), DATA_DIR: join(dataDir, 'seeding'), SEED_DEMO: 'true', ADMIN_TOKEN });
    let early: Response | undefined;
    while (!early && gateway.child.exitCode === null) {
      early = await fetch(`http://127.0.0.1:${port}/graphql`).catch(() => undefined);
      if (!early) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(early?.status).toBe(503);
    expect(await early!.json()).toEqual({ status: 'starting' });
    const summary = (await gateway.waitFor(/GraphQL and GraphiQL at (\S+) .*/, 60_000))[0];
    expect(summary).toMatch(/database: embedded PGlite in \S+seeding \| workers: 2 per task type \| events: memory \| limits: cost 5000, depth 15/);
    const ready = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({ query: '{ images(first: 1) { totalCount } }' }),
    });
    expect(ready.status).toBe(200);
    expect((await ready.json()).data.images.totalCount).toBeGreaterThan(0);
    await gateway.stop();
    expect(await gateway.exited).toBe(0);
  }, 90_000);
});

describe('a stop signal while the start hangs', () => {
  it('exits within the stop deadline, with one line, although the start never finishes', async () => {
    // A "database" that takes connections and never answers: the start waits on it.
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const database = `postgres://postgres@127.0.0.1:${(silent.address() as AddressInfo).port}/catalog`;
      const gateway = start('main', { DATABASE_URL: database, IMAGE_SECRET_KEY: KEY, EVENTS: 'local' });
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(gateway.child.exitCode).toBeNull();
      const signalled = Date.now();
      gateway.child.kill('SIGTERM');
      expect(await gateway.exited).toBe(1);
      const ms = Date.now() - signalled;
      expect(ms).toBeGreaterThan(9_000);
      expect(ms).toBeLessThan(12_000);
      expect(gateway.output()).toMatch(/did not stop within 10 s; exiting anyway/);
    } finally {
      silent.close();
    }
  }, 30_000);
});

describe('a start with Redis unreachable', () => {
  it('starts, warns once per use of Redis, serves, and stops cleanly: no crash', async () => {
    const gateway = start('main', { DATA_DIR: 'memory://', REDIS_URL: `redis://127.0.0.1:${await freePort()}`, ADMIN_TOKEN });
    const url = (await gateway.waitFor(/GraphQL and GraphiQL at (\S+)/))[1]!;
    expect(gateway.output()).toMatch(/events: redis/);
    // Reconnection rounds go by; the process stays up and answers.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const answer = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(answer.status).toBe(200);
    expect(gateway.child.exitCode).toBeNull();
    const warnings = gateway.output().split('\n').filter((line) => line.includes('is unavailable; reconnecting'));
    expect(warnings).toHaveLength(2); // live events, rate limits
    expect(gateway.output()).not.toMatch(/MaxRetriesPerRequestError|Unhandled/);
    await gateway.stop();
    expect(await gateway.exited).toBe(0);
  }, 60_000);
});

describe('the token command while the embedded server runs', () => {
  it('refuses with one line and status 1 while a server holds the database, and works once it is gone', async () => {
    const ownDir = join(dataDir, 'token');
    const env = { DATA_DIR: ownDir, ADMIN_TOKEN };
    const server = start('main', env);
    await server.waitFor(/GraphQL and GraphiQL at/);
    const refused = await failure(start('token', env, ['create', '--role', 'admin']));
    expect(refused.code).toBe(1);
    expect(refused.lines).toEqual([
      `token: the embedded database in ${ownDir} is in use by process ${server.child.pid} (a running server): stop it first, or use DATABASE_URL`,
    ]);
    await server.stop();

    // A lock left by a process that died is no lock.
    const dead = start('token', env, ['--help']);
    await dead.exited;
    await writeFile(join(ownDir, 'embedded.lock'), `${dead.child.pid}\n`);
    const created = start('token', env, ['create', '--role', 'admin']);
    expect(await created.exited).toBe(0);
    expect(created.output()).toMatch(/^icg_\S+$/m);
  }, 90_000);
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('a start on a database that does not exist', () => {
  let server: TestDatabase;
  const name = `lc_missing_${randomBytes(4).toString('hex')}`;
  const missing = () => {
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${name}`;
    return url.toString();
  };
  beforeAll(async () => {
    server = await createTestDatabase();
  });
  afterAll(async () => {
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.end();
    await server.drop();
  });

  it('is refused with one line naming the database and DATABASE_CREATE, and creates nothing', async () => {
    const { code, lines } = await failure(start('main', { DATABASE_URL: missing(), IMAGE_SECRET_KEY: KEY }));
    expect(code).toBe(1);
    expect(lines).toEqual([
      expect.stringMatching(new RegExp(`^Cannot start the gateway: the database "${name}" on \\S+ does not exist: create it, or set DATABASE_CREATE=true`)),
    ]);
    const worker = await failure(start('worker', { DATABASE_URL: missing(), IMAGE_SECRET_KEY: KEY, IMAGE_STORE_DIR: join(dataDir, 'store') }));
    expect(worker.code).toBe(1);
    expect(worker.lines).toEqual([expect.stringContaining(`the database "${name}"`)]);
  }, 30_000);

  it('is created when DATABASE_CREATE=true', async () => {
    const gateway = start('main', { DATABASE_URL: missing(), IMAGE_SECRET_KEY: KEY, DATABASE_CREATE: 'true', ADMIN_TOKEN });
    expect((await gateway.waitFor(/GraphQL and GraphiQL at \S+ .*/))[0]).toContain(`database: PostgreSQL ${name} on`);
    await gateway.stop();
    expect(await gateway.exited).toBe(0);
  }, 60_000);
});
