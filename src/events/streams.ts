// What one subscriber receives: the bus events that concern it, each checked against its
// visibility after the change, in a fresh unit of work, so sharing changed before it applies.
import type { Image, ImageStatus } from '../db/entities/image.js';
import type { Task, TaskState } from '../db/entities/task.js';
import type { DomainContext } from '../domain/context.js';
import { type ImageRow, IMAGE_RELATIONS } from '../domain/image-catalog.js';
import { findImage } from '../domain/images.js';
import { type Row, findRows } from '../domain/rows.js';
import { TASK_PROGRESS_INTERVAL_MS, findTask, tasksById } from '../domain/tasks.js';
import { visibilityKey } from '../domain/viewer.js';
import { imageScope } from '../domain/visibility.js';
import type { EventBus, ImageStatusEvent } from './bus.js';
import { DONE } from './event-queue.js';
import { throttlePerKey } from './throttle.js';

export interface LiveContext extends DomainContext {
  events: EventBus;
}

export interface ImageStatusChange {
  /** The image as it is now, read through the subscriber's visibility. */
  image: ImageRow;
  /** Null on the first event of a subscription by id (the current state) and for a new image. */
  previousStatus: ImageStatus | null;
  status: ImageStatus;
  at: Date;
}

export interface ImageStatusWatch {
  imageId?: string | null;
  regionId?: string | null;
  ownerId?: string | null;
}

const isFinal = (state: TaskState) => state === 'FINISHED' || state === 'ERROR';

/** A context of its own for one event: a new unit of work, and no per-request cache (sharing rows) kept. */
const freshScope = (ctx: LiveContext): LiveContext => ({ ...ctx, em: ctx.em.fork() });

// Every subscriber gets the same event object; subscribers who see alike (same visibility key
// and purpose) share one check of it, so 5,000 dashboards on one change cost one query per
// distinct viewer, not 5,000. The row is only read from then on.
const checksByEvent = new WeakMap<object, Map<string, Promise<unknown>>>();

function checkOnce<T>(event: object, key: string, check: () => Promise<T>): Promise<T> {
  let checks = checksByEvent.get(event);
  if (!checks) checksByEvent.set(event, (checks = new Map()));
  let result = checks.get(key) as Promise<T> | undefined;
  if (!result) {
    checks.set(key, (result = check()));
    // A failed check is not kept: subscribers that come to the event after it failed ask again.
    result.catch(() => checks.delete(key));
  }
  return result;
}

/**
 * With `imageId`: the image's current state (NotFoundError when the caller cannot read it), then
 * its changes until it is DELETED. Without: every change the filter matches of an image the
 * caller may list. Deleted images stay in scope, so PENDING_DELETE and DELETED reach whoever
 * could see the image.
 */
export async function imageStatusChanges(ctx: LiveContext, watch: ImageStatusWatch): Promise<AsyncIterableIterator<ImageStatusChange>> {
  const { imageId, regionId, ownerId } = watch;
  // Listening first: a change committed while the current state is read is not missed.
  const events = ctx.events.listen(
    'imageStatus',
    (event) => (!imageId || event.imageId === imageId) && (!regionId || event.regionId === regionId) && (!ownerId || event.ownerId === ownerId),
  );
  let current: ImageStatusChange | undefined;
  if (imageId) {
    try {
      const scoped = freshScope(ctx);
      const image = await findImage(scoped.em, scoped, imageId);
      current = { image, previousStatus: null, status: image.status, at: new Date() };
    } catch (error) {
      await events.return?.();
      throw error;
    }
  }
  const purpose = imageId ? 'read' : 'list';
  // By id, an event that leaves the image in the status the subscriber holds tells it nothing:
  // it is older than the current state sent first (a change committed before listening began,
  // heard late through Redis), or part of it already. Every change moves the status, so no
  // real change is lost.
  let told = current?.status;
  const news = (event: ImageStatusEvent) => {
    if (!imageId) return true;
    if (event.status === told) return false;
    told = event.status;
    return true;
  };
  return relay(
    events,
    current,
    // One change object for all who see alike: their operations' answers to it are executed
    // once (src/http/use-grouped-fan-out.ts).
    (event) =>
      !news(event) ? Promise.resolve(null) : checkOnce(event, `${visibilityKey(ctx.viewer)}:${purpose}`, async (): Promise<ImageStatusChange | null> => {
        const scoped = freshScope(ctx);
        const [image] = await findRows<Image>(scoped.em, 'Image', { where: { id: event.imageId }, sql: imageScope(scoped, { purpose }), join: IMAGE_RELATIONS });
        return image ? { image, previousStatus: event.previousStatus, status: event.status, at: new Date(event.at) } : null;
      }),
    (change) => imageId != null && change.status === 'DELETED',
  );
}

/**
 * With `taskId`: the task's current state (NotFoundError when the caller cannot see it), then its
 * changes until it is FINISHED or ERROR. Without: the changes of every task the caller may see.
 */
export async function taskUpdates(ctx: LiveContext, { taskId }: { taskId?: string | null }): Promise<AsyncIterableIterator<Row<Task>>> {
  const viewer = ctx.viewer;
  // A member sees its project's tasks only: other projects' events are dropped without a query.
  const events = ctx.events.listen(
    'task',
    (event) => (!taskId || event.taskId === taskId) && (viewer.kind !== 'member' || event.projectId === viewer.projectId),
  );
  let current: Row<Task> | undefined;
  if (taskId) {
    try {
      current = await findTask(freshScope(ctx), taskId);
    } catch (error) {
      await events.return?.();
      throw error;
    }
  }
  const throttled = throttlePerKey(events, {
    intervalMs: TASK_PROGRESS_INTERVAL_MS,
    key: (event) => event.taskId,
    isFinal: (event) => isFinal(event.state),
  });
  return relay(
    throttled,
    current,
    (event) => checkOnce(event, visibilityKey(viewer), async () => (await tasksById(freshScope(ctx), [event.taskId]))[0] ?? null),
    (task) => taskId != null && isFinal(task.state),
  );
}

/**
 * `first` if any, then what `check` makes of each event (null: not for this subscriber), until
 * `isLast`. An event is taken from `source` only when the consumer asks for the next item, so a
 * slow consumer leaves events in the bus's bounded queue (task updates: in the throttle's, one a task).
 */
function relay<E, T>(
  source: AsyncIterator<E>,
  first: T | undefined,
  check: (event: E) => Promise<T | null>,
  isLast: (item: T) => boolean,
): AsyncIterableIterator<T> {
  let pending = first;
  let ended = false;
  const end = async () => {
    ended = true;
    await source.return?.();
  };
  const item = async (value: T): Promise<IteratorResult<T>> => {
    if (isLast(value)) await end();
    return { done: false, value };
  };
  return {
    async next() {
      if (pending !== undefined) {
        const value = pending;
        pending = undefined;
        return item(value);
      }
      try {
        while (!ended) {
          const next = await source.next();
          if (next.done || ended) break;
          const value = await check(next.value);
          if (ended) break;
          if (value !== null) return await item(value);
        }
      } catch (error) {
        await end();
        throw error;
      }
      await end();
      return DONE;
    },
    async return() {
      pending = undefined;
      await end();
      return DONE;
    },
    async throw(error: unknown) {
      await this.return!();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
