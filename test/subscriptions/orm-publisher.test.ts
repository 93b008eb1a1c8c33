// The ORM publisher announces image status and task changes only once their transaction has
// committed, whether the change ran in em.transactional or in a plain flush, and never on rollback.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Image } from '../../src/db/entities/image.js';
import { Region } from '../../src/db/entities/region.js';
import { Task } from '../../src/db/entities/task.js';
import type { EventTopics, Topic } from '../../src/events/bus.js';
import { ormEventPublisher } from '../../src/events/orm-publisher.js';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { type Catalog, createCatalog, createImages } from '../helpers/fixtures.js';

describe('the ORM publisher', () => {
  let t: TestApp;
  let catalog: Catalog;
  const published: [Topic, EventTopics[Topic]][] = [];

  beforeAll(async () => {
    t = await startTestApp({ WORKERS: '0' });
    catalog = await createCatalog(t.app);
    t.app.orm.em.getEventManager().registerSubscriber(ormEventPublisher({ publish: (topic, event) => void published.push([topic, event]) }));
  });
  afterAll(() => t?.close());

  /** An ACTIVE image, and nothing published yet. */
  async function anImage() {
    const [image] = await createImages(t.app, catalog, 1);
    published.length = 0;
    return image!;
  }
  const load = (em: ReturnType<TestApp['app']['orm']['em']['fork']>, id: string) => em.findOneOrFail(Image, { id });

  it('publishes a status change made in em.transactional after the commit, not before', async () => {
    const { id } = await anImage();
    await t.app.orm.em.fork().transactional(async (tx) => {
      (await load(tx, id)).status = 'DEACTIVATED';
      await tx.flush();
      expect(published).toEqual([]);
    });
    expect(published).toEqual([
      ['imageStatus', { imageId: id, ownerId: catalog.project.id, regionId: catalog.region.id, previousStatus: 'ACTIVE', status: 'DEACTIVATED', at: expect.any(String) }],
    ]);
  });

  it('publishes each flush of a transaction in order', async () => {
    const { id } = await anImage();
    await t.app.orm.em.fork().transactional(async (tx) => {
      const image = await load(tx, id);
      image.status = 'DEACTIVATED';
      await tx.flush();
      image.status = 'ACTIVE';
    });
    expect(published.map(([, event]) => [(event as EventTopics['imageStatus']).previousStatus, (event as EventTopics['imageStatus']).status])).toEqual([
      ['ACTIVE', 'DEACTIVATED'],
      ['DEACTIVATED', 'ACTIVE'],
    ]);
  });

  it('publishes nothing when the transaction rolls back', async () => {
    const { id } = await anImage();
    await expect(
      t.app.orm.em.fork().transactional(async (tx) => {
        (await load(tx, id)).status = 'DEACTIVATED';
        await tx.flush();
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(published).toEqual([]);
  });

  it('publishes a plain flush once its own transaction commits, and nothing when it fails', async () => {
    const { id } = await anImage();
    const em = t.app.orm.em.fork();
    (await load(em, id)).status = 'DEACTIVATED';
    await em.flush();
    expect(published).toMatchObject([['imageStatus', { imageId: id, previousStatus: 'ACTIVE', status: 'DEACTIVATED' }]]);

    published.length = 0;
    const failing = t.app.orm.em.fork();
    (await load(failing, id)).status = 'ACTIVE';
    failing.create(Region, { slug: catalog.region.slug, name: 'a duplicate slug fails the flush' });
    await expect(failing.flush()).rejects.toThrow();
    expect(published).toEqual([]);
  });

  it('announces a new image, and ignores changes that leave the status alone', async () => {
    const { id } = await anImage();
    const em = t.app.orm.em.fork();
    (await load(em, id)).name = 'renamed';
    await em.flush();
    expect(published).toEqual([]);
    await createImages(t.app, catalog, 1);
    expect(published).toMatchObject([['imageStatus', { previousStatus: null, status: 'ACTIVE' }]]);
  });

  it('publishes task creation and changes of state or progress, not heartbeats', async () => {
    const image = await anImage();
    const em = t.app.orm.em.fork();
    const task = em.create(Task, { type: 'IMPORT', image: image.id, project: catalog.project.id } as never);
    await em.flush();
    task.heartbeatAt = new Date();
    await em.flush();
    task.progress = 40;
    await em.flush();
    Object.assign(task, { state: 'FINISHED', progress: 100 });
    await em.flush();
    expect(published.map(([topic, event]) => [topic, (event as EventTopics['task']).state, (event as EventTopics['task']).progress])).toEqual([
      ['task', 'NEW', 0],
      ['task', 'NEW', 40],
      ['task', 'FINISHED', 100],
    ]);
    expect(published[0]![1]).toMatchObject({ taskId: task.id, imageId: image.id, projectId: catalog.project.id });
  });
});
