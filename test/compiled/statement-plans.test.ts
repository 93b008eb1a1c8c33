// The compiled read path prepares a page's statement once per connection, except where the
// filter's values decide the plan (src/compiled/execute.ts): those pages are planned each time.
// Only on an external PostgreSQL: the embedded one prepares nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { createCatalog, createImages } from '../helpers/fixtures.js';

const PAGE = `query ($filter: ImageFilter, $search: String) { images(first: 5, filter: $filter, search: $search) { edges { node { id name } } } }`;

describe.runIf(process.env.TEST_DATABASE_URL)('compiled statements and their plans', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    await createImages(t.app, await createCatalog(t.app), 3);
  });
  afterAll(() => t?.close());

  /** The names the page's statements ran under (undefined: unnamed, planned for its values). */
  async function namesOf(variables: Record<string, unknown>): Promise<(string | undefined)[]> {
    const names: (string | undefined)[] = [];
    const knex = t.app.orm.em.getConnection().getKnex();
    const listener = (query: { sql: string; name?: string }) => {
      if (/\bFROM image i\b/.test(query.sql)) names.push(query.name);
    };
    knex.on('query', listener);
    try {
      const result = await t.requestRaw(PAGE, variables);
      expect(result.errors).toBeUndefined();
    } finally {
      knex.removeListener('query', listener);
    }
    return names;
  }

  it('prepares an unfiltered page, and one whose filter narrows nothing', async () => {
    expect(await namesOf({})).toEqual([expect.stringMatching(/^read_\d+$/)]);
    expect(await namesOf({ filter: { status: [], tags: [], size: {}, hidden: false } })).toEqual([expect.stringMatching(/^read_\d+$/)]);
  });

  it('plans a filtered or searched page for its values', async () => {
    expect(await namesOf({ filter: { tags: ['lts'], size: { gte: 1 } } })).toEqual([undefined]);
    expect(await namesOf({ search: 'name ~ image' })).toEqual([undefined]);
  });
});
