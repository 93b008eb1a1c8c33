// The compiled read path prepares a page's statement once per connection, except where the
// filter's values decide the plan (src/compiled/execute.ts): those pages are planned each time
// (only on an external PostgreSQL: the embedded one prepares nothing). And the shape of a
// viewer's page: its ids chosen from the order's index first where that index holds all it reads.
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

describe("a viewer's unfiltered page is chosen from the order's index first", () => {
  let t: TestApp;
  let member: string;

  beforeAll(async () => {
    t = await startTestApp();
    const catalog = await createCatalog(t.app);
    await createImages(t.app, catalog, 3);
    member = await t.tokenFor({ role: 'member', projectId: catalog.project.id });
  });
  afterAll(() => t?.close());

  /** Whether the page's statement chose its ids in a subquery first. */
  async function choseFirst(token: string, variables: Record<string, unknown>): Promise<boolean> {
    const chosen: boolean[] = [];
    const knex = t.app.orm.em.getConnection().getKnex();
    const listener = (query: { sql: string }) => {
      if (/\bFROM image i\b/.test(query.sql)) chosen.push(query.sql.includes(') chosen JOIN image i'));
    };
    knex.on('query', listener);
    try {
      const result = await t.as(token).requestRaw('query ($filter: ImageFilter, $orderBy: [ImageOrder!]) { images(first: 5, filter: $filter, orderBy: $orderBy) { edges { node { id name } } } }', variables);
      expect(result.errors).toBeUndefined();
    } finally {
      knex.removeListener('query', listener);
    }
    expect(chosen).toHaveLength(1);
    return chosen[0]!;
  }

  it("for a member's page in one key's order", async () => {
    expect(await choseFirst(member, {})).toBe(true);
    expect(await choseFirst(member, { orderBy: [{ field: 'CREATED_AT', direction: 'DESC' }] })).toBe(true);
  });

  it("not for an administrator's, a filtered one, or one in two keys' order", async () => {
    expect(await choseFirst(t.adminToken, {})).toBe(false);
    expect(await choseFirst(member, { filter: { tags: ['lts'] } })).toBe(false);
    expect(await choseFirst(member, { orderBy: [{ field: 'STATUS', direction: 'ASC' }, { field: 'NAME', direction: 'ASC' }] })).toBe(false);
  });
});
