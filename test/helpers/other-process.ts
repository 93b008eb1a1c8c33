// Another process on the test app's database and Redis (as the token command or a worker is): its
// own ORM, whose committed changes it announces on its own event bus.
import type { MikroORM } from '@mikro-orm/postgresql';
import { openOrm } from '../../src/db/orm.js';
import { type EventBus, eventNamespace } from '../../src/events/bus.js';
import { publishOrmEvents } from '../../src/events/orm-publisher.js';
import type { TestApp } from './app.js';

export interface OtherProcess {
  orm: MikroORM;
  close(): Promise<void>;
}

export async function otherProcess(t: TestApp, redisUrl: string): Promise<OtherProcess> {
  const url = t.app.orm.config.get('clientUrl')!;
  const orm = await openOrm({ clientUrl: url, poolSize: 1 });
  let bus: EventBus;
  try {
    bus = await publishOrmEvents(orm, { redisUrl, namespace: eventNamespace(url) });
  } catch (error) {
    await orm.close();
    throw error;
  }
  return {
    orm,
    async close() {
      await bus.close();
      await orm.close();
    },
  };
}
