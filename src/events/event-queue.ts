// The queue between the bus and one subscriber: events pushed as they arrive, taken by `next`.
// Thousands of subscribers each take every event, so this is the whole of a subscriber's cost
// on the bus's side: an array, and a promise only while the subscriber waits.

export interface EventQueue<T> extends AsyncIterableIterator<T> {
  /** Queues `event`, or hands it to the waiting `next`; when `limit` are queued, the oldest is dropped. */
  push(event: T): void;
  /** Ends the stream once what is queued has been taken. */
  end(): void;
}

/** The end of a stream: one object every finished iterator in the gateway answers with. */
export const DONE: IteratorReturnResult<undefined> = Object.freeze({ done: true, value: undefined });

/**
 * `onEnd` runs once, when the stream ends or its consumer stops taking from it. One `next` at a
 * time, as `for await` and graphql-ws take them: a second waiting `next` would replace the first.
 */
export function eventQueue<T>(limit: number, onEnd: () => void): EventQueue<T> {
  let queued: T[] = [];
  let waiting: ((result: IteratorResult<T, undefined>) => void) | undefined;
  let ended = false;
  const finish = () => {
    if (ended) return;
    ended = true;
    onEnd();
  };
  const stop = () => {
    queued = [];
    finish();
    waiting?.(DONE);
    waiting = undefined;
    return Promise.resolve(DONE);
  };
  return {
    push(event) {
      if (ended) return;
      if (waiting) {
        const take = waiting;
        waiting = undefined;
        take({ done: false, value: event });
        return;
      }
      if (queued.length >= limit) queued.shift();
      queued.push(event);
    },
    end() {
      finish();
      if (!queued.length) {
        waiting?.(DONE);
        waiting = undefined;
      }
    },
    next() {
      if (queued.length) return Promise.resolve({ done: false, value: queued.shift()! });
      if (ended) return Promise.resolve(DONE);
      return new Promise((resolve) => (waiting = resolve));
    },
    return: stop,
    throw: (error: unknown) => stop().then(() => Promise.reject(error)),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
