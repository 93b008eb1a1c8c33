// Project: the tenant that owns images (a Gcore project, a Glance owner), and the projects
// connection of a reseller (its clients).
import { Project } from '../db/entities/project.js';
import { ConflictError, ForbiddenError, InUseError, NotFoundError, ValidationError } from '../domain/errors.js';
import { createProject, deleteProject, listReferences, updateProject } from '../domain/reference-data.js';
import { listResellerProjects } from '../domain/resellers.js';
import { builder } from './builder.js';
import { resultUnion } from './errors.js';
import { toConnection } from './connection.js';
import { viaLoader } from './loaded.js';
import { NAME_RULE, referenceNodeRef } from './reference-node.js';
import { ResellerRef } from './reseller.js';

export const ProjectRef = referenceNodeRef('Project', Project);

ProjectRef.implement({
  description: 'The tenant that owns images: a Gcore project, a Glance owner.',
  authScopes: { authenticated: true },
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Unique name.' }),
    reseller: t.field({
      type: ResellerRef,
      nullable: true,
      description: 'The reseller whose client the project is; null when it has none or the caller may not see it.',
      authScopes: { authenticated: true },
      resolve: (project, _args, ctx) => viaLoader(ResellerRef, ctx, project.reseller),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the project was created.' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When the project was last changed.' }),
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
    description: 'The input of projectCreate: the new project.',
    inputFields: (t) => ({
      name: t.string({ required: true, description: `Unique name: ${NAME_RULE}.` }),
      resellerId: t.globalID({ for: ResellerRef, description: 'The reseller whose client the project is (administrators only).' }),
    }),
  },
  {
    description: 'Adds a project (administrators only).',
    authScopes: { admin: true },
    errors: {
      types: [ValidationError, ConflictError, ForbiddenError],
      union: resultUnion('projectCreate'),
    },
    resolve: async (_root, { input: { resellerId, ...input } }, ctx) => ({
      project: await createProject(ctx, { ...input, resellerId: resellerId === undefined ? undefined : (resellerId?.id ?? null) }),
    }),
  },
  {
    description: 'What projectCreate returns on success.',
    outputFields: (t) => ({
      project: t.field({ type: ProjectRef, nullable: true, description: 'The new project.', resolve: (p) => p.project }),
    }),
  },
);

builder.relayMutationField(
  'projectUpdate',
  {
    description: 'The input of projectUpdate: which project, and what to change; omitted fields stay as they are.',
    inputFields: (t) => ({
      id: t.globalID({ for: ProjectRef, required: true, description: 'The project to change.' }),
      name: t.string({ description: `The new unique name: ${NAME_RULE}.` }),
      resellerId: t.globalID({ for: ResellerRef, description: 'null makes the project nobody\'s client (administrators only).' }),
    }),
  },
  {
    description: 'Changes a project (administrators only): its name, or whose client it is.',
    authScopes: { admin: true },
    errors: {
      types: [ValidationError, NotFoundError, ConflictError, ForbiddenError],
      union: resultUnion('projectUpdate'),
    },
    resolve: async (_root, { input: { id, resellerId, ...patch } }, ctx) => ({
      project: await updateProject(ctx, id.id, {
        ...patch,
        resellerId: resellerId === undefined ? undefined : (resellerId?.id ?? null),
      }),
    }),
  },
  {
    description: 'What projectUpdate returns on success.',
    outputFields: (t) => ({
      project: t.field({ type: ProjectRef, nullable: true, description: 'The project as changed.', resolve: (p) => p.project }),
    }),
  },
);

builder.relayMutationField(
  'projectDelete',
  {
    description: 'The input of projectDelete: which project.',
    inputFields: (t) => ({ id: t.globalID({ for: ProjectRef, required: true, description: 'The project to delete.' }) }),
  },
  {
    description:
      'Deletes a project (administrators only). Refused with InUseError while it owns any image, deleted ones included; its API tokens, image memberships and shared-image rows go with it.',
    authScopes: { admin: true },
    errors: {
      types: [NotFoundError, InUseError, ConflictError],
      union: resultUnion('projectDelete'),
    },
    resolve: async (_root, { input }, ctx) => {
      await deleteProject(ctx, input.id.id);
      return { deletedId: { type: 'Project', id: input.id.id } };
    },
  },
  {
    description: 'What projectDelete returns on success.',
    outputFields: (t) => ({
      deletedId: t.globalID({ description: 'The global id the deleted project had.', resolve: (p) => p.deletedId }),
    }),
  },
);
