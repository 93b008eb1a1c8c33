// Tasks: background work on an image (Gcore returns one for every create and delete). A use
// case creates the task row in its own transaction and hands it to the dispatcher only after
// commit; workers claim it, report progress under a lease, and end it FINISHED or ERROR.
import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Image } from '../db/entities/image.js';
import { Task, type TaskState, type TaskType } from '../db/entities/task.js';
import type { DomainContext } from './context.js';
import { NotFoundError } from './errors.js';
import { type OrderKey, type PageArgs, type Page, findPage } from './pagination.js';
import { type Row, findRows } from './rows.js';
import { isUuid } from './validation.js';
import type { Viewer } from './viewer.js';
import { logger } from '../logger.js';

/** Progress of a task reaches the database and subscribers at most 4 times a second. */
export const TASK_PROGRESS_INTERVAL_MS = 250;

/** Hands committed tasks to the queue; the queue then runs them, here or in a worker process. */
export interface TaskDispatcher {
  /** Queues the task's current round, to run once its runAfter has come. */
  dispatch(task: Pick<Task, 'id' | 'type' | 'dispatches' | 'runAfter'>): Promise<void>;
}

/**
 * Hands a committed task to the queue. A failed hand-over is not the caller's failure: the task
 * is committed, and the workers' sweep dispatches tasks left NEW.
 */
export async function dispatchCommitted(ctx: DomainContext, task: Task): Promise<void> {
  if (task.state !== 'NEW') return;
  await ctx.tasks.dispatch(task).catch((error) => logger.error({ err: error, taskId: task.id }, 'could not queue the task; the sweep will'));
}

/** A new task for `image`, in the caller's unit of work; dispatch it once that commits. */
export function newTask(em: EntityManager, viewer: Viewer, type: TaskType, image: Image, input: Record<string, unknown> = {}): Task {
  return em.create(Task, {
    type,
    image,
    project: viewer.kind === 'member' ? viewer.projectId : null,
    input,
  } as never);
}

/** A task that is already done when it is created (imageCreate's: nothing runs in the background). */
export function finishedTask(em: EntityManager, viewer: Viewer, type: TaskType, image: Image): Task {
  const task = newTask(em, viewer, type, image);
  const now = new Date();
  Object.assign(task, { state: 'FINISHED', progress: 100, startedAt: now, finishedAt: now });
  return task;
}

/** Admins see every task; a member its project's; a reseller administrator its clients'. */
function taskScope(viewer: Viewer): FilterQuery<Task> {
  switch (viewer.kind) {
    case 'admin':
      return {};
    case 'member':
      return { project: viewer.projectId };
    case 'reseller':
      return { project: { reseller: viewer.resellerId } };
  }
}

export async function findTask(ctx: DomainContext, taskId: string): Promise<Task> {
  const task = isUuid(taskId) ? await ctx.em.findOne(Task, { $and: [taskScope(ctx.viewer), { id: taskId }] }) : null;
  if (!task) throw new NotFoundError('Task', taskId);
  return task;
}

export async function tasksById(ctx: DomainContext, ids: readonly string[]): Promise<Row<Task>[]> {
  const valid = ids.filter(isUuid);
  return valid.length ? findRows<Task>(ctx.em, 'Task', { where: { $and: [taskScope(ctx.viewer), { id: { $in: valid } }] } }) : [];
}

export interface TaskFilter {
  imageId?: string | null;
  state?: TaskState[] | null;
  type?: TaskType[] | null;
}

const NEWEST_FIRST: OrderKey[] = [{ field: 'createdAt', direction: 'DESC', kind: 'date', nullable: false }];

/** The caller's tasks, newest first unless `order` says otherwise. */
export async function listTasks(ctx: DomainContext, filter: TaskFilter, args: PageArgs, order: OrderKey[] = NEWEST_FIRST): Promise<Page<Row<Task>>> {
  const where: FilterQuery<Task>[] = [taskScope(ctx.viewer)];
  if (filter.imageId) where.push({ image: isUuid(filter.imageId) ? filter.imageId : null });
  if (filter.state?.length) where.push({ state: { $in: filter.state } });
  if (filter.type?.length) where.push({ type: { $in: filter.type } });
  return findPage<Task>(ctx.em, 'Task', { $and: where }, order, args);
}
