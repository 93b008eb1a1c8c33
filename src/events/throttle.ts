// At most one event per key per interval, the latest winning: a progress bar needs the newest
// figure, not every one. What is held back goes out when the interval ends, so the last event of
// a key (a task's FINISHED or ERROR) always arrives, at most one interval late.
//
// Events are taken from the source as they come (the intervals run on their own); what is due
// waits for the consumer one per key, the newest replacing an older one (in the older one's
// place), so a slow consumer holds at most one event per key, at most MAX_DUE keys, and never
// loses a key's final event while there are other keys to drop.

import { logger } from '../logger.js';
import { DONE } from './event-queue.js';

export interface ThrottleOptions<T> {
  intervalMs: number;
  key(event: T): string;
  /** A final event is never replaced by a later non-final one (an out-of-order straggler). */
  isFinal?(event: T): boolean;
}

/** Keys with an event waiting for a consumer that does not read: past it, the oldest non-final goes. */
const MAX_DUE = 512;

/** One `next` at a time, as `for await` takes them: a second waiting `next` would replace the first. */
export function throttlePerKey<T>(source: AsyncIterator<T>, { intervalMs, key, isFinal = () => false }: ThrottleOptions<T>): AsyncIterableIterator<T> {
  // A key has a slot from its last event sent until one quiet interval has passed.
  const slots = new Map<string, { timer: NodeJS.Timeout; held?: T }>();
  // Due events, one per key, in the order their keys became due.
  const due = new Map<string, T>();
  let waiting: { resolve(result: IteratorResult<T, undefined>): void; reject(error: unknown): void } | undefined;
  let sourceEnded = false;
  let failure: { error: unknown } | undefined;
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
      take.resolve({ done: false, value: event });
      return;
    }
    if (!due.has(slotKey) && due.size >= MAX_DUE) {
      let dropped: string | undefined;
      for (const [dueKey, dueEvent] of due) {
        if (!isFinal(dueEvent)) {
          dropped = dueKey;
          break;
        }
      }
      due.delete(dropped ?? due.keys().next().value!);
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
        let slotKey: string;
        try {
          slotKey = key(event);
        } catch (error) {
          // A malformed event (from Redis, say) is passed over, not the end of the stream.
          logger.error({ err: error }, 'a throttled event has no key');
          continue;
        }
        const slot = slots.get(slotKey);
        if (!slot) {
          open(slotKey);
          send(event);
        } else if (newer(slot.held, event)) {
          slot.held = event;
        }
      }
    } catch (error) {
      // The consumer hears of it once what is due has been taken.
      failure = { error };
    }
    // The source ended: what is held back goes out now.
    const held = [...slots.values()].flatMap((slot) => (slot.held === undefined ? [] : [slot.held]));
    clearSlots();
    for (const event of held) send(event);
    sourceEnded = true;
    if (!due.size && waiting) {
      const take = waiting;
      waiting = undefined;
      if (failure) take.reject(failure.error);
      else take.resolve(DONE);
      failure = undefined;
    }
  })();

  const stop = async () => {
    if (!stopped) {
      stopped = true;
      clearSlots();
      due.clear();
      waiting?.resolve(DONE);
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
      if (failure && !stopped) {
        const { error } = failure;
        failure = undefined;
        return Promise.reject(error);
      }
      if (sourceEnded || stopped) return Promise.resolve(DONE);
      return new Promise((resolve, reject) => (waiting = { resolve, reject }));
    },
    return: stop,
    throw: (error?: unknown) => stop().then(() => Promise.reject(error)),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
