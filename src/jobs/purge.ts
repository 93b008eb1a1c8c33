// PURGE: removes a deleted image's bytes, then PENDING_DELETE -> DELETED.
import { finishTask } from '../domain/task-runs.js';
import { transition } from '../domain/image-status.js';
import type { TaskHandler } from './workers.js';

export const purgeImage: TaskHandler = async ({ claim, orm, store }) => {
  const imageId = claim.image.id;
  await store.removePartials(imageId);
  await store.remove(imageId);
  await finishTask(orm.em, claim, (image) => transition(image, 'DELETED'));
};
