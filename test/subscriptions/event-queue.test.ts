// The queue between the bus and one subscriber (src/events/event-queue.ts).
import { describe, expect, it } from 'vitest';
import { eventQueue } from '../../src/events/event-queue.js';

const take = async <T>(queue: AsyncIterator<T>, count: number) => {
  const values: T[] = [];
  for (let i = 0; i < count; i++) {
    const next = await queue.next();
    if (next.done) break;
    values.push(next.value);
  }
  return values;
};

describe('event queue', () => {
  it('hands an event to a waiting next, and queues the rest in order', async () => {
    const queue = eventQueue<number>(8, () => {});
    const waiting = queue.next();
    queue.push(1);
    queue.push(2);
    queue.push(3);
    expect(await waiting).toEqual({ done: false, value: 1 });
    expect(await take(queue, 2)).toEqual([2, 3]);
  });

  it('drops the oldest events past its limit', async () => {
    const queue = eventQueue<number>(3, () => {});
    for (let i = 1; i <= 5; i++) queue.push(i);
    queue.end();
    expect(await take(queue, 10)).toEqual([3, 4, 5]);
  });

  it('ends after what is queued, and takes nothing more', async () => {
    let ends = 0;
    const queue = eventQueue<number>(8, () => ends++);
    queue.push(1);
    queue.end();
    queue.push(2);
    queue.end();
    expect(await queue.next()).toEqual({ done: false, value: 1 });
    expect(await queue.next()).toEqual({ done: true, value: undefined });
    expect(ends).toBe(1);
  });

  it('ends a waiting next when ended or returned, and calls onEnd once', async () => {
    let ends = 0;
    const ended = eventQueue<number>(8, () => ends++);
    const waiting = ended.next();
    ended.end();
    expect(await waiting).toEqual({ done: true, value: undefined });

    const returned = eventQueue<number>(8, () => ends++);
    returned.push(1);
    const pending = [returned.next(), returned.next()];
    await returned.return!();
    await returned.return!();
    expect(await Promise.all(pending)).toEqual([{ done: false, value: 1 }, { done: true, value: undefined }]);
    returned.push(2);
    expect(await returned.next()).toEqual({ done: true, value: undefined });
    expect(ends).toBe(2);
  });

  it('drops what is queued when the consumer stops', async () => {
    const queue = eventQueue<number>(8, () => {});
    queue.push(1);
    queue.push(2);
    await queue.return!();
    expect(await queue.next()).toEqual({ done: true, value: undefined });
  });
});
