// Holding a claimed task: heartbeats renew its lease and carry progress, at most every
// TASK_PROGRESS_INTERVAL_MS, and at least three times a lease even when no byte moves. A heartbeat
// that finds the task no longer ours (taken over, or its image moved on) aborts the work.
import type { EntityManager } from '@mikro-orm/postgresql';
import { type Readable, Transform } from 'node:stream';
import { type Claim, heartbeat } from '../domain/task-runs.js';
import { TASK_PROGRESS_INTERVAL_MS } from '../domain/tasks.js';
import { logger } from '../logger.js';

export interface Lease {
  /** Records progress; throws the abort reason once the task is no longer ours. */
  progress(bytesDone: number, bytesTotal?: number | null): void;
  /** Aborted (with TaskAbandoned) when the task was taken over or its image moved on. */
  signal: AbortSignal;
  /** Stops the heartbeats, after the one in flight. */
  release(): Promise<void>;
}

/** The task is no longer this holder's; it stops quietly. */
export class TaskAbandoned extends Error {
  override readonly name = 'TaskAbandoned';
  constructor() {
    super('The task was taken over or its image changed');
  }
}

export function holdLease(em: EntityManager, claim: Claim, leaseMs: number, abort = new AbortController()): Lease {
  let pending: Promise<void> | undefined;
  let latest: { bytesDone: number; bytesTotal?: number | null } | undefined;
  let last = 0;
  const beat = () => {
    if (pending || abort.signal.aborted) return;
    last = Date.now();
    pending = heartbeat(em, claim, latest)
      .then(
        (ours) => {
          if (!ours) abort.abort(new TaskAbandoned());
        },
        (error: unknown) => logger.error({ err: error, taskId: claim.task.id }, 'task heartbeat failed'),
      )
      .finally(() => {
        pending = undefined;
      });
  };
  const keepAlive = setInterval(beat, Math.max(200, leaseMs / 3));
  keepAlive.unref();
  return {
    signal: abort.signal,
    progress(bytesDone, bytesTotal) {
      if (abort.signal.aborted) throw abort.signal.reason;
      latest = { bytesDone, bytesTotal };
      if (Date.now() - last >= TASK_PROGRESS_INTERVAL_MS) beat();
    },
    async release() {
      clearInterval(keepAlive);
      await pending;
    },
  };
}

/** The bytes passed through, reporting progress on the way (which also notices a lost lease). */
export function withProgress(body: Readable, lease: Pick<Lease, 'progress'>, total: number | null): Readable {
  let done = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      done += chunk.length;
      try {
        lease.progress(done, total);
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
