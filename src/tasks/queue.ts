// The task queue: pg-boss on the application's own database. It only carries task ids (the
// task row is the truth) and owns delivery, retry with backoff, and spreading work over workers.
import PgBoss from 'pg-boss';
import type { TaskType } from '../db/entities/task.js';
import type { TaskDispatcher } from '../domain/tasks.js';

/** Task types with work to do in the background (CREATE has none; UPLOAD runs in its request). */
export const BACKGROUND_TYPES = ['IMPORT', 'REPLICATE', 'PURGE'] as const satisfies readonly TaskType[];
export type BackgroundType = (typeof BACKGROUND_TYPES)[number];
const isBackground = (type: TaskType): type is BackgroundType => (BACKGROUND_TYPES as readonly TaskType[]).includes(type);

export const QUEUES: Record<BackgroundType, string> = {
  IMPORT: 'image-import',
  REPLICATE: 'image-replicate',
  PURGE: 'image-purge',
};

export interface QueueOptions {
  connectionString: string;
  /** Connections pg-boss may hold. */
  poolSize: number;
  /** How many times pg-boss re-delivers a failed job; the task's own attempt limit is the rule. */
  retryLimit: number;
  retryDelaySeconds: number;
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
  boss.on('error', (error) => console.error('Task queue:', error));
  await boss.start();
  for (const type of BACKGROUND_TYPES) {
    await boss.createQueue(QUEUES[type], {
      name: QUEUES[type],
      retryLimit: options.retryLimit,
      retryDelay: options.retryDelaySeconds,
      retryBackoff: true,
      // Long enough for a large import; a worker that dies is noticed sooner by the task lease.
      expireInSeconds: 24 * 3600 - 1,
    });
  }
  return boss;
}

/**
 * Sends a task's job, keyed by the task id: sending the same task twice queues it once. The job
 * carries this instance's retry policy (a queue keeps the settings it was created with).
 */
export function queueDispatcher(boss: PgBoss, retry: Pick<QueueOptions, 'retryLimit' | 'retryDelaySeconds'>): TaskDispatcher {
  return {
    async dispatch(task) {
      if (!isBackground(task.type)) return;
      await boss.send(QUEUES[task.type], { taskId: task.id } satisfies JobData, {
        id: task.id,
        retryLimit: retry.retryLimit,
        retryDelay: retry.retryDelaySeconds,
        retryBackoff: true,
      });
    },
  };
}
