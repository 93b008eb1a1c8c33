// Rows straight from the query builder: a nested join needs its parent, a missing relation is
// null, bigint columns are numbers and timestamps Dates, as an entity would have them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Image } from '../../src/db/entities/image.js';
import { findRows } from '../../src/domain/rows.js';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { createCatalog, createImages } from '../helpers/fixtures.js';

describe('findRows', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await createImages(t.app, await createCatalog(t.app), 2);
  });
  afterAll(() => t?.close());

  it('refuses a nested join whose parent is not joined before it', async () => {
    await expect(findRows<Image>(t.app.orm.em.fork(), 'Image', { where: {}, join: ['computeResource.region'] })).rejects.toThrow(
      'findRows: join computeResource before computeResource.region',
    );
  });

  it('maps columns to properties: joined rows nested, other relations as ids, bigint as numbers, timestamps as Dates', async () => {
    const em = t.app.orm.em.fork();
    const [row] = await findRows<Image>(em, 'Image', { where: {}, join: ['region', 'owner'], limit: 1, orderBy: [{ id: 'ASC' }] });
    const entity = await em.findOneOrFail('Image', { id: row!.id }) as Image;
    expect(row!.createdAt).toBeInstanceOf(Date);
    expect(row!.createdAt.getTime()).toBe(entity.createdAt.getTime());
    expect(row!.size).toBe(entity.size);
    expect(typeof row!.region === 'object' && row!.region.id).toBe(entity.region.id);
    expect(typeof row!.region === 'object' && typeof row!.region.slug).toBe('string');
    expect(row!.owner === null || typeof row!.owner === 'object').toBe(true);
    expect(row!.operatingSystem ?? null).toBe(entity.operatingSystem?.id ?? null);
  });
});
