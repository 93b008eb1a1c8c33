// IMPORT: streams the file from its URL into the store (never whole in memory), measuring it on
// the way, and makes the image ACTIVE only when the bytes are what was declared; a mismatch,
// an oversize file or a refused redirect ends the image KILLED with the reason on the task.
import { DiskFormatMismatch, assertFormat, takeStagedBytes } from '../domain/image-upload.js';
import type { ImportTaskInput } from '../domain/image-import.js';
import { stagingTag } from '../domain/task-runs.js';
import { type Digest, SizeLimitExceeded } from '../domain/image-digest.js';
import { FetchFailed, guardedGet } from '../http/guarded-fetch.js';
import { UrlRefused, type UrlPolicy } from '../http/url-guard.js';
import { type TaskHandler, TaskFailure, TransientFailure } from './workers.js';
import { withProgress } from './lease.js';

export function importImage(options: { policy: UrlPolicy; maxBytes: number }): TaskHandler {
  return async (run) => {
    const { claim, store, signal } = run;
    const input = claim.task.input as unknown as ImportTaskInput;
    const imageId = claim.image.id;
    const declared = claim.image.diskFormat;
    // Left by the hold this one took over, if its holder died without a sweep noticing.
    if (claim.token > 1) await store.removeStaged(imageId, stagingTag(claim.task.id, claim.token - 1));
    const response = await guardedGet(input.url, { policy: options.policy, signal }).catch(failure);
    const total = response.contentLength ?? input.size ?? null;
    if (total !== null && total > options.maxBytes) {
      response.body.destroy();
      throw new TaskFailure(`The file is ${total} bytes, over the limit of ${options.maxBytes}`);
    }
    if (input.size !== undefined && response.contentLength !== undefined && input.size !== response.contentLength) {
      response.body.destroy();
      throw new TaskFailure(`The server sends ${response.contentLength} bytes; the manifest states ${input.size}`);
    }
    const staged = await store
      .stage(imageId, withProgress(response.body, run, total), options.maxBytes, stagingTag(claim.task.id, claim.token), (measured) => {
        assertFormat(declared, measured);
        assertExpected(input, measured);
      })
      .catch(failure);
    // Null when the image moved on meanwhile (deleted): the bytes were discarded.
    await takeStagedBytes(run.orm.em, claim, staged).catch(failure);
  };
}

/** The checksums a client or manifest stated must be the bytes'. */
function assertExpected(input: ImportTaskInput, digest: Digest) {
  if (input.checksum && input.checksum !== digest.checksum) {
    throw new TaskFailure(`Checksum mismatch: expected MD5 ${input.checksum}, the file has ${digest.checksum}`);
  }
  if (input.hashValue && input.hashValue !== digest.hashValue) {
    throw new TaskFailure('Checksum mismatch: the file\'s SHA-512 differs from the one the manifest states');
  }
  if (input.size !== undefined && input.size !== digest.size) {
    throw new TaskFailure(`Size mismatch: expected ${input.size} bytes, the file has ${digest.size}`);
  }
}

/** Download and store errors as task failures: what the owner may read, and whether to retry. */
function failure(error: unknown): never {
  if (error instanceof TaskFailure) throw error;
  if (error instanceof FetchFailed) throw error.transient ? new TransientFailure(error.message) : new TaskFailure(error.message);
  if (error instanceof UrlRefused) throw error.temporary ? new TransientFailure(error.message) : new TaskFailure(error.message);
  if (error instanceof SizeLimitExceeded) throw new TaskFailure(error.message);
  if (error instanceof DiskFormatMismatch) throw new TaskFailure(error.message);
  throw error;
}
