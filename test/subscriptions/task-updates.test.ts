// taskUpdated: progress at most 4 times a second per task, the newest winning, the final state
// always delivered; and only the tasks the subscriber may see.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Image } from '../../src/db/entities/image.js';
import { Project } from '../../src/db/entities/project.js';
import { Task } from '../../src/db/entities/task.js';
import { type EventBus, type TaskEvent, createEventBus } from '../../src/events/bus.js';
import { throttlePerKey } from '../../src/events/throttle.js';
import { graphql } from '../gql/index.js';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { type Catalog, createCatalog, createImages, gid, unique } from '../helpers/fixtures.js';
import { subscribeWs, untilSomethingArrives, wsClient } from '../helpers/live.js';

describe('throttlePerKey', () => {
  let bus: EventBus;
  let sent: { at: number; event: TaskEvent }[];
  const event = (taskId: string, progress: number, state: TaskEvent['state'] = 'RUNNING'): TaskEvent => ({
    taskId, imageId: 'i', projectId: null, state, progress, at: '',
  });
  const progressOf = (taskId: string) => sent.filter((item) => item.event.taskId === taskId).map((item) => item.event.state === 'RUNNING' ? item.event.progress : item.event.state);

  async function start() {
    vi.useFakeTimers();
    bus = await createEventBus({ namespace: 'unit' });
    sent = [];
    const throttled = throttlePerKey(bus.listen('task'), {
      intervalMs: 250,
      key: (item) => item.taskId,
      isFinal: (item) => item.state === 'FINISHED' || item.state === 'ERROR',
    });
    void (async () => {
      for await (const item of throttled) sent.push({ at: Date.now(), event: item });
    })();
  }
  const publish = async (...events: TaskEvent[]) => {
    for (const item of events) bus.publish('task', item);
    await vi.advanceTimersByTimeAsync(0);
  };
  afterEach(async () => {
    await bus.close();
    vi.useRealTimers();
  });

  it('sends a key\'s first event at once and the newest of the rest when the interval ends', async () => {
    await start();
    await publish(event('a', 1), event('a', 2), event('a', 3));
    expect(progressOf('a')).toEqual([1]);
    await vi.advanceTimersByTimeAsync(249);
    expect(progressOf('a')).toEqual([1]);
    await vi.advanceTimersByTimeAsync(1);
    expect(progressOf('a')).toEqual([1, 3]);
  });

  it('sends at most one event per key per interval, keys apart', async () => {
    await start();
    for (let progress = 0; progress < 40; progress++) {
      await publish(event('a', progress), event('b', progress));
      await vi.advanceTimersByTimeAsync(50);
    }
    await vi.advanceTimersByTimeAsync(1000);
    for (const key of ['a', 'b']) {
      const times = sent.filter((item) => item.event.taskId === key).map((item) => item.at);
      expect(times.length).toBeGreaterThanOrEqual(8); // 2 s of events
      expect(times.length).toBeLessThanOrEqual(9);
      for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(250);
      expect(progressOf(key).at(-1)).toBe(39); // the newest always arrives in the end
    }
  });

  it('never drops the final event, nor lets a straggler replace it', async () => {
    await start();
    await publish(event('a', 10), event('a', 50), event('a', 100, 'FINISHED'), event('a', 60));
    expect(progressOf('a')).toEqual([10]);
    await vi.advanceTimersByTimeAsync(250);
    expect(progressOf('a')).toEqual([10, 'FINISHED']);
  });

  it('holds one event per key for a consumer that does not read, the final one kept', async () => {
    vi.useFakeTimers();
    bus = await createEventBus({ namespace: 'unit' });
    const throttled = throttlePerKey(bus.listen('task'), { intervalMs: 250, key: (item) => item.taskId, isFinal: (item) => item.state === 'FINISHED' });
    for (let progress = 0; progress < 2_000; progress++) {
      bus.publish('task', event('a', progress));
      bus.publish('task', event('b', progress));
      await vi.advanceTimersByTimeAsync(50);
    }
    bus.publish('task', event('a', 100, 'FINISHED'));
    bus.publish('task', event('a', 99));
    await vi.advanceTimersByTimeAsync(1_000);
    const first = await throttled.next();
    const second = await throttled.next();
    expect([first.value, second.value]).toEqual([event('a', 100, 'FINISHED'), event('b', 1_999)]);
    const third = throttled.next();
    bus.publish('task', event('b', 2_000));
    expect(await third).toEqual({ done: false, value: event('b', 2_000) });
    await throttled.return!();
    expect(await throttled.next()).toEqual({ done: true, value: undefined });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('holds at most 512 keys for a consumer that does not read, finals last to go, and ends after them', async () => {
    vi.useFakeTimers();
    bus = await createEventBus({ namespace: 'unit' });
    const throttled = throttlePerKey(bus.listen('task'), { intervalMs: 250, key: (item) => item.taskId, isFinal: (item) => item.state === 'FINISHED' });
    bus.publish('task', event('k0', 100, 'FINISHED'));
    for (let k = 1; k < 600; k++) bus.publish('task', event(`k${k}`, k));
    await vi.advanceTimersByTimeAsync(0);
    await bus.close();
    await vi.advanceTimersByTimeAsync(0);
    const taken: TaskEvent[] = [];
    for await (const item of throttled) taken.push(item);
    expect(taken).toHaveLength(512);
    expect(taken[0]).toEqual(event('k0', 100, 'FINISHED'));
    expect(taken.slice(1).map((item) => item.taskId)).toEqual(Array.from({ length: 511 }, (_, i) => `k${i + 89}`));
  });

  it('sends what it holds back at once when the source ends', async () => {
    await start();
    await publish(event('a', 1), event('a', 2, 'ERROR'));
    await bus.close();
    await vi.advanceTimersByTimeAsync(0);
    expect(progressOf('a')).toEqual([1, 'ERROR']);
  });
});

// Over Redis too when the run has one.
const redis: Record<string, string> = process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {};

const WatchTask = graphql(`
  subscription LiveWatchTask($id: ID) {
    taskUpdated(id: $id) { id state progress }
  }
`);

describe('taskUpdated', () => {
  let t: TestApp;
  let url: string;
  let catalog: Catalog;
  let member: string;
  let image: Image;

  beforeAll(async () => {
    // No workers: the tests move the tasks themselves.
    t = await startTestApp({ HOST: '127.0.0.1', PORT: '0', WORKERS: '0', ...redis });
    url = await t.app.start();
    catalog = await createCatalog(t.app);
    member = await t.tokenFor({ role: 'member', projectId: catalog.project.id });
    image = (await createImages(t.app, catalog, 1))[0]!;
  });
  afterAll(() => t?.close());

  async function aTask(projectId: string) {
    const em = t.app.orm.em.fork();
    const task = em.create(Task, { type: 'IMPORT', image: image.id, project: projectId, state: 'RUNNING' } as never);
    await em.flush();
    return { task, em };
  }

  it('sends the current state, then progress at most 4 times a second, and ends with FINISHED', async () => {
    const { task, em } = await aTask(catalog.project.id);
    const client = wsClient(url, member);
    const subscription = subscribeWs(client, WatchTask, { id: gid('Task', task.id) });
    try {
      expect((await subscription.results.next()).data!.taskUpdated).toEqual({ id: gid('Task', task.id), state: 'RUNNING', progress: 0 });
      const started = Date.now();
      for (let progress = 1; progress <= 30; progress++) {
        task.progress = progress;
        await em.flush();
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      Object.assign(task, { state: 'FINISHED', progress: 100 });
      await em.flush();
      const updates = [];
      while (!subscription.results.ended || subscription.results.size) {
        const result = await subscription.results.next();
        updates.push(result.data!.taskUpdated);
        if (result.data!.taskUpdated.state === 'FINISHED') break;
      }
      const elapsed = Date.now() - started;
      expect(updates.at(-1)).toMatchObject({ state: 'FINISHED', progress: 100 });
      // 30 progress writes and the end; one a quarter second, plus the first at once. (The spacing
      // itself is the throttle's, tested with fake timers above.)
      expect(updates.length).toBeLessThanOrEqual(Math.ceil(elapsed / 250) + 2);
      expect(updates.length).toBeLessThan(31);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(subscription.results.ended).toBe(true); // by id, the stream ends with the task
    } finally {
      await subscription.close();
      await client.dispose();
    }
  });

  it('sends a member only its own project\'s tasks', async () => {
    const em = t.app.orm.em.fork();
    const other = em.create(Project, { name: unique('other'), reseller: null });
    await em.flush();
    const { task: theirs, em: theirEm } = await aTask(other.id);
    const { task: ours, em: ourEm } = await aTask(catalog.project.id);
    const client = wsClient(url, member);
    const subscription = subscribeWs(client, WatchTask, {});
    let progress = 0;
    try {
      // Theirs changes first: were it sent, it would arrive first.
      await untilSomethingArrives(subscription.results, async () => {
        progress++;
        theirs.progress = progress;
        await theirEm.flush();
        ours.progress = progress;
        await ourEm.flush();
        await new Promise((resolve) => setTimeout(resolve, 300)); // past the throttle interval
      });
      for (let i = 0; i < 2; i++) {
        expect((await subscription.results.next()).data!.taskUpdated.id).toBe(gid('Task', ours.id));
        theirs.progress = ++progress;
        await theirEm.flush();
        ours.progress = progress;
        await ourEm.flush();
      }
    } finally {
      await subscription.close();
      await client.dispose();
    }
  });

  it('answers NOT_FOUND for another project\'s task', async () => {
    const em = t.app.orm.em.fork();
    const other = em.create(Project, { name: unique('other'), reseller: null });
    await em.flush();
    const { task } = await aTask(other.id);
    const client = wsClient(url, member);
    const subscription = subscribeWs(client, WatchTask, { id: gid('Task', task.id) });
    try {
      expect((await subscription.results.next()).errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    } finally {
      await subscription.close();
      await client.dispose();
    }
  });
});
