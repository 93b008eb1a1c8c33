// The real server on a database of its own, driven in process through yoga.fetch.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { type ExecutionResult, print } from 'graphql';
import { loadConfig } from '../../src/config.js';
import { type App, buildServer } from '../../src/server.js';
import { createTestDatabase } from './database.js';

export interface TestApp {
  app: App;
  /** Sends a typed operation; the result is typed by codegen. */
  request<R, V>(document: TypedDocumentNode<R, V>, variables?: V): Promise<ExecutionResult<R>>;
  /** Sends any text, for operations that must fail validation. */
  requestRaw(query: string, variables?: Record<string, unknown>): Promise<ExecutionResult<Record<string, any>>>;
  /** Runs `work` and returns how many SQL statements it sent. */
  countStatements(work: () => Promise<unknown>): Promise<number>;
  /** Every row of a table, for asserting that a refused change changed nothing. */
  snapshot(...tables: string[]): Promise<unknown[]>;
  close(): Promise<void>;
}

export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({
    DATA_DIR: 'memory://',
    SEED_DEMO: 'false',
    ...(database.url && { DATABASE_URL: database.url }),
    ...env,
  });
  const app = await buildServer(config);
  const knex = app.orm.em.getConnection().getKnex();

  async function requestRaw(query: string, variables?: Record<string, unknown>) {
    const response = await app.yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as ExecutionResult<Record<string, any>>;
  }

  return {
    app,
    request: (document, variables) => requestRaw(print(document), variables as Record<string, unknown>) as never,
    requestRaw,
    async countStatements(work) {
      let count = 0;
      const listener = () => {
        count++;
      };
      knex.on('query', listener);
      try {
        await work();
      } finally {
        knex.removeListener('query', listener);
      }
      return count;
    },
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
