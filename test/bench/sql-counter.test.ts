// The statement counter the benchmark relies on: a proxy that reads the frontend protocol and
// counts Query and Execute messages, checked against a real server through it.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmbeddedPostgres, startEmbeddedPostgres } from '../../src/db/pglite.js';
import { FrontendParser, type SqlCounter, startSqlCounter } from '../../bench/sql-counter.js';
import { type TestDatabase, createTestDatabase } from '../helpers/database.js';

/** A frontend message: type byte, int32 length (counting itself), body. */
const message = (type: string, body = Buffer.alloc(0)) => {
  const head = Buffer.alloc(5);
  head.write(type, 0, 'latin1');
  head.writeInt32BE(4 + body.length, 1);
  return Buffer.concat([head, body]);
};
const startup = () => {
  const body = Buffer.from('user\0postgres\0\0', 'latin1');
  const head = Buffer.alloc(8);
  head.writeInt32BE(8 + body.length, 0);
  head.writeInt32BE(196608, 4); // protocol 3.0
  return Buffer.concat([head, body]);
};
const sslRequest = () => Buffer.from([0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f]);

describe('the frontend parser', () => {
  it('refuses an SSL request, holds it back, and counts Query and Execute after startup', () => {
    let refused = 0;
    const parser = new FrontendParser(undefined, () => refused++);
    expect(parser.push(sslRequest())).toHaveLength(0);
    expect(refused).toBe(1);
    const stream = Buffer.concat([startup(), message('Q', Buffer.from('select 1\0')), message('P'), message('B'), message('E'), message('S')]);
    // Byte by byte: messages split anywhere still count once, and every byte is passed on.
    const forwarded = [...stream].map((byte) => parser.push(Buffer.from([byte])));
    expect(Buffer.concat(forwarded).equals(stream)).toBe(true);
    expect(parser.statements).toBe(2);
  });
});

describe('the SQL counter in front of a real server', () => {
  let database: TestDatabase | undefined;
  let embedded: EmbeddedPostgres | undefined;
  let counter: SqlCounter;
  beforeAll(async () => {
    database = await createTestDatabase();
    const url = database.url ?? (embedded = await startEmbeddedPostgres('memory://')).url;
    counter = await startSqlCounter(url);
  });
  afterAll(async () => {
    await counter?.stop();
    await embedded?.stop();
    await database?.drop();
  });

  it('counts one statement per simple query and per parameterized (extended protocol) query', async () => {
    const client = new pg.Client({ connectionString: counter.url });
    await client.connect();
    try {
      counter.reset();
      await client.query('select 1');
      expect(counter.count).toBe(1);
      const { rows } = await client.query('select $1::int + 1 as two', [1]);
      expect(rows).toEqual([{ two: 2 }]);
      expect(counter.count).toBe(2);
      await client.query('begin');
      await client.query('select $1::text as a', ['x']);
      await client.query('commit');
      expect(counter.count).toBe(5);
    } finally {
      await client.end();
    }
  });

  it('answers an SSL request with N: a client that insists on TLS is told the server has none', async () => {
    const client = new pg.Client({ connectionString: counter.url, ssl: { rejectUnauthorized: false } });
    await expect(client.connect()).rejects.toThrow(/does not support SSL/);
  });
});
