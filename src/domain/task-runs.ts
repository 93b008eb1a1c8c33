// How a worker runs a task, as rules on the task and image rows. A worker claims a task (RUNNING,
// one more attempt), holds it by heartbeats, and ends it; a heartbeat older than the lease means
// the worker is gone, and any worker may then take the task over. The attempt number is the
// lease's token: a worker that lost its task can no longer change it.
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Image, type ImageStatus } from '../db/entities/image.js';
import { Task } from '../db/entities/task.js';
import { canTransition, transition } from './image-status.js';
import { newTask } from './tasks.js';
import type { Viewer } from './viewer.js';

export interface TaskRules {
  /** A RUNNING task whose heartbeat is older than this has lost its worker. */
  leaseMs: number;
  /** Attempts before a task that keeps failing transiently ends in ERROR. */
  maxAttempts: number;
}

/** A task this worker holds: its attempt number is the lease token. */
export interface Claim {
  task: Task;
  image: Image;
  attempt: number;
}

/** What the task's image is while the task runs. */
const imageWhile = { CREATE: null, UPLOAD: 'SAVING', IMPORT: 'IMPORTING', REPLICATE: 'IMPORTING', PURGE: 'PENDING_DELETE' } as const;

/**
 * What the image becomes when the task fails for good: a failed import or copy is KILLED; a
 * failed upload leaves the record as it was, QUEUED, for another try (Glance); a purge that
 * failed leaves it PENDING_DELETE.
 */
const imageAfterFailure = { CREATE: null, UPLOAD: 'QUEUED', IMPORT: 'KILLED', REPLICATE: 'KILLED', PURGE: null } as const;

/** Locks the task row for this transaction; null when another transaction holds it or it is gone. */
function lockTask(em: EntityManager, taskId: string) {
  return em.findOne(Task, { id: taskId }, { lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE, populate: ['image'] });
}

const leaseExpired = (task: Task, rules: TaskRules, now: number) =>
  task.state === 'RUNNING' && (task.heartbeatAt?.getTime() ?? 0) < now - rules.leaseMs;

/**
 * Takes a NEW task, or a RUNNING one whose worker is gone. Null when there is nothing to do:
 * the task ended, another worker holds it, or its image moved on (then the task ends in ERROR).
 */
export async function claimTask(em: EntityManager, taskId: string, rules: TaskRules): Promise<Claim | null> {
  return em.fork().transactional(async (tx) => {
    const task = await lockTask(tx, taskId);
    const now = Date.now();
    if (!task || !(task.state === 'NEW' || leaseExpired(task, rules, now))) return null;
    const image = task.image as unknown as Image;
    const during = imageWhile[task.type];
    if (during && image.status !== during) {
      if (!canTransition(image.status, during)) {
        endTask(task, 'ERROR', `The image became ${image.status} before the task could run`);
        return null;
      }
      transition(image, during);
    }
    task.state = 'RUNNING';
    task.attempts += 1;
    task.heartbeatAt = new Date(now);
    task.startedAt ??= new Date(now);
    return { task, image, attempt: task.attempts };
  });
}

export interface Progress {
  bytesDone: number;
  bytesTotal?: number | null;
}

/**
 * Renews the lease and records progress. False when the worker must stop: the task was taken
 * over, or its image left the status the task works in (deleted during an import, say).
 */
export async function heartbeat(em: EntityManager, claim: Claim, progress?: Progress): Promise<boolean> {
  return em.fork().transactional(async (tx) => {
    const task = await lockTask(tx, claim.task.id);
    if (!task || task.state !== 'RUNNING' || task.attempts !== claim.attempt) return false;
    const status = (task.image as unknown as Image).status;
    const during = imageWhile[task.type];
    if (during && status !== during) {
      endTask(task, 'ERROR', `The image became ${status} while the task ran`);
      return false;
    }
    task.heartbeatAt = new Date();
    if (progress) {
      task.bytesDone = progress.bytesDone;
      if (progress.bytesTotal !== undefined) task.bytesTotal = progress.bytesTotal;
      // 99 at most until the task has really finished.
      if (task.bytesTotal) task.progress = Math.min(99, Math.floor((100 * progress.bytesDone) / task.bytesTotal));
    }
    return true;
  });
}

/**
 * Ends a claimed task FINISHED after `work` has updated its image, in one transaction. False
 * (and nothing changed) when the claim was lost or the image moved on: the caller undoes its side
 * effects, such as a file it wrote.
 */
export async function finishTask(em: EntityManager, claim: Claim, work: (image: Image, tx: EntityManager) => void | Promise<void>): Promise<boolean> {
  return em.fork().transactional(async (tx) => {
    const task = await lockTask(tx, claim.task.id);
    if (!task || task.state !== 'RUNNING' || task.attempts !== claim.attempt) return false;
    const image = task.image as unknown as Image;
    const during = imageWhile[task.type];
    if (during && image.status !== during) {
      endTask(task, 'ERROR', `The image became ${image.status} while the task ran`);
      return false;
    }
    await work(image, tx);
    endTask(task, 'FINISHED');
    return true;
  });
}

/**
 * A failed attempt. `retry`: the task goes back to NEW for the queue's next attempt, keeping the
 * reason; otherwise it ends in ERROR and its image is KILLED (an import or copy that failed).
 * Returns whether the task will be retried.
 */
export async function failTask(
  em: EntityManager,
  claim: Claim,
  reason: string,
  options: { retry: boolean; rules?: TaskRules; imageTo?: ImageStatus },
): Promise<boolean> {
  return em.fork().transactional(async (tx) => {
    const task = await lockTask(tx, claim.task.id);
    if (!task || task.state !== 'RUNNING' || task.attempts !== claim.attempt) return false;
    return failLocked(task, reason, options.retry && task.attempts < (options.rules?.maxAttempts ?? 1), options.imageTo);
  });
}

function failLocked(task: Task, reason: string, retry: boolean, imageTo: ImageStatus | null = imageAfterFailure[task.type]): boolean {
  if (retry) {
    task.state = 'NEW';
    task.error = `Attempt ${task.attempts} failed, retrying: ${reason}`;
    return true;
  }
  endTask(task, 'ERROR', reason);
  const image = task.image as unknown as Image;
  if (imageTo && image.status === imageWhile[task.type]) transition(image, imageTo);
  return false;
}

function endTask(task: Task, state: 'FINISHED' | 'ERROR', error?: string) {
  task.state = state;
  task.finishedAt = new Date();
  if (state === 'FINISHED') {
    task.progress = 100;
    task.error = null;
  } else {
    task.error = error ?? null;
  }
}

/**
 * Tasks whose worker stopped (its heartbeat is older than the lease): back to NEW for another
 * attempt, or ERROR with the image KILLED once attempts are spent. Returns them, so the caller
 * can clean up after the lost attempts and tell the queue.
 */
export async function recoverAbandonedTasks(em: EntityManager, rules: TaskRules): Promise<{ task: Task; retry: boolean }[]> {
  return em.fork().transactional(async (tx) => {
    const cutoff = new Date(Date.now() - rules.leaseMs);
    const stale = await tx.find(
      Task,
      { state: 'RUNNING', heartbeatAt: { $lt: cutoff } },
      { lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE, populate: ['image'], limit: 100 },
    );
    return stale.map((task) =>
      task.type === 'UPLOAD'
        ? // Only the client has the bytes: it must send them again.
          { task, retry: failLocked(task, 'The upload stopped: the server receiving it went away', false) }
        : { task, retry: failLocked(task, 'the worker running it stopped', task.attempts < rules.maxAttempts) },
    );
  });
}

/**
 * An UPLOAD task for an image just moved to SAVING, in the caller's unit of work: the request
 * receiving the bytes holds it as a worker holds a claimed task, so the sweep notices a server
 * that died mid-upload and puts the image back to QUEUED.
 */
export function startUploadTask(em: EntityManager, viewer: Viewer, image: Image, bytesTotal: number | null): Claim {
  const task = newTask(em, viewer, 'UPLOAD', image);
  const now = new Date();
  Object.assign(task, { state: 'RUNNING', attempts: 1, heartbeatAt: now, startedAt: now, bytesTotal });
  return { task, image, attempt: 1 };
}

/** NEW tasks older than `ageMs`: their hand-over to the queue may have been lost. */
export async function undispatchedTasks(em: EntityManager, ageMs: number): Promise<Pick<Task, 'id' | 'type'>[]> {
  return em.fork().find(
    Task,
    { state: 'NEW', updatedAt: { $lt: new Date(Date.now() - ageMs) } },
    { fields: ['id', 'type'], limit: 100, orderBy: { createdAt: 'asc' } },
  );
}
