// Workers: take jobs from the queue and run their tasks. They run in the server process by
// default and in `npm run worker` processes when scaled out; any number share one database.
import type { MikroORM } from '@mikro-orm/postgresql';
import type PgBoss from 'pg-boss';
import type { Task } from '../db/entities/task.js';
import {
  type Claim, type TaskRules, claimTask, failTask, heartbeat, nextRound, overdueTasks, recoverAbandonedTasks, releaseTask,
} from '../domain/task-runs.js';
import type { TaskDispatcher } from '../domain/tasks.js';
import type { ImageStore } from '../store/image-store.js';
import { TaskAbandoned, holdLease } from './lease.js';
import { BACKGROUND_TYPES, type BackgroundType, type JobData, QUEUES, isBackground, jobId } from './queue.js';
import { logger } from '../logger.js';

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

/** How a task's attempt ended. */
export type TaskOutcome = 'finished' | 'retried' | 'failed' | 'released' | 'abandoned';

export interface TaskObserver {
  taskEnded(type: string, outcome: TaskOutcome, seconds: number): void;
}

export interface WorkerOptions {
  orm: MikroORM;
  boss: PgBoss;
  dispatcher: TaskDispatcher;
  store: ImageStore;
  handlers: Record<BackgroundType, TaskHandler>;
  rules: TaskRules;
  /** Jobs run at once per task type in this process. */
  concurrency: number;
  /** Told how each attempt ended (the metrics). */
  observer?: TaskObserver | undefined;
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
  // Tasks whose holder died go to another attempt, and what it left is removed; an overdue task
  // whose job is gone (a lost hand-over, a job failed before its claim) gets a new round.
  const sweep = async () => {
    const { retried, abandoned } = await recoverAbandonedTasks(orm.em, rules);
    for (const task of retried) await dispatcher.dispatch(task);
    for (const { imageId, tag } of abandoned) await options.store.removeStaged(imageId, tag);
    for (const task of await overdueTasks(orm.em, rules.leaseMs)) {
      if (!isBackground(task.type) || (await jobAlive(boss, task, rules.leaseMs))) continue;
      const again = await nextRound(orm.em, task);
      if (again) await dispatcher.dispatch(again);
    }
  };
  let sweeping: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    sweeping = sweep().catch((error) => logger.error({ err: error }, 'task sweep failed'));
  }, Math.max(500, rules.leaseMs / 2));
  timer.unref();
  return {
    async stop() {
      stopping = true;
      clearInterval(timer);
      // No new job from here on; running ones go back to the queue rather than wait out a lease.
      await Promise.all(BACKGROUND_TYPES.map((type) => boss.offWork(QUEUES[type])));
      for (const abort of running.values()) abort.abort(new Stopping('this worker is stopping'));
      await sweeping;
      // Until none is left: a job fetched just before offWork arrives after the abort above.
      while (running.size > 0) await Promise.allSettled([...running.keys()]);
    },
  };
}

async function runTask(options: WorkerOptions, type: BackgroundType, taskId: string, abort: AbortController): Promise<void> {
  const { orm, rules, dispatcher } = options;
  // Every outcome is recorded on the task, not on the job. A fault (the database gone) fails
  // the job and leaves the task as it was: RUNNING until its lease runs out, or NEW and overdue;
  // either way the sweep hands it over again.
  const claim = await claimTask(orm.em, taskId, rules);
  if (!claim) return;
  const started = performance.now();
  let outcome: TaskOutcome = 'abandoned';
  const lease = holdLease(orm.em, claim, rules.leaseMs, abort);
  const run: TaskRun = { claim, orm, store: options.store, signal: lease.signal, progress: lease.progress };
  try {
    // Claimed while this worker was stopping: straight back to the queue.
    if (abort.signal.aborted) throw abort.signal.reason;
    await options.handlers[type](run);
    outcome = 'finished';
  } catch (thrown) {
    // An aborted handler fails with whatever it was doing; the abort's reason is the real one.
    const error: unknown = abort.signal.aborted ? abort.signal.reason : thrown;
    if (error instanceof TaskAbandoned) return;
    // The work may have failed because the task moved on under it (its image deleted, its
    // files purged): then that is the task's end, recorded by the heartbeat, not a fault.
    if (!(error instanceof Stopping) && !(await heartbeat(orm.em, claim).catch(() => true))) return;
    let again: Task | undefined;
    if (error instanceof Stopping) {
      outcome = 'released';
      again = await releaseTask(orm.em, claim);
    } else {
      // Only a TaskFailure's words reach the task's owner; anything else is a fault, logged here.
      if (!(error instanceof TaskFailure)) logger.error({ err: error, taskId, taskType: type }, 'task failed');
      const reason = error instanceof TaskFailure ? error.message : 'an internal error stopped the task';
      const failed = await failTask(orm.em, claim, reason, { retry: error instanceof TransientFailure, rules });
      outcome = failed?.state === 'NEW' ? 'retried' : 'failed';
      if (failed?.state === 'NEW') again = failed;
    }
    if (again) await dispatcher.dispatch(again);
  } finally {
    await lease.release();
    options.observer?.taskEnded(type, outcome, (performance.now() - started) / 1000);
  }
}

/** Whether the task's current job will still be delivered, or is being run (claims follow within ms). */
async function jobAlive(boss: PgBoss, task: Task, leaseMs: number): Promise<boolean> {
  const job = await boss.getJobById(QUEUES[task.type as BackgroundType], jobId(task.id, task.dispatches));
  if (job?.state === 'created' || job?.state === 'retry') return true;
  return job?.state === 'active' && job.startedOn.getTime() > Date.now() - leaseMs;
}
