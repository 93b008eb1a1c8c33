// Subscribers who sent the same operation with the same variables and see alike (the same
// visibility key, the same right to write) get the same answer to each event: it is executed
// once for all of them, and each of their streams carries that one result. 5,000 dashboards on
// one image cost one execution per change, not 5,000. The streams stay each subscriber's own:
// its first event (the current state, read with its own token), its queue and its end.
//
// The sharing holds for events that are one object for the whole group: src/events/streams.ts
// hands subscribers who see alike the same change. An event of one subscriber alone (its current
// state) is executed for it alone.
import { type DocumentNode, type ExecutionArgs, type ExecutionResult, createSourceEventStream, execute } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { type Viewer, canWrite, visibilityKey } from '../domain/viewer.js';

/** What an event's execution answered, per group, while anyone holds the event. */
const resultsByEvent = new WeakMap<object, Map<string, Promise<ExecutionResult>>>();

/** A number per document seen: the parser's cache hands one object per document text. */
const documentIds = new WeakMap<DocumentNode, number>();
let nextDocumentId = 0;

function documentId(document: DocumentNode): number {
  let id = documentIds.get(document);
  if (id === undefined) documentIds.set(document, (id = nextDocumentId++));
  return id;
}

/** The group of a subscription: null when the context has no viewer (nothing is shared then). */
function groupOf(args: ExecutionArgs): string | null {
  const viewer = (args.contextValue as { viewer?: Viewer } | undefined)?.viewer;
  if (!viewer) return null;
  return JSON.stringify([documentId(args.document), args.operationName ?? null, args.variableValues ?? {}, visibilityKey(viewer), canWrite(viewer)]);
}

function sharedResult(event: unknown, group: string, run: () => Promise<ExecutionResult>): Promise<ExecutionResult> {
  if (typeof event !== 'object' || event === null) return run();
  let results = resultsByEvent.get(event);
  if (!results) resultsByEvent.set(event, (results = new Map()));
  let result = results.get(group);
  if (!result) results.set(group, (result = run()));
  return result;
}

/** Each item of `source` through `map`, one at a time, ending (and ending `source`) with it. */
function mapStream<T, U>(source: AsyncIterator<T>, map: (item: T) => Promise<U>): AsyncIterableIterator<U> {
  return {
    async next() {
      const next = await source.next();
      return next.done ? { done: true, value: undefined } : { done: false, value: await map(next.value) };
    },
    async return() {
      await source.return?.();
      return { done: true, value: undefined };
    },
    async throw(error: unknown) {
      await source.return?.();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

/**
 * Subscriptions executed once per event for each group of alike subscribers. Placed last among
 * the plugins that set the subscribe function, so that its is the one used.
 */
export function useGroupedFanOut(): Plugin {
  return {
    onSubscribe({ setSubscribeFn }) {
      setSubscribeFn(async (args: ExecutionArgs) => {
        const stream = await createSourceEventStream(args);
        if (!(Symbol.asyncIterator in stream)) return stream;
        const group = groupOf(args);
        const run = (event: unknown) => async () => execute({ ...args, rootValue: event });
        return mapStream(stream[Symbol.asyncIterator](), (event) => (group === null ? run(event)() : sharedResult(event, group, run(event))));
      });
    },
  };
}
