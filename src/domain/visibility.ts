// The one visibility scope: every list, get, loader, count and subscription of images composes
// it, on either read path, as the SQL below. Glance's visibilities with Gcore's shared-image rows:
// - own images (owner = the viewer's project);
// - PUBLIC images, narrowed per region by the project's SharedImage row, else the reseller's
//   (null = all public, [] = none, a list = only those); a reseller's list also grants its
//   clients' images it names;
// - SHARED images where the project is a member: listed once ACCEPTED (others when the filter
//   asks for that member status), readable by id whatever the status;
// - COMMUNITY images readable by anyone by id, listed for others only when asked for;
// - PRIVATE images the owner's alone. Admins see everything.
// A caller never learns that an invisible image exists: it is simply not found.
// The viewer's shared-image rows are read inside the same statement, once per execution (an
// uncorrelated subquery), so the scope is one condition with the viewer's ids as its only
// parameters: exact at every moment, and a statement that can be prepared.
import type { FilterQuery } from '@mikro-orm/core';
import type { Image } from '../db/entities/image.js';
import type { MemberStatus } from '../db/entities/image-member.js';
import type { DomainContext } from './context.js';
import { type SqlCondition, type SqlValues, literal, ormCondition } from './sql.js';
import type { Viewer } from './viewer.js';

export interface ScopeOptions {
  /** 'read' is a lookup by id or name; 'list' is a list, a count or a search. */
  purpose: 'list' | 'read';
  /** Glance's member_status filter: list the images shared with the viewer in this status. */
  memberStatus?: MemberStatus | null;
  /** The list filter names COMMUNITY among its visibilities. */
  community?: boolean;
}

/** Whose shared-image rows narrow the viewer's public images. */
interface SharingOwner {
  projectId: string | null;
  resellerId: string | null;
}

/** The effective shared-image row per region: the project's, else its reseller's. */
function effectiveRows(owner: SharingOwner, sql: SqlValues): string {
  const whose = [
    ...(owner.projectId ? [`vs.project_id = ${sql.bind(owner.projectId, 'uuid')}`] : []),
    ...(owner.resellerId ? [`vs.reseller_id = ${sql.bind(owner.resellerId, 'uuid')}`] : []),
  ].join(' OR ');
  return `SELECT DISTINCT ON (vs.region_id) vs.region_id, vs.image_ids FROM shared_image vs WHERE ${whose} ORDER BY vs.region_id, vs.project_id IS NULL`;
}

/**
 * PUBLIC images as the viewer's effective rows narrow them (none: every one): outside the rows'
 * regions, in a region a row opens wholly (image_ids null), or listed in their region's row.
 * Each subquery is uncorrelated: run once per statement, then a hash lookup per image.
 */
function publicImages(i: string, owner: SharingOwner, sql: SqlValues): string {
  const rows = () => effectiveRows(owner, sql);
  return `(${i}.visibility = 'PUBLIC' AND (${[
    `${i}.region_id NOT IN (SELECT ve.region_id FROM (${rows()}) ve)`,
    `${i}.region_id IN (SELECT ve.region_id FROM (${rows()}) ve WHERE ve.image_ids IS NULL)`,
    `(${i}.region_id, ${i}.id) IN (SELECT ve.region_id, vx FROM (${rows()}) ve, unnest(ve.image_ids) vx)`,
  ].join(' OR ')}))`;
}

/** Images of the reseller's clients that a reseller's row names: shared with all its clients. */
function resellerGrants(i: string, resellerId: string, sql: SqlValues): string {
  const listed = `SELECT vs.region_id, vx FROM shared_image vs, unnest(vs.image_ids) vx WHERE vs.reseller_id = ${sql.bind(resellerId, 'uuid')}`;
  return `((${i}.region_id, ${i}.id) IN (${listed}) AND ${clientOf(i, resellerId, sql)})`;
}

/** The image's owner is a project of the reseller. */
const clientOf = (i: string, resellerId: string, sql: SqlValues) =>
  `${i}.owner_id IN (SELECT vp.id FROM project vp WHERE vp.reseller_id = ${sql.bind(resellerId, 'uuid')})`;

/** A SHARED image the project is a member of, in one of `statuses` (all: any membership). */
function membership(i: string, projectId: string, statuses: readonly MemberStatus[] | null, sql: SqlValues): string {
  const status = statuses ? ` AND vm.status IN (${statuses.map(literal).join(', ')})` : '';
  return `(${i}.visibility = 'SHARED' AND EXISTS (SELECT 1 FROM image_member vm WHERE vm.image_id = ${i}.id AND vm.project_id = ${sql.bind(projectId, 'uuid')}${status}))`;
}

/** The images `viewer` may know exist, as a condition on the image row aliased `i`. */
export function visibleImagesSql(viewer: Viewer, options: ScopeOptions, i: string, sql: SqlValues): string {
  const listing = options.purpose === 'list';
  // Listing by member status asks which SHARED images the caller is a member of, in that
  // status: never more than the caller could read anyway.
  if (listing && options.memberStatus) {
    const status = literal(options.memberStatus);
    switch (viewer.kind) {
      case 'admin':
        return `(${i}.visibility = 'SHARED' AND EXISTS (SELECT 1 FROM image_member vm WHERE vm.image_id = ${i}.id AND vm.status = ${status}))`;
      case 'reseller': {
        const readable = visibleImagesSql(viewer, { purpose: 'read' }, i, sql);
        const clients = `SELECT vp.id FROM project vp WHERE vp.reseller_id = ${sql.bind(viewer.resellerId, 'uuid')}`;
        return `(${readable} AND ${i}.visibility = 'SHARED' AND EXISTS (SELECT 1 FROM image_member vm WHERE vm.image_id = ${i}.id AND vm.status = ${status} AND vm.project_id IN (${clients})))`;
      }
      case 'member':
        return membership(i, viewer.projectId, [options.memberStatus], sql);
    }
  }
  if (viewer.kind === 'admin') return 'TRUE';
  const community = !listing || options.community ? [`${i}.visibility = 'COMMUNITY'`] : [];
  if (viewer.kind === 'reseller') {
    const own = { projectId: null, resellerId: viewer.resellerId };
    return `(${[clientOf(i, viewer.resellerId, sql), publicImages(i, own, sql), ...community].join(' OR ')})`;
  }
  const owner = { projectId: viewer.projectId, resellerId: viewer.resellerId };
  return `(${[
    `${i}.owner_id = ${sql.bind(viewer.projectId, 'uuid')}`,
    publicImages(i, owner, sql),
    ...(viewer.resellerId ? [resellerGrants(i, viewer.resellerId, sql)] : []),
    membership(i, viewer.projectId, listing ? ['ACCEPTED'] : null, sql),
    ...community,
  ].join(' OR ')})`;
}

/** The scope for `options` as a condition on any alias. */
export const imageScope = (ctx: DomainContext, options: ScopeOptions): SqlCondition => (alias, sql) => visibleImagesSql(ctx.viewer, options, alias, sql);

/** Live (not deleted) images the viewer may look up by id or name. */
export const readableSql = (ctx: DomainContext): SqlCondition => (alias, sql) =>
  `(${visibleImagesSql(ctx.viewer, { purpose: 'read' }, alias, sql)} AND ${alias}.deleted_at IS NULL)`;

/** The same, as a condition of the ORM, for a query the ORM writes itself (a locking read). */
export function readableImages(ctx: DomainContext): FilterQuery<Image> {
  return ormCondition<Image>(readableSql(ctx));
}
