// What normalized client caches (Relay, Apollo, urql's graphcache) rely on: every cached object
// has an id that no other object has, an error never carries a node's id as its own, every
// connection counts its list, and an error's status fields are the enum the image's status is.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Project } from '../../src/db/entities/project.js';
import { Reseller } from '../../src/db/entities/reseller.js';
import { SharedImage } from '../../src/db/entities/shared-image.js';
import { Task } from '../../src/db/entities/task.js';
import { ERROR_CODES } from '../../src/domain/errors.js';
import { NODE_TYPES } from '../../src/schema/builder.js';
import { graphql } from '../gql/index.js';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { type Catalog, createCatalog, createImages, gid, unique } from '../helpers/fixtures.js';
import { type Result, member } from '../helpers/results.js';

const CachedObjects = graphql(`
  query CcCachedObjects($id: ID!) {
    image(id: $id) {
      id
      metadata { id key }
      metadataItem(key: "key-0") { id }
    }
  }
`);

const Missing = graphql(`
  mutation CcMissing($id: ID!) {
    imageRename(input: { id: $id, name: "renamed" }) {
      __typename
      ... on NotFoundError { type resourceId id }
    }
  }
`);

const Counted = graphql(`
  query CcCounted($imageId: ID!) {
    regions(first: 1) { totalCount edges { node { id } } pageInfo { hasNextPage } }
    tasks(first: 1, filter: { imageId: $imageId }) { totalCount edges { node { id } } }
    images(first: 1, filter: { nameContains: "cc-counted" }) { totalCount }
  }
`);

const decoded = (id: string) => Buffer.from(id, 'base64').toString();

describe('the schema as normalized client caches use it', () => {
  let t: TestApp;
  let catalog: Catalog;

  beforeAll(async () => {
    t = await startTestApp();
    catalog = await createCatalog(t.app);
  });
  afterAll(() => t?.close());

  // The test app answers through the compiled read path and checks every answer against the general path's.
  it('gives metadata items global ids of their own type', async () => {
    const [image] = await createImages(t.app, catalog, 1, { metadataPerImage: 3 });
    const answer = await t.request(CachedObjects, { id: gid('Image', image!.id) });
    const items = answer.data!.image!.metadata;
    expect(items).toHaveLength(3);
    expect(new Set(items.map((item) => item.id)).size).toBe(3);
    for (const item of items) expect(decoded(item.id)).toMatch(/^Metadata:[0-9a-f-]{36}$/);
    expect(answer.data!.image!.metadataItem!.id).toBe(items.find((item) => item.key === 'key-0')!.id);
  });

  it('gives shared-image rows an id of their own type', async () => {
    const em = t.app.orm.em.fork();
    const row = em.create(SharedImage, { project: catalog.project.id, region: catalog.region.id, imageIds: [] } as never);
    await em.flush();
    const answer = await t.requestRaw(
      `query ($projectId: ID!, $regionId: ID!) { sharedImage(projectId: $projectId, regionId: $regionId) { id } }`,
      { projectId: gid('Project', catalog.project.id), regionId: gid('Region', catalog.region.id) },
    );
    expect(answer.data!.sharedImage.id).toBe(gid('SharedImage', row.id));
  });

  it("names a missing object by type and resourceId; the deprecated id still answers the same", async () => {
    const missing = gid('Image', '01900000-0000-7000-8000-000000000000');
    const error = member((await t.request(Missing, { id: missing })) as Result, 'imageRename', 'NotFoundError');
    expect(error).toEqual({ __typename: 'NotFoundError', type: 'Image', resourceId: missing, id: missing });
    const field = (await t.requestRaw('{ __type(name: "NotFoundError") { fields(includeDeprecated: true) { name isDeprecated deprecationReason } } }'))
      .data!.__type.fields.find((candidate: { name: string }) => candidate.name === 'id');
    expect(field.isDeprecated).toBe(true);
    expect(field.deprecationReason).toMatch(/resourceId/);
  });

  it('types Error.code as the closed set of codes the domain throws', async () => {
    const answer = await t.requestRaw('{ code: __type(name: "ErrorCode") { enumValues { name } } error: __type(name: "Error") { fields { name type { ofType { name } } } } }');
    expect(answer.data!.code.enumValues.map((value: { name: string }) => value.name)).toEqual([...ERROR_CODES].sort());
    expect(answer.data!.error.fields.find((field: { name: string }) => field.name === 'code').type.ofType.name).toBe('ErrorCode');
  });

  it('answers InvalidStatusTransitionError.from and to as ImageStatus values', async () => {
    const type = (await t.requestRaw('{ __type(name: "InvalidStatusTransitionError") { fields { name type { kind ofType { name } } } } }')).data!.__type;
    for (const name of ['from', 'to']) {
      expect(type.fields.find((field: { name: string }) => field.name === name).type).toEqual({ kind: 'NON_NULL', ofType: { name: 'ImageStatus' } });
    }
  });

  it('answers node(id:) and nodes(ids:) null for an id of a type that is not a Node, as for one that does not exist', async () => {
    const [image] = await createImages(t.app, catalog, 1, { metadataPerImage: 1 });
    const metadataId = (await t.request(CachedObjects, { id: gid('Image', image!.id) })).data!.image!.metadata[0]!.id;
    for (const id of [metadataId, gid('NoSuchType', 'x'), gid('Query', 'x')]) {
      const one = await t.requestRaw('query ($id: ID!) { node(id: $id) { id } }', { id });
      expect(one).toEqual({ data: { node: null } });
      const many = await t.requestRaw('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: [gid('Image', image!.id), id] });
      expect(many).toEqual({ data: { nodes: [{ id: gid('Image', image!.id) }, null] } });
    }
    // The list the resolvers go by is the schema's own list of Node types.
    const nodeTypes = (await t.requestRaw('{ __type(name: "Node") { possibleTypes { name } } }')).data!.__type.possibleTypes.map((type: { name: string }) => type.name);
    expect(new Set(nodeTypes)).toEqual(NODE_TYPES);
  });

  it('counts the whole list on every connection, whatever the page size', async () => {
    const images = await createImages(t.app, catalog, 3, { name: (index) => `cc-counted-${index}` });
    const em = t.app.orm.em.fork();
    for (const type of ['CREATE', 'IMPORT'] as const) {
      em.create(Task, { type, state: 'FINISHED', image: images[0]!.id, project: catalog.project.id, progress: 100, bytesDone: 0 } as never);
    }
    await em.flush();
    const [regions] = await t.app.orm.em.fork().getConnection().execute<{ n: number }[]>('select count(*)::int as n from region');
    const answer = await t.request(Counted, { imageId: gid('Image', images[0]!.id) });
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.regions.totalCount).toBe(regions!.n);
    expect(answer.data!.regions.edges).toHaveLength(1);
    expect(answer.data!.tasks.totalCount).toBe(2);
    expect(answer.data!.tasks.edges).toHaveLength(1);
    expect(answer.data!.images.totalCount).toBe(3);
    // After a cursor, the count is still of the whole list.
    const cursor = (await t.requestRaw('{ regions(first: 1) { pageInfo { endCursor } } }')).data!.regions.pageInfo.endCursor;
    const after = await t.requestRaw('query ($after: String) { regions(first: 1, after: $after) { totalCount } }', { after: cursor });
    expect(after.data!.regions.totalCount).toBe(regions!.n);
  });

  it("counts only what the viewer may see: a member's own project and tasks, a reseller's own clients", async () => {
    const em = t.app.orm.em.fork();
    const reseller = em.create(Reseller, { name: unique('cc-reseller') });
    const clients = [0, 1].map(() => em.create(Project, { name: unique('cc-client'), reseller }));
    const [image] = await createImages(t.app, catalog, 1);
    em.create(Task, { type: 'CREATE', state: 'FINISHED', image: image!.id, project: clients[0], progress: 100, bytesDone: 0 } as never);
    em.create(Task, { type: 'CREATE', state: 'FINISHED', image: image!.id, project: catalog.project.id, progress: 100, bytesDone: 0 } as never);
    await em.flush();
    const counts = '{ projects(first: 1) { totalCount } tasks(first: 1) { totalCount } resellers(first: 1) { totalCount } }';
    const asMember = await t.as(await t.tokenFor({ role: 'member', projectId: clients[0]!.id })).requestRaw(counts);
    expect(asMember.data).toMatchObject({ projects: { totalCount: 1 }, tasks: { totalCount: 1 } });
    const asReseller = await t.as(await t.tokenFor({ role: 'reseller', resellerId: reseller.id })).requestRaw(counts);
    expect(asReseller.data).toMatchObject({ projects: { totalCount: 2 }, resellers: { totalCount: 1 } });
  });
});
