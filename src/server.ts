// Builds the whole service from a Config: database (embedded or not), migrations, demo data,
// the GraphQL endpoint and the HTTP listener. Tests build it too and own its lifecycle.
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { GraphQLError } from 'graphql';
import { type YogaLogger, createLogger, createYoga, maskError } from 'graphql-yoga';
import type { Config } from './config.js';
import { openOrm } from './db/orm.js';
import { type EmbeddedPostgres, startEmbeddedPostgres } from './db/pglite.js';
import { seedDemoCatalog } from './db/seed-demo.js';
import { SecretBox } from './domain/secret-box.js';
import { adminViewer } from './domain/viewer.js';
import { healthHandler } from './http/health.js';
import type { Context } from './schema/builder.js';
import { expectedError, isExpected } from './schema/errors.js';
import { buildSchema } from './schema/index.js';
import { loadSecretKey } from './secret-key.js';

export interface App {
  yoga: ReturnType<typeof createYoga<Record<string, unknown>, Context>>;
  orm: MikroORM;
  /** Listens on config.host:config.port; resolves with the GraphQL URL. */
  start(): Promise<string>;
  stop(): Promise<void>;
}

const GRAPHQL_PATH = '/graphql';

export async function buildServer(config: Config): Promise<App> {
  let embedded: EmbeddedPostgres | undefined;
  const clientUrl = config.databaseUrl ?? (embedded = await startEmbeddedPostgres(config.dataDir)).url;
  const orm = await openOrm({ clientUrl, debug: config.logSql, poolSize: embedded ? 4 : 10 });
  try {
    await orm.getMigrator().up();
    // Demo data only for a newcomer's embedded database, and only while it is empty.
    if (embedded && config.seedDemo) await seedDemoCatalog(orm.em.fork());
  } catch (error) {
    await orm.close();
    await embedded?.stop();
    throw error;
  }
  const secrets = new SecretBox(await loadSecretKey(config.imageSecretKey, config.dataDir));

  const yoga = createYoga<Record<string, unknown>, Context>({
    schema: buildSchema(),
    graphqlEndpoint: GRAPHQL_PATH,
    landingPage: false,
    renderGraphiQL,
    graphiql: {
      title: 'Image catalog',
      defaultQuery: DEFAULT_QUERY,
      ...(config.adminToken && { headers: JSON.stringify({ Authorization: `Bearer ${config.adminToken}` }) }),
    },
    // A fresh unit of work per operation; the caller is an administrator until tokens are enforced.
    context: () => ({ em: orm.em.fork(), viewer: adminViewer, secrets }),
    maskedErrors: {
      maskError(error, message, isDev) {
        const { originalError, path } = error as GraphQLError;
        return expectedError(originalError ?? error, path) ?? maskError(error, message, isDev);
      },
    },
    logging: quietAboutExpectedErrors(createLogger('warn')),
  });

  const health = healthHandler(orm);
  const server: Server = createServer(async (req, res) => {
    if (await health(req, res)) return;
    yoga.handle(req, res);
  });

  return {
    yoga,
    orm,
    start: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => {
          const { address, port } = server.address() as AddressInfo;
          const host = address.includes(':') ? `[${address}]` : address;
          resolve(`http://${host}:${port}${GRAPHQL_PATH}`);
        });
      }),
    async stop() {
      if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
      await orm.close();
      await embedded?.stop();
    },
  };
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
