// BENCHMARKS.md, the README's figures and the latency plot, generated from a run's JSON (a real
// quick run's, kept as a fixture): the hand-written notes survive, the markers are respected.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { latencySvg } from '../../bench/plot.js';
import { between, deepRatio, renderBenchmarks, renderReadmeBlock, replaceBetween } from '../../bench/report.js';
import type { BenchResults } from '../../bench/results.js';

const results: BenchResults = JSON.parse(await readFile(new URL('./fixtures/bench-results.json', import.meta.url), 'utf8'));

describe('the benchmark report', () => {
  it('has a headline row per workload with both servers, the ratio and the statement counts', () => {
    const markdown = renderBenchmarks(results, '', 'bench/results/x.json');
    const w1 = results.workloads.find((workload) => workload.id === 'W1')!;
    const row = markdown.split('\n').find((line) => line.startsWith('| W1: '))!;
    const cells = row.split('|').map((cell) => cell.trim());
    expect(Number(cells[2]!.replace(/,/g, ''))).toBeCloseTo(w1.ours[0]!.requestsPerSecond, 1);
    expect(Number(cells[3]!.replace(/,/g, ''))).toBeCloseTo(w1.peer![0]!.requestsPerSecond, 1);
    expect(cells[4]).toBe(`${(w1.ours[0]!.requestsPerSecond / w1.peer![0]!.requestsPerSecond).toFixed(2)}×`);
    expect(cells[5]).toBe(`${w1.statements.ours.at10}/${w1.statements.ours.at100} (${w1.statements.peer!.at10}/${w1.statements.peer!.at100})`);
    expect(markdown).toMatch(/\| W5: .* \| no equivalent \| n\/a \|/);
    expect(markdown).toContain('1 gateway (events in memory)');
    expect(markdown).toContain('2 gateways sharing Redis');
    expect(markdown).toContain(`Node ${results.machine.serverNode}`);
  });

  it('keeps the hand-written notes of the previous file, and starts them when there were none', () => {
    const previous = renderBenchmarks(results, '', '').replace(/<!-- notes:start -->[\s\S]*<!-- notes:end -->/, '<!-- notes:start -->\nThe page query joins its relations now.\n<!-- notes:end -->');
    expect(between(renderBenchmarks(results, previous, ''), 'notes')).toBe('The page query joins its relations now.');
    expect(between(renderBenchmarks(results, '', ''), 'notes')).toMatch(/what changed/i);
  });

  it('rewrites only the README block between its markers', () => {
    const readme = '# Title\n\n## Measured\n\n<!-- bench:start -->\nold\n<!-- bench:end -->\n\n| what | figure |\n';
    const updated = replaceBetween(readme, 'bench', renderReadmeBlock(results));
    expect(updated.startsWith('# Title\n\n## Measured\n\n<!-- bench:start -->\n')).toBe(true);
    expect(updated.endsWith('<!-- bench:end -->\n\n| what | figure |\n')).toBe(true);
    expect(between(updated, 'bench')).toContain('| workload | ours req/s | PostGraphile req/s |');
    expect(() => replaceBetween('no markers', 'bench', 'x')).toThrow(/markers/);
  });

  it('reports the deep page against the first page measured beside it, per round and server', () => {
    const w2 = results.workloads.find((workload) => workload.id === 'W2')!;
    expect(deepRatio(results, 'ours')).toBeCloseTo(w2.ours[0]!.p50 / w2.firstPage!.ours[0]!.p50, 5);
    expect(deepRatio(results, 'peer')).toBeCloseTo(w2.peer![0]!.p50 / w2.firstPage!.peer![0]!.p50, 5);
    const withoutFirstPage = { ...results, workloads: results.workloads.map((workload) => ({ ...workload, firstPage: undefined })) };
    expect(deepRatio(withoutFirstPage, 'ours')).toBeNaN();
  });

  it('shows the same plain command in BENCHMARKS.md and the README, with no database URL', () => {
    const full = { ...results, command: 'npm run bench' };
    const command = renderBenchmarks(full, '', '').split('## Command')[1]!;
    expect(command).toContain('```sh\nnpm run bench\n```');
    expect(command).toContain('(default postgres://postgres@127.0.0.1:5432/bench)');
    expect(command).not.toMatch(/BENCH_DATABASE_URL=/);
    expect(renderReadmeBlock(full).startsWith('`npm run bench` on ')).toBe(true);
  });

  it('lists a failed check among the notes', () => {
    const markdown = renderBenchmarks({ ...results, checks: { 'W1: same first page as PostGraphile': false } }, '', '');
    expect(markdown).toContain('- Check, W1: same first page as PostGraphile: **no**.');
  });

  it('plots p50 and p99 of both servers against concurrency, with labelled axes', () => {
    const svg = latencySvg(results.sweep!, results.machine);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.match(/<polyline /g)).toHaveLength(4);
    for (const label of ['concurrent connections (log scale)', 'latency (ms)', 'ours p50', 'ours p99', 'PostGraphile p50', 'PostGraphile p99']) {
      expect(svg).toContain(label);
    }
  });
});
