// Per-principal rate limits on request cost per second: every face charges the cost of what it
// serves to the caller's bucket (a token, a JWT subject, or the client's address without a valid
// one). In memory, or in Redis when REDIS_URL is set, so that every gateway shares the buckets;
// while Redis is away each gateway keeps counting in memory.
import { createHash } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { Redis } from 'ioredis';
import { decodeJwt } from 'jose';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { closeRedis, redisClient } from '../redis.js';
import { looksLikeJwt } from './jwt.js';

export interface RateLimiter {
  /** Takes `cost` from the bucket of `key`; throws a 429 GraphQLError (RATE_LIMITED) when it is empty. */
  charge(key: string, cost: number): Promise<void>;
  /** Whether its Redis connection is up now (true without Redis), for /readyz. */
  redisReady(): boolean;
  close(): Promise<void>;
}

export interface RateLimitOptions {
  /** Cost units a principal may spend per second; 0 turns the limit off. */
  costPerSecond: number;
  redisUrl?: string | undefined;
  /** Separates the buckets of gateways on different databases that share one Redis. */
  namespace: string;
}

export const RATE_LIMIT = 'RATE_LIMIT_COST_PER_SECOND';

export function createRateLimiter({ costPerSecond, redisUrl, namespace }: RateLimitOptions): RateLimiter {
  if (costPerSecond <= 0) return { charge: async () => {}, redisReady: () => true, close: async () => {} };
  const options = { points: costPerSecond, duration: 1, keyPrefix: `${namespace}:rate` };
  const memory = new RateLimiterMemory(options);
  let redis: Redis | undefined;
  let limiter: RateLimiterMemory | RateLimiterRedis = memory;
  if (redisUrl) {
    // No offline queue, one retry: a charge never waits for Redis; the memory buckets answer meanwhile.
    redis = redisClient(redisUrl, 'rate limits', { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    limiter = new RateLimiterRedis({ ...options, storeClient: redis, rejectIfRedisNotReady: true, insuranceLimiter: memory });
  }
  return {
    async charge(key, cost) {
      if (cost <= 0) return;
      try {
        await limiter.consume(key, cost);
      } catch (outcome) {
        if (!(outcome instanceof RateLimiterRes)) throw outcome;
        throw rateLimited(costPerSecond, cost, Math.max(1, Math.ceil(outcome.msBeforeNext / 1000)));
      }
    },
    redisReady: () => !redis || redis.status === 'ready',
    async close() {
      if (redis) await closeRedis(redis);
    },
  };
}

function rateLimited(costPerSecond: number, cost: number, retryAfter: number): GraphQLError {
  return new GraphQLError(
    `Rate limit exceeded: this caller may spend ${costPerSecond} cost units a second (${RATE_LIMIT}) and this request costs ${cost}; retry in ${retryAfter} s`,
    {
      extensions: {
        code: 'RATE_LIMITED',
        limit: RATE_LIMIT,
        max: costPerSecond,
        actual: cost,
        retryAfter,
        http: { status: 429, headers: { 'Retry-After': String(retryAfter) } },
      },
    },
  );
}

/**
 * The bucket of a caller whose token checked out: a JWT's issuer and subject (its many tokens
 * share one bucket), else the token itself, by its hash as it is stored.
 */
export function principalKey(token: string): string {
  if (looksLikeJwt(token)) {
    const { iss, sub } = decodeJwt(token);
    if (sub) return `jwt:${iss ?? ''}:${sub}`;
  }
  return `token:${createHash('sha256').update(token).digest('hex').slice(0, 32)}`;
}

/** The bucket of a caller without a valid token: its address. */
export const addressKey = (address: string | undefined) => `address:${address ?? 'unknown'}`;
