// The one gate of every face (GraphQL over HTTP, SSE and WebSocket; image files): who is calling,
// then its request's cost charged to its rate-limit bucket. A caller without a valid token is
// charged to its address: once that has spent its allowance, it is answered 429 rather than 401.
import type { Viewer } from '../domain/viewer.js';
import { type Authenticator, type Credentials, authenticate, presentedToken } from './authenticate.js';
import { type RateLimiter, addressKey, principalKey } from './rate-limit.js';

export interface Gate extends Authenticator {
  rate: RateLimiter;
}

export interface Admission {
  /** What the request costs (src/schema/cost.ts); every request is charged at least 1. */
  cost: number;
  /** The client's address, for a caller without a valid token. */
  address: string | undefined;
  /** Told who is calling once the token checked out, before the charge (the request log's principal). */
  onAuthenticated?(viewer: Viewer): void;
}

export async function admit(request: Credentials, gate: Gate, { cost, address, onAuthenticated }: Admission): Promise<Viewer> {
  const charged = Math.max(1, cost);
  let viewer: Viewer;
  try {
    viewer = await authenticate(request, gate);
  } catch (error) {
    await gate.rate.charge(addressKey(address), charged);
    throw error;
  }
  onAuthenticated?.(viewer);
  await gate.rate.charge(principalKey(presentedToken(request)!), charged);
  return viewer;
}
