// Recreates the benchmark database and loads the generated catalog into it:
//   npx tsx bench/load-dataset.ts [--images N] [--seed S]
// BENCH_DATABASE_URL names the database (default postgres://postgres@127.0.0.1:5432/bench); it is
// dropped and created again, migrated with the application's migrations, then loaded in bulk.
import { parseArgs } from 'node:util';
import pg from 'pg';
import { migrate } from '../src/db/migrate.js';
import { openOrm } from '../src/db/orm.js';
import { generateDataset } from './dataset.js';
import { loadDataset } from './load.js';

const { values } = parseArgs({ options: { images: { type: 'string', default: '100000' }, seed: { type: 'string', default: '42' } } });
const images = Number(values.images);
const seed = Number(values.seed);
if (!Number.isSafeInteger(images) || images < 0 || !Number.isSafeInteger(seed)) {
  console.error('--images and --seed take whole numbers');
  process.exit(2);
}

const target = new URL(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/bench');
const name = decodeURIComponent(target.pathname.slice(1));
if (!/^\w+$/.test(name)) {
  console.error(`BENCH_DATABASE_URL must name a database of letters, digits and _; got "${name}"`);
  process.exit(2);
}
const server = new URL(target.href);
server.pathname = '/postgres';

const started = performance.now();
const admin = new pg.Client({ connectionString: server.href });
await admin.connect();
await admin.query(`drop database if exists "${name}" with (force)`);
await admin.query(`create database "${name}"`);
await admin.end();

const orm = await openOrm({ clientUrl: target.href, poolSize: 2 });
await migrate(orm, { embedded: false });
await orm.close();
const migrated = performance.now();

const dataset = generateDataset({ images, seed });
const generated = performance.now();
const client = new pg.Client({ connectionString: target.href });
await client.connect();
const counts = await loadDataset(client, dataset);
await client.end();
const loaded = performance.now();

const seconds = (ms: number) => (ms / 1000).toFixed(1);
console.log(JSON.stringify(counts));
console.log(
  `${images} images: database ${seconds(migrated - started)} s, generated ${seconds(generated - migrated)} s, loaded ${seconds(loaded - generated)} s, total ${seconds(loaded - started)} s`,
);
