// Embedded PostgreSQL: PGlite (Postgres compiled to WASM) behind a loopback socket, so the
// ORM connects to it exactly as to a real server: one code path, one dialect, one set of migrations.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { isMemoryDir } from '../config.js';

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
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
  await server.start();
  const address = server.getServerConn();
  return {
    url: `postgres://postgres@${address}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
