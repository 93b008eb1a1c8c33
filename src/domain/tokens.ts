// API tokens: create (the plaintext is shown once), list, revoke, and the lookup every request
// makes (remembered for a second by src/domain/principal-cache.ts, which a revocation announced
// on the event bus clears at once). Only a token's SHA-256 is stored.
import { createHash, randomBytes } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { ApiToken, ROLES, type Role } from '../db/entities/api-token.js';
import { Project } from '../db/entities/project.js';
import { Reseller } from '../db/entities/reseller.js';
import { ConflictError, NotFoundError } from './errors.js';
import { type Row, findRows, refId } from './rows.js';
import { InputCheck, isUuid, text } from './validation.js';
import type { Viewer } from './viewer.js';

/** Every token this service issues starts so; secret scanners and people recognise it. */
export const TOKEN_PREFIX = 'icg_';

/** Longer values are not tokens; refusing them early keeps hashing bounded. */
const MAX_TOKEN_LENGTH = 4096;

export const hashToken = (plaintext: string) => createHash('sha256').update(plaintext, 'utf8').digest('hex');

/** 256 random bits: guessing is hopeless, so a fast hash suffices for storage. */
export const generateToken = () => `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;

/** What a token stands for, as given to `createToken`. */
export interface TokenPrincipal {
  role: Role;
  /** MEMBER tokens: the project's uuid. */
  projectId?: string | null;
  /** RESELLER tokens: the reseller's uuid. */
  resellerId?: string | null;
  /** MEMBER tokens only: may read but change nothing. */
  readOnly?: boolean | null;
}

/** A token as listed: never its hash, never its plaintext. */
export interface TokenSummary {
  id: string;
  name: string;
  role: Role;
  projectId: string | null;
  resellerId: string | null;
  readOnly: boolean;
  createdAt: Date;
  revokedAt: Date | null;
}

const uuid = z.string().refine(isUuid, 'is not a valid id');
const tokenInput = z
  .object({
    name: text(128).min(1, 'must not be empty'),
    role: z.enum(ROLES),
    projectId: uuid.nullish(),
    resellerId: uuid.nullish(),
    readOnly: z.boolean().nullish(),
  })
  .strict();

/** The principal rules of the api_token_principal check, as messages naming the field. */
function checkPrincipal(check: InputCheck, input: z.infer<typeof tokenInput>) {
  const { role, projectId, resellerId, readOnly } = input;
  if (role === 'MEMBER' && !projectId) check.add('projectId', 'is required for a MEMBER token');
  if (role !== 'MEMBER' && projectId) check.add('projectId', 'is only for MEMBER tokens');
  if (role === 'RESELLER' && !resellerId) check.add('resellerId', 'is required for a RESELLER token');
  if (role !== 'RESELLER' && resellerId) check.add('resellerId', 'is only for RESELLER tokens');
  if (role !== 'MEMBER' && readOnly) check.add('readOnly', 'only MEMBER tokens can be read-only');
}

/**
 * Issues a token for a principal. The plaintext is in the answer and nowhere else: it cannot be
 * shown again.
 */
export async function createToken(
  em: EntityManager,
  raw: { name: string } & TokenPrincipal,
): Promise<{ token: string; summary: TokenSummary }> {
  const check = new InputCheck();
  const input = check.parse(tokenInput, raw);
  if (input) checkPrincipal(check, input);
  check.done();
  const { name, role, projectId, resellerId, readOnly } = input!;
  return em.fork().transactional(async (tx) => {
    if (projectId && !(await tx.count(Project, { id: projectId }))) check.add('projectId', `no project has id ${projectId}`);
    if (resellerId && !(await tx.count(Reseller, { id: resellerId }))) check.add('resellerId', `no reseller has id ${resellerId}`);
    check.done();
    const token = generateToken();
    const row = tx.create(ApiToken, {
      name,
      role,
      tokenHash: hashToken(token),
      project: projectId ? tx.getReference(Project, projectId) : null,
      reseller: resellerId ? tx.getReference(Reseller, resellerId) : null,
      readOnly: readOnly ?? false,
      revokedAt: null,
    });
    await tx.flush();
    return { token, summary: summarize(row) };
  });
}

/** Every token, newest first, revoked ones included (they say when). */
export async function listTokens(em: EntityManager): Promise<TokenSummary[]> {
  const rows = await em.fork().find(ApiToken, {}, { orderBy: { createdAt: 'desc', id: 'desc' } });
  return rows.map(summarize);
}

/** Revokes a token; revoking it again changes nothing and answers the same. */
export async function revokeToken(em: EntityManager, id: string): Promise<TokenSummary> {
  return em.fork().transactional(async (tx) => {
    const row = isUuid(id) ? await tx.findOne(ApiToken, { id }) : null;
    if (!row) throw new NotFoundError('ApiToken', id);
    row.revokedAt ??= new Date();
    await tx.flush();
    return summarize(row);
  });
}

/**
 * The principal a presented token stands for, or null when it is unknown or revoked: one
 * indexed lookup by hash, joined with the project to learn a member's reseller.
 */
export async function viewerForToken(em: EntityManager, plaintext: string): Promise<Viewer | null> {
  if (!plaintext || plaintext.length > MAX_TOKEN_LENGTH) return null;
  // A row, not an entity: nothing enters the request's unit of work, and every request pays for this.
  const [row] = await findRows<ApiToken>(em, 'ApiToken', { where: { tokenHash: hashToken(plaintext), revokedAt: null }, join: ['project'] });
  if (!row) return null;
  if (row.role === 'ADMIN') return { kind: 'admin' };
  if (row.role === 'RESELLER') return { kind: 'reseller', resellerId: refId(row.reseller!) };
  const project = row.project as Row<Project>;
  return { kind: 'member', projectId: project.id, resellerId: refId(project.reseller), readOnly: row.readOnly };
}

/**
 * The viewer of a principal vouched for elsewhere (a verified JWT): a member's reseller comes
 * from its project. Null when the project or reseller does not exist.
 */
export async function viewerForPrincipal(em: EntityManager, principal: TokenPrincipal): Promise<Viewer | null> {
  const fork = em.fork();
  if (principal.role === 'ADMIN') return { kind: 'admin' };
  if (principal.role === 'RESELLER') {
    const id = principal.resellerId;
    return id && isUuid(id) && (await fork.count(Reseller, { id })) ? { kind: 'reseller', resellerId: id } : null;
  }
  const id = principal.projectId;
  const project = id && isUuid(id) ? await fork.findOne(Project, { id }) : null;
  if (!project) return null;
  return { kind: 'member', projectId: project.id, resellerId: project.reseller?.id ?? null, readOnly: principal.readOnly ?? false };
}

export type AdminTokenOutcome = 'created' | 'existing' | 'reactivated';

/**
 * Makes `plaintext` an active admin token (the ADMIN_TOKEN bootstrap). The operator who sets it
 * is authoritative, so a revoked one is reactivated; a value already given to another principal
 * is refused rather than promoted.
 */
export async function ensureAdminToken(em: EntityManager, plaintext: string, name: string): Promise<AdminTokenOutcome> {
  const tokenHash = hashToken(plaintext);
  const attempt = () =>
    em.fork().transactional(async (tx): Promise<AdminTokenOutcome> => {
      const row = await tx.findOne(ApiToken, { tokenHash });
      if (row && row.role !== 'ADMIN') throw new ConflictError(`${name} is already the token of a ${row.role} principal`);
      if (row && !row.revokedAt) return 'existing';
      if (row) {
        row.revokedAt = null;
        await tx.flush();
        return 'reactivated';
      }
      tx.create(ApiToken, { name, role: 'ADMIN', tokenHash, project: null, reseller: null, readOnly: false, revokedAt: null });
      await tx.flush();
      return 'created';
    });
  try {
    return await attempt();
  } catch (error) {
    // Another instance inserted the same token between our read and write: it exists now.
    if (error instanceof UniqueConstraintViolationException) return attempt();
    throw error;
  }
}

/** Whether any admin token is still active (the embedded bootstrap creates one when none is). */
export async function hasActiveAdminToken(em: EntityManager): Promise<boolean> {
  return (await em.fork().count(ApiToken, { role: 'ADMIN', revokedAt: null })) > 0;
}

function summarize(row: ApiToken): TokenSummary {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    projectId: row.project?.id ?? null,
    resellerId: row.reseller?.id ?? null,
    readOnly: row.readOnly,
    createdAt: row.createdAt,
    revokedAt: row.revokedAt ?? null,
  };
}
