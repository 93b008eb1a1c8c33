// Conditions written once as SQL (src/domain/sql.ts) and handed to the ORM as raw fragments: the
// ORM keeps each fragment in a process-wide registry until a query uses it, so every fragment
// made must be used, or the registry grows with every request.
import { RawQueryFragment } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { createCatalog, createImages, gid } from '../helpers/fixtures.js';

describe('SQL conditions in the ORM', () => {
  let t: TestApp;
  let imageId: string;
  let member: ReturnType<TestApp['as']>;

  beforeAll(async () => {
    t = await startTestApp();
    const catalog = await createCatalog(t.app);
    imageId = gid('Image', (await createImages(t.app, catalog, 3))[0]!.id);
    member = t.as(await t.tokenFor({ role: 'member', projectId: catalog.project.id }));
  });
  afterAll(() => t?.close());

  it('leaves no fragment behind: pages, counts, lookups, changes, refusals', async () => {
    const before = RawQueryFragment.checkCacheSize();
    for (const caller of [t, member]) {
      const page = await caller.requestRaw('{ images(first: 2) { totalCount edges { cursor node { id } } } }');
      const cursor = page.data!.images.edges[0].cursor;
      await caller.requestRaw('query ($after: String) { images(first: 1, after: $after, search: "name ~ image") { totalCount edges { node { id } } } }', { after: cursor });
      await caller.requestRaw('query ($id: ID!) { image(id: $id) { name replicas { id } } node(id: $id) { id } }', { id: imageId });
      await caller.requestRaw('mutation ($id: ID!) { imageTagAdd(input: { id: $id, tags: ["x"] }) { __typename } }', { id: imageId });
      // Refused after the conditions could have been made: a bad cursor, a bad page size, a bad search.
      await caller.requestRaw('{ images(first: 1, after: "bad") { totalCount } }');
      await caller.requestRaw('{ images(first: 1, before: "bad", after: "bad") { totalCount } }');
      await caller.requestRaw('{ images(search: "name ~") { totalCount } }');
    }
    expect(RawQueryFragment.checkCacheSize()).toBe(before);
  });
});
