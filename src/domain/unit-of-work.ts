// Every change runs in one transaction on its own fork: a failure leaves no half-written row,
// and a failed mutation leaves nothing pending for the next one in the same request.
import {
  DeadlockException,
  ForeignKeyConstraintViolationException,
  OptimisticLockError,
  UniqueConstraintViolationException,
} from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { DomainContext } from './context.js';
import { ConflictError } from './errors.js';

/** What each unique constraint means to a client, and which input field it concerns. */
const uniqueConstraints: Record<string, { message: string; field: string }> = {
  image_pkey: { message: 'An image with this id exists, or existed', field: 'id' },
  image_owner_region_name_unique: { message: 'An image with this name already exists for this owner in this region', field: 'name' },
  image_compute_resource_provider_ref_unique: { message: 'This compute resource template is already registered as an image', field: 'providerRef' },
  image_metadata_image_key_unique: { message: 'A metadata item with this key already exists', field: 'key' },
  region_slug_unique: { message: 'A region with this slug already exists', field: 'slug' },
  reseller_name_unique: { message: 'A reseller with this name already exists', field: 'name' },
  project_name_unique: { message: 'A project with this name already exists', field: 'name' },
  operating_system_title_unique: { message: 'An operating system with this name and version already exists', field: 'name' },
  architecture_name_unique: { message: 'An architecture with this name already exists', field: 'name' },
  compute_resource_name_unique: { message: 'A compute resource with this name already exists', field: 'name' },
  image_member_image_project_unique: { message: 'This project is already a member of the image', field: 'projectId' },
  shared_image_project_region_unique: { message: 'The row was created meanwhile; set it again', field: 'regionId' },
  shared_image_reseller_region_unique: { message: 'The row was created meanwhile; set it again', field: 'regionId' },
  metadef_namespace_namespace_unique: { message: 'A metadata definition namespace with this name already exists', field: 'namespace' },
  metadef_resource_type_name_unique: { message: 'The resource type was created meanwhile; retry', field: 'name' },
  metadef_resource_type_association_unique: { message: 'The namespace is already associated with this resource type', field: 'name' },
  metadef_property_namespace_name_unique: { message: 'A property with this name already exists in the namespace', field: 'name' },
  metadef_object_namespace_name_unique: { message: 'An object with this name already exists in the namespace', field: 'name' },
  metadef_tag_namespace_name_unique: { message: 'A tag with this name already exists in the namespace', field: 'name' },
};

function translate(error: unknown): unknown {
  if (error instanceof UniqueConstraintViolationException) {
    const known = uniqueConstraints[(error as { constraint?: string }).constraint ?? ''];
    return known ? new ConflictError(known.message, known.field) : new ConflictError('The change collides with an existing record');
  }
  if (error instanceof OptimisticLockError) {
    return new ConflictError('The record was changed by someone else; read it again and retry', 'expectedVersion');
  }
  // PostgreSQL broke a deadlock: the other change went first.
  if (error instanceof DeadlockException) {
    return new ConflictError('The record is being changed by another request; retry');
  }
  if (error instanceof ForeignKeyConstraintViolationException) {
    // Use cases check references first; this is a race with a concurrent change.
    return new ConflictError('A record this change refers to was changed or removed meanwhile; retry');
  }
  return error;
}

/**
 * Runs `work` in a transaction on a fork of the request's EntityManager. A race with another
 * writer can end any such change in ConflictError (below), so every mutation that runs here lists
 * it among its errors. Use cases that change an image lock it first (`findImageForChange`).
 */
export async function inTransaction<T>(ctx: DomainContext, work: (em: EntityManager) => Promise<T>): Promise<T> {
  try {
    return await ctx.em.fork().transactional(work);
  } catch (error) {
    throw translate(error);
  }
}
