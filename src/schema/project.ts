// Project: the tenant that owns images (a Gcore project, a Glance owner), and the projects
// connection of a reseller (its clients).
import { Project } from '../db/entities/project.js';
import { ConflictError, ForbiddenError, InUseError, NotFoundError, ValidationError } from '../domain/errors.js';
import { createProject, deleteProject, listReferences, updateProject } from '../domain/reference-data.js';
import { listResellerProjects } from '../domain/resellers.js';
import { builder } from './builder.js';
import { toConnection } from './connection.js';
import { viaLoader } from './loaded.js';
import { referenceNodeRef } from './reference-node.js';
import { ResellerRef } from './reseller.js';

export const ProjectRef = referenceNodeRef('Project', Project);

ProjectRef.implement({
  authScopes: { authenticated: true },
  fields: (t) => ({
    name: t.exposeString('name'),
    reseller: t.field({
      type: ResellerRef,
      nullable: true,
      description: 'The reseller whose client the project is; null when it has none or the caller may not see it.',
      authScopes: { authenticated: true },
      resolve: (project, _args, ctx) => viaLoader(ResellerRef, ctx, project.reseller),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

/** Shared by Query.projects and Reseller.projects. */
const ProjectConnection = builder.connectionObject(
  { type: ProjectRef, name: 'ProjectConnection', description: 'A page of projects.' },
  { name: 'ProjectEdge', description: 'A project in a page, with its cursor.' },
);

builder.objectField(ResellerRef, 'projects', (t) =>
  t.connection(
    {
      type: ProjectRef,
      description: "The reseller's client projects, by name.",
      authScopes: { authenticated: true },
      resolve: async (reseller, args, ctx) => toConnection(await listResellerProjects(ctx, reseller.id, args)),
    },
    ProjectConnection,
  ),
);

builder.queryField('projects', (t) =>
  t.connection(
    {
      type: ProjectRef,
      description: "Every project for an administrator, a reseller admin's client projects, a member's own project; by name.",
      authScopes: { authenticated: true },
      resolve: async (_root, args, ctx) => toConnection(await listReferences<Project>(ctx, Project, args)),
    },
    ProjectConnection,
  ),
);

builder.relayMutationField(
  'projectCreate',
  {
    inputFields: (t) => ({
      name: t.string({ required: true }),
      resellerId: t.globalID({ for: ResellerRef, description: 'The reseller whose client the project is (administrators only).' }),
    }),
  },
  {
    authScopes: { admin: true },
    errors: { types: [ValidationError, ConflictError, ForbiddenError] },
    resolve: async (_root, { input: { resellerId, ...input } }, ctx) => ({
      project: await createProject(ctx, { ...input, resellerId: resellerId === undefined ? undefined : (resellerId?.id ?? null) }),
    }),
  },
  { outputFields: (t) => ({ project: t.field({ type: ProjectRef, nullable: true, resolve: (p) => p.project }) }) },
);

builder.relayMutationField(
  'projectUpdate',
  {
    inputFields: (t) => ({
      id: t.globalID({ for: ProjectRef, required: true }),
      name: t.string(),
      resellerId: t.globalID({ for: ResellerRef, description: 'null makes the project nobody\'s client (administrators only).' }),
    }),
  },
  {
    authScopes: { admin: true },
    errors: { types: [ValidationError, NotFoundError, ConflictError, ForbiddenError] },
    resolve: async (_root, { input: { id, resellerId, ...patch } }, ctx) => ({
      project: await updateProject(ctx, id.id, {
        ...patch,
        resellerId: resellerId === undefined ? undefined : (resellerId?.id ?? null),
      }),
    }),
  },
  { outputFields: (t) => ({ project: t.field({ type: ProjectRef, nullable: true, resolve: (p) => p.project }) }) },
);

builder.relayMutationField(
  'projectDelete',
  { inputFields: (t) => ({ id: t.globalID({ for: ProjectRef, required: true }) }) },
  {
    authScopes: { admin: true },
    errors: { types: [NotFoundError, InUseError, ConflictError] },
    resolve: async (_root, { input }, ctx) => {
      await deleteProject(ctx, input.id.id);
      return { deletedId: { type: 'Project', id: input.id.id } };
    },
  },
  { outputFields: (t) => ({ deletedId: t.globalID({ resolve: (p) => p.deletedId }) }) },
);
