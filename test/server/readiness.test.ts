// /readyz over the real listener, with a Redis of the test's own that it stops and starts again:
// the gateway says it is not ready while Redis is away, keeps answering meanwhile, and is ready
// again once Redis is back, without a restart.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, startTestApp } from '../helpers/app.js';

const hasRedisServer = (() => {
  try {
    execFileSync('redis-server', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** A throwaway redis-server on 127.0.0.1:port, resolved once it accepts connections. */
function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${output}`)), 10_000);
    child.stdout!.setEncoding('utf8').on('data', (text: string) => {
      output += text;
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited (${code}):\n${output}`));
    });
  });
}

async function stopRedis(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

interface Readiness {
  status: number;
  body: { status: string; checks: Record<string, string> };
}

async function readiness(base: string): Promise<Readiness> {
  const response = await fetch(new URL('/readyz', base));
  return { status: response.status, body: (await response.json()) as Readiness['body'] };
}

async function until(base: string, status: number, timeoutMs: number): Promise<Readiness> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await readiness(base);
    if (answer.status === status || Date.now() > deadline) return answer;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('readiness', () => {
  let t: TestApp;
  let url: string;

  beforeAll(async () => {
    t = await startTestApp({ PORT: '0' });
    url = await t.app.start();
  });
  afterAll(() => t?.close());

  it('answers each check by name, Redis "not configured" without REDIS_URL', async () => {
    expect(await readiness(url)).toEqual({ status: 200, body: { status: 'ready', checks: { database: 'ok', redis: 'not configured', queue: 'ok' } } });
  });
});

describe.runIf(hasRedisServer)('readiness while Redis comes and goes', () => {
  let t: TestApp;
  let url: string;
  let port: number;
  let redis: ChildProcess | undefined;

  beforeAll(async () => {
    port = await freePort();
    redis = await startRedis(port);
    // A rate limit on, so that its Redis client is checked too.
    t = await startTestApp({ PORT: '0', REDIS_URL: `redis://127.0.0.1:${port}`, RATE_LIMIT_COST_PER_SECOND: '100000' });
    url = await t.app.start();
  });
  afterAll(async () => {
    await t?.close();
    await stopRedis(redis);
  });

  it('turns 503 naming Redis when it stops, keeps serving, and 200 again when it is back', async () => {
    expect(await readiness(url)).toEqual({ status: 200, body: { status: 'ready', checks: { database: 'ok', redis: 'ok', queue: 'ok' } } });

    await stopRedis(redis);
    const down = await until(url, 503, 5_000);
    expect(down).toEqual({ status: 503, body: { status: 'unavailable', checks: { database: 'ok', redis: 'failing', queue: 'ok' } } });
    // Not ready is not down: queries are still answered, the rate limit counting in memory, and
    // a few reconnection attempts later the process still stands.
    for (let i = 0; i < 3; i++) {
      const answered = await t.requestRaw('{ images(first: 1) { totalCount } }');
      expect(answered.errors).toBeUndefined();
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    expect((await readiness(url)).status).toBe(503);

    redis = await startRedis(port);
    const back = await until(url, 200, 15_000);
    expect(back).toEqual({ status: 200, body: { status: 'ready', checks: { database: 'ok', redis: 'ok', queue: 'ok' } } });
  });
});
