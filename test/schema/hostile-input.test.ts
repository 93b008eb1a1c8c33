// Input a client can send that the database would choke on: each gets a typed error, never a
// masked fault, and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { type Catalog, createCatalog, createImages, gid } from '../helpers/fixtures.js';

const NUL = '\u0000';
const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('hostile input', () => {
  let t: TestApp;
  let catalog: Catalog;
  let imageId: string;

  beforeAll(async () => {
    t = await startTestApp();
    catalog = await createCatalog(t.app);
    imageId = gid('Image', (await createImages(t.app, catalog, 1))[0]!.id);
  });
  afterAll(() => t?.close());

  const codeOf = (result: { errors?: readonly { extensions?: Record<string, unknown> }[] }) => result.errors?.[0]?.extensions?.code;

  it.each([
    ['filter.name', '{ images(first: 1, filter: { name: $text }) { totalCount } }'],
    ['filter.nameContains', '{ images(first: 1, filter: { nameContains: $text }) { totalCount } }'],
    ['filter.tags', '{ images(first: 1, filter: { tags: [$text] }) { totalCount } }'],
    ['search', '{ images(first: 1, search: $text) { totalCount } }'],
    ['imageByName', '{ imageByName(regionId: $region, name: $text) { id } }'],
  ])('answers a NUL character in %s with BAD_USER_INPUT', async (_label, body) => {
    const declared = body.includes('$region') ? '$text: String!, $region: ID!' : '$text: String!';
    const result = await t.requestRaw(`query (${declared}) ${body}`, { text: `a${NUL}b`, region: gid('Region', catalog.region.id) });
    expect(codeOf(result), JSON.stringify(result)).toBe('BAD_USER_INPUT');
  });

  it.each([
    ['description', { description: `x${NUL}` }],
    ['tags', { tags: [`x${NUL}`] }],
    ['username', { username: `root${NUL}` }],
    ['sourceUrl', { sourceUrl: `https://example.org/${NUL}` }],
  ])('refuses a NUL character in %s with a ValidationError, changing nothing', async (field, patch) => {
    const before = await t.snapshot('image');
    const result = await t.requestRaw(
      'mutation ($input: ImageUpdateInput!) { imageUpdate(input: $input) { __typename ... on ValidationError { issues { path } } } }',
      { input: { id: imageId, patch } },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.imageUpdate.__typename).toBe('ValidationError');
    expect(result.data!.imageUpdate.issues[0].path.slice(0, 3)).toEqual(['input', 'patch', field]);
    expect(await t.snapshot('image')).toEqual(before);
  });

  it('refuses a NUL character in a metadata value and a region name', async () => {
    const before = await t.snapshot('image_metadata', 'region');
    const metadata = await t.requestRaw(
      `mutation ($id: ID!) { imageMetadataSet(input: { id: $id, items: [{ key: "k", value: "v${'\\u0000'}" }] }) { __typename } }`,
      { id: imageId },
    );
    expect(metadata.data!.imageMetadataSet.__typename).toBe('ValidationError');
    const region = await t.requestRaw(`mutation { regionCreate(input: { slug: "nul", name: "a${'\\u0000'}" }) { __typename } }`);
    expect(region.data!.regionCreate.__typename).toBe('ValidationError');
    expect(await t.snapshot('image_metadata', 'region')).toEqual(before);
  });

  it.each([
    ['a fractional size', { o: 'size:ASC', v: [1.5], id: '01a2160b-7a58-72a9-a0cc-19c94d5b9625' }, 'SIZE'],
    ['a size beyond bigint', { o: 'size:ASC', v: [1e300], id: '01a2160b-7a58-72a9-a0cc-19c94d5b9625' }, 'SIZE'],
    ['a date before PostgreSQL', { o: 'createdAt:ASC', v: ['-271821-04-20T00:00:00.000Z'], id: '01a2160b-7a58-72a9-a0cc-19c94d5b9625' }, 'CREATED_AT'],
    ['a date after PostgreSQL', { o: 'createdAt:ASC', v: ['+275760-09-13T00:00:00.000Z'], id: '01a2160b-7a58-72a9-a0cc-19c94d5b9625' }, 'CREATED_AT'],
    ['a NUL in a name', { o: 'name:ASC', v: [`a${NUL}`], id: '01a2160b-7a58-72a9-a0cc-19c94d5b9625' }, 'NAME'],
    ['a non-uuid id', { o: 'name:ASC', v: ['a'], id: 'zzz' }, 'NAME'],
  ])('answers a forged cursor with %s with BAD_USER_INPUT', async (_label, content, field) => {
    const result = await t.requestRaw(
      'query ($after: String, $field: ImageOrderField!) { images(first: 1, after: $after, orderBy: [{ field: $field }]) { totalCount } }',
      { after: cursor(content), field },
    );
    expect(codeOf(result), JSON.stringify(result)).toBe('BAD_USER_INPUT');
  });

  it('refuses nodes() with more ids than one statement can bind', async () => {
    const ids = Array.from({ length: 501 }, () => imageId);
    const result = await t.requestRaw('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids });
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    const fine = await t.requestRaw('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: ids.slice(0, 500) });
    expect(fine.errors).toBeUndefined();
    expect(fine.data!.nodes).toHaveLength(500);
  });
});
