// A pool of graphql-ws subscribers in a child process of the fan-out workload (bench/fanout.ts),
// so thousands of sockets and their messages do not share an event loop with the one timing the
// changes. Talks to its parent over IPC:
//   parent: { type: 'start', urls, count, offset, token, imageId }  -> child: { type: 'ready', ... }
//   parent: { type: 'count' }                                       -> child: { type: 'count', received }
//   parent: { type: 'stop' }                                        -> child: { type: 'result', ... }
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

export interface StartMessage {
  type: 'start';
  /** Gateways' GraphQL URLs (http); subscriber i uses urls[(offset + i) % urls.length]. */
  urls: string[];
  count: number;
  offset: number;
  token: string;
  /** The image's global id. */
  imageId: string;
  /** Subscriptions being set up at once: thousands of simultaneous handshakes only queue. */
  concurrency: number;
}

export interface ReadyMessage {
  type: 'ready';
  connected: number;
  failed: number;
  firstError?: string;
  seconds: number;
}

export interface ResultMessage {
  type: 'result';
  /** Per event `at` (the server's time of the change, ISO): when each subscriber received it (epoch ms). */
  arrivals: Record<string, number[]>;
  errors: number;
  firstError?: string;
  /** Subscriptions that ended or failed before the stop. */
  closedEarly: number;
}

export interface CountMessage {
  type: 'count';
  received: number;
}

export const WATCH = `subscription Watch($id: ID!) { imageStatusChanged(id: $id) { image { id status } previousStatus status at } }`;

interface StatusEvent {
  imageStatusChanged?: { previousStatus: string | null; status: string; at: string };
}

const now = () => performance.timeOrigin + performance.now();

async function start(message: StartMessage) {
  const arrivals = new Map<string, number[]>();
  let errors = 0;
  let received = 0;
  let closedEarly = 0;
  let firstError: string | undefined;
  let stopping = false;
  const clients: ReturnType<typeof createClient>[] = [];
  const noteError = (error: unknown) => {
    errors++;
    firstError ??= error instanceof Error ? error.message : JSON.stringify(error).slice(0, 300);
  };

  const subscribe = (index: number) =>
    new Promise<boolean>((resolve) => {
      const url = message.urls[(message.offset + index) % message.urls.length]!.replace(/^http/, 'ws');
      const client = createClient({
        url,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${message.token}` },
        retryAttempts: 0,
        lazy: true,
      });
      clients.push(client);
      let acknowledged = false;
      client.subscribe<StatusEvent>(
        { query: WATCH, variables: { id: message.imageId } },
        {
          next: (result) => {
            const at = now();
            const event = result.data?.imageStatusChanged;
            if (result.errors?.length || !event) {
              noteError(result.errors ?? result);
              return;
            }
            // The first event is the current state: it says the subscription is listening.
            if (!acknowledged) {
              acknowledged = true;
              resolve(true);
              return;
            }
            let list = arrivals.get(event.at);
            if (!list) arrivals.set(event.at, (list = []));
            list.push(at);
            received++;
          },
          error: (error) => {
            noteError(error);
            if (!acknowledged) resolve(false);
            else if (!stopping) closedEarly++;
          },
          complete: () => {
            if (!acknowledged) resolve(false);
            else if (!stopping) closedEarly++;
          },
        },
      );
    });

  const started = now();
  let connected = 0;
  let failed = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(message.concurrency, message.count) }, async () => {
      while (next < message.count) {
        if (await subscribe(next++)) connected++;
        else failed++;
      }
    }),
  );
  const ready: ReadyMessage = { type: 'ready', connected, failed, firstError, seconds: (now() - started) / 1000 };
  process.send!(ready);

  process.on('message', async (incoming: { type: string }) => {
    if (incoming.type === 'count') {
      const count: CountMessage = { type: 'count', received };
      process.send!(count);
      return;
    }
    if (incoming.type !== 'stop') return;
    stopping = true;
    const result: ResultMessage = { type: 'result', arrivals: Object.fromEntries(arrivals), errors, firstError, closedEarly };
    process.send!(result, () => {
      void Promise.allSettled(clients.map((client) => client.dispose())).then(() => process.exit(0));
    });
  });
}

process.once('message', (message: StartMessage) => {
  if (message.type === 'start') void start(message);
});
process.once('disconnect', () => process.exit(0));
