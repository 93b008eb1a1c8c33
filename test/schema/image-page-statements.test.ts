import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.js';
import { SharedImage } from '../../src/db/entities/shared-image.js';
import { type Caller, type TestApp, startTestApp } from '../helpers/app.js';
import { createCatalog, createImages } from '../helpers/fixtures.js';

const ImagePage = graphql(`
  query ImagePageWithRelations($first: Int!) {
    images(first: $first) {
      totalCount
      edges {
        cursor
        node {
          id
          name
          operatingSystem { id title }
          architecture { id name }
          computeResource { id name region { slug } }
          region { id slug }
          owner { id name }
          metadata { key value readOnly }
          members { status project { name } }
          big: metadataItem(key: "key-1") { value }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

describe('a page of images with every relation', () => {
  let t: TestApp;
  let member: Caller;

  // The token's lookup is cached for a second, so it comes with one request and not the next:
  // pages are compared without it, and it counts once against the bound of 6.
  const pageStatements = async (work: () => Promise<unknown>) =>
    (await t.statementsOf(work)).filter((sql) => !/\bapi_token\b/.test(sql)).length;

  beforeAll(async () => {
    t = await startTestApp();
    const catalog = await createCatalog(t.app);
    await createImages(t.app, catalog, 120, { metadataPerImage: 3 });
    // A member whose project has a SharedImage row: the scoped path, with the member clause.
    const em = t.app.orm.em.fork();
    em.create(SharedImage, { project: catalog.project.id, reseller: null, region: catalog.otherRegion.id, imageIds: [] } as never);
    await em.flush();
    member = t.as(await t.tokenFor({ role: 'member', projectId: catalog.project.id }));
  });
  afterAll(() => t?.close());

  it('costs a member under the visibility scope the same for 10 images as for 100, at most 6 statements', async () => {
    const counts: number[] = [];
    for (const first of [10, 100]) {
      let result: Awaited<ReturnType<Caller['requestRaw']>> | undefined;
      counts.push(await pageStatements(async () => {
        result = await member.request(ImagePage, { first }) as never;
      }));
      expect(result?.errors).toBeUndefined();
      expect((result?.data as any).images.edges).toHaveLength(first);
      expect((result?.data as any).images.totalCount).toBe(120);
    }
    expect(counts[1]).toBe(counts[0]);
    expect(counts[1]! + 1).toBeLessThanOrEqual(6);
  });

  it('costs the same number of SQL statements for 10 images as for 100, at most 6', async () => {
    let small: Awaited<ReturnType<typeof t.request<unknown, unknown>>> | undefined;
    const statementsFor10 = await pageStatements(async () => {
      small = await t.request(ImagePage, { first: 10 });
    });
    let large: typeof small;
    const statementsFor100 = await pageStatements(async () => {
      large = await t.request(ImagePage, { first: 100 });
    });
    expect(small?.errors).toBeUndefined();
    expect(large?.errors).toBeUndefined();
    expect((small?.data as any).images.edges).toHaveLength(10);
    expect((large?.data as any).images.edges).toHaveLength(100);
    expect(statementsFor100).toBe(statementsFor10);
    expect(statementsFor100 + 1).toBeLessThanOrEqual(6);
  });

  it('returns every relation and the metadata of each image', async () => {
    const result = await t.request(ImagePage, { first: 5 });
    expect(result.errors).toBeUndefined();
    const page = result.data!.images;
    expect(page.totalCount).toBe(120);
    expect(page.pageInfo.hasNextPage).toBe(true);
    for (const { node } of page.edges) {
      expect(node.operatingSystem?.title).toMatch(/ 24\.04$/);
      expect(node.architecture?.name).toMatch(/^x86_64/);
      expect(node.computeResource?.region?.slug).toBe(node.region.slug);
      expect(node.owner?.name).toMatch(/^acme/);
      expect(node.metadata.map((item) => item.key)).toEqual(['key-0', 'key-1', 'key-2']);
      expect(node.big?.value).toMatch(/^value-\d+-1$/);
    }
  });
});
