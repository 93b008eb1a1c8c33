// Workers: take jobs from the queue and run their tasks. They run in the server process by
// default and in `npm run worker` processes when scaled out; any number share one database.
import type { MikroORM } from '@mikro-orm/postgresql';
import type PgBoss from 'pg-boss';
import type { Task } from '../db/entities/task.js';
import {
  type Claim, type TaskRules, claimTask, failTask, recoverAbandonedTasks, releaseTask, undispatchedTasks,
} from '../domain/task-runs.js';
import type { TaskDispatcher } from '../domain/tasks.js';
import type { ImageStore } from '../store/image-store.js';
import { TaskAbandoned, holdLease } from './lease.js';
import { BACKGROUND_TYPES, type BackgroundType, type JobData, QUEUES } from './queue.js';

/** What a task handler gets: the claimed task, and a way to report progress and keep its lease. */
export interface TaskRun {
  claim: Claim;
  orm: MikroORM;
  store: ImageStore;
  /** Records progress; throws TaskAbandoned once the task is no longer ours. */
  progress(bytesDone: number, bytesTotal?: number | null): void;
  /** Aborted when the task was taken over, its image moved on, or this process is stopping. */
  signal: AbortSignal;
}

/** Runs one attempt and ends the task, or throws to fail the attempt. */
export type TaskHandler = (run: TaskRun) => Promise<void>;

/** Why a task failed, in words its owner may read; the task ends in ERROR. */
export class TaskFailure extends Error {
  override readonly name: string = 'TaskFailure';
}

/** A failure worth another attempt (the network, a busy source). */
export class TransientFailure extends TaskFailure {
  override readonly name = 'TransientFailure';
}

/** This process is stopping: the task goes back to the queue, its attempt not counted. */
class Stopping extends Error {
  override readonly name = 'Stopping';
}

export interface WorkerOptions {
  orm: MikroORM;
  boss: PgBoss;
  dispatcher: TaskDispatcher;
  store: ImageStore;
  handlers: Record<BackgroundType, TaskHandler>;
  rules: TaskRules;
  /** The first retry's delay; each further one doubles it. */
  retryDelaySeconds: number;
  /** Jobs run at once per task type in this process. */
  concurrency: number;
}

export async function startWorkers(options: WorkerOptions): Promise<{ stop(): Promise<void> }> {
  const { orm, boss, rules, dispatcher } = options;
  const running = new Map<Promise<void>, AbortController>();
  let stopping = false;
  for (const type of BACKGROUND_TYPES) {
    for (let i = 0; i < options.concurrency; i++) {
      await boss.work<JobData>(QUEUES[type], { batchSize: 1, pollingIntervalSeconds: 0.5 }, async ([job]) => {
        if (!job) return;
        const abort = new AbortController();
        // A job fetched while stopping is claimed and handed straight back: completing it
        // unclaimed would leave its task waiting on a job that already ran.
        if (stopping) abort.abort(new Stopping('this worker is stopping'));
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
  // Tasks whose holder died go to another attempt; tasks whose hand-over was lost are handed
  // over again (the same round: a job that exists already is not queued twice).
  const sweep = async () => {
    const retried = await recoverAbandonedTasks(orm.em, rules, (task) => options.store.removePartials(task.image.id));
    for (const task of retried) await dispatcher.dispatch(task);
    for (const task of await undispatchedTasks(orm.em, rules.leaseMs)) await dispatcher.dispatch(task);
  };
  let sweeping: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    sweeping = sweep().catch((error) => console.error('Task sweep failed:', error));
  }, Math.max(500, rules.leaseMs / 2));
  timer.unref();
  return {
    async stop() {
      stopping = true;
      clearInterval(timer);
      // No new job from here on; running ones go back to the queue rather than wait out a lease.
      await Promise.all(BACKGROUND_TYPES.map((type) => boss.offWork(QUEUES[type])));
      for (const abort of running.values()) abort.abort(new Stopping('this worker is stopping'));
      await Promise.allSettled([sweeping, ...running.keys()]);
    },
  };
}

async function runTask(options: WorkerOptions, type: BackgroundType, taskId: string, abort: AbortController): Promise<void> {
  const { orm, rules, dispatcher } = options;
  // Jobs never fail in the queue: every outcome is recorded on the task. A fault here (the
  // database gone) leaves the task RUNNING, and the sweep takes it over once its lease runs out.
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
    let again: Task | undefined;
    if (error instanceof Stopping) {
      again = await releaseTask(orm.em, claim);
    } else {
      // Only a TaskFailure's words reach the task's owner; anything else is a fault, logged here.
      if (!(error instanceof TaskFailure)) console.error(`Task ${taskId} (${type}) failed:`, error);
      const reason = error instanceof TaskFailure ? error.message : 'an internal error stopped the task';
      const failed = await failTask(orm.em, claim, reason, { retry: error instanceof TransientFailure, rules });
      if (failed?.state === 'NEW') again = failed;
    }
    if (again) {
      const delaySeconds = error instanceof Stopping ? 0 : backoff(options.retryDelaySeconds, again.attempts);
      await dispatcher.dispatch(again, { delaySeconds });
    }
  } finally {
    await lease.release();
  }
}

/** Exponential, with jitter so that retries of many tasks failed at once do not arrive at once. */
function backoff(firstSeconds: number, failedAttempts: number): number {
  const base = firstSeconds * 2 ** Math.min(16, failedAttempts - 1);
  return base * (1 + Math.random() / 2);
}
