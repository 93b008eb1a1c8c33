// With REDIS_URL, buses in different processes (here: two buses) share events, and buses of
// different databases (namespaces) on the same Redis never see each other's.
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { type EventBus, type ImageStatusEvent, createEventBus, eventNamespace } from '../../src/events/bus.js';
import { Inbox } from '../helpers/live.js';

const redisUrl = process.env.REDIS_URL;

describe('eventNamespace', () => {
  it('names the database, not the credentials', () => {
    expect(eventNamespace('postgres://a:x@db:5432/one')).toBe(eventNamespace('postgres://b:y@db/one'));
    expect(eventNamespace('postgres://db/one')).not.toBe(eventNamespace('postgres://db/two'));
  });
});

describe.skipIf(!redisUrl)('the event bus on Redis', () => {
  const buses: EventBus[] = [];
  afterEach(async () => {
    await Promise.all(buses.splice(0).map((bus) => bus.close()));
  });

  // Unique per run: other test runs may share this Redis.
  const namespace = () => `test-${randomBytes(8).toString('hex')}`;
  async function bus(ns: string) {
    const created = await createEventBus({ redisUrl, namespace: ns });
    buses.push(created);
    return created;
  }
  function collect(from: EventBus) {
    const inbox = new Inbox<ImageStatusEvent>();
    void (async () => {
      for await (const event of from.listen('imageStatus')) inbox.put(event);
    })();
    return inbox;
  }
  const event = (imageId: string): ImageStatusEvent => ({
    imageId, ownerId: null, regionId: 'r', previousStatus: 'ACTIVE', status: 'DEACTIVATED', at: new Date().toISOString(),
  });

  it('delivers an event published on one instance to the others, and to itself', async () => {
    const ns = namespace();
    const [one, two] = [await bus(ns), await bus(ns)];
    const [onOne, onTwo] = [collect(one), collect(two)];
    one.publish('imageStatus', event('x'));
    expect(await onTwo.next()).toMatchObject({ imageId: 'x', status: 'DEACTIVATED' });
    expect(await onOne.next()).toMatchObject({ imageId: 'x' });
  });

  it('keeps namespaces apart', async () => {
    const [mine, theirs] = [await bus(namespace()), await bus(namespace())];
    const onMine = collect(mine);
    // Theirs first: had it crossed over, it would arrive first.
    theirs.publish('imageStatus', event('theirs'));
    mine.publish('imageStatus', event('mine'));
    expect(await onMine.next()).toMatchObject({ imageId: 'mine' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(onMine.size).toBe(0);
  });

  it('ends its streams on close', async () => {
    const closing = await bus(namespace());
    const stream = closing.listen('task');
    const next = stream.next();
    await closing.close();
    expect(await next).toEqual({ done: true, value: undefined });
  });
});
