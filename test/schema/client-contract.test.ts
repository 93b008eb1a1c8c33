// What normalized client caches (Relay, Apollo, urql's graphcache) rely on: every connection
// counts its list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Task } from '../../src/db/entities/task.js';
import { graphql } from '../gql/index.js';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { type Catalog, createCatalog, createImages, gid } from '../helpers/fixtures.js';

const Counted = graphql(`
  query CcCounted($imageId: ID!) {
    regions(first: 1) { totalCount edges { node { id } } pageInfo { hasNextPage } }
    tasks(first: 1, filter: { imageId: $imageId }) { totalCount edges { node { id } } }
    images(first: 1, filter: { nameContains: "cc-counted" }) { totalCount }
  }
`);

describe('the schema as normalized client caches use it', () => {
  let t: TestApp;
  let catalog: Catalog;

  beforeAll(async () => {
    t = await startTestApp();
    catalog = await createCatalog(t.app);
  });
  afterAll(() => t?.close());

  it('counts the whole list on every connection, whatever the page size', async () => {
    const images = await createImages(t.app, catalog, 3, { name: (index) => `cc-counted-${index}` });
    const em = t.app.orm.em.fork();
    for (const type of ['CREATE', 'IMPORT'] as const) {
      em.create(Task, { type, state: 'FINISHED', image: images[0]!.id, project: catalog.project.id, progress: 100, bytesDone: 0 } as never);
    }
    await em.flush();
    const [regions] = await t.app.orm.em.fork().getConnection().execute<{ n: number }[]>('select count(*)::int as n from region');
    const answer = await t.request(Counted, { imageId: gid('Image', images[0]!.id) });
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.regions.totalCount).toBe(regions!.n);
    expect(answer.data!.regions.edges).toHaveLength(1);
    expect(answer.data!.tasks.totalCount).toBe(2);
    expect(answer.data!.tasks.edges).toHaveLength(1);
    expect(answer.data!.images.totalCount).toBe(3);
  });
});
