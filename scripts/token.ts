// npm run token -- create|list|revoke: API tokens, on the database the server uses.
import { parseArgs } from 'node:util';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { ConfigError, eventsRedisUrl, isMemoryDir, loadConfig } from '../src/config.js';
import { type EventBus, eventNamespace } from '../src/events/bus.js';
import { publishOrmEvents } from '../src/events/orm-publisher.js';
import { ROLES, type Role } from '../src/db/entities/api-token.js';
import { Project } from '../src/db/entities/project.js';
import { Reseller } from '../src/db/entities/reseller.js';
import { openOrm } from '../src/db/orm.js';
import { type EmbeddedPostgres, startEmbeddedPostgres } from '../src/db/pglite.js';
import { NotFoundError, ValidationError } from '../src/domain/errors.js';
import { type TokenSummary, createToken, listTokens, revokeToken } from '../src/domain/tokens.js';
import { isUuid } from '../src/domain/validation.js';
import { describeError } from '../src/describe-error.js';

const HELP = `Usage:
  npm run token -- create --role admin|reseller|member [--project <id or name>] [--reseller <id or name>]
                          [--read-only] [--name <label>]
  npm run token -- list
  npm run token -- revoke <token id>

create   issues a token and prints it once: store it, it cannot be shown again.
         member tokens need --project (and may be --read-only), reseller tokens --reseller.
list     prints every token's id, name, role, project or reseller, read-only, created and revoked
         (never the token itself).
revoke   stops a token at once; revoking it again changes nothing.

The database is the server's: DATABASE_URL, else the embedded database in DATA_DIR (default
./data). The embedded database must not be in use by a running server at the same time: the
command refuses while a server holds it (DATA_DIR/embedded.lock); stop the server first, or
use DATABASE_URL. On PostgreSQL it runs beside the servers.`;

/** A mistake in the command line: exit code 2, as is usual for usage errors. */
class UsageError extends Error {}

interface Command {
  name: 'create' | 'list' | 'revoke';
  run(em: EntityManager): Promise<void>;
}

function parseCommand(argv: string[]): Command | 'help' {
  let parsed: ReturnType<typeof parse>;
  const parse = () =>
    parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        role: { type: 'string' },
        project: { type: 'string' },
        reseller: { type: 'string' },
        'read-only': { type: 'boolean' },
        name: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  try {
    parsed = parse();
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || command === 'help' || command === undefined) return 'help';
  const refuseExtra = (allowed: string[], positionalCount: number) => {
    const given = Object.keys(values).filter((key) => !allowed.includes(key));
    if (given.length) throw new UsageError(`${command} does not take --${given.join(', --')}`);
    if (rest.length > positionalCount) throw new UsageError(`unexpected argument '${rest[positionalCount]}'`);
  };

  switch (command) {
    case 'create': {
      refuseExtra(['role', 'project', 'reseller', 'read-only', 'name'], 0);
      const role = values.role?.toUpperCase();
      if (!role || !(ROLES as readonly string[]).includes(role)) throw new UsageError('--role must be admin, reseller or member');
      return {
        name: 'create',
        run: (em) =>
          create(em, {
            role: role as Role,
            project: values.project,
            reseller: values.reseller,
            readOnly: values['read-only'] ?? false,
            label: values.name,
          }),
      };
    }
    case 'list':
      refuseExtra([], 0);
      return { name: 'list', run: list };
    case 'revoke': {
      refuseExtra([], 1);
      const id = rest[0];
      if (!id) throw new UsageError('revoke needs the id of the token (see npm run token -- list)');
      return { name: 'revoke', run: (em) => revoke(em, id) };
    }
    default:
      throw new UsageError(`unknown command '${command}'`);
  }
}

/** A project or reseller named on the command line: its uuid, GraphQL global id or name. */
async function resolve(em: EntityManager, entity: typeof Project | typeof Reseller, given: string): Promise<string> {
  const type = entity.meta.className;
  let id = isUuid(given) ? given : undefined;
  try {
    const decoded = decodeGlobalID(given);
    if (decoded.typename === type && isUuid(decoded.id)) id = decoded.id;
  } catch {}
  const row = await em.findOne(entity as typeof Project, id ? { id } : { name: given });
  if (!row) throw new UsageError(`no ${type.toLowerCase()} has the id or name '${given}'`);
  return row.id;
}

async function create(
  em: EntityManager,
  options: { role: Role; project?: string; reseller?: string; readOnly: boolean; label?: string },
) {
  const projectId = options.project ? await resolve(em, Project, options.project) : null;
  const resellerId = options.reseller ? await resolve(em, Reseller, options.reseller) : null;
  const name = options.label ?? `${options.role.toLowerCase()} token`;
  const { token, summary } = await createToken(em, { name, role: options.role, projectId, resellerId, readOnly: options.readOnly });
  console.log(`Created token ${summary.id} (${await describe(em, summary)}), named "${summary.name}".`);
  console.log('The token, shown this once (send it as Authorization: Bearer <token>):');
  console.log(token);
}

async function list(em: EntityManager) {
  const tokens = await listTokens(em);
  if (!tokens.length) {
    console.log('No tokens.');
    return;
  }
  const rows = [['ID', 'NAME', 'ROLE', 'PROJECT/RESELLER', 'READ-ONLY', 'CREATED', 'REVOKED']];
  const names = await namesOf(em, tokens);
  for (const token of tokens) {
    const scope = token.projectId ?? token.resellerId;
    rows.push([
      token.id,
      token.name,
      token.role,
      scope ? `${names.get(scope) ?? '?'} (${scope})` : '-',
      token.readOnly ? 'yes' : 'no',
      token.createdAt.toISOString(),
      token.revokedAt?.toISOString() ?? '-',
    ]);
  }
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  for (const row of rows) console.log(row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd());
}

async function revoke(em: EntityManager, id: string) {
  const summary = await revokeToken(em, id);
  console.log(`Revoked token ${summary.id} ("${summary.name}") at ${summary.revokedAt!.toISOString()}.`);
}

/** Project and reseller names for a list, in two statements. */
async function namesOf(em: EntityManager, tokens: TokenSummary[]): Promise<Map<string, string>> {
  const projectIds = tokens.flatMap((token) => (token.projectId ? [token.projectId] : []));
  const resellerIds = tokens.flatMap((token) => (token.resellerId ? [token.resellerId] : []));
  const rows = [
    ...(projectIds.length ? await em.find(Project, { id: { $in: projectIds } }) : []),
    ...(resellerIds.length ? await em.find(Reseller, { id: { $in: resellerIds } }) : []),
  ];
  return new Map(rows.map((row) => [row.id, row.name]));
}

async function describe(em: EntityManager, summary: TokenSummary): Promise<string> {
  const names = await namesOf(em, [summary]);
  if (summary.role === 'ADMIN') return 'ADMIN';
  if (summary.role === 'RESELLER') return `RESELLER of ${names.get(summary.resellerId!)}`;
  return `MEMBER of project ${names.get(summary.projectId!)}, ${summary.readOnly ? 'read-only' : 'read-write'}`;
}

async function main(argv: string[]): Promise<number> {
  const command = parseCommand(argv);
  if (command === 'help') {
    console.log(HELP);
    return 0;
  }
  const config = loadConfig();
  if (!config.databaseUrl && isMemoryDir(config.dataDir)) {
    throw new UsageError('DATA_DIR=memory:// keeps nothing: a token made there would vanish at once');
  }
  let embedded: EmbeddedPostgres | undefined;
  let orm: MikroORM | undefined;
  let events: EventBus | undefined;
  try {
    const clientUrl = config.databaseUrl ?? (embedded = await startEmbeddedPostgres(config.dataDir)).url;
    orm = await openOrm({ clientUrl, debug: config.logSql, poolSize: 2, createDatabase: config.databaseCreate });
    await orm.getMigrator().up();
    // A revocation is announced to the running gateways (through Redis), which forget the token at once.
    events = await publishOrmEvents(orm, { redisUrl: eventsRedisUrl(config), namespace: eventNamespace(clientUrl) });
    await command.run(orm.em.fork());
    return 0;
  } finally {
    // Whatever opened is closed, the embedded database (and its lock) last.
    await events?.close();
    await orm?.close();
    await embedded?.stop();
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof ConfigError) {
    for (const problem of error.problems) console.error(`Invalid configuration: ${problem}`);
    process.exitCode = 2;
  } else if (error instanceof UsageError || error instanceof ValidationError || error instanceof NotFoundError) {
    const details = error instanceof ValidationError ? error.issues.map((issue) => `${issue.path.slice(1).join('.')} ${issue.message}`) : [error.message];
    for (const line of details) console.error(`token: ${line}`);
    if (error instanceof UsageError) console.error('Run npm run token -- --help for usage.');
    process.exitCode = 2;
  } else {
    console.error(`token: ${describeError(error)}`);
    process.exitCode = 1;
  }
}
