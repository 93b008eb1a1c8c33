// The ORM, initialised once per process; every request works on its own fork.
import { fileURLToPath } from 'node:url';
import { Migrator } from '@mikro-orm/migrations';
import { MikroORM, type Options, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { migrationsList } from '../../migrations/index.js';
import { describeError } from '../describe-error.js';
import { entities } from './entities/all.js';

const migrationsDir = fileURLToPath(new URL('../../migrations', import.meta.url));

export interface OrmOptions {
  clientUrl: string;
  /** Print every SQL statement (LOG_SQL). */
  debug?: boolean;
  poolSize?: number;
  /** Create the database when it does not exist (DATABASE_CREATE); else that is an error. */
  createDatabase?: boolean;
}

export function ormConfig({ clientUrl, debug = false, poolSize = 10 }: OrmOptions): Options {
  return {
    driver: PostgreSqlDriver,
    clientUrl,
    entities,
    extensions: [Migrator],
    debug,
    pool: {
      min: 0,
      max: poolSize,
      // Session settings for a service of many small requests at once:
      // - Joins in the written order. Our reads start from the table they list and join along
      //   foreign keys; searching join orders took 8-12 ms to plan a page with six joins that
      //   runs in 1 ms. (Subqueries such as the member condition are still planned freely.)
      // - No parallel workers: a filtered page scanned by three processes took 31 ms each (93 ms
      //   of CPU) against 22 ms alone; with requests already in parallel, workers only add CPU.
      afterCreate(connection: { query(sql: string, done: (error?: Error) => void): void }, done: (error?: Error) => void) {
        connection.query('set join_collapse_limit = 1; set max_parallel_workers_per_gather = 0', done);
      },
    },
    // Whether a missing database is created is ours to decide (openOrm), not the ORM's.
    ensureDatabase: false,
    // Requests fork the EntityManager explicitly; a global one shared by accident is a bug.
    allowGlobalContext: false,
    forceUtcTimezone: true,
    migrations: {
      path: migrationsDir,
      pathTs: migrationsDir,
      // Imported, not discovered on disk: the same list runs under tsx, vitest and node.
      migrationsList,
      emit: 'ts',
      // The create script diffs against a freshly migrated database; no snapshot file needed.
      snapshot: false,
      transactional: true,
      allOrNothing: true,
      silent: true,
    },
  };
}

/** Opens the ORM on an existing database (or one it may create); rejects with one clear line. */
export async function openOrm(options: OrmOptions): Promise<MikroORM> {
  const orm = await MikroORM.init(ormConfig(options));
  try {
    await ensureDatabase(orm, options);
    return orm;
  } catch (error) {
    await orm.close();
    throw error;
  }
}

/** PostgreSQL's invalid_catalog_name: the database named in the URL does not exist. */
const NO_SUCH_DATABASE = '3D000';

async function ensureDatabase(orm: MikroORM, options: OrmOptions): Promise<void> {
  const check = await orm.checkConnection();
  if (check.ok) return;
  const url = new URL(options.clientUrl);
  const database = `database "${orm.config.get('dbName')}" on ${url.hostname}:${url.port || '5432'}`;
  if ((check.error as { code?: string } | undefined)?.code !== NO_SUCH_DATABASE) {
    throw new Error(`cannot connect to the ${database}: ${describeError(check.error ?? check.reason)}`);
  }
  // A misspelt name must not become an empty catalog that seems to work.
  if (!options.createDatabase) {
    throw new Error(`the ${database} does not exist: create it, or set DATABASE_CREATE=true to have it created`);
  }
  await orm.schema.ensureDatabase();
}

export { MikroORM };
