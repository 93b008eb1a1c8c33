// The benchmark catalog: the same rows for the same seed, the shape the benchmarks rely on, and
// a bulk load that the real server then serves.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset } from '../../bench/dataset.js';
import { loadDataset } from '../../bench/load.js';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { gid } from '../helpers/fixtures.js';

const IMAGES = 2_000;

/** Map.groupBy, which Node 20 lacks. */
function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

describe('the benchmark dataset', () => {
  const dataset = generateDataset({ images: IMAGES, seed: 7 });

  it('is the same for the same seed, and another for another seed', () => {
    expect(JSON.stringify(generateDataset({ images: IMAGES, seed: 7 }))).toBe(JSON.stringify(dataset));
    expect(JSON.stringify(generateDataset({ images: IMAGES, seed: 8 }).image)).not.toBe(JSON.stringify(dataset.image));
  });

  it('has the reference data the benchmarks name, and N images with 5 metadata items each', () => {
    const sizes = Object.fromEntries(Object.entries(dataset).map(([table, rows]) => [table, rows.length]));
    expect(sizes).toMatchObject({
      region: 6, reseller: 3, project: 500, operating_system: 40, architecture: 6, compute_resource: 60,
      image: IMAGES, image_metadata: 5 * IMAGES,
    });
    expect(new Set(dataset.operating_system.map((os) => os.title)).size).toBe(40);
  });

  it('spreads images realistically: every visibility, several statuses, 0-8 tags, names shared across owners', () => {
    const count = (key: string) => new Map([...groupBy(dataset.image, (row) => row[key] as string)].map(([value, rows]) => [value, rows.length]));
    expect([...count('visibility').keys()].sort()).toEqual(['COMMUNITY', 'PRIVATE', 'PUBLIC', 'SHARED']);
    expect(count('status').get('ACTIVE')! / IMAGES).toBeGreaterThan(0.75);
    expect(count('status').get('DELETED')).toBeGreaterThan(0);
    for (const row of dataset.image) {
      expect((row.tags as string[]).length).toBeLessThanOrEqual(8);
      expect(row.deleted_at === null).toBe(row.status !== 'DELETED');
    }
    const ownersByName = groupBy(dataset.image, (row) => row.name as string);
    expect([...ownersByName.values()].some((rows) => new Set(rows.map((row) => row.owner_id)).size > 1)).toBe(true);
    const shared = new Set(dataset.image.filter((row) => row.visibility === 'SHARED').map((row) => row.id));
    expect(dataset.image_member.length).toBeGreaterThan(0);
    expect(dataset.image_member.every((member) => shared.has(member.image_id))).toBe(true);
    expect(dataset.shared_image.filter((row) => row.reseller_id !== null)).toHaveLength(18);
  });

  describe('loaded in bulk', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ WORKERS: '0' });
      const client = new pg.Client({ connectionString: t.app.orm.config.get('clientUrl') });
      await client.connect();
      try {
        await loadDataset(client, dataset);
      } finally {
        await client.end();
      }
    });
    afterAll(() => t?.close());

    it('is served by the real server: every live image to an administrator, a scoped share to a member', async () => {
      const live = dataset.image.filter((row) => row.deleted_at === null);
      const all = await t.requestRaw('{ images(first: 100, filter: { visibility: [PUBLIC, COMMUNITY, SHARED, PRIVATE], hidden: null }) { totalCount } }');
      expect(all.errors).toBeUndefined();
      const listed = live.filter((row) => !row.hidden);
      expect(all.data!.images.totalCount).toBe(listed.length);
      const page = await t.requestRaw(`{ images(first: 100) { edges { node { name operatingSystem { title } architecture { name } region { slug } owner { name } metadata { key value } } } } }`);
      expect(page.errors).toBeUndefined();
      expect(page.data!.images.edges[0].node.metadata).toHaveLength(5);
      const member = dataset.image_member.find((row) => row.status === 'ACCEPTED')!;
      const token = await t.tokenFor({ role: 'member', projectId: member.project_id as string });
      const seen = await t.as(token).requestRaw('query ($id: ID!) { image(id: $id) { id } }', {
        id: gid('Image', member.image_id as string),
      });
      const image = dataset.image.find((row) => row.id === member.image_id)!;
      expect(seen.data!.image === null).toBe(image.deleted_at !== null);
    });
  });
});
