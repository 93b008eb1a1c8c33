// At most one event per key per interval, the latest winning: a progress bar needs the newest
// figure, not every one. What is held back goes out when the interval ends, so the last event of
// a key (a task's FINISHED or ERROR) always arrives, at most one interval late.
//
// Events are taken from the source as they come (the intervals run on their own); what is due
// waits for the consumer one per key, the newest replacing an older one, so a slow consumer holds
// at most one event per key and never loses a key's final event.

import { logger } from '../logger.js';

export interface ThrottleOptions<T> {
  intervalMs: number;
  key(event: T): string;
  /** A final event is never replaced by a later non-final one (an out-of-order straggler). */
  isFinal?(event: T): boolean;
}

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

export function throttlePerKey<T>(source: AsyncIterator<T>, { intervalMs, key, isFinal = () => false }: ThrottleOptions<T>): AsyncIterableIterator<T> {
  // A key has a slot from its last event sent until one quiet interval has passed.
  const slots = new Map<string, { timer: NodeJS.Timeout; held?: T }>();
  // Due events, one per key, in the order their keys became due.
  const due = new Map<string, T>();
  let waiting: ((result: IteratorResult<T, undefined>) => void) | undefined;
  let sourceEnded = false;
  let stopped = false;

  /** Replaces `current` by `event` unless a final one would give way to a straggler. */
  const newer = (current: T | undefined, event: T) => current === undefined || !(isFinal(current) && !isFinal(event));
  const send = (event: T) => {
    if (stopped) return;
    const slotKey = key(event);
    if (!newer(due.get(slotKey), event)) return;
    if (waiting && !due.size) {
      const take = waiting;
      waiting = undefined;
      take({ done: false, value: event });
      return;
    }
    due.set(slotKey, event);
  };
  const open = (slotKey: string) => {
    const slot = slots.get(slotKey);
    const timer = setTimeout(() => {
      const current = slots.get(slotKey)!;
      if (current.held === undefined) return void slots.delete(slotKey);
      const held = current.held;
      current.held = undefined;
      open(slotKey);
      send(held);
    }, intervalMs);
    if (slot) slot.timer = timer;
    else slots.set(slotKey, { timer });
  };
  const clearSlots = () => {
    for (const slot of slots.values()) clearTimeout(slot.timer);
    slots.clear();
  };

  void (async () => {
    try {
      for (let next = await source.next(); !next.done && !stopped; next = await source.next()) {
        const event = next.value;
        const slotKey = key(event);
        const slot = slots.get(slotKey);
        if (!slot) {
          open(slotKey);
          send(event);
        } else if (newer(slot.held, event)) {
          slot.held = event;
        }
      }
    } catch (error) {
      logger.error({ err: error }, 'a throttled stream\'s source failed');
    } finally {
      // The source ended: what is held back goes out now.
      const held = [...slots.values()].flatMap((slot) => (slot.held === undefined ? [] : [slot.held]));
      clearSlots();
      for (const event of held) send(event);
      sourceEnded = true;
      if (!due.size) {
        waiting?.(DONE);
        waiting = undefined;
      }
    }
  })();

  const stop = async () => {
    if (!stopped) {
      stopped = true;
      clearSlots();
      due.clear();
      waiting?.(DONE);
      waiting = undefined;
    }
    await source.return?.();
    return DONE;
  };
  return {
    next() {
      const first = due.entries().next();
      if (!first.done) {
        due.delete(first.value[0]);
        return Promise.resolve({ done: false, value: first.value[1] });
      }
      if (sourceEnded || stopped) return Promise.resolve(DONE);
      return new Promise((resolve) => (waiting = resolve));
    },
    return: stop,
    throw: (error?: unknown) => stop().then(() => Promise.reject(error)),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
