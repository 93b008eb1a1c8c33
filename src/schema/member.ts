// ImageMember: Glance image sharing. Image.members, and the mutations by which the owner
// offers a SHARED image to a project and the project answers.
import type { ImageMember } from '../db/entities/image-member.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../domain/errors.js';
import { addImageMember, removeImageMember, updateImageMember } from '../domain/members.js';
import { type Row, refId } from '../domain/rows.js';
import { membersByImage } from '../loaders/members-by-image.js';
import { type Context, builder } from './builder.js';
import { ImageRef } from './image.js';
import { MemberStatusEnum } from './image-enums.js';
import { viaLoader } from './loaded.js';
import { ProjectRef } from './project.js';

export const ImageMemberRef = builder.objectRef<Row<ImageMember>>('ImageMember').implement({
  description: 'A project a SHARED image is offered to, and its answer.',
  fields: (t) => ({
    image: t.field({
      type: ImageRef,
      authScopes: { authenticated: true },
      // Through the loader, so the image is what the visibility scope returns.
      resolve: (member) => refId(member.image),
    }),
    project: t.field({
      type: ProjectRef,
      authScopes: { authenticated: true },
      resolve: (member, _args, ctx) => viaLoader(ProjectRef, ctx, member.project)!,
    }),
    status: t.expose('status', { type: MemberStatusEnum, authScopes: { authenticated: true } }),
    createdAt: t.expose('createdAt', { type: 'DateTime', authScopes: { authenticated: true } }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', authScopes: { authenticated: true } }),
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
    inputFields: (t) => ({
      imageId: t.globalID({ for: ImageRef, required: true }),
      projectId: t.globalID({ for: ProjectRef, required: true }),
    }),
  },
  {
    description: "Offers a SHARED image to a project (the owner's writers or an administrator); the member starts PENDING.",
    authScopes: { writer: true },
    errors: { types: [ValidationError, NotFoundError, ConflictError, ForbiddenError] },
    resolve: async (_root, { input }, ctx) => ({
      member: fresh(ctx, input.imageId.id, await addImageMember(ctx, input.imageId.id, input.projectId.id)),
    }),
  },
  { outputFields: (t) => ({ member: t.field({ type: ImageMemberRef, nullable: true, resolve: (p) => p.member }) }) },
);

builder.relayMutationField(
  'imageMemberUpdate',
  {
    inputFields: (t) => ({
      imageId: t.globalID({ for: ImageRef, required: true }),
      projectId: t.globalID({ for: ProjectRef, required: true }),
      status: t.field({ type: MemberStatusEnum, required: true }),
    }),
  },
  {
    description: 'A member project answers for itself: PENDING, ACCEPTED or REJECTED, and back again.',
    authScopes: { writer: true },
    errors: { types: [ValidationError, NotFoundError, ConflictError, ForbiddenError] },
    resolve: async (_root, { input }, ctx) => ({
      member: fresh(ctx, input.imageId.id, await updateImageMember(ctx, input.imageId.id, input.projectId.id, input.status)),
    }),
  },
  { outputFields: (t) => ({ member: t.field({ type: ImageMemberRef, nullable: true, resolve: (p) => p.member }) }) },
);

builder.relayMutationField(
  'imageMemberRemove',
  {
    inputFields: (t) => ({
      imageId: t.globalID({ for: ImageRef, required: true }),
      projectId: t.globalID({ for: ProjectRef, required: true }),
    }),
  },
  {
    description: "Withdraws the offer (the owner's writers or an administrator); a member rejects rather than removes itself.",
    authScopes: { writer: true },
    errors: { types: [NotFoundError, ConflictError, ForbiddenError] },
    resolve: async (_root, { input }, ctx) => {
      const { image } = await removeImageMember(ctx, input.imageId.id, input.projectId.id);
      return fresh(ctx, image.id, { image, removedProjectId: { type: 'Project', id: input.projectId.id } });
    },
  },
  {
    outputFields: (t) => ({
      image: t.field({ type: ImageRef, nullable: true, resolve: (p) => p.image }),
      removedProjectId: t.globalID({ description: 'The project that is no longer a member.', resolve: (p) => p.removedProjectId }),
    }),
  },
);
