// Statements of the compiled read path, run on the ORM's own connection pool (same session
// settings, same limit on connections): named on an external PostgreSQL, so it parses and plans
// each shape once per connection (a filtered page excepted: planned for its values each time),
// and read in array mode with timestamps and bigints left as text, which the writers turn into
// the answer's text without making Dates or BigInts in between.
import type { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import type { Row } from './projection.js';

/** Statement shapes named at most: past it, new shapes run unnamed (parsed each time). */
const MAX_NAMED = 500;

const TIMESTAMPTZ = 1184;
const INT8 = 20;
const asText = (value: string) => value;

const types = {
  getTypeParser(oid: number, format?: string) {
    if (oid === TIMESTAMPTZ || oid === INT8) return asText;
    return pg.types.getTypeParser(oid, format as 'text');
  },
};

interface Connection {
  query(config: { name?: string; text: string; values: unknown[]; rowMode: 'array'; types: typeof types }): Promise<{ rows: unknown[][] }>;
}

interface KnexClient {
  acquireConnection(): Promise<Connection>;
  releaseConnection(connection: Connection): Promise<void>;
}

export interface Statements {
  /**
   * The rows of `text` with `values` (`$1`, `$2`, …), on a pooled connection taken for this
   * statement alone: none is held while a request waits for something else (reference rows read
   * through the same pool, say). `planEach`: planned for its values each time, never prepared.
   */
  rows(text: string, values: readonly unknown[], options?: { planEach?: boolean }): Promise<Row[]>;
}

/**
 * `named`: statements are prepared once per connection. Not on the embedded server, whose
 * connections share one session: a name one connection prepared exists for every other, and
 * outlives the connection, so a pool that opens new connections over the days would pile them up.
 */
export function compiledStatements(orm: MikroORM, { named }: { named: boolean }): Statements {
  const shapes = new Map<string, number>();
  const nameOf = (text: string): string | undefined => {
    if (!named) return undefined;
    let shape = shapes.get(text);
    if (shape === undefined && shapes.size < MAX_NAMED) shapes.set(text, (shape = shapes.size + 1));
    return shape === undefined ? undefined : `read_${shape}`;
  };
  const pool = () => orm.em.getConnection().getKnex();
  const knexClient = () => pool().client as unknown as KnexClient;
  return {
    async rows(text, values, { planEach = false } = {}) {
      const connection = await knexClient().acquireConnection();
      try {
        // Announced as the ORM's statements are, so whatever watches the pool's work sees these too.
        const name = planEach ? undefined : nameOf(text);
        pool().emit('query', { sql: text, bindings: values, name });
        const result = await connection.query({ name, text, values: [...values], rowMode: 'array', types });
        return result.rows;
      } finally {
        await knexClient().releaseConnection(connection);
      }
    },
  };
}
