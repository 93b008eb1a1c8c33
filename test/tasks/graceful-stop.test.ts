// SIGTERM to a gateway that is running an import with 100 subscribers connected: it stops
// accepting, closes every WebSocket with 1001 (Going away), hands the task back to the queue and
// exits within 10 s; another worker then finishes the import, and the hand-back is announced to
// the other instances on Redis. No process is killed by hand. Separate processes share the
// database and Redis: PostgreSQL (TEST_DATABASE_URL) and REDIS_URL only.
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { Image } from '../../src/db/entities/image.js';
import { Task } from '../../src/db/entities/task.js';
import { type EventBus, type TaskEvent, createEventBus, eventNamespace } from '../../src/events/bus.js';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { qcow2 } from '../helpers/disk-images.js';
import { type Catalog, createCatalog, gid, rawId, unique } from '../helpers/fixtures.js';
import { type ServiceProcess, startService } from '../helpers/processes.js';
import { type SlowSource, serveSlowly } from '../helpers/slow-source.js';
import { waitForTask } from '../helpers/tasks.js';

const DISK = qcow2(8 * 1024 ** 3, 2 * 1024 * 1024);
for (let i = 512; i < DISK.length; i++) DISK[i] = (i * 17) % 251;
const CHUNK = 32 * 1024;
const SUBSCRIBERS = 100;

/** A graphql-ws client subscribed to an image's status; resolves with the close code it gets. */
async function subscriber(url: string, token: string, imageId: string): Promise<{ closed: Promise<number> }> {
  const socket = new WebSocket(url.replace(/^http/, 'ws'), 'graphql-transport-ws');
  const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { token } })));
    socket.on('message', (data) => {
      const message = JSON.parse(String(data));
      if (message.type === 'connection_ack') {
        socket.send(JSON.stringify({
          id: '1',
          type: 'subscribe',
          payload: { query: 'subscription ($id: ID) { imageStatusChanged(id: $id) { status } }', variables: { id: imageId } },
        }));
      }
      // The first event is the current state: the subscription is live.
      if (message.type === 'next') resolve();
      if (message.type === 'error') reject(new Error(JSON.stringify(message.payload)));
    });
  });
  return { closed };
}

describe.skipIf(!process.env.TEST_DATABASE_URL || !process.env.REDIS_URL)('SIGTERM to a gateway during an import', () => {
  let t: TestApp;
  let catalog: Catalog;
  let source: SlowSource;
  let storeDir: string;
  const services: ServiceProcess[] = [];
  let bus: EventBus | undefined;

  beforeAll(async () => {
    // About 6.5 s for the whole file: the stop comes mid-way even when 100 subscribers and a
    // worker process are slow to start on a loaded machine.
    source = await serveSlowly(DISK, CHUNK);
    storeDir = await mkdtemp(join(tmpdir(), 'graceful-stop-'));
    t = await startTestApp({ WORKERS: '0', IMPORT_ALLOWED_HOSTS: '127.0.0.1/32', IMAGE_STORE_DIR: storeDir });
    catalog = await createCatalog(t.app);
  });
  afterAll(async () => {
    for (const service of services) await service.kill();
    await bus?.close();
    await t?.close();
    source?.close();
    if (storeDir) await rm(storeDir, { recursive: true, force: true });
  });

  it('closes 100 subscribers with 1001, exits within 10 s, and the task finishes on another worker', async () => {
    const shared = {
      DATABASE_URL: t.app.orm.config.get('clientUrl')!,
      DATA_DIR: 'memory://',
      IMAGE_STORE_DIR: storeDir,
      IMPORT_ALLOWED_HOSTS: '127.0.0.1/32',
      ADMIN_TOKEN: t.adminToken,
      TASK_LEASE_SECONDS: '30',
      REDIS_URL: process.env.REDIS_URL,
    };
    // What the other instances hear of the task, on the gateways' Redis channels.
    bus = await createEventBus({ redisUrl: process.env.REDIS_URL, namespace: eventNamespace(shared.DATABASE_URL) });
    // The gateway is the only worker until it is stopped.
    const gateway = startService('main', { ...shared, HOST: '127.0.0.1', PORT: '0', WORKERS: '1' });
    services.push(gateway);
    const url = (await gateway.waitFor(/GraphQL and GraphiQL at (\S+)/))[1]!;

    const answer = await t.requestRaw(
      'mutation ($input: ImageImportInput!) { imageImport(input: $input) { ... on ImageImportPayload { image { id } task { id } } } }',
      { input: { name: unique('graceful'), regionId: gid('Region', catalog.region.id), url: source.url } },
    );
    const { image, task } = answer.data!.imageImport;
    const heard: TaskEvent[] = [];
    void (async () => {
      for await (const event of bus!.listen('task', (e) => e.taskId === rawId(task.id))) heard.push(event);
    })();
    const em = () => t.app.orm.em.fork();
    await until(async () => ((await em().findOneOrFail(Task, { id: rawId(task.id) })).bytesDone ?? 0) > 2 * CHUNK);

    const clients = await Promise.all(Array.from({ length: SUBSCRIBERS }, () => subscriber(url, t.adminToken, image.id)));
    const worker = startService('worker', { ...shared, WORKERS: '1' });
    services.push(worker);
    await worker.waitFor(/Image catalog worker/);
    const midway = await em().findOneOrFail(Task, { id: rawId(task.id) });
    expect(midway.state).toBe('RUNNING');
    expect(midway.bytesDone).toBeLessThan(DISK.length);

    const stopping = Date.now();
    gateway.child.kill('SIGTERM');
    const code = await gateway.exited;
    const stoppedInMs = Date.now() - stopping;
    expect(code).toBe(0);
    expect(stoppedInMs).toBeLessThan(10_000);
    const codes = await Promise.all(clients.map((client) => client.closed));
    expect(codes).toEqual(Array.from({ length: SUBSCRIBERS }, () => 1001));
    // Announced while stopping, after its own subscribers were gone: the task is NEW again.
    await until(async () => heard.some((event) => event.state === 'NEW'), 5_000);

    // Handed back, not left to its lease (30 s): the other worker takes it at once.
    const ended = await waitForTask(t, task.id, 20_000);
    expect(ended.state).toBe('FINISHED');
    const row = await em().findOneOrFail(Image, { id: rawId(image.id) });
    expect(row.status).toBe('ACTIVE');
    expect(row.checksum).toBe(createHash('md5').update(DISK).digest('hex'));
    process.stdout.write(`gateway stopped in ${stoppedInMs} ms with ${SUBSCRIBERS} subscribers and an import running\n`);
  }, 90_000);
});

async function until(condition: () => Promise<boolean>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
