import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.js';
import { type TestApp, startTestApp } from '../helpers/app.js';
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
          big: metadataItem(key: "key-1") { value }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

describe('a page of images with every relation', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    await createImages(t.app, await createCatalog(t.app), 120, { metadataPerImage: 3 });
  });
  afterAll(() => t?.close());

  it('costs the same number of SQL statements for 10 images as for 100, at most 6', async () => {
    let small: Awaited<ReturnType<typeof t.request<unknown, unknown>>> | undefined;
    const statementsFor10 = await t.countStatements(async () => {
      small = await t.request(ImagePage, { first: 10 });
    });
    let large: typeof small;
    const statementsFor100 = await t.countStatements(async () => {
      large = await t.request(ImagePage, { first: 100 });
    });
    expect(small?.errors).toBeUndefined();
    expect(large?.errors).toBeUndefined();
    expect((small?.data as any).images.edges).toHaveLength(10);
    expect((large?.data as any).images.edges).toHaveLength(100);
    expect(statementsFor100).toBe(statementsFor10);
    expect(statementsFor100).toBeLessThanOrEqual(6);
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
