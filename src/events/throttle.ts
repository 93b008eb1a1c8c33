// At most one event per key per interval, the latest winning: a progress bar needs the newest
// figure, not every one. What is held back goes out when the interval ends, so the last event of
// a key (a task's FINISHED or ERROR) always arrives, at most one interval late.
import { Repeater } from 'graphql-yoga';

export interface ThrottleOptions<T> {
  intervalMs: number;
  key(event: T): string;
  /** A final event is never replaced by a later non-final one (an out-of-order straggler). */
  isFinal?(event: T): boolean;
}

export function throttlePerKey<T>(source: AsyncIterator<T>, { intervalMs, key, isFinal = () => false }: ThrottleOptions<T>): AsyncIterableIterator<T> {
  const throttled = new Repeater<T>(async (push, stop) => {
    // A key has a slot from its last event sent until one quiet interval has passed.
    const slots = new Map<string, { timer: NodeJS.Timeout; held?: T }>();
    const send = (event: T) => {
      try {
        push(event).catch(() => {});
      } catch {
        // RepeaterOverflowError: the consumer is 1024 events behind; this one is lost.
      }
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
    void stop.then(() => {
      for (const slot of slots.values()) clearTimeout(slot.timer);
      void source.return?.();
    });

    for (let next = await source.next(); !next.done; next = await source.next()) {
      const event = next.value;
      const slotKey = key(event);
      const slot = slots.get(slotKey);
      if (!slot) {
        open(slotKey);
        send(event);
      } else if (!(slot.held !== undefined && isFinal(slot.held) && !isFinal(event))) {
        slot.held = event;
      }
    }
    // The source ended: what is held back goes out now.
    for (const slot of slots.values()) {
      clearTimeout(slot.timer);
      if (slot.held !== undefined) send(slot.held);
    }
    stop();
  });
  // A Repeater runs its executor at the first next: one returned before that (a stream whose
  // first item was already its last) must still end the source, or the bus keeps its queue.
  return {
    next: () => throttled.next(),
    return: async (value?: unknown) => {
      await source.return?.();
      return throttled.return(value as T);
    },
    throw: async (error?: unknown) => {
      await source.return?.();
      return throttled.throw(error);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
