// The worker process's parts: the database, the image store, the task runtime and the events
// its changes publish; no HTTP.
import { type Config, isMemoryDir } from './config.js';
import { migrate } from './db/migrate.js';
import { openOrm } from './db/orm.js';
import { eventNamespace } from './events/bus.js';
import { publishOrmEvents } from './events/orm-publisher.js';
import { openFileImageStore } from './store/image-store.js';
import { startTaskRuntime } from './jobs/runtime.js';
import { logger } from './logger.js';

export async function startWorkerProcess(config: Config): Promise<{ stop(): Promise<void> }> {
  if (!config.databaseUrl) throw new Error('Invalid configuration:\n  DATABASE_URL: a worker process needs the database the gateways use');
  if (config.tasks.workers === 0) throw new Error('Invalid configuration:\n  WORKERS: a worker process needs at least one worker');
  // A worker's files must be where the gateways serve them from, and outlive the process.
  if (!config.imageStoreDir && isMemoryDir(config.dataDir)) {
    throw new Error('Invalid configuration:\n  IMAGE_STORE_DIR: a worker process with DATA_DIR=memory:// needs the image store the gateways share');
  }
  if (!config.redisUrl) logger.warn('REDIS_URL is not set: subscribers of the gateways will not see the changes this worker makes');
  const orm = await openOrm({ clientUrl: config.databaseUrl, debug: config.logSql });
  await migrate(orm, { embedded: false });
  // Registered before any transaction, so that every change is published once committed.
  const events = await publishOrmEvents(orm, { redisUrl: config.redisUrl, namespace: eventNamespace(config.databaseUrl) });
  const store = await openFileImageStore(config);
  const tasks = await startTaskRuntime({ config, orm, store, clientUrl: config.databaseUrl, embedded: false });
  return {
    async stop() {
      await tasks.stop();
      await events.close();
      await orm.close();
      await store.stop();
    },
  };
}
