// `not` keeps the images whose field is not set, exactly as the negated operators do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Architecture } from '../../src/db/entities/architecture.js';
import { Image } from '../../src/db/entities/image.js';
import { Region } from '../../src/db/entities/region.js';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { unique } from '../helpers/fixtures.js';

describe('negated searches', () => {
  let t: TestApp;
  let arch: string;

  beforeAll(async () => {
    t = await startTestApp();
    const em = t.app.orm.em.fork();
    const region = em.create(Region, { slug: unique('r'), name: 'Region' });
    const architecture = em.create(Architecture, { name: unique('arm') });
    arch = architecture.name;
    em.create(Image, { name: 'with-arch', region, architecture, username: 'root' } as never);
    em.create(Image, { name: 'without-arch', region, architecture: null, username: null } as never);
    await em.flush();
  });
  afterAll(() => t?.close());

  const names = async (search: string) => {
    const result = await t.requestRaw('query ($search: String) { images(first: 10, search: $search) { edges { node { name } } } }', { search });
    expect(result.errors).toBeUndefined();
    return (result.data!.images.edges as { node: { name: string } }[]).map((edge) => edge.node.name).sort();
  };

  it.each([
    ['not architecture = {arch}', 'architecture != {arch}', ['without-arch']],
    ['not architecture ~ arm', 'architecture !~ arm', ['without-arch']],
    ['not architecture != {arch}', 'architecture = {arch}', ['with-arch']],
    ['not username ^ (root)', 'username !^ (root)', ['without-arch']],
    ['not set? username', 'null? username', ['without-arch']],
    ['not (name = with-arch and username = root)', 'name != with-arch or username != root', ['without-arch']],
    ['not not name = with-arch', 'name = with-arch', ['with-arch']],
    ['not username > a', 'username <= a or null? username', ['without-arch']],
  ])('%s finds what %s finds', async (negated, equivalent, expected) => {
    const fill = (search: string) => search.replaceAll('{arch}', arch);
    expect(await names(fill(negated))).toEqual(expected);
    expect(await names(fill(equivalent))).toEqual(expected);
  });
});
