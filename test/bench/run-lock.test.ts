// One benchmark run at a time: a second run is refused while the first one's process lives, and a
// lock left by a run that is gone is taken over.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { takeRunLock } from '../../bench/run-lock.js';

const lockPath = () => join(mkdtempSync(join(os.tmpdir(), 'bench-lock-')), 'bench.lock');

describe('the benchmark run lock', () => {
  it('refuses a second run while the first holds it, and lets one run once it is released', () => {
    const path = lockPath();
    const first = takeRunLock(path);
    expect(first.taken).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe(String(process.pid));
    expect(takeRunLock(path, process.pid + 1)).toEqual({ taken: false, heldBy: process.pid });
    if (first.taken) first.release();
    expect(existsSync(path)).toBe(false);
    const next = takeRunLock(path);
    expect(next.taken).toBe(true);
  });

  it('takes over a lock left by a process that is gone', () => {
    const path = lockPath();
    const gone = spawnSync(process.execPath, ['-e', '']).pid!;
    writeFileSync(path, String(gone));
    const lock = takeRunLock(path);
    expect(lock.taken).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe(String(process.pid));
  });

  it('leaves a lock another run took over when releasing its own', () => {
    const path = lockPath();
    const mine = takeRunLock(path);
    writeFileSync(path, '1'); // taken over meanwhile by a live process (init)
    if (mine.taken) mine.release();
    expect(readFileSync(path, 'utf8')).toBe('1');
  });
});
