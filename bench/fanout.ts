// W6, fan-out: N graphql-ws subscribers watch one image while an administrator flips its status
// (imageDeactivate, imageReactivate) every 100 ms. Latency runs from the moment the mutation is
// sent to each subscriber's receipt; every subscriber must receive every change.
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { post } from './http-load.js';
import { BENCH_DIR, type RunningServer } from './servers.js';
import type { CountMessage, ReadyMessage, ResultMessage, StartMessage } from './ws-subscribers.js';

export interface FanoutOptions {
  /** Subscribers are spread over these gateways in turn. */
  gateways: RunningServer[];
  /** The gateway the mutations go to. */
  mutateVia: RunningServer;
  adminToken: string;
  /** Global id of an ACTIVE image. */
  imageId: string;
  subscribers: number;
  seconds: number;
  intervalMs: number;
  /** Child processes holding the subscribers. */
  processes: number;
}

export interface FanoutFigures {
  gateways: number;
  subscribers: number;
  connected: number;
  connectSeconds: number;
  changes: number;
  /** Changes per second achieved: each is awaited, so a gateway slower than the interval lowers it. */
  changesPerSecond?: number;
  expected: number;
  received: number;
  lost: number;
  /** Subscribers with at least one change missing. */
  subscriptionErrors: number;
  closedEarly: number;
  firstError?: string;
  /** From the mutation's send time to receipt, ms. */
  latency: { p50: number; p99: number; max: number };
  /** From the event's `at` (the server's time of the change) to receipt, ms. */
  latencyFromAt: { p50: number; p99: number; max: number };
  /** Mutations' round trips, ms. */
  mutationP50: number;
  peakRss: number[];
}

const DEACTIVATE = `mutation Off($id: ID!) { imageDeactivate(input: { id: $id }) { __typename ... on Error { message } } }`;
const REACTIVATE = `mutation On($id: ID!) { imageReactivate(input: { id: $id }) { __typename ... on Error { message } } }`;

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
const summary = (values: number[]) => {
  const sorted = Float64Array.from(values).sort();
  const list = Array.from(sorted);
  return { p50: percentile(list, 50), p99: percentile(list, 99), max: list.length ? list[list.length - 1]! : Number.NaN };
};

export async function runFanout(options: FanoutOptions): Promise<FanoutFigures> {
  const { gateways, adminToken, imageId, subscribers } = options;
  const mutate = async (query: string) => {
    const data = await post(options.mutateVia.url, adminToken, query, { id: imageId });
    const result = Object.values(data as Record<string, { __typename: string; message?: string }>)[0]!;
    if (!result.__typename.endsWith('Payload')) throw new Error(`W6: the status change answered ${result.__typename}: ${result.message}`);
  };

  const perProcess = Math.ceil(subscribers / options.processes);
  const children = Array.from({ length: Math.ceil(subscribers / perProcess) }, () =>
    fork(join(BENCH_DIR, 'ws-subscribers.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
  );
  const nextMessage = <T>(child: (typeof children)[number], timeoutMs: number) =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`W6: a subscriber process did not answer within ${timeoutMs / 1000} s`)), timeoutMs);
      child.once('message', (message) => {
        clearTimeout(timer);
        resolve(message as T);
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`W6: a subscriber process exited (${code})`));
      });
    });

  try {
    const urls = gateways.map((gateway) => gateway.url);
    const readies = await Promise.all(
      children.map((child, index) => {
        const count = Math.min(perProcess, subscribers - index * perProcess);
        const start: StartMessage = { type: 'start', urls, count, offset: index * perProcess, token: adminToken, imageId, concurrency: 64 };
        child.send(start);
        return nextMessage<ReadyMessage>(child, 600_000);
      }),
    );
    const connected = readies.reduce((sum, ready) => sum + ready.connected, 0);
    const failed = readies.find((ready) => ready.failed > 0);
    if (failed) throw new Error(`W6: ${subscribers - connected} of ${subscribers} subscriptions failed: ${failed.firstError}`);
    for (const gateway of gateways) await gateway.resetPeak();

    // One change per interval, each awaited, so a change's commit (its `at`) falls between its
    // send and the next send: that is how events are matched to changes below.
    const sent: number[] = [];
    const roundTrips: number[] = [];
    const changes = Math.round((options.seconds * 1000) / options.intervalMs);
    const begin = now();
    for (let k = 0; k < changes; k++) {
      await sleep(begin + k * options.intervalMs - now());
      const at = now();
      sent.push(at);
      await mutate(k % 2 === 0 ? DEACTIVATE : REACTIVATE);
      roundTrips.push(now() - at);
    }
    const changesPerSecond = changes / ((now() - begin) / 1000);
    if (changes % 2 === 1) {
      sent.push(now()); // leave it ACTIVE; its events are recognised by this index and not counted
      await mutate(REACTIVATE);
    }
    // Late deliveries still count: wait while a backlog drains at the gateways' pace, until all
    // have arrived or nothing more has for 5 s.
    const closing = changes % 2 === 1 ? subscribers : 0;
    let last = -1;
    let lastChange = now();
    for (;;) {
      await sleep(500);
      const counts = await Promise.all(
        children.map((child) => {
          const answer = nextMessage<CountMessage>(child, 30_000);
          child.send({ type: 'count' });
          return answer;
        }),
      );
      const total = counts.reduce((sum, count) => sum + count.received, 0);
      if (total >= changes * subscribers + closing) break;
      if (total !== last) [last, lastChange] = [total, now()];
      else if (now() - lastChange > 5_000) break;
    }
    const peakRss = await Promise.all(gateways.map((gateway) => gateway.peakRss()));

    const results = await Promise.all(
      children.map((child) => {
        const answer = nextMessage<ResultMessage>(child, 120_000);
        child.send({ type: 'stop' });
        return answer;
      }),
    );
    const latencies: number[] = [];
    const fromAt: number[] = [];
    let received = 0;
    for (const result of results) {
      for (const [at, arrivals] of Object.entries(result.arrivals)) {
        const atMs = Date.parse(at);
        // The last change sent at or before `at` (ISO time keeps whole milliseconds: 1 ms slack).
        let k = sent.length - 1;
        while (k > 0 && sent[k]! > atMs + 1) k--;
        if (k >= changes) continue; // the closing reactivation
        for (const arrival of arrivals) {
          latencies.push(arrival - sent[k]!);
          fromAt.push(arrival - atMs);
        }
        received += arrivals.length;
      }
    }
    const expected = changes * subscribers;
    return {
      gateways: gateways.length,
      subscribers,
      connected,
      connectSeconds: Math.max(...readies.map((ready) => ready.seconds)),
      changes,
      changesPerSecond,
      expected,
      received,
      lost: Math.max(0, expected - received),
      subscriptionErrors: results.reduce((sum, result) => sum + result.errors, 0),
      closedEarly: results.reduce((sum, result) => sum + result.closedEarly, 0),
      firstError: results.find((result) => result.firstError)?.firstError,
      latency: summary(latencies),
      latencyFromAt: summary(fromAt),
      mutationP50: summary(roundTrips).p50,
      peakRss,
    };
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill();
  }
}
