// The visibility rule (README, "Who sees which images"), clause by clause, for every kind of caller: one catalog
// that exercises each clause, and for each principal what `images`, `totalCount`, `image`,
// `node`/`nodes`, `imageByName` and a nested connection answer.
import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImageMember } from '../../src/db/entities/image-member.js';
import { Image } from '../../src/db/entities/image.js';
import { Project } from '../../src/db/entities/project.js';
import { Region } from '../../src/db/entities/region.js';
import { Reseller } from '../../src/db/entities/reseller.js';
import { SharedImage } from '../../src/db/entities/shared-image.js';
import { type Caller, type TestApp, startTestApp } from '../helpers/app.js';

type Principal = 'admin' | 'reseller' | 'p1' | 'p1ReadOnly' | 'p2' | 'p3' | 'p4';
const PRINCIPALS: Principal[] = ['admin', 'reseller', 'p1', 'p1ReadOnly', 'p2', 'p3', 'p4'];

// Regions G1 and G2; reseller R with clients P1 and P2; P3 and P4 on their own.
// Rows: P1 in G1 [pub-a]; R in G1 [pub-b, p1-client-shared]; R in G2 []; P3 in G1 null; P4 in G1 [].
const IMAGES = {
  'p1-private': { owner: 'P1', visibility: 'PRIVATE', region: 'G1' },
  'p1-client-shared': { owner: 'P1', visibility: 'PRIVATE', region: 'G1' },
  'pub-a': { owner: null, visibility: 'PUBLIC', region: 'G1' },
  'pub-b': { owner: null, visibility: 'PUBLIC', region: 'G1' },
  'pub-c': { owner: null, visibility: 'PUBLIC', region: 'G1' },
  'pub-g2': { owner: null, visibility: 'PUBLIC', region: 'G2' },
  'p3-shared': { owner: 'P3', visibility: 'SHARED', region: 'G1' },
  'p3-community': { owner: 'P3', visibility: 'COMMUNITY', region: 'G1' },
  'p3-private': { owner: 'P3', visibility: 'PRIVATE', region: 'G1' },
  'pub-hidden': { owner: null, visibility: 'PUBLIC', region: 'G1', hidden: true },
  'pub-deleted': { owner: null, visibility: 'PUBLIC', region: 'G1', deleted: true },
  'dup@p1': { owner: 'P1', visibility: 'PRIVATE', region: 'G1', name: 'dup' },
  'dup@p3': { owner: 'P3', visibility: 'PRIVATE', region: 'G1', name: 'dup' },
  'dup@public': { owner: null, visibility: 'PUBLIC', region: 'G1', name: 'dup' },
} as const;
type Key = keyof typeof IMAGES;

/** What each principal lists by default. */
const LISTED: Record<Principal, Key[]> = {
  admin: ['p1-private', 'p1-client-shared', 'pub-a', 'pub-b', 'pub-c', 'pub-g2', 'p3-shared', 'p3-community', 'p3-private', 'dup@p1', 'dup@p3', 'dup@public'],
  // Its clients' images, and public images as its own rows narrow them.
  reseller: ['p1-private', 'p1-client-shared', 'pub-b', 'dup@p1'],
  // Own; public narrowed by its project row in G1 and the reseller's [] in G2; P3's image is only PENDING.
  p1: ['p1-private', 'p1-client-shared', 'pub-a', 'dup@p1'],
  p1ReadOnly: ['p1-private', 'p1-client-shared', 'pub-a', 'dup@p1'],
  // No row of its own: the reseller's rows, which also grant P1's image they name.
  p2: ['p1-client-shared', 'pub-b'],
  // Own; every public image (null in G1, no row in G2).
  p3: ['pub-a', 'pub-b', 'pub-c', 'pub-g2', 'p3-shared', 'p3-community', 'p3-private', 'dup@p3', 'dup@public'],
  // [] in G1, nothing in G2; P3's SHARED image it ACCEPTED.
  p4: ['pub-g2', 'p3-shared'],
};

/** What each principal can read by id: listed, plus memberships in any status, community, hidden. */
const READABLE: Record<Principal, Key[]> = {
  admin: [...LISTED.admin, 'pub-hidden'],
  reseller: [...LISTED.reseller, 'p3-community'],
  p1: [...LISTED.p1, 'p3-shared', 'p3-community'],
  p1ReadOnly: [...LISTED.p1ReadOnly, 'p3-shared', 'p3-community'],
  p2: [...LISTED.p2, 'p3-shared', 'p3-community'],
  p3: [...LISTED.p3, 'pub-hidden'],
  p4: [...LISTED.p4, 'p3-community'],
};

const FILTERED: Record<string, { filter: Record<string, unknown>; expected: Record<Principal, Key[]> }> = {
  'community only on request': {
    filter: { visibility: ['COMMUNITY'] },
    expected: { admin: ['p3-community'], reseller: ['p3-community'], p1: ['p3-community'], p1ReadOnly: ['p3-community'], p2: ['p3-community'], p3: ['p3-community'], p4: ['p3-community'] },
  },
  'hidden only on request': {
    filter: { hidden: true },
    expected: { admin: ['pub-hidden'], reseller: [], p1: [], p1ReadOnly: [], p2: [], p3: ['pub-hidden'], p4: [] },
  },
  'pending memberships': {
    filter: { memberStatus: 'PENDING' },
    // The reseller's client P1 is a member, but the image is P3's: not the reseller's to see.
    expected: { admin: ['p3-shared'], reseller: [], p1: ['p3-shared'], p1ReadOnly: ['p3-shared'], p2: [], p3: [], p4: [] },
  },
  'rejected memberships': {
    filter: { memberStatus: 'REJECTED' },
    expected: { admin: ['p3-shared'], reseller: [], p1: [], p1ReadOnly: [], p2: ['p3-shared'], p3: [], p4: [] },
  },
  'accepted memberships': {
    filter: { memberStatus: 'ACCEPTED' },
    expected: { admin: ['p3-shared'], reseller: [], p1: [], p1ReadOnly: [], p2: [], p3: [], p4: ['p3-shared'] },
  },
  'deleted images on request': {
    filter: { status: ['DELETED'] },
    expected: { admin: ['pub-deleted'], reseller: [], p1: [], p1ReadOnly: [], p2: [], p3: ['pub-deleted'], p4: [] },
  },
};

const BY_NAME_DUP: Record<Principal, Key | 'ambiguous' | null> = {
  admin: 'ambiguous',
  reseller: 'dup@p1',
  // Its own first, though it may see others of that name.
  p1: 'dup@p1',
  p1ReadOnly: 'dup@p1',
  p2: null,
  p3: 'dup@p3',
  p4: null,
};

describe('the visibility rule', () => {
  let t: TestApp;
  const ids = {} as Record<Key, string>;
  const byId = new Map<string, Key>();
  const callers = {} as Record<Principal, Caller>;
  let g1: string;

  beforeAll(async () => {
    t = await startTestApp();
    const em = t.app.orm.em.fork();
    const regions = { G1: em.create(Region, { slug: 'vis-g1', name: 'G1' }), G2: em.create(Region, { slug: 'vis-g2', name: 'G2' }) };
    const reseller = em.create(Reseller, { name: 'vis-reseller' });
    const projects = {
      P1: em.create(Project, { name: 'vis-p1', reseller }),
      P2: em.create(Project, { name: 'vis-p2', reseller }),
      P3: em.create(Project, { name: 'vis-p3', reseller: null }),
      P4: em.create(Project, { name: 'vis-p4', reseller: null }),
    };
    const images = {} as Record<Key, Image>;
    for (const [key, spec] of Object.entries(IMAGES) as [Key, (typeof IMAGES)[Key]][]) {
      const deleted = 'deleted' in spec && spec.deleted;
      images[key] = em.create(Image, {
        name: 'name' in spec ? spec.name : key,
        owner: spec.owner ? projects[spec.owner] : null,
        region: regions[spec.region],
        visibility: spec.visibility,
        hidden: 'hidden' in spec && spec.hidden,
        status: deleted ? 'DELETED' : 'ACTIVE',
        deletedAt: deleted ? new Date() : null,
      } as never);
    }
    em.create(ImageMember, { image: images['p3-shared'], project: projects.P4, status: 'ACCEPTED' });
    em.create(ImageMember, { image: images['p3-shared'], project: projects.P1, status: 'PENDING' });
    em.create(ImageMember, { image: images['p3-shared'], project: projects.P2, status: 'REJECTED' });
    await em.flush();
    em.create(SharedImage, { project: projects.P1, reseller: null, region: regions.G1, imageIds: [images['pub-a'].id] });
    em.create(SharedImage, { project: null, reseller, region: regions.G1, imageIds: [images['pub-b'].id, images['p1-client-shared'].id] });
    em.create(SharedImage, { project: null, reseller, region: regions.G2, imageIds: [] });
    em.create(SharedImage, { project: projects.P3, reseller: null, region: regions.G1, imageIds: null });
    em.create(SharedImage, { project: projects.P4, reseller: null, region: regions.G1, imageIds: [] });
    await em.flush();

    for (const key of Object.keys(images) as Key[]) {
      ids[key] = encodeGlobalID('Image', images[key].id);
      byId.set(ids[key], key);
    }
    g1 = encodeGlobalID('Region', regions.G1.id);
    callers.admin = t;
    callers.reseller = t.as(await t.tokenFor({ role: 'reseller', resellerId: reseller.id }));
    callers.p1 = t.as(await t.tokenFor({ role: 'member', projectId: projects.P1.id }));
    callers.p1ReadOnly = t.as(await t.tokenFor({ role: 'member', projectId: projects.P1.id, readOnly: true }));
    callers.p2 = t.as(await t.tokenFor({ role: 'member', projectId: projects.P2.id }));
    callers.p3 = t.as(await t.tokenFor({ role: 'member', projectId: projects.P3.id }));
    callers.p4 = t.as(await t.tokenFor({ role: 'member', projectId: projects.P4.id }));
  });
  afterAll(() => t?.close());

  const keysOf = (edges: { node: { id: string } }[]) => edges.map((edge) => byId.get(edge.node.id)).sort();

  async function listed(principal: Principal, filter: Record<string, unknown> = {}) {
    const result = await callers[principal].requestRaw(
      'query ($filter: ImageFilter) { images(first: 100, filter: $filter) { totalCount edges { node { id } } } }',
      { filter },
    );
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    const connection = result.data!.images;
    expect(connection.totalCount).toBe(connection.edges.length);
    return keysOf(connection.edges);
  }

  for (const principal of PRINCIPALS) {
    describe(`as ${principal}`, () => {
      it('lists exactly the images the rule gives, with a matching totalCount', async () => {
        expect(await listed(principal)).toEqual([...LISTED[principal]].sort());
      });

      for (const [name, { filter, expected }] of Object.entries(FILTERED)) {
        it(`lists ${name}`, async () => {
          expect(await listed(principal, filter)).toEqual([...expected[principal]].sort());
        });
      }

      it('reads by id exactly what it may see; the rest is not found, never forbidden', async () => {
        const all = Object.keys(ids) as Key[];
        const result = await callers[principal].requestRaw('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', {
          ids: all.map((key) => ids[key]),
        });
        expect(result.errors).toBeUndefined();
        const readable = new Set(READABLE[principal]);
        (result.data!.nodes as ({ id: string } | null)[]).forEach((node, index) => {
          const key = all[index]!;
          expect(node?.id ?? null, `${principal} reading ${key}`).toBe(readable.has(key) ? ids[key] : null);
        });
        for (const key of ['p3-private', 'pub-c', 'pub-deleted'] as Key[]) {
          const single = await callers[principal].requestRaw('query ($id: ID!) { image(id: $id) { id } node(id: $id) { id } }', { id: ids[key] });
          expect(single.errors).toBeUndefined();
          const visible = readable.has(key);
          expect(single.data).toEqual({ image: visible ? { id: ids[key] } : null, node: visible ? { id: ids[key] } : null });
        }
      });

      it('finds a name its own first, and calls a name several others share ambiguous', async () => {
        const result = await callers[principal].requestRaw('query ($region: ID!) { imageByName(regionId: $region, name: "dup") { id } }', {
          region: g1,
        });
        const expected = BY_NAME_DUP[principal];
        if (expected === 'ambiguous') {
          expect(result.errors?.[0]?.extensions?.code).toBe('AMBIGUOUS_NAME');
          expect((result.errors![0]!.extensions!.imageIds as string[]).sort()).toEqual([ids['dup@p1'], ids['dup@p3'], ids['dup@public']].sort());
        } else {
          expect(result.errors).toBeUndefined();
          expect(result.data!.imageByName).toEqual(expected ? { id: ids[expected] } : null);
        }
      });

      it("lists a region's nested images by the same rule", async () => {
        const result = await callers[principal].requestRaw(
          'query ($id: ID!) { node(id: $id) { ... on Region { images(first: 100) { totalCount edges { node { id } } } } } }',
          { id: g1 },
        );
        expect(result.errors).toBeUndefined();
        const images = result.data!.node.images;
        const expected = LISTED[principal].filter((key) => IMAGES[key].region === 'G1').sort();
        expect(keysOf(images.edges)).toEqual(expected);
        expect(images.totalCount).toBe(expected.length);
      });
    });
  }
});
