// Keystone tokens (KEYSTONE_URL) against Debian's own Keystone: validated by Keystone, mapped onto
// our principals (its project adopted under its own id, the admin role an administrator, reader
// alone read-only), accepted by every face, refused when Keystone refuses them, and a 503 rather
// than a guess when Keystone does not answer. `.ci/run` installs Keystone; the test runs in the
// PostgreSQL pass (TEST_DATABASE_URL), whose server holds Keystone's database, and is skipped
// elsewhere.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Project } from '../../src/db/entities/project.js';
import { Region } from '../../src/db/entities/region.js';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { unique } from '../helpers/fixtures.js';
import { httpAnswer } from '../helpers/http-request.js';
import { type Keystone, keystoneRunnable, startKeystone } from '../helpers/keystone.js';

const dashed = (hex: string) => `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;

describe.skipIf(!keystoneRunnable)('Keystone tokens', () => {
  let keystone: Keystone;
  let t: TestApp;
  let origin: string;

  const images = (token: string, method = 'GET', body?: unknown) =>
    httpAnswer(`${origin}/image/v2/images`, method, { 'x-auth-token': token, ...(body !== undefined && { 'content-type': 'application/json' }) }, body === undefined ? undefined : JSON.stringify(body));

  beforeAll(async () => {
    keystone = await startKeystone();
    const slug = `keystone-${process.pid}`;
    t = await startTestApp({ PORT: '0', KEYSTONE_URL: keystone.url, OPENSTACK_REGION: slug });
    origin = new URL(await t.app.start()).origin;
    const em = t.app.orm.em.fork();
    em.create(Region, { slug, name: 'RegionOne' });
    await em.flush();
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await keystone?.stop();
  });

  it("adopts a member's project under Keystone's id and acts for it", async () => {
    const name = unique('tempest-project');
    const { projectId, token } = await keystone.projectUser(name, ['member']);
    const created = await images(token, 'POST', { name: unique('keystone') });
    expect(created.status, created.body).toBe(201);
    expect(JSON.parse(created.body).owner).toBe(projectId);
    const project = await t.app.orm.em.fork().findOneOrFail(Project, { id: dashed(projectId) });
    expect(project.name).toBe(name);
    // The same token on GraphQL.
    const viewer = await httpAnswer(`${origin}/graphql`, 'POST', { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, '{"query":"{ viewer { kind readOnly project { name } } }"}');
    expect(JSON.parse(viewer.body).data.viewer).toEqual({ kind: 'MEMBER', readOnly: false, project: { name } });
    // A second token of the same project finds the project adopted already.
    expect((await images(await keystone.token(name, name))).status).toBe(200);
  });

  it('makes the admin role an administrator, and reader alone read-only', async () => {
    const admin = await keystone.adminToken();
    const listed = await httpAnswer(`${origin}/graphql`, 'POST', { 'x-auth-token': admin, 'content-type': 'application/json' }, '{"query":"{ viewer { kind } }"}');
    expect(JSON.parse(listed.body).data.viewer.kind).toBe('ADMIN');
    const { token } = await keystone.projectUser(unique('reader'), ['reader']);
    expect((await images(token)).status).toBe(200);
    const refused = await images(token, 'POST', { name: unique('reader') });
    expect([refused.status, refused.body]).toEqual([403, expect.stringContaining('read-only')]);
  });

  it('adopts a project named as a member or an owner only once the caller may name it', async () => {
    const { token } = await keystone.projectUser(unique('owner'), ['member']);
    const stranger = await keystone.projectUser(unique('stranger'), ['member']);
    const id = JSON.parse((await images(token, 'POST', { name: unique('shared') })).body).id as string;
    const unknown = () => randomUUID().replace(/-/g, '');
    const projects = () => t.app.orm.em.fork().count(Project, {});
    // The stranger's own project is adopted with its first request.
    expect((await images(stranger.token)).status).toBe(200);
    const before = await projects();
    // A caller who cannot see the image, or may not change its owner, adopts nothing.
    const member = (as: string, body: unknown) =>
      httpAnswer(`${origin}/image/v2/images/${id}/members`, 'POST', { 'x-auth-token': as, 'content-type': 'application/json' }, JSON.stringify(body));
    expect((await member(stranger.token, { member: unknown() })).status).toBe(404);
    expect((await images(token, 'POST', { name: unique('owned'), owner: unknown() })).status).toBe(403);
    expect(await projects()).toBe(before);
    // The owner names a project Keystone knows and we do not yet: adopted with the membership.
    const named = unknown();
    const added = await member(token, { member: named });
    expect([added.status, JSON.parse(added.body).member_id]).toEqual([200, named]);
    // So is an owner an administrator names.
    const owner = unknown();
    const created = await images(await keystone.adminToken(), 'POST', { name: unique('theirs'), owner });
    expect([created.status, JSON.parse(created.body).owner]).toEqual([201, owner]);
    expect(await projects()).toBe(before + 2);
  });

  it('refuses what Keystone refuses, and answers 503 when Keystone is gone', async () => {
    expect((await images('gAAAAABnot-a-token')).status).toBe(401);
    const name = unique('late');
    const { token } = await keystone.projectUser(name, ['member']);
    const unseen = await keystone.token(name, name);
    expect((await images(token)).status).toBe(200);
    await keystone.stop();
    // A token validated a moment ago is still trusted; one never seen cannot be judged.
    expect((await images(token)).status).toBe(200);
    const unjudged = await images(unseen);
    expect([unjudged.status, unjudged.headers['retry-after']]).toEqual([503, '5']);
  });
});
