import { type Config, loadConfig } from './config.js';
import { buildServer } from './server.js';
import { exitOnStartFailure } from './start-failure.js';

let config: Config | undefined;
try {
  config = loadConfig();
  const app = await buildServer(config);
  const url = await app.start();
  console.log(`Image catalog gateway: GraphQL and GraphiQL at ${url}`);

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void app.stop().then(() => process.exit(0));
    });
  }
} catch (error) {
  exitOnStartFailure(error, { what: 'gateway', debug: config?.logLevel === 'debug' || config?.logLevel === 'trace' });
}
