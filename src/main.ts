import { createListener } from './http/listener.js';
import { describeLimits, describeSetup, runService } from './service.js';

await runService('gateway', async (config) => {
  // Bound before anything slow (loading the schema, migrations, seeding): a port in use is
  // found at once, and requests meanwhile get 503 {"status":"starting"}.
  const listener = createListener(config.host, config.port);
  await listener.listen();
  const { buildServer } = await import('./server.js');
  const app = await buildServer(config, { listener });
  const url = await app.start();
  return {
    summary: `Image catalog gateway: GraphQL and GraphiQL at ${url} | ${describeSetup(config)} | ${describeLimits(config)}`,
    stop: () => app.stop(),
  };
});
