import type { EntityManager } from '@mikro-orm/postgresql';
import type { SecretBox } from './secret-box.js';
import type { Viewer } from './viewer.js';

/** What every use case gets: its own unit of work, the caller, and the secret box. */
export interface DomainContext {
  em: EntityManager;
  viewer: Viewer;
  secrets: SecretBox;
}
