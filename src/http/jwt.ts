// Optional JWT bearer tokens: verified with JWT_SECRET (HS256) or the keys at JWKS_URL, then
// their documented claims become a principal. Any failure is just "not valid" to the caller.
import type { EntityManager } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import { decodeGlobalID } from '@pothos/plugin-relay';
import { type JWTPayload, type JWTVerifyOptions, createRemoteJWKSet, decodeProtectedHeader, errors, jwtVerify } from 'jose';
import { z } from 'zod';
import type { JwtConfig } from '../config.js';
import { viewerForPrincipal } from '../domain/tokens.js';
import { isUuid } from '../domain/validation.js';
import type { Viewer } from '../domain/viewer.js';

/** Why a JWT was refused, in words safe to show the caller. */
export class JwtRejected extends Error {}

/** Three dot-separated base64url parts: a compact JWS. */
const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
export const looksLikeJwt = (token: string) => JWT_SHAPE.test(token);

/** Keys published at a JWKS URL are asymmetric; HS256 belongs to the shared secret alone. */
const JWKS_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

/** An id given as a uuid or as the GraphQL global id of a node of `type`. */
const nodeId = (type: string) =>
  z.string().transform((value, check) => {
    if (isUuid(value)) return value;
    try {
      const decoded = decodeGlobalID(value);
      if (decoded.typename === type && isUuid(decoded.id)) return decoded.id;
    } catch {}
    check.addIssue({ code: 'custom', message: `is not a ${type} id` });
    return z.NEVER;
  });

/** The documented claims; anything else in the payload is ignored. */
const claims = z.discriminatedUnion('role', [
  z.object({ role: z.literal('admin') }),
  z.object({ role: z.literal('reseller'), reseller_id: nodeId('Reseller') }),
  z.object({ role: z.literal('member'), project_id: nodeId('Project'), read_only: z.boolean().default(false) }),
]);

export interface JwtVerifier {
  /** The viewer a JWT names; throws JwtRejected when it is not valid. */
  viewerFor(em: () => EntityManager, token: string): Promise<Viewer>;
}

/** A verifier for the configured key sources, or null when JWTs are not accepted. */
export function jwtVerifier(config: JwtConfig): JwtVerifier | null {
  const secret = config.secret ? new TextEncoder().encode(config.secret) : undefined;
  // Fetched lazily and cached by jose; a key it does not know triggers one refetch.
  const jwks = config.jwksUrl ? createRemoteJWKSet(new URL(config.jwksUrl)) : undefined;
  if (!secret && !jwks) return null;
  const common: JWTVerifyOptions = {
    ...(config.issuer && { issuer: config.issuer }),
    ...(config.audience && { audience: config.audience }),
    // A token that never expires cannot be taken back: refuse it.
    requiredClaims: ['exp'],
    clockTolerance: 5,
  };

  async function verify(token: string): Promise<JWTPayload> {
    let alg: string | undefined;
    try {
      alg = decodeProtectedHeader(token).alg;
    } catch {
      throw new JwtRejected('The token is not valid');
    }
    try {
      if (alg === 'HS256' && secret) return (await jwtVerify(token, secret, { ...common, algorithms: ['HS256'] })).payload;
      if (jwks && alg && JWKS_ALGORITHMS.includes(alg)) return (await jwtVerify(token, jwks, { ...common, algorithms: JWKS_ALGORITHMS })).payload;
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw new JwtRejected('The token has expired');
      // The token may be fine: the keys could not be fetched. Say so, rather than 401 or a fault.
      if (error instanceof errors.JWKSTimeout || !(error instanceof errors.JOSEError)) {
        throw new GraphQLError('The identity provider could not be reached; try again', {
          extensions: { code: 'UNAVAILABLE', http: { status: 503 } },
        });
      }
      throw new JwtRejected('The token is not valid');
    }
    throw new JwtRejected('The token is not valid');
  }

  return {
    async viewerFor(em, token) {
      const parsed = claims.safeParse(await verify(token));
      if (!parsed.success) throw new JwtRejected('The token is not valid');
      const principal = parsed.data;
      const viewer = await viewerForPrincipal(
        em(),
        principal.role === 'admin'
          ? { role: 'ADMIN' }
          : principal.role === 'reseller'
            ? { role: 'RESELLER', resellerId: principal.reseller_id }
            : { role: 'MEMBER', projectId: principal.project_id, readOnly: principal.read_only },
      );
      if (!viewer) throw new JwtRejected('The token is not valid');
      return viewer;
    },
  };
}
