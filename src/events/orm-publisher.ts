// Turns committed changes into live events: every Image whose status changed, every Task whose
// state, progress or error changed, every change to what a token stands for (a token revoked,
// a project moved or removed, a reseller removed) and every reference row changed or removed,
// published only once the transaction that made them has committed (dropped on rollback). How
// MikroORM 6.6 fires the events this relies on:
// - a flush inside `em.transactional` (or begin/commit): onFlush and afterFlush on the flushing
//   fork, then afterTransactionCommit/-Rollback on the root transaction only (savepoints fire
//   nothing), with `transaction` but no `uow`;
// - a flush outside a transaction runs in its own implicit one: onFlush, then the transaction
//   events (with this `uow`), and afterFlush only after the commit. So changes are staged in
//   onFlush, where the change sets are known and the previous values too.
// A savepoint rolled back inside a committed transaction is not seen; no use case opens one
// (each runs one top-level transaction on a fresh fork). Native updates publish nothing.
import { ChangeSetType, type ChangeSet, type EventSubscriber, type MikroORM, type UnitOfWork } from '@mikro-orm/core';
import type { Image } from '../db/entities/image.js';
import type { Task } from '../db/entities/task.js';
import { type EventBus, type EventBusOptions, type EventTopics, type Topic, createEventBus } from './bus.js';
import { logger } from '../logger.js';
import { REFERENCE_ENTITIES, type ReferenceEntity } from '../domain/reference-cache.js';

type Outgoing = { [T in Topic]: [T, EventTopics[T]] }[Topic];
interface Staged {
  events: Outgoing[];
  /** The explicit transaction the flush ran in, if any. */
  transaction: object | undefined;
}

const TASK_FIELDS = ['state', 'progress', 'error'] as const;

/**
 * This process's event bus, with every change committed through `orm` published on it. Call it
 * before any transaction starts: transactions copy the subscribers they begin with.
 */
export async function publishOrmEvents(orm: MikroORM, options: EventBusOptions): Promise<EventBus> {
  const bus = await createEventBus(options);
  orm.em.getEventManager().registerSubscriber(ormEventPublisher(bus));
  return bus;
}

export function ormEventPublisher(bus: Pick<EventBus, 'publish'>): EventSubscriber {
  const byFlush = new WeakMap<UnitOfWork, Staged>();
  const byTransaction = new WeakMap<object, Outgoing[]>();
  const take = <K extends object, V>(map: WeakMap<K, V>, key: K | undefined) => {
    const value = key && map.get(key);
    if (key) map.delete(key);
    return value || undefined;
  };
  const send = (events: Outgoing[] | undefined) => {
    for (const [topic, event] of events ?? []) {
      try {
        bus.publish(topic, event as never);
      } catch (error) {
        // The change is committed: a failed announcement must not fail the caller's work.
        logger.warn({ err: (error as Error).message, topic }, 'could not publish an event');
      }
    }
  };

  return {
    onFlush({ em, uow }) {
      byFlush.set(uow, { events: changesOf(uow), transaction: em.getTransactionContext() });
    },
    afterFlush({ uow }) {
      const staged = take(byFlush, uow);
      if (!staged?.events.length) return;
      if (!staged.transaction) return send(staged.events); // no transaction at all: autocommitted
      const root = rootTransaction(staged.transaction);
      byTransaction.set(root, [...(byTransaction.get(root) ?? []), ...staged.events]);
    },
    afterTransactionCommit({ uow, transaction }) {
      send(take(byFlush, uow)?.events); // an implicit flush transaction
      send(take(byTransaction, transaction as object | undefined));
    },
    afterTransactionRollback({ uow, transaction }) {
      take(byFlush, uow);
      take(byTransaction, transaction as object | undefined);
    },
  };
}

/** A savepoint's root transaction: knex transactions link to their parent by a private symbol. */
function rootTransaction(transaction: object): object {
  const parent = Object.getOwnPropertySymbols(transaction).find((symbol) => symbol.description === 'parentTransaction');
  return parent ? rootTransaction((transaction as Record<symbol, object>)[parent]!) : transaction;
}

function changesOf(uow: UnitOfWork): Outgoing[] {
  const at = new Date().toISOString();
  const events: Outgoing[] = [];
  for (const changeSet of uow.getChangeSets()) {
    if (changeSet.name === 'Image') {
      const event = imageStatusChange(changeSet as ChangeSet<Image>, at);
      if (event) events.push(['imageStatus', event]);
    } else if (changeSet.name === 'Task') {
      const event = taskChange(changeSet as ChangeSet<Task>, at);
      if (event) events.push(['task', event]);
    } else {
      const event = principalChange(changeSet);
      if (event) events.push(['principal', event]);
      if (isReference(changeSet.name) && changeSet.type !== ChangeSetType.CREATE) events.push(['reference', { entity: changeSet.name, id: changeSet.entity.id }]);
    }
  }
  return events;
}

const isReference = (name: string): name is ReferenceEntity => (REFERENCE_ENTITIES as readonly string[]).includes(name);

/** A token revoked or removed, a project moved or removed, a reseller removed: cached principals go. */
function principalChange({ name, type, payload, entity }: ChangeSet<any>): EventTopics['principal'] | null {
  const removed = type === ChangeSetType.DELETE;
  if (name === 'ApiToken' && (removed || 'revokedAt' in payload)) return { tokenHash: entity.tokenHash };
  if (name === 'Project' && (removed || (type === ChangeSetType.UPDATE && 'reseller' in payload))) return { projectId: entity.id };
  if (name === 'Reseller' && removed) return { resellerId: entity.id };
  return null;
}

/**
 * A field's value as this flush writes it: the payload first (a later flush in the same transaction
 * may change the entity again), then the entity, then the column default a new row gets from the
 * database (the entity learns it only after the insert).
 */
function written<T extends object, K extends keyof T & string>({ payload, entity, meta }: ChangeSet<T>, field: K): T[K] {
  return ((payload as Partial<T>)[field] ?? entity[field] ?? (meta.properties as Record<string, { default?: unknown }>)[field]?.default) as T[K];
}

function imageStatusChange(changeSet: ChangeSet<Image>, at: string): EventTopics['imageStatus'] | null {
  const { type, entity, payload, originalEntity } = changeSet;
  const created = type === ChangeSetType.CREATE;
  if (!(created || (type === ChangeSetType.UPDATE && 'status' in payload))) return null;
  const status = written(changeSet, 'status');
  const previousStatus = created ? null : ((originalEntity as Partial<Image> | undefined)?.status ?? null);
  if (previousStatus === status) return null;
  return { imageId: entity.id, ownerId: entity.owner?.id ?? null, regionId: entity.region.id, previousStatus, status, at };
}

function taskChange(changeSet: ChangeSet<Task>, at: string): EventTopics['task'] | null {
  const { type, entity, payload } = changeSet;
  const changed = type === ChangeSetType.CREATE || (type === ChangeSetType.UPDATE && TASK_FIELDS.some((field) => field in payload));
  if (!changed) return null;
  return {
    taskId: entity.id,
    imageId: entity.image.id,
    projectId: entity.project?.id ?? null,
    state: written(changeSet, 'state'),
    progress: written(changeSet, 'progress'),
    at,
  };
}
