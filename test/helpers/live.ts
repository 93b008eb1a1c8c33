// Subscribing the way clients do, over a real listener: graphql-ws over WebSocket, and GraphQL
// over SSE with fetch. Both hand results to an Inbox the test reads with a deadline.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { type ExecutionResult, print } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

/** Results in arrival order; `next` waits for one, `none` proves a quiet spell. */
export class Inbox<T> {
  private readonly items: T[] = [];
  private waiting: ((item: T) => void) | undefined;
  ended = false;

  put(item: T) {
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = undefined;
      resolve(item);
    } else {
      this.items.push(item);
    }
  }

  get size() {
    return this.items.length;
  }

  next(timeoutMs = 5_000): Promise<T> {
    if (this.items.length) return Promise.resolve(this.items.shift()!);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting = undefined;
        reject(new Error(`no event within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiting = (item) => {
        clearTimeout(timer);
        resolve(item);
      };
    });
  }
}

export interface Subscription<R> {
  results: Inbox<ExecutionResult<R>>;
  close(): Promise<void>;
}

/** A graphql-ws client that sends `token` in connectionParams and never retries. */
export function wsClient(httpUrl: string, token: string) {
  return createClient({
    url: httpUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
    lazy: true,
  });
}

export function subscribeWs<R, V>(client: ReturnType<typeof wsClient>, document: TypedDocumentNode<R, V>, variables?: V): Subscription<R> {
  const results = new Inbox<ExecutionResult<R>>();
  const stop = client.subscribe<R>(
    { query: print(document), variables: variables as Record<string, unknown> },
    {
      next: (result) => results.put(result as ExecutionResult<R>),
      error: (error) => results.put({ errors: [error as never] }),
      complete: () => {
        results.ended = true;
      },
    },
  );
  return { results, close: async () => stop() };
}

/** GraphQL over SSE (Yoga's distinct-connections mode): one POST whose response is the stream. */
export function subscribeSse<R, V>(httpUrl: string, token: string, document: TypedDocumentNode<R, V>, variables?: V): Subscription<R> {
  const results = new Inbox<ExecutionResult<R>>();
  const abort = new AbortController();
  const reading = (async () => {
    const response = await fetch(httpUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: print(document), variables }),
      signal: abort.signal,
    });
    let buffer = '';
    const decoder = new TextDecoder();
    const reader = response.body!.getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      buffer += decoder.decode(read.value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const message = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(message)?.[1];
        const data = message.split('\n').filter((line) => line.startsWith('data:')).map((line) => line.slice(5).trim()).join('\n');
        if (event === 'complete') results.ended = true;
        else if (data) results.put(JSON.parse(data));
      }
    }
  })().catch((error: Error) => {
    if (error.name !== 'AbortError') results.put({ errors: [{ message: error.message } as never] });
  });
  return {
    results,
    async close() {
      abort.abort();
      await reading;
    },
  };
}

/**
 * Repeats `round` until `inbox` holds something: a subscription without an id sends nothing
 * to say it is listening, so the first rounds may happen before it is.
 */
export async function untilSomethingArrives(inbox: { readonly size: number }, round: () => Promise<void>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (inbox.size === 0) {
    if (Date.now() > deadline) throw new Error(`nothing arrived within ${timeoutMs} ms`);
    await round();
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
