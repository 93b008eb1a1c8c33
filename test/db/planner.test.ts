// The gateway's connections plan queries as written (join_collapse_limit = 1): a page with its
// relations joined is planned in about a millisecond instead of ten. Every pooled connection.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, startTestApp } from '../helpers/app.js';

describe('planner settings of the connection pool', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('joins in the written order on every connection, however many the pool opens', async () => {
    const connection = t.app.orm.em.getConnection();
    // Concurrent statements make the pool open more than one connection.
    const settings = await Promise.all(
      Array.from({ length: 4 }, () => connection.execute<{ join_collapse_limit: string }[]>('show join_collapse_limit')),
    );
    expect(settings.map(([row]) => row!.join_collapse_limit)).toEqual(['1', '1', '1', '1']);
  });
});
