// The real server on a database of its own, driven in process as the listener drives it: the
// compiled read path where it answers, else Yoga. Every answer of the compiled path is compared,
// byte for byte, with the general path's answer to the same request: every read test is also a
// differential test of the two paths.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { randomBytes } from 'node:crypto';
import { type ExecutionResult, print } from 'graphql';
import { loadConfig } from '../../src/config.js';
import { type TokenPrincipal, createToken } from '../../src/domain/tokens.js';
import { type App, type BuildOptions, buildServer } from '../../src/server.js';
import { newOperationRecord } from '../../src/http/use-operation-log.js';
import { createTestDatabase } from './database.js';

/** Sends operations as one principal. */
export interface Caller {
  /** Sends a typed operation; the result is typed by codegen. */
  request<R, V>(document: TypedDocumentNode<R, V>, variables?: V): Promise<ExecutionResult<R>>;
  /** Sends any text, for operations that must fail validation. */
  requestRaw(query: string, variables?: Record<string, unknown>): Promise<ExecutionResult<Record<string, any>>>;
}

/** `request` and `requestRaw` send as the administrator (ADMIN_TOKEN). */
export interface TestApp extends Caller {
  app: App;
  /** The administrator's token, sent by default. */
  adminToken: string;
  /** The same calls with another token, or with none (null). */
  as(token: string | null): Caller;
  /** Issues an API token for a principal (ids are uuids) and returns its plaintext. */
  tokenFor(principal: {
    role: TokenPrincipal['role'] | Lowercase<TokenPrincipal['role']>;
    projectId?: string;
    resellerId?: string;
    readOnly?: boolean;
  }): Promise<string>;
  /** Runs `work` and returns how many SQL statements it sent. */
  countStatements(work: () => Promise<unknown>): Promise<number>;
  /** Runs `work` and returns the SQL statements it sent. */
  statementsOf(work: () => Promise<unknown>): Promise<string[]>;
  /** Every row of a table, for asserting that a refused change changed nothing. */
  snapshot(...tables: string[]): Promise<unknown[]>;
  close(): Promise<void>;
}

export async function startTestApp(env: Record<string, string> = {}, options: BuildOptions = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({
    DATA_DIR: 'memory://',
    SEED_DEMO: 'false',
    ADMIN_TOKEN: `test-admin-${randomBytes(16).toString('hex')}`,
    // Tests send as fast as they can as one administrator; the rate limit has tests of its own.
    RATE_LIMIT_COST_PER_SECOND: '0',
    // A line per request would bury the test report; tests that read the log pass their own logger.
    LOG_LEVEL: 'warn',
    ...(database.url && { DATABASE_URL: database.url }),
    // One process: its own changes are all its subscribers hear, with or without workers.
    ...(!env.REDIS_URL && { EVENTS: 'local' }),
    ...env,
  });
  const adminToken = config.adminToken!;
  const app = await buildServer(config, options);
  const knex = app.orm.em.getConnection().getKnex();

  // While statements are counted, the general path's answer is not asked for as well.
  let counting = 0;
  async function statementsOf(work: () => Promise<unknown>): Promise<string[]> {
    const sql: string[] = [];
    const listener = (query: { sql: string }) => sql.push(query.sql);
    knex.on('query', listener);
    counting += 1;
    try {
      await work();
    } finally {
      counting -= 1;
      knex.removeListener('query', listener);
    }
    return sql;
  }

  function as(token: string | null): Caller {
    async function requestRaw(query: string, variables?: Record<string, unknown>) {
      const request = () =>
        new Request('http://localhost/graphql', {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept: 'application/graphql-response+json',
            ...(token !== null && { authorization: `Bearer ${token}` }),
          },
          body: JSON.stringify({ query, variables }),
        });
      const record = newOperationRecord();
      const response = await app.fetch(request(), record);
      let text = await response.text();
      if (record.readPath === 'compiled' && counting === 0) {
        const difference = await differenceOf(response, text, await app.yoga.fetch(request()));
        if (difference) {
          // A worker may have changed the data between the two answers: once more, back to back,
          // the compiled path again (it must take the request again), and that answer is the one returned.
          const againRecord = newOperationRecord();
          const again = await app.fetch(request(), againRecord);
          text = await again.text();
          const secondDifference = againRecord.readPath === 'compiled'
            ? await differenceOf(again, text, await app.yoga.fetch(request()))
            : `the compiled path took the request once, then left it (${againRecord.handedOn})`;
          if (secondDifference) throw new Error(`The compiled read path answered differently from the general path to ${query.slice(0, 300)}:\n${difference}\nand again:\n${secondDifference}`);
        }
      }
      return JSON.parse(text) as ExecutionResult<Record<string, any>>;
    }
    return {
      request: (document, variables) => requestRaw(print(document), variables as Record<string, unknown>) as never,
      requestRaw,
    };
  }

  return {
    app,
    adminToken,
    ...as(adminToken),
    as,
    async tokenFor({ role, projectId, resellerId, readOnly }) {
      const upper = role.toUpperCase() as TokenPrincipal['role'];
      const name = `test ${role.toLowerCase()}`;
      return (await createToken(app.orm.em.fork(), { name, role: upper, projectId, resellerId, readOnly })).token;
    },
    countStatements: async (work) => (await statementsOf(work)).length,
    statementsOf,
    async snapshot(...tables) {
      const rows: unknown[] = [];
      for (const table of tables) {
        rows.push(await knex.select('*').from(table).orderBy('id'));
      }
      return rows;
    },
    async close() {
      await app.stop();
      await database.drop();
    },
  };
}

/** How the general path's answer differs from the compiled one's (status, type, body to the byte), or null. */
async function differenceOf(compiled: Response, compiledText: string, general: Response): Promise<string | null> {
  const generalText = await general.text();
  const differences = [
    compiled.status !== general.status && `status ${compiled.status} against ${general.status}`,
    compiled.headers.get('content-type') !== general.headers.get('content-type') && `content-type ${compiled.headers.get('content-type')} against ${general.headers.get('content-type')}`,
    compiledText !== generalText && `body\n  compiled: ${compiledText.slice(0, 2000)}\n  general:  ${generalText.slice(0, 2000)}`,
  ].filter(Boolean);
  return differences.length ? differences.join('\n') : null;
}
