// The Image API v2 face over real HTTP: Glance's routes, documents, status codes and error forms,
// each change checked where it lands (the database, GraphQL), each bad request checked to change
// nothing.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Image } from '../../src/db/entities/image.js';
import { Project } from '../../src/db/entities/project.js';
import { Region } from '../../src/db/entities/region.js';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { type Catalog, createCatalog, gid, unique } from '../helpers/fixtures.js';
import { httpAnswer } from '../helpers/http-request.js';

const PATCH_TYPE = 'application/openstack-images-v2.1-json-patch';

describe('OpenStack Image API v2', () => {
  let t: TestApp;
  let api: string;
  let host: string;
  let catalog: Catalog;
  let member: string;
  let other: string;
  let otherProject: Project;
  const slug = `openstack-${process.pid}`;

  /** A request to the API as `token` (the member's by default); the answer's body parsed when JSON. */
  async function call(method: string, path: string, options: { token?: string | null; body?: unknown; type?: string; accept?: string; raw?: Buffer } = {}) {
    const token = options.token === undefined ? member : options.token;
    const headers: Record<string, string> = { ...(token && { 'x-auth-token': token }), ...(options.accept && { accept: options.accept }) };
    let body: Buffer | string | undefined = options.raw;
    if (options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined) headers['content-type'] = options.type ?? 'application/json';
    const answer = await httpAnswer(`${api}${path}`, method, headers, body);
    const json = answer.headers['content-type']?.startsWith('application/json') ? JSON.parse(answer.body) : undefined;
    return { ...answer, json };
  }

  const createAs = async (token: string, body: Record<string, unknown>) => {
    const answer = await call('POST', '/v2/images', { token, body });
    expect(answer.status, answer.body).toBe(201);
    return answer.json.id as string;
  };

  beforeAll(async () => {
    t = await startTestApp({ PORT: '0', OPENSTACK_REGION: slug });
    const origin = new URL(await t.app.start()).origin;
    host = new URL(origin).host;
    api = `${origin}/image`;
    catalog = await createCatalog(t.app);
    const em = t.app.orm.em.fork();
    em.create(Region, { slug, name: 'RegionOne' });
    otherProject = em.create(Project, { name: unique('other'), reseller: null });
    await em.flush();
    member = await t.tokenFor({ role: 'member', projectId: catalog.project.id });
    other = await t.tokenFor({ role: 'member', projectId: otherProject.id });
  });
  afterAll(() => t?.close());

  describe('discovery', () => {
    it('names its versions: 300 at the root, 200 at /versions, links built from the Host', async () => {
      for (const [path, status] of [['', 300], ['/', 300], ['/versions', 200]] as const) {
        const answer = await call('GET', path, { token: null });
        expect(answer.status).toBe(status);
        expect(answer.json.versions[0]).toEqual({ id: 'v2.15', status: 'CURRENT', links: [{ rel: 'self', href: `http://${host}/image/v2/` }] });
        expect(answer.json.versions.map((version: { id: string }) => version.id)).toContain('v2.0');
      }
    });

    it('serves the schemas clients build their options from, with our column properties', async () => {
      const image = await call('GET', '/v2/schemas/image');
      expect(image.status).toBe(200);
      expect(image.json.name).toBe('image');
      expect(image.json.properties.disk_format.enum).toContain('qcow2');
      expect(image.json.properties.hw_disk_bus.type).toBe('string');
      expect(image.json.additionalProperties.type).toBe('string');
      // No `stores` property: glanceclient 4.1 would then refuse to start (its --stores option).
      expect(image.json.properties.stores).toBeUndefined();
      for (const name of ['images', 'member', 'members']) expect((await call('GET', `/v2/schemas/${name}`)).json.name).toBe(name);
      // The metadata definitions' schemas, as Glance serves them (glanceclient and tempest read them).
      expect((await call('GET', '/v2/schemas/metadefs/namespace')).json.name).toBe('namespace');
      expect((await call('GET', '/v2/schemas/metadefs/resource_types')).json.name).toBe('resource_type_associations');
      expect((await call('GET', '/v2/schemas/nothing')).status).toBe(404);
    });

    it('tells its import methods, and that it is one store', async () => {
      expect((await call('GET', '/v2/info/import')).json['import-methods'].value).toEqual(['glance-direct', 'web-download', 'copy-image']);
      expect((await call('GET', '/v2/info/stores')).status).toBe(404);
    });
  });

  describe('identity', () => {
    it('refuses a request without a valid token with 401, and answers each with a request id', async () => {
      for (const token of [null, 'not-a-token']) {
        const answer = await call('GET', '/v2/images', { token });
        expect(answer.status).toBe(401);
        expect(answer.headers['x-openstack-request-id']).toMatch(/^req-[0-9a-f-]{36}$/);
      }
    });

    it('takes a Bearer token as well as X-Auth-Token', async () => {
      const answer = await httpAnswer(`${api}/v2/images`, 'GET', { authorization: `Bearer ${member}` });
      expect(answer.status).toBe(200);
    });
  });

  describe('create and show', () => {
    it('creates a shared, queued image in its region, with Location and the import methods', async () => {
      const answer = await call('POST', '/v2/images', {
        body: { name: unique('os'), disk_format: 'qcow2', container_format: 'bare', tags: ['a', 'a', 'b'], min_ram: 512, hw_disk_bus: 'virtio', flavour: 'vanilla' },
      });
      expect(answer.status, answer.body).toBe(201);
      const image = answer.json;
      expect(answer.headers.location).toBe(`http://${host}/image/v2/images/${image.id}`);
      expect(answer.headers['openstack-image-import-methods']).toBe('glance-direct,web-download,copy-image');
      expect(image).toMatchObject({
        // A project id as Keystone writes it: 32 hex digits.
        status: 'queued', visibility: 'shared', protected: false, os_hidden: false, owner: catalog.project.id.replace(/-/g, ''), checksum: null,
        size: null, disk_format: 'qcow2', container_format: 'bare', tags: ['a', 'b'], min_ram: 512, min_disk: 0,
        hw_disk_bus: 'virtio', flavour: 'vanilla', self: `/v2/images/${image.id}`, file: `/v2/images/${image.id}/file`, schema: '/v2/schemas/image',
      });
      expect(image.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      // The same image through GraphQL: the column is the column, the property an item.
      const row = await t.app.orm.em.fork().findOneOrFail(Image, { id: image.id }, { populate: ['region'] });
      expect(row.region.slug).toBe(slug);
      expect(row.hwDiskBus).toBe('VIRTIO');
      const seen = await t.requestRaw('query ($id: ID!) { node(id: $id) { ... on Image { status visibility metadata { key value } } } }', { id: gid('Image', image.id) });
      expect(seen.data?.node).toEqual({ status: 'QUEUED', visibility: 'SHARED', metadata: [{ key: 'flavour', value: 'vanilla' }] });
      expect((await call('GET', `/v2/images/${image.id}`)).json).toEqual(image);
    });

    it('takes a chosen id, and names an image created without a name after its id', async () => {
      const chosen = '01a24fb0-1111-7000-8000-000000000001';
      const created = await call('POST', '/v2/images', { body: { id: chosen, disk_format: 'raw' } });
      expect(created.status, created.body).toBe(201);
      expect(created.json).toMatchObject({ id: chosen, name: chosen });
      expect((await call('DELETE', `/v2/images/${chosen}`)).status).toBe(204);
      // An id is never given twice, not even once its image is deleted.
      const again = await call('POST', '/v2/images', { body: { id: chosen, name: unique('again') } });
      expect([again.status, again.body]).toEqual([409, expect.stringContaining('exists, or existed')]);
      expect((await call('POST', '/v2/images', { body: { id: 'mine' } })).status).toBe(400);
    });

    it('refuses what Glance refuses, and creates nothing', async () => {
      const before = await t.snapshot('image', 'image_metadata');
      const refusals: [Record<string, unknown>, number, RegExp][] = [
        [{ name: 'x', status: 'active' }, 403, /Attribute 'status' is read-only/],
        [{ name: 'x', checksum: 'abc' }, 403, /read-only/],
        [{ name: 'x', locations: [] }, 403, /Attribute 'locations' is reserved/],
        [{ name: 'x', deleted: 'true' }, 403, /reserved/],
        [{ name: 'x', os_glance_importing_to_stores: 'a' }, 403, /Attribute 'os_glance_importing_to_stores' is reserved/],
        [{ name: 'x', flavour: 3 }, 400, /not of type 'string'/],
        [{ name: 'x', disk_format: 'floppy' }, 400, /disk_format/],
        [{ name: 'x', visibility: 'public' }, 403, /administrators/],
        [{ name: 'x', min_ram: -1 }, 400, /minRam/],
        [{ name: 'x', owner: otherProject.id }, 403, /owner/],
        [{ name: 'x', hw_disk_bus: 'floppy' }, 400, /hw_disk_bus/],
      ];
      for (const [body, status, message] of refusals) {
        const answer = await call('POST', '/v2/images', { body });
        expect([answer.status, answer.body], JSON.stringify(body)).toEqual([status, expect.stringMatching(message)]);
      }
      expect((await call('POST', '/v2/images', { raw: Buffer.from('{"name":') })).status).toBe(400);
      expect((await call('POST', '/v2/images', { body: ['name'] })).status).toBe(400);
      expect(await t.snapshot('image', 'image_metadata')).toEqual(before);
    });

    it('answers 404 for an id that is no uuid, unknown, or another project\'s private image', async () => {
      const hidden = await createAs(other, { name: unique('private'), visibility: 'private' });
      for (const id of ['not-a-uuid', '01a24fb0-0000-7000-8000-000000000000', hidden]) {
        const answer = await call('GET', `/v2/images/${id}`, { accept: '*/*' });
        expect(answer.status).toBe(404);
        // glanceclient reads webob's HTML form; openstacksdk's JSON one.
        expect(answer.headers['content-type']).toBe('text/html; charset=UTF-8');
        expect(answer.body).toContain(`No image found with ID ${id}`);
      }
      const json = await call('GET', `/v2/images/${hidden}`, { accept: 'application/json' });
      expect(json.json).toEqual({ message: `No image found with ID ${hidden}<br /><br />\n\n\n`, code: '404 Not Found', title: 'Not Found' });
    });
  });

  describe('list', () => {
    let names: string[];
    const prefix = unique('list');

    beforeAll(async () => {
      names = [];
      for (let index = 0; index < 7; index++) {
        const name = `${prefix}-${index}`;
        names.push(name);
        await createAs(member, { name, disk_format: index % 2 ? 'raw' : 'qcow2', container_format: 'bare', tags: index < 3 ? ['small'] : [], ...(index === 4 && { os_distro: 'debian', flavour: 'pistachio' }) });
      }
    });

    /** Every page from `path` on, following `next` as clients do. */
    async function pages(path: string) {
      const seen: string[][] = [];
      let next: string | undefined = path;
      while (next) {
        const answer = await call('GET', next);
        expect(answer.status, answer.body).toBe(200);
        seen.push(answer.json.images.map((image: { name: string }) => image.name));
        expect(answer.json.schema).toBe('/v2/schemas/images');
        next = answer.json.next;
      }
      return seen;
    }

    it('pages by limit and marker along next, in every order, without loss or repeat', async () => {
      const filter = `name=in:${names.join(',')}`;
      expect(await pages(`/v2/images?${filter}&limit=3&sort_key=name&sort_dir=asc`)).toEqual([names.slice(0, 3), names.slice(3, 6), names.slice(6)]);
      expect((await pages(`/v2/images?${filter}&limit=4&sort=name:desc`)).flat()).toEqual([...names].reverse());
      // The default order: the newest first.
      expect((await pages(`/v2/images?${filter}&limit=5`)).flat()).toEqual([...names].reverse());
      expect((await pages(`/v2/images?${filter}&limit=2&sort=status:asc,name:asc`)).flat()).toEqual(names);
    });

    it('filters as Glance does', async () => {
      const listed = async (query: string) => (await pages(`/v2/images?${query}`)).flat().filter((name) => name.startsWith(prefix));
      expect(await listed(`name=${names[2]}`)).toEqual([names[2]]);
      expect(await listed(`name=in:"${names[1]}",${names[5]}&sort_key=name&sort_dir=asc`)).toEqual([names[1], names[5]]);
      expect(await listed('tag=small&sort=name:asc')).toEqual(names.slice(0, 3));
      expect(await listed('disk_format=raw&sort=name:asc')).toEqual([names[1], names[3], names[5]]);
      expect(await listed('os_distro=debian')).toEqual([names[4]]);
      expect(await listed('flavour=pistachio')).toEqual([names[4]]);
      expect(await listed('status=queued&sort=name:asc')).toEqual(names);
      expect(await listed('status=active')).toEqual([]);
      expect(await listed(`created_at=gt:2000-01-01T00:00:00Z&name=${names[0]}`)).toEqual([names[0]]);
      expect(await listed(`created_at=lt:2000-01-01T00:00:00Z&name=${names[0]}`)).toEqual([]);
      expect(await listed('visibility=private')).toEqual([]);
      expect(await listed(`owner=${otherProject.id}`)).toEqual([]);
      // An owner that is no project id matches nothing, whatever else the query names.
      const first = (await call('GET', `/v2/images?name=${names[0]}`)).json.images[0].id;
      expect(await listed(`owner=nobody&id=${first}`)).toEqual([]);
      expect((await listed(`owner=${catalog.project.id.replace(/-/g, '')}`)).length).toBe(names.length);
    });

    it('refuses a bad parameter with 400', async () => {
      const refusals: [string, RegExp][] = [
        ['limit=abc', /limit param must be an integer/],
        ['limit=-1', /limit param must be positive/],
        ['marker=01a24fb0-0000-7000-8000-000000000000', /No image found with ID/],
        ['sort_key=owner', /Invalid sort key: owner/],
        ['sort_dir=sideways', /Invalid sort direction: sideways/],
        ['sort=name:asc&sort_key=name', /cannot be combined/],
        ['visibility=everyone', /Invalid visibility value/],
        ['member_status=maybe', /Invalid status/],
        ['protected=yes', /Valid values are 'true' or 'false'/],
        ['name=ubuntu:22.04', /unknown operator 'ubuntu'/],
        ['created_at=soon:2020-01-01', /unknown operator/],
        ['created_at=gt:yesterday', /ISO 8601/],
        ['size_min=big', /non-numeric/],
        ['size=big', /Invalid size value: big/],
        ['status=lost', /Invalid status value/],
      ];
      for (const [query, message] of refusals) {
        const answer = await call('GET', `/v2/images?${query}`);
        expect([answer.status, answer.body], query).toEqual([400, expect.stringMatching(message)]);
      }
      expect((await call('GET', '/v2/images?limit=0')).json.images).toEqual([]);
    });
  });

  describe('update (JSON-Patch)', () => {
    it('adds, replaces and removes attributes and properties, in one change', async () => {
      const id = await createAs(member, { name: unique('patch'), disk_format: 'raw', container_format: 'bare', k1: 'v1' });
      const answer = await call('PATCH', `/v2/images/${id}`, {
        type: PATCH_TYPE,
        body: [
          { op: 'replace', path: '/min_ram', value: 64 },
          { op: 'add', path: '/k2', value: 'v2' },
          { op: 'replace', path: '/k1', value: 'one' },
          { op: 'add', path: '/os_distro', value: 'ubuntu' },
          { op: 'add', path: '/tags', value: ['x', 'y'] },
          { op: 'add', path: '/a~1b', value: 'slash' },
          { op: 'replace', path: '/protected', value: true },
        ],
      });
      expect(answer.status, answer.body).toBe(200);
      expect(answer.json).toMatchObject({ min_ram: 64, k1: 'one', k2: 'v2', os_distro: 'ubuntu', tags: ['x', 'y'], 'a/b': 'slash', protected: true });
      const removed = await call('PATCH', `/v2/images/${id}`, { type: PATCH_TYPE, body: [{ op: 'remove', path: '/k1' }, { op: 'remove', path: '/os_distro' }] });
      expect(removed.json.k1).toBeUndefined();
      expect(removed.json.os_distro).toBeUndefined();
      expect((await t.app.orm.em.fork().findOneOrFail(Image, { id })).osDistro).toBeNull();
      // A protected image takes changes; only its deletion is refused.
      const deleted = await call('DELETE', `/v2/images/${id}`);
      expect([deleted.status, deleted.body]).toEqual([403, expect.stringContaining('protected')]);
    });

    it('refuses a bad patch whole: nothing of it is kept', async () => {
      const id = await createAs(member, { name: unique('patch'), k1: 'v1' });
      const before = await t.snapshot('image', 'image_metadata');
      const refusals: [unknown, number, RegExp, string?][] = [
        [[{ op: 'add', path: '/k2', value: 'v2' }, { op: 'replace', path: '/missing', value: 'x' }], 409, /Property missing does not exist/],
        [[{ op: 'add', path: '/k2', value: 'v2' }, { op: 'remove', path: '/name' }], 403, /Property name may not be removed/],
        [[{ op: 'replace', path: '/status', value: 'active' }], 403, /Attribute 'status' is read-only/],
        [[{ op: 'add', path: '/locations', value: [] }], 403, /reserved/],
        [[{ op: 'remove', path: '/nothing' }], 409, /does not exist/],
        [[{ op: 'move', path: '/k1', from: '/k2' }], 400, /Invalid operation/],
        [[{ op: 'add', path: '/a/b', value: 'x' }], 400, /Invalid JSON pointer/],
        [[{ op: 'add', path: '/k3' }], 400, /requires a member named "value"/],
        [[{ op: 'add', path: '/k3', value: 7 }], 400, /not of type 'string'/],
        [[{ op: 'replace', path: '/min_disk', value: 'big' }], 400, /min_disk/],
        [[{ op: 'replace', path: '/visibility', value: 'public' }], 403, /administrators/],
        [{ op: 'add' }, 400, /JSON array/],
        [[{ op: 'add', path: '/k2', value: 'v2' }], 415, /not supported/, 'application/json'],
      ];
      for (const [body, status, message, type] of refusals) {
        const answer = await call('PATCH', `/v2/images/${id}`, { body, type: type ?? PATCH_TYPE });
        expect([answer.status, answer.body], JSON.stringify(body)).toEqual([status, expect.stringMatching(message)]);
      }
      expect((await call('PATCH', `/v2/images/${id}`, { body: [], type: 'application/json' })).headers['accept-patch']).toContain(PATCH_TYPE);
      const draft4 = 'application/openstack-images-v2.0-json-patch';
      const draft4Refusals: [unknown, number, RegExp][] = [
        [[{ add: '/k1', value: 'again' }], 409, /Property k1 already present/],
        [[{ add: '/k1', replace: '/k1', value: 'x' }], 400, /exactly one member/],
        [[{ replace: '/os_glance_x', value: 'x' }], 403, /reserved/],
      ];
      for (const [body, status, message] of draft4Refusals) {
        const answer = await call('PATCH', `/v2/images/${id}`, { body, type: draft4 });
        expect([answer.status, answer.body], JSON.stringify(body)).toEqual([status, expect.stringMatching(message)]);
      }
      // A project the image is not shared with does not see it.
      expect((await call('PATCH', `/v2/images/${id}`, { token: other, body: [{ op: 'add', path: '/k9', value: 'x' }], type: PATCH_TYPE })).status).toBe(404);
      expect(await t.snapshot('image', 'image_metadata')).toEqual(before);
    });
  });

  it('takes the v2.0 form of a patch, which tempest sends', async () => {
    const id = await createAs(member, { name: unique('draft4'), k1: 'v1' });
    const answer = await call('PATCH', `/v2/images/${id}`, {
      type: 'application/openstack-images-v2.0-json-patch',
      body: [{ replace: '/k1', value: 'one' }, { add: '/k2', value: 'two' }, { replace: '/protected', value: true }],
    });
    expect(answer.status, answer.body).toBe(200);
    expect(answer.json).toMatchObject({ k1: 'one', k2: 'two', protected: true });
  });

  it("takes names every object inherits as plain names: properties, filters, routes", async () => {
    for (const name of ['constructor', '__proto__', 'toString']) expect((await call('GET', `/v2/schemas/${name}`)).status).toBe(404);
    expect((await call('GET', '/v2/images?sort_key=constructor')).status).toBe(400);
    expect((await call('GET', '/v2/images?constructor=x&toString=y')).json.images).toEqual([]);
    const created = await call('POST', '/v2/images', { raw: Buffer.from(`{"name":"${unique('proto')}","constructor":"a","__proto__":"b"}`), type: 'application/json' });
    expect(created.status, created.body).toBe(201);
    expect([created.json.constructor, Object.getOwnPropertyDescriptor(created.json, '__proto__')?.value]).toEqual(['a', 'b']);
    const patched = await call('PATCH', `/v2/images/${created.json.id}`, { type: PATCH_TYPE, body: [{ op: 'add', path: '/toString', value: 'c' }, { op: 'remove', path: '/constructor' }] });
    expect(patched.status, patched.body).toBe(200);
    expect([patched.json.toString, Object.hasOwn(patched.json, 'constructor')]).toEqual(['c', false]);
  });

  describe('tags, members, actions, deletion', () => {
    it('adds and removes tags; removing one the image lacks is 404', async () => {
      const id = await createAs(member, { name: unique('tags') });
      expect((await call('PUT', `/v2/images/${id}/tags/blue`)).status).toBe(204);
      expect((await call('PUT', `/v2/images/${id}/tags/blue`)).status).toBe(204);
      expect((await call('GET', `/v2/images/${id}`)).json.tags).toEqual(['blue']);
      expect((await call('DELETE', `/v2/images/${id}/tags/blue`)).status).toBe(204);
      expect((await call('DELETE', `/v2/images/${id}/tags/blue`)).status).toBe(404);
      // A project the image is not shared with does not see it.
      expect((await call('PUT', `/v2/images/${id}/tags/blue`, { token: other })).status).toBe(404);
    });

    it('shares a shared image: the owner offers, the member answers, the owner withdraws', async () => {
      const id = await createAs(member, { name: unique('members') });
      // Named as Keystone writes a project id; the uuid form is taken too.
      const keystoneForm = otherProject.id.replace(/-/g, '');
      const offered = await call('POST', `/v2/images/${id}/members`, { body: { member: keystoneForm } });
      expect(offered.status, offered.body).toBe(200);
      expect(offered.json).toMatchObject({ member_id: keystoneForm, image_id: id, status: 'pending', schema: '/v2/schemas/member' });
      expect((await call('POST', `/v2/images/${id}/members`, { body: { member: otherProject.id } })).status).toBe(409);
      // The owner may not answer for the member; the member may.
      expect((await call('PUT', `/v2/images/${id}/members/${otherProject.id}`, { body: { status: 'accepted' } })).status).toBe(403);
      const accepted = await call('PUT', `/v2/images/${id}/members/${otherProject.id}`, { token: other, body: { status: 'accepted' } });
      expect(accepted.json.status).toBe('accepted');
      expect((await call('PUT', `/v2/images/${id}/members/${otherProject.id}`, { token: other, body: { status: 'Accepted' } })).status).toBe(400);
      expect((await call('PUT', `/v2/images/${id}/members/${otherProject.id}`, { token: other, body: {} })).body).toContain('Status not specified');
      expect((await call('GET', `/v2/images/${id}/members`)).json.members.map((m: { status: string }) => m.status)).toEqual(['accepted']);
      expect((await call('GET', `/v2/images/${id}/members/${keystoneForm}`, { token: other })).json.status).toBe('accepted');
      // Now listed for the member project, which may read it but not change it.
      expect((await call('GET', `/v2/images?id=${id}`, { token: other })).json.images).toHaveLength(1);
      expect((await call('PUT', `/v2/images/${id}/tags/red`, { token: other })).status).toBe(403);
      expect((await call('PATCH', `/v2/images/${id}`, { token: other, type: PATCH_TYPE, body: [{ op: 'add', path: '/k', value: 'v' }] })).status).toBe(403);
      expect((await call('DELETE', `/v2/images/${id}/members/${otherProject.id}`, { token: other })).status).toBe(403);
      expect((await call('DELETE', `/v2/images/${id}/members/${otherProject.id}`)).status).toBe(204);
      expect((await call('GET', `/v2/images/${id}/members/${otherProject.id}`)).status).toBe(404);
      expect((await call('POST', `/v2/images/${id}/members`, { body: {} })).body).toContain('Member to be added not specified');
      const privateId = await createAs(member, { name: unique('private'), visibility: 'private' });
      expect((await call('POST', `/v2/images/${privateId}/members`, { body: { member: otherProject.id } })).status).toBe(403);
      expect((await call('GET', `/v2/images/${privateId}/members`)).status).toBe(403);
    });

    it('takes bytes and gives them back, with Content-MD5; an image without data answers 204', async () => {
      const id = await createAs(member, { name: unique('file'), disk_format: 'raw', container_format: 'bare' });
      expect((await call('GET', `/v2/images/${id}/file`)).status).toBe(204);
      const bytes = Buffer.alloc(100_000, 7);
      expect((await call('PUT', `/v2/images/${id}/file`, { raw: bytes, type: 'text/plain' })).status).toBe(415);
      expect((await call('PUT', `/v2/images/${id}/file`, { raw: bytes, type: 'application/octet-stream' })).status).toBe(204);
      const md5 = createHash('md5').update(bytes).digest('hex');
      expect((await call('GET', `/v2/images/${id}`)).json).toMatchObject({ status: 'active', size: bytes.length, checksum: md5, os_hash_algo: 'sha512' });
      const download = await call('GET', `/v2/images/${id}/file`);
      expect([download.status, download.headers['content-md5'], download.raw.equals(bytes)]).toEqual([200, md5, true]);
      // An exact size filters, as Glance filters on any attribute.
      expect((await call('GET', `/v2/images?id=${id}&size=${bytes.length}`)).json.images.map((image: { id: string }) => image.id)).toEqual([id]);
      expect((await call('GET', `/v2/images?id=${id}&size=${bytes.length + 1}`)).json.images).toEqual([]);
      // Every bound holds, whatever their order.
      expect((await call('GET', `/v2/images?id=${id}&size=${bytes.length}&size_min=${bytes.length + 1}`)).json.images).toEqual([]);
      expect((await call('GET', `/v2/images?id=${id}&size_max=${bytes.length - 1}&size=${bytes.length}`)).json.images).toEqual([]);
      expect((await call('GET', `/v2/images?id=${id}&size_min=1&size=${bytes.length}`)).json.images).toHaveLength(1);
      expect((await call('PUT', `/v2/images/${id}/file`, { raw: bytes, type: 'application/octet-stream' })).status).toBe(409);

      // Deactivation is the administrators' here; a deactivated image's bytes are theirs alone too.
      expect((await call('POST', `/v2/images/${id}/actions/deactivate`)).status).toBe(403);
      expect((await call('POST', `/v2/images/${id}/actions/deactivate`, { token: t.adminToken })).status).toBe(204);
      expect((await call('GET', `/v2/images/${id}`)).json.status).toBe('deactivated');
      expect((await call('GET', `/v2/images/${id}/file`)).status).toBe(403);
      expect((await call('GET', `/v2/images/${id}/file`, { token: t.adminToken })).status).toBe(200);
      expect((await call('POST', `/v2/images/${id}/actions/reactivate`, { token: t.adminToken })).status).toBe(204);
      expect((await call('POST', `/v2/images/${id}/actions/reactivate`, { token: t.adminToken })).status).toBe(204);

      const queued = await createAs(member, { name: unique('queued') });
      const refused = await call('POST', `/v2/images/${queued}/actions/deactivate`, { token: t.adminToken });
      expect([refused.status, refused.body]).toEqual([403, expect.stringContaining("Not allowed to deactivate image in status 'queued'")]);

      expect((await call('DELETE', `/v2/images/${id}`)).status).toBe(204);
      expect((await call('GET', `/v2/images/${id}`)).status).toBe(404);
      expect((await call('DELETE', `/v2/images/${id}`)).status).toBe(404);
    });

    it('labels its requests in the metrics by route, never by id', async () => {
      const id = await createAs(member, { name: unique('labels'), disk_format: 'raw', container_format: 'bare' });
      for (const [method, path] of [['GET', ''], ['GET', '/versions'], ['GET', `/v2/images/${id}/file`], ['GET', `/v2/images/${id}/members/${otherProject.id}`], ['DELETE', `/v2/images/${id}/tags/x`], ['POST', `/v2/images/${id}/actions/deactivate`], ['GET', `/v2/images/${id}/tasks`], ['GET', '/v2/tasks']] as const) {
        await call(method, path);
      }
      const metrics = (await httpAnswer(`${api.replace(/\/image$/, '')}/metrics`)).body;
      const routes = new Set([...metrics.matchAll(/route="([^"]*)"/g)].map((match) => match[1]));
      for (const route of ['/image', '/image/versions', '/image/v2/images', '/image/v2/images/:id', '/image/v2/images/:id/file', '/image/v2/images/:id/members/:member', '/image/v2/images/:id/tags/:tag', '/image/v2/images/:id/actions/deactivate', '/image/v2/images/:id/tasks', '/image/v2/tasks']) {
        expect(routes, route).toContain(route);
      }
      expect([...routes].some((route) => /[0-9a-f]{8}-/.test(route!))).toBe(false);
    });

    it('stages bytes, then imports them by glance-direct', async () => {
      const id = await createAs(member, { name: unique('staged'), disk_format: 'raw', container_format: 'bare' });
      const early = await call('POST', `/v2/images/${id}/import`, { body: { method: { name: 'glance-direct' } } });
      expect([early.status, early.body]).toEqual([409, expect.stringContaining('needs to be staged')]);
      const bytes = Buffer.alloc(70_000, 3);
      expect((await call('PUT', `/v2/images/${id}/stage`, { raw: bytes, type: 'text/plain' })).status).toBe(415);
      expect((await call('PUT', `/v2/images/${id}/stage`, { raw: bytes, type: 'application/octet-stream' })).status).toBe(204);
      const staged = await call('GET', `/v2/images/${id}`);
      expect(staged.json).toMatchObject({ status: 'uploading', size: bytes.length, checksum: createHash('md5').update(bytes).digest('hex') });
      // Not the image's data yet.
      expect((await call('GET', `/v2/images/${id}/file`)).status).toBe(204);
      expect((await call('PUT', `/v2/images/${id}/stage`, { raw: bytes, type: 'application/octet-stream' })).status).toBe(409);
      const seen = await t.requestRaw('query ($id: ID!) { node(id: $id) { ... on Image { status } } }', { id: gid('Image', id) });
      expect(seen.data?.node).toEqual({ status: 'UPLOADING' });
      expect((await call('POST', `/v2/images/${id}/import`, { body: { method: { name: 'copy-image' } } })).status).toBe(400);
      expect((await call('POST', `/v2/images/${id}/import`, { body: { method: { name: 'glance-direct' } } })).status).toBe(202);
      expect((await call('GET', `/v2/images/${id}`)).json.status).toBe('active');
      expect((await call('GET', `/v2/images/${id}/file`)).raw.equals(bytes)).toBe(true);
      expect((await call('POST', `/v2/images/${id}/import`, { body: { method: { name: 'glance-direct' } } })).status).toBe(409);
    });

    it("lists an image's tasks, and the caller's tasks, as Glance's tasks API does", async () => {
      const id = await createAs(member, { name: unique('tasks'), disk_format: 'raw', container_format: 'bare' });
      expect((await call('PUT', `/v2/images/${id}/file`, { raw: Buffer.alloc(1000, 5), type: 'application/octet-stream' })).status).toBe(204);
      const ofImage = await call('GET', `/v2/images/${id}/tasks`);
      expect(ofImage.status).toBe(200);
      // Its creation, then its upload, oldest first.
      expect(ofImage.json.tasks.map((task: { type: string }) => task.type)).toEqual(['create', 'upload']);
      const upload = ofImage.json.tasks[1];
      expect(upload).toMatchObject({ type: 'upload', status: 'success', image_id: id, owner: catalog.project.id.replace(/-/g, ''), result: { image_id: id }, self: `/v2/tasks/${upload.id}`, schema: '/v2/schemas/task' });
      expect(upload.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      expect((await call('GET', `/v2/tasks/${upload.id}`)).json).toEqual(upload);
      // The list shows stubs, newest first, and pages along next.
      const listed = await call('GET', '/v2/tasks?limit=1&type=upload');
      expect(listed.json.tasks).toEqual([{ id: upload.id, type: 'upload', status: 'success', owner: upload.owner, image_id: id, created_at: upload.created_at, updated_at: upload.updated_at, self: upload.self, schema: upload.schema }]);
      expect(listed.json).toMatchObject({ first: '/v2/tasks?limit=1&type=upload', schema: '/v2/schemas/tasks' });
      // The member's newest task is the upload; its others (this image's creation among them) follow it.
      const newest = await call('GET', '/v2/tasks?limit=1');
      expect([newest.json.tasks[0].id, newest.json.next]).toEqual([upload.id, `/v2/tasks?limit=1&marker=${upload.id}`]);
      const following = await call('GET', `/v2/tasks?limit=500&marker=${upload.id}`);
      expect(following.json.tasks.map((task: { id: string }) => task.id)).toContain(ofImage.json.tasks[0].id);
      expect(following.json.tasks.map((task: { id: string }) => task.id)).not.toContain(upload.id);
      expect((await call('GET', '/v2/tasks?status=failure')).json.tasks.map((task: { id: string }) => task.id)).not.toContain(upload.id);
      // glanceclient's task-list sorts by status; type and updated_at sort too, and page.
      for (const key of ['status', 'type', 'updated_at']) {
        const sorted = await call('GET', `/v2/tasks?sort_key=${key}&sort_dir=asc&limit=500`);
        const values: string[] = sorted.json.tasks.map((task: Record<string, string>) => task[key]);
        // Sorted by our column's values: each value's tasks together (updated_at's in order too).
        const runs = values.filter((value, index) => index === 0 || value !== values[index - 1]);
        expect(runs, key).toEqual([...new Set(values)]);
        if (key === 'updated_at') expect(values).toEqual([...values].sort());
        // The image's creation and its upload: two types at least, so the grouping is tested.
        if (key === 'type') expect(new Set(values).size).toBeGreaterThan(1);
        const [first, second] = sorted.json.tasks;
        const paged = await call('GET', `/v2/tasks?sort_key=${key}&sort_dir=asc&limit=1&marker=${first.id}`);
        expect(paged.json.tasks.map((task: { id: string }) => task.id), key).toEqual(second ? [second.id] : []);
      }
      // Another project sees neither the image's tasks nor the task.
      expect((await call('GET', `/v2/images/${id}/tasks`, { token: other })).status).toBe(404);
      expect((await call('GET', `/v2/tasks/${upload.id}`, { token: other })).status).toBe(404);
      expect((await call('GET', '/v2/tasks?limit=500', { token: other })).json.tasks.map((task: { id: string }) => task.id)).not.toContain(upload.id);
      expect((await call('GET', `/v2/tasks/${upload.id}`, { token: t.adminToken })).status).toBe(200);
      for (const [query, message] of [['limit=x', /integer/], ['sort_key=owner', /Invalid sort key/], ['sort_dir=up', /Invalid sort direction/], ['type=nap', /Invalid type value/], ['status=done', /Invalid status value/], ['marker=nope', /not found/]] as const) {
        const refused = await call('GET', `/v2/tasks?${query}`);
        expect([refused.status, refused.body], query).toEqual([400, expect.stringMatching(message)]);
      }
      expect((await call('POST', '/v2/tasks', { body: { type: 'import', input: {} } })).status).toBe(405);
      expect((await call('GET', '/v2/tasks/not-a-task')).status).toBe(404);
      for (const name of ['task', 'tasks']) expect((await call('GET', `/v2/schemas/${name}`)).json.name).toBe(name);
    });

    it('copies an image into other regions by copy-image, the stores being regions', async () => {
      const id = await createAs(member, { name: unique('copy'), disk_format: 'raw', container_format: 'bare' });
      const bytes = Buffer.alloc(3000, 9);
      expect((await call('PUT', `/v2/images/${id}/file`, { raw: bytes, type: 'application/octet-stream' })).status).toBe(204);
      expect((await call('GET', '/v2/info/import')).json['import-methods'].value).toContain('copy-image');
      // This image's rows and its replicas' (other tests' tasks may still be beating meanwhile).
      const rowsOf = async (of: string) => (await t.snapshot('image', 'task')).map((rows) =>
        (rows as { id: string; image_id?: string; replica_of_id?: string | null }[]).filter((row) => row.id === of || row.image_id === of || row.replica_of_id === of));
      const before = await rowsOf(id);
      for (const [body, message] of [
        [{ method: { name: 'copy-image' } }, /needs 'stores'/],
        [{ method: { name: 'copy-image' }, stores: [] }, /needs 'stores'/],
        [{ method: { name: 'copy-image' }, stores: [catalog.region.slug, 'atlantis'] }, /Unknown store atlantis/],
        [{ method: { name: 'copy-image' }, stores: [slug] }, /the region the image is in already/],
        [{ method: { name: 'copy-image' }, all_stores: 'yes' }, /boolean/],
        [{ method: { name: 'copy-image' }, stores: ['nul\u0000'] }, /Unknown store/],
      ] as const) {
        const refused = await call('POST', `/v2/images/${id}/import`, { body });
        expect([refused.status, refused.body]).toEqual([400, expect.stringMatching(message)]);
      }
      expect(await rowsOf(id)).toEqual(before);
      // A store named twice is one copy.
      expect((await call('POST', `/v2/images/${id}/import`, { body: { method: { name: 'copy-image' }, stores: [catalog.region.slug, catalog.region.slug] } })).status).toBe(202);
      const replicas = async (of: string) => {
        const seen = await t.requestRaw('query ($id: ID!) { node(id: $id) { ... on Image { replicas { status region { slug } } } } }', { id: gid('Image', of) });
        return (seen.data?.node as { replicas: { status: string; region: { slug: string } }[] }).replicas;
      };
      const settled = async (of: string) => {
        for (let tries = 0; (await replicas(of)).some((replica) => replica.status !== 'ACTIVE') && tries < 100; tries++) await new Promise((resolve) => setTimeout(resolve, 50));
        return replicas(of);
      };
      expect(await settled(id)).toEqual([{ status: 'ACTIVE', region: { slug: catalog.region.slug } }]);
      // A second copy into that region collides with the first (names are unique per owner and
      // region), and then no other region named with it gets a copy either.
      const collided = await rowsOf(id);
      expect((await call('POST', `/v2/images/${id}/import`, { body: { method: { name: 'copy-image' }, stores: [catalog.otherRegion.slug, catalog.region.slug] } })).status).toBe(409);
      expect(await rowsOf(id)).toEqual(collided);

      // all_stores: every region but the image's own.
      const everywhere = await createAs(member, { name: unique('copy-all'), disk_format: 'raw', container_format: 'bare' });
      expect((await call('PUT', `/v2/images/${everywhere}/file`, { raw: bytes, type: 'application/octet-stream' })).status).toBe(204);
      expect((await call('POST', `/v2/images/${everywhere}/import`, { body: { method: { name: 'copy-image' }, all_stores: true } })).status).toBe(202);
      const regions = await t.app.orm.em.fork().find(Region, { slug: { $ne: slug } });
      expect((await settled(everywhere)).map((replica) => replica.region.slug).sort()).toEqual(regions.map((region) => region.slug).sort());
    });

    it('refuses a web-download before fetching anything, and starts no task', async () => {
      const id = await createAs(member, { name: unique('download'), disk_format: 'raw', container_format: 'bare' });
      const before = await t.snapshot('task', 'image');
      const refusals: [string | null, unknown, number, RegExp][] = [
        [member, { method: { name: 'web-download' } }, 400, /requires a 'uri'/],
        [member, { method: { name: 'web-download', uri: 'not a url' } }, 400, /uri/],
        [member, { method: { name: 'web-download', uri: 'file:///etc/passwd' } }, 400, /uri/],
        // A link-local literal: the guard refuses it without connecting.
        [member, { method: { name: 'web-download', uri: 'http://169.254.169.254/latest/meta-data' } }, 400, /./],
        [member, {}, 400, /method/],
        // A project that cannot see the image: not found, and the URL is never asked for.
        [other, { method: { name: 'web-download', uri: 'http://127.0.0.1:9/never' } }, 404, /No image found|not found/],
      ];
      for (const [token, body, status, message] of refusals) {
        const answer = await call('POST', `/v2/images/${id}/import`, { token, body });
        expect([answer.status, answer.body], JSON.stringify(body)).toEqual([status, expect.stringMatching(message)]);
      }
      expect(await t.snapshot('task', 'image')).toEqual(before);
    });

    it('answers 405 with Allow for a method a route lacks, and 404 off the routes', async () => {
      const answer = await call('PUT', '/v2/images', { body: {} });
      expect([answer.status, answer.headers.allow]).toEqual([405, 'GET, POST']);
      expect((await call('GET', '/v2/nothing')).status).toBe(404);
      // An empty id names nothing.
      expect((await call('GET', '/v2/images/')).status).toBe(404);
      expect((await call('DELETE', '/v2/images/')).status).toBe(404);
      // A version it does not speak is offered the ones it does.
      expect((await call('GET', '/v3/images')).status).toBe(300);
    });
  });

  it('answers 400 when no OPENSTACK_REGION is set and the catalog has several regions', async () => {
    const two = await startTestApp({ PORT: '0' });
    try {
      const origin = new URL(await two.app.start()).origin;
      await createCatalog(two.app);
      const answer = await httpAnswer(`${origin}/image/v2/images`, 'POST', { 'x-auth-token': two.adminToken, 'content-type': 'application/json' }, '{"name":"x"}');
      expect([answer.status, answer.body]).toEqual([400, expect.stringContaining('OPENSTACK_REGION')]);
    } finally {
      await two.close();
    }
  });
});
