// Several connections to the embedded server at once, as the ORM's pool and the task queue make
// them: extended-protocol queries (Parse … Sync) on some, transactions of simple queries on
// others. Each gets its own answers, and none waits for ever.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmbeddedPostgres, startEmbeddedPostgres } from '../../src/db/pglite.js';

describe('connections to the embedded server', () => {
  let db: EmbeddedPostgres;
  beforeAll(async () => {
    db = await startEmbeddedPostgres('memory://');
  });
  afterAll(() => db?.stop());

  it('keeps each extended-protocol exchange and each transaction whole while others run', async () => {
    const clients = await Promise.all(Array.from({ length: 4 }, async () => {
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      return client;
    }));
    try {
      await clients[0]!.query('create table counter (id int primary key, n int)');
      await clients[0]!.query('insert into counter values (1, 0)');
      const rounds = 150;
      const parameterized = async (client: pg.Client, offset: number) => {
        for (let i = 0; i < rounds; i++) {
          const { rows } = await client.query('select $1::int + $2::int as n', [i, offset]);
          expect(rows[0].n).toBe(i + offset);
        }
      };
      const transactions = async (client: pg.Client) => {
        for (let i = 0; i < rounds; i++) {
          await client.query('BEGIN');
          await client.query('update counter set n = n + 1 where id = 1');
          await client.query('COMMIT');
        }
      };
      const work = Promise.all([parameterized(clients[0]!, 0), parameterized(clients[1]!, 1000), transactions(clients[2]!), transactions(clients[3]!)]);
      const stuck = new Promise((_, reject) => setTimeout(() => reject(new Error('a connection waited for ever')), 20_000).unref());
      await Promise.race([work, stuck]);
      const { rows } = await clients[0]!.query('select n from counter where id = 1');
      expect(rows[0].n).toBe(2 * rounds);
    } finally {
      await Promise.all(clients.map((client) => client.end()));
    }
  });
});
