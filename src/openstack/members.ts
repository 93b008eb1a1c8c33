// Glance's image members: a project an image is shared with, and its answer to the offer.
import { MEMBER_STATUSES, type ImageMember, type MemberStatus } from '../db/entities/image-member.js';
import { type Row, refId } from '../domain/rows.js';
import { GlanceError } from './answers.js';
import { glanceTime, keystoneId } from './glance-image.js';

export function glanceMember(member: Row<ImageMember> | ImageMember) {
  return {
    member_id: keystoneId(refId(member.project)),
    image_id: refId(member.image),
    status: member.status.toLowerCase(),
    created_at: glanceTime(member.createdAt),
    updated_at: glanceTime(member.updatedAt),
    schema: '/v2/schemas/member',
  };
}

/** A member status from a request body (`pending`, `accepted`, `rejected`). */
export function memberStatusOf(value: unknown): MemberStatus {
  if (value === undefined) throw new GlanceError(400, 'Status not specified');
  const status = typeof value === 'string' && value === value.toLowerCase() ? (value.toUpperCase() as MemberStatus) : undefined;
  if (!status || !MEMBER_STATUSES.includes(status)) {
    throw new GlanceError(400, 'Incorrect request: Status must be "pending", "accepted" or "rejected".');
  }
  return status;
}
