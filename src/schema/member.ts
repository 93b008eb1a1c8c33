// ImageMember: Glance image sharing. Image.members, and the mutations by which the owner
// offers a SHARED image to a project and the project answers.
import type { ImageMember } from '../db/entities/image-member.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../domain/errors.js';
import { MAX_IMAGE_MEMBERS, addImageMember, removeImageMember, updateImageMember } from '../domain/members.js';
import { type Row, refId } from '../domain/rows.js';
import { membersByImage } from '../loaders/members-by-image.js';
import { type Context, builder } from './builder.js';
import { resultUnion } from './errors.js';
import { ImageRef } from './image.js';
import { MemberStatusEnum } from './image-enums.js';
import { viaLoader } from './loaded.js';
import { OBJECT_ID_DESCRIPTION, objectId } from './object-id.js';
import { ProjectRef } from './project.js';

export const ImageMemberRef = builder.objectRef<Row<ImageMember>>('ImageMember').implement({
  description: 'A project a SHARED image is offered to, and its answer.',
  fields: (t) => ({
    id: t.id({ description: OBJECT_ID_DESCRIPTION, authScopes: { authenticated: true }, resolve: (member) => objectId('ImageMember', member) }),
    image: t.field({
      type: ImageRef,
      description: 'The image offered.',
      authScopes: { authenticated: true },
      // Through the loader, so the image is what the visibility scope returns.
      resolve: (member) => refId(member.image),
    }),
    project: t.field({
      type: ProjectRef,
      description: 'The project it is offered to.',
      authScopes: { authenticated: true },
      resolve: (member, _args, ctx) => viaLoader(ProjectRef, ctx, member.project)!,
    }),
    status: t.expose('status', { type: MemberStatusEnum, description: "The project's answer; PENDING until it gives one.", authScopes: { authenticated: true } }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the image was offered.', authScopes: { authenticated: true } }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When the offer or its answer last changed.', authScopes: { authenticated: true } }),
  }),
});

builder.objectField(ImageRef, 'members', (t) =>
  t.field({
    type: [ImageMemberRef],
    description: "Every member for an administrator and the image's owner, its own row for a member project, none for anybody else.",
    authScopes: { authenticated: true },
    resolve: (image, _args, ctx) => membersByImage(ctx).load(image.id),
  }),
);

/** After a change, the payload must not show members this request loaded before it. */
function fresh<T>(ctx: Context, imageId: string, value: T): T {
  membersByImage(ctx).clear(imageId);
  return value;
}


builder.relayMutationField(
  'imageMemberAdd',
  {
    description: 'The input of imageMemberAdd: the image to offer and the project to offer it to.',
    inputFields: (t) => ({
      imageId: t.globalID({ for: ImageRef, required: true, description: 'The SHARED image.' }),
      projectId: t.globalID({ for: ProjectRef, required: true, description: 'The member project.' }),
    }),
  },
  {
    description: `Offers a SHARED image to a project (the owner's writers or an administrator); the member starts PENDING. An image has at most ${MAX_IMAGE_MEMBERS} members.`,
    authScopes: { writer: true },
    errors: {
      types: [ValidationError, NotFoundError, ConflictError, ForbiddenError],
      union: resultUnion('imageMemberAdd'),
    },
    resolve: async (_root, { input }, ctx) => ({
      member: fresh(ctx, input.imageId.id, await addImageMember(ctx, input.imageId.id, input.projectId.id)),
    }),
  },
  {
    description: 'What imageMemberAdd returns on success.',
    outputFields: (t) => ({
      member: t.field({ type: ImageMemberRef, nullable: true, description: 'The new offer, PENDING.', resolve: (p) => p.member }),
    }),
  },
);

builder.relayMutationField(
  'imageMemberUpdate',
  {
    description: 'The input of imageMemberUpdate: which offer, and the answer.',
    inputFields: (t) => ({
      imageId: t.globalID({ for: ImageRef, required: true, description: 'The SHARED image.' }),
      projectId: t.globalID({ for: ProjectRef, required: true, description: 'The member project.' }),
      status: t.field({ type: MemberStatusEnum, required: true, description: 'The answer to record.' }),
    }),
  },
  {
    description: 'A member project answers for itself: PENDING, ACCEPTED or REJECTED, and back again.',
    authScopes: { writer: true },
    errors: {
      types: [ValidationError, NotFoundError, ConflictError, ForbiddenError],
      union: resultUnion('imageMemberUpdate'),
    },
    resolve: async (_root, { input }, ctx) => ({
      member: fresh(ctx, input.imageId.id, await updateImageMember(ctx, input.imageId.id, input.projectId.id, input.status)),
    }),
  },
  {
    description: 'What imageMemberUpdate returns on success.',
    outputFields: (t) => ({
      member: t.field({ type: ImageMemberRef, nullable: true, description: 'The offer with its new answer.', resolve: (p) => p.member }),
    }),
  },
);

builder.relayMutationField(
  'imageMemberRemove',
  {
    description: 'The input of imageMemberRemove: which offer to withdraw.',
    inputFields: (t) => ({
      imageId: t.globalID({ for: ImageRef, required: true, description: 'The SHARED image.' }),
      projectId: t.globalID({ for: ProjectRef, required: true, description: 'The member project.' }),
    }),
  },
  {
    description: "Withdraws the offer (the owner's writers or an administrator); a member rejects rather than removes itself.",
    authScopes: { writer: true },
    errors: {
      types: [NotFoundError, ConflictError, ForbiddenError],
      union: resultUnion('imageMemberRemove'),
    },
    resolve: async (_root, { input }, ctx) => {
      const { image, member } = await removeImageMember(ctx, input.imageId.id, input.projectId.id);
      return fresh(ctx, image.id, { image, removedMemberId: objectId('ImageMember', member), removedProjectId: { type: 'Project', id: input.projectId.id } });
    },
  },
  {
    description: 'What imageMemberRemove returns on success.',
    outputFields: (t) => ({
      image: t.field({ type: ImageRef, nullable: true, description: 'The image, without the member.', resolve: (p) => p.image }),
      removedMemberId: t.id({
        description: "The removed member's id, for a client to drop it from its cache (Relay: @deleteRecord).",
        resolve: (p) => p.removedMemberId,
      }),
      removedProjectId: t.globalID({ description: 'The project that is no longer a member.', resolve: (p) => p.removedProjectId }),
    }),
  },
);
