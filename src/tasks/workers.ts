// Workers: take jobs from the queue and run their tasks. They run in the server process by
// default and in `npm run worker` processes when scaled out; any number share one database.
import { type Readable, Transform } from 'node:stream';
import type { MikroORM } from '@mikro-orm/postgresql';
import type PgBoss from 'pg-boss';
import { type Claim, type TaskRules, claimTask, failTask, heartbeat, recoverAbandonedTasks, undispatchedTasks } from '../domain/task-runs.js';
import type { ImageStore } from '../store/image-store.js';
import { BACKGROUND_TYPES, type BackgroundType, type JobData, QUEUES, queueDispatcher } from './queue.js';

/** What a task handler gets: the claimed task, and a way to report progress and keep its lease. */
export interface TaskRun {
  claim: Claim;
  orm: MikroORM;
  store: ImageStore;
  /** Records progress (at most every PROGRESS_INTERVAL_MS); throws TaskAbandoned when the task is no longer ours. */
  progress(bytesDone: number, bytesTotal?: number | null): void;
  /** Aborted when the task was taken over or its image moved on (deleted meanwhile). */
  signal: AbortSignal;
}

/** Runs one attempt; throws to fail it (see `retryable`), returns once the task has been ended. */
export type TaskHandler = (run: TaskRun) => Promise<void>;

/** Why a task failed, in words its owner may read; the task ends in ERROR. */
export class TaskFailure extends Error {
  override readonly name: string = 'TaskFailure';
}

/** A failure worth another attempt (the network, a busy peer). */
export class TransientFailure extends TaskFailure {
  override readonly name = 'TransientFailure';
}

export interface WorkerOptions {
  orm: MikroORM;
  boss: PgBoss;
  store: ImageStore;
  handlers: Record<BackgroundType, TaskHandler>;
  rules: TaskRules;
  /** Jobs run at once per task type in this process. */
  concurrency: number;
}

/** Progress reaches the database, and so subscribers, at most 4 times a second per task. */
export const PROGRESS_INTERVAL_MS = 250;

export async function startWorkers(options: WorkerOptions): Promise<{ stop(): Promise<void> }> {
  const { orm, boss, rules } = options;
  const running = new Map<Promise<void>, AbortController>();
  for (const type of BACKGROUND_TYPES) {
    for (let i = 0; i < options.concurrency; i++) {
      await boss.work<JobData>(QUEUES[type], { batchSize: 1, pollingIntervalSeconds: 0.5 }, async ([job]) => {
        if (!job) return;
        const abort = new AbortController();
        const work = runTask(options, type, job.data.taskId, abort);
        running.set(work, abort);
        try {
          await work;
        } finally {
          running.delete(work);
        }
      });
    }
  }
  // Tasks whose worker died, and tasks whose hand-over to the queue was lost.
  const dispatcher = queueDispatcher(boss);
  const sweep = async () => {
    for (const { task, retry } of await recoverAbandonedTasks(orm.em, rules)) {
      await options.store.removePartials(task.image.id);
      // The lost attempt's job is still active in the queue: failing it makes the queue retry it.
      // The lost attempt's job is still active in the queue: failing it makes the queue deliver
      // it again (a task that ended meanwhile is then skipped by its claim).
      await boss.fail(QUEUES[task.type as BackgroundType], task.id, { reason: 'worker lost', retry }).catch(() => {});
    }
    for (const task of await undispatchedTasks(orm.em, rules.leaseMs)) await dispatcher.dispatch(task);
  };
  let sweeping: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    sweeping = sweep().catch((error) => console.error('Task sweep failed:', error));
  }, Math.max(500, rules.leaseMs / 2));
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await sweeping;
      // Running tasks go back to the queue at once rather than waiting out their lease.
      for (const abort of running.values()) abort.abort(new TransientFailure('the worker running it was stopped'));
      await Promise.allSettled([...running.keys()]);
    },
  };
}

async function runTask(options: WorkerOptions, type: BackgroundType, taskId: string, abort: AbortController): Promise<void> {
  const { orm, rules } = options;
  const claim = await claimTask(orm.em, taskId, rules);
  if (!claim) return;
  let pending: Promise<boolean> | undefined;
  let latest: { bytesDone: number; bytesTotal?: number | null } | undefined;
  let last = 0;
  const beat = (progress = latest) => {
    if (pending) return;
    last = Date.now();
    pending = heartbeat(orm.em, claim, progress)
      .catch((error) => {
        console.error(`Heartbeat of task ${taskId} failed:`, error);
        return true;
      })
      .then((ours) => {
        pending = undefined;
        if (!ours) abort.abort(new TaskAbandoned());
        return ours;
      });
  };
  // The lease is renewed even when no byte arrives for a while.
  const keepAlive = setInterval(() => beat(), Math.max(200, rules.leaseMs / 3));
  const run: TaskRun = {
    claim,
    orm,
    store: options.store,
    signal: abort.signal,
    progress(bytesDone, bytesTotal) {
      latest = { bytesDone, bytesTotal };
      if (abort.signal.aborted) throw abort.signal.reason;
      if (Date.now() - last >= PROGRESS_INTERVAL_MS) beat();
    },
  };
  try {
    await options.handlers[type](run);
  } catch (thrown) {
    // An aborted handler fails with whatever it was doing; the abort's reason is the real one.
    const error: unknown = abort.signal.aborted ? abort.signal.reason : thrown;
    if (error instanceof TaskAbandoned) return;
    // Only a TaskFailure's words reach the task's owner; anything else is a fault, logged here.
    if (!(error instanceof TaskFailure)) console.error(`Task ${taskId} (${type}) failed:`, error);
    const reason = error instanceof TaskFailure ? error.message : 'an internal error stopped the task';
    const retry = await failTask(orm.em, claim, reason, error instanceof TransientFailure, rules);
    // Thrown back to the queue, which retries the job after a backoff.
    if (retry) throw error;
  } finally {
    clearInterval(keepAlive);
    await pending;
  }
}

/** The task is no longer this worker's; it stops quietly. */
export class TaskAbandoned extends Error {
  override readonly name = 'TaskAbandoned';
  constructor() {
    super('The task was taken over or its image changed');
  }
}

/** The bytes passed through, reporting progress on the way (which also notices a task taken away). */
export function withProgress(body: Readable, run: TaskRun, total: number | null): Readable {
  let done = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      done += chunk.length;
      try {
        run.progress(done, total);
      } catch (error) {
        callback(error as Error);
        return;
      }
      callback(null, chunk);
    },
  });
  body.once('error', (error) => counter.destroy(error));
  counter.once('close', () => body.destroy());
  return body.pipe(counter);
}
