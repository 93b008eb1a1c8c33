// Gcore resellers: an administrator creates them and gives them client projects; a reseller
// admin sees only its own reseller, members see none. Deleting one that still has client
// projects is refused rather than leaving the projects' reseller dangling.
import type { FilterQuery } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { Project } from '../db/entities/project.js';
import { Reseller } from '../db/entities/reseller.js';
import type { DomainContext } from './context.js';
import { InUseError } from './errors.js';
import { type Page, type PageArgs, emptyPage, findPage } from './pagination.js';
import { type Row, findRows } from './rows.js';
import { assertAdmin } from './permissions.js';
import { findRow } from './reference-data.js';
import { inTransaction } from './unit-of-work.js';
import { type Loose, identifier, isUuid, validate } from './validation.js';
import type { Viewer } from './viewer.js';

/** The resellers `viewer` may know exist: all for an admin, its own for a reseller admin, none for members. */
function resellersKnownTo(viewer: Viewer): 'all' | { only: string } | 'none' {
  switch (viewer.kind) {
    case 'admin':
      return 'all';
    case 'reseller':
      return { only: viewer.resellerId };
    default:
      return 'none';
  }
}

/** resellersKnownTo as a condition (null: none). */
export function visibleResellers(viewer: Viewer): FilterQuery<Reseller> | null {
  const known = resellersKnownTo(viewer);
  if (known === 'none') return null;
  return known === 'all' ? {} : { id: known.only };
}

/** The visible resellers among `ids`, remembered or read in one statement (the Reseller node's loader). */
export async function resellersById(ctx: DomainContext, ids: readonly string[]): Promise<Row<Reseller>[]> {
  const known = resellersKnownTo(ctx.viewer);
  if (known === 'none') return [];
  return ctx.references.byId<Reseller>('Reseller', ids.filter((id) => isUuid(id) && (known === 'all' || id === known.only)));
}

/** A page of the visible resellers, by name. */
export async function listResellers(ctx: DomainContext, args: PageArgs): Promise<Page<Row<Reseller>>> {
  const scope = visibleResellers(ctx.viewer);
  // Members see no reseller.
  if (!scope) return emptyPage();
  return findPage<Reseller>(ctx.em, 'Reseller', scope, [{ field: 'name', direction: 'ASC', kind: 'string', nullable: false }], args);
}

const resellerSchema = z.object({ name: identifier }).strict();

export async function createReseller(ctx: DomainContext, raw: Loose<z.input<typeof resellerSchema>>) {
  assertAdmin(ctx.viewer, 'create resellers');
  const input = validate(resellerSchema, raw);
  return inTransaction(ctx, async (em) => {
    const reseller = em.create(Reseller, input);
    await em.flush();
    return reseller;
  });
}

export async function updateReseller(ctx: DomainContext, id: string, raw: Loose<z.input<typeof resellerSchema>>) {
  assertAdmin(ctx.viewer, 'change resellers');
  const input = validate(resellerSchema.partial(), raw);
  return inTransaction(ctx, async (em) => {
    const reseller = await findRow(em, Reseller, id);
    em.assign(reseller, input);
    await em.flush();
    return reseller;
  });
}

export async function deleteReseller(ctx: DomainContext, id: string) {
  assertAdmin(ctx.viewer, 'delete resellers');
  return inTransaction(ctx, async (em) => {
    const reseller = await findRow(em, Reseller, id);
    const projects = await em.count(Project, { reseller: id });
    if (projects > 0) throw new InUseError('Reseller', id, `${projects} project${projects === 1 ? '' : 's'}`);
    // Its shared-image rows go with it (on delete cascade).
    em.remove(reseller);
    await em.flush();
    return reseller;
  });
}

/** A page of a reseller's client projects, by name (the reseller itself is already visible to the caller). */
export async function listResellerProjects(ctx: DomainContext, resellerId: string, args: PageArgs): Promise<Page<Row<Project>>> {
  return findPage<Project>(ctx.em, 'Project', { reseller: resellerId }, [{ field: 'name', direction: 'ASC', kind: 'string', nullable: false }], args);
}

