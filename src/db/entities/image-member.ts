import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { baseColumns } from './columns.js';
import { Image } from './image.js';
import { Project } from './project.js';

const p = defineEntity.properties;

export const MEMBER_STATUSES = ['PENDING', 'ACCEPTED', 'REJECTED'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

/** Glance image sharing: a project a SHARED image is offered to, and what it answered. */
export const ImageMember = defineEntity({
  name: 'ImageMember',
  properties: {
    ...baseColumns,
    image: () => p.manyToOne(Image).deleteRule('cascade'),
    project: p.manyToOne(Project).deleteRule('cascade'),
    status: p.enum([...MEMBER_STATUSES]).default('PENDING'),
  },
  indexes: [{ name: 'image_member_project_status_idx', properties: ['project', 'status'] }],
  uniques: [{ name: 'image_member_image_project_unique', properties: ['image', 'project'] }],
});
export type ImageMember = InferEntity<typeof ImageMember>;
