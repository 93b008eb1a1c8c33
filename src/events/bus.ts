// Live events from where changes commit (src/events/orm-publisher.ts) to the subscriptions that
// watch them: Yoga's PubSub, in memory by default, through Redis when REDIS_URL is set so that
// every gateway and worker process sharing the database sees every event.
import { createHash } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { type PubSubEventTarget, createPubSub } from 'graphql-yoga';
import type { Redis } from 'ioredis';
import type { ImageStatus } from '../db/entities/image.js';
import type { TaskState } from '../db/entities/task.js';
import { logger } from '../logger.js';
import { allReady, closeRedis, redisClient } from '../redis.js';
import { eventQueue } from './event-queue.js';
import type { PrincipalChange } from '../domain/principal-cache.js';
import type { ReferenceChange } from '../domain/reference-cache.js';

/** An image's status changed (previousStatus null: the image was created in `status`). */
export interface ImageStatusEvent {
  imageId: string;
  ownerId: string | null;
  regionId: string;
  previousStatus: ImageStatus | null;
  status: ImageStatus;
  /** ISO 8601: events cross Redis as JSON. */
  at: string;
}

/** A task was created, or its state, progress or error changed. */
export interface TaskEvent {
  taskId: string;
  imageId: string;
  projectId: string | null;
  state: TaskState;
  progress: number;
  at: string;
}

export interface EventTopics {
  imageStatus: ImageStatusEvent;
  task: TaskEvent;
  /** What some tokens stand for changed (src/domain/principal-cache.ts). */
  principal: PrincipalChange;
  /** A reference row changed or was removed (src/domain/reference-cache.ts). */
  reference: ReferenceChange;
}
export type Topic = keyof EventTopics;
const TOPICS: Topic[] = ['imageStatus', 'task', 'principal', 'reference'];

export interface EventBus {
  /** Sends at once; dropped after close. */
  publish<T extends Topic>(topic: T, event: EventTopics[T]): void;
  /**
   * The events of `topic` that `accept` keeps, from this call on (listening starts before the
   * first `next`, so a caller may read the current state after listening without missing a change).
   * A listener more than LISTENER_BUFFER events behind loses the oldest ones.
   */
  listen<T extends Topic>(topic: T, accept?: (event: EventTopics[T]) => boolean): AsyncIterableIterator<EventTopics[T]>;
  /**
   * Calls `handler` with every event of `topic` until the bus closes: this process's own as they
   * are published, before publish returns (through Redis they come back later too, so the handler
   * must take an event twice), and other instances' as they arrive. For caches that must forget
   * what a change concerns before the change's caller hears that it is done.
   */
  hear<T extends Topic>(topic: T, handler: (event: EventTopics[T]) => void): void;
  /**
   * Whether events reach every instance: always in memory; with Redis, while both connections
   * are up (they reconnect by themselves; events published meanwhile are lost).
   */
  isReady(): boolean;
  /**
   * Ends every stream and any opened later, while events are still published: a stopping server
   * ends its subscriptions first, then finishes requests and hands tasks back, whose changes other
   * instances must still hear.
   */
  endStreams(): void;
  /** Ends every stream, then disconnects from Redis; nothing is published after it. */
  close(): Promise<void>;
}

export interface EventBusOptions {
  /** Unset: events stay in this process. */
  redisUrl?: string | undefined;
  /** Prefixes the Redis channels: buses on one Redis see each other only with the same namespace. */
  namespace: string;
}

const LISTENER_BUFFER = 512;

/** A namespace naming the database (not the credentials): instances on one database share events. */
export function eventNamespace(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  const identity = `${url.hostname}:${url.port || '5432'}${url.pathname}`;
  return `image-catalog:${createHash('sha256').update(identity).digest('hex').slice(0, 16)}`;
}

type Channels = Record<string, [unknown]>;

export async function createEventBus({ redisUrl, namespace }: EventBusOptions): Promise<EventBus> {
  const channel = (topic: Topic) => `${namespace}:${topic}`;
  const redis = redisUrl ? await connectRedis(redisUrl, TOPICS.map(channel)) : undefined;
  const target = redis?.target ?? (inMemoryTarget() as unknown as PubSubEventTarget<Channels>);
  const pubsub = createPubSub<Channels>({ eventTarget: target });
  // Our own queues rather than pubsub.subscribe: those share one buffer, or with none make the
  // publisher throw once a subscriber is 1024 events behind. One listener on the target per topic
  // hands each event to every stream's queue: thousands of listeners on an EventTarget cost more.
  const streams = new Set<() => void>();
  const deliveriesByTopic = new Map<Topic, Set<(event: never) => void>>();
  const deliveriesOf = (topic: Topic) => {
    let deliveries = deliveriesByTopic.get(topic);
    if (!deliveries) {
      const created = new Set<(event: never) => void>();
      target.addEventListener(channel(topic), (event: Event) => {
        const payload = (event as CustomEvent<never>).detail;
        // One stream's failing filter (a malformed event from Redis, say) must not starve the rest.
        for (const deliver of created) {
          try {
            deliver(payload);
          } catch (error) {
            logger.error({ err: error, topic }, 'delivering an event failed');
          }
        }
      });
      deliveriesByTopic.set(topic, (deliveries = created));
    }
    return deliveries;
  };
  let streamsEnded = false;
  let closed = false;
  // Handlers of this process's own events, called as they are published: Redis delivers them only later.
  const localHandlers = new Map<Topic, ((event: never) => void)[]>();
  const endStreams = () => {
    streamsEnded = true;
    for (const end of [...streams]) end();
  };

  return {
    publish(topic, event) {
      if (closed) return;
      if (redis) for (const handler of localHandlers.get(topic) ?? []) handler(event as never);
      pubsub.publish(channel(topic), event);
    },
    hear(topic, handler) {
      // A failing handler must stop neither the publisher nor the other handlers of the event.
      const heard = (event: EventTopics[typeof topic]) => {
        try {
          handler(event);
        } catch (error) {
          logger.error({ err: error, topic }, 'handling an event failed');
        }
      };
      localHandlers.set(topic, [...(localHandlers.get(topic) ?? []), heard as (event: never) => void]);
      target.addEventListener(channel(topic), (event: Event) => heard((event as CustomEvent<EventTopics[typeof topic]>).detail));
    },
    listen(topic, accept) {
      const deliveries = deliveriesOf(topic);
      const deliver = (event: EventTopics[typeof topic]) => {
        if (!accept || accept(event)) queue.push(event);
      };
      const end = () => queue.end();
      const queue = eventQueue<EventTopics[typeof topic]>(LISTENER_BUFFER, () => {
        deliveries.delete(deliver as (event: never) => void);
        streams.delete(end);
      });
      deliveries.add(deliver as (event: never) => void);
      streams.add(end);
      if (streamsEnded) end();
      return queue;
    },
    isReady: () => !closed && (redis?.isReady() ?? true),
    endStreams,
    async close() {
      if (closed) return;
      closed = true;
      endStreams();
      await redis?.quit();
    },
  };
}

/** Listeners on the target are few (one per topic, and the caches' handlers): no count of them is a leak. */
function inMemoryTarget(): EventTarget {
  const target = new EventTarget();
  setMaxListeners(0, target);
  return target;
}

/**
 * Two connections: one publishes, one listens. Redis away at start does not stop the start: the
 * bus is then not ready, says so once, and subscribes as soon as Redis answers.
 */
async function connectRedis(url: string, channels: string[]) {
  // Publishing while Redis is away fails after two reconnection attempts rather than queueing
  // every event of the outage; the subscriber waits for ever and resubscribes by itself.
  const publisher = redisClient(url, 'live events', { maxRetriesPerRequest: 2 });
  const subscriber = redisClient(url, 'live events');
  const quietly = (command: Promise<unknown>) => {
    void command.catch(() => {});
  };
  const target = createRedisEventTarget<CustomEvent>({
    // A publish that fails (Redis away too long) must not become an unhandled rejection.
    publishClient: { publish: (channel: string, message: string) => publisher.publish(channel, message).catch(() => 0) } as unknown as Redis,
    // Nor may the subscriptions the event target makes and never awaits.
    subscribeClient: {
      on: (event: string, listener: (...args: any[]) => void) => subscriber.on(event, listener),
      subscribe: (...names: string[]) => quietly(subscriber.subscribe(...names)),
      unsubscribe: (...names: string[]) => quietly(subscriber.unsubscribe(...names)),
    } as unknown as Redis,
  }) as unknown as PubSubEventTarget<Channels>;
  // Hold the channels for the bus's life and wait for Redis to confirm them, so a subscription
  // made once the server is up misses nothing published after it; unless Redis is away.
  const keep = () => {};
  for (const name of channels) target.addEventListener(name, keep);
  let subscribed = false;
  const confirmed = subscriber.subscribe(...channels).then(() => {
    subscribed = true;
  });
  quietly(confirmed);
  await Promise.race([confirmed, new Promise((resolve) => subscriber.once('error', resolve))]);
  return {
    target,
    isReady: () => subscribed && allReady(publisher, subscriber),
    async quit() {
      await Promise.all([publisher, subscriber].map(closeRedis));
    },
  };
}
