// Debian's Keystone (22, Zed), run for a test in a directory and a PostgreSQL database of its own
// (SQLite locks up under Keystone's sessions), fernet tokens, uwsgi on a free loopback port,
// bootstrapped with an admin. Projects, users and tokens are made
// through its own API, as an operator would.
import { type ChildProcess, execFile, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Keystone can run here: Debian's packages are installed, and this is a run on PostgreSQL
 * (TEST_DATABASE_URL), whose server on 127.0.0.1 holds Keystone's own database.
 */
export const keystoneRunnable =
  existsSync('/usr/bin/keystone-manage') && existsSync('/usr/bin/uwsgi') && process.env.TEST_DATABASE_URL !== undefined &&
  spawnSync('pg_isready', ['-q', '-h', '127.0.0.1']).status === 0;

export interface Keystone {
  /** The identity endpoint, `http://127.0.0.1:port/v3`. */
  url: string;
  /** A token of the bootstrap administrator (role admin on project admin). */
  adminToken(): Promise<string>;
  /** A new project with a user holding `roles` on it; the user's project-scoped token. */
  projectUser(name: string, roles: string[]): Promise<{ projectId: string; token: string }>;
  /** A token of the user of `projectUser`, again. */
  token(user: string, project: string): Promise<string>;
  stop(): Promise<void>;
}

const PASSWORD = 'secret';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function startKeystone(): Promise<Keystone> {
  const dir = await mkdtemp(join(tmpdir(), 'keystone-'));
  await mkdir(join(dir, 'fernet'));
  await mkdir(join(dir, 'credential'));
  const port = await freePort();
  const database = `keystone_${process.pid}_${port}`;
  await run('createdb', ['-h', '127.0.0.1', '-U', 'postgres', database]);
  const url = `http://127.0.0.1:${port}/v3`;
  const config = join(dir, 'keystone.conf');
  await writeFile(config, [
    '[DEFAULT]', `log_file = ${join(dir, 'keystone.log')}`,
    '[database]', `connection = postgresql+psycopg2://postgres@127.0.0.1/${database}`,
    '[token]', 'provider = fernet',
    '[fernet_tokens]', `key_repository = ${join(dir, 'fernet')}`,
    '[fernet_receipts]', `key_repository = ${join(dir, 'fernet')}`,
    '[credential]', `key_repository = ${join(dir, 'credential')}`,
    '',
  ].join('\n'));
  const manage = (...args: string[]) => run('keystone-manage', ['--config-file', config, ...args], { timeout: 120_000 });
  await manage('db_sync');
  await manage('fernet_setup', '--keystone-user', 'root', '--keystone-group', 'root');
  await manage('credential_setup', '--keystone-user', 'root', '--keystone-group', 'root');
  await manage('bootstrap', '--bootstrap-password', PASSWORD, '--bootstrap-public-url', url, '--bootstrap-region-id', 'RegionOne');
  const uwsgi: ChildProcess = spawn('uwsgi', [
    '--plugins', 'python3', '--http-socket', `127.0.0.1:${port}`, '--wsgi-file', '/usr/bin/keystone-wsgi-public',
    '--master', '--processes', '1', '--threads', '4', '--lazy-apps', '--die-on-term', '--buffer-size', '65535',
    '--env', `OS_KEYSTONE_CONFIG_FILES=${config}`, '--logto', join(dir, 'uwsgi.log'),
    // uwsgi's HTTP socket ends each connection after its answer: say so, or clients reuse it.
    '--add-header', 'Connection: close',
  ], { stdio: 'ignore' });
  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= (async () => {
      if (uwsgi.exitCode === null && uwsgi.signalCode === null) {
        const exited = new Promise((resolve) => uwsgi.once('exit', resolve).once('error', resolve));
        uwsgi.kill('SIGTERM');
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
      await run('dropdb', ['-h', '127.0.0.1', '-U', 'postgres', '--if-exists', '--force', database]);
    })();
    return stopped;
  };
  for (let tries = 0; ; tries++) {
    const answer = await fetch(url).catch(() => null);
    if (answer?.ok) break;
    if (tries > 200) {
      // Nothing left behind: the server, its directory, its database.
      await stop();
      throw new Error(`Keystone did not start on ${url}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  async function tokenOf(user: string, project: string): Promise<string> {
    const answer = await fetch(`${url}/auth/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        auth: {
          identity: { methods: ['password'], password: { user: { name: user, domain: { id: 'default' }, password: PASSWORD } } },
          scope: { project: { name: project, domain: { id: 'default' } } },
        },
      }),
    });
    if (answer.status !== 201) throw new Error(`Keystone refused a token for ${user}: ${answer.status} ${await answer.text()}`);
    return answer.headers.get('x-subject-token')!;
  }

  async function admin<T>(method: string, path: string, body?: unknown): Promise<T> {
    const answer = await fetch(`${url}${path}`, {
      method,
      headers: { 'x-auth-token': await tokenOf('admin', 'admin'), 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!answer.ok) throw new Error(`Keystone ${method} ${path}: ${answer.status} ${await answer.text()}`);
    return (answer.status === 204 ? undefined : await answer.json()) as T;
  }

  return {
    url,
    adminToken: () => tokenOf('admin', 'admin'),
    async projectUser(name, roles) {
      const { project } = await admin<{ project: { id: string } }>('POST', '/projects', { project: { name, domain_id: 'default' } });
      const { user } = await admin<{ user: { id: string } }>('POST', '/users', { user: { name, domain_id: 'default', password: PASSWORD } });
      const { roles: known } = await admin<{ roles: { id: string; name: string }[] }>('GET', '/roles');
      for (const role of roles) {
        const found = known.find((candidate) => candidate.name === role);
        if (!found) throw new Error(`Keystone has no role ${role}`);
        await admin('PUT', `/projects/${project.id}/users/${user.id}/roles/${found.id}`);
      }
      return { projectId: project.id, token: await tokenOf(name, name) };
    },
    token: tokenOf,
    stop,
  };
}
