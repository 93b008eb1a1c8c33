// Liveness and readiness, outside GraphQL so load balancers need no query.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MikroORM } from '@mikro-orm/postgresql';

export function healthHandler(orm: MikroORM) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const path = req.url?.split('?')[0];
    if (path === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      return true;
    }
    if (path === '/readyz') {
      // Ready means the database answers.
      const ready = await orm.em.getConnection().isConnected().catch(() => false);
      res
        .writeHead(ready ? 200 : 503, { 'content-type': 'application/json' })
        .end(JSON.stringify({ status: ready ? 'ready' : 'database unavailable' }));
      return true;
    }
    return false;
  };
}
