// Changes to one image that arrive at the same moment take turns on its row: none fails because
// another wrote meanwhile, unless it asked for a version (expectedVersion). On PGlite transactions
// are serialized anyway; on PostgreSQL (TEST_DATABASE_URL) these really race.
import type { ExecutionResult } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Project } from '../../src/db/entities/project.js';
import { Reseller } from '../../src/db/entities/reseller.js';
import { SharedImage } from '../../src/db/entities/shared-image.js';
import { graphql } from '../gql/index.js';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { type Catalog, createCatalog, createImages, gid, unique } from '../helpers/fixtures.js';

const ConcurrentMetadataSet = graphql(`
  mutation TestConcurrentMetadataSet($input: ImageMetadataSetInput!) {
    imageMetadataSet(input: $input) {
      __typename
      ... on Error { message }
      ... on ConflictError { field }
    }
  }
`);

const ConcurrentTagAdd = graphql(`
  mutation TestConcurrentTagAdd($input: ImageTagAddInput!) {
    imageTagAdd(input: $input) {
      __typename
      ... on Error { message }
      ... on ConflictError { field }
    }
  }
`);

const ConcurrentUpdate = graphql(`
  mutation TestConcurrentUpdate($input: ImageUpdateInput!) {
    imageUpdate(input: $input) {
      __typename
      ... on Error { message }
      ... on ConflictError { field }
      ... on ImageUpdatePayload { image { rowVersion } }
    }
  }
`);

const ConcurrentImage = graphql(`
  query TestConcurrentImage($id: ID!) {
    image(id: $id) {
      rowVersion
      tags
      minDisk
      metadata { key value }
    }
  }
`);

const WRITERS = 8;

let t: TestApp;
let catalog: Catalog;

beforeAll(async () => {
  t = await startTestApp();
  catalog = await createCatalog(t.app);
});

afterAll(async () => {
  await t?.close();
});

/** The one field of a mutation's data; the operation had no top-level error. */
function field(result: ExecutionResult<Record<string, any>>, name: string): any {
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data![name];
}

async function newImage(): Promise<{ id: string; rowVersion: number }> {
  const [image] = await createImages(t.app, catalog, 1);
  return { id: gid('Image', image!.id), rowVersion: image!.rowVersion };
}

async function readImage(id: string) {
  const result = await t.request(ConcurrentImage, { id });
  expect(result.errors).toBeUndefined();
  return result.data!.image!;
}

const range = (count: number) => Array.from({ length: count }, (_, index) => index);

describe('concurrent changes to one image', () => {
  it(`applies ${WRITERS} concurrent imageMetadataSet calls with different keys: all succeed, every key is kept, rowVersion advances by ${WRITERS}`, async () => {
    const image = await newImage();
    const results = await Promise.all(
      range(WRITERS).map((index) =>
        t.request(ConcurrentMetadataSet, { input: { id: image.id, items: [{ key: `writer-${index}`, value: `value-${index}` }] } }),
      ),
    );
    for (const result of results) expect(field(result, 'imageMetadataSet').__typename).toBe('ImageMetadataSetPayload');
    const after = await readImage(image.id);
    expect(after.metadata).toEqual(range(WRITERS).map((index) => ({ key: `writer-${index}`, value: `value-${index}` })));
    expect(after.rowVersion).toBe(image.rowVersion + WRITERS);
  });

  it(`applies ${WRITERS} concurrent imageTagAdd calls with different tags: all succeed, every tag is kept, rowVersion advances by ${WRITERS}`, async () => {
    const image = await newImage();
    const results = await Promise.all(
      range(WRITERS).map((index) => t.request(ConcurrentTagAdd, { input: { id: image.id, tags: [`tag-${index}`] } })),
    );
    for (const result of results) expect(field(result, 'imageTagAdd').__typename).toBe('ImageTagAddPayload');
    const after = await readImage(image.id);
    expect([...after.tags].sort()).toEqual(range(WRITERS).map((index) => `tag-${index}`).sort());
    expect(after.rowVersion).toBe(image.rowVersion + WRITERS);
  });

  it('applies metadata, tag and update (no expectedVersion) calls racing each other, as a member whose scope joins other tables', async () => {
    // A member of a reseller's project whose image the reseller shares with its clients: the
    // visibility scope then left-joins the project table, which the lock must leave alone.
    const em = t.app.orm.em.fork();
    const reseller = em.create(Reseller, { name: unique('concurrent-reseller') });
    const project = em.create(Project, { name: unique('concurrent-project'), reseller });
    await em.flush();
    const [created] = await createImages(t.app, { ...catalog, project }, 1);
    em.create(SharedImage, { reseller, project: null, region: catalog.region.id, imageIds: [created!.id] } as never);
    await em.flush();
    const image = { id: gid('Image', created!.id), rowVersion: created!.rowVersion };
    const member = t.as(await t.tokenFor({ role: 'member', projectId: project.id }));

    const results = await Promise.all([
      ...range(3).map((index) =>
        member.request(ConcurrentMetadataSet, { input: { id: image.id, items: [{ key: `mixed-${index}`, value: 'v' }] } }).then((result) => field(result, 'imageMetadataSet')),
      ),
      ...range(3).map((index) =>
        member.request(ConcurrentTagAdd, { input: { id: image.id, tags: [`mixed-${index}`] } }).then((result) => field(result, 'imageTagAdd')),
      ),
      member.request(ConcurrentUpdate, { input: { id: image.id, patch: { minDisk: 7 } } }).then((result) => field(result, 'imageUpdate')),
    ]);
    expect(results.map((result) => result.__typename)).toEqual([
      ...range(3).map(() => 'ImageMetadataSetPayload'),
      ...range(3).map(() => 'ImageTagAddPayload'),
      'ImageUpdatePayload',
    ]);
    const after = await readImage(image.id);
    expect(after.metadata.map((item) => item.key)).toEqual(['mixed-0', 'mixed-1', 'mixed-2']);
    expect([...after.tags].sort()).toEqual(['mixed-0', 'mixed-1', 'mixed-2']);
    expect(after.minDisk).toBe(7);
    expect(after.rowVersion).toBe(image.rowVersion + 7);
  });

  it('reads the image with a row lock (SELECT ... FOR UPDATE) before changing it', async () => {
    const image = await newImage();
    const sql = await t.statementsOf(() => t.request(ConcurrentTagAdd, { input: { id: image.id, tags: ['locked'] } }));
    const lockIndex = sql.findIndex((statement) => /^select\b.*\bfrom "image"/i.test(statement) && /\bfor update\b/i.test(statement));
    const updateIndex = sql.findIndex((statement) => /^update "image"/i.test(statement));
    expect(lockIndex, sql.join('\n')).toBeGreaterThanOrEqual(0);
    expect(updateIndex).toBeGreaterThan(lockIndex);
  });

  it('still refuses a stale expectedVersion with a ConflictError on expectedVersion after concurrent writes', async () => {
    const image = await newImage();
    await Promise.all(range(3).map((index) => t.request(ConcurrentTagAdd, { input: { id: image.id, tags: [`stale-${index}`] } })));
    const stale = field(await t.request(ConcurrentUpdate, { input: { id: image.id, expectedVersion: image.rowVersion, patch: { minDisk: 1 } } }), 'imageUpdate');
    expect(stale.__typename).toBe('ConflictError');
    expect(stale.field).toBe('expectedVersion');
    expect((await readImage(image.id)).minDisk).toBe(0);
  });

  it('lets exactly one of several concurrent imageUpdate calls with the same expectedVersion succeed; the others get a ConflictError', async () => {
    const image = await newImage();
    const results = await Promise.all(
      range(4).map((index) =>
        t.request(ConcurrentUpdate, { input: { id: image.id, expectedVersion: image.rowVersion, patch: { minDisk: index + 1 } } }),
      ),
    );
    const members = results.map((result) => field(result, 'imageUpdate'));
    const winners = members.filter((member) => member.__typename === 'ImageUpdatePayload');
    const losers = members.filter((member) => member.__typename === 'ConflictError');
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(3);
    for (const loser of losers) expect(loser.field).toBe('expectedVersion');
    const after = await readImage(image.id);
    expect(after.rowVersion).toBe(image.rowVersion + 1);
    expect(after.minDisk).toBe(members.indexOf(winners[0]) + 1);
  });
});
