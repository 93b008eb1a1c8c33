// The newcomer's path: no database configured, the server starts embedded PostgreSQL, seeds
// a demo catalog once, creates an admin token once, serves GraphiQL with it pre-filled, and
// keeps what it was given across restarts.
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { type App, buildServer } from '../../src/server.js';
import { captureLog } from '../helpers/log.js';

const ADMIN_TOKEN = 'embedded-lifecycle-admin-token-32-chars';

async function post(url: string, query: string, token = ADMIN_TOKEN) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data?: any; errors?: unknown[] };
}

describe('the embedded default', () => {
  let dataDir: string;
  const running: App[] = [];
  const start = async (env: Record<string, string> = {}) => {
    const app = await buildServer(loadConfig({ DATA_DIR: dataDir, PORT: '0', ADMIN_TOKEN, ...env }));
    running.push(app);
    return { app, url: await app.start() };
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'catalog-'));
  });
  afterAll(async () => {
    for (const app of running) await app.stop().catch(() => {});
    await rm(dataDir, { recursive: true, force: true });
  });

  it('serves GraphiQL and a seeded demo catalog on loopback with nothing configured', async () => {
    const { app, url } = await start();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/);

    const page = await fetch(url, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Image catalog</title>');
    expect((await fetch(url.replace('/graphql', '/healthz'))).status).toBe(200);
    expect((await fetch(url.replace('/graphql', '/readyz'))).status).toBe(200);

    const result = await post(
      url,
      '{ images(first: 5) { totalCount edges { node { id name status operatingSystem { name } architecture { name } } } } }',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.images.totalCount).toBeGreaterThanOrEqual(40);
    expect(result.data.images.edges).toHaveLength(5);
    for (const { node } of result.data.images.edges) {
      expect(node.operatingSystem.name).toBeTruthy();
      expect(node.architecture.name).toBeTruthy();
    }
    await app.stop();
  });

  it('keeps data across a restart and never seeds a database that is not empty', async () => {
    const first = await start();
    const created = await post(first.url, 'mutation { projectCreate(input: { name: "kept-across-restarts" }) { __typename } }');
    expect(created.data.projectCreate.__typename).toBe('ProjectCreatePayload');
    const before = await post(first.url, '{ images(first: 1) { totalCount } }');
    await first.app.stop();

    const second = await start();
    const after = await post(second.url, '{ projects(first: 50) { edges { node { name } } } images(first: 1) { totalCount } }');
    expect(after.data.projects.edges.map((edge: any) => edge.node.name)).toContain('kept-across-restarts');
    expect(after.data.images.totalCount).toBe(before.data.images.totalCount);
    await second.app.stop();
  });

  it('does not seed a database that holds anything at all, and starts cleanly', async () => {
    const ownDir = await mkdtemp(join(tmpdir(), 'catalog-'));
    try {
      const first = await start({ DATA_DIR: ownDir, SEED_DEMO: 'false' });
      // The demo has an architecture of this name: seeding now would collide with it.
      const created = await post(first.url, 'mutation { architectureCreate(input: { name: "x86_64" }) { __typename } }');
      expect(created.data.architectureCreate.__typename).toBe('ArchitectureCreatePayload');
      await first.app.stop();

      const second = await start({ DATA_DIR: ownDir, SEED_DEMO: 'true' });
      const result = await post(second.url, '{ images(first: 1) { totalCount } architectures(first: 10) { edges { node { name } } } }');
      expect(result.data.images.totalCount).toBe(0);
      expect(result.data.architectures.edges).toEqual([{ node: { name: 'x86_64' } }]);
      await second.app.stop();
    } finally {
      await rm(ownDir, { recursive: true, force: true });
    }
  });

  it('creates an admin token on the first start, prints it once, keeps it owner-only and pre-fills GraphiQL with it', async () => {
    const ownDir = await mkdtemp(join(tmpdir(), 'catalog-'));
    const printed = captureLog();
    try {
      const first = await buildServer(loadConfig({ DATA_DIR: ownDir, PORT: '0', SEED_DEMO: 'false' }), { logger: printed.logger });
      running.push(first);
      const url = await first.start();
      const lines = printed.lines.filter((line) => line.includes('admin token'));
      expect(lines).toHaveLength(1);
      const token = /(icg_[A-Za-z0-9_-]{43})/.exec(lines[0]!)?.[1];
      expect(token).toBeDefined();

      const file = join(ownDir, 'admin-token');
      expect((await readFile(file, 'utf8')).trim()).toBe(token);
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      const page = await fetch(url, { headers: { accept: 'text/html' } });
      expect(await page.text()).toContain(`Bearer ${token}`);
      expect((await post(url, '{ images(first: 1) { totalCount } }', token!)).errors).toBeUndefined();
      await first.stop();

      printed.lines.length = 0;
      const second = await buildServer(loadConfig({ DATA_DIR: ownDir, PORT: '0', SEED_DEMO: 'false' }), { logger: printed.logger });
      running.push(second);
      const secondUrl = await second.start();
      expect(printed.lines.filter((line) => line.includes('admin token'))).toHaveLength(0);
      expect(await (await fetch(secondUrl, { headers: { accept: 'text/html' } })).text()).toContain(`Bearer ${token}`);
      const tokens = await second.orm.em.getConnection().execute('select role from api_token');
      expect(tokens).toEqual([{ role: 'ADMIN' }]);
      await second.stop();
    } finally {
      await rm(ownDir, { recursive: true, force: true });
    }
  });

  it('never pre-fills the bootstrap token in a GraphiQL page served beyond loopback', async () => {
    const printed = captureLog();
    const app = await buildServer(loadConfig({ DATA_DIR: 'memory://', HOST: '0.0.0.0', SEED_DEMO: 'false' }), { logger: printed.logger });
    running.push(app);
    const token = /(icg_[A-Za-z0-9_-]{43})/.exec(printed.lines.join('\n'))?.[1];
    expect(token).toBeDefined();
    const html = await (await app.yoga.fetch('http://localhost/graphql', { headers: { accept: 'text/html' } })).text();
    expect(html).toContain('<title>Image catalog</title>');
    expect(html).not.toContain(token!);
    await app.stop();
  });

  it('starts empty when SEED_DEMO is false', async () => {
    const { app, url } = await start({ DATA_DIR: 'memory://', SEED_DEMO: 'false' });
    const result = await post(url, '{ images(first: 1) { totalCount } regions(first: 1) { edges { cursor } } }');
    expect(result.data.images.totalCount).toBe(0);
    expect(result.data.regions.edges).toHaveLength(0);
    await app.stop();
  });
});
