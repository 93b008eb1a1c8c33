import { loadConfig } from './config.js';
import { buildServer } from './server.js';

const app = await buildServer(loadConfig());
const url = await app.start();
console.log(`Image catalog gateway: GraphQL and GraphiQL at ${url}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void app.stop().then(() => process.exit(0));
  });
}
