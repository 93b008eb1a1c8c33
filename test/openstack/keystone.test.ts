// Keystone tokens (KEYSTONE_URL) against Debian's own Keystone: validated by Keystone, mapped onto
// our principals (its project adopted under its own id, the admin role an administrator, reader
// alone read-only), accepted by every face, refused when Keystone refuses them, and a 503 rather
// than a guess when Keystone does not answer. `.ci/run` installs Keystone; without it the test is
// skipped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Project } from '../../src/db/entities/project.js';
import { Region } from '../../src/db/entities/region.js';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { unique } from '../helpers/fixtures.js';
import { httpAnswer } from '../helpers/http-request.js';
import { type Keystone, keystoneInstalled, startKeystone } from '../helpers/keystone.js';

const dashed = (hex: string) => `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;

describe.skipIf(!keystoneInstalled)('Keystone tokens', () => {
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
