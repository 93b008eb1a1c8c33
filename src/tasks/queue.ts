// The task queue: pg-boss on the application's own database. It only carries task ids (the
// task row is the truth) and owns delivery, retry with backoff, and spreading work over workers.
import PgBoss from 'pg-boss';
import type { TaskType } from '../db/entities/task.js';
import type { TaskDispatcher } from '../domain/tasks.js';

export const QUEUES: Record<TaskType, string> = {
  CREATE: 'image-create',
  IMPORT: 'image-import',
  REPLICATE: 'image-replicate',
  PURGE: 'image-purge',
};

/** Task types with work to do in the background (a CREATE task is finished when created). */
export const BACKGROUND_TYPES = ['IMPORT', 'REPLICATE', 'PURGE'] as const satisfies readonly TaskType[];
export type BackgroundType = (typeof BACKGROUND_TYPES)[number];

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

/** Sends a task's job, keyed by the task id: sending the same task twice queues it once. */
export function queueDispatcher(boss: PgBoss): TaskDispatcher {
  return {
    async dispatch(task) {
      if (task.type === 'CREATE') return;
      await boss.send(QUEUES[task.type], { taskId: task.id } satisfies JobData, { id: task.id });
    },
  };
}
