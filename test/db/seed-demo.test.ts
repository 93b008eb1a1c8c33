import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ComputeResource } from '../../src/db/entities/compute-resource.js';
import { ImageMetadata } from '../../src/db/entities/image-metadata.js';
import { Image } from '../../src/db/entities/image.js';
import { Project } from '../../src/db/entities/project.js';
import { Region } from '../../src/db/entities/region.js';
import { type MikroORM, openOrm } from '../../src/db/orm.js';
import { type EmbeddedPostgres, startEmbeddedPostgres } from '../../src/db/pglite.js';
import { seedDemoCatalog } from '../../src/db/seed-demo.js';

describe('seedDemoCatalog', () => {
  let pg: EmbeddedPostgres;
  let orm: MikroORM;
  let firstRun: boolean;

  beforeAll(async () => {
    pg = await startEmbeddedPostgres('memory://');
    orm = await openOrm({ clientUrl: pg.url });
    await orm.getMigrator().up();
    firstRun = await seedDemoCatalog(orm.em.fork());
  }, 60_000);

  afterAll(async () => {
    await orm?.close(true);
    await pg?.stop();
  });

  it('fills an empty database', async () => {
    expect(firstRun).toBe(true);
    const em = orm.em.fork();
    expect(await em.count(Region, {})).toBe(3);
    expect(await em.count(Project, {})).toBe(4);
    expect(await em.count(ComputeResource, {})).toBe(4);
    const images = await em.count(Image, {});
    expect(images).toBeGreaterThanOrEqual(40);
    expect(images).toBeLessThanOrEqual(60);
    expect(await em.count(ImageMetadata, {})).toBeGreaterThanOrEqual(images);
  });

  it('gives every image 1 to 4 metadata items, some read-only on provider images', async () => {
    const em = orm.em.fork();
    const items = await em.find(ImageMetadata, {}, { populate: ['image'] });
    const perImage = new Map<string, number>();
    for (const item of items) perImage.set(item.image.id, (perImage.get(item.image.id) ?? 0) + 1);
    expect(perImage.size).toBe(await em.count(Image, {}));
    for (const count of perImage.values()) expect(count).toBeGreaterThanOrEqual(1);
    for (const count of perImage.values()) expect(count).toBeLessThanOrEqual(4);
    const readOnly = items.filter((item) => item.readOnly);
    expect(readOnly.length).toBeGreaterThan(0);
    expect(readOnly.every((item) => item.image.owner === null)).toBe(true);
  });

  it('does nothing the second time', async () => {
    const before = await orm.em.fork().count(Image, {});
    expect(await seedDemoCatalog(orm.em.fork())).toBe(false);
    const em = orm.em.fork();
    expect(await em.count(Image, {})).toBe(before);
    expect(await em.count(Region, {})).toBe(3);
  });

  it('keeps names unique per owner and region among live images, yet reuses them across owners and regions', async () => {
    const images = await orm.em.fork().find(Image, {}, { orderBy: { createdAt: 'asc' } });
    const live = images.filter((image) => image.deletedAt === null);
    const keys = live.map((image) => `${image.owner?.id ?? 'provider'}/${image.region.id}/${image.name}`);
    expect(new Set(keys).size).toBe(keys.length);
    // Real catalogs repeat names: the same vendor image in several regions and in several projects.
    const byName = new Map<string, Image[]>();
    for (const image of live) byName.set(image.name, [...(byName.get(image.name) ?? []), image]);
    const repeated = [...byName.values()].filter((group) => group.length > 1);
    expect(repeated.some((group) => new Set(group.map((image) => image.owner?.id ?? null)).size > 1)).toBe(true);
    expect(repeated.some((group) => new Set(group.map((image) => image.region.id)).size > 1)).toBe(true);
  });

  it('covers the statuses and visibilities, with soft-deleted images dated', async () => {
    const images = await orm.em.fork().find(Image, {});
    expect(new Set(images.map((image) => image.status)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(images.map((image) => image.visibility)).size).toBeGreaterThanOrEqual(3);
    const deleted = images.filter((image) => image.status === 'DELETED');
    expect(deleted).toHaveLength(2);
    expect(deleted.every((image) => image.deletedAt !== null)).toBe(true);
    expect(images.filter((image) => image.status !== 'DELETED').every((image) => image.deletedAt === null)).toBe(true);
    // Provider-owned images are the public catalog, about a third of the whole.
    const provider = images.filter((image) => image.owner === null);
    expect(provider.every((image) => image.visibility === 'PUBLIC')).toBe(true);
    expect(provider.length / images.length).toBeGreaterThan(0.25);
    expect(provider.length / images.length).toBeLessThan(0.45);
  });

  it('stores plausible bytes: checksums only once the bytes are in, virtual size above size for qcow2', async () => {
    const images = await orm.em.fork().find(Image, {});
    for (const image of images) {
      if (image.status === 'QUEUED') expect(image.size).toBeNull();
      if (image.size === null) continue;
      expect(image.checksum).toMatch(/^[0-9a-f]{32}$/);
      expect(image.hashAlgo).toBe('sha512');
      expect(image.hashValue).toMatch(/^[0-9a-f]{128}$/);
      if (image.diskFormat === 'QCOW2') expect(image.virtualSize!).toBeGreaterThan(image.size!);
    }
    expect(images.every((image) => image.passwordCipher === null)).toBe(true);
    // Creation dates are spread out, so ordering by createdAt means something.
    expect(new Set(images.map((image) => image.createdAt.toISOString().slice(0, 10))).size).toBeGreaterThan(images.length / 2);
    // No row was touched after its insert (an extra UPDATE would stamp updatedAt with the current time).
    expect(images.every((image) => image.updatedAt >= image.createdAt && image.updatedAt < new Date('2026-01-02'))).toBe(true);
  });
});
