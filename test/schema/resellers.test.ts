// Resellers (Gcore): administrators create, rename and delete them and give them client projects;
// a reseller admin sees only itself, members see none. Deleting a reseller that still has
// projects is refused with InUseError and changes nothing.
import { decodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Project } from '../../src/db/entities/project.js';
import { Region } from '../../src/db/entities/region.js';
import { Reseller } from '../../src/db/entities/reseller.js';
import { SharedImage } from '../../src/db/entities/shared-image.js';
import type { DomainContext } from '../../src/domain/context.js';
import { ForbiddenError } from '../../src/domain/errors.js';
import { createReseller, deleteReseller, listResellers, resellersById, updateReseller } from '../../src/domain/resellers.js';
import type { Viewer } from '../../src/domain/viewer.js';
import { graphql } from '../gql/index.js';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { type Result, member } from '../helpers/results.js';
import { gid, unique } from '../helpers/fixtures.js';

graphql(`
  fragment RsError on Error {
    __typename
    message
    code
    ... on ValidationError { issues { path message } }
    ... on ConflictError { field }
    ... on NotFoundError { type resourceId }
    ... on InUseError { usedBy }
  }
`);

const ResellerCreate = graphql(`
  mutation RsCreate($input: ResellerCreateInput!) {
    resellerCreate(input: $input) { __typename ...RsError ... on ResellerCreatePayload { reseller { id name createdAt updatedAt } } }
  }
`);
const ResellerUpdate = graphql(`
  mutation RsUpdate($input: ResellerUpdateInput!) {
    resellerUpdate(input: $input) { __typename ...RsError ... on ResellerUpdatePayload { reseller { id name } } }
  }
`);
const ResellerDelete = graphql(`
  mutation RsDelete($input: ResellerDeleteInput!) {
    resellerDelete(input: $input) { __typename ...RsError ... on ResellerDeletePayload { deletedId } }
  }
`);
const ResellerList = graphql(`
  query RsList($first: Int, $after: String) {
    resellers(first: $first, after: $after) {
      edges { cursor node { id name } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);
const ResellerNode = graphql(`
  query RsNode($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Reseller { name projects(first: 10) { edges { node { id name reseller { id } } } } sharedImages { region { id } } }
    }
  }
`);
const ProjectCreate = graphql(`
  mutation RsProjectCreate($input: ProjectCreateInput!) {
    projectCreate(input: $input) { __typename ...RsError ... on ProjectCreatePayload { project { id name reseller { id name } } } }
  }
`);
const ProjectUpdate = graphql(`
  mutation RsProjectUpdate($input: ProjectUpdateInput!) {
    projectUpdate(input: $input) { __typename ...RsError ... on ProjectUpdatePayload { project { id name reseller { id } } } }
  }
`);

const UNKNOWN_UUID = '01900000-0000-7000-8000-000000000000';
const TABLES = ['reseller', 'project', 'shared_image'] as const;

describe('resellers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  const ctxOf = (viewer: Viewer): DomainContext => ({ ...t.app.services, em: t.app.orm.em.fork(), viewer });

  async function unchanged(work: () => Promise<void>) {
    const before = await t.snapshot(...TABLES);
    await work();
    expect(await t.snapshot(...TABLES)).toEqual(before);
  }

  const create = async (name: string) =>
    member((await t.request(ResellerCreate, { input: { name } })) as Result, 'resellerCreate', 'ResellerCreatePayload').reseller as Record<string, any>;

  async function aReseller(): Promise<Reseller> {
    const em = t.app.orm.em.fork();
    const reseller = em.create(Reseller, { name: unique('rs') });
    await em.flush();
    return reseller;
  }

  async function aProject(reseller: Reseller | null): Promise<Project> {
    const em = t.app.orm.em.fork();
    const project = em.create(Project, { name: unique('rs-project'), reseller: reseller ? em.getReference(Reseller, reseller.id) : null });
    await em.flush();
    return project;
  }

  describe('as an administrator, through GraphQL', () => {
    it('creates a reseller that node(id) returns', async () => {
      const reseller = await create(unique('Reseller'));
      expect(reseller.createdAt).toBeTruthy();
      const node = await t.request(ResellerNode, { id: reseller.id });
      expect(node.errors).toBeUndefined();
      expect(node.data!.node).toMatchObject({ __typename: 'Reseller', id: reseller.id, name: reseller.name, projects: { edges: [] }, sharedImages: [] });
    });

    it('renames a reseller', async () => {
      const reseller = await create(unique('Before'));
      const name = unique('After');
      const renamed = member((await t.request(ResellerUpdate, { input: { id: reseller.id, name } })) as Result, 'resellerUpdate', 'ResellerUpdatePayload');
      expect(renamed.reseller).toEqual({ id: reseller.id, name });
    });

    it('lists every reseller by name, page by page', async () => {
      const names = [unique('zz-list'), unique('zz-list'), unique('zz-list')];
      for (const name of [...names].reverse()) await create(name);
      const listed: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 50; page++) {
        const result: Result = (await t.request(ResellerList, { first: 2, after })) as Result;
        expect(result.errors).toBeUndefined();
        listed.push(...result.data!.resellers.edges.map((edge: any) => edge.node.name));
        if (!result.data!.resellers.pageInfo.hasNextPage) break;
        after = result.data!.resellers.pageInfo.endCursor;
      }
      expect(listed.filter((name) => names.includes(name))).toEqual([...names].sort());
      expect([...listed].sort()).toEqual(listed);
    });

    it('creates a project as a client of a reseller; Reseller.projects and Project.reseller show it', async () => {
      const reseller = await create(unique('Owner'));
      const project = member(
        (await t.request(ProjectCreate, { input: { name: unique('client'), resellerId: reseller.id } })) as Result,
        'projectCreate',
        'ProjectCreatePayload',
      ).project;
      expect(project.reseller).toEqual({ id: reseller.id, name: reseller.name });
      const node = await t.request(ResellerNode, { id: reseller.id });
      expect((node.data!.node as any).projects.edges.map((edge: any) => edge.node)).toEqual([
        { id: project.id, name: project.name, reseller: { id: reseller.id } },
      ]);
    });

    it("moves a project to another reseller and clears it with null; omitting resellerId leaves it", async () => {
      const [first, second] = [await create(unique('First')), await create(unique('Second'))];
      const project = member(
        (await t.request(ProjectCreate, { input: { name: unique('mover'), resellerId: first.id } })) as Result,
        'projectCreate',
        'ProjectCreatePayload',
      ).project;
      const update = async (input: Record<string, unknown>) =>
        member((await t.request(ProjectUpdate, { input: { id: project.id, ...input } as never })) as Result, 'projectUpdate', 'ProjectUpdatePayload').project;
      expect((await update({ resellerId: second.id })).reseller).toEqual({ id: second.id });
      expect((await update({ name: unique('renamed') })).reseller).toEqual({ id: second.id });
      expect((await update({ resellerId: null })).reseller).toBeNull();
    });

    it('refuses an unknown reseller for a project with a ValidationError on resellerId', async () => {
      await unchanged(async () => {
        const error = member(
          (await t.request(ProjectCreate, { input: { name: unique('orphan'), resellerId: gid('Reseller', UNKNOWN_UUID) } })) as Result,
          'projectCreate',
          'ValidationError',
        );
        expect(error.issues).toEqual([{ path: ['input', 'resellerId'], message: 'no reseller has this id' }]);
      });
    });

    it('deletes a reseller without projects, and its shared-image rows with it', async () => {
      const reseller = await create(unique('Doomed'));
      const em = t.app.orm.em.fork();
      const region = em.create(Region, { slug: unique('rs'), name: 'Doomed' });
      em.create(SharedImage, { reseller: em.getReference(Reseller, decodeGlobalID(reseller.id).id), region, imageIds: null });
      await em.flush();
      const deleted = member((await t.request(ResellerDelete, { input: { id: reseller.id } })) as Result, 'resellerDelete', 'ResellerDeletePayload');
      expect(deleted.deletedId).toBe(reseller.id);
      expect((await t.request(ResellerNode, { id: reseller.id })).data!.node).toBeNull();
      expect(await t.app.orm.em.fork().count(SharedImage, { region })).toBe(0);
    });

    it('refuses to delete a reseller while projects belong to it, with InUseError', async () => {
      const reseller = await aReseller();
      await aProject(reseller);
      await aProject(reseller);
      await unchanged(async () => {
        const error = member((await t.request(ResellerDelete, { input: { id: gid('Reseller', reseller.id) } })) as Result, 'resellerDelete', 'InUseError');
        expect(error).toMatchObject({ code: 'IN_USE', usedBy: '2 projects' });
      });
    });

    it('refuses a bad name with a ValidationError and a taken one with a ConflictError on name', async () => {
      const taken = await aReseller();
      const other = await aReseller();
      await unchanged(async () => {
        for (const name of ['', ' lead', 'a<b', 'a'.repeat(129)]) {
          const error = member((await t.request(ResellerCreate, { input: { name } })) as Result, 'resellerCreate', 'ValidationError');
          expect(new Set(error.issues.map((issue: any) => issue.path.join('.')))).toEqual(new Set(['input.name']));
        }
        expect(member((await t.request(ResellerCreate, { input: { name: taken.name } })) as Result, 'resellerCreate', 'ConflictError').field).toBe('name');
        const renamed = (await t.request(ResellerUpdate, { input: { id: gid('Reseller', other.id), name: taken.name } })) as Result;
        expect(member(renamed, 'resellerUpdate', 'ConflictError').field).toBe('name');
      });
    });

    it('answers NotFoundError for an unknown reseller on update and delete', async () => {
      await unchanged(async () => {
        const id = gid('Reseller', UNKNOWN_UUID);
        expect(member((await t.request(ResellerUpdate, { input: { id, name: 'x' } })) as Result, 'resellerUpdate', 'NotFoundError').type).toBe('Reseller');
        expect(member((await t.request(ResellerDelete, { input: { id } })) as Result, 'resellerDelete', 'NotFoundError').type).toBe('Reseller');
      });
    });
  });

  describe('as other principals', () => {
    let mine: Reseller;
    let theirs: Reseller;
    let client: Project;
    beforeAll(async () => {
      mine = await aReseller();
      theirs = await aReseller();
      client = await aProject(mine);
    });

    it('shows a reseller admin only its own reseller, in the list and by id', async () => {
      const page = await listResellers(ctxOf({ kind: 'reseller', resellerId: mine.id }), { first: 100 });
      expect(page.nodes.map((row) => row.id)).toEqual([mine.id]);
      const byId = await resellersById(ctxOf({ kind: 'reseller', resellerId: mine.id }), [mine.id, theirs.id]);
      expect(byId.map((row) => row.id)).toEqual([mine.id]);
    });

    it('shows members no reseller, not even their own project\'s', async () => {
      const member: Viewer = { kind: 'member', projectId: client.id, resellerId: mine.id, readOnly: false };
      expect((await listResellers(ctxOf(member), { first: 100 })).nodes).toEqual([]);
      expect(await resellersById(ctxOf(member), [mine.id])).toEqual([]);
    });

    it('refuses create, update and delete to anybody but an administrator with ForbiddenError', async () => {
      const viewers: Viewer[] = [
        { kind: 'reseller', resellerId: mine.id },
        { kind: 'member', projectId: client.id, resellerId: mine.id, readOnly: false },
        { kind: 'member', projectId: client.id, resellerId: mine.id, readOnly: true },
      ];
      await unchanged(async () => {
        for (const viewer of viewers) {
          await expect(createReseller(ctxOf(viewer), { name: unique('nope') })).rejects.toBeInstanceOf(ForbiddenError);
          await expect(updateReseller(ctxOf(viewer), mine.id, { name: unique('nope') })).rejects.toBeInstanceOf(ForbiddenError);
          await expect(deleteReseller(ctxOf(viewer), theirs.id)).rejects.toBeInstanceOf(ForbiddenError);
        }
      });
    });

    it('answers a reseller token through GraphQL with its own reseller only, and refuses it resellerCreate', async () => {
      const as = t.as(await t.tokenFor({ role: 'reseller', resellerId: mine.id }));
      const list = await as.request(ResellerList, { first: 100 });
      expect(list.errors).toBeUndefined();
      expect(list.data!.resellers.edges.map((edge) => edge.node.id)).toEqual([gid('Reseller', mine.id)]);
      expect((await as.request(ResellerNode, { id: gid('Reseller', theirs.id) })).data?.node ?? null).toBeNull();
      await unchanged(async () => {
        const result = (await as.request(ResellerCreate, { input: { name: unique('nope') } })) as Result;
        const refused = result.data?.resellerCreate?.__typename ?? result.errors?.[0]?.extensions?.code;
        expect(['ForbiddenError', 'FORBIDDEN']).toContain(refused);
      });
    });
  });
});
