// Reference rows (regions, operating systems, architectures, compute resources, projects,
// resellers) remembered by id in each process: every page of images names a few of them, and they
// rarely change. Every change committed anywhere is announced on the event bus
// (src/events/orm-publisher.ts) and forgets its row at once on each instance that hears it; while
// the bus cannot hear (Redis away) a request drops every row. An announcement can still be lost
// (a publisher that gave up on Redis, an outage no request saw, a change made outside the ORM):
// no row is trusted past a minute. What an answer lacks is read in one statement, whatever the
// kinds, so a page costs at most one statement more when nothing is remembered.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ComputeResource } from '../db/entities/compute-resource.js';
import { type Row, refId, rowOfColumns } from './rows.js';
import { SqlValues } from './sql.js';

export const REFERENCE_ENTITIES = ['Region', 'OperatingSystem', 'Architecture', 'ComputeResource', 'Project', 'Reseller'] as const;
export type ReferenceEntity = (typeof REFERENCE_ENTITIES)[number];

/** A reference row changed or was removed. */
export interface ReferenceChange {
  entity: ReferenceEntity;
  id: string;
}

type Keyed = { id: string };

/** The ids of each entity one answer names (nulls and repeats allowed). */
export type ReferenceWants = ReadonlyMap<ReferenceEntity, readonly (string | null)[]>;

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

  /**
   * Puts the rows each entity of `wants` names (valid uuids) into `into`, remembered or read
   * together in one statement; with `computeResourceRegions`, the regions of those compute
   * resources too.
   */
  async collect(wants: ReferenceWants, into: Map<string, Keyed>, { computeResourceRegions = false } = {}): Promise<void> {
    const missing = new Map<ReferenceEntity, string[]>();
    for (const [entity, ids] of wants) missing.set(entity, this.take(entity, ids, into));
    let resourcesRead: string[] = [];
    if (computeResourceRegions) {
      // The regions of compute resources remembered are known now; those of the rest are read beside them.
      const regions = (wants.get('ComputeResource') ?? []).map((id) => (id == null ? null : refId((into.get(id) as Row<ComputeResource> | undefined)?.region)));
      missing.set('Region', [...(missing.get('Region') ?? []), ...this.take('Region', regions, into)]);
      resourcesRead = missing.get('ComputeResource') ?? [];
    }
    await this.#read(missing, resourcesRead, into);
  }

  /** The rows of `entity` among `ids` (valid uuids), remembered or read in one statement. */
  async byId<T extends Keyed>(entity: ReferenceEntity, ids: readonly string[]): Promise<Row<T>[]> {
    const found = new Map<string, Keyed>();
    await this.collect(new Map([[entity, ids]]), found);
    return [...found.values()] as Row<T>[];
  }

  /**
   * Reads the `missing` rows, and the regions of the compute resources `resourcesRead`, in one
   * statement, into `into`; remembers them unless a change was heard meanwhile.
   */
  async #read(missing: ReadonlyMap<ReferenceEntity, readonly string[]>, resourcesRead: readonly string[], into: Map<string, Keyed>): Promise<void> {
    // Most requests lack nothing: they make no unit of work.
    if (resourcesRead.length === 0 && [...missing.values()].every((ids) => ids.length === 0)) return;
    const changes = this.#changes;
    const em = this.fork();
    const metadata = em.getMetadata();
    const quote = (name: string) => em.getPlatform().quoteIdentifier(name);
    const sql = SqlValues.positional();
    const rowsOf = (entity: ReferenceEntity, where: string) =>
      `SELECT '${entity}' AS entity, row_to_json(t) AS row FROM ${quote(metadata.get(entity).tableName)} t WHERE ${where}`;
    const branches: string[] = [];
    for (const [entity, ids] of missing) if (ids.length) branches.push(rowsOf(entity, `t.id = ANY(${sql.array(ids, 'uuid')})`));
    if (resourcesRead.length) {
      const resources = metadata.get('ComputeResource');
      const regionColumn = quote(resources.properties.region!.fieldNames[0]!);
      branches.push(rowsOf('Region', `t.id IN (SELECT ${regionColumn} FROM ${quote(resources.tableName)} WHERE id = ANY(${sql.array(resourcesRead, 'uuid')}))`));
    }
    const read = await em.getConnection().execute<{ entity: ReferenceEntity; row: Record<string, unknown> }[]>(branches.join(' UNION ALL '), sql.values, 'all');
    const keep = changes === this.#changes && this.hearing();
    const until = performance.now() + this.trustMs;
    for (const { entity, row: columns } of read) {
      const row = rowOfColumns(em, entity, columns) as Keyed;
      into.set(row.id, row);
      if (!keep) continue;
      const kept = this.#rows.get(entity)!;
      kept.delete(row.id);
      if (kept.size >= MAX_ROWS) kept.delete(kept.keys().next().value!);
      kept.set(row.id, { row, until });
    }
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
