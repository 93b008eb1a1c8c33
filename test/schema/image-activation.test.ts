// Glance's deactivate and reactivate: administrators move an image between ACTIVE and
// DEACTIVATED; any other move is refused by the status machine and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImageStatus } from '../../src/db/entities/image.js';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { type Catalog, createCatalog, createImages, gid } from '../helpers/fixtures.js';

describe('deactivating and reactivating an image', () => {
  let t: TestApp;
  let catalog: Catalog;

  beforeAll(async () => {
    t = await startTestApp();
    catalog = await createCatalog(t.app);
  });
  afterAll(() => t?.close());

  async function imageIn(status: ImageStatus) {
    const [image] = await createImages(t.app, catalog, 1);
    await t.app.orm.em.fork().nativeUpdate('Image', { id: image!.id }, { status });
    return gid('Image', image!.id);
  }
  const call = (field: 'imageDeactivate' | 'imageReactivate', id: string) =>
    t.requestRaw(
      `mutation ($id: ID!) { ${field}(input: { id: $id }) { __typename ... on Error { message } ... on InvalidStatusTransitionError { from to } ... on ${field === 'imageDeactivate' ? 'ImageDeactivatePayload' : 'ImageReactivatePayload'} { image { status rowVersion } } } }`,
      { id },
    );

  it('takes an ACTIVE image to DEACTIVATED and back', async () => {
    const id = await imageIn('ACTIVE');
    const off = await call('imageDeactivate', id);
    expect(off.data!.imageDeactivate).toMatchObject({ __typename: 'ImageDeactivatePayload', image: { status: 'DEACTIVATED' } });
    const on = await call('imageReactivate', id);
    expect(on.data!.imageReactivate).toMatchObject({ __typename: 'ImageReactivatePayload', image: { status: 'ACTIVE' } });
  });

  it('changes nothing when the image already has the status asked for', async () => {
    const id = await imageIn('DEACTIVATED');
    const before = await t.snapshot('image');
    const again = await call('imageDeactivate', id);
    expect(again.data!.imageDeactivate.__typename).toBe('ImageDeactivatePayload');
    expect(await t.snapshot('image')).toEqual(before);
  });

  it.each([
    ['imageDeactivate', 'QUEUED'],
    ['imageDeactivate', 'KILLED'],
    ['imageReactivate', 'QUEUED'],
    ['imageReactivate', 'SAVING'],
    ['imageReactivate', 'PENDING_DELETE'],
  ] as const)('refuses %s of a %s image with InvalidStatusTransitionError, changing nothing', async (field, status) => {
    const id = await imageIn(status);
    const before = await t.snapshot('image');
    const result = await call(field, id);
    expect(result.data![field]).toMatchObject({ __typename: 'InvalidStatusTransitionError', from: status });
    expect(await t.snapshot('image')).toEqual(before);
  });

  it('answers NotFoundError for an unknown or deleted image', async () => {
    const result = await call('imageDeactivate', gid('Image', '00000000-0000-7000-8000-000000000000'));
    expect(result.data!.imageDeactivate.__typename).toBe('NotFoundError');
  });
});
