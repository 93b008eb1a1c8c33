// Our Image API beside Glance 25's own (Debian's glance-api with 2 workers, no Keystone):
// the same images (the benchmark's dataset, seed 42) loaded into each one's PostgreSQL database,
// then GET /v2/images?limit=100 and GET /v2/images/{id} (random active images) at 16 connections,
// ours and Glance's interleaved, each round a 3 s warm-up and a 10 s run.
//
//   npm run bench:glance [-- --images 10000 --rounds 2]
//
// Needs Debian's glance-api (apt-get install glance-api python3-psycopg2) and `npm ci --prefix
// bench`. Writes bench/results/glance-<time>.json and prints the table the README shows.
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import pg from 'pg';
import { type Dataset, type Row, generateDataset } from './dataset.js';
import { recreateAndLoad, vacuumDatabase } from './load-dataset.js';
import { BENCH_DIR, startOurs } from './servers.js';

const run = promisify(execFile);
const SERVER = 'postgres://postgres@127.0.0.1:5432';
const OURS_DB = 'bench_glance_ours';
const GLANCE_DB = 'bench_glance_peer';
const CONNECTIONS = 16;

interface Figures {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  /** Milliseconds of the server's CPU per request (Glance: its master and workers together). */
  cpuMsPerRequest: number;
}

/** utime + stime, in seconds, of every process whose command line matches. */
async function cpuSeconds(match: (cmdline: string, pid: number) => boolean): Promise<number> {
  let total = 0;
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    if (!match(cmdline, Number(entry))) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    total += (Number(fields[11]) + Number(fields[12])) / 100;
  }
  return total;
}

/** One glance row set from the dataset's: images, tags and properties (metadata items). */
async function loadGlance(dataset: Dataset) {
  const client = new pg.Client({ connectionString: `${SERVER}/${GLANCE_DB}` });
  await client.connect();
  try {
    await client.query('begin');
    const hex = (id: unknown) => (id === null ? null : String(id).replace(/-/g, ''));
    const insert = async (table: string, columns: string[], rows: unknown[][]) => {
      for (let start = 0; start < rows.length; start += 500) {
        const chunk = rows.slice(start, start + 500);
        const values = chunk.map((_, r) => `(${columns.map((__, c) => `$${r * columns.length + c + 1}`).join(', ')})`).join(', ');
        await client.query(`insert into ${table} (${columns.join(', ')}) values ${values}`, chunk.flat());
      }
    };
    await insert(
      'images',
      ['id', 'name', 'size', 'status', 'created_at', 'updated_at', 'deleted_at', 'deleted', 'disk_format', 'container_format', 'checksum', 'owner', 'min_disk', 'min_ram', 'protected', 'virtual_size', 'visibility', 'os_hidden', 'os_hash_algo', 'os_hash_value'],
      dataset.image.map((image: Row) => [
        image.id, image.name, image.size, String(image.status).toLowerCase(), image.created_at, image.updated_at, image.deleted_at,
        image.deleted_at !== null, String(image.disk_format).toLowerCase(), String(image.container_format).toLowerCase(), image.checksum,
        hex(image.owner_id), image.min_disk, image.min_ram, image.protected, image.virtual_size, String(image.visibility).toLowerCase(),
        image.hidden, image.hash_algo, image.hash_value,
      ]),
    );
    await insert(
      'image_tags',
      ['image_id', 'value', 'created_at', 'deleted'],
      dataset.image.flatMap((image: Row) => (image.tags as string[]).map((tag) => [image.id, tag, image.created_at, false])),
    );
    await insert(
      'image_properties',
      ['image_id', 'name', 'value', 'created_at', 'deleted'],
      dataset.image_metadata.map((item: Row) => [item.image_id, item.key, item.value, item.created_at, false]),
    );
    await client.query('commit');
    await client.query('vacuum analyze');
  } finally {
    await client.end();
  }
}

/** Glance's configuration (no Keystone) and its database's tables. */
async function startGlance(dir: string): Promise<{ config: string; port: number }> {
  const port = 9492;
  const config = join(dir, 'glance-api.conf');
  await writeFile(config, [
    '[DEFAULT]', 'bind_host = 127.0.0.1', `bind_port = ${port}`, 'workers = 2', `log_file = ${join(dir, 'glance-api.log')}`, 'debug = false',
    `node_staging_uri = file://${join(dir, 'staging')}`,
    '[database]', `connection = postgresql+psycopg2://postgres@127.0.0.1/${GLANCE_DB}`,
    '[glance_store]', 'stores = file', 'default_store = file', `filesystem_store_datadir = ${join(dir, 'images')}`,
    '[oslo_concurrency]', `lock_path = ${join(dir, 'lock')}`,
    // No Keystone: every request is an administrator's (Glance's unauthenticated context).
    '[paste_deploy]', 'flavor =', 'config_file = /etc/glance/glance-api-paste.ini',
    '',
  ].join('\n'));
  await run('glance-manage', ['--config-file', config, 'db_sync'], { timeout: 300_000 });
  return { config, port };
}

/** Starts glance-api on its configuration; resolves once it answers. */
async function launchGlance({ config, port }: { config: string; port: number }) {
  const glance = spawn('glance-api', ['--config-file', config], { stdio: 'ignore', detached: true });
  for (let tries = 0; ; tries++) {
    if ((await fetch(`http://127.0.0.1:${port}/versions`).catch(() => null))?.ok) break;
    if (tries > 240) throw new Error('glance-api did not start');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    pid: glance.pid!,
    async stop() {
      const exited = new Promise((resolve) => glance.once('exit', resolve));
      // The master takes its workers down with it.
      process.kill(-glance.pid!, 'SIGTERM');
      await exited;
    },
  };
}

interface Target {
  name: string;
  url: string;
  headers: Record<string, string>;
  /** CPU seconds of the server so far. */
  cpu(): Promise<number>;
}

async function measure(target: Target, path: (context: Record<string, unknown>) => string, seconds: number): Promise<Figures> {
  const { default: autocannon } = await import('autocannon');
  let failed = 0;
  const requests = [{
    method: 'GET',
    setupRequest: (req: object, context: Record<string, unknown>) => ({ ...req, path: path(context) }),
    onResponse: (status: number) => {
      if (status !== 200) failed++;
    },
  }];
  const options = { url: target.url, connections: CONNECTIONS, headers: target.headers, requests, timeout: 30 };
  await autocannon({ ...options, duration: 3 });
  const before = await target.cpu();
  const result = await autocannon({ ...options, duration: seconds });
  const cpu = (await target.cpu()) - before;
  return {
    requestsPerSecond: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: failed,
    errors: result.errors,
    cpuMsPerRequest: (cpu * 1000) / result.requests.total,
  };
}

async function main() {
  const { values } = parseArgs({ options: { images: { type: 'string', default: '10000' }, rounds: { type: 'string', default: '2' }, seconds: { type: 'string', default: '10' } } });
  const images = Number(values.images);
  const rounds = Number(values.rounds);
  const seconds = Number(values.seconds);
  const dataset = generateDataset({ images, seed: 42 });
  console.log(`loading ${images} images into ${OURS_DB} and ${GLANCE_DB}`);
  await recreateAndLoad(`${SERVER}/${OURS_DB}`, dataset);
  await vacuumDatabase(`${SERVER}/${OURS_DB}`);
  const admin = new pg.Client({ connectionString: `${SERVER}/postgres` });
  await admin.connect();
  await admin.query(`drop database if exists ${GLANCE_DB} with (force)`);
  await admin.query(`create database ${GLANCE_DB}`);
  await admin.end();
  const dir = await mkdtemp(join(tmpdir(), 'bench-glance-'));
  const glanceConfig = await startGlance(dir);
  await loadGlance(dataset);

  const adminToken = `bench-admin-${process.pid}-glance-comparison`;
  const ours = await startOurs({ databaseUrl: `${SERVER}/${OURS_DB}`, adminToken });
  const glance = await launchGlance(glanceConfig);
  const oursRoot = `${new URL(ours.url).origin}/image`;
  // Images each can show: active ones, the same ids for both.
  const active = dataset.image.filter((image: Row) => image.status === 'ACTIVE' && !image.hidden).map((image: Row) => String(image.id));
  const randomImage = () => active[Math.floor(Math.random() * active.length)]!;
  const glanceIsOurs = (cmdline: string) => cmdline.includes('glance-api') && cmdline.includes(glanceConfig.config);
  const targets: Target[] = [
    { name: 'ours', url: oursRoot, headers: { 'x-auth-token': adminToken }, cpu: () => cpuSeconds((_, pid) => pid === ours.pid) },
    { name: 'glance', url: glance.url, headers: {}, cpu: () => cpuSeconds(glanceIsOurs) },
  ];
  // Both answer a full page and an image before anything is measured.
  for (const target of targets) {
    const list = await fetch(`${target.url}/v2/images?limit=100`, { headers: target.headers });
    const page = (await list.json()) as { images: unknown[] };
    const one = await fetch(`${target.url}/v2/images/${active[0]}`, { headers: target.headers });
    if (list.status !== 200 || page.images.length !== 100 || one.status !== 200) throw new Error(`${target.name} does not answer as expected`);
  }
  const workloads = [
    { name: 'GET /v2/images?limit=100', path: () => '/v2/images?limit=100' },
    { name: 'GET /v2/images/{id}', path: () => `/v2/images/${randomImage()}` },
  ];
  const results: { workload: string; server: string; round: number; figures: Figures }[] = [];
  try {
    for (let round = 1; round <= rounds; round++) {
      for (const workload of workloads) {
        for (const target of round % 2 ? targets : [...targets].reverse()) {
          const base = new URL(target.url).pathname.replace(/\/$/, '');
          const figures = await measure({ ...target, url: new URL(target.url).origin }, () => `${base}${workload.path()}`, seconds);
          results.push({ workload: workload.name, server: target.name, round, figures });
          console.log(`${workload.name} ${target.name} round ${round}: ${figures.requestsPerSecond.toFixed(1)} req/s, p99 ${figures.p99} ms, ${figures.cpuMsPerRequest.toFixed(2)} ms CPU/req, ${figures.non2xx} non-2xx, ${figures.errors} errors`);
        }
      }
    }
  } finally {
    await ours.stop();
    await glance.stop();
    await rm(dir, { recursive: true, force: true });
  }
  const file = join(BENCH_DIR, 'results', `glance-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  await writeFile(file, `${JSON.stringify({ images, rounds, seconds, connections: CONNECTIONS, results }, null, 2)}\n`);
  console.log(`\n| request | ours req/s | Glance req/s | ratio | ours p99 ms | Glance p99 ms | ours CPU ms/req | Glance CPU ms/req |`);
  console.log('|---|---|---|---|---|---|---|---|');
  for (const workload of workloads) {
    const of = (server: string) => results.filter((result) => result.workload === workload.name && result.server === server).map((result) => result.figures);
    const mean = (figures: Figures[], key: keyof Figures) => figures.reduce((sum, f) => sum + f[key], 0) / figures.length;
    const [o, g] = [of('ours'), of('glance')];
    const rounds = o.map((f, i) => (f.requestsPerSecond / g[i]!.requestsPerSecond).toFixed(1)).join(', ');
    console.log(`| ${workload.name} | ${mean(o, 'requestsPerSecond').toFixed(1)} | ${mean(g, 'requestsPerSecond').toFixed(1)} | ${(mean(o, 'requestsPerSecond') / mean(g, 'requestsPerSecond')).toFixed(1)}× (${rounds}) | ${mean(o, 'p99').toFixed(0)} | ${mean(g, 'p99').toFixed(0)} | ${mean(o, 'cpuMsPerRequest').toFixed(2)} | ${mean(g, 'cpuMsPerRequest').toFixed(1)} |`);
  }
  console.log(`\nwritten to ${file}`);
}

await main();
