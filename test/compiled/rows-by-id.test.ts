// Reads of images by id asked for in the same turn of the event loop share a statement per
// statement and values, at most 100 ids each; a failed statement fails its own group alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsById } from '../../src/compiled/rows-by-id.js';
import { compiledStatements } from '../../src/compiled/statements.js';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { createCatalog, createImages } from '../helpers/fixtures.js';

const BY_IDS = 'SELECT i.id, i.name FROM image i WHERE i.id = ANY ($1::uuid[]) AND i.name <> $2';

describe('rows by id', () => {
  let t: TestApp;
  let ids: string[];
  const statements: string[] = [];
  const count = ({ sql }: { sql: string }) => {
    if (sql.includes('i.id = ANY')) statements.push(sql);
  };

  beforeAll(async () => {
    t = await startTestApp();
    ids = (await createImages(t.app, await createCatalog(t.app), 3)).map((image) => image.id);
    t.app.orm.em.getConnection().getKnex().on('query', count);
  });
  afterAll(async () => {
    t?.app.orm.em.getConnection().getKnex().off('query', count);
    await t?.close();
  });

  const reader = () => rowsById(compiledStatements(t.app.orm, { named: false }));
  const missing = (n: number) => `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`;

  it('reads 250 ids asked for at once in 3 statements, each answer its own row', async () => {
    statements.length = 0;
    const byId = reader();
    const asked = [...ids, ...Array.from({ length: 247 }, (_, n) => missing(n))];
    const rows = await Promise.all(asked.map((id) => byId.row(BY_IDS, [null, ''], id, 0)));
    expect(statements).toHaveLength(3);
    expect(rows.slice(0, 3).map((row) => row?.[0])).toEqual(ids);
    expect(rows.slice(3).every((row) => row === undefined)).toBe(true);
  });

  it('keeps requests with other values apart, and reads in the next turn anew', async () => {
    statements.length = 0;
    const byId = reader();
    const name = (await byId.row(BY_IDS, [null, ''], ids[0]!, 0))![1] as string;
    const [kept, excluded] = await Promise.all([byId.row(BY_IDS, [null, ''], ids[0]!, 0), byId.row(BY_IDS, [null, name], ids[0]!, 0)]);
    expect(kept?.[0]).toBe(ids[0]);
    expect(excluded).toBeUndefined();
    expect(statements).toHaveLength(3);
  });

  it('fails every request of a failed statement, and only those', async () => {
    const byId = reader();
    const [bad, good] = await Promise.allSettled([byId.row(`${BY_IDS} AND no_such_column`, [null, ''], ids[0]!, 0), byId.row(BY_IDS, [null, ''], ids[1]!, 0)]);
    expect(bad.status).toBe('rejected');
    expect(good.status === 'fulfilled' && good.value?.[0]).toBe(ids[1]);
  });
});
