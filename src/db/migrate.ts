// Brings the schema up to date. Gateways and workers may start together against one database:
// the first to take the lock migrates, the others wait and then find nothing left to do.
import type { MikroORM } from '@mikro-orm/postgresql';

/** An arbitrary application-wide advisory lock key: "imgcat" in ASCII. */
const MIGRATION_LOCK = 0x696d67636174;

export async function migrate(orm: MikroORM, options: { embedded: boolean }): Promise<void> {
  // Embedded PGlite belongs to one process, and serializes transactions across its connections:
  // the migrator's own statements outside the transaction would wait for it for ever.
  if (options.embedded) {
    await orm.getMigrator().up();
    return;
  }
  const connection = orm.em.getConnection();
  await connection.transactional(async (trx) => {
    // Constant text, no input: the one raw statement the ORM has no API for.
    await connection.execute(`select pg_advisory_xact_lock(${MIGRATION_LOCK})`, [], 'get', trx);
    await orm.getMigrator().up({ transaction: trx });
  });
}
