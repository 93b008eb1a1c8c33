// The one visibility scope: every list, get, loader, count and (later) subscription of images
// composes it. Glance's visibilities with Gcore's shared-image rows:
// - own images (owner = the viewer's project);
// - PUBLIC images, narrowed per region by the project's SharedImage row, else the reseller's
//   (null = all public, [] = none, a list = only those); a reseller's list also grants its
//   clients' images it names;
// - SHARED images where the project is a member: listed once ACCEPTED (others when the filter
//   asks for that member status), readable by id whatever the status;
// - COMMUNITY images readable by anyone by id, listed for others only when asked for;
// - PRIVATE images the owner's alone. Admins see everything.
// A caller never learns that an invisible image exists: it is simply not found.
import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Image } from '../db/entities/image.js';
import { MEMBER_STATUSES, type MemberStatus } from '../db/entities/image-member.js';
import { SharedImage } from '../db/entities/shared-image.js';
import type { DomainContext } from './context.js';

export interface ScopeOptions {
  /** 'read' is a lookup by id or name; 'list' is a list, a count or a search. */
  purpose: 'list' | 'read';
  /** Glance's member_status filter: list the images shared with the viewer in this status. */
  memberStatus?: MemberStatus | null;
  /** The list filter names COMMUNITY among its visibilities. */
  community?: boolean;
}

type Condition = FilterQuery<Image>;

interface SharingRow {
  regionId: string;
  imageIds: string[] | null;
  forProject: boolean;
}

// The viewer's SharedImage rows, loaded once per request: a handful of rows, one statement.
const sharingByContext = new WeakMap<DomainContext, Promise<SharingRow[]>>();

function sharingRows(ctx: DomainContext, em: EntityManager): Promise<SharingRow[]> {
  const viewer = ctx.viewer;
  if (viewer.kind === 'admin') return Promise.resolve([]);
  let rows = sharingByContext.get(ctx);
  if (!rows) {
    const owners: FilterQuery<SharedImage>[] = [];
    if (viewer.kind === 'member') owners.push({ project: viewer.projectId });
    if (viewer.resellerId) owners.push({ reseller: viewer.resellerId });
    rows = em
      .find(SharedImage, { $or: owners }, { fields: ['region', 'imageIds', 'project'] })
      .then((found) =>
        found.map((row) => ({ regionId: row.region.id, imageIds: row.imageIds ?? null, forProject: row.project != null })),
      );
    // A failed load must not be remembered: the next question asks the database again.
    rows.catch(() => sharingByContext.delete(ctx));
    sharingByContext.set(ctx, rows);
  }
  return rows;
}

/** After a change to shared-image rows, this request must see the new ones. */
export function forgetSharing(ctx: DomainContext): void {
  sharingByContext.delete(ctx);
}

/** PUBLIC images as narrowed per region: the project's row wins over the reseller's. */
function publicImages(rows: SharingRow[]): Condition[] {
  const effective = new Map<string, string[] | null>();
  for (const row of rows) {
    if (row.forProject || !effective.has(row.regionId)) effective.set(row.regionId, row.imageIds);
  }
  const clauses: Condition[] = [
    { visibility: 'PUBLIC', ...(effective.size > 0 && { region: { $nin: [...effective.keys()] } }) },
  ];
  for (const [regionId, imageIds] of effective) {
    if (imageIds === null) clauses.push({ visibility: 'PUBLIC', region: regionId });
    else if (imageIds.length > 0) clauses.push({ visibility: 'PUBLIC', region: regionId, id: { $in: imageIds } });
  }
  return clauses;
}

/** The clients' images a reseller's rows name: shared with all of its clients. */
function resellerGrants(rows: SharingRow[], resellerId: string): Condition[] {
  return rows
    .filter((row) => !row.forProject && row.imageIds?.length)
    .map((row) => ({ region: row.regionId, id: { $in: row.imageIds! }, owner: { reseller: resellerId } }));
}

/**
 * The images `ctx.viewer` may know exist, as a condition SQL can compose. `em` is the unit of
 * work the condition will run in: inside a transaction, its own connection must do the reading.
 */
export async function imageScope(ctx: DomainContext, options: ScopeOptions, em: EntityManager = ctx.em): Promise<Condition> {
  const viewer = ctx.viewer;
  const listing = options.purpose === 'list';
  // Listing by member status asks which SHARED images the caller is a member of, in that
  // status: never more than the caller could read anyway.
  if (listing && options.memberStatus) {
    const status = options.memberStatus;
    switch (viewer.kind) {
      case 'admin':
        return { visibility: 'SHARED', members: { $some: { status } } };
      case 'reseller':
        return {
          $and: [
            await imageScope(ctx, { purpose: 'read' }, em),
            { visibility: 'SHARED', members: { $some: { status, project: { reseller: viewer.resellerId } } } },
          ],
        };
      case 'member':
        return { visibility: 'SHARED', members: { $some: { status, project: viewer.projectId } } };
    }
  }
  if (viewer.kind === 'admin') return {};

  const rows = await sharingRows(ctx, em);
  const community: Condition[] = !listing || options.community ? [{ visibility: 'COMMUNITY' }] : [];
  if (viewer.kind === 'reseller') {
    return { $or: [{ owner: { reseller: viewer.resellerId } }, ...publicImages(rows), ...community] };
  }
  const statuses: readonly MemberStatus[] = listing ? ['ACCEPTED'] : MEMBER_STATUSES;
  return {
    $or: [
      { owner: viewer.projectId },
      ...publicImages(rows),
      ...(viewer.resellerId ? resellerGrants(rows, viewer.resellerId) : []),
      { visibility: 'SHARED', members: { $some: { project: viewer.projectId, status: { $in: [...statuses] } } } },
      ...community,
    ],
  };
}

/** Live (not deleted) images the viewer may look up by id or name. */
export async function readableImages(ctx: DomainContext, em: EntityManager = ctx.em): Promise<Condition> {
  return { $and: [await imageScope(ctx, { purpose: 'read' }, em), { deletedAt: null }] };
}
