import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { baseColumns } from './columns.js';
import { Project } from './project.js';
import { Region } from './region.js';
import { Reseller } from './reseller.js';

const p = defineEntity.properties;

/**
 * Gcore's shared image row: which public images a project, or a reseller's clients, may use in
 * a region. `imageIds` null means every public image, [] none, a list only those; a reseller's
 * list also shares the named images of its clients with all of them. Exactly one of project
 * and reseller is set.
 */
export const SharedImage = defineEntity({
  name: 'SharedImage',
  properties: {
    ...baseColumns,
    project: p.manyToOne(Project).nullable().deleteRule('cascade'),
    reseller: p.manyToOne(Reseller).nullable().deleteRule('cascade'),
    region: p.manyToOne(Region).deleteRule('cascade'),
    imageIds: p.array().columnType('uuid[]').nullable(),
  },
  checks: [{ name: 'shared_image_one_entity', expression: '(project_id is null) <> (reseller_id is null)' }],
  uniques: [
    { name: 'shared_image_project_region_unique', properties: ['project', 'region'] },
    { name: 'shared_image_reseller_region_unique', properties: ['reseller', 'region'] },
  ],
});
export type SharedImage = InferEntity<typeof SharedImage>;
