// Tokens' principals are remembered for a second (src/domain/principal-cache.ts): a revocation or
// a project moved to another reseller holds at once where it was made and, through Redis, on
// every other instance; an instance that hears of nothing catches up within the second.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiToken } from '../../src/db/entities/api-token.js';
import { Project } from '../../src/db/entities/project.js';
import { Reseller } from '../../src/db/entities/reseller.js';
import { SharedImage } from '../../src/db/entities/shared-image.js';
import { hashToken, revokeToken } from '../../src/domain/tokens.js';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { type OtherProcess, otherProcess } from '../helpers/other-process.js';
import { type Catalog, createCatalog, createImages, gid, unique } from '../helpers/fixtures.js';

const ME = '{ images(first: 50) { edges { node { id } } } }';

async function status(t: TestApp, token: string): Promise<number> {
  const response = await t.app.fetch(new Request('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ __typename }' }),
  }));
  await response.text();
  return response.status;
}

const tokenIdOf = async (t: TestApp, token: string) => (await t.app.orm.em.fork().findOneOrFail(ApiToken, { tokenHash: hashToken(token) })).id;

describe('principals remembered for a second', () => {
  let t: TestApp;
  let catalog: Catalog;

  beforeAll(async () => {
    t = await startTestApp();
    catalog = await createCatalog(t.app);
  });
  afterAll(() => t?.close());

  it('forgets a token revoked in this process at once', async () => {
    const token = await t.tokenFor({ role: 'member', projectId: catalog.project.id });
    expect(await status(t, token)).toBe(200);
    await revokeToken(t.app.orm.em, await tokenIdOf(t, token));
    expect(await status(t, token)).toBe(401);
  });

  it('sees a project moved under a reseller, and out again, at once: the reseller\'s grant follows', async () => {
    // The reseller shares one of its client's images with all its clients.
    const em = t.app.orm.em.fork();
    const reseller = em.create(Reseller, { name: unique('reseller') });
    const client = em.create(Project, { name: unique('client'), reseller });
    const newcomer = em.create(Project, { name: unique('newcomer'), reseller: null });
    await em.flush();
    const [shared] = await createImages(t.app, { ...catalog, project: client }, 1);
    em.create(SharedImage, { reseller, project: null, region: catalog.region.id, imageIds: [shared!.id] } as never);
    await em.flush();
    const token = await t.tokenFor({ role: 'member', projectId: newcomer.id });
    const sees = async () => ((await t.as(token).requestRaw(ME)).data!.images.edges as { node: { id: string } }[]).some((edge) => edge.node.id === gid('Image', shared!.id));
    const move = (resellerId: string | null) =>
      t.requestRaw('mutation ($id: ID!, $reseller: ID) { projectUpdate(input: { id: $id, resellerId: $reseller }) { __typename } }', { id: gid('Project', newcomer.id), reseller: resellerId && gid('Reseller', resellerId) });
    expect(await sees()).toBe(false);
    await move(reseller.id);
    expect(await sees()).toBe(true);
    await move(null);
    expect(await sees()).toBe(false);
  });

  it('catches up within a second with a revocation it hears nothing of', async () => {
    const token = await t.tokenFor({ role: 'admin' });
    expect(await status(t, token)).toBe(200);
    // Another process's revocation, announced nowhere this process listens.
    const revoked = Date.now();
    await t.app.orm.em.fork().nativeUpdate(ApiToken, { tokenHash: hashToken(token) }, { revokedAt: new Date() });
    let code = await status(t, token);
    while (code === 200 && Date.now() - revoked < 3_000) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      code = await status(t, token);
    }
    expect(code).toBe(401);
    // The cached principal lives a second; the requests around it take their own time on a busy machine.
    expect(Date.now() - revoked).toBeLessThan(2_000);
  });
});

describe.runIf(process.env.TEST_DATABASE_URL && process.env.REDIS_URL)('a revocation on another instance', () => {
  let t: TestApp;
  let other: OtherProcess;

  beforeAll(async () => {
    t = await startTestApp({ REDIS_URL: process.env.REDIS_URL! });
    // Another process on the same database and Redis, as the token command is.
    other = await otherProcess(t, process.env.REDIS_URL!);
  });
  afterAll(async () => {
    await other?.close();
    await t?.close();
  });

  it('stops the token here at once, announced through Redis', async () => {
    const token = await t.tokenFor({ role: 'admin' });
    const tokenId = await tokenIdOf(t, token);
    // The principal is cached from here on, for a second at least.
    const cached = Date.now();
    expect(await status(t, token)).toBe(200);
    await revokeToken(other.orm.em, tokenId);
    let code = await status(t, token);
    while (code === 200 && Date.now() - cached < 3_000) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      code = await status(t, token);
    }
    expect(code).toBe(401);
    // Refused while the cached principal was still fresh: only the announcement can have removed it.
    expect(Date.now() - cached).toBeLessThan(1_000);
  });
});

