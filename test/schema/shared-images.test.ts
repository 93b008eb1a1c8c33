// Gcore shared images and reseller image limits: one row per (project or reseller, region);
// imageIds null = every public image, [] = none, a list = only those, and a reseller's list may
// also share its clients' images. Who may set, delete and read which rows, and every refusal
// as a typed error that changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Image, type Visibility } from '../../src/db/entities/image.js';
import { Project } from '../../src/db/entities/project.js';
import { Region } from '../../src/db/entities/region.js';
import { Reseller } from '../../src/db/entities/reseller.js';
import { SharedImage } from '../../src/db/entities/shared-image.js';
import type { DomainContext } from '../../src/domain/context.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../src/domain/errors.js';
import { deleteSharedImage, getSharedImage, setSharedImage } from '../../src/domain/shared-images.js';
import type { Viewer } from '../../src/domain/viewer.js';
import { graphql } from '../gql/index.js';
import { type Caller, type TestApp, startTestApp } from '../helpers/app.js';
import { type Result, member } from '../helpers/results.js';
import { gid, unique } from '../helpers/fixtures.js';

graphql(`
  fragment SiError on Error {
    __typename
    message
    code
    ... on ValidationError { issues { path message } }
    ... on NotFoundError { type resourceId }
  }
`);
graphql(`
  fragment SiRow on SharedImage {
    project { id }
    reseller { id }
    region { id }
    imageIds
    images { id name }
  }
`);

const SetRow = graphql(`
  mutation SiSet($input: SharedImageSetInput!) {
    sharedImageSet(input: $input) { __typename ...SiError ... on SharedImageSetPayload { sharedImage { ...SiRow } } }
  }
`);
const Delete = graphql(`
  mutation SiDelete($input: SharedImageDeleteInput!) {
    sharedImageDelete(input: $input) { __typename ...SiError ... on SharedImageDeletePayload { deletedSharedImage { ...SiRow } } }
  }
`);
const LimitsSet = graphql(`
  mutation SiLimitsSet($input: ResellerImageLimitsSetInput!) {
    resellerImageLimitsSet(input: $input) { __typename ...SiError ... on ResellerImageLimitsSetPayload { sharedImage { ...SiRow } } }
  }
`);
const LimitsDelete = graphql(`
  mutation SiLimitsDelete($input: ResellerImageLimitsDeleteInput!) {
    resellerImageLimitsDelete(input: $input) { __typename ...SiError ... on ResellerImageLimitsDeletePayload { deletedSharedImage { ...SiRow } } }
  }
`);
const Get = graphql(`
  query SiGet($projectId: ID, $resellerId: ID, $regionId: ID!) {
    sharedImage(projectId: $projectId, resellerId: $resellerId, regionId: $regionId) { ...SiRow }
  }
`);
const ResellerRows = graphql(`
  query SiResellerRows($id: ID!) {
    node(id: $id) { ... on Reseller { sharedImages { ...SiRow } imageLimits { region { id } imageIds } } }
  }
`);

const UNKNOWN_UUID = '01900000-0000-7000-8000-000000000000';
const TABLES = ['shared_image'] as const;

describe('shared images', () => {
  let t: TestApp;
  let region: Region;
  let elsewhere: Region;
  let reseller: Reseller;
  let otherReseller: Reseller;
  let client: Project;
  let client2: Project;
  let independent: Project;
  let foreignClient: Project;
  let pub: string;
  let pub2: string;
  let pubElsewhere: string;
  let clientPrivate: string;
  let independentPrivate: string;
  let foreignPrivate: string;
  let deletedPublic: string;

  beforeAll(async () => {
    t = await startTestApp();
    const em = t.app.orm.em.fork();
    region = em.create(Region, { slug: unique('si'), name: 'Shared' });
    elsewhere = em.create(Region, { slug: unique('si'), name: 'Elsewhere' });
    reseller = em.create(Reseller, { name: unique('si-reseller') });
    otherReseller = em.create(Reseller, { name: unique('si-other-reseller') });
    client = em.create(Project, { name: unique('si-client'), reseller });
    client2 = em.create(Project, { name: unique('si-client2'), reseller });
    independent = em.create(Project, { name: unique('si-independent'), reseller: null });
    foreignClient = em.create(Project, { name: unique('si-foreign'), reseller: otherReseller });
    await em.flush();
    const image = (visibility: Visibility, owner: Project | null, where = region) =>
      em.create(Image, { name: unique('si-img'), status: 'ACTIVE', visibility, region: where, owner } as never);
    const images = [
      image('PUBLIC', null), image('PUBLIC', null), image('PUBLIC', null, elsewhere),
      image('PRIVATE', client), image('PRIVATE', independent), image('PRIVATE', foreignClient),
    ];
    const gone = em.create(Image, { name: unique('si-img'), status: 'DELETED', deletedAt: new Date(), visibility: 'PUBLIC', region, owner: null } as never);
    await em.flush();
    [pub, pub2, pubElsewhere, clientPrivate, independentPrivate, foreignPrivate] = images.map((row) => row.id as string) as [string, string, string, string, string, string];
    deletedPublic = gone.id;
  });
  afterAll(() => t?.close());

  const ctxOf = (viewer: Viewer): DomainContext => ({ ...t.app.services, em: t.app.orm.em.fork(), viewer });
  const resellerAdmin = (id = reseller.id): Viewer => ({ kind: 'reseller', resellerId: id });
  const writerOf = (project: Project): Viewer => ({ kind: 'member', projectId: project.id, resellerId: project.reseller?.id ?? null, readOnly: false });
  const readerOf = (project: Project): Viewer => ({ ...writerOf(project), readOnly: true }) as Viewer;

  async function unchanged(work: () => Promise<void>) {
    const before = await t.snapshot(...TABLES);
    await work();
    expect(await t.snapshot(...TABLES)).toEqual(before);
  }

  async function clearRows() {
    await t.app.orm.em.fork().nativeDelete(SharedImage, {});
  }

  type Key = { projectId?: string; resellerId?: string; regionId?: string };
  const keyInput = (key: Key) => ({
    ...(key.projectId && { projectId: gid('Project', key.projectId) }),
    ...(key.resellerId && { resellerId: gid('Reseller', key.resellerId) }),
    regionId: gid('Region', key.regionId ?? region.id),
  });
  const set = (key: Key, imageIds: string[] | null, as: Caller = t) =>
    as.request(SetRow, { input: { ...keyInput(key), imageIds: imageIds?.map((id) => gid('Image', id)) ?? null } }) as Promise<Result>;
  const del = (key: Key, as: Caller = t) => as.request(Delete, { input: keyInput(key) }) as Promise<Result>;
  const get = (key: Key, as: Caller = t) => as.request(Get, keyInput(key)) as Promise<Result>;

  describe('as an administrator, through GraphQL', () => {
    it('creates the row of a project with a list of public images, and sharedImage returns it with the images', async () => {
      await clearRows();
      const row = member(await set({ projectId: client.id }, [pub2, pub]), 'sharedImageSet', 'SharedImageSetPayload').sharedImage;
      expect(row).toMatchObject({
        project: { id: gid('Project', client.id) },
        reseller: null,
        region: { id: gid('Region', region.id) },
        imageIds: [gid('Image', pub2), gid('Image', pub)],
      });
      expect(row.images.map((image: any) => image.id)).toEqual([gid('Image', pub2), gid('Image', pub)]);
      const read = await get({ projectId: client.id });
      expect(read.errors).toBeUndefined();
      expect(read.data!.sharedImage).toEqual(row);
    });

    it('replaces the row of (entity, region) rather than adding one: null means every public image, [] none', async () => {
      await clearRows();
      member(await set({ projectId: client.id }, [pub]), 'sharedImageSet', 'SharedImageSetPayload');
      const all = member(await set({ projectId: client.id }, null), 'sharedImageSet', 'SharedImageSetPayload').sharedImage;
      expect(all).toMatchObject({ imageIds: null, images: null });
      const none = member(await set({ projectId: client.id }, []), 'sharedImageSet', 'SharedImageSetPayload').sharedImage;
      expect(none).toMatchObject({ imageIds: [], images: [] });
      expect(await t.app.orm.em.fork().count(SharedImage, { project: client.id })).toBe(1);
    });

    it('keeps one row per region', async () => {
      await clearRows();
      member(await set({ projectId: client.id }, [pub]), 'sharedImageSet', 'SharedImageSetPayload');
      member(await set({ projectId: client.id, regionId: elsewhere.id }, [pubElsewhere]), 'sharedImageSet', 'SharedImageSetPayload');
      expect((await get({ projectId: client.id })).data!.sharedImage.imageIds).toEqual([gid('Image', pub)]);
      expect((await get({ projectId: client.id, regionId: elsewhere.id })).data!.sharedImage.imageIds).toEqual([gid('Image', pubElsewhere)]);
    });

    it('keeps a repeated id once', async () => {
      await clearRows();
      const row = member(await set({ projectId: client.id }, [pub, pub2, pub]), 'sharedImageSet', 'SharedImageSetPayload').sharedImage;
      expect(row.imageIds).toEqual([gid('Image', pub), gid('Image', pub2)]);
    });

    it("lets a reseller row name its clients' images besides public ones, and Reseller.sharedImages lists it", async () => {
      await clearRows();
      const row = member(await set({ resellerId: reseller.id }, [pub, clientPrivate]), 'sharedImageSet', 'SharedImageSetPayload').sharedImage;
      expect(row).toMatchObject({ project: null, reseller: { id: gid('Reseller', reseller.id) }, imageIds: [gid('Image', pub), gid('Image', clientPrivate)] });
      const node = await t.request(ResellerRows, { id: gid('Reseller', reseller.id) });
      expect(node.errors).toBeUndefined();
      const listed = node.data!.node as any;
      expect(listed.sharedImages).toEqual([row]);
      expect(listed.imageLimits).toEqual([{ region: row.region, imageIds: row.imageIds }]);
    });

    it('returns null for an entity and region without a row', async () => {
      await clearRows();
      const read = await get({ projectId: independent.id });
      expect(read.errors).toBeUndefined();
      expect(read.data!.sharedImage).toBeNull();
    });

    it('deletes the row and returns it as it was', async () => {
      await clearRows();
      member(await set({ projectId: client.id }, [pub]), 'sharedImageSet', 'SharedImageSetPayload');
      const deleted = member(await del({ projectId: client.id }), 'sharedImageDelete', 'SharedImageDeletePayload').deletedSharedImage;
      expect(deleted).toMatchObject({ project: { id: gid('Project', client.id) }, imageIds: [gid('Image', pub)] });
      expect((await get({ projectId: client.id })).data!.sharedImage).toBeNull();
    });

    it('drops a listed image that was deleted since from images, keeping its id', async () => {
      await clearRows();
      const em = t.app.orm.em.fork();
      const later = em.create(Image, { name: unique('si-img'), status: 'ACTIVE', visibility: 'PUBLIC', region: em.getReference(Region, region.id), owner: null } as never);
      await em.flush();
      member(await set({ projectId: client.id }, [later.id, pub]), 'sharedImageSet', 'SharedImageSetPayload');
      later.status = 'DELETED';
      later.deletedAt = new Date();
      await em.flush();
      const row = (await get({ projectId: client.id })).data!.sharedImage;
      expect(row.imageIds).toEqual([gid('Image', later.id), gid('Image', pub)]);
      expect(row.images.map((image: any) => image.id)).toEqual([gid('Image', pub)]);
    });

    describe('refusals, each changing nothing', () => {
      beforeAll(async () => {
        await clearRows();
        member(await set({ projectId: client.id }, [pub]), 'sharedImageSet', 'SharedImageSetPayload');
        member(await set({ resellerId: reseller.id }, [pub2]), 'sharedImageSet', 'SharedImageSetPayload');
      });

      it('refuses both or neither of projectId and resellerId with a ValidationError naming both', async () => {
        await unchanged(async () => {
          for (const key of [{}, { projectId: client.id, resellerId: reseller.id }]) {
            const error = member(await set(key, [pub]), 'sharedImageSet', 'ValidationError');
            expect(error.issues.map((issue: any) => issue.path.join('.'))).toEqual(['input.projectId', 'input.resellerId']);
            member(await del(key), 'sharedImageDelete', 'ValidationError');
          }
        });
      });

      it('refuses the query without exactly one entity with a VALIDATION_FAILED error', async () => {
        const read = await get({});
        expect(read.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
      });

      it('answers NotFoundError for an unknown project, reseller or region', async () => {
        await unchanged(async () => {
          expect(member(await set({ projectId: UNKNOWN_UUID }, [pub]), 'sharedImageSet', 'NotFoundError').type).toBe('Project');
          expect(member(await set({ resellerId: UNKNOWN_UUID }, [pub]), 'sharedImageSet', 'NotFoundError').type).toBe('Reseller');
          expect(member(await set({ projectId: client.id, regionId: UNKNOWN_UUID }, [pub]), 'sharedImageSet', 'NotFoundError').type).toBe('Region');
          expect(member(await del({ resellerId: UNKNOWN_UUID }), 'sharedImageDelete', 'NotFoundError').type).toBe('Reseller');
          expect((await get({ projectId: UNKNOWN_UUID })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
        });
      });

      it('answers NotFoundError when deleting a row that does not exist', async () => {
        await unchanged(async () => {
          expect(member(await del({ projectId: independent.id }), 'sharedImageDelete', 'NotFoundError').type).toBe('SharedImage');
        });
      });

      it('refuses, naming input.imageIds[i], images that are not public in that region', async () => {
        await unchanged(async () => {
          const error = member(
            await set({ projectId: client.id }, [pub, pubElsewhere, clientPrivate, UNKNOWN_UUID, deletedPublic]),
            'sharedImageSet',
            'ValidationError',
          );
          expect(error.issues.map((issue: any) => issue.path.join('.'))).toEqual([
            'input.imageIds.1', 'input.imageIds.2', 'input.imageIds.3', 'input.imageIds.4',
          ]);
          expect(error.issues[0].message).toBe('is not a public image in this region');
        });
      });

      it("refuses in a reseller row images of other resellers' or independent projects", async () => {
        await unchanged(async () => {
          const error = member(
            await set({ resellerId: reseller.id }, [clientPrivate, foreignPrivate, independentPrivate]),
            'sharedImageSet',
            'ValidationError',
          );
          expect(error.issues.map((issue: any) => issue.path.join('.'))).toEqual(['input.imageIds.1', 'input.imageIds.2']);
        });
      });

      it('refuses an id of another type before anything runs', async () => {
        await unchanged(async () => {
          const result = (await t.request(SetRow, {
            input: { projectId: gid('Project', client.id), regionId: gid('Region', region.id), imageIds: [gid('Project', client.id)] },
          })) as Result;
          expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
        });
      });
    });

    describe('reseller image limits (deprecated aliases of the reseller form)', () => {
      it('sets and deletes the same row as sharedImageSet with resellerId, under the same rules', async () => {
        await clearRows();
        const set = member(
          await t.request(LimitsSet, { input: { resellerId: gid('Reseller', reseller.id), regionId: gid('Region', region.id), imageIds: [gid('Image', clientPrivate)] } }) as Result,
          'resellerImageLimitsSet',
          'ResellerImageLimitsSetPayload',
        ).sharedImage;
        expect(set).toMatchObject({ reseller: { id: gid('Reseller', reseller.id) }, imageIds: [gid('Image', clientPrivate)] });
        expect((await get({ resellerId: reseller.id })).data!.sharedImage).toEqual(set);
        await unchanged(async () => {
          const refused = member(
            await t.request(LimitsSet, { input: { resellerId: gid('Reseller', reseller.id), regionId: gid('Region', region.id), imageIds: [gid('Image', foreignPrivate)] } }) as Result,
            'resellerImageLimitsSet',
            'ValidationError',
          );
          expect(refused.issues[0].path).toEqual(['input', 'imageIds', '0']);
        });
        const deleted = member(
          await t.request(LimitsDelete, { input: { resellerId: gid('Reseller', reseller.id), regionId: gid('Region', region.id) } }) as Result,
          'resellerImageLimitsDelete',
          'ResellerImageLimitsDeletePayload',
        ).deletedSharedImage;
        expect(deleted.imageIds).toEqual([gid('Image', clientPrivate)]);
        expect(await t.app.orm.em.fork().count(SharedImage, {})).toBe(0);
      });

      it('is marked deprecated in the schema', async () => {
        const result = await t.requestRaw(`{
          __type(name: "Mutation") { fields(includeDeprecated: true) { name isDeprecated deprecationReason } }
          reseller: __type(name: "Reseller") { fields(includeDeprecated: true) { name isDeprecated deprecationReason } }
        }`);
        const mutations = Object.fromEntries(result.data!.__type.fields.map((field: any) => [field.name, field]));
        expect(mutations.resellerImageLimitsSet.isDeprecated).toBe(true);
        expect(mutations.resellerImageLimitsDelete.isDeprecated).toBe(true);
        expect(mutations.sharedImageSet.isDeprecated).toBe(false);
        const fields = Object.fromEntries(result.data!.reseller.fields.map((field: any) => [field.name, field]));
        expect(fields.imageLimits.deprecationReason).toBe('Use sharedImages (Gcore deprecated reseller image limits)');
      });
    });
  });

  describe('as a reseller admin', () => {
    beforeAll(clearRows);

    it('sets, reads and deletes its own row and its client projects\' rows', async () => {
      const as = ctxOf(resellerAdmin());
      expect((await setSharedImage(as, { resellerId: reseller.id, regionId: region.id, imageIds: [pub, clientPrivate] })).imageIds).toEqual([pub, clientPrivate]);
      expect((await setSharedImage(ctxOf(resellerAdmin()), { projectId: client2.id, regionId: region.id, imageIds: [] })).imageIds).toEqual([]);
      expect((await getSharedImage(ctxOf(resellerAdmin()), { projectId: client2.id, regionId: region.id }))?.imageIds).toEqual([]);
      expect((await getSharedImage(ctxOf(resellerAdmin()), { resellerId: reseller.id, regionId: region.id }))?.imageIds).toEqual([pub, clientPrivate]);
      await deleteSharedImage(ctxOf(resellerAdmin()), { projectId: client2.id, regionId: region.id });
      expect(await getSharedImage(ctxOf(resellerAdmin()), { projectId: client2.id, regionId: region.id })).toBeNull();
    });

    it("may not share a client's image in a project row: only public images there", async () => {
      await unchanged(async () => {
        await expect(setSharedImage(ctxOf(resellerAdmin()), { projectId: client.id, regionId: region.id, imageIds: [clientPrivate] })).rejects.toBeInstanceOf(ValidationError);
      });
    });

    it('is refused with ForbiddenError for another reseller, its clients, and independent projects', async () => {
      await unchanged(async () => {
        for (const key of [{ resellerId: otherReseller.id }, { projectId: foreignClient.id }, { projectId: independent.id }]) {
          await expect(setSharedImage(ctxOf(resellerAdmin()), { ...key, regionId: region.id, imageIds: null })).rejects.toBeInstanceOf(ForbiddenError);
          await expect(deleteSharedImage(ctxOf(resellerAdmin()), { ...key, regionId: region.id })).rejects.toBeInstanceOf(ForbiddenError);
          await expect(getSharedImage(ctxOf(resellerAdmin()), { ...key, regionId: region.id })).rejects.toBeInstanceOf(ForbiddenError);
        }
      });
    });

    it('gets NotFoundError for unknown ids', async () => {
      await unchanged(async () => {
        await expect(setSharedImage(ctxOf(resellerAdmin()), { projectId: UNKNOWN_UUID, regionId: region.id, imageIds: null })).rejects.toBeInstanceOf(NotFoundError);
        await expect(setSharedImage(ctxOf(resellerAdmin()), { resellerId: reseller.id, regionId: UNKNOWN_UUID, imageIds: null })).rejects.toBeInstanceOf(NotFoundError);
      });
    });

    it('does the same through GraphQL with a reseller token', async () => {
      const as = t.as(await t.tokenFor({ role: 'reseller', resellerId: reseller.id }));
      member(await set({ projectId: client.id }, [pub], as), 'sharedImageSet', 'SharedImageSetPayload');
      await unchanged(async () => {
        member(await set({ resellerId: otherReseller.id }, null, as), 'sharedImageSet', 'ForbiddenError');
        member(await del({ projectId: independent.id }, as), 'sharedImageDelete', 'ForbiddenError');
      });
      member(await del({ projectId: client.id }, as), 'sharedImageDelete', 'SharedImageDeletePayload');
    });
  });

  describe('as a member', () => {
    beforeAll(async () => {
      await clearRows();
      await setSharedImage(ctxOf({ kind: 'admin' }), { projectId: client.id, regionId: region.id, imageIds: [pub] });
      await setSharedImage(ctxOf({ kind: 'admin' }), { projectId: client2.id, regionId: region.id, imageIds: [] });
    });

    it("reads its own project's row, read-only or not", async () => {
      expect((await getSharedImage(ctxOf(writerOf(client)), { projectId: client.id, regionId: region.id }))?.imageIds).toEqual([pub]);
      expect((await getSharedImage(ctxOf(readerOf(client)), { projectId: client.id, regionId: region.id }))?.imageIds).toEqual([pub]);
    });

    it("is refused with ForbiddenError another project's row and its reseller's row", async () => {
      await expect(getSharedImage(ctxOf(writerOf(client)), { projectId: client2.id, regionId: region.id })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(getSharedImage(ctxOf(writerOf(client)), { resellerId: reseller.id, regionId: region.id })).rejects.toBeInstanceOf(ForbiddenError);
    });

    it('may not set or delete rows, not even its own: ForbiddenError, read-only or not', async () => {
      await unchanged(async () => {
        for (const viewer of [writerOf(client), readerOf(client)]) {
          await expect(setSharedImage(ctxOf(viewer), { projectId: client.id, regionId: region.id, imageIds: null })).rejects.toBeInstanceOf(ForbiddenError);
          await expect(deleteSharedImage(ctxOf(viewer), { projectId: client.id, regionId: region.id })).rejects.toBeInstanceOf(ForbiddenError);
        }
      });
    });

    it('is refused sharedImageSet through GraphQL by its scope, changing nothing', async () => {
      const as = t.as(await t.tokenFor({ role: 'member', projectId: client.id }));
      await unchanged(async () => {
        const result = await set({ projectId: client.id }, null, as);
        const refused = result.data?.sharedImageSet?.__typename ?? result.errors?.[0]?.extensions?.code;
        expect(['ForbiddenError', 'FORBIDDEN']).toContain(refused);
      });
      const read = await get({ projectId: client.id }, as);
      expect(read.errors).toBeUndefined();
      expect(read.data!.sharedImage.imageIds).toEqual([gid('Image', pub)]);
    });
  });
});
