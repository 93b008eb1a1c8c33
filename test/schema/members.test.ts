// Glance image sharing: the owner of a SHARED image adds and removes member projects, each member
// answers for itself, and Image.members shows each caller only what it may see. Every refusal is
// a typed error and changes nothing. The GraphQL surface is driven as an administrator; the
// rules for members, read-only members and resellers are driven through the domain.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Image, type Visibility } from '../../src/db/entities/image.js';
import { ImageMember, type MemberStatus } from '../../src/db/entities/image-member.js';
import { Project } from '../../src/db/entities/project.js';
import { Region } from '../../src/db/entities/region.js';
import { Reseller } from '../../src/db/entities/reseller.js';
import type { DomainContext } from '../../src/domain/context.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../src/domain/errors.js';
import { MAX_IMAGE_MEMBERS, addImageMember, membersByImageIds, removeImageMember, updateImageMember } from '../../src/domain/members.js';
import type { Viewer } from '../../src/domain/viewer.js';
import { graphql } from '../gql/index.js';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { type Result, member } from '../helpers/results.js';
import { gid, unique } from '../helpers/fixtures.js';
import { refId } from '../../src/domain/rows.js';

graphql(`
  fragment MbError on Error {
    __typename
    message
    code
    ... on ValidationError { issues { path message } }
    ... on ConflictError { field }
    ... on NotFoundError { type resourceId }
  }
`);

const MemberAdd = graphql(`
  mutation MbMemberAdd($input: ImageMemberAddInput!) {
    imageMemberAdd(input: $input) {
      __typename
      ...MbError
      ... on ImageMemberAddPayload { member { status project { id } image { id members { project { id } status } } } }
    }
  }
`);
const MemberUpdate = graphql(`
  mutation MbMemberUpdate($input: ImageMemberUpdateInput!) {
    imageMemberUpdate(input: $input) {
      __typename
      ...MbError
      ... on ImageMemberUpdatePayload { member { status project { id } createdAt updatedAt } }
    }
  }
`);
const MemberRemove = graphql(`
  mutation MbMemberRemove($input: ImageMemberRemoveInput!) {
    imageMemberRemove(input: $input) {
      __typename
      ...MbError
      ... on ImageMemberRemovePayload { removedMemberId removedProjectId image { id members { project { id } } } }
    }
  }
`);
const Members = graphql(`
  query MbMembers($id: ID!) {
    image(id: $id) { id members { status project { id name } image { id } } }
  }
`);

const MemberIds = graphql(`
  query MbMemberIds($id: ID!) {
    image(id: $id) { members { id project { id } } }
  }
`);

const UNKNOWN_UUID = '01900000-0000-7000-8000-000000000000';
const TABLES = ['image_member', 'image', 'project'] as const;

describe('image members', () => {
  let t: TestApp;
  let region: Region;
  let reseller: Reseller;
  let owner: Project;
  let guest: Project;
  let other: Project;
  let stranger: Project;

  beforeAll(async () => {
    t = await startTestApp();
    const em = t.app.orm.em.fork();
    region = em.create(Region, { slug: unique('mb'), name: 'Members' });
    reseller = em.create(Reseller, { name: unique('mb-reseller') });
    owner = em.create(Project, { name: unique('mb-owner'), reseller });
    guest = em.create(Project, { name: unique('mb-guest'), reseller: null });
    other = em.create(Project, { name: unique('mb-other'), reseller: null });
    stranger = em.create(Project, { name: unique('mb-stranger'), reseller: null });
    await em.flush();
  });
  afterAll(() => t?.close());

  const asAdmin: Viewer = { kind: 'admin' };
  const writerOf = (project: Project): Viewer => ({ kind: 'member', projectId: project.id, resellerId: project.reseller?.id ?? null, readOnly: false });
  const readerOf = (project: Project): Viewer => ({ ...writerOf(project), readOnly: true }) as Viewer;
  const resellerAdmin = (): Viewer => ({ kind: 'reseller', resellerId: reseller.id });
  const ctxOf = (viewer: Viewer): DomainContext => ({ ...t.app.services, em: t.app.orm.em.fork(), viewer });

  /** A live image of `owner` (by default) with the given visibility; returns its id. */
  async function anImage(visibility: Visibility = 'SHARED', by: Project | null = owner): Promise<string> {
    const em = t.app.orm.em.fork();
    const image = em.create(Image, {
      name: unique('mb-img'),
      status: 'ACTIVE',
      visibility,
      region: em.getReference(Region, region.id),
      owner: by ? em.getReference(Project, by.id) : null,
    } as never);
    await em.flush();
    return image.id;
  }

  async function withMember(imageId: string, project: Project, status: MemberStatus = 'PENDING') {
    const em = t.app.orm.em.fork();
    em.create(ImageMember, { image: em.getReference(Image, imageId), project: em.getReference(Project, project.id), status });
    await em.flush();
  }

  async function unchanged(work: () => Promise<void>) {
    const before = await t.snapshot(...TABLES);
    await work();
    expect(await t.snapshot(...TABLES)).toEqual(before);
  }

  const add = (imageId: string, projectId: string) =>
    t.request(MemberAdd, { input: { imageId: gid('Image', imageId), projectId: gid('Project', projectId) } }) as Promise<Result>;
  const update = (imageId: string, projectId: string, status: MemberStatus) =>
    t.request(MemberUpdate, { input: { imageId: gid('Image', imageId), projectId: gid('Project', projectId), status } }) as Promise<Result>;
  const remove = (imageId: string, projectId: string) =>
    t.request(MemberRemove, { input: { imageId: gid('Image', imageId), projectId: gid('Project', projectId) } }) as Promise<Result>;

  describe('as an administrator, through GraphQL', () => {
    it('adds a project to a SHARED image as PENDING, and Image.members shows it', async () => {
      const imageId = await anImage();
      const added = member(await add(imageId, guest.id), 'imageMemberAdd', 'ImageMemberAddPayload').member;
      expect(added).toMatchObject({ status: 'PENDING', project: { id: gid('Project', guest.id) }, image: { id: gid('Image', imageId) } });
      expect(added.image.members).toEqual([{ project: { id: gid('Project', guest.id) }, status: 'PENDING' }]);
      const read = await t.request(Members, { id: gid('Image', imageId) });
      expect(read.errors).toBeUndefined();
      expect(read.data!.image!.members).toEqual([
        { status: 'PENDING', project: { id: gid('Project', guest.id), name: guest.name }, image: { id: gid('Image', imageId) } },
      ]);
    });

    it('lists every member of an image, oldest first', async () => {
      const imageId = await anImage();
      await withMember(imageId, guest, 'ACCEPTED');
      await withMember(imageId, other, 'REJECTED');
      const read = await t.request(Members, { id: gid('Image', imageId) });
      expect(read.data!.image!.members.map((row) => [row.project.id, row.status])).toEqual([
        [gid('Project', guest.id), 'ACCEPTED'],
        [gid('Project', other.id), 'REJECTED'],
      ]);
    });

    it('shows an image with no members an empty list', async () => {
      const read = await t.request(Members, { id: gid('Image', await anImage('PRIVATE')) });
      expect(read.data!.image!.members).toEqual([]);
    });

    it('moves a member among PENDING, ACCEPTED and REJECTED in any order (Glance allows going back)', async () => {
      const imageId = await anImage();
      await withMember(imageId, guest);
      for (const status of ['ACCEPTED', 'REJECTED', 'PENDING', 'REJECTED', 'ACCEPTED', 'PENDING'] as const) {
        const updated = member(await update(imageId, guest.id, status), 'imageMemberUpdate', 'ImageMemberUpdatePayload').member;
        expect(updated).toMatchObject({ status, project: { id: gid('Project', guest.id) } });
      }
    });

    it('removes a member, and the payload shows the image without it', async () => {
      const imageId = await anImage();
      await withMember(imageId, guest);
      await withMember(imageId, other);
      const removed = member(await remove(imageId, guest.id), 'imageMemberRemove', 'ImageMemberRemovePayload');
      expect(removed.removedProjectId).toBe(gid('Project', guest.id));
      expect(removed.image.members).toEqual([{ project: { id: gid('Project', other.id) } }]);
    });

    it.each(['PRIVATE', 'PUBLIC', 'COMMUNITY'] as const)('refuses to add a member to a %s image with a ConflictError on imageId', async (visibility) => {
      const imageId = await anImage(visibility);
      await unchanged(async () => {
        const error = member(await add(imageId, guest.id), 'imageMemberAdd', 'ConflictError');
        expect(error).toMatchObject({ code: 'CONFLICT', field: 'imageId' });
        expect(error.message).toContain('SHARED');
      });
    });

    it('refuses an unknown project with a ValidationError on projectId', async () => {
      const imageId = await anImage();
      await unchanged(async () => {
        const error = member(await add(imageId, UNKNOWN_UUID), 'imageMemberAdd', 'ValidationError');
        expect(error.issues).toEqual([{ path: ['input', 'projectId'], message: 'no project has this id' }]);
      });
    });

    it("refuses the image's owner as its own member with a ValidationError on projectId", async () => {
      const imageId = await anImage();
      await unchanged(async () => {
        const error = member(await add(imageId, owner.id), 'imageMemberAdd', 'ValidationError');
        expect(error.issues.map((issue: any) => issue.path.join('.'))).toEqual(['input.projectId']);
      });
    });

    it('refuses a project that is already a member with a ConflictError on projectId', async () => {
      const imageId = await anImage();
      await withMember(imageId, guest, 'ACCEPTED');
      await unchanged(async () => {
        const error = member(await add(imageId, guest.id), 'imageMemberAdd', 'ConflictError');
        expect(error.field).toBe('projectId');
      });
    });

    it(`takes ${MAX_IMAGE_MEMBERS} members and refuses one more with a ConflictError (Glance's member quota)`, async () => {
      const imageId = await anImage();
      const em = t.app.orm.em.fork();
      const image = em.getReference(Image, imageId);
      for (let index = 0; index < MAX_IMAGE_MEMBERS - 1; index++) {
        em.create(ImageMember, { image, project: em.create(Project, { name: unique('mb-quota'), reseller: null }), status: 'PENDING' });
      }
      await em.flush();
      member(await add(imageId, guest.id), 'imageMemberAdd', 'ImageMemberAddPayload');
      await unchanged(async () => {
        const error = member(await add(imageId, other.id), 'imageMemberAdd', 'ConflictError');
        expect(error.field).toBeNull();
        expect(error.message).toContain(`at most ${MAX_IMAGE_MEMBERS}`);
      });
    });

    it('gives each member a global id of its own, and the removal names it for caches to drop', async () => {
      const imageId = await anImage();
      await withMember(imageId, guest);
      await withMember(imageId, other);
      const listed = (await t.request(MemberIds, { id: gid('Image', imageId) })).data!.image!.members;
      const ids = listed.map((row) => row.id);
      expect(new Set(ids).size).toBe(2);
      for (const id of ids) expect(Buffer.from(id, 'base64').toString()).toMatch(/^ImageMember:[0-9a-f-]{36}$/);
      const removed = member(await remove(imageId, guest.id), 'imageMemberRemove', 'ImageMemberRemovePayload');
      expect(removed.removedMemberId).toBe(listed.find((row) => row.project.id === gid('Project', guest.id))!.id);
    });

    it('answers NotFoundError for an unknown or deleted image, whichever mutation', async () => {
      const deleted = await anImage();
      await withMember(deleted, guest);
      const em = t.app.orm.em.fork();
      const row = await em.findOneOrFail(Image, { id: deleted });
      row.status = 'DELETED';
      row.deletedAt = new Date();
      await em.flush();
      for (const imageId of [UNKNOWN_UUID, deleted]) {
        await unchanged(async () => {
          expect(member(await add(imageId, other.id), 'imageMemberAdd', 'NotFoundError')).toMatchObject({ type: 'Image' });
          expect(member(await update(imageId, guest.id, 'ACCEPTED'), 'imageMemberUpdate', 'NotFoundError')).toMatchObject({ type: 'Image' });
          expect(member(await remove(imageId, guest.id), 'imageMemberRemove', 'NotFoundError')).toMatchObject({ type: 'Image' });
        });
      }
    });

    it('answers NotFoundError for a project that is not a member, on update and remove', async () => {
      const imageId = await anImage();
      await unchanged(async () => {
        expect(member(await update(imageId, guest.id, 'ACCEPTED'), 'imageMemberUpdate', 'NotFoundError')).toMatchObject({ type: 'ImageMember', resourceId: gid('Project', guest.id) });
        expect(member(await remove(imageId, guest.id), 'imageMemberRemove', 'NotFoundError')).toMatchObject({ type: 'ImageMember', resourceId: gid('Project', guest.id) });
      });
    });

    it('refuses a status outside the enum before anything runs', async () => {
      const imageId = await anImage();
      await withMember(imageId, guest);
      await unchanged(async () => {
        const result = await t.requestRaw(
          'mutation($input: ImageMemberUpdateInput!) { imageMemberUpdate(input: $input) { __typename } }',
          { input: { imageId: gid('Image', imageId), projectId: gid('Project', guest.id), status: 'MAYBE' } },
        );
        expect(result.errors?.length).toBeGreaterThan(0);
        expect(result.data ?? null).toBeNull();
      });
    });
  });

  describe('as other principals, through the domain', () => {
    it("lets a writer member of the owning project add, and remove, a member", async () => {
      const imageId = await anImage();
      const added = await addImageMember(ctxOf(writerOf(owner)), imageId, guest.id);
      expect(added.status).toBe('PENDING');
      const { member: removed } = await removeImageMember(ctxOf(writerOf(owner)), imageId, guest.id);
      expect(removed.project.id).toBe(guest.id);
      expect(await t.app.orm.em.fork().count(ImageMember, { image: imageId })).toBe(0);
    });

    it('lets a member project set its own status whatever it is, even while PENDING or REJECTED', async () => {
      const imageId = await anImage();
      await withMember(imageId, guest, 'REJECTED');
      for (const status of ['ACCEPTED', 'PENDING', 'REJECTED'] as const) {
        expect((await updateImageMember(ctxOf(writerOf(guest)), imageId, guest.id, status)).status).toBe(status);
      }
    });

    it("refuses the owner's status change for a member with ForbiddenError: only the member answers", async () => {
      const imageId = await anImage();
      await withMember(imageId, guest);
      await unchanged(async () => {
        await expect(updateImageMember(ctxOf(writerOf(owner)), imageId, guest.id, 'ACCEPTED')).rejects.toBeInstanceOf(ForbiddenError);
      });
    });

    it("refuses a member setting another member's status with ForbiddenError", async () => {
      const imageId = await anImage();
      await withMember(imageId, guest);
      await withMember(imageId, other);
      await unchanged(async () => {
        await expect(updateImageMember(ctxOf(writerOf(guest)), imageId, other.id, 'REJECTED')).rejects.toBeInstanceOf(ForbiddenError);
      });
    });

    it('refuses a member removing itself with ForbiddenError (Glance: it rejects instead)', async () => {
      const imageId = await anImage();
      await withMember(imageId, guest, 'ACCEPTED');
      await unchanged(async () => {
        await expect(removeImageMember(ctxOf(writerOf(guest)), imageId, guest.id)).rejects.toBeInstanceOf(ForbiddenError);
      });
    });

    it('refuses a member adding other projects with ForbiddenError', async () => {
      const imageId = await anImage();
      await withMember(imageId, guest, 'ACCEPTED');
      await unchanged(async () => {
        await expect(addImageMember(ctxOf(writerOf(guest)), imageId, other.id)).rejects.toBeInstanceOf(ForbiddenError);
      });
    });

    it('lets read-only members change nothing: ForbiddenError for add, update and remove', async () => {
      const imageId = await anImage();
      await withMember(imageId, guest);
      await unchanged(async () => {
        await expect(addImageMember(ctxOf(readerOf(owner)), imageId, other.id)).rejects.toBeInstanceOf(ForbiddenError);
        await expect(removeImageMember(ctxOf(readerOf(owner)), imageId, guest.id)).rejects.toBeInstanceOf(ForbiddenError);
        await expect(updateImageMember(ctxOf(readerOf(guest)), imageId, guest.id, 'ACCEPTED')).rejects.toBeInstanceOf(ForbiddenError);
      });
    });

    it("refuses a reseller admin, even of the owner's reseller, with ForbiddenError", async () => {
      const imageId = await anImage();
      await withMember(imageId, guest);
      await unchanged(async () => {
        await expect(addImageMember(ctxOf(resellerAdmin()), imageId, other.id)).rejects.toBeInstanceOf(ForbiddenError);
        await expect(removeImageMember(ctxOf(resellerAdmin()), imageId, guest.id)).rejects.toBeInstanceOf(ForbiddenError);
        await expect(updateImageMember(ctxOf(resellerAdmin()), imageId, guest.id, 'ACCEPTED')).rejects.toBeInstanceOf(ForbiddenError);
      });
    });

    it('answers NotFoundError, not ForbiddenError, to a caller who cannot see the image', async () => {
      const shared = await anImage();
      const priv = await anImage('PRIVATE');
      await unchanged(async () => {
        for (const imageId of [shared, priv]) {
          await expect(addImageMember(ctxOf(writerOf(stranger)), imageId, other.id)).rejects.toBeInstanceOf(NotFoundError);
          await expect(updateImageMember(ctxOf(writerOf(stranger)), imageId, stranger.id, 'ACCEPTED')).rejects.toBeInstanceOf(NotFoundError);
          await expect(removeImageMember(ctxOf(writerOf(stranger)), imageId, stranger.id)).rejects.toBeInstanceOf(NotFoundError);
          // A read-only stranger learns no more: not found before read-only.
          await expect(addImageMember(ctxOf(readerOf(stranger)), imageId, other.id)).rejects.toBeInstanceOf(NotFoundError);
        }
      });
    });

    it('answers NotFoundError to a former member once the image is no longer SHARED', async () => {
      const imageId = await anImage();
      await withMember(imageId, guest, 'ACCEPTED');
      const em = t.app.orm.em.fork();
      (await em.findOneOrFail(Image, { id: imageId })).visibility = 'PRIVATE';
      await em.flush();
      await unchanged(async () => {
        await expect(updateImageMember(ctxOf(writerOf(guest)), imageId, guest.id, 'REJECTED')).rejects.toBeInstanceOf(NotFoundError);
      });
    });

    it('checks in order: SHARED (ConflictError), then the project (ValidationError), then membership (ConflictError)', async () => {
      const priv = await anImage('PRIVATE');
      await expect(addImageMember(ctxOf(writerOf(owner)), priv, UNKNOWN_UUID)).rejects.toBeInstanceOf(ConflictError);
      const shared = await anImage();
      await expect(addImageMember(ctxOf(writerOf(owner)), shared, UNKNOWN_UUID)).rejects.toBeInstanceOf(ValidationError);
      await withMember(shared, guest);
      await expect(addImageMember(ctxOf(writerOf(owner)), shared, guest.id)).rejects.toBeInstanceOf(ConflictError);
    });

    it('lets only an administrator add members to the provider catalog (an image without owner)', async () => {
      const imageId = await anImage('SHARED', null);
      await expect(addImageMember(ctxOf(asAdmin), imageId, guest.id)).resolves.toMatchObject({ status: 'PENDING' });
    });
  });

  describe('with member tokens, through GraphQL', () => {
    it("lets a writer token of the owning project add a member, and refuses its read-only token, changing nothing", async () => {
      const imageId = await anImage();
      const writer = t.as(await t.tokenFor({ role: 'member', projectId: owner.id }));
      const added = member((await writer.request(MemberAdd, { input: { imageId: gid('Image', imageId), projectId: gid('Project', guest.id) } })) as Result, 'imageMemberAdd', 'ImageMemberAddPayload');
      expect(added.member.status).toBe('PENDING');
      const reader = t.as(await t.tokenFor({ role: 'member', projectId: owner.id, readOnly: true }));
      await unchanged(async () => {
        const result = (await reader.request(MemberRemove, { input: { imageId: gid('Image', imageId), projectId: gid('Project', guest.id) } })) as Result;
        expect(['ForbiddenError', 'FORBIDDEN']).toContain(result.data?.imageMemberRemove?.__typename ?? result.errors?.[0]?.extensions?.code);
      });
    });

    it('answers NotFoundError to a token of a project that cannot see the image', async () => {
      const imageId = await anImage();
      const outsider = t.as(await t.tokenFor({ role: 'member', projectId: stranger.id }));
      await unchanged(async () => {
        const result = (await outsider.request(MemberAdd, { input: { imageId: gid('Image', imageId), projectId: gid('Project', stranger.id) } })) as Result;
        expect(member(result, 'imageMemberAdd', 'NotFoundError').type).toBe('Image');
      });
    });
  });

  describe('Image.members for each caller', () => {
    let imageId: string;
    beforeAll(async () => {
      imageId = await anImage();
      await withMember(imageId, guest, 'ACCEPTED');
      await withMember(imageId, other, 'PENDING');
    });
    const seen = async (viewer: Viewer) =>
      (await membersByImageIds(ctxOf(viewer), [imageId]))[0]!.map((row) => [refId(row.project), row.status]);

    it('shows every member to an administrator', async () => {
      expect(await seen(asAdmin)).toEqual([[guest.id, 'ACCEPTED'], [other.id, 'PENDING']]);
    });

    it("shows every member to the owner's members, read-only ones too", async () => {
      expect(await seen(writerOf(owner))).toEqual([[guest.id, 'ACCEPTED'], [other.id, 'PENDING']]);
      expect(await seen(readerOf(owner))).toEqual([[guest.id, 'ACCEPTED'], [other.id, 'PENDING']]);
    });

    it('shows a member project only its own row', async () => {
      expect(await seen(writerOf(guest))).toEqual([[guest.id, 'ACCEPTED']]);
      expect(await seen(readerOf(other))).toEqual([[other.id, 'PENDING']]);
    });

    it('shows anybody else an empty list', async () => {
      expect(await seen(writerOf(stranger))).toEqual([]);
      expect(await seen(resellerAdmin())).toEqual([]);
    });

    it('answers many images in one statement, each in its place', async () => {
      const empty = await anImage();
      const count = await t.countStatements(async () => {
        const rows = await membersByImageIds(ctxOf(asAdmin), [empty, imageId, 'not-a-uuid']);
        expect(rows.map((list) => list.length)).toEqual([0, 2, 0]);
      });
      expect(count).toBe(1);
    });
  });
});
