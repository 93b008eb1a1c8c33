// A subscription by id sends the image's current state first; an event heard after it that leaves
// the image in the status already sent (a change committed before the subscriber listened,
// delivered late through Redis) tells it nothing, and is not sent. Driven on the stream itself
// with a bus of its own, so the late event can be placed exactly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EventBus, type ImageStatusEvent, createEventBus } from '../../src/events/bus.js';
import { imageStatusChanges } from '../../src/events/streams.js';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { type Catalog, createCatalog, createImages } from '../helpers/fixtures.js';

describe('a subscription by id', () => {
  let t: TestApp;
  let catalog: Catalog;
  let bus: EventBus;

  beforeAll(async () => {
    t = await startTestApp();
    catalog = await createCatalog(t.app);
    bus = await createEventBus({ namespace: 'late-events' });
  });
  afterAll(async () => {
    await bus?.close();
    await t?.close();
  });

  it('sends no event that leaves the image in the status it already sent, and every change after it', async () => {
    const [image] = await createImages(t.app, catalog, 1);
    const ctx = { ...t.app.services, em: t.app.orm.em.fork(), viewer: { kind: 'admin' } as const, events: bus };
    const stream = await imageStatusChanges(ctx, { imageId: image!.id });
    const event = (previousStatus: ImageStatusEvent['previousStatus'], status: ImageStatusEvent['status']): ImageStatusEvent => ({
      imageId: image!.id, ownerId: catalog.project.id, regionId: catalog.region.id, previousStatus, status, at: new Date().toISOString(),
    });
    try {
      expect((await stream.next()).value).toMatchObject({ previousStatus: null, status: 'ACTIVE' });
      // The image's creation, heard after the current state was read.
      bus.publish('imageStatus', event(null, 'ACTIVE'));
      bus.publish('imageStatus', event('ACTIVE', 'DEACTIVATED'));
      bus.publish('imageStatus', event('DEACTIVATED', 'ACTIVE'));
      expect((await stream.next()).value).toMatchObject({ previousStatus: 'ACTIVE', status: 'DEACTIVATED' });
      expect((await stream.next()).value).toMatchObject({ previousStatus: 'DEACTIVATED', status: 'ACTIVE' });
    } finally {
      await stream.return?.();
    }
  });
});
