// Glance's deactivate and reactivate: administrators (or, by setting, the owner) move an image between ACTIVE and
// DEACTIVATED; any other move is refused by the status machine and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Image, type ImageStatus } from '../../src/db/entities/image.js';
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

describe('deactivating and reactivating with IMAGE_DEACTIVATION=owner (Glance 25 default policy)', () => {
  let t: TestApp;
  let catalog: Catalog;
  let tokens: { writer: string; reader: string; stranger: string };

  beforeAll(async () => {
    t = await startTestApp({ IMAGE_DEACTIVATION: 'owner' });
    catalog = await createCatalog(t.app);
    const other = await createCatalog(t.app);
    tokens = {
      writer: await t.tokenFor({ role: 'member', projectId: catalog.project.id }),
      reader: await t.tokenFor({ role: 'member', projectId: catalog.project.id, readOnly: true }),
      stranger: await t.tokenFor({ role: 'member', projectId: other.project.id }),
    };
  });
  afterAll(() => t?.close());

  const call = (token: string, field: 'imageDeactivate' | 'imageReactivate', id: string) =>
    t.as(token).requestRaw(`mutation ($id: ID!) { ${field}(input: { id: $id }) { __typename ... on Error { message } } }`, { id });

  it("lets the owning project's writers deactivate and reactivate its image", async () => {
    const [image] = await createImages(t.app, catalog, 1);
    const id = gid('Image', image!.id);
    expect((await call(tokens.writer, 'imageDeactivate', id)).data!.imageDeactivate.__typename).toBe('ImageDeactivatePayload');
    expect((await t.app.orm.em.fork().findOneOrFail(Image, image!.id)).status).toBe('DEACTIVATED');
    expect((await call(tokens.writer, 'imageReactivate', id)).data!.imageReactivate.__typename).toBe('ImageReactivatePayload');
    expect((await t.app.orm.em.fork().findOneOrFail(Image, image!.id)).status).toBe('ACTIVE');
  });

  it('refuses a read-only member and hides the image from another project, changing nothing', async () => {
    const [image] = await createImages(t.app, catalog, 1);
    const id = gid('Image', image!.id);
    const before = await t.snapshot('image');
    // A read-only token is refused before anything runs, as on every writer's mutation.
    expect((await call(tokens.reader, 'imageDeactivate', id)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await call(tokens.stranger, 'imageDeactivate', id)).data!.imageDeactivate.__typename).toBe('NotFoundError');
    expect(await t.snapshot('image')).toEqual(before);
  });
});
