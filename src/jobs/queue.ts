// The task queue: pg-boss on the application's own database. It delivers task ids to workers
// and spreads them over processes; the task row is the truth (state, attempts, the reason), and
// retries are handed over again as new jobs, delayed by the backoff.
import { createHash } from 'node:crypto';
import PgBoss from 'pg-boss';
import type { TaskType } from '../db/entities/task.js';
import type { TaskDispatcher } from '../domain/tasks.js';
import { logger } from '../logger.js';

/** Task types with work to do in the background (CREATE has none; UPLOAD runs in its request). */
export const BACKGROUND_TYPES = ['IMPORT', 'REPLICATE', 'PURGE'] as const satisfies readonly TaskType[];
export type BackgroundType = (typeof BACKGROUND_TYPES)[number];
export const isBackground = (type: TaskType): type is BackgroundType => (BACKGROUND_TYPES as readonly TaskType[]).includes(type);

export const QUEUES: Record<BackgroundType, string> = {
  IMPORT: 'image-import',
  REPLICATE: 'image-replicate',
  PURGE: 'image-purge',
};

export interface QueueOptions {
  connectionString: string;
  /** Connections pg-boss may hold. */
  poolSize: number;
  /** Whether this process runs pg-boss's maintenance (expiry, archiving): the ones running workers. */
  supervise: boolean;
}

export interface JobData {
  taskId: string;
}

export async function openQueue(options: QueueOptions): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: options.connectionString,
    max: options.poolSize,
    application_name: 'image-catalog-queue',
    schedule: false,
    supervise: options.supervise,
  });
  boss.on('error', (error) => logger.error({ err: error }, 'task queue error'));
  await boss.start();
  for (const type of BACKGROUND_TYPES) {
    await ensureQueue(boss, {
      name: QUEUES[type],
      // A failed attempt is the task's business (src/domain/task-runs.ts), not the queue's.
      retryLimit: 0,
      // Long enough for a large import; a holder that dies is noticed sooner by the task lease.
      expireInSeconds: 24 * 3600 - 1,
    });
  }
  return boss;
}

/** Deadlock, unique violation, duplicate table: another instance creating the same queue. */
const CREATION_RACES = new Set(['40P01', '23505', '42P07']);

/**
 * Creates the queue unless it exists. Instances starting together race to create it (pg-boss
 * adds a partition per queue): the losers find it made on a second look.
 */
async function ensureQueue(boss: PgBoss, queue: PgBoss.Queue): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    if (await boss.getQueue(queue.name)) return;
    try {
      await boss.createQueue(queue.name, queue);
      return;
    } catch (error) {
      if (attempt >= 5 || !CREATION_RACES.has((error as { code?: string }).code ?? '')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 100 * attempt));
    }
  }
}

/**
 * The job of one hand-over of a task: a uuid named by the task id and its hand-over count, so
 * handing the same round over twice (the sweep after a lost hand-over) queues one job.
 */
export function jobId(taskId: string, round: number): string {
  const hex = createHash('sha256').update(`${taskId}/${round}`).digest('hex');
  // RFC 9562 version 8 (custom), variant 10.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function queueDispatcher(boss: PgBoss): TaskDispatcher {
  return {
    async dispatch(task) {
      if (!isBackground(task.type)) return;
      // A retry waits out its backoff in the queue.
      const delaySeconds = Math.ceil((task.runAfter.getTime() - Date.now()) / 1000);
      await boss.send(QUEUES[task.type], { taskId: task.id } satisfies JobData, {
        id: jobId(task.id, task.dispatches),
        ...(delaySeconds > 0 && { startAfter: delaySeconds }),
      });
    },
  };
}
