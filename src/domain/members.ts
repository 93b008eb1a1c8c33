// Glance image sharing (images-sharing-v2): the owner of a SHARED image offers it to other
// projects; each member project answers for itself (PENDING, ACCEPTED, REJECTED, and back).
// A caller who cannot see the image gets NotFoundError, never ForbiddenError: an invisible
// image must be indistinguishable from a missing one.
import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { Image } from '../db/entities/image.js';
import { ImageMember, MEMBER_STATUSES, type MemberStatus } from '../db/entities/image-member.js';
import type { DomainContext } from './context.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from './errors.js';
import { namedProject } from './adopted-projects.js';
import { findImageForChange } from './images.js';
import { assertWriter } from './permissions.js';
import { type Row, findRows, groupedBy, refId } from './rows.js';
import { inTransaction } from './unit-of-work.js';
import { isUuid, validate } from './validation.js';
import type { Viewer } from './viewer.js';

/** Glance's image_member_quota: the members of one image stay a list a page can hold. */
export const MAX_IMAGE_MEMBERS = 128;

/** Whether `viewer` speaks for the image's owner: an admin, or a member of the owning project. */
const speaksForOwner = (viewer: Viewer, image: Image) =>
  viewer.kind === 'admin' || (viewer.kind === 'member' && image.owner != null && image.owner.id === viewer.projectId);

/**
 * The member rows of many images in one statement, in the order of `imageIds`, as `Image.members`
 * shows them: all of them to an admin and to the owner's members, its own row to a member
 * project, nothing to anybody else.
 */
export async function membersByImageIds(ctx: DomainContext, imageIds: readonly string[]): Promise<Row<ImageMember>[][]> {
  const { viewer } = ctx;
  const wanted = imageIds.filter(isUuid);
  if (viewer.kind === 'reseller' || wanted.length === 0) return imageIds.map(() => []);
  const scope = viewer.kind === 'admin' ? {} : { $or: [{ image: { owner: viewer.projectId } }, { project: viewer.projectId }] };
  // Rows are read fresh: a change earlier in this request shows. The member's project comes joined.
  const rows = await findRows<ImageMember>(ctx.em, 'ImageMember', {
    where: { $and: [{ image: { $in: wanted } }, scope] },
    join: ['project'],
    orderBy: [{ image: 'ASC', createdAt: 'ASC', id: 'ASC' }],
  });
  return groupedBy(imageIds, rows, (row) => refId(row.image));
}

async function findMember(em: EntityManager, image: Image, projectId: string): Promise<ImageMember> {
  const member = isUuid(projectId) ? await em.findOne(ImageMember, { image, project: projectId }, { populate: ['project'] }) : null;
  if (!member) throw new NotFoundError('ImageMember', projectId);
  return member;
}

/** Offers a SHARED image to another project; the new member starts PENDING. */
export async function addImageMember(ctx: DomainContext, imageId: string, projectId: string): Promise<ImageMember> {
  return inTransaction(ctx, async (em) => {
    const image = await findImageForChange(em, ctx, imageId);
    assertWriter(ctx.viewer);
    if (!speaksForOwner(ctx.viewer, image)) throw new ForbiddenError("Only the image's owner may add members");
    // ConflictError rather than ValidationError: the id is fine, it is the image's current
    // visibility that refuses members (Glance answers 403 "only shared images have members"),
    // and the cure is to change the image, not this input.
    if (image.visibility !== 'SHARED') {
      throw new ConflictError(`Only SHARED images have members; this one is ${image.visibility}`, 'imageId');
    }
    const project = await namedProject(em, projectId, ctx.adoptProjects);
    if (!project) throw ValidationError.of(['input', 'projectId'], 'no project has this id');
    if (image.owner?.id === project.id) throw ValidationError.of(['input', 'projectId'], "is the image's owner, which cannot be its member");
    if (await em.count(ImageMember, { image, project })) {
      throw new ConflictError('This project is already a member of the image', 'projectId');
    }
    if ((await em.count(ImageMember, { image })) >= MAX_IMAGE_MEMBERS) {
      throw new ConflictError(`An image has at most ${MAX_IMAGE_MEMBERS} members; remove one first`);
    }
    const member = em.create(ImageMember, { image, project, status: 'PENDING' });
    await em.flush();
    return member;
  });
}

const statusSchema = z.enum(MEMBER_STATUSES);

/** A member project answers an offer: any of PENDING, ACCEPTED, REJECTED, in any order (Glance allows going back). */
export async function updateImageMember(ctx: DomainContext, imageId: string, projectId: string, status: MemberStatus): Promise<ImageMember> {
  const valid = validate(statusSchema, status, ['input', 'status']);
  return inTransaction(ctx, async (em) => {
    const image = await findImageForChange(em, ctx, imageId);
    assertWriter(ctx.viewer);
    const { viewer } = ctx;
    // Glance: only the member itself answers, not the owner that made the offer.
    if (viewer.kind !== 'admin' && !(viewer.kind === 'member' && viewer.projectId === projectId)) {
      throw new ForbiddenError('Only the member project itself may set its status');
    }
    const member = await findMember(em, image, projectId);
    if (member.status !== valid) member.status = valid;
    await em.flush();
    return member;
  });
}

/** The owner withdraws an offer. A member cannot remove itself (Glance: it rejects instead). */
export async function removeImageMember(ctx: DomainContext, imageId: string, projectId: string): Promise<{ image: Image; member: ImageMember }> {
  return inTransaction(ctx, async (em) => {
    const image = await findImageForChange(em, ctx, imageId);
    assertWriter(ctx.viewer);
    if (!speaksForOwner(ctx.viewer, image)) throw new ForbiddenError("Only the image's owner may remove members");
    const member = await findMember(em, image, projectId);
    em.remove(member);
    await em.flush();
    return { image, member };
  });
}
