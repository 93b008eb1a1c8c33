// Loads a generated dataset in bulk: one multi-row INSERT per few thousand rows, the rows passed
// as one JSON parameter and typed by the table itself (json_populate_recordset), so columns left
// out take their defaults. The schema must exist (the application's migrations).
import type pg from 'pg';
import { type Dataset, TABLES } from './dataset.js';

const CHUNK = 5_000;

/** Inserts every row of `dataset`, in one transaction; returns the row count of each table. */
export async function loadDataset(client: pg.ClientBase, dataset: Dataset): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  await client.query('begin');
  try {
    for (const table of TABLES) {
      const rows = dataset[table];
      counts[table] = rows.length;
      if (rows.length === 0) continue;
      const columns = Object.keys(rows[0]!).map((column) => `"${column}"`).join(', ');
      for (let start = 0; start < rows.length; start += CHUNK) {
        await client.query(
          `insert into "${table}" (${columns}) select ${columns} from json_populate_recordset(null::"${table}", $1::json)`,
          [JSON.stringify(rows.slice(start, start + CHUNK))],
        );
      }
    }
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
  await vacuumTables(client);
  return counts;
}

/**
 * VACUUM ANALYZE of every table, as autovacuum keeps a database in service (this machine's server
 * runs without it): fresh statistics, so the first measured queries are planned as later ones
 * will be, and the tag index's pending entries merged, which a scan otherwise reads one by one
 * (14 ms of PostgreSQL's time in each W4f page, against 1 ms).
 */
export async function vacuumTables(client: pg.ClientBase): Promise<void> {
  for (const table of TABLES) await client.query(`vacuum analyze "${table}"`);
}
