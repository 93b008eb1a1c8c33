// The queue and, unless WORKERS=0, this process's workers: what the server and `npm run worker` start.
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../config.js';
import type { TaskDispatcher } from '../domain/tasks.js';
import type { ImageStore } from '../store/image-store.js';
import { importImage } from './import.js';
import { purgeImage } from './purge.js';
import { QUEUES, openQueue, queueDispatcher } from './queue.js';
import { replicateImage } from './replicate.js';
import { type TaskObserver, startWorkers } from './workers.js';

export interface TaskRuntime {
  dispatcher: TaskDispatcher;
  /** Whether the queue answers: pg-boss runs and reaches its tables. */
  ready(): Promise<boolean>;
  stop(): Promise<void>;
}

export async function startTaskRuntime(options: {
  config: Config;
  orm: MikroORM;
  store: ImageStore;
  clientUrl: string;
  embedded: boolean;
  /** Told how each task attempt of this process's workers ended. */
  observer?: TaskObserver;
}): Promise<TaskRuntime> {
  const { config, orm, store } = options;
  const runsWorkers = config.tasks.workers > 0;
  const boss = await openQueue({ connectionString: options.clientUrl, poolSize: options.embedded ? 2 : 4, supervise: runsWorkers });
  const dispatcher = queueDispatcher(boss);
  const workers = runsWorkers
    ? await startWorkers({
        orm,
        boss,
        dispatcher,
        store,
        rules: {
          leaseMs: config.tasks.leaseSeconds * 1000,
          maxAttempts: config.tasks.maxAttempts,
          retryDelaySeconds: config.tasks.retryDelaySeconds,
        },
        concurrency: config.tasks.workers,
        observer: options.observer,
        handlers: {
          IMPORT: importImage({ policy: config.imports.policy, maxBytes: config.imageMaxBytes }),
          REPLICATE: replicateImage({ maxBytes: config.imageMaxBytes }),
          PURGE: purgeImage,
        },
      })
    : undefined;
  return {
    dispatcher,
    ready: async () => (await boss.getQueue(QUEUES.IMPORT)) !== null,
    async stop() {
      // Workers first, so no job is taken while the queue closes; their running tasks are back
      // in the queue by then, so the queue has little to wait for (the whole stop has 10 s).
      await workers?.stop();
      await boss.stop({ graceful: true, wait: true, timeout: 2_000 });
    },
  };
}
