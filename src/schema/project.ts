// Project: the tenant that owns images (a Gcore project, a Glance owner).
import { Project } from '../db/entities/project.js';
import { ConflictError, InUseError, NotFoundError, ValidationError } from '../domain/errors.js';
import { createProject, deleteProject, listReferences, updateProject } from '../domain/reference-data.js';
import { builder } from './builder.js';
import { toConnection } from './connection.js';
import { referenceNodeRef } from './reference-node.js';

export const ProjectRef = referenceNodeRef('Project', Project);

ProjectRef.implement({
  fields: (t) => ({
    name: t.exposeString('name'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

builder.queryField('projects', (t) =>
  t.connection({
    type: ProjectRef,
    resolve: async (_root, args, ctx) => toConnection(await listReferences<Project>(ctx, Project, args)),
  }),
);

builder.relayMutationField(
  'projectCreate',
  { inputFields: (t) => ({ name: t.string({ required: true }) }) },
  {
    errors: { types: [ValidationError, ConflictError] },
    resolve: async (_root, { input }, ctx) => ({ project: await createProject(ctx, input) }),
  },
  { outputFields: (t) => ({ project: t.field({ type: ProjectRef, nullable: true, resolve: (p) => p.project }) }) },
);

builder.relayMutationField(
  'projectUpdate',
  { inputFields: (t) => ({ id: t.globalID({ for: ProjectRef, required: true }), name: t.string() }) },
  {
    errors: { types: [ValidationError, NotFoundError, ConflictError] },
    resolve: async (_root, { input: { id, ...patch } }, ctx) => ({ project: await updateProject(ctx, id.id, patch) }),
  },
  { outputFields: (t) => ({ project: t.field({ type: ProjectRef, nullable: true, resolve: (p) => p.project }) }) },
);

builder.relayMutationField(
  'projectDelete',
  { inputFields: (t) => ({ id: t.globalID({ for: ProjectRef, required: true }) }) },
  {
    errors: { types: [NotFoundError, InUseError] },
    resolve: async (_root, { input }, ctx) => {
      await deleteProject(ctx, input.id.id);
      return { deletedId: { type: 'Project', id: input.id.id } };
    },
  },
  { outputFields: (t) => ({ deletedId: t.globalID({ resolve: (p) => p.deletedId }) }) },
);
