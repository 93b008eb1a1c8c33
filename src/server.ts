// Builds the whole service from a Config: database (embedded or not), migrations, demo data,
// the GraphQL endpoint and the HTTP listener. Tests build it too and own its lifecycle.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { isIPv4 } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useGraphQlJit } from '@envelop/graphql-jit';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { GraphQLError } from 'graphql';
import { type YogaLogger, createYoga, maskError } from 'graphql-yoga';
import { type Config, ConfigError, eventsRedisUrl, gatewayProblems, isMemoryDir } from './config.js';
import { migrate } from './db/migrate.js';
import { openOrm } from './db/orm.js';
import { seedDemoCatalog } from './db/seed-demo.js';
import type { Services } from './domain/context.js';
import { SecretBox } from './domain/secret-box.js';
import { PrincipalCache } from './domain/principal-cache.js';
import { ReferenceCache } from './domain/reference-cache.js';
import { createToken, ensureAdminToken, hasActiveAdminToken, viewerForToken } from './domain/tokens.js';
import { type EventBus, eventNamespace } from './events/bus.js';
import { publishOrmEvents } from './events/orm-publisher.js';
import { type Gate, admit } from './http/admission.js';
import { compressAnswer } from './http/compression.js';
import { builtConsoleDir, consoleFiles } from './http/console.js';
import { crossOrigin } from './http/cors.js';
import { graphiqlAssets, graphiqlPage } from './http/graphiql.js';
import { healthHandler } from './http/health.js';
import { imageFilesHandler } from './http/image-files.js';
import { imageApiHandler } from './openstack/image-api.js';
import { type Metrics, createMetrics, metricsHandler } from './http/metrics.js';
import { guardedImageSources } from './http/image-sources.js';
import { jwtVerifier } from './http/jwt.js';
import { KeystoneTokens } from './http/keystone.js';
import { type Listener, createListener } from './http/listener.js';
import { createRateLimiter } from './http/rate-limit.js';
import { observeRequests } from './http/request-log.js';
import { answerClientErrors, refuseBadTarget } from './http/request-target.js';
import { limitChecks, useOperationLimits } from './http/use-operation-limits.js';
import { createReadPath } from './http/read-path.js';
import { compiledStatements } from './compiled/statements.js';
import type { Viewer } from './domain/viewer.js';
import { useGroupedFanOut } from './http/use-grouped-fan-out.js';
import { type OperationRecord, newOperationRecord, useOperationLog } from './http/use-operation-log.js';
import { useStrictRequests } from './http/use-strict-requests.js';
import { useSuggestionPolicy } from './http/use-suggestion-policy.js';
import { attachWebSocketServer } from './http/websocket.js';
import type { Context } from './schema/builder.js';
import { expectedError, isExpected } from './schema/errors.js';
import { buildSchema } from './schema/index.js';
import { type CleanupStack, startParts } from './lifecycle.js';
import { type Logger, logger as processLogger, setLogLevel } from './logger.js';
import { loadSecretKey } from './secret-key.js';
import { openFileImageStore } from './store/image-store.js';
import { startTaskRuntime } from './jobs/runtime.js';

export interface App {
  yoga: ReturnType<typeof createYoga<Record<string, unknown>, Context>>;
  orm: MikroORM;
  /** What GET /metrics serves. */
  metrics: Metrics;
  /** What every request's use cases share (the task queue among them). */
  services: Services;
  /**
   * A GraphQL request as the listener serves it, in process: the compiled read path when it can
   * answer, else Yoga. `operationLog` receives what the request log would say of it.
   */
  fetch(request: Request, operationLog?: OperationRecord): Promise<Response>;
  /** Listens on config.host:config.port; resolves with the GraphQL URL. */
  start(): Promise<string>;
  stop(): Promise<void>;
}

const GRAPHQL_PATH = '/graphql';

/** What a transport hands Yoga with each request (Yoga's server context). */
interface YogaServerContext {
  req?: IncomingMessage;
  operationLog?: OperationRecord;
  /** The compiled read path's admission of a request it handed on. */
  admitted?: Promise<Viewer> | undefined;
}

/**
 * The request again, its body to be read a second time: what the fetch adapter reads of a node
 * request (method, target, headers, socket, and the body as a stream) over the bytes in hand.
 */
function replayed(req: IncomingMessage, body: Buffer): IncomingMessage {
  const { method, url, headers, socket, httpVersion } = req;
  return Object.assign(Readable.from([body]), { method, url, headers, socket, httpVersion }) as unknown as IncomingMessage;
}

/** A GraphQL body, all of it (the read path asks only for bodies whose length it knows and allows). */
function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });
}
const MAX_GRAPHQL_BODY_BYTES = 1024 * 1024;

export interface BuildOptions {
  /** Where request and operation lines go; the process logger by default (a test reads its own). */
  logger?: Logger;
  /** A listener already bound (src/main.ts binds before anything slow); else start() binds one. */
  listener?: Listener;
}

export async function buildServer(config: Config, options: BuildOptions = {}): Promise<App> {
  setLogLevel(config.logLevel);
  const problems = gatewayProblems(config);
  if (problems.length) throw new ConfigError(problems);
  // Each part pushes its undo as it starts: a failure undoes what already started, and stop()
  // unwinds the same stack, newest first.
  return startParts((parts) => startServer(config, options, parts));
}

async function startServer(config: Config, options: BuildOptions, parts: CleanupStack): Promise<Omit<App, 'stop'>> {
  const log = options.logger ?? processLogger;
  // Released if anything below fails; once serving, it is closed first (see below).
  const listener = parts.push('the listener', options.listener ?? createListener(config.host, config.port), (l) => l.close());
  // PGlite is loaded only to be run: a gateway on PostgreSQL would keep its code in memory for nothing.
  const embedded = config.databaseUrl
    ? undefined
    : parts.push('the embedded database', await (await import('./db/pglite.js')).startEmbeddedPostgres(config.dataDir), (db) => db.stop());
  const clientUrl = config.databaseUrl ?? embedded!.url;
  const orm = parts.push('the database connections', await openOrm({ clientUrl, debug: config.logSql, poolSize: embedded ? 4 : 10, createDatabase: config.databaseCreate }), (o) => o.close());
  await migrate(orm, { embedded: embedded !== undefined });
  // Demo data only for a newcomer's embedded database, and only while it is empty.
  if (embedded && config.seedDemo) await seedDemoCatalog(orm.em.fork());
  const graphiqlToken = await bootstrapAdminToken(orm, config, embedded !== undefined, log);
  // Before any worker starts: every committed status or task change is announced.
  const events = parts.push('live events', await publishOrmEvents(orm, { redisUrl: eventsRedisUrl(config), namespace: eventNamespace(clientUrl) }), (bus) => bus.close());
  const secrets = new SecretBox(await loadSecretKey(config.imageSecretKey, config.dataDir));
  const jwt = jwtVerifier(config.jwt);
  // Who tokens stand for, for a second, and reference rows until they change: changes announced on
  // the bus forget what they concern at once.
  const principals = new PrincipalCache();
  const keystone = config.keystoneUrl ? new KeystoneTokens(config.keystoneUrl) : null;
  const references = new ReferenceCache(() => orm.em.fork(), () => events.isReady());
  forgetAnnouncedChanges(events, { principals, references, keystone }, log);
  const rate = parts.push('rate limits', createRateLimiter({ costPerSecond: config.limits.rateCostPerSecond, redisUrl: config.redisUrl, namespace: eventNamespace(clientUrl) }), (r) => r.close());
  // Admission where no request's EntityManager exists yet: a lookup forks its own.
  const gate: Gate = { em: () => orm.em.fork(), jwt, rate, principals, keystone };
  const store = parts.push('the image store', await openFileImageStore(config), (s) => s.stop());
  const metrics = createMetrics(orm, log);
  // Stopped before the store and the database its running tasks hand back to.
  const tasks = parts.push('the task runtime', await startTaskRuntime({ config, orm, store, clientUrl, embedded: embedded !== undefined, observer: metrics }), (t) => t.stop());
  const services: Services = {
    secrets,
    references,
    tasks: tasks.dispatcher,
    imports: { sources: guardedImageSources(config.imports.policy), maxBytes: config.imageMaxBytes },
    adoptProjects: config.keystoneUrl !== undefined,
    deactivation: config.imageDeactivation,
  };

  const schema = buildSchema();
  const limits = limitChecks(config.limits);
  const yoga = createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: GRAPHQL_PATH,
    landingPage: false,
    // Cross-origin requests are screened before any route, Yoga's included (src/http/cors.ts).
    cors: false,
    // A small page; GraphiQL's bundle is served as files (src/http/graphiql.ts).
    renderGraphiQL: graphiqlPage,
    graphiql: (request) => ({
      title: 'Image catalog',
      defaultQuery: DEFAULT_QUERY,
      // Only a page served to this machine, asked for by this machine's name, may carry a token:
      // not through a proxy, not to a page whose DNS name was rebound to 127.0.0.1, and not to
      // a script (a browser's navigation sends no Origin; a listed origin's fetch could read it).
      ...(graphiqlToken && isLoopback(config.host) && askedLocally(request) && !request.headers.has('origin') && {
        headers: JSON.stringify({ Authorization: `Bearer ${graphiqlToken}` }),
      }),
    }),
    // A fresh unit of work per operation, and no operation without a valid token (HTTP 401), nor
    // beyond its caller's rate (429). The GraphiQL page is rendered before any context is built,
    // so it stays open. `cost` was set when the operation passed its limits; `admitted` when the
    // compiled read path admitted the request before handing it on (its rate is charged once).
    context: async ({ request, req, cost, operationLog, admitted }: YogaServerContext & { request: Request; cost?: number }) => {
      const em = orm.em.fork();
      const viewer = await (admitted ?? admit(request, { em: () => em, jwt, rate, principals, keystone }, {
        cost: cost ?? 0,
        address: req?.socket.remoteAddress,
        // Known before the charge, so a caller refused by its rate limit is still named in its log line.
        onAuthenticated(who) {
          if (operationLog) operationLog.principal = who.kind;
        },
      }));
      return { ...services, events, em, viewer };
    },
    maskedErrors: {
      maskError(error, message, isDev) {
        const { originalError, path } = error as GraphQLError;
        return expectedError(originalError ?? error, path) ?? maskError(error, message, isDev);
      },
    },
    logging: quietAboutExpectedErrors(yogaLogger(log)),
    // Operations compiled to JavaScript once per document (graphql-jit): a 100-image page runs
    // its resolvers in about a third less CPU than through the interpreting executor.
    // GraphQL documents are small; variables too. Bytes travel on /images/:id/file, not here.
    maxRequestBodySize: MAX_GRAPHQL_BODY_BYTES,
    multipart: false,
    plugins: [
      useStrictRequests(),
      useOperationLimits(limits),
      // After the limits: it reads the cost they put on the context.
      useOperationLog(metrics),
      useSuggestionPolicy(config.suggestions, (request, address) => admit(request, gate, { cost: 1, address }).then(() => true, () => false)),
      useGraphQlJit(),
      // After graphql-jit: subscriptions take its subscribe function instead.
      useGroupedFanOut(),
    ],
  });

  const readPath = createReadPath({
    schema,
    limits,
    gate,
    statements: compiledStatements(orm, { named: !embedded }),
    references,
    graphqlPath: GRAPHQL_PATH,
    maxBodyBytes: MAX_GRAPHQL_BODY_BYTES,
    logger: log,
  });

  const health = healthHandler({
    database: () => orm.em.getConnection().isConnected(),
    queue: () => tasks.ready(),
    redis: config.redisUrl ? () => events.isReady() && rate.redisReady() : undefined,
  });
  const metricsPage = metricsHandler(metrics, config.metricsToken);
  // GraphiQL's files go to a directory of this process's own (mode 0700), removed on stop.
  const graphiql = graphiqlAssets(parts.push('the GraphiQL files', await mkdtemp(join(tmpdir(), 'graphiql-')), (dir) => rm(dir, { recursive: true, force: true })));
  const webConsole = consoleFiles(builtConsoleDir());
  const imageApi = imageApiHandler({ orm, gate: { jwt, rate, principals, keystone }, services, store, maxBytes: config.imageMaxBytes, leaseMs: config.tasks.leaseSeconds * 1000, region: config.openstack.region });
  const imageFiles = imageFilesHandler({ orm, gate: { jwt, rate, principals, keystone }, services, store, maxBytes: config.imageMaxBytes, leaseMs: config.tasks.leaseSeconds * 1000 });
  const cors = crossOrigin(config.corsOrigins);
  // The Host header is checked by refuseBadTarget, which answers in the GraphQL error format.
  const handle = observeRequests({ logger: log, graphqlPath: GRAPHQL_PATH, onFinished: metrics.requestFinished }, async (req, res, operationLog) => {
    if (refuseBadTarget(req, res)) return;
    if (cors.screen(req, res)) return;
    compressAnswer(req, res);
    if (await health(req, res)) return;
    if (await metricsPage(req, res)) return;
    if (await graphiql(req, res)) return;
    if (await webConsole(req, res)) return;
    if (await imageFiles(req, res)) return;
    if (await imageApi(req, res)) return;
    // GraphQL reads the body: a client waiting for 100 Continue may send it now.
    if (req.headers.expect?.toLowerCase() === '100-continue') res.writeContinue();
    const header = (name: string) => {
      const value = req.headers[name];
      return Array.isArray(value) ? value.join(', ') : value;
    };
    let handedOn: YogaServerContext = { operationLog };
    if (readPath.wants(req.method ?? '', req.url ?? '', header)) {
      const body = req.method === 'POST' ? await readBody(req) : undefined;
      const outcome = await readPath.answer({ method: req.method!, url: req.url!, header, body: body?.toString('utf8'), address: req.socket.remoteAddress }, operationLog);
      if (outcome.answered) {
        res.writeHead(outcome.status, outcome.headers).end(outcome.body);
        return;
      }
      // Yoga gets the admission made already, and the body read already, replayed.
      handedOn = { operationLog, admitted: outcome.admitted };
      if (body) {
        await yoga.handle(replayed(req, body), res, handedOn as Record<string, unknown>);
        return;
      }
    }
    // The record travels on Yoga's server context, which is each operation's initial context.
    await yoga.handle(req, res, handedOn as Record<string, unknown>);
  });
  const { server } = listener;
  // Node ends any request after 5 minutes by default, body included: a large upload needs
  // longer. Uploads carry an idle timeout of their own instead.
  server.requestTimeout = 0;
  answerClientErrors(server);
  // graphql-ws on the same port and path; SSE subscriptions are Yoga's own.
  const websockets = attachWebSocketServer({
    server,
    yoga,
    path: GRAPHQL_PATH,
    allowsOrigin: (request) => cors.allows(request),
    suggestions: config.suggestions,
    authenticate: (request, address) => admit(request, gate, { cost: 1, address }),
    logger: log,
    onOperationEnded: metrics.operationEnded,
  });
  parts.defer('the HTTP server', async () => {
    // No new connection from here on; requests in flight finish (SHUTDOWN_GRACE_MS at most).
    const closed = listener.close();
    // Live streams end first: an open socket or SSE response would keep the close waiting. The
    // bus still publishes what requests in flight and the tasks handed back change, for the
    // subscribers of other instances; it disconnects once those have stopped.
    await websockets.close();
    events.endStreams();
    await closed;
  });

  return {
    yoga,
    orm,
    metrics,
    services,
    async fetch(request, operationLog = newOperationRecord()) {
      const url = new URL(request.url);
      const target = url.pathname + url.search;
      const header = (name: string) => request.headers.get(name) ?? undefined;
      if (!readPath.wants(request.method, target, header)) return yoga.fetch(request, { operationLog });
      const body = request.method === 'POST' ? await request.text() : undefined;
      const outcome = await readPath.answer({ method: request.method, url: target, header, body, address: undefined }, operationLog);
      if (outcome.answered) return new Response(outcome.body, { status: outcome.status, headers: outcome.headers });
      return yoga.fetch(new Request(request.url, { method: request.method, headers: request.headers, body }), { operationLog, admitted: outcome.admitted });
    },
    async start() {
      const origin = await listener.listen();
      listener.serve(handle);
      return `${origin}${GRAPHQL_PATH}`;
    },
  };
}

/** Forgets what each announced change concerns, for as long as the bus runs. */
function forgetAnnouncedChanges(events: EventBus, caches: { principals: PrincipalCache; references: ReferenceCache; keystone: KeystoneTokens | null }, log: Logger): void {
  const failed = (error: unknown) => log.error({ err: error }, 'forgetting an announced principal change failed');
  events.hear('principal', (change) => {
    caches.keystone?.forget(change);
    return caches.principals.forget(change).catch(failed);
  });
  events.hear('reference', (change) => caches.references.forget(change));
}

const ADMIN_TOKEN_FILE = 'admin-token';

/**
 * Makes sure someone can get in, and returns the admin token GraphiQL may pre-fill. ADMIN_TOKEN
 * is made an active admin token. Otherwise an embedded database with no active admin token gets
 * one, printed once and kept in DATA_DIR/admin-token (owner-only), so a restart pre-fills it again.
 */
async function bootstrapAdminToken(orm: MikroORM, config: Config, embedded: boolean, log: Logger): Promise<string | undefined> {
  const em = orm.em.fork();
  if (config.adminToken) {
    await ensureAdminToken(em, config.adminToken, 'ADMIN_TOKEN');
    return config.adminToken;
  }
  if (!embedded) return undefined;
  const file = isMemoryDir(config.dataDir) ? undefined : join(config.dataDir, ADMIN_TOKEN_FILE);
  const kept = file && (await readFile(file, 'utf8').catch(ignoreMissing))?.trim();
  if (kept && (await viewerForToken(em, kept))?.kind === 'admin') return kept;
  if (await hasActiveAdminToken(em)) {
    // The kept token was revoked and another admin token exists: pre-filling it would only fail.
    if (file) await rm(file, { force: true });
    return undefined;
  }
  const { token } = await createToken(em, { name: 'embedded bootstrap admin', role: 'ADMIN' });
  if (file) {
    // A new file, so the owner-only mode holds from its first byte (a stale one keeps its own mode).
    await rm(file, { force: true });
    await writeFile(file, `${token}\n`, { mode: 0o600, flag: 'wx' });
  }
  // Said once, on purpose: whoever started the server needs it to get in.
  log.warn(`Created an admin token${file ? ` (kept in ${file} for GraphiQL on loopback)` : ''}: ${token}`);
  return token;
}

function ignoreMissing(error: NodeJS.ErrnoException): undefined {
  if (error.code !== 'ENOENT') throw error;
  return undefined;
}

/** 127.0.0.0/8, ::1 and localhost: only this machine can reach a server listening there. */
export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || (isIPv4(bare) && bare.startsWith('127.'));
}

/** A request that names a loopback host and came through no proxy. */
function askedLocally(request: Request): boolean {
  if (request.headers.has('forwarded') || request.headers.has('x-forwarded-for')) return false;
  // The adapter builds the URL from the Host header the client sent.
  return isLoopback(new URL(request.url).hostname);
}

/** Yoga's own lines through pino, at warn and above as before (its debug and info are chatter). */
function yogaLogger(log: Logger): YogaLogger {
  const child = log.child({ component: 'yoga' });
  const at = (level: 'debug' | 'warn' | 'error') => (...args: unknown[]) => {
    const err = args.find((arg) => arg instanceof Error);
    const text = args.filter((arg) => typeof arg === 'string').join(' ');
    child[level]({ ...(err !== undefined && { err }) }, text || (err as Error | undefined)?.message || 'yoga');
  };
  return { debug: at('debug'), info: at('debug'), warn: at('warn'), error: at('error') };
}

/** Faults are logged; a client's bad search or stale version is its answer, not a log line. */
function quietAboutExpectedErrors(logger: YogaLogger): YogaLogger {
  return { ...logger, error: (...args: unknown[]) => (args.some(isExpected) ? undefined : logger.error(...args)) };
}

const DEFAULT_QUERY = `# The newest images, with what they run on. Try the other queries in the README.
{
  images(first: 5, orderBy: [{ field: CREATED_AT, direction: DESC }]) {
    totalCount
    edges {
      node {
        id
        name
        status
        visibility
        operatingSystem { title }
        architecture { name }
        region { slug }
        metadata { key value }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}
`;
