// Glance's metadata definitions API over real HTTP: namespaces and their properties, objects,
// tags and resource type associations; administrators write, everyone reads what is public or
// their own; each refusal checked to change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { Reseller } from '../../src/db/entities/reseller.js';
import { type Catalog, createCatalog, unique } from '../helpers/fixtures.js';
import { httpAnswer } from '../helpers/http-request.js';

const TABLES = ['metadef_namespace', 'metadef_property', 'metadef_object', 'metadef_tag', 'metadef_resource_type_association', 'metadef_resource_type'];

describe('OpenStack metadata definitions API', () => {
  let t: TestApp;
  let api: string;
  let catalog: Catalog;
  let member: string;
  let other: string;

  /** A request as `token` (the administrator's by default); the answer's body parsed when JSON. */
  async function call(method: string, path: string, options: { token?: string; body?: unknown; headers?: Record<string, string> } = {}) {
    const headers: Record<string, string> = { 'x-auth-token': options.token ?? t.adminToken, accept: 'application/json', ...options.headers };
    const body = options.body === undefined ? undefined : JSON.stringify(options.body);
    if (body !== undefined) headers['content-type'] = 'application/json';
    const answer = await httpAnswer(`${api}/v2/metadefs${path}`, method, headers, body);
    const json = answer.headers['content-type']?.startsWith('application/json') ? JSON.parse(answer.body) : undefined;
    return { ...answer, json };
  }

  /** A namespace made by the administrator; its name. */
  async function namespace(fields: Record<string, unknown> = {}) {
    const name = unique('ns');
    const answer = await call('POST', '/namespaces', { body: { namespace: name, visibility: 'public', ...fields } });
    expect(answer.status, answer.body).toBe(201);
    return name;
  }

  /** Every refusal: its status, and not a row changed. */
  async function refused(status: number, method: string, path: string, options: Parameters<typeof call>[2] = {}) {
    const before = await t.snapshot(...TABLES);
    const answer = await call(method, path, options);
    expect([answer.status, method, path], answer.body).toEqual([status, method, path]);
    expect(await t.snapshot(...TABLES)).toEqual(before);
    return answer;
  }

  beforeAll(async () => {
    t = await startTestApp({ PORT: '0' });
    api = `${new URL(await t.app.start()).origin}/image`;
    catalog = await createCatalog(t.app);
    const otherCatalog = await createCatalog(t.app);
    member = await t.tokenFor({ role: 'member', projectId: catalog.project.id });
    other = await t.tokenFor({ role: 'member', projectId: otherCatalog.project.id });
  });
  afterAll(() => t?.close());

  it("lists Glance's resource types, in the order they were loaded", async () => {
    const answer = await call('GET', '/resource_types', { token: member });
    expect(answer.status).toBe(200);
    expect(answer.json.resource_types.map((type: { name: string }) => type.name)).toEqual([
      'OS::Cinder::Volume', 'OS::Glance::Image', 'OS::Nova::Aggregate', 'OS::Nova::Flavor', 'OS::Nova::Server', 'OS::Trove::Instance',
    ]);
    expect(answer.json.resource_types[0]).toEqual({ name: 'OS::Cinder::Volume', created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/), updated_at: expect.any(String) });
  });

  it('creates a namespace with its parts, and shows it as Glance does', async () => {
    const name = unique('ns');
    const created = await call('POST', '/namespaces', {
      body: {
        namespace: name,
        display_name: 'Hardware',
        visibility: 'public',
        protected: true,
        resource_type_associations: [{ name: 'OS::Glance::Image', prefix: 'hw_', properties_target: 'image' }],
        properties: { cpu_cores: { title: 'Cores', type: 'integer', minimum: 1 } },
        objects: [{ name: 'Watchdog', required: ['action'], properties: { action: { title: 'Action', type: 'string', enum: ['reset', 'none'] } } }],
        tags: [{ name: 'fast' }, { name: 'small' }],
      },
    });
    expect(created.status, created.body).toBe(201);
    expect(created.headers.location).toBe(`${api}/v2/metadefs/namespaces/${name}`);
    expect(created.json).toMatchObject({ namespace: name, display_name: 'Hardware', visibility: 'public', protected: true, tags: [{ name: 'fast' }, { name: 'small' }], self: `/v2/metadefs/namespaces/${name}`, schema: '/v2/schemas/metadefs/namespace' });
    expect(created.json).not.toHaveProperty('description');

    const shown = await call('GET', `/namespaces/${name}`, { token: member });
    expect(shown.status).toBe(200);
    expect(shown.json).toMatchObject({
      namespace: name,
      resource_type_associations: [{ name: 'OS::Glance::Image', prefix: 'hw_', properties_target: 'image' }],
      properties: { cpu_cores: { title: 'Cores', type: 'integer', minimum: 1 } },
      objects: [{ name: 'Watchdog', required: ['action'], self: `/v2/metadefs/namespaces/${name}/objects/Watchdog` }],
      // Tags newest first, as Glance lists them.
      tags: [{ name: 'small' }, { name: 'fast' }],
    });
    // As the resource type names them: with its prefix.
    const prefixed = await call('GET', `/namespaces/${name}?resource_type=OS::Glance::Image`);
    expect(Object.keys(prefixed.json.properties)).toEqual(['hw_cpu_cores']);
    expect(prefixed.json.objects[0]).toMatchObject({ required: ['hw_action'], properties: { hw_action: expect.any(Object) } });
    const property = await call('GET', `/namespaces/${name}/properties/hw_cpu_cores?resource_type=OS::Glance::Image`);
    expect(property.json).toEqual({ name: 'cpu_cores', title: 'Cores', type: 'integer', minimum: 1 });
    await refused(404, 'GET', `/namespaces/${name}/properties/cpu_cores?resource_type=OS::Glance::Image`);

    // Protected: nothing of it can be deleted until it is unprotected; it can still change.
    await refused(403, 'DELETE', `/namespaces/${name}`);
    await refused(403, 'DELETE', `/namespaces/${name}/tags/fast`);
    await refused(403, 'DELETE', `/namespaces/${name}/objects`);
    const updated = await call('PUT', `/namespaces/${name}`, { body: { namespace: name, visibility: 'private', protected: false } });
    expect(updated.json).toMatchObject({ namespace: name, visibility: 'private', protected: false });
    expect(updated.json).not.toHaveProperty('display_name');
    const [rows] = (await t.snapshot('metadef_namespace')) as { id: string; namespace: string }[][];
    const row = rows!.find((candidate) => candidate.namespace === name);
    const partsOf = async () => (await t.snapshot('metadef_tag', 'metadef_object', 'metadef_property', 'metadef_resource_type_association')).flat().filter((part) => (part as { namespace_id: string }).namespace_id === row!.id);
    // Two tags, an object, a property, an association.
    expect(await partsOf()).toHaveLength(5);
    expect((await call('DELETE', `/namespaces/${name}`)).status).toBe(204);
    expect((await call('GET', `/namespaces/${name}`)).status).toBe(404);
    // Its parts went with it; the resource type stays.
    expect(await partsOf()).toEqual([]);
    expect((await call('GET', '/resource_types')).json.resource_types).toHaveLength(6);
  });

  it('lets administrators alone write, and shows private namespaces to their project alone', async () => {
    const listed = async (token: string) => (await call('GET', '/namespaces?limit=500', { token })).json.namespaces.map((ns: { namespace: string }) => ns.namespace);
    await refused(403, 'POST', '/namespaces', { token: member, body: { namespace: unique('ns') } });
    const shared = await namespace();
    await refused(403, 'PUT', `/namespaces/${shared}`, { token: member, body: { namespace: shared } });
    await refused(403, 'POST', `/namespaces/${shared}/tags/x`, { token: member });
    const mine = await namespace({ visibility: 'private', owner: catalog.project.id.replace(/-/g, '') });
    expect((await call('GET', `/namespaces/${mine}`, { token: member })).json).toMatchObject({ visibility: 'private', owner: catalog.project.id.replace(/-/g, '') });
    // A change that names no owner keeps it: the project does not lose its namespace.
    expect((await call('PUT', `/namespaces/${mine}`, { body: { namespace: mine, description: 'kept' } })).json).toMatchObject({ owner: catalog.project.id.replace(/-/g, ''), visibility: 'private' });
    // A marker naming it is as unknown to another project as a name that does not exist.
    expect((await refused(404, 'GET', `/namespaces?marker=${mine}`, { token: other })).body).toEqual((await call('GET', `/namespaces?marker=${mine}x`, { token: other })).body.replace(`${mine}x`, mine));
    const reseller = await t.tokenFor({ role: 'reseller', resellerId: (await t.app.orm.em.fork().findOneOrFail(Reseller, { name: { $ne: null } }).catch(async () => {
      const em = t.app.orm.em.fork();
      const made = em.create(Reseller, { name: unique('reseller') });
      await em.flush();
      return made;
    })).id });
    expect(await listed(reseller)).toContain(shared);
    expect(await listed(reseller)).not.toContain(mine);
    await refused(404, 'GET', `/namespaces/${mine}`, { token: other });
    await refused(404, 'GET', `/namespaces/${mine}/tags`, { token: other });
    await refused(404, 'DELETE', `/namespaces/${mine}`, { token: other });
    expect(await listed(member)).toEqual(expect.arrayContaining([mine, shared]));
    expect(await listed(other)).toContain(shared);
    expect(await listed(other)).not.toContain(mine);
  });

  it('pages namespaces newest first along next, and filters them', async () => {
    const names = [await namespace(), await namespace(), await namespace({ visibility: 'private' })];
    const seen: string[] = [];
    let next: string | undefined = '/v2/metadefs/namespaces?limit=1';
    while (next && seen.length < 3) {
      const answer = await call('GET', next.slice('/v2/metadefs'.length));
      expect(answer.json.schema).toBe('/v2/schemas/metadefs/namespaces');
      seen.push(...answer.json.namespaces.map((ns: { namespace: string }) => ns.namespace));
      next = answer.json.next;
    }
    expect(seen).toEqual([...names].reverse());
    const ascending = await call('GET', `/namespaces?sort_key=namespace&sort_dir=asc&limit=500`);
    const order = ascending.json.namespaces.map((ns: { namespace: string }) => ns.namespace);
    expect(order).toEqual([...order].sort());
    const privates = await call('GET', '/namespaces?visibility=private&limit=500');
    expect(privates.json.namespaces.every((ns: { visibility: string }) => ns.visibility === 'private')).toBe(true);
    await call('POST', `/namespaces/${names[0]}/resource_types`, { body: { name: 'OS::Nova::Flavor' } });
    const byType = await call('GET', '/namespaces?resource_types=OS::Nova::Flavor,Nothing');
    expect(byType.json.namespaces.map((ns: { namespace: string }) => ns.namespace)).toEqual([names[0]]);
    for (const [query, status] of [['limit=x', 400], ['limit=-1', 400], ['sort_dir=up', 400], ['sort_key=colour', 400], ['visibility=shared', 400], ['marker=nothing', 404]] as const) {
      await refused(status, 'GET', `/namespaces?${query}`);
    }
  });

  it('refuses bad bodies with 400, read-only attributes with 403, duplicates with 409', async () => {
    const name = await namespace();
    await refused(400, 'POST', '/namespaces', { body: { namespace: 'x'.repeat(81) } });
    await refused(400, 'POST', '/namespaces', { body: { namespace: unique('ns'), colour: 'red' } });
    await refused(400, 'POST', '/namespaces', { body: { namespace: unique('ns'), visibility: 'shared' } });
    await refused(400, 'POST', '/namespaces', { body: { display_name: 'no name' } });
    await refused(400, 'POST', '/namespaces', { body: [1] });
    await refused(403, 'POST', '/namespaces', { body: { namespace: unique('ns'), created_at: '2020-01-01T00:00:00Z' } });
    await refused(409, 'POST', '/namespaces', { body: { namespace: name } });
    await refused(409, 'POST', '/namespaces', { body: { namespace: unique('ns'), tags: [{ name: 'a' }, { name: 'a' }] } });
    await refused(400, 'POST', `/namespaces/${name}/properties`, { body: { name: 'p', title: 'P' } });
    await refused(400, 'POST', `/namespaces/${name}/properties`, { body: { name: 'p', title: 'P', type: 'string', confidential: true } });
    await refused(400, 'POST', `/namespaces/${name}/objects`, { body: { name: 'o', properties: { p: { type: 'string' } } } });
    await refused(400, 'POST', `/namespaces/${name}/tags`, { body: { tags: [{ label: 'x' }] } });
    await refused(400, 'POST', `/namespaces/${name}/resource_types`, { body: { prefix: 'x_' } });
    // Nested parts are checked as the parts themselves are.
    for (const nested of [{ objects: [{}] }, { objects: [{ name: 'o'.repeat(81) }] }, { tags: [{}] }, { tags: [{ name: 't'.repeat(81) }] }, { resource_type_associations: [{}] }, { resource_type_associations: [{ name: 'X', prefix: 'p'.repeat(81) }] }, { properties: { p: { title: 'P', type: 'string', description: 'nul\u0000' } } }, { objects: ['o'] }]) {
      await refused(400, 'POST', '/namespaces', { body: { namespace: unique('ns'), ...nested } });
    }
    await refused(400, 'POST', '/namespaces', { body: { namespace: 'nul\u0000' } });
    // Half a surrogate pair is no character PostgreSQL's jsonb takes.
    await refused(400, 'POST', `/namespaces/${name}/properties`, { body: { name: 'half', title: 'Half \ud800', type: 'string' } });
    await refused(400, 'POST', `/namespaces/${name}/objects`, { body: { name: 'half', properties: { p: { title: '\udc00', type: 'string' } } } });
    await refused(400, 'POST', '/namespaces', { body: { namespace: unique('ns'), description: 'nul\u0000' } });
    await refused(400, 'POST', `/namespaces/${name}/tags`, { body: { tags: [{ name: 't'.repeat(81) }] } });
    await refused(400, 'POST', `/namespaces/${name}/tags/${'t'.repeat(81)}`);
    await refused(400, 'POST', `/namespaces/${name}/objects`, { body: { name: 'o', description: 'nul\u0000' } });
    await refused(400, 'POST', `/namespaces/${name}/tags`, { body: { tags: Array.from({ length: 501 }, (_, index) => ({ name: `t${index}` })) } });
    await refused(400, 'POST', '/namespaces', { body: { namespace: unique('ns'), tags: Array.from({ length: 501 }, (_, index) => ({ name: `t${index}` })) } });
    // A name no namespace can have is simply not found.
    for (const path of ['/namespaces/%00', '/namespaces?marker=%00', `/namespaces/${name}/tags/%00`, `/namespaces/${name}/properties/%01`, `/namespaces/${name}/resource_types/%00`]) {
      await refused(404, path.endsWith('resource_types/%00') ? 'DELETE' : 'GET', path);
    }
    expect((await call('GET', '/namespaces?resource_types=%00')).json.namespaces).toEqual([]);
    await refused(405, 'PATCH', `/namespaces/${name}`, { body: {} });
    await refused(404, 'GET', `/namespaces/${name}/colours`);
  });

  it('takes empty optional names as none, as Glance does', async () => {
    const name = unique('ns');
    const created = await call('POST', '/namespaces', { body: { namespace: name, display_name: '', resource_type_associations: [{ name: 'OS::Glance::Image', prefix: '', properties_target: '' }] } });
    expect(created.status, created.body).toBe(201);
    expect((await call('GET', `/namespaces/${name}`)).json.resource_type_associations).toEqual([{ name: 'OS::Glance::Image', created_at: expect.any(String), updated_at: expect.any(String) }]);
  });

  it('takes any printable name, and links to it escaped', async () => {
    const name = `ns ü/東 ${process.pid}`;
    const created = await call('POST', '/namespaces', { body: { namespace: name, visibility: 'public' } });
    expect(created.status, created.body).toBe(201);
    expect(created.headers.location).toBe(`${api}/v2/metadefs/namespaces/${encodeURIComponent(name)}`);
    expect(created.json.self).toBe(`/v2/metadefs/namespaces/${encodeURIComponent(name)}`);
    expect((await call('GET', `/namespaces/${encodeURIComponent(name)}`, { token: member })).json.namespace).toBe(name);
  });

  it('creates, shows, renames and deletes objects and properties', async () => {
    const name = await namespace();
    const object = await call('POST', `/namespaces/${name}/objects`, { body: { name: 'o1', description: 'first' } });
    expect([object.status, object.json]).toEqual([201, expect.objectContaining({ name: 'o1', description: 'first', required: [], properties: {} })]);
    await refused(409, 'POST', `/namespaces/${name}/objects`, { body: { name: 'o1' } });
    await call('POST', `/namespaces/${name}/objects`, { body: { name: 'o2' } });
    await refused(409, 'PUT', `/namespaces/${name}/objects/o1`, { body: { name: 'o2' } });
    const renamed = await call('PUT', `/namespaces/${name}/objects/o1`, { body: { name: 'o3' } });
    expect(renamed.json).toMatchObject({ name: 'o3', self: `/v2/metadefs/namespaces/${name}/objects/o3` });
    expect(renamed.json).not.toHaveProperty('description');
    expect((await call('GET', `/namespaces/${name}/objects`)).json).toMatchObject({ objects: [{ name: 'o3' }, { name: 'o2' }], schema: 'v2/schemas/metadefs/objects' });
    expect((await call('DELETE', `/namespaces/${name}/objects/o3`)).status).toBe(204);
    await refused(404, 'GET', `/namespaces/${name}/objects/o3`);

    const property = await call('POST', `/namespaces/${name}/properties`, { body: { name: 'p1', title: 'P1', type: 'string', enum: ['a', 'b'] } });
    expect([property.status, property.json]).toEqual([201, { name: 'p1', title: 'P1', type: 'string', enum: ['a', 'b'] }]);
    await refused(409, 'POST', `/namespaces/${name}/properties`, { body: { name: 'p1', title: 'again', type: 'string' } });
    const replaced = await call('PUT', `/namespaces/${name}/properties/p1`, { body: { name: 'p2', title: 'P2', type: 'boolean' } });
    expect(replaced.json).toEqual({ name: 'p2', title: 'P2', type: 'boolean' });
    expect((await call('GET', `/namespaces/${name}/properties`)).json).toEqual({ properties: { p2: { title: 'P2', type: 'boolean' } } });
    expect((await call('DELETE', `/namespaces/${name}/properties/p2`)).status).toBe(204);
    expect((await call('GET', `/namespaces/${name}/properties`)).json).toEqual({ properties: {} });
    await refused(404, 'DELETE', `/namespaces/${name}/properties/p2`);
  });

  it('creates tags one by one or at once (replacing, or appending), renames and deletes them', async () => {
    const name = await namespace();
    const tags = async () => (await call('GET', `/namespaces/${name}/tags?sort_key=name&sort_dir=asc`)).json.tags.map((tag: { name: string }) => tag.name);
    const bulk = await call('POST', `/namespaces/${name}/tags`, { body: { tags: [{ name: 'a' }, { name: 'b' }] } });
    expect([bulk.status, bulk.json]).toEqual([201, { tags: [{ name: 'a' }, { name: 'b' }] }]);
    await call('POST', `/namespaces/${name}/tags`, { body: { tags: [{ name: 'c' }] } });
    expect(await tags()).toEqual(['c']);
    await call('POST', `/namespaces/${name}/tags`, { body: { tags: [{ name: 'd' }] }, headers: { 'x-openstack-append': 'True' } });
    expect(await tags()).toEqual(['c', 'd']);
    await refused(409, 'POST', `/namespaces/${name}/tags`, { body: { tags: [{ name: 'e' }, { name: 'd' }] }, headers: { 'x-openstack-append': 'true' } });
    const one = await call('POST', `/namespaces/${name}/tags/e`);
    expect([one.status, one.json.name]).toEqual([201, 'e']);
    await refused(409, 'POST', `/namespaces/${name}/tags/e`);
    await refused(409, 'PUT', `/namespaces/${name}/tags/e`, { body: { name: 'c' } });
    expect((await call('PUT', `/namespaces/${name}/tags/e`, { body: { name: 'f' } })).json.name).toBe('f');
    expect((await call('GET', `/namespaces/${name}/tags/f`)).json.name).toBe('f');
    expect((await call('GET', `/namespaces/${name}/tags?sort_key=name&sort_dir=asc&limit=1&marker=c`)).json.tags).toEqual([{ name: 'd' }]);
    expect((await call('DELETE', `/namespaces/${name}/tags/f`)).status).toBe(204);
    await refused(404, 'GET', `/namespaces/${name}/tags/f`);
    expect((await call('DELETE', `/namespaces/${name}/tags`)).status).toBe(204);
    expect(await tags()).toEqual([]);
  });

  it('associates namespaces with resource types, making a type never named before', async () => {
    const name = await namespace();
    const made = await call('POST', `/namespaces/${name}/resource_types`, { body: { name: 'Brand::New', prefix: 'bn_' } });
    expect([made.status, made.json]).toEqual([201, { name: 'Brand::New', prefix: 'bn_', created_at: expect.any(String), updated_at: expect.any(String) }]);
    await refused(409, 'POST', `/namespaces/${name}/resource_types`, { body: { name: 'Brand::New' } });
    const listed = await call('GET', `/namespaces/${name}/resource_types`);
    expect(listed.json.resource_type_associations.map((row: { name: string }) => row.name)).toEqual(['Brand::New']);
    expect((await call('DELETE', `/namespaces/${name}/resource_types/Brand::New`)).status).toBe(204);
    await refused(404, 'DELETE', `/namespaces/${name}/resource_types/Brand::New`);
    expect((await call('GET', `/namespaces/${name}/resource_types`)).json).toEqual({ resource_type_associations: [] });
    expect((await call('GET', '/resource_types')).json.resource_types.map((type: { name: string }) => type.name)).toContain('Brand::New');
  });

  it('labels its requests in the metrics by route, never by name', async () => {
    const name = await namespace({ tags: [{ name: 'label' }] });
    for (const path of ['/resource_types', `/namespaces/${name}`, `/namespaces/${name}/tags/label`, `/namespaces/${name}/properties`, `/namespaces/${name}/resource_types`]) {
      expect((await call('GET', path)).status).toBe(200);
    }
    const metrics = (await httpAnswer(`${api.replace(/\/image$/, '')}/metrics`)).body;
    const routes = new Set([...metrics.matchAll(/route="([^"]*)"/g)].map((match) => match[1]));
    for (const route of ['/image/v2/metadefs/resource_types', '/image/v2/metadefs/namespaces', '/image/v2/metadefs/namespaces/:namespace', '/image/v2/metadefs/namespaces/:namespace/tags/:name', '/image/v2/metadefs/namespaces/:namespace/properties', '/image/v2/metadefs/namespaces/:namespace/resource_types']) {
      expect(routes, route).toContain(route);
    }
    expect([...routes].some((route) => route!.includes(name))).toBe(false);
  });
});
