// GET /metrics in Prometheus's text format (prom-client). Each App has a registry of its own, so
// that several in one process (tests) keep their counts apart; the process's own series (CPU,
// memory, event loop, GC) are collected once per process and served beside them. Counters and histograms are fed
// as requests, operations and tasks end; the queue depth and the pool are read at scrape time.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { TASK_TYPES } from '../db/entities/task.js';
import { BACKGROUND_TYPES } from '../jobs/queue.js';
import type { TaskObserver } from '../jobs/workers.js';
import type { Logger } from '../logger.js';
import { sendJsonError } from './error-response.js';
import { recent } from './recent.js';
import type { FinishedRequest } from './request-log.js';
import { type OperationRecord, outcomeOf } from './use-operation-log.js';

export interface Metrics extends TaskObserver {
  registry: Registry;
  requestFinished(request: FinishedRequest): void;
  /** A graphql-ws operation ended (HTTP ones are counted in requestFinished). */
  operationEnded(operation: OperationRecord, seconds: number): void;
  subscriptionStarted(): { ended(): void };
}

/** Operation names become labels only when they look like names, and only so many of them. */
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
export const MAX_OPERATION_NAMES = 200;

/** A scrape answers within this even when the database does not (a pool acquisition waits longer). */
const COLLECT_TIMEOUT_MS = 2000;

/** The task states that are work still to do. */
const WAITING_STATES = ['NEW', 'RUNNING'] as const;

/** The process's series: collecting starts an event-loop monitor and a GC observer, once. */
let processRegistry: Registry | undefined;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

export function createMetrics(orm: MikroORM, logger: Logger): Metrics {
  const registry = new Registry();
  const registers = [registry];

  const requests = new Counter({
    name: 'graphql_requests_total',
    help: 'GraphQL operations answered (HTTP, SSE and graphql-ws), by operation name, type and outcome (ok, error, refused)',
    labelNames: ['operation', 'type', 'outcome'] as const,
    registers,
  });
  const durations = new Histogram({
    name: 'graphql_request_duration_seconds',
    help: 'Time from a GraphQL request to its answer (a subscription: to its end)',
    labelNames: ['operation', 'type'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers,
  });
  const refused = new Counter({
    name: 'graphql_refused_total',
    help: 'GraphQL operations refused by a limit, by the limit (MAX_COST, MAX_DEPTH, ..., RATE_LIMIT_COST_PER_SECOND)',
    labelNames: ['limit'] as const,
    registers,
  });
  const httpRequests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests answered, by route and status',
    labelNames: ['route', 'status'] as const,
    registers,
  });
  const subscriptions = new Gauge({
    name: 'graphql_active_subscriptions',
    help: 'Subscriptions streaming now (SSE and graphql-ws)',
    registers,
  });
  const taskDurations = new Histogram({
    name: 'task_duration_seconds',
    help: "Time a task's attempt ran in this process's workers, by task type and outcome",
    labelNames: ['type', 'outcome'] as const,
    buckets: [0.1, 0.5, 1, 5, 15, 60, 300, 900, 3600],
    registers,
  });
  const taskFailures = new Counter({
    name: 'task_failures_total',
    help: 'Task attempts that failed in this process (retried or ended in ERROR), by task type',
    labelNames: ['type'] as const,
    registers,
  });
  // One grouped count (the state index serves it), through knex's builder: the ORM has no GROUP BY count.
  const queueDepth = recent(async () => {
    const counting = orm.em
      .getKnex()
      .from('task')
      .select('type', 'state')
      .count({ n: '*' })
      .whereIn('state', [...WAITING_STATES])
      .groupBy('type', 'state')
      .then((rows) => rows as { type: string; state: string; n: string | number }[]);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('the database did not answer in time')), COLLECT_TIMEOUT_MS);
    });
    return Promise.race([counting, late]).finally(() => clearTimeout(timer));
  });
  new Gauge({
    name: 'task_queue_depth',
    help: 'Tasks waiting (NEW) or running (RUNNING), by type, across every process on the database',
    labelNames: ['type', 'state'] as const,
    registers,
    async collect() {
      try {
        const rows = await queueDepth();
        for (const type of TASK_TYPES) for (const state of WAITING_STATES) this.set({ type, state }, 0);
        for (const row of rows) this.set({ type: row.type, state: row.state }, Number(row.n));
      } catch (error) {
        // A scrape while the database is away still answers the rest; /readyz says why.
        this.reset();
        logger.debug({ err: error }, 'task_queue_depth not collected');
      }
    },
  });
  new Gauge({
    name: 'db_pool_connections',
    help: "The application's database connections: used, free, and acquisitions pending",
    labelNames: ['state'] as const,
    registers,
    collect() {
      const pool = knexPool(orm);
      if (!pool) return;
      this.set({ state: 'used' }, pool.numUsed());
      this.set({ state: 'free' }, pool.numFree());
      this.set({ state: 'pending' }, pool.numPendingAcquires());
    },
  });

  // Every task type that runs in the background has its failure count, 0 until one fails.
  for (const type of BACKGROUND_TYPES) taskFailures.inc({ type }, 0);

  const operationLabel = operationLabels();
  const operationEnded = (operation: OperationRecord, seconds: number, httpStatus?: number) => {
    const labels = { operation: operationLabel(operation), type: operation.type ?? 'unparsed' };
    requests.inc({ ...labels, outcome: outcomeOf(operation, httpStatus) });
    durations.observe(labels, seconds);
    for (const limit of operation.refusedBy) refused.inc({ limit });
  };

  return {
    registry,
    requestFinished({ route, status, seconds, operation }) {
      httpRequests.inc({ route, status: String(status) });
      if (operation) operationEnded(operation, seconds, status);
    },
    operationEnded,
    subscriptionStarted() {
      subscriptions.inc();
      let done = false;
      return {
        ended() {
          if (!done) subscriptions.dec();
          done = true;
        },
      };
    },
    taskEnded(type, outcome, seconds) {
      taskDurations.observe({ type, outcome }, seconds);
      if (outcome === 'retried' || outcome === 'failed') taskFailures.inc({ type });
    },
  };
}

/**
 * The label of an operation: its name when it looks like one and is among the first
 * MAX_OPERATION_NAMES seen, else "other"; "anonymous" without a name, "unparsed" without a document.
 */
export function operationLabels(max = MAX_OPERATION_NAMES) {
  const names = new Set<string>();
  return (operation: Pick<OperationRecord, 'name' | 'type'>): string => {
    if (!operation.type) return 'unparsed';
    const name = operation.name;
    if (name === undefined) return 'anonymous';
    if (!OPERATION_NAME.test(name)) return 'other';
    if (!names.has(name)) {
      if (names.size >= max) return 'other';
      names.add(name);
    }
    return name;
  };
}

interface TarnPool {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
}

/** knex's connection pool (tarn) under MikroORM; undefined once the ORM has closed. */
function knexPool(orm: MikroORM): TarnPool | undefined {
  return (orm.em.getConnection().getKnex().client as { pool?: TarnPool }).pool;
}

/**
 * Answers GET /metrics and returns true; false for any other path. With a token (METRICS_TOKEN),
 * only a request bearing it is answered; without one /metrics is open, like /healthz.
 */
export function metricsHandler(metrics: Metrics, token: string | undefined) {
  const expected = token && digest(token);
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    if (req.url?.split('?')[0] !== '/metrics') return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendJsonError(req, res, 405, 'METHOD_NOT_ALLOWED', '/metrics answers GET and HEAD', { allow: 'GET, HEAD' });
      return true;
    }
    if (expected) {
      const presented = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(req.headers.authorization ?? '')?.[1];
      if (!presented || !timingSafeEqual(digest(presented), expected)) {
        sendJsonError(req, res, 401, 'UNAUTHENTICATED', '/metrics needs the METRICS_TOKEN as a bearer token', { 'www-authenticate': 'Bearer' });
        return true;
      }
    }
    const body = (await Promise.all([processMetrics().metrics(), metrics.registry.metrics()])).join('\n');
    res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(req.method === 'HEAD' ? undefined : body);
    return true;
  };
}

const digest = (text: string) => createHash('sha256').update(text).digest();
