// The gateway's connections plan queries as written (join_collapse_limit = 1: a page with its
// relations joined is planned in about a millisecond instead of ten), without parallel workers
// (requests are parallel already). Every pooled connection.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, startTestApp } from '../helpers/app.js';

describe('planner settings of the connection pool', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('joins in the written order, without parallel workers, on every connection the pool opens', async () => {
    const connection = t.app.orm.em.getConnection();
    // Concurrent statements make the pool open more than one connection.
    const settings = await Promise.all(
      Array.from({ length: 4 }, () =>
        connection.execute<{ joins: string; workers: string }[]>(
          "select current_setting('join_collapse_limit') as joins, current_setting('max_parallel_workers_per_gather') as workers",
        ),
      ),
    );
    expect(settings.map(([row]) => row)).toEqual(Array(4).fill({ joins: '1', workers: '0' }));
  });
});
