// Redis that is away at start, or goes away later: the bus never throws, says it is not ready,
// and is ready again (events flowing) once Redis is back, without a restart.
import { randomBytes } from 'node:crypto';
import { type Server, type Socket, connect, createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type EventBus, type ImageStatusEvent, createEventBus } from '../../src/events/bus.js';
import { Inbox } from '../helpers/live.js';

const redisUrl = process.env.REDIS_URL;
const namespace = () => `test-${randomBytes(8).toString('hex')}`;
const event = (imageId: string): ImageStatusEvent => ({
  imageId, ownerId: null, regionId: 'r', previousStatus: 'ACTIVE', status: 'DEACTIVATED', at: new Date().toISOString(),
});

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A TCP relay to Redis that can be cut (every connection dropped, nothing accepted) and restored. */
async function relayTo(target: URL) {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;
  const open = async () => {
    server = createServer((client) => {
      const upstream = connect(Number(target.port || 6379), target.hostname);
      for (const [from, to] of [[client, upstream], [upstream, client]] as const) {
        sockets.add(from);
        from.on('error', () => to.destroy());
        from.on('close', () => to.destroy());
        from.pipe(to);
      }
    });
    await new Promise<void>((resolve) => server!.listen(port, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  };
  await open();
  return {
    url: `redis://127.0.0.1:${port}`,
    async cut() {
      const closed = new Promise((resolve) => server!.close(resolve));
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      await closed;
    },
    restore: open,
    cutForGood: async () => {
      for (const socket of sockets) socket.destroy();
      server?.close();
    },
  };
}

async function until(condition: () => boolean, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function collect(from: EventBus) {
  const inbox = new Inbox<ImageStatusEvent>();
  void (async () => {
    for await (const item of from.listen('imageStatus')) inbox.put(item);
  })();
  return inbox;
}

describe('the event bus while Redis is away', () => {
  const buses: EventBus[] = [];
  afterEach(async () => {
    await Promise.all(buses.splice(0).map((bus) => bus.close()));
  });

  it('starts without Redis, reports not ready, and publishing never throws', async () => {
    const started = Date.now();
    const bus = await createEventBus({ redisUrl: `redis://127.0.0.1:${await closedPort()}`, namespace: namespace() });
    buses.push(bus);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(bus.isReady()).toBe(false);
    for (let i = 0; i < 50; i++) bus.publish('imageStatus', event(`lost-${i}`));
    // Several reconnection rounds: whatever fails must stay inside the bus.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(bus.isReady()).toBe(false);
  });

  it.skipIf(!redisUrl)('is ready again once Redis is back, and events cross again', async () => {
    const relay = await relayTo(new URL(redisUrl!));
    try {
      const ns = namespace();
      const cut = await createEventBus({ redisUrl: relay.url, namespace: ns });
      const direct = await createEventBus({ redisUrl, namespace: ns });
      buses.push(cut, direct);
      expect(cut.isReady()).toBe(true);
      const heard = collect(cut);

      await relay.cut();
      await until(() => !cut.isReady());
      direct.publish('imageStatus', event('while-away'));
      cut.publish('imageStatus', event('dropped'));
      await new Promise((resolve) => setTimeout(resolve, 500));

      await relay.restore();
      await until(() => cut.isReady());
      // Resubscribed by itself: an event published now arrives.
      direct.publish('imageStatus', event('after'));
      let received = await heard.next();
      while (received.imageId !== 'after') received = await heard.next();
      expect(received.imageId).toBe('after');
    } finally {
      await relay.cutForGood();
    }
  }, 30_000);
});
