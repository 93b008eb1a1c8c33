// Who is calling: the bearer token of a request becomes a Viewer, or the request ends with
// HTTP 401 before anything is read. Thrown from Yoga's context factory, so every transport
// that builds a context shares it.
import type { EntityManager } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import type { PrincipalCache } from '../domain/principal-cache.js';
import type { Viewer } from '../domain/viewer.js';
import { type JwtVerifier, JwtRejected, looksLikeJwt } from './jwt.js';
import { KeystoneUnavailable, type KeystoneTokens } from './keystone.js';

export interface Authenticator {
  /** Called only for a lookup that reads, so a remembered principal forks none; each call may fork anew (lookups keep nothing in it). */
  em: () => EntityManager;
  /** Tokens' principals, remembered briefly (src/domain/principal-cache.ts). */
  principals: PrincipalCache;
  /** null: JWTs are not accepted, and a JWT-shaped token is looked up like any other. */
  jwt: JwtVerifier | null;
  /** Keystone's tokens, when KEYSTONE_URL is set: asked about any token that is not ours. */
  keystone?: KeystoneTokens | null;
}

const AUTHENTICATION_REQUIRED = 'Authentication required: send Authorization: Bearer <token>';

/** A 401 with a GraphQL error body; RFC 6750 names the scheme, and the error when a token was sent. */
export function unauthenticated(message: string, tokenWasSent: boolean): GraphQLError {
  return new GraphQLError(message, {
    extensions: {
      code: 'UNAUTHENTICATED',
      http: { status: 401, headers: { 'WWW-Authenticate': tokenWasSent ? 'Bearer error="invalid_token"' : 'Bearer' } },
    },
  });
}

/** What authentication reads of a request: its headers (a fetch Request, or a node request's). */
export interface Credentials {
  headers: { get(name: string): string | null };
}

/**
 * The token a request presents: `Authorization: Bearer <token>`, or `X-Auth-Token: <token>` as
 * Glance and PCD clients send it. Undefined when there is none.
 */
export function presentedToken(request: Credentials): string | undefined {
  const authorization = request.headers.get('authorization');
  if (authorization) {
    const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization);
    return match?.[1];
  }
  return request.headers.get('x-auth-token')?.trim() || undefined;
}

/** The caller of `request`, or a thrown 401 GraphQLError. */
export async function authenticate(request: Credentials, { em, jwt, principals, keystone }: Authenticator): Promise<Viewer> {
  const token = presentedToken(request);
  if (!token) throw unauthenticated(AUTHENTICATION_REQUIRED, false);
  if (jwt && looksLikeJwt(token)) {
    try {
      return await jwt.viewerFor(em, token);
    } catch (error) {
      if (error instanceof JwtRejected) throw unauthenticated(error.message, true);
      throw error;
    }
  }
  const viewer = (await principals.viewerForToken(em, token)) ?? (keystone ? await keystoneViewer(keystone, em, token) : null);
  if (!viewer) throw unauthenticated('The token is not valid', true);
  return viewer;
}

async function keystoneViewer(keystone: KeystoneTokens, em: () => EntityManager, token: string): Promise<Viewer | null> {
  try {
    return await keystone.viewerFor(em, token);
  } catch (error) {
    if (!(error instanceof KeystoneUnavailable)) throw error;
    throw new GraphQLError('The identity service did not answer; try again', {
      extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503, headers: { 'Retry-After': '5' } } },
    });
  }
}
