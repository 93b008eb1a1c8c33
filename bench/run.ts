// The benchmark: our gateway against PostGraphile v5 on the same PostgreSQL database and the same
// Node 22, workload by workload, alternating the two servers; see BENCHMARKS.md for what it prints.
//   npm run bench -- [--images N] [--quick] [--only W1,W3] [--embedded] [--seed S] [--reuse]
// BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/bench) is dropped and recreated,
// unless --reuse finds the same dataset in it already (for measuring while changing the servers).
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { encodeGlobalID } from '@pothos/plugin-relay';
import pg from 'pg';
import { openOrm } from '../src/db/orm.js';
import { startEmbeddedPostgres } from '../src/db/pglite.js';
import { createToken } from '../src/domain/tokens.js';
import { type Dataset, generateDataset } from './dataset.js';
import { runFanout } from './fanout.js';
import { type HttpFigures, post, runLoad, validateOnce } from './http-load.js';
import { DEFAULT_BENCH_DATABASE_URL, buildEmbedded, recreateAndLoad, vacuumDatabase } from './load-dataset.js';
import { latencySvg } from './plot.js';
import { RUN_LOCK_PATH, takeRunLock } from './run-lock.js';
import { renderBenchmarks, renderReadmeBlock, replaceBetween } from './report.js';
import type { BenchResults, StatementCounts, WorkloadResult } from './results.js';
import { BENCH_DIR, NODE22, ROOT, type RunningServer, startOurs, startPeer } from './servers.js';
import { startSqlCounter } from './sql-counter.js';
import { OURS_CURSOR_PAGE, PEER_CURSOR_AT, PEER_LIVE, type Workload, type WorkloadFacts, memberProjectOf, workloads } from './workloads.js';

const GROUPS = ['W1', 'W2', 'W3', 'W4', 'W5', 'W6'] as const;
const DEFAULT_SEED = 42;
const defaultImages = (quick: boolean) => (quick ? 10_000 : 100_000);

const { values: args } = parseArgs({
  options: {
    images: { type: 'string' },
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    embedded: { type: 'boolean', default: false },
    seed: { type: 'string', default: String(DEFAULT_SEED) },
    reuse: { type: 'boolean', default: false },
  },
});
const quick = args.quick!;
const images = Number(args.images ?? defaultImages(quick));
const seed = Number(args.seed);
const only = new Set((args.only ?? GROUPS.join(',')).split(',').map((name) => name.trim().toUpperCase()));
if (!Number.isSafeInteger(images) || images < 1_000 || !Number.isSafeInteger(seed) || [...only].some((name) => !(GROUPS as readonly string[]).includes(name))) {
  console.error(`Usage: npm run bench -- [--images N (>= 1000)] [--quick] [--only ${GROUPS.join(',')}] [--embedded] [--seed S]`);
  process.exit(2);
}
const lock = takeRunLock();
if (!lock.taken) {
  console.error(`Another benchmark run (process ${lock.heldBy || 'starting'}) holds ${RUN_LOCK_PATH}: two runs at once measure each other.`);
  process.exit(3);
}
const settings = {
  connections: 16,
  warmupSeconds: quick ? 1 : 3,
  seconds: quick ? 3 : 10,
  rounds: quick ? 1 : 2,
  // Deep enough to matter, and always inside the live rows (about 9 in 10 are listed).
  deepRows: Math.min(quick ? 5_000 : 50_000, Math.floor(images * 0.5)),
  sweep: [1, 4, 16, 64],
  sweepWarmupSeconds: quick ? 0.5 : 2,
  sweepSeconds: quick ? 2 : 6,
  fanout: { subscribers: quick ? 300 : 5_000, seconds: quick ? 5 : 10, intervalMs: 100 },
};
const databaseUrl = process.env.BENCH_DATABASE_URL ?? DEFAULT_BENCH_DATABASE_URL;
const adminToken = `bench-admin-${randomBytes(24).toString('hex')}`;
const started = Date.now();
const log = (message: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);
const running = new Set<RunningServer>();

async function start(server: Promise<RunningServer>): Promise<RunningServer> {
  const ready = await server;
  running.add(ready);
  return ready;
}
async function stop(server: RunningServer | undefined) {
  if (!server) return;
  running.delete(server);
  await server.stop();
}

/**
 * bench/ has its own lockfile (PostGraphile, autocannon, Node 22): installed on first use, and again
 * whenever the lockfile differs from the one last installed (its hash is kept in node_modules).
 */
function ensureBenchDependencies() {
  const lockHash = createHash('sha256').update(readFileSync(join(BENCH_DIR, 'package-lock.json'))).digest('hex');
  const hashFile = join(BENCH_DIR, 'node_modules/.bench-lock-hash');
  const installedHash = existsSync(hashFile) ? readFileSync(hashFile, 'utf8').trim() : undefined;
  const present = [NODE22, join(BENCH_DIR, 'node_modules/autocannon'), join(BENCH_DIR, 'node_modules/postgraphile-plugin-connection-filter')].every((path) => existsSync(path));
  if (present && installedHash === lockHash) return;
  log(`installing bench dependencies (npm ci --prefix bench): ${!present ? 'some are missing' : installedHash ? 'bench/package-lock.json changed' : 'no record of the installed lockfile'}`);
  execFileSync('npm', ['ci', '--prefix', BENCH_DIR, '--no-audit', '--no-fund'], { stdio: 'inherit' });
  // Written only after a successful install: a failed one is retried on the next run.
  writeFileSync(hashFile, `${lockHash}\n`);
}

/** Whether the database holds this dataset already: its images, the first and the last of them. */
async function holdsDataset(url: string, dataset: Dataset): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const ids = [dataset.image[0]!.id, dataset.image.at(-1)!.id];
    const { rows } = await client.query<{ total: string; known: string }>(
      'select (select count(*) from image) as total, (select count(*) from image where id = any($1::uuid[])) as known',
      [ids],
    );
    return Number(rows[0]!.total) === dataset.image.length && Number(rows[0]!.known) === 2;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** A member token for `projectId`, issued in the database `url` names. */
async function memberTokenIn(url: string, projectId: string): Promise<string> {
  const orm = await openOrm({ clientUrl: url, poolSize: 1 });
  try {
    return (await createToken(orm.em.fork(), { name: 'bench member', role: 'MEMBER', projectId })).token;
  } finally {
    await orm.close();
  }
}

async function deepCursorOurs(server: RunningServer, rows: number): Promise<string> {
  let after: string | null = null;
  for (let read = 0; read < rows; read += 500) {
    const data = await post(server.url, adminToken, OURS_CURSOR_PAGE, { after });
    after = data.images.pageInfo.endCursor;
  }
  if (!after) throw new Error('W2: no cursor after paging our server');
  return after;
}

async function deepCursorPeer(server: RunningServer, rows: number): Promise<string> {
  const data = await post(server.url, undefined, PEER_CURSOR_AT, { offset: rows - 1, filter: PEER_LIVE });
  const cursor = data.allImages.edges[0]?.cursor;
  if (!cursor) throw new Error('W2: no cursor from PostGraphile');
  return cursor;
}

function factsFor(dataset: Dataset, memberToken: string, memberProject: string, deepCursor: WorkloadFacts['deepCursor']): WorkloadFacts {
  const live = dataset.image.filter((row) => row.deleted_at === null);
  return {
    adminToken,
    memberToken,
    memberProject,
    imageIds: live.map((row) => row.id as string),
    activeImageIds: live.filter((row) => row.status === 'ACTIVE').map((row) => row.id as string),
    deepCursor,
    deepRows: settings.deepRows,
  };
}

/** Fails the run at once: measuring a server that answers errors measures nothing. */
async function validate(list: Workload[], ours: RunningServer, peer: RunningServer | undefined, label = '') {
  for (const workload of list) {
    for (const [server, make] of [[ours, workload.ours], [peer, workload.peer]] as const) {
      if (!server || !make) continue;
      for (const size of [10, 100]) {
        const problem = await validateOnce(server.url, make(size));
        if (problem) throw new Error(`${workload.id} on ${server.name}${label} at page size ${size}: ${problem}`);
      }
    }
  }
}

/**
 * SQL statements per request, through the counting proxy, on instances of their own so the proxy
 * never slows a throughput run. One warm-up request first (caches fill on first use), then three
 * tries at each page size, every one recorded: the most of them is the count, so an occasional
 * extra statement shows rather than hides (the servers run no task workers to add any).
 */
async function countStatements(list: Workload[]): Promise<Map<string, { ours: StatementCounts; peer?: StatementCounts }>> {
  const counter = await startSqlCounter(databaseUrl);
  const counts = new Map<string, { ours: StatementCounts; peer?: StatementCounts }>();
  let ours: RunningServer | undefined;
  let peer: RunningServer | undefined;
  try {
    ours = await start(startOurs({ databaseUrl: counter.url, adminToken, name: 'ours (counted)' }));
    peer = await start(startPeer(counter.url, 'postgraphile (counted)'));
    const once = async (server: RunningServer, make: (size: number) => import('./workloads.js').Operation, size: number) => {
      const operation = make(size);
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(operation.token && { authorization: `Bearer ${operation.token}` }) },
        body: operation.body(),
      });
      const problem = operation.check(await response.json());
      if (problem) throw new Error(`${server.name}: ${problem}`);
    };
    const measure = async (server: RunningServer, make: (size: number) => import('./workloads.js').Operation): Promise<StatementCounts> => {
      await once(server, make, 100);
      const at = async (size: number) => {
        const attempts: number[] = [];
        for (let attempt = 0; attempt < 3; attempt++) {
          // Past the second a token's principal is cached: every attempt counts its lookup alike.
          await new Promise((resolve) => setTimeout(resolve, 1_100));
          counter.reset();
          await once(server, make, size);
          attempts.push(counter.count);
        }
        return attempts;
      };
      const attempts = { at10: await at(10), at100: await at(100) };
      return { at10: Math.max(...attempts.at10), at100: Math.max(...attempts.at100), attempts };
    };
    for (const workload of list) {
      counts.set(workload.id, {
        ours: await measure(ours, workload.ours),
        ...(workload.peer && { peer: await measure(peer, workload.peer) }),
      });
    }
  } finally {
    await stop(ours);
    await stop(peer);
    await counter.stop();
  }
  return counts;
}

async function machineFacts(): Promise<BenchResults['machine']> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const postgres = (await client.query<{ version: string }>('select version()')).rows[0]!.version;
  await client.end();
  let openFilesLimit = '?';
  try {
    openFilesLimit = execFileSync('sh', ['-c', 'ulimit -n'], { encoding: 'utf8' }).trim();
  } catch {}
  return {
    cores: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryBytes: os.totalmem(),
    kernel: `${os.type()} ${os.release()}`,
    runnerNode: process.version,
    serverNode: execFileSync(NODE22, ['--version'], { encoding: 'utf8' }).trim(),
    postgres,
    openFilesLimit,
  };
}

/** The command that repeats this run: the options that differ from their defaults (the database is the environment's). */
function benchCommand(): string {
  const options = [
    ...(quick ? ['--quick'] : []),
    ...(images !== defaultImages(quick) ? [`--images ${images}`] : []),
    ...(only.size !== GROUPS.length ? [`--only ${[...only].join(',')}`] : []),
    ...(args.embedded ? ['--embedded'] : []),
    ...(seed !== DEFAULT_SEED ? [`--seed ${seed}`] : []),
    ...(args.reuse ? ['--reuse'] : []),
  ];
  return `npm run bench${options.length ? ` -- ${options.join(' ')}` : ''}`;
}

const brief = (figures: HttpFigures) =>
  `${figures.requestsPerSecond.toFixed(1)} req/s, p50 ${figures.p50} ms, p99 ${figures.p99} ms, RSS ${(figures.peakRss / 2 ** 20).toFixed(0)} MiB` +
  (figures.cpuMsPerRequest ? `, CPU/request ${figures.cpuMsPerRequest.server.toFixed(2)} ms server + ${figures.cpuMsPerRequest.postgres.toFixed(2)} ms PostgreSQL` : '') +
  (figures.non2xx || figures.socketErrors || figures.graphqlErrors ? `, ERRORS non2xx ${figures.non2xx} socket ${figures.socketErrors} graphql ${figures.graphqlErrors}${figures.firstError ? ` (first: ${figures.firstError})` : ''}` : '');

async function main(): Promise<number> {
  ensureBenchDependencies();
  // The gateway runs as `npm start` runs it: from the JavaScript built from this checkout.
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
  const failures: string[] = [];
  const timestamp = new Date(started).toISOString().replace(/[:.]/g, '-');
  log(`${quick ? 'quick' : 'full'} run: ${images} images, seed ${seed}, database ${new URL(databaseUrl).pathname.slice(1)}, workloads ${[...only].join(',')}`);

  const generateStart = performance.now();
  const dataset = generateDataset({ images, seed });
  const generateSeconds = (performance.now() - generateStart) / 1000;
  const reused = args.reuse && (await holdsDataset(databaseUrl, dataset));
  const loaded = reused ? { counts: {}, databaseSeconds: 0, loadSeconds: 0 } : await recreateAndLoad(databaseUrl, dataset);
  if (reused) await vacuumDatabase(databaseUrl);
  log(`dataset generated in ${generateSeconds.toFixed(1)} s, ${reused ? 'already in the database' : `loaded in ${(loaded.databaseSeconds + loaded.loadSeconds).toFixed(1)} s`}`);
  const memberProject = memberProjectOf(dataset);
  const memberToken = await memberTokenIn(databaseUrl, memberProject);
  const machine = await machineFacts();

  let ours = await start(startOurs({ databaseUrl, adminToken }));
  let peer: RunningServer | undefined = await start(startPeer(databaseUrl));
  log(`servers up: ours ${ours.url}, PostGraphile ${peer.url} (both on Node ${machine.serverNode})`);

  const deepCursor = only.has('W2')
    ? { ours: await deepCursorOurs(ours, settings.deepRows), peer: await deepCursorPeer(peer, settings.deepRows) }
    : { ours: '', peer: '' };
  const facts = factsFor(dataset, memberToken, memberProject, deepCursor);
  const list = workloads(facts).filter((workload) => only.has(workload.group));
  await validate(list, ours, peer);
  const checks: BenchResults['checks'] = {};
  // Both servers must read the same rows, or the comparison compares different work.
  for (const workload of list.filter((candidate) => candidate.peer && candidate.id !== 'W1s' && candidate.id !== 'W3')) {
    const names = async (server: RunningServer, operation: import('./workloads.js').Operation) => {
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(operation.token && { authorization: `Bearer ${operation.token}` }) },
        body: operation.body(),
      });
      const data = ((await response.json()) as { data: Record<string, { edges: { node: { name: string; id: string } }[] }> }).data;
      return Object.values(data)[0]!.edges.map((edge) => edge.node.name).join('\n');
    };
    const check = `${workload.id}: same first page as PostGraphile`;
    checks[check] = (await names(ours, workload.ours(100))) === (await names(peer, workload.peer!(100)));
    if (!checks[check]) failures.push(`${check}: no, the two servers list different images`);
  }
  log(`validated ${list.length} workloads on both servers; ${JSON.stringify(checks)}`);

  log('counting SQL statements per request (separate instances behind the counting proxy)');
  const statements = await countStatements(list);
  for (const [id, count] of statements) {
    const tries = (counts: StatementCounts) => (counts.attempts ? ` [${counts.attempts.at10.join(',')} / ${counts.attempts.at100.join(',')}]` : '');
    log(`  ${id}: ours ${count.ours.at10}/${count.ours.at100}${tries(count.ours)}${count.peer ? `, PostGraphile ${count.peer.at10}/${count.peer.at100}${tries(count.peer)}` : ''}`);
    // N+1 is more statements for every larger page: the fewest of each size's tries are compared,
    // so a reference row read again once its minute is up does not pass for it.
    const paged = list.find((workload) => workload.id === id)?.paged !== false;
    const fewest = (tries: number[] | undefined, most: number) => (tries ? Math.min(...tries) : most);
    const [at10, at100] = [fewest(count.ours.attempts?.at10, count.ours.at10), fewest(count.ours.attempts?.at100, count.ours.at100)];
    if (paged && at100 > at10) failures.push(`${id}: our server sends more SQL statements for 100 rows (at least ${at100}) than for 10 (at least ${at10}): N+1`);
  }

  const results: WorkloadResult[] = list.map((workload) => ({
    id: workload.id,
    title: workload.title,
    ...(workload.note && { note: workload.note }),
    ours: [],
    ...(workload.peer && { peer: [] }),
    ...(workload.firstPage && { firstPage: { ours: [], ...(workload.peer && workload.firstPage.peer && { peer: [] }) } }),
    statements: statements.get(workload.id)!,
  }));
  const load = (server: RunningServer, operation: import('./workloads.js').Operation, connections = settings.connections) =>
    runLoad({ server, operation, connections, warmupSeconds: settings.warmupSeconds, seconds: settings.seconds });
  for (let round = 1; round <= settings.rounds; round++) {
    for (const [index, workload] of list.entries()) {
      const result = results[index]!;
      for (const [side, server, label] of [['ours', ours, 'ours'], ['peer', peer, 'PostGraphile']] as const) {
        const make = workload[side];
        if (!make) continue;
        const firstPage = workload.firstPage?.[side];
        // W2: the first page right beside the deep page, on the same connections, the order
        // swapped each round, so their ratio compares two runs of the same moment.
        const turns = !firstPage ? (['workload'] as const) : round % 2 === 1 ? (['first page', 'workload'] as const) : (['workload', 'first page'] as const);
        for (const turn of turns) {
          const figures = await load(server, (turn === 'first page' ? firstPage! : make)(100));
          (turn === 'first page' ? result.firstPage![side]! : result[side]!).push(figures);
          log(`round ${round} ${workload.id}${turn === 'first page' ? ' (its first page)' : ''} ${label}: ${brief(figures)}`);
        }
      }
    }
  }

  let sweep: BenchResults['sweep'];
  const w1 = list.find((workload) => workload.id === 'W1');
  if (w1) {
    sweep = { connections: settings.sweep, ours: [], peer: [] };
    for (const connections of settings.sweep) {
      for (const [server, operation, into] of [[ours, w1.ours(100), sweep.ours], [peer, w1.peer!(100), sweep.peer]] as const) {
        const figures = await runLoad({ server, operation, connections, warmupSeconds: settings.sweepWarmupSeconds, seconds: settings.sweepSeconds });
        into.push(figures);
        log(`sweep W1 ${server.name} at ${connections}: ${brief(figures)}`);
      }
    }
  }
  await stop(peer);
  peer = undefined;

  const fanout: BenchResults['fanout'] = [];
  if (only.has('W6')) {
    const image = dataset.image.find((row) => row.status === 'ACTIVE' && row.deleted_at === null && !row.hidden)!;
    const imageId = encodeGlobalID('Image', image.id as string);
    const common = { adminToken, imageId, ...settings.fanout, processes: settings.fanout.subscribers > 1_000 ? 2 : 1 };
    const one = await runFanout({ ...common, gateways: [ours], mutateVia: ours });
    fanout.push(one);
    log(`W6 1 gateway: ${JSON.stringify(one)}`);
    await stop(ours);
    const first = await start(startOurs({ databaseUrl, adminToken, redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', name: 'ours gateway 1' }));
    const second = await start(startOurs({ databaseUrl, adminToken, redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', name: 'ours gateway 2' }));
    const two = await runFanout({ ...common, gateways: [first, second], mutateVia: first });
    fanout.push(two);
    log(`W6 2 gateways + Redis: ${JSON.stringify(two)}`);
    await stop(first);
    await stop(second);
    for (const figures of fanout) {
      const setup = `W6 with ${figures.gateways} gateway(s)`;
      const firstError = figures.firstError ? `; the first error: ${figures.firstError}` : '';
      if (figures.lost > 0) failures.push(`${setup}: ${figures.lost} of ${figures.expected} events lost`);
      if (figures.subscriptionErrors > 0) failures.push(`${setup}: ${figures.subscriptionErrors} subscription errors${firstError}`);
      if (figures.closedEarly > 0) failures.push(`${setup}: ${figures.closedEarly} subscriptions closed early${firstError}`);
    }
  } else {
    await stop(ours);
  }

  if (args.embedded) {
    const dir = await mkdtemp(join(os.tmpdir(), 'bench-embedded-'));
    try {
      let embeddedMember = '';
      log('building the embedded (PGlite) copy');
      const built = await buildEmbedded(dir, dataset);
      {
        const embedded = await startEmbeddedPostgres(dir);
        try {
          embeddedMember = await memberTokenIn(embedded.url, memberProject);
        } finally {
          await embedded.stop();
        }
      }
      log(`embedded copy built in ${(built.databaseSeconds + built.loadSeconds).toFixed(1)} s`);
      ours = await start(startOurs({ dataDir: dir, adminToken, name: 'ours (embedded)' }));
      const embeddedFacts = { ...facts, memberToken: embeddedMember, deepCursor: { ours: only.has('W2') ? await deepCursorOurs(ours, settings.deepRows) : '', peer: '' } };
      const embeddedList = workloads(embeddedFacts).filter((workload) => only.has(workload.group));
      await validate(embeddedList, ours, undefined, ' (embedded)');
      for (let round = 1; round <= settings.rounds; round++) {
        for (const [index, workload] of embeddedList.entries()) {
          const figures = await load(ours, workload.ours(100));
          (results[index]!.embedded ??= []).push(figures);
          log(`round ${round} ${workload.id} ours embedded: ${brief(figures)}`);
        }
      }
      await stop(ours);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  for (const result of results) {
    const sides = [
      ['ours', result.ours],
      ['PostGraphile', result.peer ?? []],
      ['ours embedded', result.embedded ?? []],
      ['ours, its first page', result.firstPage?.ours ?? []],
      ['PostGraphile, its first page', result.firstPage?.peer ?? []],
    ] as const;
    for (const [side, runs] of sides) {
      const bad = runs.find((figures) => figures.non2xx || figures.socketErrors || figures.graphqlErrors);
      if (bad) failures.push(`${result.id} ${side}: ${bad.non2xx} non-2xx, ${bad.socketErrors} socket errors, ${bad.graphqlErrors} GraphQL errors${bad.firstError ? `; the first: ${bad.firstError}` : ''}`);
    }
  }

  const output: BenchResults = {
    startedAt: new Date(started).toISOString(),
    wallSeconds: (Date.now() - started) / 1000,
    command: benchCommand(),
    quick,
    images,
    seed,
    database: new URL(databaseUrl).pathname.slice(1),
    settings: { ...settings },
    machine,
    dataset: { counts: loaded.counts, generateSeconds, loadSeconds: loaded.databaseSeconds + loaded.loadSeconds, memberProject },
    workloads: results,
    ...(sweep && { sweep }),
    fanout,
    checks,
    failures,
  };
  const resultsDir = join(BENCH_DIR, 'results');
  await mkdir(resultsDir, { recursive: true });
  const file = join(resultsDir, `${quick ? 'quick-' : ''}${timestamp}.json`);
  await writeFile(file, `${JSON.stringify(output, null, 2)}\n`);
  log(`results: ${file}`);

  // A full run of every workload speaks for the project's documents, failures included (listed there).
  if (!quick && only.size === GROUPS.length) {
    const relative = `bench/results/${timestamp}.json`;
    const benchmarksPath = join(ROOT, 'BENCHMARKS.md');
    const previous = existsSync(benchmarksPath) ? await readFile(benchmarksPath, 'utf8') : '';
    await writeFile(benchmarksPath, renderBenchmarks(output, previous, relative));
    const readmePath = join(ROOT, 'README.md');
    await writeFile(readmePath, replaceBetween(await readFile(readmePath, 'utf8'), 'bench', renderReadmeBlock(output)));
    if (sweep) await writeFile(join(resultsDir, 'w1-latency.svg'), latencySvg(sweep, output.machine));
    log('BENCHMARKS.md, the README table and bench/results/w1-latency.svg rewritten');
  }
  console.log(renderBenchmarks(output, '', '').split('<!-- notes:start -->')[0]);
  for (const failure of failures) console.error(`FAILED: ${failure}`);
  log(failures.length ? `failed (${failures.length})` : 'done');
  return failures.length ? 1 : 0;
}

const cleanup = async () => {
  await Promise.allSettled([...running].map((server) => server.stop()));
  lock.release();
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void cleanup().then(() => process.exit(130));
  });
}
try {
  process.exitCode = await main();
} catch (error) {
  console.error(`FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
} finally {
  await cleanup();
}
