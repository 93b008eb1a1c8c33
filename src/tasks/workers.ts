// Workers: take jobs from the queue and run their tasks. They run in the server process by
// default and in `npm run worker` processes when scaled out; any number share one database.
import type { MikroORM } from '@mikro-orm/postgresql';
import type PgBoss from 'pg-boss';
import { type Claim, type TaskRules, claimTask, failTask, recoverAbandonedTasks, undispatchedTasks } from '../domain/task-runs.js';
import type { ImageStore } from '../store/image-store.js';
import { TaskAbandoned, holdLease } from './lease.js';
import type { TaskDispatcher } from '../domain/tasks.js';
import { BACKGROUND_TYPES, type BackgroundType, type JobData, QUEUES } from './queue.js';

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
  /** Re-sends tasks whose hand-over to the queue was lost. */
  dispatcher: TaskDispatcher;
  store: ImageStore;
  handlers: Record<BackgroundType, TaskHandler>;
  rules: TaskRules;
  /** Jobs run at once per task type in this process. */
  concurrency: number;
}

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
  const { dispatcher } = options;
  const sweep = async () => {
    for (const { task, retry } of await recoverAbandonedTasks(orm.em, rules)) {
      await options.store.removePartials(task.image.id);
      if (task.type === 'UPLOAD') continue;
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
  const lease = holdLease(orm.em, claim, rules.leaseMs, abort);
  const run: TaskRun = { claim, orm, store: options.store, signal: lease.signal, progress: lease.progress };
  try {
    await options.handlers[type](run);
  } catch (thrown) {
    // An aborted handler fails with whatever it was doing; the abort's reason is the real one.
    const error: unknown = abort.signal.aborted ? abort.signal.reason : thrown;
    if (error instanceof TaskAbandoned) return;
    // Only a TaskFailure's words reach the task's owner; anything else is a fault, logged here.
    if (!(error instanceof TaskFailure)) console.error(`Task ${taskId} (${type}) failed:`, error);
    const reason = error instanceof TaskFailure ? error.message : 'an internal error stopped the task';
    const retry = await failTask(orm.em, claim, reason, { retry: error instanceof TransientFailure, rules });
    // Thrown back to the queue, which retries the job after a backoff.
    if (retry) throw error;
  } finally {
    await lease.release();
  }
}


