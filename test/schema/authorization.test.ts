// Who may do what: every query and mutation, as every kind of caller, with the outcome each
// must get. The table must name every root field of the schema: a new operation without a
// row fails this test until someone decides who may use it.
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Image } from '../../src/db/entities/image.js';
import { ImageMember } from '../../src/db/entities/image-member.js';
import { Project } from '../../src/db/entities/project.js';
import { Region } from '../../src/db/entities/region.js';
import { Reseller } from '../../src/db/entities/reseller.js';
import { SharedImage } from '../../src/db/entities/shared-image.js';
import { Task } from '../../src/db/entities/task.js';
import { buildSchema } from '../../src/schema/index.js';
import { type Caller, type TestApp, startTestApp } from '../helpers/app.js';
import { unique } from '../helpers/fixtures.js';

const PRINCIPALS = ['anonymous', 'admin', 'reseller', 'p1', 'p1ReadOnly', 'p2'] as const;
type Principal = (typeof PRINCIPALS)[number];
type Outcome = 'ok' | 'unauthenticated' | 'forbidden' | 'notFound';
type Known = Exclude<Principal, 'anonymous'>;

/** A request for one principal, built on fresh rows when the operation consumes them. */
type Build = (fx: Fixtures) => Promise<{ query: string; variables?: Record<string, unknown> }>;
interface Row {
  build: Build;
  expect: Record<Known, Outcome>;
  /** Further checks of an allowed result (lists scoped to the caller, for instance). */
  check?: (principal: Known, data: any, fx: Fixtures) => void;
}

interface Fixtures {
  region: string;
  reseller: string;
  p1: string;
  p2: string;
  /** A second region, to replicate into. */
  otherRegion: string;
  /** P1's PRIVATE image, made once, never changed. */
  p1Image: string;
  /** A task P1 asked for. */
  p1Task: string;
  /** A file on loopback that imports may fetch. */
  sourceUrl: string;
  p1ImageName: string;
  /** A fresh image of P1's, for operations that change or remove it. */
  freshImage(options?: { visibility?: 'PRIVATE' | 'SHARED'; memberP2?: boolean; status?: 'ACTIVE' | 'DEACTIVATED' }): Promise<string>;
  /** A fresh row of a reference type, for update and delete. */
  freshReference(type: 'Region' | 'Project' | 'OperatingSystem' | 'Architecture' | 'ComputeResource' | 'Reseller'): Promise<string>;
  sharedRow(entity: 'project' | 'reseller'): Promise<void>;
}

const everyone = (outcome: Outcome): Record<Known, Outcome> => ({ admin: outcome, reseller: outcome, p1: outcome, p1ReadOnly: outcome, p2: outcome });
const adminOnly: Record<Known, Outcome> = { admin: 'ok', reseller: 'forbidden', p1: 'forbidden', p1ReadOnly: 'forbidden', p2: 'forbidden' };
/** P1's own image: its writers change it; P2 cannot even see it. */
const p1Writes: Record<Known, Outcome> = { admin: 'ok', reseller: 'forbidden', p1: 'ok', p1ReadOnly: 'forbidden', p2: 'notFound' };
/** Reading P1's private image. */
const p1Reads: Record<Known, Outcome> = { admin: 'ok', reseller: 'ok', p1: 'ok', p1ReadOnly: 'ok', p2: 'notFound' };
const sharingRows: Record<Known, Outcome> = { admin: 'ok', reseller: 'ok', p1: 'forbidden', p1ReadOnly: 'forbidden', p2: 'forbidden' };

const q = (query: string, variables?: (fx: Fixtures) => Record<string, unknown>): Build => async (fx) => ({ query, variables: variables?.(fx) });
const mutation = (field: string, inputType: string, input: (fx: Fixtures) => Promise<Record<string, unknown>> | Record<string, unknown>): Build => async (fx) => ({
  query: `mutation ($input: ${inputType}!) { ${field}(input: $input) { __typename } }`,
  variables: { input: await input(fx) },
});
const referenceMutations = (name: string, type: Parameters<Fixtures['freshReference']>[0], create: () => Record<string, unknown>, patch: Record<string, unknown>): Record<string, Row> => {
  const upper = name.charAt(0).toUpperCase() + name.slice(1);
  return {
    [`${name}Create`]: { build: mutation(`${name}Create`, `${upper}CreateInput`, create), expect: adminOnly },
    [`${name}Update`]: { build: mutation(`${name}Update`, `${upper}UpdateInput`, async (fx) => ({ id: await fx.freshReference(type), ...patch })), expect: adminOnly },
    [`${name}Delete`]: { build: mutation(`${name}Delete`, `${upper}DeleteInput`, async (fx) => ({ id: await fx.freshReference(type) })), expect: adminOnly },
  };
};
const names = (edges: { node: { name: string } }[]) => edges.map((edge) => edge.node.name);

const TABLE: Record<string, Row> = {
  // --- queries ---
  images: { build: q('{ images(first: 5) { totalCount } }'), expect: everyone('ok') },
  image: { build: q('query ($id: ID!) { image(id: $id) { id } }', (fx) => ({ id: fx.p1Image })), expect: p1Reads },
  imageByName: {
    build: q('query ($region: ID!, $name: String!) { imageByName(regionId: $region, name: $name) { id } }', (fx) => ({ region: fx.region, name: fx.p1ImageName })),
    expect: p1Reads,
  },
  node: { build: q('query ($id: ID!) { node(id: $id) { id } }', (fx) => ({ id: fx.p1Image })), expect: p1Reads },
  nodes: { build: q('query ($id: ID!) { nodes(ids: [$id]) { id } }', (fx) => ({ id: fx.p1Image })), expect: p1Reads },
  projectImages: {
    build: q('query ($project: ID!) { projectImages(projectId: $project, first: 5) { totalCount } }', (fx) => ({ project: fx.p1 })),
    expect: everyone('ok'),
    check: (principal, data) => expect(data.projectImages.totalCount > 0).toBe(principal !== 'p2'),
  },
  regions: { build: q('{ regions(first: 5) { edges { node { slug } } } }'), expect: everyone('ok') },
  operatingSystems: { build: q('{ operatingSystems(first: 5) { edges { cursor } } }'), expect: everyone('ok') },
  architectures: { build: q('{ architectures(first: 5) { edges { cursor } } }'), expect: everyone('ok') },
  computeResources: { build: q('{ computeResources(first: 5) { edges { cursor } } }'), expect: everyone('ok') },
  projects: {
    build: q('{ projects(first: 100) { edges { node { name } } } }'),
    expect: everyone('ok'),
    // Members see their own project, a reseller its clients.
    check: (principal, data) => {
      const listed = names(data.projects.edges);
      if (principal === 'p1' || principal === 'p1ReadOnly' || principal === 'reseller') expect(listed).toEqual(['authz-p1']);
      if (principal === 'p2') expect(listed).toEqual(['authz-p2']);
      if (principal === 'admin') expect(listed).toEqual(expect.arrayContaining(['authz-p1', 'authz-p2']));
    },
  },
  resellers: {
    build: q('{ resellers(first: 100) { edges { node { name } } } }'),
    expect: everyone('ok'),
    check: (principal, data) => {
      const listed = names(data.resellers.edges);
      if (principal === 'admin' || principal === 'reseller') expect(listed).toContain('authz-reseller');
      else expect(listed).toEqual([]);
    },
  },
  task: { build: q('query ($id: ID!) { task(id: $id) { id } }', (fx) => ({ id: fx.p1Task })), expect: p1Reads },
  viewer: {
    build: q('{ viewer { kind readOnly project { id } reseller { id } } }'),
    expect: everyone('ok'),
    // Each token is told whom it stands for, and nothing of anybody else.
    check: (principal, data, fx) => {
      const member = (project: string, readOnly: boolean) => ({ kind: 'MEMBER', readOnly, project: { id: project }, reseller: null });
      const expected = {
        admin: { kind: 'ADMIN', readOnly: false, project: null, reseller: null },
        reseller: { kind: 'RESELLER', readOnly: false, project: null, reseller: { id: fx.reseller } },
        p1: member(fx.p1, false),
        p1ReadOnly: member(fx.p1, true),
        p2: member(fx.p2, false),
      };
      expect(data.viewer).toEqual(expected[principal]);
    },
  },
  tasks: {
    build: q('{ tasks(first: 50) { edges { node { id } } } }'),
    expect: everyone('ok'),
    // Members see their project's tasks, a reseller its clients'.
    check: (principal, data, fx) => {
      const listed = data.tasks.edges.map((edge: { node: { id: string } }) => edge.node.id);
      if (principal === 'p2') expect(listed).not.toContain(fx.p1Task);
      else expect(listed).toContain(fx.p1Task);
    },
  },
  sharedImage: {
    build: async (fx) => {
      await fx.sharedRow('project');
      return { query: 'query ($project: ID!, $region: ID!) { sharedImage(projectId: $project, regionId: $region) { imageIds } }', variables: { project: fx.p1, region: fx.region } };
    },
    expect: { admin: 'ok', reseller: 'ok', p1: 'ok', p1ReadOnly: 'ok', p2: 'forbidden' },
  },

  // --- reference data: administrators only ---
  ...referenceMutations('region', 'Region', () => ({ slug: unique('authz').toLowerCase(), name: 'Somewhere' }), { name: 'Elsewhere' }),
  ...referenceMutations('project', 'Project', () => ({ name: unique('authz') }), { name: unique('authz-renamed') }),
  ...referenceMutations('operatingSystem', 'OperatingSystem', () => ({ name: unique('os'), major: '1' }), { minor: '2' }),
  ...referenceMutations('architecture', 'Architecture', () => ({ name: unique('arch') }), { name: unique('arch') }),
  ...referenceMutations('computeResource', 'ComputeResource', () => ({ name: unique('cr'), provider: 'libvirt' }), { provider: 'vmware' }),
  ...referenceMutations('reseller', 'Reseller', () => ({ name: unique('reseller') }), { name: unique('reseller') }),

  // --- images: writers of the owning project ---
  imageCreate: {
    build: mutation('imageCreate', 'ImageCreateInput', (fx) => ({ name: unique('created'), regionId: fx.region })),
    expect: { admin: 'ok', reseller: 'forbidden', p1: 'ok', p1ReadOnly: 'forbidden', p2: 'ok' },
  },
  imageImport: {
    // A loopback source allowed by IMPORT_ALLOWED_HOSTS answers the request's probe; no worker
    // runs here, so the file itself is never fetched.
    build: mutation('imageImport', 'ImageImportInput', (fx) => ({ name: unique('imported'), regionId: fx.region, url: fx.sourceUrl })),
    expect: { admin: 'ok', reseller: 'forbidden', p1: 'ok', p1ReadOnly: 'forbidden', p2: 'ok' },
  },
  imageReplicate: {
    build: mutation('imageReplicate', 'ImageReplicateInput', async (fx) => ({ id: await fx.freshImage(), regionId: fx.otherRegion })),
    expect: p1Writes,
  },
  imageUpdate: { build: mutation('imageUpdate', 'ImageUpdateInput', async (fx) => ({ id: await fx.freshImage(), patch: { description: 'changed' } })), expect: p1Writes },
  imageRename: { build: mutation('imageRename', 'ImageRenameInput', async (fx) => ({ id: await fx.freshImage(), name: unique('renamed') })), expect: p1Writes },
  imageTagAdd: { build: mutation('imageTagAdd', 'ImageTagAddInput', async (fx) => ({ id: await fx.freshImage(), tags: ['lts'] })), expect: p1Writes },
  imageTagRemove: { build: mutation('imageTagRemove', 'ImageTagRemoveInput', async (fx) => ({ id: await fx.freshImage(), tags: ['lts'] })), expect: p1Writes },
  imageDelete: { build: mutation('imageDelete', 'ImageDeleteInput', async (fx) => ({ id: await fx.freshImage() })), expect: p1Writes },
  imageMetadataSet: {
    build: mutation('imageMetadataSet', 'ImageMetadataSetInput', async (fx) => ({ id: await fx.freshImage(), items: [{ key: 'k', value: 'v' }] })),
    expect: p1Writes,
  },
  imageMetadataReplace: {
    build: mutation('imageMetadataReplace', 'ImageMetadataReplaceInput', async (fx) => ({ id: await fx.freshImage(), items: [{ key: 'k', value: 'v' }] })),
    expect: p1Writes,
  },
  imageMetadataDelete: {
    build: mutation('imageMetadataDelete', 'ImageMetadataDeleteInput', async (fx) => ({ id: await fx.freshImage(), key: 'seeded' })),
    expect: p1Writes,
  },

  // --- status: administrators deactivate and reactivate (Glance) ---
  imageDeactivate: {
    build: mutation('imageDeactivate', 'ImageDeactivateInput', async (fx) => ({ id: await fx.freshImage() })),
    expect: { admin: 'ok', reseller: 'forbidden', p1: 'forbidden', p1ReadOnly: 'forbidden', p2: 'forbidden' },
  },
  imageReactivate: {
    build: mutation('imageReactivate', 'ImageReactivateInput', async (fx) => ({ id: await fx.freshImage({ status: 'DEACTIVATED' }) })),
    expect: { admin: 'ok', reseller: 'forbidden', p1: 'forbidden', p1ReadOnly: 'forbidden', p2: 'forbidden' },
  },

  // --- members: the owner offers and withdraws, the member answers ---
  imageMemberAdd: {
    build: mutation('imageMemberAdd', 'ImageMemberAddInput', async (fx) => ({ imageId: await fx.freshImage({ visibility: 'SHARED' }), projectId: fx.p2 })),
    expect: p1Writes,
  },
  imageMemberUpdate: {
    build: mutation('imageMemberUpdate', 'ImageMemberUpdateInput', async (fx) => ({
      imageId: await fx.freshImage({ visibility: 'SHARED', memberP2: true }),
      projectId: fx.p2,
      status: 'ACCEPTED',
    })),
    expect: { admin: 'ok', reseller: 'forbidden', p1: 'forbidden', p1ReadOnly: 'forbidden', p2: 'ok' },
  },
  imageMemberRemove: {
    build: mutation('imageMemberRemove', 'ImageMemberRemoveInput', async (fx) => ({
      imageId: await fx.freshImage({ visibility: 'SHARED', memberP2: true }),
      projectId: fx.p2,
    })),
    expect: { admin: 'ok', reseller: 'forbidden', p1: 'ok', p1ReadOnly: 'forbidden', p2: 'forbidden' },
  },

  // --- shared-image rows: administrators, and a reseller for itself and its clients ---
  sharedImageSet: { build: mutation('sharedImageSet', 'SharedImageSetInput', (fx) => ({ projectId: fx.p1, regionId: fx.region, imageIds: null })), expect: sharingRows },
  sharedImageDelete: {
    build: mutation('sharedImageDelete', 'SharedImageDeleteInput', async (fx) => {
      await fx.sharedRow('project');
      return { projectId: fx.p1, regionId: fx.region };
    }),
    expect: sharingRows,
  },
  resellerImageLimitsSet: {
    build: mutation('resellerImageLimitsSet', 'ResellerImageLimitsSetInput', (fx) => ({ resellerId: fx.reseller, regionId: fx.region, imageIds: null })),
    expect: sharingRows,
  },
  resellerImageLimitsDelete: {
    build: mutation('resellerImageLimitsDelete', 'ResellerImageLimitsDeleteInput', async (fx) => {
      await fx.sharedRow('reseller');
      return { resellerId: fx.reseller, regionId: fx.region };
    }),
    expect: sharingRows,
  },
};

const TABLES = [
  'image', 'image_metadata', 'image_member', 'shared_image', 'region', 'project', 'reseller',
  'operating_system', 'architecture', 'compute_resource', 'api_token', 'task',
];

function outcomeOf(result: { errors?: readonly { extensions?: Record<string, unknown> }[]; data?: any }, field: string): string {
  const code = result.errors?.[0]?.extensions?.code;
  if (code === 'UNAUTHENTICATED') return 'unauthenticated';
  if (code === 'FORBIDDEN') return 'forbidden';
  if (code) return `error ${code}: ${JSON.stringify(result.errors)}`;
  const value = result.data?.[field];
  if (value === null) return 'notFound';
  if (Array.isArray(value)) return value[0] === null ? 'notFound' : 'ok';
  const typename: string | undefined = value?.__typename;
  if (typename === undefined || typename.endsWith('Payload')) return 'ok';
  return { ForbiddenError: 'forbidden', NotFoundError: 'notFound' }[typename] ?? typename;
}

describe('who may use each operation', () => {
  let t: TestApp;
  let fx: Fixtures;
  let source: Server;
  const callers = {} as Record<Principal, Caller>;

  beforeAll(async () => {
    source = createServer((_req, res) => void res.writeHead(200, { 'content-length': 4 }).end('disk'));
    await new Promise<void>((resolve) => source.listen(0, '127.0.0.1', resolve));
    // No workers: background tasks would change the tables between a refusal's snapshots.
    t = await startTestApp({ WORKERS: '0', IMPORT_ALLOWED_HOSTS: '127.0.0.1/32' });
    const em = t.app.orm.em.fork();
    const region = em.create(Region, { slug: 'authz', name: 'Authz' });
    const otherRegion = em.create(Region, { slug: 'authz-other', name: 'Authz other' });
    const reseller = em.create(Reseller, { name: 'authz-reseller' });
    const p1 = em.create(Project, { name: 'authz-p1', reseller });
    const p2 = em.create(Project, { name: 'authz-p2', reseller: null });
    const p1Image = em.create(Image, { name: 'authz-p1-image', owner: p1, region, status: 'ACTIVE', visibility: 'PRIVATE' } as never);
    const p1Task = em.create(Task, { type: 'CREATE', state: 'FINISHED', image: p1Image, project: p1 } as never);
    await em.flush();
    const gid = encodeGlobalID;
    fx = {
      region: gid('Region', region.id),
      reseller: gid('Reseller', reseller.id),
      p1: gid('Project', p1.id),
      p2: gid('Project', p2.id),
      otherRegion: gid('Region', otherRegion.id),
      p1Image: gid('Image', p1Image.id),
      p1Task: gid('Task', p1Task.id),
      sourceUrl: `http://127.0.0.1:${(source.address() as AddressInfo).port}/disk.raw`,
      p1ImageName: p1Image.name,
      async freshImage({ visibility = 'PRIVATE', memberP2 = false, status = 'ACTIVE' } = {}) {
        const fork = t.app.orm.em.fork();
        const image = fork.create(Image, { name: unique('fresh'), owner: p1.id, region: region.id, status, visibility, tags: ['lts'] } as never);
        fork.create('ImageMetadata', { image, key: 'seeded', value: 'x', readOnly: false });
        if (memberP2) fork.create(ImageMember, { image, project: p2.id, status: 'PENDING' } as never);
        await fork.flush();
        return gid('Image', image.id);
      },
      async freshReference(type) {
        const fork = t.app.orm.em.fork();
        const data = {
          Region: { slug: unique('r').toLowerCase(), name: 'R' },
          Project: { name: unique('p'), reseller: null },
          OperatingSystem: { name: unique('os'), major: '1', minor: '' },
          Architecture: { name: unique('arch') },
          ComputeResource: { name: unique('cr'), provider: 'libvirt', region: null },
          Reseller: { name: unique('reseller') },
        }[type];
        const row = fork.create(type, data as never) as { id: string };
        await fork.flush();
        return gid(type, row.id);
      },
      async sharedRow(entity) {
        const fork = t.app.orm.em.fork();
        const owner = entity === 'project' ? { project: p1.id, reseller: null } : { project: null, reseller: reseller.id };
        const existing = await fork.findOne(SharedImage, { ...owner, region: region.id });
        if (!existing) {
          fork.create(SharedImage, { ...owner, region: region.id, imageIds: null } as never);
          await fork.flush();
        }
      },
    };
    callers.anonymous = t.as(null);
    callers.admin = t;
    callers.reseller = t.as(await t.tokenFor({ role: 'reseller', resellerId: reseller.id }));
    callers.p1 = t.as(await t.tokenFor({ role: 'member', projectId: p1.id }));
    callers.p1ReadOnly = t.as(await t.tokenFor({ role: 'member', projectId: p1.id, readOnly: true }));
    callers.p2 = t.as(await t.tokenFor({ role: 'member', projectId: p2.id }));
  });
  afterAll(async () => {
    await t?.close();
    source?.close();
  });

  it('refuses a member every change to an image it can see but does not own, changing nothing', async () => {
    // A PUBLIC image of the provider's catalog: every member can see it, none may change it.
    const em = t.app.orm.em.fork();
    const region = await em.findOneOrFail(Region, { slug: 'authz' });
    const image = em.create(Image, { name: unique('public'), owner: null, region, status: 'ACTIVE', visibility: 'PUBLIC', tags: ['lts'] } as never);
    await em.flush();
    const id = encodeGlobalID('Image', image.id);
    const attempts: [string, string, Record<string, unknown>][] = [
      ['imageUpdate', 'ImageUpdateInput', { id, patch: { description: 'mine now' } }],
      ['imageRename', 'ImageRenameInput', { id, name: unique('mine') }],
      ['imageTagAdd', 'ImageTagAddInput', { id, tags: ['mine'] }],
      ['imageTagRemove', 'ImageTagRemoveInput', { id, tags: ['lts'] }],
      ['imageDelete', 'ImageDeleteInput', { id }],
      ['imageMetadataSet', 'ImageMetadataSetInput', { id, items: [{ key: 'k', value: 'v' }] }],
      ['imageMetadataReplace', 'ImageMetadataReplaceInput', { id, items: [] }],
      ['imageMetadataDelete', 'ImageMetadataDeleteInput', { id, key: 'k' }],
      ['imageMemberAdd', 'ImageMemberAddInput', { imageId: id, projectId: fx.p1 }],
    ];
    for (const principal of ['p1', 'p2'] as const) {
      for (const [field, inputType, input] of attempts) {
        const before = await t.snapshot(...TABLES);
        const result = await callers[principal].requestRaw(`mutation ($input: ${inputType}!) { ${field}(input: $input) { __typename } }`, { input });
        expect(outcomeOf(result, field), `${field} as ${principal}`).toBe('forbidden');
        expect(result.data?.[field]?.__typename, `${field} as ${principal}`).toBe('ForbiddenError');
        expect(await t.snapshot(...TABLES)).toEqual(before);
      }
    }
  });

  it('has a row for every query and mutation of the schema, and none for fields that are gone', () => {
    const schema = buildSchema();
    const operations = [...Object.keys(schema.getQueryType()!.getFields()), ...Object.keys(schema.getMutationType()!.getFields())].sort();
    expect(Object.keys(TABLE).sort()).toEqual(operations);
  });

  for (const [field, row] of Object.entries(TABLE)) {
    for (const principal of PRINCIPALS) {
      const expected: Outcome = principal === 'anonymous' ? 'unauthenticated' : row.expect[principal];
      it(`${field} as ${principal}: ${expected}`, async () => {
        const { query, variables } = await row.build(fx);
        const refused = expected !== 'ok' && query.startsWith('mutation');
        const before = refused ? await t.snapshot(...TABLES) : undefined;
        const result = await callers[principal].requestRaw(query, variables);
        expect(outcomeOf(result, field)).toBe(expected);
        if (expected === 'ok' && principal !== 'anonymous') row.check?.(principal, result.data, fx);
        // A refusal leaves every table as it was.
        if (refused) expect(await t.snapshot(...TABLES)).toEqual(before);
      });
    }
  }
});
