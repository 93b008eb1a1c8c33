// The reference types (operating systems, architectures, compute resources, regions,
// projects): create/update/delete mutations, their list connections, and every refusal,
// which must be a typed union member and change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Architecture } from '../../src/db/entities/architecture.js';
import { ComputeResource } from '../../src/db/entities/compute-resource.js';
import { Image } from '../../src/db/entities/image.js';
import { OperatingSystem } from '../../src/db/entities/operating-system.js';
import { Project } from '../../src/db/entities/project.js';
import { Region } from '../../src/db/entities/region.js';
import { graphql } from '../gql/index.js';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { type Result, member } from '../helpers/results.js';
import { gid, rawId, unique } from '../helpers/fixtures.js';

// --- Operating systems -------------------------------------------------------------------

const OsCreate = graphql(`
  mutation RdOsCreate($input: OperatingSystemCreateInput!) {
    operatingSystemCreate(input: $input) {
      __typename
      ... on OperatingSystemCreatePayload { operatingSystem { id name major minor family title } }
      ... on Error { message code }
      ... on ValidationError { issues { path message } }
      ... on ConflictError { field }
    }
  }
`);
const OsUpdate = graphql(`
  mutation RdOsUpdate($input: OperatingSystemUpdateInput!) {
    operatingSystemUpdate(input: $input) {
      __typename
      ... on OperatingSystemUpdatePayload { operatingSystem { id name major minor family title } }
      ... on Error { message code }
      ... on ValidationError { issues { path message } }
      ... on ConflictError { field }
      ... on NotFoundError { resourceId type }
    }
  }
`);
const OsDelete = graphql(`
  mutation RdOsDelete($input: OperatingSystemDeleteInput!) {
    operatingSystemDelete(input: $input) {
      __typename
      ... on OperatingSystemDeletePayload { deletedId }
      ... on Error { message code }
      ... on NotFoundError { resourceId type }
      ... on InUseError { usedBy }
    }
  }
`);
const OsList = graphql(`
  query RdOsList($first: Int, $after: String, $last: Int, $before: String) {
    operatingSystems(first: $first, after: $after, last: $last, before: $before) {
      edges { cursor node { id title } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
`);

// --- Architectures -----------------------------------------------------------------------

const ArchCreate = graphql(`
  mutation RdArchCreate($input: ArchitectureCreateInput!) {
    architectureCreate(input: $input) {
      __typename
      ... on ArchitectureCreatePayload { architecture { id name } }
      ... on Error { message code }
      ... on ValidationError { issues { path message } }
      ... on ConflictError { field }
    }
  }
`);
const ArchUpdate = graphql(`
  mutation RdArchUpdate($input: ArchitectureUpdateInput!) {
    architectureUpdate(input: $input) {
      __typename
      ... on ArchitectureUpdatePayload { architecture { id name } }
      ... on Error { message code }
      ... on ValidationError { issues { path message } }
      ... on ConflictError { field }
      ... on NotFoundError { resourceId type }
    }
  }
`);
const ArchDelete = graphql(`
  mutation RdArchDelete($input: ArchitectureDeleteInput!) {
    architectureDelete(input: $input) {
      __typename
      ... on ArchitectureDeletePayload { deletedId }
      ... on Error { message code }
      ... on NotFoundError { resourceId type }
      ... on InUseError { usedBy }
    }
  }
`);
const ArchList = graphql(`
  query RdArchList($first: Int, $after: String, $last: Int, $before: String) {
    architectures(first: $first, after: $after, last: $last, before: $before) {
      edges { cursor node { id name } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
`);

// --- Compute resources -------------------------------------------------------------------

const CrCreate = graphql(`
  mutation RdCrCreate($input: ComputeResourceCreateInput!) {
    computeResourceCreate(input: $input) {
      __typename
      ... on ComputeResourceCreatePayload { computeResource { id name provider region { id slug } } }
      ... on Error { message code }
      ... on ValidationError { issues { path message } }
      ... on ConflictError { field }
    }
  }
`);
const CrUpdate = graphql(`
  mutation RdCrUpdate($input: ComputeResourceUpdateInput!) {
    computeResourceUpdate(input: $input) {
      __typename
      ... on ComputeResourceUpdatePayload { computeResource { id name provider region { id slug } } }
      ... on Error { message code }
      ... on ValidationError { issues { path message } }
      ... on ConflictError { field }
      ... on NotFoundError { resourceId type }
    }
  }
`);
const CrDelete = graphql(`
  mutation RdCrDelete($input: ComputeResourceDeleteInput!) {
    computeResourceDelete(input: $input) {
      __typename
      ... on ComputeResourceDeletePayload { deletedId }
      ... on Error { message code }
      ... on NotFoundError { resourceId type }
      ... on InUseError { usedBy }
    }
  }
`);
const CrList = graphql(`
  query RdCrList($first: Int, $after: String, $last: Int, $before: String) {
    computeResources(first: $first, after: $after, last: $last, before: $before) {
      edges { cursor node { id name } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
`);

// --- Regions -----------------------------------------------------------------------------

const RegionCreate = graphql(`
  mutation RdRegionCreate($input: RegionCreateInput!) {
    regionCreate(input: $input) {
      __typename
      ... on RegionCreatePayload { region { id slug name } }
      ... on Error { message code }
      ... on ValidationError { issues { path message } }
      ... on ConflictError { field }
    }
  }
`);
const RegionUpdate = graphql(`
  mutation RdRegionUpdate($input: RegionUpdateInput!) {
    regionUpdate(input: $input) {
      __typename
      ... on RegionUpdatePayload { region { id slug name } }
      ... on Error { message code }
      ... on ValidationError { issues { path message } }
      ... on ConflictError { field }
      ... on NotFoundError { resourceId type }
    }
  }
`);
const RegionDelete = graphql(`
  mutation RdRegionDelete($input: RegionDeleteInput!) {
    regionDelete(input: $input) {
      __typename
      ... on RegionDeletePayload { deletedId }
      ... on Error { message code }
      ... on NotFoundError { resourceId type }
      ... on InUseError { usedBy }
    }
  }
`);
const RegionList = graphql(`
  query RdRegionList($first: Int, $after: String, $last: Int, $before: String) {
    regions(first: $first, after: $after, last: $last, before: $before) {
      edges { cursor node { id slug } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
`);

// --- Projects ----------------------------------------------------------------------------

const ProjectCreate = graphql(`
  mutation RdProjectCreate($input: ProjectCreateInput!) {
    projectCreate(input: $input) {
      __typename
      ... on ProjectCreatePayload { project { id name } }
      ... on Error { message code }
      ... on ValidationError { issues { path message } }
      ... on ConflictError { field }
    }
  }
`);
const ProjectUpdate = graphql(`
  mutation RdProjectUpdate($input: ProjectUpdateInput!) {
    projectUpdate(input: $input) {
      __typename
      ... on ProjectUpdatePayload { project { id name } }
      ... on Error { message code }
      ... on ValidationError { issues { path message } }
      ... on ConflictError { field }
      ... on NotFoundError { resourceId type }
    }
  }
`);
const ProjectDelete = graphql(`
  mutation RdProjectDelete($input: ProjectDeleteInput!) {
    projectDelete(input: $input) {
      __typename
      ... on ProjectDeletePayload { deletedId }
      ... on Error { message code }
      ... on NotFoundError { resourceId type }
      ... on InUseError { usedBy }
    }
  }
`);
const ProjectList = graphql(`
  query RdProjectList($first: Int, $after: String, $last: Int, $before: String) {
    projects(first: $first, after: $after, last: $last, before: $before) {
      edges { cursor node { id name } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
`);

const NodeById = graphql(`
  query RdNode($id: ID!) {
    node(id: $id) { __typename id }
  }
`);

// -----------------------------------------------------------------------------------------

const UNKNOWN_UUID = '01900000-0000-7000-8000-000000000000';
const TABLES = ['operating_system', 'architecture', 'compute_resource', 'region', 'project', 'image'] as const;

/** Foreman's identifier rule broken every way: empty, 129 characters, outer spaces, a disallowed character. */
const BAD_IDENTIFIERS: [string, string][] = [
  ['empty', ''],
  ['129 characters', 'a'.repeat(129)],
  ['a leading space', ' lead'],
  ['a trailing space', 'trail '],
  ["a '<'", 'a<b'],
  ["a '/'", 'a/b'],
];


describe('reference data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  const snapshot = () => t.snapshot(...TABLES);

  /** Runs `work`, which must be refused, and proves the tables did not change. */
  async function unchanged(work: () => Promise<void>) {
    const before = await snapshot();
    await work();
    expect(await snapshot()).toEqual(before);
  }

  /** A region straight through the ORM, for images to live in. */
  async function aRegion(): Promise<string> {
    const em = t.app.orm.em.fork();
    const region = em.create(Region, { slug: unique('rd'), name: 'Reference' });
    await em.flush();
    return region.id;
  }

  /** A live image using the given references; returns its id. */
  async function anImage(refs: { operatingSystem?: string; architecture?: string; computeResource?: string; region?: string; owner?: string }) {
    const em = t.app.orm.em.fork();
    const image = em.create(Image, {
      name: unique('img'),
      status: 'ACTIVE',
      region: em.getReference(Region, refs.region ?? (await aRegion())),
      owner: refs.owner ? em.getReference(Project, refs.owner) : null,
      operatingSystem: refs.operatingSystem ? em.getReference(OperatingSystem, refs.operatingSystem) : null,
      architecture: refs.architecture ? em.getReference(Architecture, refs.architecture) : null,
      computeResource: refs.computeResource ? em.getReference(ComputeResource, refs.computeResource) : null,
    } as never);
    await em.flush();
    return image.id;
  }

  /** Soft-deletes an image the way imageDelete leaves it. */
  async function softDelete(imageId: string) {
    const em = t.app.orm.em.fork();
    const image = await em.findOneOrFail(Image, { id: imageId });
    image.status = 'DELETED';
    image.deletedAt = new Date();
    await em.flush();
  }

  async function nodeIsGone(id: string) {
    const result = await t.request(NodeById, { id });
    expect(result.errors).toBeUndefined();
    expect(result.data!.node).toBeNull();
  }

  /** Every row of a list connection, walked forward and backward `size` at a time. */
  async function walk(document: any, field: string, key: string, size: number): Promise<{ forward: string[]; backward: string[] }> {
    const forward: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 200; i++) {
      const result: Result = await t.request(document, { first: size, after });
      expect(result.errors).toBeUndefined();
      const connection = result.data![field];
      expect(connection.edges.length).toBeLessThanOrEqual(size);
      forward.push(...connection.edges.map((edge: any) => edge.node[key]));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    const backward: string[] = [];
    let before: string | null = null;
    for (let i = 0; i < 200; i++) {
      const result: Result = await t.request(document, { last: size, before });
      expect(result.errors).toBeUndefined();
      const connection = result.data![field];
      backward.unshift(...connection.edges.map((edge: any) => edge.node[key]));
      if (!connection.pageInfo.hasPreviousPage) break;
      before = connection.pageInfo.startCursor;
    }
    return { forward, backward };
  }

  /** Our rows appear once each, in order, however the list is paged. */
  function expectOrdered(listed: string[], ours: string[]) {
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed.filter((value) => ours.includes(value))).toEqual([...ours].sort());
  }

  function expectIssueOn(error: Record<string, any>, field: string) {
    const paths = (error.issues as { path: string[] }[]).map((issue) => issue.path.join('.'));
    expect(paths, JSON.stringify(error)).toContain(`input.${field}`);
  }

  // --- OperatingSystem ---------------------------------------------------------------------

  describe('OperatingSystem', () => {
    const create = async (input: { name: string; major: string; minor?: string | null; family?: string | null }) =>
      (await t.request(OsCreate, { input })) as Result;
    const created = async (input: Parameters<typeof create>[0]) =>
      member(await create(input), 'operatingSystemCreate', 'OperatingSystemCreatePayload').operatingSystem as Record<string, any>;

    it('is created with its title "name major.minor"', async () => {
      const os = await created({ name: 'Ubuntu', major: '24', minor: '04', family: 'Debian' });
      expect(os).toMatchObject({ name: 'Ubuntu', major: '24', minor: '04', family: 'Debian', title: 'Ubuntu 24.04' });
      const node = await t.request(NodeById, { id: os.id });
      expect(node.data!.node).toEqual({ __typename: 'OperatingSystem', id: os.id });
    });

    it('without a minor version is titled "name major"', async () => {
      const os = await created({ name: 'FreeBSD', major: '14' });
      expect(os).toMatchObject({ name: 'FreeBSD', major: '14', minor: '', family: null, title: 'FreeBSD 14' });
      const empty = await created({ name: 'OpenBSD', major: '7', minor: '' });
      expect(empty.title).toBe('OpenBSD 7');
    });

    it('is updated, and its title follows', async () => {
      const os = await created({ name: 'centos', major: '5', minor: '3' });
      const renamed = member(
        await t.request(OsUpdate, { input: { id: os.id, name: 'rocky' } }),
        'operatingSystemUpdate',
        'OperatingSystemUpdatePayload',
      ).operatingSystem;
      expect(renamed).toMatchObject({ id: os.id, name: 'rocky', major: '5', minor: '3', title: 'rocky 5.3' });
      const bumped = member(
        await t.request(OsUpdate, { input: { id: os.id, major: '9', minor: '' } }),
        'operatingSystemUpdate',
        'OperatingSystemUpdatePayload',
      ).operatingSystem;
      expect(bumped).toMatchObject({ name: 'rocky', major: '9', minor: '', title: 'rocky 9' });
    });

    it('is deleted when no image uses it', async () => {
      const os = await created({ name: 'todelete', major: '1' });
      const deleted = member(await t.request(OsDelete, { input: { id: os.id } }), 'operatingSystemDelete', 'OperatingSystemDeletePayload');
      expect(deleted.deletedId).toBe(os.id);
      await nodeIsGone(os.id);
    });

    it('operatingSystems lists by title, paged both ways', async () => {
      const titles = [];
      for (const name of ['osle', 'osla', 'oslc', 'oslb', 'osld']) titles.push((await created({ name, major: '1' })).title as string);
      const { forward, backward } = await walk(OsList, 'operatingSystems', 'title', 2);
      expectOrdered(forward, titles);
      expect(backward).toEqual(forward);
    });

    for (const [what, name] of BAD_IDENTIFIERS) {
      it(`refuses a name with ${what}: ValidationError, nothing changed`, async () => {
        await unchanged(async () => {
          expectIssueOn(member(await create({ name, major: '1' }), 'operatingSystemCreate', 'ValidationError'), 'name');
        });
      });
    }

    it('refuses a name with whitespace, on create and update', async () => {
      const os = await created({ name: 'spaceless', major: '2' });
      await unchanged(async () => {
        expectIssueOn(member(await create({ name: 'Red Hat', major: '9' }), 'operatingSystemCreate', 'ValidationError'), 'name');
        expectIssueOn(
          member(await t.request(OsUpdate, { input: { id: os.id, name: 'with space' } }), 'operatingSystemUpdate', 'ValidationError'),
          'name',
        );
      });
    });

    it('refuses a major version that is not digits, and a minor that is not a dotted version', async () => {
      const os = await created({ name: 'majortest', major: '3' });
      await unchanged(async () => {
        for (const major of ['x1', '1.0', '', ' 1', '-1']) {
          expectIssueOn(member(await create({ name: 'Debian', major }), 'operatingSystemCreate', 'ValidationError'), 'major');
        }
        expectIssueOn(member(await create({ name: 'Debian', major: '12', minor: 'beta' }), 'operatingSystemCreate', 'ValidationError'), 'minor');
        expectIssueOn(member(await t.request(OsUpdate, { input: { id: os.id, major: 'ten' } }), 'operatingSystemUpdate', 'ValidationError'), 'major');
      });
    });

    it('refuses every bad field at once', async () => {
      await unchanged(async () => {
        const error = member(await create({ name: 'a b', major: 'x' }), 'operatingSystemCreate', 'ValidationError');
        expectIssueOn(error, 'name');
        expectIssueOn(error, 'major');
      });
    });

    it('refuses a minor version longer than the column with a ValidationError, never a fault', async () => {
      await unchanged(async () => {
        const result = await create({ name: 'longminor', major: '1', minor: '12345678.12345678' });
        expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
        expect(result.data!.operatingSystemCreate.__typename).toBe('ValidationError');
      });
    });

    it('refuses a duplicate title with a ConflictError, on create and update', async () => {
      await created({ name: 'Dup', major: '1', minor: '2' });
      const other = await created({ name: 'Dup', major: '1', minor: '3' });
      await unchanged(async () => {
        member(await create({ name: 'Dup', major: '1', minor: '2' }), 'operatingSystemCreate', 'ConflictError');
        member(await t.request(OsUpdate, { input: { id: other.id, minor: '2' } }), 'operatingSystemUpdate', 'ConflictError');
      });
    });

    it('refuses an unknown id with a NotFoundError, on update and delete', async () => {
      const id = gid('OperatingSystem', UNKNOWN_UUID);
      await unchanged(async () => {
        const updated = member(await t.request(OsUpdate, { input: { id, name: 'x' } }), 'operatingSystemUpdate', 'NotFoundError');
        expect(updated).toMatchObject({ resourceId: id, type: 'OperatingSystem' });
        const deleted = member(await t.request(OsDelete, { input: { id } }), 'operatingSystemDelete', 'NotFoundError');
        expect(deleted).toMatchObject({ resourceId: id, type: 'OperatingSystem' });
      });
    });

    it('refuses to delete one a live image uses (InUseError), and allows it once the image is deleted', async () => {
      const os = await created({ name: 'inuse', major: '1' });
      const image = await anImage({ operatingSystem: rawId(os.id) });
      await unchanged(async () => {
        member(await t.request(OsDelete, { input: { id: os.id } }), 'operatingSystemDelete', 'InUseError');
      });
      await softDelete(image);
      member(await t.request(OsDelete, { input: { id: os.id } }), 'operatingSystemDelete', 'OperatingSystemDeletePayload');
      await nodeIsGone(os.id);
    });
  });

  // --- Architecture ------------------------------------------------------------------------

  describe('Architecture', () => {
    const create = async (name: string) => (await t.request(ArchCreate, { input: { name } })) as Result;
    const created = async (name: string) => member(await create(name), 'architectureCreate', 'ArchitectureCreatePayload').architecture as Record<string, any>;

    it('is created, updated and deleted', async () => {
      const arch = await created('x86_64');
      expect(arch.name).toBe('x86_64');
      const updated = member(await t.request(ArchUpdate, { input: { id: arch.id, name: 'amd64' } }), 'architectureUpdate', 'ArchitectureUpdatePayload');
      expect(updated.architecture).toEqual({ id: arch.id, name: 'amd64' });
      const deleted = member(await t.request(ArchDelete, { input: { id: arch.id } }), 'architectureDelete', 'ArchitectureDeletePayload');
      expect(deleted.deletedId).toBe(arch.id);
      await nodeIsGone(arch.id);
    });

    it('accepts a 128-character name', async () => {
      expect((await created('b'.repeat(128))).name).toHaveLength(128);
    });

    it('architectures lists by name, paged both ways', async () => {
      const names = ['arche', 'archa', 'archd', 'archb', 'archc'];
      for (const name of names) await created(name);
      const { forward, backward } = await walk(ArchList, 'architectures', 'name', 2);
      expectOrdered(forward, names);
      expect(backward).toEqual(forward);
    });

    for (const [what, name] of [...BAD_IDENTIFIERS, ['whitespace', 'x86 64'] as [string, string]]) {
      it(`refuses a name with ${what}: ValidationError, nothing changed`, async () => {
        const arch = await created(unique('archbad'));
        await unchanged(async () => {
          expectIssueOn(member(await create(name), 'architectureCreate', 'ValidationError'), 'name');
          expectIssueOn(member(await t.request(ArchUpdate, { input: { id: arch.id, name } }), 'architectureUpdate', 'ValidationError'), 'name');
        });
      });
    }

    it('refuses a duplicate name with a ConflictError, on create and update', async () => {
      await created('armv7');
      const other = await created('aarch64');
      await unchanged(async () => {
        expect(member(await create('armv7'), 'architectureCreate', 'ConflictError').field).toBe('name');
        member(await t.request(ArchUpdate, { input: { id: other.id, name: 'armv7' } }), 'architectureUpdate', 'ConflictError');
      });
    });

    it('refuses an unknown id with a NotFoundError, on update and delete', async () => {
      const id = gid('Architecture', UNKNOWN_UUID);
      await unchanged(async () => {
        member(await t.request(ArchUpdate, { input: { id, name: 'x' } }), 'architectureUpdate', 'NotFoundError');
        member(await t.request(ArchDelete, { input: { id } }), 'architectureDelete', 'NotFoundError');
      });
    });

    it('refuses to delete one a live image uses (InUseError), and allows it once the image is deleted', async () => {
      const arch = await created('inuse-arch');
      const image = await anImage({ architecture: rawId(arch.id) });
      await unchanged(async () => {
        member(await t.request(ArchDelete, { input: { id: arch.id } }), 'architectureDelete', 'InUseError');
      });
      await softDelete(image);
      member(await t.request(ArchDelete, { input: { id: arch.id } }), 'architectureDelete', 'ArchitectureDeletePayload');
      await nodeIsGone(arch.id);
    });
  });

  // --- ComputeResource ---------------------------------------------------------------------

  describe('ComputeResource', () => {
    const create = async (input: { name: string; provider: string; regionId?: string | null }) =>
      (await t.request(CrCreate, { input })) as Result;
    const created = async (input: Parameters<typeof create>[0]) =>
      member(await create(input), 'computeResourceCreate', 'ComputeResourceCreatePayload').computeResource as Record<string, any>;

    it('is created in a region, updated, detached and deleted', async () => {
      const region = await aRegion();
      const other = await aRegion();
      const cr = await created({ name: 'bigcompute', provider: 'libvirt', regionId: gid('Region', region) });
      expect(cr).toMatchObject({ name: 'bigcompute', provider: 'libvirt', region: { id: gid('Region', region) } });
      const moved = member(
        await t.request(CrUpdate, { input: { id: cr.id, name: 'big compute 2', provider: 'vmware', regionId: gid('Region', other) } }),
        'computeResourceUpdate',
        'ComputeResourceUpdatePayload',
      ).computeResource;
      expect(moved).toMatchObject({ id: cr.id, name: 'big compute 2', provider: 'vmware', region: { id: gid('Region', other) } });
      const detached = member(
        await t.request(CrUpdate, { input: { id: cr.id, regionId: null } }),
        'computeResourceUpdate',
        'ComputeResourceUpdatePayload',
      ).computeResource;
      expect(detached).toMatchObject({ name: 'big compute 2', region: null });
      member(await t.request(CrDelete, { input: { id: cr.id } }), 'computeResourceDelete', 'ComputeResourceDeletePayload');
      await nodeIsGone(cr.id);
    });

    it('is created without a region', async () => {
      expect(await created({ name: 'noregion', provider: 'ec2' })).toMatchObject({ region: null });
    });

    it('computeResources lists by name, paged both ways', async () => {
      const names = ['crlc', 'crle', 'crla', 'crld', 'crlb'];
      for (const name of names) await created({ name, provider: 'libvirt' });
      const { forward, backward } = await walk(CrList, 'computeResources', 'name', 2);
      expectOrdered(forward, names);
      expect(backward).toEqual(forward);
    });

    for (const [what, name] of BAD_IDENTIFIERS) {
      it(`refuses a name with ${what}: ValidationError, nothing changed`, async () => {
        const cr = await created({ name: unique('crbad'), provider: 'libvirt' });
        await unchanged(async () => {
          expectIssueOn(member(await create({ name, provider: 'libvirt' }), 'computeResourceCreate', 'ValidationError'), 'name');
          expectIssueOn(member(await t.request(CrUpdate, { input: { id: cr.id, name } }), 'computeResourceUpdate', 'ValidationError'), 'name');
        });
      });
    }

    it('refuses a provider that is not a provider name', async () => {
      await unchanged(async () => {
        for (const provider of ['', 'lib virt', '1libvirt', 'a<b']) {
          expectIssueOn(member(await create({ name: 'badprovider', provider }), 'computeResourceCreate', 'ValidationError'), 'provider');
        }
      });
    });

    it('refuses an unknown regionId with a ValidationError naming regionId, on create and update', async () => {
      const cr = await created({ name: 'regionless', provider: 'libvirt' });
      await unchanged(async () => {
        const onCreate = member(
          await create({ name: 'lost', provider: 'libvirt', regionId: gid('Region', UNKNOWN_UUID) }),
          'computeResourceCreate',
          'ValidationError',
        );
        expectIssueOn(onCreate, 'regionId');
        expect(onCreate.message).toContain('regionId');
        const onUpdate = member(
          await t.request(CrUpdate, { input: { id: cr.id, regionId: gid('Region', UNKNOWN_UUID) } }),
          'computeResourceUpdate',
          'ValidationError',
        );
        expectIssueOn(onUpdate, 'regionId');
      });
    });

    it('refuses a duplicate name with a ConflictError, on create and update', async () => {
      await created({ name: 'twin-cr', provider: 'libvirt' });
      const other = await created({ name: 'other-cr', provider: 'libvirt' });
      await unchanged(async () => {
        expect(member(await create({ name: 'twin-cr', provider: 'vmware' }), 'computeResourceCreate', 'ConflictError').field).toBe('name');
        member(await t.request(CrUpdate, { input: { id: other.id, name: 'twin-cr' } }), 'computeResourceUpdate', 'ConflictError');
      });
    });

    it('refuses an unknown id with a NotFoundError, on update and delete', async () => {
      const id = gid('ComputeResource', UNKNOWN_UUID);
      await unchanged(async () => {
        member(await t.request(CrUpdate, { input: { id, name: 'x' } }), 'computeResourceUpdate', 'NotFoundError');
        member(await t.request(CrDelete, { input: { id } }), 'computeResourceDelete', 'NotFoundError');
      });
    });

    it('refuses to delete one a live image uses (InUseError), and allows it once the image is deleted', async () => {
      const cr = await created({ name: 'inuse-cr', provider: 'libvirt' });
      const image = await anImage({ computeResource: rawId(cr.id) });
      await unchanged(async () => {
        member(await t.request(CrDelete, { input: { id: cr.id } }), 'computeResourceDelete', 'InUseError');
      });
      await softDelete(image);
      member(await t.request(CrDelete, { input: { id: cr.id } }), 'computeResourceDelete', 'ComputeResourceDeletePayload');
      await nodeIsGone(cr.id);
    });
  });

  // --- Region ------------------------------------------------------------------------------

  describe('Region', () => {
    const create = async (input: { slug: string; name: string }) => (await t.request(RegionCreate, { input })) as Result;
    const created = async (input: { slug: string; name: string }) =>
      member(await create(input), 'regionCreate', 'RegionCreatePayload').region as Record<string, any>;

    it('is created, updated and deleted', async () => {
      const region = await created({ slug: 'toronto', name: 'Toronto' });
      expect(region).toMatchObject({ slug: 'toronto', name: 'Toronto' });
      const updated = member(
        await t.request(RegionUpdate, { input: { id: region.id, slug: 'toronto-2', name: 'Toronto 2' } }),
        'regionUpdate',
        'RegionUpdatePayload',
      );
      expect(updated.region).toEqual({ id: region.id, slug: 'toronto-2', name: 'Toronto 2' });
      member(await t.request(RegionDelete, { input: { id: region.id } }), 'regionDelete', 'RegionDeletePayload');
      await nodeIsGone(region.id);
    });

    it('regions lists by slug, paged both ways', async () => {
      const slugs = ['rlsc', 'rlsa', 'rlse', 'rlsb', 'rlsd'];
      for (const slug of slugs) await created({ slug, name: slug.toUpperCase() });
      const { forward, backward } = await walk(RegionList, 'regions', 'slug', 2);
      expectOrdered(forward, slugs);
      expect(backward).toEqual(forward);
    });

    const badSlugs: [string, string][] = [
      ['uppercase', 'Toronto'],
      ['spaces', 'new york'],
      ['a leading hyphen', '-toronto'],
      ['a trailing hyphen', 'toronto-'],
      ['nothing', ''],
      ['65 characters', 'a'.repeat(65)],
      ['an underscore', 'us_east'],
    ];
    for (const [what, slug] of badSlugs) {
      it(`refuses a slug with ${what}: ValidationError, nothing changed`, async () => {
        const region = await created({ slug: unique('slugbad'), name: 'Bad slug' });
        await unchanged(async () => {
          expectIssueOn(member(await create({ slug, name: 'Somewhere' }), 'regionCreate', 'ValidationError'), 'slug');
          expectIssueOn(member(await t.request(RegionUpdate, { input: { id: region.id, slug } }), 'regionUpdate', 'ValidationError'), 'slug');
        });
      });
    }

    it('refuses an empty name', async () => {
      await unchanged(async () => {
        expectIssueOn(member(await create({ slug: 'emptyname', name: '' }), 'regionCreate', 'ValidationError'), 'name');
      });
    });

    it('refuses a duplicate slug with a ConflictError, on create and update', async () => {
      await created({ slug: 'montreal', name: 'Montreal' });
      const other = await created({ slug: 'quebec', name: 'Quebec' });
      await unchanged(async () => {
        expect(member(await create({ slug: 'montreal', name: 'Other' }), 'regionCreate', 'ConflictError').field).toBe('slug');
        member(await t.request(RegionUpdate, { input: { id: other.id, slug: 'montreal' } }), 'regionUpdate', 'ConflictError');
      });
    });

    it('refuses an unknown id with a NotFoundError, on update and delete', async () => {
      const id = gid('Region', UNKNOWN_UUID);
      await unchanged(async () => {
        member(await t.request(RegionUpdate, { input: { id, name: 'x' } }), 'regionUpdate', 'NotFoundError');
        member(await t.request(RegionDelete, { input: { id } }), 'regionDelete', 'NotFoundError');
      });
    });

    it('refuses to delete one any image keeps, deleted or not (InUseError)', async () => {
      const region = await created({ slug: 'kept', name: 'Kept' });
      const image = await anImage({ region: rawId(region.id) });
      await unchanged(async () => {
        member(await t.request(RegionDelete, { input: { id: region.id } }), 'regionDelete', 'InUseError');
      });
      await softDelete(image);
      await unchanged(async () => {
        member(await t.request(RegionDelete, { input: { id: region.id } }), 'regionDelete', 'InUseError');
      });
    });

    it('refuses to delete one a compute resource is in (InUseError)', async () => {
      const region = await created({ slug: 'hosting', name: 'Hosting' });
      member(
        await t.request(CrCreate, { input: { name: 'hosted', provider: 'libvirt', regionId: region.id } }),
        'computeResourceCreate',
        'ComputeResourceCreatePayload',
      );
      await unchanged(async () => {
        member(await t.request(RegionDelete, { input: { id: region.id } }), 'regionDelete', 'InUseError');
      });
    });
  });

  // --- Project -----------------------------------------------------------------------------

  describe('Project', () => {
    const create = async (name: string) => (await t.request(ProjectCreate, { input: { name } })) as Result;
    const created = async (name: string) => member(await create(name), 'projectCreate', 'ProjectCreatePayload').project as Record<string, any>;

    it('is created, updated and deleted', async () => {
      const project = await created('acme corp');
      expect(project.name).toBe('acme corp');
      const updated = member(await t.request(ProjectUpdate, { input: { id: project.id, name: 'acme-2' } }), 'projectUpdate', 'ProjectUpdatePayload');
      expect(updated.project).toEqual({ id: project.id, name: 'acme-2' });
      member(await t.request(ProjectDelete, { input: { id: project.id } }), 'projectDelete', 'ProjectDeletePayload');
      await nodeIsGone(project.id);
    });

    it('projects lists by name, paged both ways', async () => {
      const names = ['prld', 'prlb', 'prle', 'prla', 'prlc'];
      for (const name of names) await created(name);
      const { forward, backward } = await walk(ProjectList, 'projects', 'name', 2);
      expectOrdered(forward, names);
      expect(backward).toEqual(forward);
    });

    for (const [what, name] of BAD_IDENTIFIERS) {
      it(`refuses a name with ${what}: ValidationError, nothing changed`, async () => {
        const project = await created(unique('projbad'));
        await unchanged(async () => {
          expectIssueOn(member(await create(name), 'projectCreate', 'ValidationError'), 'name');
          expectIssueOn(member(await t.request(ProjectUpdate, { input: { id: project.id, name } }), 'projectUpdate', 'ValidationError'), 'name');
        });
      });
    }

    it('refuses a duplicate name with a ConflictError, on create and update', async () => {
      await created('globex');
      const other = await created('initech');
      await unchanged(async () => {
        expect(member(await create('globex'), 'projectCreate', 'ConflictError').field).toBe('name');
        member(await t.request(ProjectUpdate, { input: { id: other.id, name: 'globex' } }), 'projectUpdate', 'ConflictError');
      });
    });

    it('refuses an unknown id with a NotFoundError, on update and delete', async () => {
      const id = gid('Project', UNKNOWN_UUID);
      await unchanged(async () => {
        member(await t.request(ProjectUpdate, { input: { id, name: 'x' } }), 'projectUpdate', 'NotFoundError');
        member(await t.request(ProjectDelete, { input: { id } }), 'projectDelete', 'NotFoundError');
      });
    });

    it('refuses to delete a project that owns images (InUseError)', async () => {
      const project = await created('owner-of-images');
      await anImage({ owner: rawId(project.id) });
      await unchanged(async () => {
        member(await t.request(ProjectDelete, { input: { id: project.id } }), 'projectDelete', 'InUseError');
      });
    });
  });
});

/** The raw uuid behind a global id. */
