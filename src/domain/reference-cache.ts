// Reference rows (regions, operating systems, architectures, compute resources, projects,
// resellers) remembered by id in each process: every page of images names a few of them, and they
// rarely change. Every change committed anywhere is announced on the event bus
// (src/events/orm-publisher.ts) and forgets its row at once on each instance that hears it; while
// the bus cannot hear (Redis away) nothing is remembered, so no change goes unheard.
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

/** Rows kept of each entity: far more than a catalog has, and a bound when one has more. */
const MAX_ROWS = 10_000;

export class ReferenceCache {
  readonly #rows = new Map<ReferenceEntity, Map<string, Keyed>>(REFERENCE_ENTITIES.map((entity) => [entity, new Map()]));
  /** Counts changes heard: a row read before one of them may be older than it, and is not kept. */
  #changes = 0;

  /**
   * @param fork a unit of work to read missing rows with
   * @param hearing whether every change is heard now (the event bus is up)
   */
  constructor(
    private readonly fork: () => EntityManager,
    private readonly hearing: () => boolean,
  ) {}

  /** The row of `entity` with `id`, if it is remembered. */
  get<T extends Keyed>(entity: ReferenceEntity, id: string): Row<T> | undefined {
    return this.#rows.get(entity)!.get(id) as Row<T> | undefined;
  }

  /** Those of `ids` whose rows of `entity` are not remembered: all of them while changes may go unheard. */
  missing(entity: ReferenceEntity, ids: Iterable<string>): string[] {
    if (!this.hearing()) this.forgetAll();
    const rows = this.#rows.get(entity)!;
    const missing = new Set<string>();
    for (const id of ids) if (!rows.has(id)) missing.add(id);
    return [...missing];
  }

  /** The rows of `entity` among `ids` (valid uuids), remembered or read in one statement. */
  async byId<T extends Keyed>(entity: ReferenceEntity, ids: readonly string[]): Promise<Row<T>[]> {
    const missing = this.missing(entity, ids);
    const unread = new Set(missing);
    // Taken before reading: a change heard meanwhile forgets rows, and this request had them.
    const remembered = ids.flatMap((id) => (unread.has(id) ? [] : [this.get<T>(entity, id)!]));
    return missing.length ? [...remembered, ...(await this.read<T>(entity, missing))] : remembered;
  }

  /** Reads rows of `entity` and remembers them, unless a change was heard meanwhile. */
  async read<T extends Keyed>(entity: ReferenceEntity, ids: readonly string[]): Promise<Row<T>[]> {
    const changes = this.#changes;
    const rows = await findRows<T>(this.fork(), entity, { where: { id: { $in: ids } } as unknown as FilterQuery<T> });
    if (changes === this.#changes && this.hearing()) {
      const kept = this.#rows.get(entity)!;
      for (const row of rows) {
        if (kept.size >= MAX_ROWS) kept.delete(kept.keys().next().value!);
        kept.set((row as Keyed).id, row as Keyed);
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
