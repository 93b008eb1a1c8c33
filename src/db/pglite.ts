// Embedded PostgreSQL: PGlite (Postgres compiled to WASM) behind a loopback socket, so the
// ORM connects to it exactly as to a real server: one code path, one dialect, one set of migrations.
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { isMemoryDir } from '../config.js';
import { isAlive } from '../process-alive.js';
import { ProtocolQueue } from './pglite-queue.js';

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

/** Another process holds the embedded database: PGlite allows one at a time, and a second one's writes would be lost. */
export class EmbeddedDatabaseInUse extends Error {
  override readonly name = 'EmbeddedDatabaseInUse';
  constructor(dataDir: string, pid: number) {
    super(`the embedded database in ${dataDir} is in use by process ${pid} (a running server): stop it first, or use DATABASE_URL`);
  }
}

export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  const unlock = isMemoryDir(dataDir) ? async () => {} : await lockDataDir(dataDir);
  try {
    let db: PGlite;
    if (isMemoryDir(dataDir)) {
      db = await PGlite.create();
    } else {
      const dir = join(dataDir, 'pgdata');
      await mkdir(dir, { recursive: true });
      db = await PGlite.create({ dataDir: dir });
    }
    // Port 0: the OS picks a free loopback port, so several instances never collide.
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 16 });
    // Its own queue interleaves the connections' extended-protocol exchanges (pglite-queue.ts);
    // it hands each new connection the server's queue, so replacing it before start is enough.
    (server as unknown as { queryQueue: ProtocolQueue }).queryQueue = new ProtocolQueue(db);
    await server.start().catch(async (error: unknown) => {
      await db.close();
      throw error;
    });
    const address = server.getServerConn();
    return {
      url: `postgres://postgres@${address}/postgres`,
      async stop() {
        await server.stop();
        await db.close();
        await unlock();
      },
    };
  } catch (error) {
    await unlock();
    throw error;
  }
}

const LOCK_FILE = 'embedded.lock';

/**
 * This process's mark in the lock beside its id: a container restarted after a crash often gets
 * the same process id, and its own id must not make it think the database is still held.
 */
const INCARNATION = randomUUID();

/**
 * Takes DATA_DIR/embedded.lock, holding this process's id, or says who holds it. A lock whose
 * process is gone (killed, crashed), or was an earlier process with this one's id, is stale and
 * taken over.
 */
async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const file = join(dataDir, LOCK_FILE);
  await mkdir(dataDir, { recursive: true });
  for (;;) {
    try {
      await writeFile(file, `${process.pid} ${INCARNATION}\n`, { flag: 'wx' });
      return () => rm(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const [pid, incarnation] = (await readFile(file, 'utf8').catch(() => '')).trim().split(' ');
    const holder = Number.parseInt(pid ?? '', 10);
    const earlierSelf = holder === process.pid && incarnation !== INCARNATION;
    if (holder > 0 && !earlierSelf && isAlive(holder)) throw new EmbeddedDatabaseInUse(dataDir, holder);
    await rm(file, { force: true });
  }
}

