// Query.viewer: who the token stands for, so that a frontend offers only what the caller may do.
import type { Viewer } from '../domain/viewer.js';
import { canWrite } from '../domain/viewer.js';
import { builder } from './builder.js';
import { viaLoader } from './loaded.js';
import { ProjectRef } from './project.js';
import { ResellerRef } from './reseller.js';

const ViewerKindEnum = builder.enumType('ViewerKind', {
  description: 'What kind of principal a token stands for.',
  values: {
    ADMIN: { description: 'The provider: sees and may change everything.' },
    RESELLER: { description: "A reseller's administrator: sees its clients' images, manages its shared-image rows." },
    MEMBER: { description: 'A member of one project: sees what the visibility rules give that project.' },
  } satisfies Record<Uppercase<Viewer['kind']>, { description: string }>,
});

const ViewerRef = builder.objectRef<Viewer>('Viewer').implement({
  description: 'The principal the request\'s token stands for. One per token: not a record, so it has no id.',
  fields: (t) => ({
    kind: t.field({
      type: ViewerKindEnum,
      description: 'Administrator, reseller administrator or project member.',
      resolve: (viewer) => viewer.kind.toUpperCase() as Uppercase<Viewer['kind']>,
    }),
    readOnly: t.boolean({
      description: 'Whether the token may change nothing (a read-only member token).',
      resolve: (viewer) => !canWrite(viewer),
    }),
    project: t.field({
      type: ProjectRef,
      nullable: true,
      description: "A member's project; null for others.",
      resolve: (viewer, _args, ctx) => (viewer.kind === 'member' ? viaLoader(ProjectRef, ctx, viewer.projectId) : null),
    }),
    reseller: t.field({
      type: ResellerRef,
      nullable: true,
      description: "A reseller administrator's reseller; null for others.",
      resolve: (viewer, _args, ctx) => (viewer.kind === 'reseller' ? viaLoader(ResellerRef, ctx, viewer.resellerId) : null),
    }),
  }),
});

builder.queryField('viewer', (t) =>
  t.field({
    type: ViewerRef,
    description: 'Who the token stands for.',
    authScopes: { authenticated: true },
    resolve: (_root, _args, ctx) => ctx.viewer,
  }),
);
