// Reading the catalog: every ImageFilter field, Foreman's scoped search, orders and cursors,
// image/node/nodes/imageByName, and the nested `images` connections of the reference types.
import type { ExecutionResult } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Architecture } from '../../src/db/entities/architecture.js';
import { ComputeResource } from '../../src/db/entities/compute-resource.js';
import { Image } from '../../src/db/entities/image.js';
import { OperatingSystem } from '../../src/db/entities/operating-system.js';
import { Project } from '../../src/db/entities/project.js';
import { Region } from '../../src/db/entities/region.js';
import { graphql } from '../gql/index.js';
import type { ImageFilter, IqListQuery, IqListQueryVariables } from '../gql/graphql.js';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { gid, unique } from '../helpers/fixtures.js';

const List = graphql(`
  query IqList(
    $filter: ImageFilter
    $search: String
    $first: Int
    $after: String
    $last: Int
    $before: String
    $orderBy: [ImageOrder!]
  ) {
    images(filter: $filter, search: $search, first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) {
      totalCount
      edges { cursor node { id name status createdAt updatedAt } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
`);

const ImageById = graphql(`
  query IqImage($id: ID!) {
    image(id: $id) { id name status }
  }
`);

const NodeById = graphql(`
  query IqNode($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Image { name }
      ... on Region { slug }
      ... on OperatingSystem { title }
      ... on Architecture { name }
      ... on ComputeResource { name }
      ... on Project { name }
    }
  }
`);

const NodesById = graphql(`
  query IqNodes($ids: [ID!]!) {
    nodes(ids: $ids) {
      __typename
      id
    }
  }
`);

const ByName = graphql(`
  query IqImageByName($regionId: ID!, $name: String!) {
    imageByName(regionId: $regionId, name: $name) { id name owner { id } }
  }
`);

graphql(`
  fragment IqNestedConnection on ImageConnection {
    totalCount
    edges { node { id name } }
    pageInfo { hasNextPage endCursor }
  }
`);

const Nested = graphql(`
  query IqNested($id: ID!, $filter: ImageFilter, $first: Int, $after: String, $search: String) {
    node(id: $id) {
      __typename
      ... on OperatingSystem { images(filter: $filter, first: $first, after: $after, search: $search) { ...IqNestedConnection } }
      ... on Architecture { images(filter: $filter, first: $first, after: $after, search: $search) { ...IqNestedConnection } }
      ... on ComputeResource { images(filter: $filter, first: $first, after: $after, search: $search) { ...IqNestedConnection } }
      ... on Region { images(filter: $filter, first: $first, after: $after, search: $search) { ...IqNestedConnection } }
      ... on Project { images(filter: $filter, first: $first, after: $after, search: $search) { ...IqNestedConnection } }
    }
  }
`);

/** What a test image may set; relations by raw uuid. */
interface ImageSpec {
  name: string;
  status?: string;
  visibility?: string;
  tags?: string[];
  protected?: boolean;
  hidden?: boolean;
  diskFormat?: string | null;
  size?: number | null;
  username?: string | null;
  userData?: boolean;
  region?: string;
  operatingSystem?: string | null;
  architecture?: string | null;
  computeResource?: string | null;
  owner?: string;
  createdAt?: Date;
  updatedAt?: Date;
  deletedAt?: Date | null;
}

type ListResult = ExecutionResult<IqListQuery>;

describe('reading the image catalog', () => {
  let t: TestApp;
  /** Reference rows with the names Foreman's examples use. */
  const ref = {} as {
    region: Region;
    otherRegion: Region;
    ubuntu: OperatingSystem;
    centos: OperatingSystem;
    x86: Architecture;
    i386: Architecture;
    big: ComputeResource;
    small: ComputeResource;
  };

  beforeAll(async () => {
    t = await startTestApp();
    const em = t.app.orm.em.fork();
    ref.region = em.create(Region, { slug: 'iq-main', name: 'Main' });
    ref.otherRegion = em.create(Region, { slug: 'iq-other', name: 'Other' });
    ref.ubuntu = em.create(OperatingSystem, { name: 'Ubuntu', major: '24', minor: '04', family: 'Debian', title: 'Ubuntu 24.04' });
    ref.centos = em.create(OperatingSystem, { name: 'centos', major: '5', minor: '3', family: 'Redhat', title: 'centos 5.3' });
    ref.x86 = em.create(Architecture, { name: 'x86_64' });
    ref.i386 = em.create(Architecture, { name: 'i386' });
    ref.big = em.create(ComputeResource, { name: 'bigcompute', provider: 'libvirt', region: ref.region });
    ref.small = em.create(ComputeResource, { name: 'smallcompute', provider: 'vmware', region: ref.region });
    await em.flush();
  });
  afterAll(() => t?.close());

  /** A fresh owner with `specs` as its images (in the main region unless told). */
  async function seed(specs: ImageSpec[], ownerId?: string) {
    const em = t.app.orm.em.fork();
    const owner = ownerId ? em.getReference(Project, ownerId) : em.create(Project, { name: unique('owner'), reseller: null });
    const images = specs.map((spec) => {
      const { createdAt, updatedAt, region, operatingSystem, architecture, computeResource, owner: specOwner, ...rest } = spec;
      const image = em.create(Image, {
        status: 'ACTIVE',
        // Every row sets the same columns: one batched insert.
        tags: [],
        ...rest,
        owner: specOwner ? em.getReference(Project, specOwner) : owner,
        region: em.getReference(Region, region ?? ref.region.id),
        operatingSystem: operatingSystem ? em.getReference(OperatingSystem, operatingSystem) : null,
        architecture: architecture ? em.getReference(Architecture, architecture) : null,
        computeResource: computeResource ? em.getReference(ComputeResource, computeResource) : null,
      } as never);
      if (createdAt) image.createdAt = createdAt;
      if (updatedAt) image.updatedAt = updatedAt;
      return image;
    });
    await em.flush();
    const ids: Record<string, string> = {};
    for (const image of images) ids[image.name] = image.id;
    return { ownerId: owner.id, owner: gid('Project', owner.id), ids, images };
  }

  async function list(variables: IqListQueryVariables): Promise<ListResult> {
    return t.request(List, variables);
  }

  /** The names the owner's images matching `filter` and `search` have, sorted; totalCount must agree. */
  async function names(owner: string, filter: ImageFilter = {}, search?: string): Promise<string[]> {
    const result = await list({ filter: { ownerId: owner, ...filter }, search, first: 500 });
    expect(result.errors, JSON.stringify({ filter, search, errors: result.errors })).toBeUndefined();
    const page = result.data!.images;
    const found = page.edges.map((edge) => edge.node.name).sort();
    expect(page.totalCount).toBe(found.length);
    return found;
  }

  function expectBadInput(result: ExecutionResult<unknown>) {
    expect(result.errors, JSON.stringify(result)).toBeDefined();
    expect(result.errors![0]!.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors![0]!.message).not.toMatch(/unexpected error/i);
  }

  describe('ImageFilter', () => {
    it('name matches the exact name only', async () => {
      const { owner } = await seed([{ name: 'debian' }, { name: 'debian-12' }, { name: 'Debian' }]);
      expect(await names(owner, { name: 'debian' })).toEqual(['debian']);
      expect(await names(owner, { name: 'nothing' })).toEqual([]);
    });

    it('nameContains is a case-insensitive substring', async () => {
      const { owner } = await seed([{ name: 'CentOS-Stream' }, { name: 'my-centos-7' }, { name: 'ubuntu' }]);
      expect(await names(owner, { nameContains: 'centos' })).toEqual(['CentOS-Stream', 'my-centos-7']);
      expect(await names(owner, { nameContains: 'STREAM' })).toEqual(['CentOS-Stream']);
    });

    it('nameContains takes % and _ literally, not as wildcards', async () => {
      const { owner } = await seed([{ name: '50%-off' }, { name: '500-off' }, { name: 'a_b' }, { name: 'axb' }, { name: 'back\\slash' }]);
      expect(await names(owner, { nameContains: '0%' })).toEqual(['50%-off']);
      expect(await names(owner, { nameContains: '%' })).toEqual(['50%-off']);
      expect(await names(owner, { nameContains: 'a_b' })).toEqual(['a_b']);
      expect(await names(owner, { nameContains: '_' })).toEqual(['a_b']);
      expect(await names(owner, { nameContains: 'k\\s' })).toEqual(['back\\slash']);
    });

    it('status is a list: any of the statuses given', async () => {
      const { owner } = await seed([
        { name: 'active', status: 'ACTIVE' },
        { name: 'queued', status: 'QUEUED' },
        { name: 'killed', status: 'KILLED' },
      ]);
      expect(await names(owner, { status: ['ACTIVE'] })).toEqual(['active']);
      expect(await names(owner, { status: ['QUEUED', 'KILLED'] })).toEqual(['killed', 'queued']);
      expect(await names(owner, { status: ['SAVING'] })).toEqual([]);
    });

    it('visibility is a list: any of the visibilities given', async () => {
      const { owner } = await seed([
        { name: 'pub', visibility: 'PUBLIC' },
        { name: 'priv', visibility: 'PRIVATE' },
        { name: 'shared', visibility: 'SHARED' },
        { name: 'comm', visibility: 'COMMUNITY' },
      ]);
      expect(await names(owner, { visibility: ['PUBLIC'] })).toEqual(['pub']);
      expect(await names(owner, { visibility: ['PRIVATE', 'SHARED'] })).toEqual(['priv', 'shared']);
    });

    it('tags means all of them: an image with only one of two tags is left out', async () => {
      const { owner } = await seed([
        { name: 'both', tags: ['linux', 'lts'] },
        { name: 'both-and-more', tags: ['lts', 'extra', 'linux'] },
        { name: 'only-linux', tags: ['linux'] },
        { name: 'only-lts', tags: ['lts'] },
        { name: 'none', tags: [] },
      ]);
      expect(await names(owner, { tags: ['linux', 'lts'] })).toEqual(['both', 'both-and-more']);
      expect(await names(owner, { tags: ['linux'] })).toEqual(['both', 'both-and-more', 'only-linux']);
      expect(await names(owner, { tags: ['missing'] })).toEqual([]);
    });

    it('protected selects protected or unprotected images', async () => {
      const { owner } = await seed([{ name: 'guarded', protected: true }, { name: 'open', protected: false }]);
      expect(await names(owner, { protected: true })).toEqual(['guarded']);
      expect(await names(owner, { protected: false })).toEqual(['open']);
      expect(await names(owner)).toEqual(['guarded', 'open']);
    });

    it('hidden images are left out by default; hidden: true lists only them', async () => {
      const { owner } = await seed([{ name: 'shown', hidden: false }, { name: 'secret', hidden: true }]);
      expect(await names(owner)).toEqual(['shown']);
      expect(await names(owner, { hidden: true })).toEqual(['secret']);
      expect(await names(owner, { hidden: false })).toEqual(['shown']);
    });

    it("ownerId lists that project's images only", async () => {
      const a = await seed([{ name: 'same' }, { name: 'mine' }]);
      const b = await seed([{ name: 'same' }, { name: 'theirs' }]);
      expect(await names(a.owner)).toEqual(['mine', 'same']);
      expect(await names(b.owner)).toEqual(['same', 'theirs']);
      const result = await list({ filter: { ownerId: a.owner, name: 'same' }, first: 10 });
      expect(result.data!.images.edges.map((edge) => edge.node.id)).toEqual([gid('Image', a.ids.same!)]);
    });

    it("regionId lists that region's images only", async () => {
      const { owner } = await seed([
        { name: 'here', region: ref.region.id },
        { name: 'there', region: ref.otherRegion.id },
      ]);
      expect(await names(owner, { regionId: gid('Region', ref.region.id) })).toEqual(['here']);
      expect(await names(owner, { regionId: gid('Region', ref.otherRegion.id) })).toEqual(['there']);
    });

    it('operatingSystemId, architectureId and computeResourceId select by relation', async () => {
      const { owner } = await seed([
        { name: 'u-x86-big', operatingSystem: ref.ubuntu.id, architecture: ref.x86.id, computeResource: ref.big.id },
        { name: 'c-i386-small', operatingSystem: ref.centos.id, architecture: ref.i386.id, computeResource: ref.small.id },
        { name: 'bare' },
      ]);
      expect(await names(owner, { operatingSystemId: gid('OperatingSystem', ref.ubuntu.id) })).toEqual(['u-x86-big']);
      expect(await names(owner, { operatingSystemId: gid('OperatingSystem', ref.centos.id) })).toEqual(['c-i386-small']);
      expect(await names(owner, { architectureId: gid('Architecture', ref.x86.id) })).toEqual(['u-x86-big']);
      expect(await names(owner, { architectureId: gid('Architecture', ref.i386.id) })).toEqual(['c-i386-small']);
      expect(await names(owner, { computeResourceId: gid('ComputeResource', ref.big.id) })).toEqual(['u-x86-big']);
      expect(await names(owner, { computeResourceId: gid('ComputeResource', ref.small.id) })).toEqual(['c-i386-small']);
      expect(
        await names(owner, { operatingSystemId: gid('OperatingSystem', ref.ubuntu.id), architectureId: gid('Architecture', ref.i386.id) }),
      ).toEqual([]);
    });

    it('diskFormat is a list: any of the formats given', async () => {
      const { owner } = await seed([
        { name: 'q', diskFormat: 'QCOW2' },
        { name: 'r', diskFormat: 'RAW' },
        { name: 'i', diskFormat: 'ISO' },
        { name: 'n', diskFormat: null },
      ]);
      expect(await names(owner, { diskFormat: ['QCOW2'] })).toEqual(['q']);
      expect(await names(owner, { diskFormat: ['RAW', 'ISO'] })).toEqual(['i', 'r']);
    });

    it('size gt, gte, lt and lte hold exactly at the boundary, beyond 32-bit sizes too', async () => {
      const { owner } = await seed([
        { name: 's100', size: 100 },
        { name: 's200', size: 200 },
        { name: 's300', size: 300 },
        { name: 'snull', size: null },
        { name: 'sbig', size: 5_000_000_000 },
      ]);
      expect(await names(owner, { size: { gt: 200 } })).toEqual(['s300', 'sbig']);
      expect(await names(owner, { size: { gte: 200 } })).toEqual(['s200', 's300', 'sbig']);
      expect(await names(owner, { size: { lt: 200 } })).toEqual(['s100']);
      expect(await names(owner, { size: { lte: 200 } })).toEqual(['s100', 's200']);
      expect(await names(owner, { size: { gte: 200, lte: 300 } })).toEqual(['s200', 's300']);
      expect(await names(owner, { size: { gt: 200, lt: 300 } })).toEqual([]);
      expect(await names(owner, { size: { gt: 4_999_999_999 } })).toEqual(['sbig']);
      expect(await names(owner, { size: { gte: 5_000_000_001 } })).toEqual([]);
    });

    for (const field of ['createdAt', 'updatedAt'] as const) {
      it(`${field} gt, gte, lt, lte, eq and neq hold exactly at the boundary`, async () => {
        const t0 = new Date('2025-03-01T10:00:00.000Z');
        const t1 = new Date('2025-03-01T10:00:00.001Z');
        const t2 = new Date('2025-03-01T10:00:00.002Z');
        const stamped = (name: string, when: Date) => ({ name, [field]: when }) as ImageSpec;
        const { owner } = await seed([stamped('at0', t0), stamped('at1', t1), stamped('at2', t2)]);
        // The explicit times were stored, or the test proves nothing.
        const stored = await list({ filter: { ownerId: owner }, first: 10 });
        expect(stored.errors).toBeUndefined();
        expect(stored.data!.images.edges.map((edge) => edge.node[field])).toEqual([t0, t1, t2].map((d) => d.toISOString()));
        const by = (comparison: Record<string, string>) => ({ [field]: comparison }) as ImageFilter;
        const at = t1.toISOString();
        expect(await names(owner, by({ gt: at }))).toEqual(['at2']);
        expect(await names(owner, by({ gte: at }))).toEqual(['at1', 'at2']);
        expect(await names(owner, by({ lt: at }))).toEqual(['at0']);
        expect(await names(owner, by({ lte: at }))).toEqual(['at0', 'at1']);
        expect(await names(owner, by({ eq: at }))).toEqual(['at1']);
        expect(await names(owner, by({ neq: at }))).toEqual(['at0', 'at2']);
        expect(await names(owner, by({ gt: t0.toISOString(), lt: t2.toISOString() }))).toEqual(['at1']);
      });
    }

    it('deleted images are listed only when status asks for DELETED', async () => {
      const { owner } = await seed([
        { name: 'alive', status: 'ACTIVE' },
        { name: 'gone', status: 'DELETED', deletedAt: new Date() },
      ]);
      expect(await names(owner)).toEqual(['alive']);
      expect(await names(owner, { status: ['ACTIVE'] })).toEqual(['alive']);
      expect(await names(owner, { status: ['DELETED'] })).toEqual(['gone']);
      expect(await names(owner, { status: ['ACTIVE', 'DELETED'] })).toEqual(['alive', 'gone']);
    });

    it('totalCount counts every match across pages, not the page', async () => {
      const { owner } = await seed(['p1', 'p2', 'p3', 'p4', 'p5'].map((name) => ({ name, tags: name === 'p5' ? [] : ['x'] })));
      const result = await list({ filter: { ownerId: owner, tags: ['x'] }, first: 2 });
      expect(result.errors).toBeUndefined();
      expect(result.data!.images.edges).toHaveLength(2);
      expect(result.data!.images.totalCount).toBe(4);
      expect(result.data!.images.pageInfo.hasNextPage).toBe(true);
    });
  });

  describe('search (Foreman scoped search)', () => {
    let owner: string;
    beforeAll(async () => {
      ({ owner } = await seed([
        {
          name: 'centos-7', username: 'root', userData: true,
          operatingSystem: ref.centos.id, architecture: ref.x86.id, computeResource: ref.big.id,
        },
        {
          name: 'CentOS-stream', username: 'admin', userData: false,
          operatingSystem: ref.centos.id, architecture: ref.i386.id, computeResource: ref.small.id,
        },
        {
          name: 'ubuntu-noble', username: null, userData: true,
          operatingSystem: ref.ubuntu.id, architecture: ref.x86.id, computeResource: ref.small.id,
        },
        { name: 'plain', username: null, userData: false, operatingSystem: null, architecture: null, computeResource: null },
      ]));
    });
    const all = ['CentOS-stream', 'centos-7', 'plain', 'ubuntu-noble'].sort();
    const search = (query: string) => names(owner, {}, query);

    it('name = x matches the exact name', async () => {
      expect(await search('name = centos-7')).toEqual(['centos-7']);
      expect(await search('name = "ubuntu-noble"')).toEqual(['ubuntu-noble']);
    });

    it('name != x matches every other name', async () => {
      expect(await search('name != centos-7')).toEqual(all.filter((name) => name !== 'centos-7'));
    });

    it('name ~ x is a case-insensitive contains', async () => {
      expect(await search('name ~ cent')).toEqual(['CentOS-stream', 'centos-7']);
      expect(await search('name ~ STREAM')).toEqual(['CentOS-stream']);
    });

    it('name !~ x excludes what contains it, case-insensitively', async () => {
      expect(await search('name !~ cent')).toEqual(['plain', 'ubuntu-noble']);
      expect(await search('name !~ CENT')).toEqual(['plain', 'ubuntu-noble']);
    });

    it('!~ on a nullable field keeps the rows where it is not set', async () => {
      expect(await search('username !~ ro')).toEqual(['CentOS-stream', 'plain', 'ubuntu-noble']);
      expect(await search('architecture !~ x86')).toEqual(['CentOS-stream', 'plain']);
    });

    it('name ^ (a, b) is one of, name !^ (a) none of', async () => {
      expect(await search('name ^ (centos-7, plain)')).toEqual(['centos-7', 'plain']);
      expect(await search('name !^ (centos-7)')).toEqual(all.filter((name) => name !== 'centos-7'));
      expect(await search('name !^ (centos-7, plain)')).toEqual(['CentOS-stream', 'ubuntu-noble']);
    });

    it('architecture = x86_64 matches the architecture name', async () => {
      expect(await search('architecture = x86_64')).toEqual(['centos-7', 'ubuntu-noble']);
      expect(await search('architecture = i386')).toEqual(['CentOS-stream']);
    });

    it('operatingsystem = "Ubuntu 24.04" matches the operating system title', async () => {
      expect(await search('operatingsystem = "Ubuntu 24.04"')).toEqual(['ubuntu-noble']);
      expect(await search('operatingsystem = "centos 5.3"')).toEqual(['CentOS-stream', 'centos-7']);
      expect(await search('operatingsystem = Ubuntu')).toEqual([]);
    });

    it('compute_resource = bigcompute matches the compute resource name', async () => {
      expect(await search('compute_resource = bigcompute')).toEqual(['centos-7']);
      expect(await search('compute_resource = smallcompute')).toEqual(['CentOS-stream', 'ubuntu-noble']);
    });

    it('username = root matches the login', async () => {
      expect(await search('username = root')).toEqual(['centos-7']);
    });

    it('user_data = true / false matches the flag', async () => {
      expect(await search('user_data = true')).toEqual(['centos-7', 'ubuntu-noble']);
      expect(await search('user_data = false')).toEqual(['CentOS-stream', 'plain']);
    });

    it('set? username and null? architecture test presence', async () => {
      expect(await search('set? username')).toEqual(['CentOS-stream', 'centos-7']);
      expect(await search('null? username')).toEqual(['plain', 'ubuntu-noble']);
      expect(await search('null? architecture')).toEqual(['plain']);
      expect(await search('set? architecture')).toEqual(['CentOS-stream', 'centos-7', 'ubuntu-noble']);
    });

    it('free text searches the name', async () => {
      expect(await search('centos')).toEqual(['CentOS-stream', 'centos-7']);
      expect(await search('noble')).toEqual(['ubuntu-noble']);
    });

    it('and, or, not and parentheses combine conditions', async () => {
      expect(await search('name ~ cent and architecture = x86_64')).toEqual(['centos-7']);
      expect(await search('name = plain or username = root')).toEqual(['centos-7', 'plain']);
      expect(await search('not name ~ cent')).toEqual(['plain', 'ubuntu-noble']);
      expect(await search('(name = plain or name = centos-7) and user_data = true')).toEqual(['centos-7']);
      expect(await search('name = plain or (name = centos-7 and user_data = false)')).toEqual(['plain']);
      expect(await search('not (architecture = x86_64 or null? architecture)')).toEqual(['CentOS-stream']);
    });

    it('combines with a filter: both must hold', async () => {
      expect(await names(owner, { name: 'centos-7' }, 'user_data = true')).toEqual(['centos-7']);
      expect(await names(owner, { name: 'centos-7' }, 'user_data = false')).toEqual([]);
      expect(await names(owner, { architectureId: gid('Architecture', ref.x86.id) }, 'name ~ cent')).toEqual(['centos-7']);
    });

    const malformed: [string, number][] = [
      ['name =', 6],
      ['(name = a', 1],
      ['color = red', 1],
      ['user_data = maybe', 1],
    ];
    for (const [query, position] of malformed) {
      it(`'${query}' is a BAD_USER_INPUT error naming position ${position}`, async () => {
        const result = await list({ filter: { ownerId: owner }, search: query, first: 10 });
        expectBadInput(result);
        const error = result.errors![0]!;
        expect(error.extensions?.position).toBe(position);
        expect(typeof error.extensions?.position).toBe('number');
        expect(error.message).toContain(`position ${position}`);
      });
    }

    it('a value that looks like SQL is only a value: no error, no match, the table intact', async () => {
      const before = await t.snapshot('image');
      expect(await search(`name = "x'; drop table image; --"`)).toEqual([]);
      expect(await search(`name ~ "'; delete from image where ''='"`)).toEqual([]);
      expect(await t.snapshot('image')).toEqual(before);
      expect(await search('name ~ cent')).toEqual(['CentOS-stream', 'centos-7']);
    });
  });

  describe('orders and cursors', () => {
    let owner: string;
    beforeAll(async () => {
      ({ owner } = await seed([
        { name: 'ordaa', status: 'QUEUED' },
        { name: 'ordab', status: 'ACTIVE' },
        { name: 'ordac', status: 'SAVING' },
        { name: 'ordad', status: 'ACTIVE' },
        { name: 'ordae', status: 'QUEUED' },
        { name: 'ordaf', status: 'ACTIVE' },
      ]));
    });

    it('orderBy with two keys is honoured: STATUS ASC then NAME DESC, on one page and across pages', async () => {
      const expected = ['ordaf', 'ordad', 'ordab', 'ordae', 'ordaa', 'ordac'];
      const orderBy = [{ field: 'STATUS', direction: 'ASC' }, { field: 'NAME', direction: 'DESC' }] as const;
      const whole = await list({ filter: { ownerId: owner }, orderBy: [...orderBy], first: 10 });
      expect(whole.errors).toBeUndefined();
      expect(whole.data!.images.edges.map((edge) => edge.node.name)).toEqual(expected);

      const paged: string[] = [];
      let after: string | null = null;
      for (let i = 0; i < 10; i++) {
        const page: ListResult = await list({ filter: { ownerId: owner }, orderBy: [...orderBy], first: 2, after });
        expect(page.errors).toBeUndefined();
        paged.push(...page.data!.images.edges.map((edge) => edge.node.name));
        if (!page.data!.images.pageInfo.hasNextPage) break;
        after = page.data!.images.pageInfo.endCursor!;
      }
      expect(paged).toEqual(expected);

      const backward = await list({ filter: { ownerId: owner }, orderBy: [...orderBy], last: 2 });
      expect(backward.data!.images.edges.map((edge) => edge.node.name)).toEqual(['ordaa', 'ordac']);
    });

    async function aCursor(): Promise<string> {
      const result = await list({ filter: { ownerId: owner }, first: 2 });
      expect(result.errors).toBeUndefined();
      return result.data!.images.pageInfo.endCursor!;
    }
    const decode = (cursor: string) => JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

    it('a garbage cursor is a BAD_USER_INPUT error', async () => {
      for (const cursor of ['garbage', '!!!', encode('just a string'), encode({}), encode([1, 2])]) {
        expectBadInput(await list({ filter: { ownerId: owner }, first: 2, after: cursor }));
        expectBadInput(await list({ filter: { ownerId: owner }, last: 2, before: cursor }));
      }
    });

    it('a cursor from another order is a BAD_USER_INPUT error', async () => {
      const cursor = await aCursor();
      expectBadInput(await list({ filter: { ownerId: owner }, first: 2, after: cursor, orderBy: [{ field: 'CREATED_AT', direction: 'ASC' }] }));
      expectBadInput(await list({ filter: { ownerId: owner }, first: 2, after: cursor, orderBy: [{ field: 'NAME', direction: 'DESC' }] }));
      expectBadInput(
        await list({
          filter: { ownerId: owner },
          first: 2,
          after: cursor,
          orderBy: [{ field: 'NAME', direction: 'ASC' }, { field: 'STATUS', direction: 'ASC' }],
        }),
      );
    });

    it('a cursor whose content was edited is a BAD_USER_INPUT error', async () => {
      const cursor = await aCursor();
      const content = decode(cursor);
      const edits = [
        { ...content, id: 'not-a-uuid' },
        { ...content, id: 42 },
        { ...content, v: [123] },
        { ...content, v: [] },
        { ...content, v: [...content.v, 'extra'] },
        { ...content, v: [null] },
        { ...content, o: 'name:ASC;drop' },
        { o: content.o, v: content.v },
      ];
      for (const edited of edits) {
        expectBadInput(await list({ filter: { ownerId: owner }, first: 2, after: encode(edited) }));
      }
      // A truncated cursor is no cursor either.
      expectBadInput(await list({ filter: { ownerId: owner }, first: 2, after: cursor.slice(0, cursor.length - 6) }));
      // The unedited cursor still works.
      const ok = await list({ filter: { ownerId: owner }, first: 2, after: cursor });
      expect(ok.errors).toBeUndefined();
      expect(ok.data!.images.edges.map((edge) => edge.node.name)).toEqual(['ordac', 'ordad']);
    });

    it('first and last together are an error', async () => {
      expectBadInput(await list({ filter: { ownerId: owner }, first: 2, last: 2 }));
    });

    it('first: 501 (and last: 501) is an error; 500 is allowed', async () => {
      expectBadInput(await list({ filter: { ownerId: owner }, first: 501 }));
      expectBadInput(await list({ filter: { ownerId: owner }, last: 501 }));
      expectBadInput(await list({ filter: { ownerId: owner }, first: -1 }));
      const ok = await list({ filter: { ownerId: owner }, first: 500 });
      expect(ok.errors).toBeUndefined();
      expect(ok.data!.images.edges).toHaveLength(6);
    });

    it('first: 0 gives no edges, and still the total', async () => {
      const result = await list({ filter: { ownerId: owner }, first: 0 });
      expect(result.errors).toBeUndefined();
      expect(result.data!.images.edges).toEqual([]);
      expect(result.data!.images.totalCount).toBe(6);
    });
  });

  describe('image, node and nodes', () => {
    let live: string;
    let deleted: string;
    beforeAll(async () => {
      const { ids } = await seed([
        { name: 'findme', operatingSystem: ref.ubuntu.id },
        { name: 'deleted-one', status: 'DELETED', deletedAt: new Date() },
      ]);
      live = ids.findme!;
      deleted = ids['deleted-one']!;
    });
    const unknownUuid = '01900000-0000-7000-8000-000000000000';

    it('image(id) returns the image', async () => {
      const result = await t.request(ImageById, { id: gid('Image', live) });
      expect(result.errors).toBeUndefined();
      expect(result.data!.image).toEqual({ id: gid('Image', live), name: 'findme', status: 'ACTIVE' });
    });

    it('image(id) of an unknown image is null', async () => {
      const result = await t.request(ImageById, { id: gid('Image', unknownUuid) });
      expect(result.errors).toBeUndefined();
      expect(result.data!.image).toBeNull();
      const notUuid = await t.request(ImageById, { id: gid('Image', 'not-a-uuid') });
      expect(notUuid.errors).toBeUndefined();
      expect(notUuid.data!.image).toBeNull();
    });

    it('image(id) of a deleted image is null', async () => {
      const result = await t.request(ImageById, { id: gid('Image', deleted) });
      expect(result.errors).toBeUndefined();
      expect(result.data!.image).toBeNull();
    });

    it('node(id) returns an image or a reference row by global id', async () => {
      const cases: [string, string, Record<string, unknown>][] = [
        ['Image', live, { name: 'findme' }],
        ['Region', ref.region.id, { slug: 'iq-main' }],
        ['OperatingSystem', ref.ubuntu.id, { title: 'Ubuntu 24.04' }],
        ['Architecture', ref.x86.id, { name: 'x86_64' }],
        ['ComputeResource', ref.big.id, { name: 'bigcompute' }],
      ];
      for (const [type, id, fields] of cases) {
        const result = await t.request(NodeById, { id: gid(type, id) });
        expect(result.errors).toBeUndefined();
        expect(result.data!.node).toEqual({ __typename: type, id: gid(type, id), ...fields });
      }
    });

    it('node(id) is null for unknown ids and deleted images', async () => {
      for (const id of [gid('Image', unknownUuid), gid('Region', unknownUuid), gid('OperatingSystem', unknownUuid), gid('Image', deleted)]) {
        const result = await t.request(NodeById, { id });
        expect(result.errors).toBeUndefined();
        expect(result.data!.node).toBeNull();
      }
    });

    it('nodes(ids) returns each node in order, null for unknown ones', async () => {
      const project = await seed([]);
      const ids = [
        gid('Image', live),
        gid('Region', ref.otherRegion.id),
        gid('Image', unknownUuid),
        gid('OperatingSystem', ref.centos.id),
        gid('Architecture', ref.i386.id),
        gid('ComputeResource', ref.small.id),
        gid('Project', project.ownerId),
        gid('Region', unknownUuid),
        gid('Image', deleted),
      ];
      const result = await t.request(NodesById, { ids });
      expect(result.errors).toBeUndefined();
      expect(result.data!.nodes).toEqual([
        { __typename: 'Image', id: ids[0] },
        { __typename: 'Region', id: ids[1] },
        null,
        { __typename: 'OperatingSystem', id: ids[3] },
        { __typename: 'Architecture', id: ids[4] },
        { __typename: 'ComputeResource', id: ids[5] },
        { __typename: 'Project', id: ids[6] },
        null,
        null,
      ]);
    });
  });

  describe('imageByName', () => {
    let region: Region;
    let a: Awaited<ReturnType<typeof seed>>;
    let b: Awaited<ReturnType<typeof seed>>;
    beforeAll(async () => {
      const em = t.app.orm.em.fork();
      region = em.create(Region, { slug: unique('ibn'), name: 'By name' });
      await em.flush();
      a = await seed([
        { name: 'solo', region: region.id },
        { name: 'twin', region: region.id },
        { name: 'once-twin', region: region.id },
      ]);
      b = await seed([
        { name: 'twin', region: region.id },
        { name: 'once-twin', region: region.id, status: 'DELETED', deletedAt: new Date() },
        { name: 'solo', region: ref.region.id },
      ]);
    });

    it('finds the single image of that name in the region', async () => {
      const result = await t.request(ByName, { regionId: gid('Region', region.id), name: 'solo' });
      expect(result.errors).toBeUndefined();
      expect(result.data!.imageByName).toEqual({ id: gid('Image', a.ids.solo!), name: 'solo', owner: { id: a.owner } });
    });

    it('is null when no image has that name in the region', async () => {
      const result = await t.request(ByName, { regionId: gid('Region', region.id), name: 'nobody' });
      expect(result.errors).toBeUndefined();
      expect(result.data!.imageByName).toBeNull();
      const otherRegion = await t.request(ByName, { regionId: gid('Region', ref.otherRegion.id), name: 'solo' });
      expect(otherRegion.errors).toBeUndefined();
      expect(otherRegion.data!.imageByName).toBeNull();
    });

    it('ignores deleted images', async () => {
      const result = await t.request(ByName, { regionId: gid('Region', region.id), name: 'once-twin' });
      expect(result.errors).toBeUndefined();
      expect(result.data!.imageByName?.id).toBe(gid('Image', a.ids['once-twin']!));
    });

    it('is an AMBIGUOUS_NAME error listing both global ids when two owners have an image of that name', async () => {
      const result = await t.request(ByName, { regionId: gid('Region', region.id), name: 'twin' });
      expect(result.errors, JSON.stringify(result)).toHaveLength(1);
      const error = result.errors![0]!;
      expect(error.extensions?.code).toBe('AMBIGUOUS_NAME');
      const listed = error.extensions?.imageIds as string[];
      expect([...listed].sort()).toEqual([gid('Image', a.ids.twin!), gid('Image', b.ids.twin!)].sort());
    });
  });

  describe('nested images connections', () => {
    type Parent = 'OperatingSystem' | 'Architecture' | 'ComputeResource' | 'Region' | 'Project';
    const parents: Record<Parent, { mine: string; other: string }> = {} as never;
    let owners: { mine: string; other: string };

    beforeAll(async () => {
      const em = t.app.orm.em.fork();
      const make = (tag: string) => ({
        OperatingSystem: (() => {
          const name = unique(`nos${tag}`);
          return em.create(OperatingSystem, { name, major: '1', minor: '', family: null, title: `${name} 1` });
        })(),
        Architecture: em.create(Architecture, { name: unique(`narch${tag}`) }),
        ComputeResource: em.create(ComputeResource, { name: unique(`ncr${tag}`), provider: 'libvirt', region: null }),
        Region: em.create(Region, { slug: unique(`nreg${tag}`), name: 'Nested' }),
        Project: em.create(Project, { name: unique(`nproj${tag}`), reseller: null }),
      });
      const mine = make('a');
      const other = make('b');
      await em.flush();
      for (const type of Object.keys(mine) as Parent[]) parents[type] = { mine: mine[type].id, other: other[type].id };
      owners = { mine: mine.Project.id, other: other.Project.id };
      const of = (side: 'mine' | 'other') => ({
        region: parents.Region[side],
        operatingSystem: parents.OperatingSystem[side],
        architecture: parents.Architecture[side],
        computeResource: parents.ComputeResource[side],
        owner: owners[side],
      });
      await seed([
        { name: 'nest-a1', ...of('mine'), tags: ['keep'] },
        { name: 'nest-a2', ...of('mine'), tags: ['keep'] },
        { name: 'nest-a3', ...of('mine') },
        { name: 'nest-a4', ...of('mine'), tags: ['keep'], status: 'DELETED', deletedAt: new Date() },
        { name: 'nest-b1', ...of('other'), tags: ['keep'] },
        { name: 'nest-b2', ...of('other') },
      ], owners.mine);
    });

    for (const type of ['OperatingSystem', 'Architecture', 'ComputeResource', 'Region', 'Project'] as Parent[]) {
      it(`${type}.images lists only that ${type}'s images, with totalCount, filter and pagination`, async () => {
        const id = gid(type, parents[type].mine);
        const all = await t.request(Nested, { id, first: 10 });
        expect(all.errors).toBeUndefined();
        const node = all.data!.node as { __typename: string; images: { totalCount: number; edges: { node: { name: string } }[] } };
        expect(node.__typename).toBe(type);
        expect(node.images.edges.map((edge) => edge.node.name)).toEqual(['nest-a1', 'nest-a2', 'nest-a3']);
        expect(node.images.totalCount).toBe(3);

        const filtered = await t.request(Nested, { id, first: 10, filter: { tags: ['keep'] } });
        expect(filtered.errors).toBeUndefined();
        const filteredImages = (filtered.data!.node as typeof node).images;
        expect(filteredImages.edges.map((edge) => edge.node.name)).toEqual(['nest-a1', 'nest-a2']);
        expect(filteredImages.totalCount).toBe(2);

        const searched = await t.request(Nested, { id, first: 10, search: 'name ~ a3' });
        expect(searched.errors).toBeUndefined();
        expect((searched.data!.node as typeof node).images.edges.map((edge) => edge.node.name)).toEqual(['nest-a3']);

        const names: string[] = [];
        let after: string | null = null;
        for (let i = 0; i < 10; i++) {
          const page: ExecutionResult<Record<string, any>> = await t.request(Nested, { id, first: 1, after });
          expect(page.errors).toBeUndefined();
          const images = page.data!.node.images;
          expect(images.totalCount).toBe(3);
          names.push(...images.edges.map((edge: { node: { name: string } }) => edge.node.name));
          if (!images.pageInfo.hasNextPage) break;
          after = images.pageInfo.endCursor;
        }
        expect(names).toEqual(['nest-a1', 'nest-a2', 'nest-a3']);

        const other = await t.request(Nested, { id: gid(type, parents[type].other), first: 10 });
        expect(other.errors).toBeUndefined();
        expect((other.data!.node as typeof node).images.edges.map((edge) => edge.node.name)).toEqual(['nest-b1', 'nest-b2']);
      });
    }

    it("a nested connection never lists another parent's images, whatever the filter says", async () => {
      const result = await t.request(Nested, {
        id: gid('Architecture', parents.Architecture.mine),
        first: 10,
        filter: { architectureId: gid('Architecture', parents.Architecture.other) },
      });
      expect(result.errors).toBeUndefined();
      const images = (result.data!.node as { images: { edges: { node: { name: string } }[] } }).images;
      for (const edge of images.edges) expect(edge.node.name).toMatch(/^nest-a/);
    });
  });
});
