// `npm run worker`: task workers without the API, for scaling them apart from the gateways.
// They share the gateways' database (DATABASE_URL), image store and Redis.
import { type Config, loadConfig } from './config.js';
import { exitOnStartFailure } from './start-failure.js';
import { startWorkerProcess } from './worker-process.js';

let config: Config | undefined;
try {
  config = loadConfig();
  const worker = await startWorkerProcess(config);
  console.log(`Image catalog worker: ${config.tasks.workers} per task type`);

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void worker.stop().then(() => process.exit(0));
    });
  }
} catch (error) {
  exitOnStartFailure(error, { what: 'worker', debug: config?.logLevel === 'debug' || config?.logLevel === 'trace' });
}
