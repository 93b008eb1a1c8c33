// Recreates the benchmark database and loads the generated catalog into it:
//   npx tsx bench/load-dataset.ts [--images N] [--seed S]
// BENCH_DATABASE_URL names the database (default postgres://postgres@127.0.0.1:5432/bench); it is
// dropped and created again, migrated with the application's migrations, then loaded in bulk.
// bench/run.ts calls the same functions, and builds the embedded (PGlite) copy with them too.
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { migrate } from '../src/db/migrate.js';
import { openOrm } from '../src/db/orm.js';
import { startEmbeddedPostgres } from '../src/db/pglite.js';
import { type Dataset, generateDataset } from './dataset.js';
import { loadDataset, vacuumTables } from './load.js';

export const DEFAULT_BENCH_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/bench';

export interface LoadTimings {
  /** Row count of each table. */
  counts: Record<string, number>;
  /** Seconds spent creating and migrating the database, and loading the rows. */
  databaseSeconds: number;
  loadSeconds: number;
}

/** The database a URL names, refused unless plain letters, digits and _ (it is dropped by name). */
export function databaseName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!/^\w+$/.test(name)) throw new Error(`the database URL must name a database of letters, digits and _; got "${name}"`);
  return name;
}

/** Drops and creates the database `url` names, migrates it with the application's migrations, loads `dataset`. */
export async function recreateAndLoad(url: string, dataset: Dataset): Promise<LoadTimings> {
  const name = databaseName(url);
  const server = new URL(url);
  server.pathname = '/postgres';
  const started = performance.now();
  await withClient(server.href, async (admin) => {
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.query(`create database "${name}"`);
  });
  const orm = await openOrm({ clientUrl: url, poolSize: 2 });
  try {
    await migrate(orm, { embedded: false });
  } finally {
    await orm.close();
  }
  const migrated = performance.now();
  const counts = await withClient(url, (client) => loadDataset(client, dataset));
  return { counts, databaseSeconds: (migrated - started) / 1000, loadSeconds: (performance.now() - migrated) / 1000 };
}

/**
 * Builds an embedded (PGlite) database in `dataDir` holding `dataset`, for a server started later
 * with DATA_DIR=dataDir and no DATABASE_URL. PGlite belongs to one process: this one stops it first.
 */
export async function buildEmbedded(dataDir: string, dataset: Dataset): Promise<LoadTimings> {
  const started = performance.now();
  const embedded = await startEmbeddedPostgres(dataDir);
  try {
    const orm = await openOrm({ clientUrl: embedded.url, poolSize: 1 });
    try {
      await migrate(orm, { embedded: true });
    } finally {
      await orm.close();
    }
    const migrated = performance.now();
    const counts = await withClient(embedded.url, (client) => loadDataset(client, dataset));
    return { counts, databaseSeconds: (migrated - started) / 1000, loadSeconds: (performance.now() - migrated) / 1000 };
  } finally {
    await embedded.stop();
  }
}

/** Vacuums a database kept from an earlier run: its writes since (W5, W6) left dead rows and index entries. */
export function vacuumDatabase(url: string): Promise<void> {
  return withClient(url, vacuumTables);
}

/** `use` with a connection of its own to `url`, closed afterwards whatever happens. */
async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

async function main() {
  const { values } = parseArgs({ options: { images: { type: 'string', default: '100000' }, seed: { type: 'string', default: '42' } } });
  const images = Number(values.images);
  const seed = Number(values.seed);
  if (!Number.isSafeInteger(images) || images < 0 || !Number.isSafeInteger(seed)) {
    console.error('--images and --seed take whole numbers');
    process.exit(2);
  }
  const url = process.env.BENCH_DATABASE_URL ?? DEFAULT_BENCH_DATABASE_URL;
  try {
    databaseName(url);
  } catch (error) {
    console.error(`BENCH_DATABASE_URL: ${(error as Error).message}`);
    process.exit(2);
  }
  const started = performance.now();
  const dataset = generateDataset({ images, seed });
  const generated = (performance.now() - started) / 1000;
  const { counts, databaseSeconds, loadSeconds } = await recreateAndLoad(url, dataset);
  const seconds = (s: number) => s.toFixed(1);
  console.log(JSON.stringify(counts));
  console.log(
    `${images} images: database ${seconds(databaseSeconds)} s, generated ${seconds(generated)} s, loaded ${seconds(loadSeconds)} s, total ${seconds(generated + databaseSeconds + loadSeconds)} s`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
