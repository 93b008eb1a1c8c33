// Reference rows (regions, operating systems, architectures, compute resources, projects,
// resellers) remembered by id in each process: every page of images names a few of them, and they
// rarely change. Every change committed anywhere is announced on the event bus
// (src/events/orm-publisher.ts) and forgets its row at once on each instance that hears it; while
// the bus cannot hear (Redis away) a request drops every row. An announcement can still be lost
// (a publisher that gave up on Redis, an outage no request saw, a change made outside the ORM):
// no row is trusted past a minute.
import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { type Row, findRows } from './rows.js';

export const REFERENCE_ENTITIES = ['Region', 'OperatingSystem', 'Architecture', 'ComputeResource', 'Project', 'Reseller'] as const;
export type ReferenceEntity = (typeof REFERENCE_ENTITIES)[number];

/** A reference row changed or was removed. */
export interface ReferenceChange {
  entity: ReferenceEntity;
  id: string;
}

type Keyed = { id: string };

/** Rows kept of each entity: more than most catalogs have, and a bound when one has more. */
const MAX_ROWS = 10_000;
/** How long a row is trusted without hearing of it: the bound on a lost announcement's effect. */
const TRUST_MS = 60_000;

interface Entry {
  row: Keyed;
  until: number;
}

export class ReferenceCache {
  readonly #rows = new Map<ReferenceEntity, Map<string, Entry>>(REFERENCE_ENTITIES.map((entity) => [entity, new Map()]));
  /** Counts changes heard: a row read before one of them may be older than it, and is not kept. */
  #changes = 0;

  /**
   * @param fork a unit of work to read missing rows with (outside any transaction of the caller's)
   * @param hearing whether every change is heard now (the event bus is up)
   * @param trustMs how long a row is trusted without hearing of it
   */
  constructor(
    private readonly fork: () => EntityManager,
    private readonly hearing: () => boolean,
    private readonly trustMs = TRUST_MS,
  ) {}

  /**
   * Puts the remembered rows of `entity` among `ids` into `into`, by id, and returns the ids it
   * lacks: rows taken here stay the caller's whatever it hears next.
   */
  take(entity: ReferenceEntity, ids: Iterable<string | null>, into: Map<string, Keyed>): string[] {
    if (!this.hearing()) this.forgetAll();
    const rows = this.#rows.get(entity)!;
    const now = performance.now();
    const missing = new Set<string>();
    for (const id of ids) {
      if (id == null || into.has(id) || missing.has(id)) continue;
      const entry = rows.get(id);
      if (entry && entry.until > now) into.set(id, entry.row);
      else missing.add(id);
    }
    return [...missing];
  }

  /** Puts the rows of `entity` among `ids` (valid uuids) into `into`, remembered or read in one statement. */
  async collect(entity: ReferenceEntity, ids: Iterable<string | null>, into: Map<string, Keyed>): Promise<void> {
    const missing = this.take(entity, ids, into);
    if (missing.length) for (const row of await this.read<Keyed>(entity, missing)) into.set(row.id, row);
  }

  /** The rows of `entity` among `ids` (valid uuids), remembered or read in one statement. */
  async byId<T extends Keyed>(entity: ReferenceEntity, ids: readonly string[]): Promise<Row<T>[]> {
    const found = new Map<string, Keyed>();
    await this.collect(entity, ids, found);
    return [...found.values()] as Row<T>[];
  }

  /** Reads rows of `entity` and remembers them, unless a change was heard meanwhile. */
  async read<T extends Keyed>(entity: ReferenceEntity, ids: readonly string[]): Promise<Row<T>[]> {
    const changes = this.#changes;
    const rows = await findRows<T>(this.fork(), entity, { where: { id: { $in: ids } } as unknown as FilterQuery<T> });
    if (changes === this.#changes && this.hearing()) {
      const kept = this.#rows.get(entity)!;
      const until = performance.now() + this.trustMs;
      for (const row of rows) {
        const id = (row as Keyed).id;
        kept.delete(id);
        if (kept.size >= MAX_ROWS) kept.delete(kept.keys().next().value!);
        kept.set(id, { row: row as Keyed, until });
      }
    }
    return rows;
  }

  /** Forgets the row a change concerns. */
  forget(change: ReferenceChange): void {
    this.#changes++;
    this.#rows.get(change.entity)?.delete(change.id);
  }

  /** Forgets everything: changes may have gone unheard. */
  forgetAll(): void {
    this.#changes++;
    for (const rows of this.#rows.values()) rows.clear();
  }
}
