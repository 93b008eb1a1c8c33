// Keystone tokens, when KEYSTONE_URL is set: validated as keystonemiddleware validates them, by
// asking Keystone (GET /v3/auth/tokens, the token validating itself), remembered for a short
// time, and mapped onto our principals as Glance's default policy reads the roles: `admin` is an
// administrator, `member` a member of the token's project, `reader` a read-only one; a token with
// none of them is not let in. The project is adopted on first sight.
import type { EntityManager } from '@mikro-orm/postgresql';
import { createHash } from 'node:crypto';
import { adoptProject, uuidOfProjectId } from '../domain/adopted-projects.js';
import type { Viewer } from '../domain/viewer.js';

/** How long a validation is trusted: a revocation takes as long to be seen (keystonemiddleware: 300 s). */
const TTL_MS = 30_000;
const MAX_ENTRIES = 10_000;
/** Keystone answers within this, or the request fails (503) rather than waits. */
const TIMEOUT_MS = 5_000;

/** Keystone did not answer as it should: the caller's token is not judged, the request fails. */
export class KeystoneUnavailable extends Error {}

interface TokenBody {
  token?: {
    expires_at?: string;
    roles?: { name?: string }[];
    project?: { id?: string; name?: string };
  };
}

interface Entry {
  viewer: Promise<Viewer | null>;
  until: number;
}

export class KeystoneTokens {
  readonly #entries = new Map<string, Entry>();

  /** `url`: Keystone's identity endpoint, with or without its trailing /v3. */
  constructor(private readonly url: string) {}

  /** Forgets the tokens of a project that changed reseller or was removed (announced on the bus). */
  forget(change: { projectId?: string; resellerId?: string }): void {
    if (!change.projectId && !change.resellerId) return;
    for (const [key, entry] of this.#entries) {
      void entry.viewer.then((viewer) => {
        const concerned =
          viewer?.kind === 'member' && (viewer.projectId === change.projectId || (change.resellerId !== undefined && viewer.resellerId === change.resellerId));
        if (concerned && this.#entries.get(key) === entry) this.#entries.delete(key);
      }, () => {});
    }
  }

  /** The viewer a Keystone token stands for; null when Keystone says it is not valid. */
  viewerFor(em: () => EntityManager, token: string): Promise<Viewer | null> {
    const key = createHash('sha256').update(token).digest('base64url');
    const now = Date.now();
    const known = this.#entries.get(key);
    if (known && known.until > now) return known.viewer;
    if (known) this.#entries.delete(key);
    const entry: Entry = { viewer: Promise.resolve(null), until: now + TTL_MS };
    entry.viewer = this.#validate(em, token).then(({ viewer, expires }) => {
      // Never trusted beyond the token's own expiry.
      entry.until = Math.min(entry.until, expires);
      return viewer;
    });
    // A failure is not remembered: the next request asks Keystone again.
    entry.viewer.catch(() => this.#entries.get(key) === entry && this.#entries.delete(key));
    if (this.#entries.size >= MAX_ENTRIES) this.#entries.delete(this.#entries.keys().next().value!);
    this.#entries.set(key, entry);
    return entry.viewer;
  }

  async #validate(em: () => EntityManager, token: string): Promise<{ viewer: Viewer | null; expires: number }> {
    const never = { viewer: null, expires: Number.POSITIVE_INFINITY };
    const base = this.url.replace(/\/+$/, '').replace(/\/v3$/, '');
    let response: Response;
    try {
      response = await fetch(`${base}/v3/auth/tokens`, {
        headers: { 'x-auth-token': token, 'x-subject-token': token, accept: 'application/json' },
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw new KeystoneUnavailable(`Keystone did not answer: ${(error as Error).message}`);
    }
    if (response.status === 401 || response.status === 403 || response.status === 404) return never;
    if (!response.ok) throw new KeystoneUnavailable(`Keystone answered ${response.status}`);
    const body = ((await response.json().catch(() => {
      throw new KeystoneUnavailable('Keystone answered with a body that is not JSON');
    })) as TokenBody).token;
    const expires = body?.expires_at ? Date.parse(body.expires_at) : Number.POSITIVE_INFINITY;
    if (!body || !(expires > Date.now())) return never;
    const roles = new Set((body.roles ?? []).map((role) => role.name?.toLowerCase()));
    if (roles.has('admin')) return { viewer: { kind: 'admin' }, expires };
    const projectId = body.project?.id ? uuidOfProjectId(body.project.id) : null;
    if (!projectId || !(roles.has('member') || roles.has('reader'))) return never;
    const project = await adoptProject(em(), projectId, body.project?.name ?? projectId);
    return { viewer: { kind: 'member', projectId: project.id, resellerId: project.reseller?.id ?? null, readOnly: !roles.has('member') }, expires };
  }
}
