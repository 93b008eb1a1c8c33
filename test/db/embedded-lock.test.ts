// The embedded database's lock (DATA_DIR/embedded.lock): one process at a time, and a lock left
// behind by a process that is gone, or by an earlier process with this one's id, is no lock.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EmbeddedDatabaseInUse, startEmbeddedPostgres } from '../../src/db/pglite.js';

describe('the embedded database lock', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'icg-lock-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it("takes over a lock with this process's id from an earlier process (a restarted container)", async () => {
    await writeFile(join(dir, 'embedded.lock'), `${process.pid} an-earlier-incarnation\n`);
    const db = await startEmbeddedPostgres(dir);
    expect(await readFile(join(dir, 'embedded.lock'), 'utf8')).toMatch(new RegExp(`^${process.pid} (?!an-earlier-incarnation)`));
    await db.stop();
  });

  it('refuses a second start in the same process while the first holds the database', async () => {
    const db = await startEmbeddedPostgres(dir);
    try {
      await expect(startEmbeddedPostgres(dir)).rejects.toBeInstanceOf(EmbeddedDatabaseInUse);
    } finally {
      await db.stop();
    }
  });
});
