// Redis clients that outlive an outage: they reconnect for ever with backoff, say once that
// Redis is away and once that it is back, and never turn a lost connection into an error
// thrown into the process. What they serve (live events, rate limits) decides what a command
// does meanwhile.
import { Redis, type RedisOptions } from 'ioredis';
import { logger } from './logger.js';

/** Reconnection delays: 100 ms doubling up to 5 s, for as long as it takes. */
export const reconnectDelay = (attempt: number) => Math.min(100 * 2 ** Math.min(attempt - 1, 6), 5000);

/** A client for `purpose` (named in its log lines); `options` add to or override the defaults. */
export function redisClient(url: string, purpose: string, options: RedisOptions = {}): Redis {
  const client = new Redis(url, {
    retryStrategy: reconnectDelay,
    // A command waits for the reconnection instead of failing with MaxRetriesPerRequestError.
    maxRetriesPerRequest: null,
    ...options,
  });
  // One warning per outage and purpose, however many of its clients lose the connection.
  const lost = (reason: string) => {
    const clients = away.get(purpose) ?? new Set<Redis>();
    if (clients.size === 0) logger.warn({ reason }, `Redis (${purpose}) is unavailable; reconnecting`);
    away.set(purpose, clients.add(client));
  };
  // An 'error' listener also keeps ioredis from reporting every failed attempt as unhandled.
  client.on('error', (error: Error) => lost(error.message || (error as NodeJS.ErrnoException).code || error.name));
  // Not on a quit: ioredis reconnects only after a connection it did not mean to close.
  client.on('reconnecting', () => lost('connection lost'));
  client.on('ready', () => back(purpose, client, true));
  client.on('end', () => back(purpose, client, false));
  return client;
}

const away = new Map<string, Set<Redis>>();

function back(purpose: string, client: Redis, announce: boolean) {
  const clients = away.get(purpose);
  if (!clients?.delete(client)) return;
  if (clients.size === 0 && announce) logger.info(`Redis (${purpose}) is back`);
}

/** Whether every client is connected and ready for commands. */
export const allReady = (...clients: Redis[]) => clients.every((client) => client.status === 'ready');

/** Closes a client: QUIT when connected (commands sent before it are answered), else at once. */
export async function closeRedis(client: Redis): Promise<void> {
  if (client.status !== 'ready') return client.disconnect();
  await client.quit().catch(() => client.disconnect());
}
