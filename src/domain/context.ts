import type { EntityManager } from '@mikro-orm/postgresql';
import type { ImageSources } from './image-sources.js';
import type { ReferenceCache } from './reference-cache.js';
import type { SecretBox } from './secret-box.js';
import type { TaskDispatcher } from './tasks.js';
import type { Viewer } from './viewer.js';

/** What the use cases share in every request: secrets, reference rows, the task queue, the import policy. */
export interface Services {
  secrets: SecretBox;
  references: ReferenceCache;
  tasks: TaskDispatcher;
  /** Where imports fetch from (behind the URL guard), and the largest file accepted. */
  imports: { sources: ImageSources; maxBytes: number };
  /**
   * Projects are an identity service's (KEYSTONE_URL): one named as an image's owner or member
   * that we do not know yet is adopted, once the caller may name it (src/domain/adopted-projects.ts).
   */
  adoptProjects: boolean;
  /** Who deactivates and reactivates images: administrators alone, or also the owning project. */
  deactivation: 'admin' | 'owner';
}

/** What every use case gets: its own unit of work, the caller, and the services. */
export interface DomainContext extends Services {
  em: EntityManager;
  viewer: Viewer;
}
