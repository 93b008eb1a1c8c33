// CPU time of a process and of the PostgreSQL server's processes, read from /proc: what one
// request costs each of them, far steadier on a shared machine than requests per second.
import { readFile, readdir } from 'node:fs/promises';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** utime + stime of a process, in seconds; 0 when it is gone. */
async function processSeconds(pid: number): Promise<number> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces, in parentheses): utime is 14th, stime 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** Every process named postgres: the server, its backends and its helpers. */
async function postgresPids(): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const comm = await readFile(`/proc/${entry}/comm`, 'utf8').catch(() => '');
    if (comm.trim() === 'postgres') pids.push(Number(entry));
  }
  return pids;
}

export interface CpuSample {
  server: number;
  postgres: Map<number, number>;
}

export async function sampleCpu(serverPid: number): Promise<CpuSample> {
  const postgres = new Map<number, number>();
  for (const pid of await postgresPids()) postgres.set(pid, await processSeconds(pid));
  return { server: await processSeconds(serverPid), postgres };
}

/** Seconds of CPU spent between two samples: the server's, and PostgreSQL's (backends that came or went included). */
export async function cpuSince(before: CpuSample, serverPid: number): Promise<{ server: number; postgres: number }> {
  const after = await sampleCpu(serverPid);
  let postgres = 0;
  for (const [pid, seconds] of after.postgres) postgres += seconds - (before.postgres.get(pid) ?? 0);
  return { server: after.server - before.server, postgres };
}
