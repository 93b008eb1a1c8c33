// `npm run worker`: task workers without the API, for scaling them apart from the gateways.
// They share the gateways' database (DATABASE_URL), image store and Redis.
import { loadConfig } from './config.js';
import { startWorkerProcess } from './worker-process.js';
import { logger } from './logger.js';

const config = loadConfig();
const worker = await startWorkerProcess(config);
logger.info(`Image catalog worker: ${config.tasks.workers} per task type`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void worker.stop().then(() => process.exit(0));
  });
}
