// Liveness and readiness, outside GraphQL so load balancers need no query. Live: the process
// answers. Ready: each of its dependencies does (the database, Redis when configured, the task
// queue); a failing one turns /readyz 503 and names itself, and the answer comes back 200 once
// it recovers, without a restart. The checks run at most once a second, however often asked.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { recent } from './recent.js';

/** Whether a dependency is usable now; a throw or a hang past CHECK_TIMEOUT_MS counts as no. */
export type ReadinessCheck = () => boolean | Promise<boolean>;

export interface ReadinessChecks {
  database: ReadinessCheck;
  queue: ReadinessCheck;
  /** Undefined: no Redis is configured. */
  redis?: ReadinessCheck | undefined;
}

const CHECK_TIMEOUT_MS = 2000;

type CheckResult = 'ok' | 'failing' | 'not configured';

export function healthHandler(checks: ReadinessChecks) {
  const readiness = recent(async (): Promise<Record<string, CheckResult>> => {
    const [database, redis, queue] = await Promise.all([
      run(checks.database),
      checks.redis ? run(checks.redis) : ('not configured' as const),
      run(checks.queue),
    ]);
    return { database, redis, queue };
  });
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const path = req.url?.split('?')[0];
    if (path === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      return true;
    }
    if (path === '/readyz') {
      const results = await readiness();
      const ready = Object.values(results).every((result) => result !== 'failing');
      res
        .writeHead(ready ? 200 : 503, { 'content-type': 'application/json' })
        .end(JSON.stringify({ status: ready ? 'ready' : 'unavailable', checks: results }));
      return true;
    }
    return false;
  };
}

async function run(check: ReadinessCheck): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), CHECK_TIMEOUT_MS);
  });
  try {
    return (await Promise.race([Promise.resolve().then(check), timeout])) ? 'ok' : 'failing';
  } catch {
    return 'failing';
  } finally {
    clearTimeout(timer);
  }
}
