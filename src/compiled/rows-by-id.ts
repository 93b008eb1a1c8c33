// Reads of one image by id, from requests that arrive together, made one statement. Under load
// the `node(id:)` requests of many connections are parsed in the same turn of the event loop; one
// statement over all their ids costs PostgreSQL, and this process's socket to it, little more
// than one of them does (a statement's round trip, not its row, is most of its price). Requests
// are grouped by statement and values, so each group shares one viewer's conditions: nothing is
// read for a viewer with another's. No row outlives its statement: this shares reads, not answers.
import type { Row } from './projection.js';
import type { Statements } from './statements.js';

/** Ids read by one statement at most: a bigger group is split. */
const MAX_IDS = 100;

export interface RowsById {
  /**
   * The row whose column `idAt` is `id`, among the rows `text` reads with `values`, or undefined.
   * `values[0]` is a placeholder for the ids (`$1`, a uuid[]): the ids of the requests grouped
   * with this one take its place. The other values are strings or null (a viewer's ids): the
   * group is found by their JSON text, which tells those apart exactly.
   */
  row(text: string, values: readonly unknown[], id: string, idAt: number): Promise<Row | undefined>;
}

interface Waiter {
  id: string;
  resolve(row: Row | undefined): void;
  reject(error: unknown): void;
}

interface Group {
  text: string;
  values: readonly unknown[];
  idAt: number;
  ids: Set<string>;
  waiters: Waiter[];
}

export function rowsById(statements: Statements): RowsById {
  const gathering = new Map<string, Group>();

  async function read(group: Group) {
    try {
      const rows = await statements.rows(group.text, [[...group.ids], ...group.values.slice(1)]);
      const byId = new Map(rows.map((row) => [row[group.idAt] as string, row]));
      for (const waiter of group.waiters) waiter.resolve(byId.get(waiter.id));
    } catch (error) {
      for (const waiter of group.waiters) waiter.reject(error);
    }
  }

  return {
    row(text, values, id, idAt) {
      const key = `${text}\0${JSON.stringify(values.slice(1))}`;
      let group = gathering.get(key);
      if (!group) {
        const started: Group = (group = { text, values, idAt, ids: new Set(), waiters: [] });
        gathering.set(key, started);
        // After the requests parsed in this turn of the event loop: theirs join the group.
        setImmediate(() => {
          if (gathering.get(key) === started) gathering.delete(key);
          void read(started);
        });
      }
      group.ids.add(id);
      // A full group takes no more: the next request starts another.
      if (group.ids.size >= MAX_IDS) gathering.delete(key);
      return new Promise((resolve, reject) => group.waiters.push({ id, resolve, reject }));
    },
  };
}
