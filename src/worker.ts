// `npm run worker`: task workers without the API, for scaling them apart from the gateways.
// They share the gateways' database (DATABASE_URL), image store and Redis.
import { describeSetup, runService } from './service.js';
import { startWorkerProcess } from './worker-process.js';
import { logger } from './logger.js';

await runService('worker', async (config) => {
  const worker = await startWorkerProcess(config);
  return { summary: `Image catalog worker: ${describeSetup(config)}`, stop: () => worker.stop() };
});
