// The environment is read here once; everything else receives a Config.
import { z } from 'zod';
import { slug } from './domain/validation.js';
import { parseOrigins } from './http/cors.js';
import { type UrlPolicy, parseAllowedHosts } from './http/url-guard.js';
import type { OperationLimits } from './http/use-operation-limits.js';
import type { SuggestionPolicy } from './http/use-suggestion-policy.js';

const boolean = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const limit = (fallback: number) => z.coerce.number().int().min(1).max(1e9).default(fallback);

const schema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  DATABASE_CREATE: boolean.default(false),
  DATA_DIR: z.string().min(1).default('./data'),
  SEED_DEMO: boolean.default(true),
  // Stored as a plain SHA-256 like the generated tokens: it must be as hard to guess.
  ADMIN_TOKEN: z.string().min(32, 'must be at least 32 characters').optional(),
  IMAGE_SECRET_KEY: z
    .string()
    .regex(/^([0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=)$/, 'must be 32 bytes as 64 hex digits or base64')
    .optional(),
  LOG_SQL: boolean.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // HS256 keys shorter than the hash are weak (RFC 7518 3.2).
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  // Keys fetched in clear could be swapped by anyone on the path: https, or http on loopback.
  JWKS_URL: z
    .url({ protocol: /^https?$/ })
    .refine((url) => url.startsWith('https:') || /^http:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?\//.test(url), 'must be https (http only on loopback)')
    .optional(),
  JWT_ISSUER: z.string().min(1).optional(),
  JWT_AUDIENCE: z.string().min(1).optional(),
  // Image bytes; unset: DATA_DIR/images (a temporary directory for memory://).
  IMAGE_STORE_DIR: z.string().min(1).optional(),
  // Glance's image_size_cap; a safe integer, so byte counts stay exact.
  IMAGE_MAX_BYTES: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).default(53_687_091_200),
  // Hosts or CIDRs imports may fetch from although they are loopback or private (url-guard.ts).
  IMPORT_ALLOWED_HOSTS: z.string().optional(),
  // Task workers per task type in this process; 0: this process only queues tasks.
  WORKERS: z.coerce.number().int().min(0).max(64).default(2),
  TASK_LEASE_SECONDS: z.coerce.number().min(1).max(3600).default(30),
  TASK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(3),
  TASK_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).max(3600).default(10),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  // Origins of pages on other sites that may call the gateway (src/http/cors.ts); none by default.
  CORS_ORIGINS: z.string().optional(),
  // The region (its slug) the OpenStack Image API creates and lists images in; unset: the only region.
  OPENSTACK_REGION: slug.optional(),
  // Who deactivates and reactivates images: administrators (PCD's rule), or also the owning
  // project's writers (Glance 25's default policy, which tempest expects).
  IMAGE_DEACTIVATION: z.enum(['admin', 'owner']).default('admin'),
  // Keystone's identity endpoint: its tokens are accepted beside ours (src/http/keystone.ts).
  KEYSTONE_URL: z.url({ protocol: /^https?$/ }).optional(),
  // Unset: /metrics is open, like /healthz.
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  // Live events in this process alone, although it is a gateway on a database others share.
  EVENTS: z.enum(['local', 'redis']).optional(),
  // Operation limits (src/http/use-operation-limits.ts, src/schema/cost.ts).
  MAX_TOKENS: limit(5000),
  MAX_DEPTH: limit(15),
  MAX_ALIASES: limit(30),
  MAX_ROOT_FIELDS: limit(20),
  MAX_DIRECTIVES: limit(20),
  MAX_FIELD_REPEATS: limit(20),
  MAX_COST: limit(5000),
  // "Did you mean ...?" in validation errors: only to a caller with a valid token, or never.
  GRAPHQL_SUGGESTIONS: z.enum(['authenticated', 'never']).default('authenticated'),
  // Cost units per second per principal; 0: no rate limit.
  RATE_LIMIT_COST_PER_SECOND: z.coerce.number().int().min(0).max(1e9).default(10000),
});

export interface Config {
  host: string;
  port: number;
  /** A PostgreSQL URL; when absent the server starts embedded PGlite. */
  databaseUrl: string | undefined;
  /** Create DATABASE_URL's database when it does not exist; else a missing one is an error. */
  databaseCreate: boolean;
  /** Where embedded data and the generated secret key live; `memory://` keeps nothing. */
  dataDir: string;
  seedDemo: boolean;
  adminToken: string | undefined;
  imageSecretKey: string | undefined;
  logSql: boolean;
  /** The least severe log lines written (pino levels; `silent` writes none). */
  logLevel: string;
  /** JWT bearer tokens are accepted only when a key source is set: a shared secret (HS256) or a JWKS URL. */
  jwt: JwtConfig;
  /** Where image files live; undefined: under DATA_DIR (see src/store/image-store.ts). */
  imageStoreDir: string | undefined;
  /** The largest image file accepted, in bytes (default 50 GiB). */
  imageMaxBytes: number;
  /** Who deactivates and reactivates images (IMAGE_DEACTIVATION). */
  imageDeactivation: 'admin' | 'owner';
  imports: { policy: UrlPolicy };
  tasks: TaskConfig;
  /** Live events go through Redis when set, so every instance sees every event; else in memory. */
  redisUrl: string | undefined;
  /** The bearer token GET /metrics asks for; undefined: /metrics is open. */
  metricsToken: string | undefined;
  /** EVENTS as set; unset: through Redis when REDIS_URL is set, else local (see eventsRedisUrl). */
  events: 'local' | 'redis' | undefined;
  limits: LimitsConfig;
  /** Who gets "Did you mean ...?" in validation errors (src/http/use-suggestion-policy.ts). */
  suggestions: SuggestionPolicy;
  /** Origins of other sites whose pages may call the gateway (src/http/cors.ts). */
  corsOrigins: string[];
  /** Keystone's identity endpoint, whose tokens are accepted beside ours; unset: none are. */
  keystoneUrl: string | undefined;
  /** The OpenStack Image API's region (src/openstack/image-api.ts). */
  openstack: { region: string | undefined };
}

export interface LimitsConfig extends OperationLimits {
  /** Cost units a principal may spend per second (every face, every gateway with Redis); 0: no limit. */
  rateCostPerSecond: number;
}

export interface TaskConfig {
  /** Workers per task type in this process (WORKERS); 0 runs none. */
  workers: number;
  /** A running task whose worker has not renewed its lease for this long is taken over. */
  leaseSeconds: number;
  /** Attempts of a task that fails transiently before it ends in ERROR. */
  maxAttempts: number;
  /** The first retry's delay; later ones back off exponentially. */
  retryDelaySeconds: number;
}

export interface JwtConfig {
  secret: string | undefined;
  jwksUrl: string | undefined;
  issuer: string | undefined;
  audience: string | undefined;
}

/** Everything wrong with the environment, one problem (`NAME: what is wrong`) each. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  ${problem}`).join('\n')}`);
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  // A request dearer than a whole second's allowance could never be served.
  if (e.RATE_LIMIT_COST_PER_SECOND > 0 && e.RATE_LIMIT_COST_PER_SECOND < e.MAX_COST) {
    problems.push(`RATE_LIMIT_COST_PER_SECOND: must be 0 (off) or at least MAX_COST (${e.MAX_COST})`);
  }
  // Instances sharing one database must seal passwords with one key; a key generated per
  // instance would make each other's secrets unreadable. Throwaway (memory://) runs may skip it.
  if (e.DATABASE_URL && !e.IMAGE_SECRET_KEY && !isMemoryDir(e.DATA_DIR)) {
    problems.push('IMAGE_SECRET_KEY: required with DATABASE_URL (every instance must share it)');
  }
  if (e.EVENTS === 'redis' && !e.REDIS_URL) problems.push('EVENTS: redis needs REDIS_URL');
  let allowed: string[] = [];
  try {
    allowed = parseAllowedHosts(e.IMPORT_ALLOWED_HOSTS);
  } catch (error) {
    problems.push(`IMPORT_ALLOWED_HOSTS: ${(error as Error).message}`);
  }
  let corsOrigins: string[] = [];
  try {
    corsOrigins = parseOrigins(e.CORS_ORIGINS);
  } catch (error) {
    problems.push(`CORS_ORIGINS: ${(error as Error).message}`);
  }
  if (problems.length) throw new ConfigError(problems);
  return {
    host: e.HOST,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    databaseCreate: e.DATABASE_CREATE,
    dataDir: e.DATA_DIR,
    seedDemo: e.SEED_DEMO,
    adminToken: e.ADMIN_TOKEN,
    imageSecretKey: e.IMAGE_SECRET_KEY,
    logSql: e.LOG_SQL,
    logLevel: e.LOG_LEVEL,
    jwt: { secret: e.JWT_SECRET, jwksUrl: e.JWKS_URL, issuer: e.JWT_ISSUER, audience: e.JWT_AUDIENCE },
    imageStoreDir: e.IMAGE_STORE_DIR,
    imageMaxBytes: e.IMAGE_MAX_BYTES,
    imageDeactivation: e.IMAGE_DEACTIVATION,
    imports: { policy: { allowed } },
    tasks: {
      workers: e.WORKERS,
      leaseSeconds: e.TASK_LEASE_SECONDS,
      maxAttempts: e.TASK_MAX_ATTEMPTS,
      retryDelaySeconds: e.TASK_RETRY_DELAY_SECONDS,
    },
    redisUrl: e.REDIS_URL,
    metricsToken: e.METRICS_TOKEN,
    events: e.EVENTS,
    limits: {
      maxTokens: e.MAX_TOKENS,
      maxDepth: e.MAX_DEPTH,
      maxAliases: e.MAX_ALIASES,
      maxRootFields: e.MAX_ROOT_FIELDS,
      maxDirectives: e.MAX_DIRECTIVES,
      maxFieldRepeats: e.MAX_FIELD_REPEATS,
      maxCost: e.MAX_COST,
      rateCostPerSecond: e.RATE_LIMIT_COST_PER_SECOND,
    },
    suggestions: e.GRAPHQL_SUGGESTIONS,
    corsOrigins,
    keystoneUrl: e.KEYSTONE_URL,
    openstack: { region: e.OPENSTACK_REGION },
  };
}

/** The Redis that carries live events, or undefined when they stay in this process. */
export const eventsRedisUrl = (config: Config) => (config.events === 'local' ? undefined : config.redisUrl);

/**
 * What a gateway cannot start with, although a worker or the token command could. A gateway
 * that runs no workers on a shared database hears the workers' changes only through Redis:
 * without it, its subscribers would wait for ever. EVENTS=local says that is meant.
 */
export function gatewayProblems(config: Config): string[] {
  if (config.databaseUrl && config.tasks.workers === 0 && !eventsRedisUrl(config) && config.events !== 'local') {
    return [
      'WORKERS: 0 on PostgreSQL without REDIS_URL: subscribers of this gateway would never hear the changes of the worker processes; set REDIS_URL, or EVENTS=local if no other process changes this database',
    ];
  }
  return [];
}

export const isMemoryDir = (dir: string) => dir === 'memory://';
