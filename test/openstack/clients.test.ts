// OpenStack's own command-line clients, Debian's python3-glanceclient and python3-openstackclient,
// against the gateway over real HTTP, unchanged: each command's output is checked, and so is each
// change through GraphQL and at a subscriber of imageStatusChanged. `.ci/run` installs the clients;
// without them (a developer's machine) the test is skipped. Each command starts a Python client (a
// minute in all), and nothing here depends on the database's kind: it runs in the PostgreSQL pass
// (TEST_DATABASE_URL) only.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Project } from '../../src/db/entities/project.js';
import { Region } from '../../src/db/entities/region.js';
import { graphql } from '../gql/index.js';
import type { OpenStackWatchSubscription } from '../gql/graphql.js';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { type Catalog, createCatalog, gid, unique } from '../helpers/fixtures.js';
import { type Subscription, subscribeWs, wsClient } from '../helpers/live.js';

const run = promisify(execFile);
const installed = existsSync('/usr/bin/glance') && existsSync('/usr/bin/openstack') && process.env.TEST_DATABASE_URL !== undefined;

const Watch = graphql(`
  subscription OpenStackWatch {
    imageStatusChanged { image { id name } previousStatus status }
  }
`);
const Seen = graphql(`
  query OpenStackSeen($id: ID!) {
    node(id: $id) { ... on Image { name status visibility tags metadata { key value } minDisk members { project { id } status } } }
  }
`);

type StatusEvent = OpenStackWatchSubscription['imageStatusChanged'];

describe.skipIf(!installed)('the OpenStack clients against the gateway', () => {
  let t: TestApp;
  let graphqlUrl: string;
  let api: string;
  let home: string;
  let catalog: Catalog;
  let member: string;
  let otherProject: Project;
  let other: string;
  let source: Server;
  let sourceUrl: string;
  let watch: Subscription<OpenStackWatchSubscription>;
  const bytes = Buffer.from(Array.from({ length: 300_000 }, (_, index) => (index * 31) % 256));
  const md5 = createHash('md5').update(bytes).digest('hex');
  const prefix = unique('cli');

  /**
   * Runs a client with its standard input closed (glanceclient uploads a piped stdin), a home of
   * its own, and no OS_* settings but those given.
   */
  async function client(command: 'glance' | 'openstack', args: string[], token = member): Promise<string> {
    // glanceclient 4.1 caches the image schema in ~/.glanceclient and then trips over it.
    await rm(join(home, '.glanceclient'), { recursive: true, force: true });
    const connection = command === 'glance'
      ? ['--os-image-url', api, '--os-auth-token', token]
      : ['--os-auth-type', 'admin_token', '--os-endpoint', `${api}/v2`, '--os-token', token];
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('OS_')));
    try {
      const { stdout } = await run('sh', ['-c', 'exec "$@" 0<&-', 'sh', command, ...connection, ...args], { env: { ...env, HOME: home }, timeout: 60_000 });
      return stdout;
    } catch (error) {
      const { stdout, stderr } = error as { stdout?: string; stderr?: string };
      throw new Error(`${command} ${args.join(' ')} failed: ${stderr}${stdout}`);
    }
  }

  /** The value of `property` in glanceclient's table of properties. */
  function row(table: string, property: string): string | undefined {
    const line = table.split('\n').find((text) => new RegExp(`^\\|\\s*${property.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\|`).test(text));
    return line?.split('|')[2]?.trim();
  }

  const openstack = async (args: string[], token?: string) => JSON.parse(await client('openstack', [...args, '-f', 'json'], token));

  const seen = async (id: string, token = t.adminToken) => (await t.as(token).request(Seen, { id: gid('Image', id) })).data?.node as Record<string, any> | null;

  /** What the subscriber heard and no check has taken yet, in order. */
  const history: StatusEvent[] = [];

  /** Waits until the subscriber has heard that the image entered `status`; each event is told once. */
  async function heard(id: string, status: StatusEvent['status']): Promise<StatusEvent> {
    const matches = (change: StatusEvent) => change.image.id === gid('Image', id) && change.status === status;
    for (;;) {
      const found = history.findIndex(matches);
      if (found >= 0) return history.splice(found, 1)[0]!;
      const event = await watch.results.next(15_000).catch(() => {
        throw new Error(`the subscriber did not hear image ${id} become ${status}`);
      });
      if (event.data) history.push(event.data.imageStatusChanged);
    }
  }

  beforeAll(async () => {
    const slug = `openstack-${process.pid}`;
    t = await startTestApp({ PORT: '0', OPENSTACK_REGION: slug, IMPORT_ALLOWED_HOSTS: '127.0.0.1/32' });
    graphqlUrl = await t.app.start();
    api = `${new URL(graphqlUrl).origin}/image`;
    catalog = await createCatalog(t.app);
    const em = t.app.orm.em.fork();
    em.create(Region, { slug, name: 'RegionOne' });
    otherProject = em.create(Project, { name: unique('other'), reseller: null });
    await em.flush();
    member = await t.tokenFor({ role: 'member', projectId: catalog.project.id });
    other = await t.tokenFor({ role: 'member', projectId: otherProject.id });
    home = await mkdtemp(join(tmpdir(), 'openstack-clients-'));
    await writeFile(join(home, 'disk.raw'), bytes);
    source = createServer((_req, res) => res.writeHead(200, { 'content-length': bytes.length }).end(bytes));
    await new Promise<void>((resolve) => source.listen(0, '127.0.0.1', resolve));
    sourceUrl = `http://127.0.0.1:${(source.address() as AddressInfo).port}/disk.raw`;
    watch = subscribeWs(wsClient(graphqlUrl, t.adminToken), Watch);
  });
  afterAll(async () => {
    await watch?.close();
    source?.close();
    await t?.close();
    if (home) await rm(home, { recursive: true, force: true });
  });

  it('creates, uploads, lists, shows, changes, shares, saves, deactivates, imports (both ways) and deletes', async () => {
    const file = join(home, 'disk.raw');
    // glance: create with a file.
    const created = await client('glance', ['image-create', '--name', `${prefix}-a`, '--disk-format', 'raw', '--container-format', 'bare', '--file', file]);
    const a = row(created, 'id')!;
    expect([row(created, 'status'), row(created, 'checksum'), row(created, 'size')]).toEqual(['active', md5, String(bytes.length)]);
    expect((await heard(a, 'ACTIVE')).image.name).toBe(`${prefix}-a`);
    expect(await seen(a)).toMatchObject({ name: `${prefix}-a`, status: 'ACTIVE', visibility: 'SHARED' });

    // openstack: create with a file, a property and a tag.
    const b = await openstack(['image', 'create', '--disk-format', 'raw', '--container-format', 'bare', '--file', file, '--property', 'flavour=mint', '--tag', prefix, `${prefix}-b`]);
    // It prints the image as created, before its upload.
    expect(b).toMatchObject({ name: `${prefix}-b`, status: 'queued', tags: [prefix] });
    await heard(b.id, 'ACTIVE');
    expect(await openstack(['image', 'show', b.id])).toMatchObject({ status: 'active', checksum: md5, size: bytes.length });
    expect((await seen(b.id))!.metadata).toContainEqual({ key: 'flavour', value: 'mint' });

    // A third, queued, so that lists have more than one page.
    const c = row(await client('glance', ['image-create', '--name', `${prefix}-c`, '--tags', prefix]), 'id')!;
    await heard(c, 'QUEUED');
    await client('glance', ['image-tag-update', a, prefix]);
    expect((await seen(a))!.tags).toEqual([prefix]);

    // Lists: glance pages along `next` (one image a page here); openstack filters.
    const listed = await client('glance', ['image-list', '--tag', prefix, '--page-size', '1', '--sort-key', 'name', '--sort-dir', 'asc']);
    expect([...listed.matchAll(new RegExp(`${prefix}-[abc]`, 'g'))].map((match) => match[0])).toEqual([`${prefix}-a`, `${prefix}-b`, `${prefix}-c`]);
    const queued = await openstack(['image', 'list', '--status', 'queued', '--tag', prefix]);
    expect(queued.map((image: { Name: string }) => image.Name)).toEqual([`${prefix}-c`]);
    const byProperty = await openstack(['image', 'list', '--property', 'flavour=mint']);
    expect(byProperty.map((image: { ID: string }) => image.ID)).toEqual([b.id]);

    // Show by id and by name (openstack tries the name as an id first: a 404, then a filter).
    expect((await openstack(['image', 'show', b.id])).name).toBe(`${prefix}-b`);
    expect((await openstack(['image', 'show', `${prefix}-b`])).id).toBe(b.id);
    expect(row(await client('glance', ['image-show', a]), 'name')).toBe(`${prefix}-a`);

    // Properties set and unset, through both clients; min_disk is a core attribute.
    await client('openstack', ['image', 'set', '--property', 'colour=green', '--min-disk', '2', `${prefix}-b`]);
    await client('glance', ['image-update', '--property', 'size_class=large', b.id]);
    const changed = await openstack(['image', 'show', b.id]);
    expect(changed.properties).toMatchObject({ colour: 'green', size_class: 'large', flavour: 'mint' });
    expect(changed.min_disk).toBe(2);
    await client('openstack', ['image', 'unset', '--property', 'colour', `${prefix}-b`]);
    await client('glance', ['image-update', '--remove-property', 'size_class', b.id]);
    const after = await seen(b.id);
    expect(after).toMatchObject({ minDisk: 2 });
    expect(after!.metadata.map((item: { key: string }) => item.key)).not.toContain('colour');
    expect(after!.metadata.map((item: { key: string }) => item.key)).not.toContain('size_class');

    // Share with another project, which accepts: it then sees the image in its own lists.
    await client('openstack', ['image', 'add', 'project', `${prefix}-b`, otherProject.id]);
    const accepted = await client('glance', ['member-update', b.id, otherProject.id, 'accepted'], other);
    expect(accepted).toContain('accepted');
    expect((await seen(b.id))!.members).toEqual([{ project: { id: gid('Project', otherProject.id) }, status: 'ACCEPTED' }]);
    expect((await openstack(['image', 'list'], other)).map((image: { ID: string }) => image.ID)).toContain(b.id);

    // Save: the bytes back, compared.
    const saved = join(home, 'saved.raw');
    await client('openstack', ['image', 'save', '--file', saved, `${prefix}-b`]);
    expect((await readFile(saved)).equals(bytes)).toBe(true);
    await client('glance', ['image-download', '--file', saved, a]);
    expect((await readFile(saved)).equals(bytes)).toBe(true);

    // Deactivate and reactivate: the administrators' here.
    await client('openstack', ['image', 'set', '--deactivate', b.id], t.adminToken);
    expect((await heard(b.id, 'DEACTIVATED')).previousStatus).toBe('ACTIVE');
    expect((await seen(b.id))!.status).toBe('DEACTIVATED');
    await client('glance', ['image-reactivate', b.id], t.adminToken);
    expect((await heard(b.id, 'ACTIVE')).previousStatus).toBe('DEACTIVATED');

    // Import by web-download from a loopback source, through the URL guard and the IMPORT task.
    const imported = await client('glance', ['image-create-via-import', '--name', `${prefix}-d`, '--disk-format', 'raw', '--container-format', 'bare', '--import-method', 'web-download', '--uri', sourceUrl]);
    const d = row(imported, 'id')!;
    await heard(d, 'IMPORTING');
    await heard(d, 'ACTIVE');
    expect(row(await client('glance', ['image-show', d]), 'checksum')).toBe(md5);

    // Import by glance-direct: openstack stages the file, then imports it.
    const staged = await openstack(['image', 'create', '--import', '--disk-format', 'raw', '--container-format', 'bare', '--file', file, `${prefix}-f`]);
    expect((await heard(staged.id, 'ACTIVE')).image.name).toBe(`${prefix}-f`);
    expect((await openstack(['image', 'show', staged.id])).checksum).toBe(md5);
    await client('openstack', ['image', 'delete', staged.id]);

    // Delete through both clients: gone from every face.
    await client('openstack', ['image', 'delete', `${prefix}-b`]);
    await client('glance', ['image-delete', a, c, d]);
    for (const id of [a, b.id, c, d]) {
      expect((await heard(id, 'DELETED')).image.id).toBe(gid('Image', id));
      expect(await seen(id)).toBeNull();
    }
    expect(await openstack(['image', 'list', '--tag', prefix])).toEqual([]);
  }, 240_000);

  it("serves glanceclient's metadata definitions and tasks commands", async () => {
    const admin = (args: string[]) => client('glance', args, t.adminToken);
    const name = `${prefix}-ns`;
    expect(await admin(['md-resource-type-list'])).toContain('OS::Glance::Image');
    expect(row(await admin(['md-namespace-create', name, '--visibility', 'public', '--description', 'From the CLI']), 'description')).toBe('From the CLI');
    expect(row(await admin(['md-object-create', name, '--name', 'watchdog', '--schema', '{"properties": {"action": {"type": "string", "title": "Action"}}, "required": ["action"]}']), 'required')).toBe('["action"]');
    expect(row(await admin(['md-property-create', name, '--name', 'cores', '--title', 'Cores', '--schema', '{"type": "integer", "minimum": 1}']), 'minimum')).toBe('1');
    expect(await admin(['md-tag-create-multiple', name, '--names', 'fast,small', '--delim', ','])).toMatch(/fast[\s\S]*small/);
    expect(row(await admin(['md-resource-type-associate', name, '--name', 'OS::Glance::Image', '--prefix', 'hw_']), 'prefix')).toBe('hw_');
    // An update sends the whole namespace back, its parts included, as glanceclient read it.
    const updated = await admin(['md-namespace-update', name, '--display-name', 'CLI']);
    expect([row(updated, 'display_name'), row(updated, 'objects'), row(updated, 'tags')]).toEqual(['CLI', '["watchdog"]', '["small", "fast"]']);
    expect(await client('glance', ['md-namespace-list'])).toContain(name);
    await expect(client('glance', ['md-namespace-delete', name])).rejects.toThrow(/403/);
    await admin(['md-namespace-delete', name]);
    expect(await admin(['md-namespace-list'])).not.toContain(name);

    // Tasks: the member's own, sorted by status as task-list asks.
    const image = row(await client('glance', ['image-create', '--name', `${prefix}-tasks`, '--disk-format', 'raw', '--container-format', 'bare', '--file', join(home, 'disk.raw')]), 'id')!;
    const tasks = await client('glance', ['task-list']);
    expect(tasks).toMatch(/upload\s*\|\s*success/);
    const upload = tasks.split('\n').find((line) => /\|\s*upload\s*\|/.test(line))!.split('|')[1]!.trim();
    const shown = await client('glance', ['task-show', upload]);
    expect([row(shown, 'status'), row(shown, 'type'), row(shown, 'image_id')]).toEqual(['success', 'upload', image]);
    await client('glance', ['image-delete', image]);
  }, 120_000);

  it('says what was refused, as Glance does', async () => {
    const missing = client('openstack', ['image', 'show', `${prefix}-nothing`]);
    await expect(missing).rejects.toThrow(/No Image found for/);
    await expect(client('glance', ['image-show', '01a24fb0-0000-7000-8000-000000000000'])).rejects.toThrow(/404 Not Found/);
    const id = row(await client('glance', ['image-create', '--name', `${prefix}-e`]), 'id')!;
    await expect(client('glance', ['image-deactivate', id])).rejects.toThrow(/403 Forbidden/);
    await expect(client('glance', ['image-update', '--property', 'status=active', id])).rejects.toThrow(/read-only/);
    expect((await seen(id))!.status).toBe('QUEUED');
  }, 60_000);
});
