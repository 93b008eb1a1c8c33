// One benchmark run at a time on a machine: two runs measure each other (they share the CPU, and
// both flip W6's image), so a run refuses to start while another run's process lives. A lock
// left by a run that is gone (killed, say) is taken over.
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { isAlive } from '../src/process-alive.js';

export const RUN_LOCK_PATH = join(os.tmpdir(), 'image-catalog-gateway-bench.lock');

export type RunLock = { taken: true; release(): void } | { taken: false; heldBy: number };

const readHolder = (path: string) => {
  try {
    return Number(readFileSync(path, 'utf8'));
  } catch {
    return Number.NaN;
  }
};

/** Takes the lock at `path` for `pid`, or says which live process holds it (0: one still writing its id). */
export function takeRunLock(path = RUN_LOCK_PATH, pid = process.pid): RunLock {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(pid));
      closeSync(fd);
      return {
        taken: true,
        release() {
          // Only its own: a lock taken over meanwhile belongs to the run that took it.
          if (readHolder(path) === pid) unlinkSync(path);
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(path);
      if (holder === 0 || (Number.isSafeInteger(holder) && holder > 0 && isAlive(holder))) return { taken: false, heldBy: holder };
      try {
        unlinkSync(path);
      } catch {
        // Another run took it over first: the next attempt sees whose it is.
      }
    }
  }
  return { taken: false, heldBy: readHolder(path) };
}
