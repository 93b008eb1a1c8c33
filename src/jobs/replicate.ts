// REPLICATE: copies the source image's bytes into the replica, which becomes ACTIVE only when
// they hash to the source's checksum.
import type { ReplicateTaskInput } from '../domain/image-replication.js';
import { takeStagedBytes } from '../domain/image-upload.js';
import { stagingTag } from '../domain/task-runs.js';
import { type TaskHandler, TaskFailure } from './workers.js';
import { withProgress } from './lease.js';

export function replicateImage(options: { maxBytes: number }): TaskHandler {
  return async (run) => {
    const { claim, store } = run;
    const input = claim.task.input as unknown as ReplicateTaskInput;
    const imageId = claim.image.id;
    if (claim.token > 1) await store.removeStaged(imageId, stagingTag(claim.task.id, claim.token - 1));
    const source = await store.open(input.sourceImageId);
    if (!source) throw new TaskFailure('The source image has no bytes any more');
    const staged = await store.stage(imageId, withProgress(source.stream, run, source.size), options.maxBytes, stagingTag(claim.task.id, claim.token), (measured) => {
      if (input.checksum && measured.checksum !== input.checksum) {
        throw new TaskFailure('The source bytes no longer match its checksum');
      }
    });
    await takeStagedBytes(run.orm.em, claim, staged);
  };
}
