import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { baseColumns } from './columns.js';
import { Project } from './project.js';
import { Reseller } from './reseller.js';

const p = defineEntity.properties;

export const ROLES = ['ADMIN', 'RESELLER', 'MEMBER'] as const;
export type Role = (typeof ROLES)[number];

/**
 * An opaque API token, stored only as its SHA-256: tokens are 256 random bits, so a fast hash
 * is enough and lets a request find its token with one indexed lookup.
 */
export const ApiToken = defineEntity({
  name: 'ApiToken',
  properties: {
    ...baseColumns,
    name: p.string().length(128),
    tokenHash: p.string().length(64).unique(),
    role: p.enum([...ROLES]),
    /** The project a MEMBER token acts for. */
    project: p.manyToOne(Project).nullable().deleteRule('cascade').index(),
    /** The reseller a RESELLER token administers. */
    reseller: p.manyToOne(Reseller).nullable().deleteRule('cascade').index(),
    readOnly: p.boolean().default(false),
    revokedAt: p.datetime().columnType('timestamptz(3)').nullable(),
  },
  // A member token names its project, a reseller token its reseller, an admin token neither.
  checks: [
    {
      name: 'api_token_principal',
      expression:
        "(role = 'ADMIN' and project_id is null and reseller_id is null) or (role = 'RESELLER' and reseller_id is not null and project_id is null) or (role = 'MEMBER' and project_id is not null and reseller_id is null)",
    },
  ],
});
export type ApiToken = InferEntity<typeof ApiToken>;
