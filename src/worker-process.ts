// The worker process's parts: the database, the image store, the task runtime and the events
// its changes publish; no HTTP.
import { type Config, ConfigError, eventsRedisUrl, isMemoryDir } from './config.js';
import { migrate } from './db/migrate.js';
import { openOrm } from './db/orm.js';
import { eventNamespace } from './events/bus.js';
import { publishOrmEvents } from './events/orm-publisher.js';
import { startParts } from './lifecycle.js';
import { logger } from './logger.js';
import { openFileImageStore } from './store/image-store.js';
import { startTaskRuntime } from './jobs/runtime.js';

export async function startWorkerProcess(config: Config): Promise<{ stop(): Promise<void> }> {
  const problems = [
    !config.databaseUrl && 'DATABASE_URL: a worker process needs the database the gateways use',
    config.tasks.workers === 0 && 'WORKERS: a worker process needs at least one worker',
    // A worker's files must be where the gateways serve them from, and outlive the process.
    !config.imageStoreDir && isMemoryDir(config.dataDir) &&
      'IMAGE_STORE_DIR: a worker process with DATA_DIR=memory:// needs the image store the gateways share',
  ].filter((problem) => typeof problem === 'string');
  if (problems.length || !config.databaseUrl) throw new ConfigError(problems);
  if (!eventsRedisUrl(config)) logger.warn('REDIS_URL is not set: subscribers of the gateways will not see the changes this worker makes');
  const clientUrl = config.databaseUrl;
  return startParts(async (parts) => {
    const orm = parts.push('the database connections', await openOrm({ clientUrl, debug: config.logSql, createDatabase: config.databaseCreate }), (o) => o.close());
    await migrate(orm, { embedded: false });
    // Registered before any transaction, so that every change is published once committed.
    parts.push('live events', await publishOrmEvents(orm, { redisUrl: eventsRedisUrl(config), namespace: eventNamespace(clientUrl) }), (bus) => bus.close());
    const store = parts.push('the image store', await openFileImageStore(config), (s) => s.stop());
    parts.push('the task runtime', await startTaskRuntime({ config, orm, store, clientUrl, embedded: false }), (t) => t.stop());
    return {};
  });
}
