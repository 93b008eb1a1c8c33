// How a task runs, as rules on the task and image rows. A worker claims a task (RUNNING, one
// more attempt), holds it by heartbeats, and ends it; a heartbeat older than the lease means the
// holder is gone, and any worker's sweep then hands the task to another attempt. Each claim gets
// a new token: a holder that lost its task can no longer change it.
//
// Locks: only the task row is locked to decide who holds a task, waiting for it (a row skipped
// would be a task lost); the sweep alone skips locked rows, which are alive. The image row is
// locked only where its status changes, after the task row, so user edits never abort a task.
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Image, type ImageStatus } from '../db/entities/image.js';
import { Task } from '../db/entities/task.js';
import { canTransition, transition } from './image-status.js';
import { newTask } from './tasks.js';
import type { Viewer } from './viewer.js';

export interface TaskRules {
  /** A RUNNING task whose heartbeat is older than this has lost its holder. */
  leaseMs: number;
  /** Attempts before a task that keeps failing ends in ERROR. */
  maxAttempts: number;
  /** The first retry's delay; each further one doubles it. */
  retryDelaySeconds: number;
}

/** A task held by this process, and the lease token of this hold. */
export interface Claim {
  task: Task;
  image: Image;
  token: number;
}

/** What names the temporary file of a hold's bytes, so a lost hold's file can be found and removed. */
export const stagingTag = (taskId: string, token: number) => `${taskId}.${token}`;

/** What the task's image is while the task runs. */
const imageWhile = { CREATE: null, UPLOAD: 'SAVING', IMPORT: 'IMPORTING', REPLICATE: 'IMPORTING', PURGE: 'PENDING_DELETE' } as const;

/**
 * What the image becomes when the task fails for good: a failed import or copy is KILLED; a
 * failed upload leaves the record as it was, QUEUED, for another try (Glance); a purge that
 * failed leaves it PENDING_DELETE.
 */
const imageAfterFailure = { CREATE: null, UPLOAD: 'QUEUED', IMPORT: 'KILLED', REPLICATE: 'KILLED', PURGE: null } as const;

/** The task row, locked for this transaction (waiting for another holder of the lock). */
const lockTask = (tx: EntityManager, taskId: string) => tx.findOne(Task, { id: taskId }, { lockMode: LockMode.PESSIMISTIC_WRITE });

/** The task's image, locked because its status is about to change. */
const lockImage = (tx: EntityManager, task: Task) => tx.findOneOrFail(Image, { id: task.image.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });

const held = (task: Task | null, claim: Claim): task is Task => task?.state === 'RUNNING' && task.claims === claim.token;

const leaseExpired = (task: Task, rules: TaskRules, now: number) =>
  task.state === 'RUNNING' && (task.heartbeatAt?.getTime() ?? 0) < now - rules.leaseMs;

/**
 * Takes a NEW task, or a RUNNING one whose holder is gone. Null when there is nothing to do: the
 * task ended, another worker holds it, or its image moved on (then the task ends in ERROR).
 */
export async function claimTask(em: EntityManager, taskId: string, rules: TaskRules): Promise<Claim | null> {
  return em.fork().transactional(async (tx) => {
    const task = await lockTask(tx, taskId);
    const now = Date.now();
    if (!task || !(task.state === 'NEW' || leaseExpired(task, rules, now))) return null;
    const image = await lockImage(tx, task);
    if (task.state === 'RUNNING' && task.attempts >= rules.maxAttempts) {
      failLocked(task, image, 'its holder stopped, and its attempts are spent', false);
      return null;
    }
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
    task.claims += 1;
    task.heartbeatAt = new Date(now);
    task.startedAt ??= new Date(now);
    return { task, image, token: task.claims };
  });
}

export interface Progress {
  bytesDone: number;
  bytesTotal?: number | null;
}

/**
 * Renews the lease and records progress. False when the holder must stop: the task was taken
 * over, or its image left the status the task works in (deleted during an import, say; the task
 * then ends in ERROR).
 */
export async function heartbeat(em: EntityManager, claim: Claim, progress?: Progress): Promise<boolean> {
  return em.fork().transactional(async (tx) => {
    const task = await lockTask(tx, claim.task.id);
    if (!held(task, claim)) return false;
    const { status } = await tx.findOneOrFail(Image, { id: task.image.id }, { fields: ['status'] });
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
 * Ends a held task FINISHED after `work` has updated its image, in one transaction; `work` may
 * also put the bytes in place, under the lock, so no other holder can. `bytes`: how many the task
 * moved in all, recorded as both done and total (the last heartbeat may be seconds behind, and
 * the total unknown until the end). False (and nothing changed) when the claim was lost or the
 * image moved on: the caller discards its bytes.
 */
export async function finishTask(
  em: EntityManager,
  claim: Claim,
  work: (image: Image, tx: EntityManager) => void | Promise<void>,
  bytes?: number,
): Promise<boolean> {
  return em.fork().transactional(async (tx) => {
    const task = await lockTask(tx, claim.task.id);
    if (!held(task, claim)) return false;
    const image = await lockImage(tx, task);
    const during = imageWhile[task.type];
    if (during && image.status !== during) {
      endTask(task, 'ERROR', `The image became ${image.status} while the task ran`);
      return false;
    }
    await work(image, tx);
    endTask(task, 'FINISHED');
    if (bytes !== undefined) Object.assign(task, { bytesDone: bytes, bytesTotal: bytes });
    return true;
  });
}

/**
 * A failed attempt. `retry` (a passing failure) and attempts left: the task goes back to NEW,
 * keeping the reason, to be handed to the queue again; otherwise it ends in ERROR and its image
 * takes its failed status (`imageTo`, by default KILLED for an import or copy). Returns whether
 * the task is to be retried; undefined when the claim was lost.
 */
export async function failTask(
  em: EntityManager,
  claim: Claim,
  reason: string,
  options: { retry: boolean; rules?: TaskRules; imageTo?: ImageStatus },
): Promise<Task | undefined> {
  return em.fork().transactional(async (tx) => {
    const task = await lockTask(tx, claim.task.id);
    if (!held(task, claim)) return undefined;
    const retry = options.retry && options.rules !== undefined && task.attempts < options.rules.maxAttempts;
    failLocked(task, await lockImage(tx, task), reason, retry, options.imageTo);
    if (retry) task.runAfter = new Date(Date.now() + backoffMs(options.rules!, task.attempts));
    return task;
  });
}

/**
 * Removes a held task the request itself ended (an upload past the size limit): a refusal, not a
 * failure, so no ERROR row is left; its image is QUEUED again, as before the task began.
 */
export async function withdrawTask(em: EntityManager, claim: Claim): Promise<boolean> {
  return em.fork().transactional(async (tx) => {
    const task = await lockTask(tx, claim.task.id);
    if (!held(task, claim)) return false;
    const image = await lockImage(tx, task);
    if (image.status === imageWhile[task.type]) transition(image, 'QUEUED');
    tx.remove(task);
    return true;
  });
}

/**
 * Gives a held task back untouched, its attempt not counted (the process is stopping): NEW, and
 * handed to the queue again by the caller.
 */
export async function releaseTask(em: EntityManager, claim: Claim): Promise<Task | undefined> {
  return em.fork().transactional(async (tx) => {
    const task = await lockTask(tx, claim.task.id);
    if (!held(task, claim)) return undefined;
    task.state = 'NEW';
    task.attempts -= 1;
    task.dispatches += 1;
    task.runAfter = new Date();
    return task;
  });
}

/** Exponential, with jitter so that retries of many tasks that failed together do not come together. */
function backoffMs(rules: TaskRules, failedAttempts: number): number {
  return rules.retryDelaySeconds * 1000 * 2 ** Math.min(16, failedAttempts - 1) * (1 + Math.random() / 2);
}

function failLocked(task: Task, image: Image, reason: string, retry: boolean, imageTo: ImageStatus | null = imageAfterFailure[task.type]) {
  if (retry) {
    task.state = 'NEW';
    task.dispatches += 1;
    task.runAfter = new Date();
    task.error = `Attempt ${task.attempts} failed, retrying: ${reason}`;
    return;
  }
  endTask(task, 'ERROR', reason);
  if (imageTo && image.status === imageWhile[task.type]) transition(image, imageTo);
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

/** What a lost hold leaves behind: its temporary file, named by the tag. */
export interface Abandoned {
  imageId: string;
  tag: string;
}

/**
 * Tasks whose holder stopped (its heartbeat is older than the lease): back to NEW for another
 * attempt at once, or ERROR once attempts are spent (an upload is never retried: only its client
 * has the bytes). Returns the tasks to hand to the queue again, and what the lost holds left.
 */
export async function recoverAbandonedTasks(em: EntityManager, rules: TaskRules): Promise<{ retried: Task[]; abandoned: Abandoned[] }> {
  return em.fork().transactional(async (tx) => {
    const cutoff = new Date(Date.now() - rules.leaseMs);
    // Skipping locked rows: a task whose row is locked has a holder at work on it. Images are
    // locked in one order, so that two sweeps never wait on each other.
    const stale = await tx.find(Task, { state: 'RUNNING', heartbeatAt: { $lt: cutoff } }, { lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE, limit: 100 });
    stale.sort((a, b) => (a.image.id < b.image.id ? -1 : a.image.id > b.image.id ? 1 : 0));
    const retried: Task[] = [];
    const abandoned: Abandoned[] = [];
    for (const task of stale) {
      abandoned.push({ imageId: task.image.id, tag: stagingTag(task.id, task.claims) });
      const image = await lockImage(tx, task);
      if (task.type === 'UPLOAD') {
        failLocked(task, image, 'The upload stopped: the server receiving it went away', false);
      } else {
        failLocked(task, image, 'the worker running it stopped', task.attempts < rules.maxAttempts);
        if (task.state === 'NEW') retried.push(task);
      }
    }
    return { retried, abandoned };
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
  Object.assign(task, { state: 'RUNNING', attempts: 1, claims: 1, heartbeatAt: now, startedAt: now, bytesTotal });
  return { task, image, token: 1 };
}

/**
 * NEW tasks that should have been claimed a lease ago: their job may have been lost (a failed
 * hand-over, a job that failed before its claim). The oldest first.
 */
export async function overdueTasks(em: EntityManager, leaseMs: number): Promise<Task[]> {
  return em.fork().find(
    Task,
    { state: 'NEW', runAfter: { $lt: new Date(Date.now() - leaseMs) } },
    { limit: 100, orderBy: { runAfter: 'asc', id: 'asc' } },
  );
}

/** A new round for an overdue task whose job is gone: null when it moved on meanwhile. */
export async function nextRound(em: EntityManager, task: Pick<Task, 'id' | 'dispatches'>): Promise<Task | null> {
  return em.fork().transactional(async (tx) => {
    const current = await lockTask(tx, task.id);
    if (current?.state !== 'NEW' || current.dispatches !== task.dispatches) return null;
    current.dispatches += 1;
    current.runAfter = new Date();
    return current;
  });
}
