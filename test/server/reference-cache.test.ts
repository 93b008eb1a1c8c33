// Reference rows are remembered by id in each process (src/domain/reference-cache.ts): a change
// holds at once where it was made, and through Redis on every other instance; a change heard
// while a row is being read keeps that row out of the cache; while changes may go unheard
// (the bus is down) nothing is remembered; no row is trusted past a minute.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ComputeResource } from '../../src/db/entities/compute-resource.js';
import { Region } from '../../src/db/entities/region.js';
import { ReferenceCache } from '../../src/domain/reference-cache.js';
import { updateRegion } from '../../src/domain/reference-data.js';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { type OtherProcess, otherProcess } from '../helpers/other-process.js';
import { type Catalog, createCatalog, createImages, gid, unique } from '../helpers/fixtures.js';

const PAGE = `query ($owner: ID) { images(first: 5, filter: { ownerId: $owner }) { edges { node {
  region { name slug } owner { name } operatingSystem { name title } architecture { name }
  computeResource { name region { slug } }
} } } }`;

/** The row `cache` would answer `id` with, if it remembers it. */
function remembered(cache: ReferenceCache, id: string) {
  const into = new Map<string, { id: string }>();
  cache.take('Region', [id], into);
  return into.get(id);
}

type Node = {
  region: { name: string; slug: string };
  owner: { name: string };
  operatingSystem: { name: string; title: string };
  architecture: { name: string };
  computeResource: { name: string; region: { slug: string } | null };
};

describe('reference rows remembered until they change', () => {
  let t: TestApp;
  let catalog: Catalog;

  beforeAll(async () => {
    t = await startTestApp();
    catalog = await createCatalog(t.app);
    await createImages(t.app, catalog, 2);
  });
  afterAll(() => t?.close());

  const firstNode = async () => {
    const result = await t.requestRaw(PAGE, { owner: gid('Project', catalog.project.id) });
    expect(result.errors).toBeUndefined();
    return result.data!.images.edges[0].node as Node;
  };
  const mutate = async (mutation: string, input: Record<string, unknown>) => {
    const result = await t.requestRaw(`mutation ($input: ${mutation[0]!.toUpperCase()}${mutation.slice(1)}Input!) { ${mutation}(input: $input) { __typename } }`, { input });
    expect(result.errors).toBeUndefined();
    expect(result.data![mutation].__typename).toMatch(/Payload$/);
  };

  it('answers a page of images with every relation from rows read once', async () => {
    await firstNode();
    // Remembered: the page's statement alone answers it again (and the token's lookup, when its second is up).
    const statements = (await t.statementsOf(firstNode)).filter((sql) => !sql.includes('api_token'));
    expect(statements).toHaveLength(1);
    expect(statements[0]).not.toMatch(/\b(join|from)\s+"?(region|project|operating_system|architecture|compute_resource)\b/i);
  });

  it('reads every reference row a page lacks in one statement', async () => {
    const fresh = await createCatalog(t.app);
    await createImages(t.app, fresh, 2);
    // The compute resource's region is not the image's: only the compute resource names it.
    await t.app.orm.em.fork().nativeUpdate(ComputeResource, { id: fresh.computeResource.id }, { region: fresh.otherRegion.id });
    const page = () => t.requestRaw(PAGE, { owner: gid('Project', fresh.project.id) });
    const expected: Node = {
      region: { name: 'Toronto', slug: fresh.region.slug },
      owner: { name: fresh.project.name },
      operatingSystem: { name: fresh.os.name, title: fresh.os.title },
      architecture: { name: fresh.arch.name },
      computeResource: { name: fresh.computeResource.name, region: { slug: fresh.otherRegion.slug } },
    };
    let cold: Awaited<ReturnType<typeof page>> | undefined;
    const statements = (await t.statementsOf(async () => (cold = await page()))).filter((sql) => !sql.includes('api_token'));
    expect(statements).toHaveLength(2);
    expect(statements[1]).toMatch(/row_to_json/);
    expect(cold!.errors).toBeUndefined();
    expect(cold!.data!.images.edges.map((edge: { node: Node }) => edge.node)).toEqual([expected, expected]);

    // A compute resource remembered whose region is not: the region is read, in one statement.
    t.app.services.references.forget({ entity: 'Region', id: fresh.otherRegion.id });
    const resources = () => t.requestRaw(`query ($owner: ID) { images(first: 2, filter: { ownerId: $owner }) { edges { node {
      computeResource { name region { slug } } } } } }`, { owner: gid('Project', fresh.project.id) });
    let partly: Awaited<ReturnType<typeof resources>> | undefined;
    const again = (await t.statementsOf(async () => (partly = await resources()))).filter((sql) => !sql.includes('api_token'));
    expect(again).toHaveLength(2);
    expect(again[1]).toMatch(/row_to_json/);
    expect(partly!.errors).toBeUndefined();
    expect(partly!.data!.images.edges[0].node).toEqual({ computeResource: expected.computeResource });
  });

  it('answers more requests at once than there are connections, each reading rows it lacks', async () => {
    // Fresh rows, so every request finds them missing and reads them while others run statements.
    const fresh = await createCatalog(t.app);
    await createImages(t.app, fresh, 3);
    const answers = await Promise.all(Array.from({ length: 24 }, () => t.requestRaw(PAGE, { owner: gid('Project', fresh.project.id) })));
    for (const answer of answers) {
      expect(answer.errors).toBeUndefined();
      expect((answer.data!.images.edges as { node: Node }[]).map((edge) => edge.node.owner.name)).toEqual([fresh.project.name, fresh.project.name, fresh.project.name]);
    }
  });

  it('shows each change made here at once, through both paths', async () => {
    const before = await firstNode();
    expect(before.region.name).toBe('Toronto');

    await mutate('regionUpdate', { id: gid('Region', catalog.region.id), name: 'Toronto East' });
    await mutate('projectUpdate', { id: gid('Project', catalog.project.id), name: unique('renamed') });
    await mutate('operatingSystemUpdate', { id: gid('OperatingSystem', catalog.os.id), minor: '10' });
    await mutate('architectureUpdate', { id: gid('Architecture', catalog.arch.id), name: unique('aarch64') });
    await mutate('computeResourceUpdate', { id: gid('ComputeResource', catalog.computeResource.id), regionId: gid('Region', catalog.otherRegion.id) });

    const after = await firstNode();
    expect(after.region.name).toBe('Toronto East');
    expect(after.owner.name).toMatch(/^renamed-/);
    expect(after.operatingSystem.title).toBe(before.operatingSystem.title.replace(/04$/, '10'));
    expect(after.architecture.name).toMatch(/^aarch64-/);
    expect(after.computeResource.region).toEqual({ slug: catalog.otherRegion.slug });

    // The general path reads the same rows, by id.
    const node = await t.requestRaw('query ($id: ID!) { node(id: $id) { ... on Region { name } } }', { id: gid('Region', catalog.region.id) });
    expect(node.data!.node).toEqual({ name: 'Toronto East' });

    await mutate('computeResourceUpdate', { id: gid('ComputeResource', catalog.computeResource.id), regionId: null });
    expect((await firstNode()).computeResource.region).toBeNull();
  });

  it('shows a reseller renamed at once', async () => {
    const created = await t.requestRaw('mutation { resellerCreate(input: { name: "Before" }) { ... on ResellerCreatePayload { reseller { id name } } } }');
    const reseller = created.data!.resellerCreate.reseller as { id: string };
    const read = async () => (await t.requestRaw('query ($id: ID!) { node(id: $id) { ... on Reseller { name } } }', { id: reseller.id })).data!.node;
    expect(await read()).toEqual({ name: 'Before' });
    await mutate('resellerUpdate', { id: reseller.id, name: 'After' });
    expect(await read()).toEqual({ name: 'After' });
  });

  it('keeps out a row read while a change to it was heard', async () => {
    const em = t.app.orm.em.fork();
    const region = em.create(Region, { slug: unique('r'), name: 'Before' });
    await em.flush();
    const cache = new ReferenceCache(() => t.app.orm.em.fork(), () => true);
    const reading = cache.byId('Region', [region.id]);
    cache.forget({ entity: 'Region', id: region.id });
    expect((await reading).map((row) => row.id)).toEqual([region.id]);
    expect(remembered(cache, region.id)).toBeUndefined();
    // Read with nothing heard meanwhile, it is kept.
    await cache.byId('Region', [region.id]);
    expect(remembered(cache, region.id)).toMatchObject({ id: region.id, name: 'Before' });
  });

  it('remembers nothing while changes may go unheard', async () => {
    const em = t.app.orm.em.fork();
    const region = em.create(Region, { slug: unique('r'), name: 'Before' });
    await em.flush();
    let hearing = true;
    const cache = new ReferenceCache(() => t.app.orm.em.fork(), () => hearing);
    await cache.byId('Region', [region.id]);
    expect(cache.take('Region', [region.id], new Map())).toEqual([]);
    hearing = false;
    // A change this cache never hears of, while it cannot hear.
    await t.app.orm.em.fork().nativeUpdate(Region, { id: region.id }, { name: 'After' });
    expect(cache.take('Region', [region.id], new Map())).toEqual([region.id]);
    expect(await cache.byId('Region', [region.id])).toMatchObject([{ name: 'After' }]);
    expect(remembered(cache, region.id)).toBeUndefined();
  });

  it('reads a row again once its time is up, whatever it heard', async () => {
    const em = t.app.orm.em.fork();
    const region = em.create(Region, { slug: unique('r'), name: 'Before' });
    await em.flush();
    const cache = new ReferenceCache(() => t.app.orm.em.fork(), () => true, 1_000);
    await cache.byId('Region', [region.id]);
    // A change no announcement tells of.
    await t.app.orm.em.fork().nativeUpdate(Region, { id: region.id }, { name: 'After' });
    expect(remembered(cache, region.id)).toMatchObject({ name: 'Before' });
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(remembered(cache, region.id)).toBeUndefined();
    expect(await cache.byId('Region', [region.id])).toMatchObject([{ name: 'After' }]);
  });

  it('shows a row the domain changed, in a transaction of its own, at once', async () => {
    await firstNode();
    const em = t.app.orm.em.fork();
    await updateRegion({ ...t.app.services, em, viewer: { kind: 'admin' } } as never, catalog.region.id, { name: 'Toronto West' });
    expect((await firstNode()).region.name).toBe('Toronto West');
  });
});

describe.runIf(process.env.TEST_DATABASE_URL && process.env.REDIS_URL)('a reference row changed on another instance', () => {
  let t: TestApp;
  let catalog: Catalog;
  let other: OtherProcess;

  beforeAll(async () => {
    t = await startTestApp({ REDIS_URL: process.env.REDIS_URL! });
    catalog = await createCatalog(t.app);
    await createImages(t.app, catalog, 1);
    other = await otherProcess(t, process.env.REDIS_URL!);
  });
  afterAll(async () => {
    await other?.close();
    await t?.close();
  });

  it('is shown here as soon as the announcement arrives through Redis', async () => {
    const name = async () => ((await t.requestRaw(PAGE, { owner: gid('Project', catalog.project.id) })).data!.images.edges[0].node as Node).region.name;
    expect(await name()).toBe('Toronto');
    // Remembered from here on: the page's statement alone answers (and the token's lookup, when its second is up).
    expect((await t.statementsOf(name)).filter((sql) => !sql.includes('api_token'))).toHaveLength(1);
    const em = other.orm.em.fork();
    const region = await em.findOneOrFail(Region, { id: catalog.region.id });
    region.name = 'Toronto North';
    await em.flush();
    const changed = Date.now();
    let seen = await name();
    while (seen === 'Toronto' && Date.now() - changed < 3_000) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      seen = await name();
    }
    expect(seen).toBe('Toronto North');
    // A row is trusted for a minute: within a second only the announcement can have made this read fresh.
    expect(Date.now() - changed).toBeLessThan(1_000);
  });
});
