// npm run token: the operator's way to issue, list and revoke API tokens, run as a child process
// on the database a server then uses (embedded in a temp DATA_DIR, or a fresh PostgreSQL database).
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { Project } from '../../src/db/entities/project.js';
import { type App, buildServer } from '../../src/server.js';
import { type TestDatabase, createTestDatabase } from '../helpers/database.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);
const ADMIN_TOKEN = 'token-cli-test-admin-token-of-32-chars';
const KEY = 'ab'.repeat(32);

describe('npm run token', { timeout: 120_000 }, () => {
  let dataDir: string;
  let database: TestDatabase;
  /** Where the script and the server find the database: the same variables for both. */
  let env: Record<string, string>;

  async function token(...args: string[]) {
    try {
      const { stdout, stderr } = await run('npx', ['tsx', 'scripts/token.ts', ...args], {
        cwd: root,
        env: { ...process.env, ...env },
        timeout: 60_000,
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }

  /** Runs `work` against a server on the same database, then stops it (PGlite allows one user at a time). */
  async function withServer<T>(work: (app: App) => Promise<T>): Promise<T> {
    const app = await buildServer(loadConfig({ ...env, SEED_DEMO: 'false', ADMIN_TOKEN }));
    try {
      return await work(app);
    } finally {
      await app.stop();
    }
  }

  async function probe(app: App, token: string) {
    const response = await app.yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ images(first: 1) { totalCount } }' }),
    });
    return response.status;
  }

  let project: { id: string; name: string };
  let memberToken: string;
  let memberTokenId: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'catalog-token-'));
    database = await createTestDatabase();
    env = database.url ? { DATABASE_URL: database.url, IMAGE_SECRET_KEY: KEY, DATA_DIR: dataDir } : { DATA_DIR: dataDir };
    project = await withServer(async (app) => {
      const em = app.orm.em.fork();
      const row = em.create(Project, { name: 'token-cli-project', reseller: null });
      await em.flush();
      return { id: row.id, name: row.name };
    });
  });
  afterAll(async () => {
    await database?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('exits with code 2 and says why on bad arguments, before opening the database', async () => {
    for (const args of [
      ['create'],
      ['create', '--role', 'root'],
      ['create', '--role', 'admin', '--colour', 'blue'],
      ['revoke'],
      ['frobnicate'],
      ['list', 'extra'],
    ]) {
      const result = await token(...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toMatch(/^token: /);
      expect(result.stdout).toBe('');
    }
  });

  it('explains itself, including that the embedded database must not be in use', async () => {
    const result = await token('--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('npm run token -- create --role admin|reseller|member');
    expect(result.stdout).toMatch(/must not be in use by a running server/);
  });

  it('refuses a member token without a project, or with one that does not exist, with code 2', async () => {
    const missing = await token('create', '--role', 'member');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/projectId is required for a MEMBER token/);
    const unknown = await token('create', '--role', 'member', '--project', 'no-such-project');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no project has the id or name 'no-such-project'/);
  });

  it('creates a read-only member token by project name, prints it once with its id, and the server accepts it', async () => {
    const result = await token('create', '--role', 'member', '--project', project.name, '--read-only', '--name', 'ci reader');
    expect(result.code, result.stderr).toBe(0);
    memberToken = /^(icg_[A-Za-z0-9_-]{43})$/m.exec(result.stdout)?.[1]!;
    memberTokenId = /Created token ([0-9a-f-]{36})/.exec(result.stdout)?.[1]!;
    expect(memberToken).toBeDefined();
    expect(memberTokenId).toBeDefined();
    expect(result.stdout).toContain(`MEMBER of project ${project.name}, read-only`);
    expect(await withServer((app) => probe(app, memberToken))).toBe(200);
  });

  it('lists tokens with their principal but never the token', async () => {
    const created = await token('create', '--role', 'admin', '--name', 'second admin');
    const adminToken = /^(icg_\S+)$/m.exec(created.stdout)?.[1]!;
    const result = await token('list');
    expect(result.code, result.stderr).toBe(0);
    const line = result.stdout.split('\n').find((row) => row.startsWith(memberTokenId))!;
    expect(line).toMatch(/ci reader\s+MEMBER\s+token-cli-project \([0-9a-f-]{36}\)\s+yes\s+\d{4}-\d\d-\d\dT\S+\s+-$/);
    expect(result.stdout).toMatch(/second admin\s+ADMIN\s+-\s+no/);
    expect(result.stdout).not.toContain(memberToken);
    expect(result.stdout).not.toContain(adminToken);
    expect(result.stdout).not.toContain('icg_');
  });

  it('revokes a token, idempotently, and the server refuses it from then on', async () => {
    const first = await token('revoke', memberTokenId);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain(`Revoked token ${memberTokenId}`);
    const again = await token('revoke', memberTokenId);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(first.stdout);
    const listed = await token('list');
    expect(listed.stdout.split('\n').find((row) => row.startsWith(memberTokenId))).toMatch(/\d{4}-\d\d-\d\dT\S+Z$/);
    expect(await withServer((app) => probe(app, memberToken))).toBe(401);
  });

  it('exits with code 2 when revoking a token that does not exist', async () => {
    const result = await token('revoke', '01900000-0000-7000-8000-000000000000');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/ApiToken 01900000-0000-7000-8000-000000000000 was not found/);
  });
});
