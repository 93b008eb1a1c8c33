// Subscribers who sent the same operation with the same variables and see alike (the same
// visibility key, the same right to write) get the same answer to each event: it is executed
// once for all of them, and each of their streams carries that one result. 5,000 dashboards on
// one image cost one execution per change, not 5,000. The streams stay each subscriber's own:
// its first event (the current state, read with its own token), its queue and its end.
//
// Over graphql-ws the shared answer is also serialized once: after a stream's first result has
// gone the usual way, its later error-free results skip the per-result hooks and graphql-ws's
// own serialization, and go to the socket as the group's one JSON text (`sendSerializedNext`).
// A result with errors still goes the usual way, through error masking and the operation log.
//
// The sharing holds for events that are one object for the whole group: src/events/streams.ts
// hands subscribers who see alike the same change. An event of one subscriber alone (its current
// state) is executed for it alone.
import { type DocumentNode, type ExecutionArgs, type ExecutionResult, createSourceEventStream, execute } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { type Viewer, canWrite, visibilityKey } from '../domain/viewer.js';
import { DONE } from '../events/event-queue.js';

/**
 * Sends a `next` message of the subscriber's operation whose payload is `payloadJson`; a promise
 * when the socket is behind, to wait on before sending more. graphql-ws's transport puts it on
 * each operation's context.
 */
export type SendSerializedNext = (payloadJson: string) => Promise<void> | undefined;

/** An execution's answer, and its JSON text made once for all who send it. */
export class SharedResult {
  #json: string | undefined;
  constructor(readonly result: ExecutionResult) {}
  /** As graphql-ws writes a payload without errors. */
  get json(): string {
    return (this.#json ??= JSON.stringify(this.result));
  }
}

/** What an event's execution answered, per group, while anyone holds the event. */
const resultsByEvent = new WeakMap<object, Map<string, Promise<SharedResult>>>();

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

function sharedResult(event: unknown, group: string | null, run: () => Promise<SharedResult>): Promise<SharedResult> {
  if (group === null || typeof event !== 'object' || event === null) return run();
  let results = resultsByEvent.get(event);
  if (!results) resultsByEvent.set(event, (results = new Map()));
  let result = results.get(group);
  if (!result) results.set(group, (result = run()));
  return result;
}

/**
 * The results of `source`'s events, one at a time, ending (and ending `source`) with it. With
 * `send`, every result after the first that has no errors is sent by it, not yielded: the next
 * call of `next` comes after the previous result was sent, so the socket keeps their order.
 */
export function resultStream(
  source: AsyncIterator<unknown>,
  resultOf: (event: unknown) => Promise<SharedResult>,
  send: SendSerializedNext | undefined,
): AsyncIterableIterator<ExecutionResult> {
  let yielded = false;
  let ended = false;
  return {
    async next() {
      try {
        for (;;) {
          const next = await source.next();
          if (next.done || ended) return DONE;
          const shared = await resultOf(next.value);
          // The client may have completed the operation while the result was made.
          if (ended) return DONE;
          if (!send || !yielded || shared.result.errors) {
            yielded = true;
            return { done: false, value: shared.result };
          }
          const behind = send(shared.json);
          if (behind) await behind;
        }
      } catch (error) {
        // A consumer does not return a stream whose next failed: its source ends here.
        ended = true;
        await source.return?.();
        throw error;
      }
    },
    async return() {
      ended = true;
      await source.return?.();
      return DONE;
    },
    async throw(error: unknown) {
      ended = true;
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
        const send = (args.contextValue as { sendSerializedNext?: SendSerializedNext } | undefined)?.sendSerializedNext;
        const resultOf = (event: unknown) => sharedResult(event, group, async () => new SharedResult(await execute({ ...args, rootValue: event })));
        return resultStream(stream[Symbol.asyncIterator](), resultOf, send);
      });
    },
  };
}
