// Projects that an identity service (Keystone) names: ours from their first request on, under the
// service's own id, so a project's images, members and tokens need no mapping table. A tempest
// run's throwaway projects work as they would against Glance.
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Project } from '../db/entities/project.js';
import { isUuid } from './validation.js';

/** Keystone writes a project id as 32 hex digits; ours are the same digits as a uuid. */
export function uuidOfProjectId(id: string): string | null {
  if (isUuid(id)) return id.toLowerCase();
  const hex = /^[0-9a-f]{32}$/i.test(id) ? id.toLowerCase() : null;
  return hex && `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Ours as Keystone writes it: the uuid's 32 hex digits. */
export const keystoneProjectId = (uuid: string) => uuid.replace(/-/g, '');

/**
 * The project a caller named by id, adopted in the caller's unit of work when `adopt` says that
 * projects are the identity service's; null when we do not know it and may not adopt it. Not
 * flushed: adopted with the change that names it, or not at all.
 */
export async function namedProject(em: EntityManager, id: string, adopt: boolean): Promise<Project | null> {
  if (!isUuid(id)) return null;
  const known = await em.findOne(Project, { id });
  if (known || !adopt) return known;
  return em.create(Project, { id: id.toLowerCase(), name: keystoneProjectId(id), reseller: null });
}

/** A project name our rule takes (src/domain/validation.ts identifier): other characters become hyphens. */
const nameOf = (name: string) => name.replace(/[^A-Za-z0-9_.\- ]/g, '-').trim().slice(0, 120) || 'project';

/**
 * The project with this id, created with the service's name for it if we have none. A name taken
 * by another project gets the id's first digits after it.
 */
export async function adoptProject(em: EntityManager, id: string, name: string): Promise<Project> {
  const existing = await em.fork().findOne(Project, { id });
  if (existing) return existing;
  for (const candidate of [nameOf(name), `${nameOf(name)} ${id.slice(0, 8)}`]) {
    const fork = em.fork();
    try {
      const project = fork.create(Project, { id, name: candidate, reseller: null });
      await fork.flush();
      return project;
    } catch (error) {
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
      // Another request adopted it meanwhile, or the name is taken.
      const adopted = await em.fork().findOne(Project, { id });
      if (adopted) return adopted;
    }
  }
  throw new Error(`cannot adopt project ${id}: its names are taken`);
}
