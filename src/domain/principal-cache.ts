// Who a token stands for, remembered for a second: every request asks, and the answer rarely
// changes. A change that would alter it (a token revoked, a project moved to another reseller or
// removed, a reseller removed) is announced on the event bus by whichever process made it, and
// forgets what it concerns at once on every instance; a process that announces nowhere (no Redis)
// is caught up within the second.
import type { EntityManager } from '@mikro-orm/postgresql';
import { hashToken, viewerForToken } from './tokens.js';
import type { Viewer } from './viewer.js';

/** A change to what some tokens stand for. */
export interface PrincipalChange {
  /** A token revoked or removed, by its hash. */
  tokenHash?: string;
  /** A project whose reseller changed, or that was removed. */
  projectId?: string;
  /** A reseller removed. */
  resellerId?: string;
}

interface Entry {
  viewer: Promise<Viewer | null>;
  until: number;
}

const TTL_MS = 1000;
const MAX_ENTRIES = 10_000;

export class PrincipalCache {
  readonly #entries = new Map<string, Entry>();

  /** The viewer of `plaintext` (null: no such active token), looked up at most once a second. */
  viewerForToken(em: () => EntityManager, plaintext: string): Promise<Viewer | null> {
    const key = hashToken(plaintext);
    const now = performance.now();
    const known = this.#entries.get(key);
    if (known && known.until > now) return known.viewer;
    if (known) this.#entries.delete(key);
    const viewer = viewerForToken(em(), plaintext);
    // A failed lookup is not remembered: the next request asks the database again.
    viewer.catch(() => this.#entries.delete(key));
    if (this.#entries.size >= MAX_ENTRIES) this.#entries.delete(this.#entries.keys().next().value!);
    this.#entries.set(key, { viewer, until: now + TTL_MS });
    return viewer;
  }

  /** Forgets every token the change may concern. */
  async forget(change: PrincipalChange): Promise<void> {
    if (change.tokenHash) this.#entries.delete(change.tokenHash);
    if (!change.projectId && !change.resellerId) return;
    for (const [key, entry] of this.#entries) {
      const viewer = await entry.viewer.catch(() => null);
      const concerned =
        (change.projectId && viewer?.kind === 'member' && viewer.projectId === change.projectId) ||
        (change.resellerId && viewer && viewer.kind !== 'admin' && viewer.resellerId === change.resellerId);
      if (concerned && this.#entries.get(key) === entry) this.#entries.delete(key);
    }
  }
}
