import { loadConfig } from './config.js';
import { buildServer } from './server.js';
import { logger } from './logger.js';

const app = await buildServer(loadConfig());
const url = await app.start();
// Scripts find the URL in this line with /GraphQL and GraphiQL at ([^\s"]+)/.
logger.info({ url }, `Image catalog gateway: GraphQL and GraphiQL at ${url}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void app.stop().then(() => process.exit(0));
  });
}
