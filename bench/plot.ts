// W1's latency against concurrency as a hand-written SVG: p50 and p99 of both servers, one line
// each, connections on a log scale. No plotting dependency for four points a line.
import type { HttpFigures } from './http-load.js';
import type { BenchResults } from './results.js';

const WIDTH = 720;
const HEIGHT = 420;
const MARGIN = { left: 72, right: 190, top: 48, bottom: 60 };

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A round upper bound for the axis: 1, 2 or 5 times a power of ten. */
function niceCeiling(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return ([1, 2, 5, 10].find((step) => step * power >= value) ?? 10) * power;
}

export function latencySvg(sweep: NonNullable<BenchResults['sweep']>, machine: BenchResults['machine']): string {
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const series: { label: string; color: string; dash: string; values: number[] }[] = [
    { label: 'ours p50', color: '#1f77b4', dash: '', values: sweep.ours.map((f: HttpFigures) => f.p50) },
    { label: 'ours p99', color: '#1f77b4', dash: '6 4', values: sweep.ours.map((f) => f.p99) },
    { label: 'PostGraphile p50', color: '#d62728', dash: '', values: sweep.peer.map((f) => f.p50) },
    { label: 'PostGraphile p99', color: '#d62728', dash: '6 4', values: sweep.peer.map((f) => f.p99) },
  ];
  const top = niceCeiling(Math.max(...series.flatMap((s) => s.values)) * 1.05);
  const logs = sweep.connections.map((c) => Math.log2(c));
  const [minLog, maxLog] = [Math.min(...logs), Math.max(...logs)];
  const x = (connections: number) => MARGIN.left + ((Math.log2(connections) - minLog) / (maxLog - minLog || 1)) * plotWidth;
  const y = (ms: number) => MARGIN.top + plotHeight - (ms / top) * plotHeight;

  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`);
  parts.push(`<rect width="${WIDTH}" height="${HEIGHT}" fill="#fff"/>`);
  parts.push(`<text x="${MARGIN.left}" y="24" font-size="15" font-weight="bold">W1 catalog page (100 images, admin): latency against concurrency</text>`);
  parts.push(`<text x="${MARGIN.left}" y="40" fill="#555">${escape(`${machine.cores} cores, ${machine.cpuModel}; both servers on Node ${machine.serverNode}`)}</text>`);
  // Grid and y ticks.
  for (let i = 0; i <= 5; i++) {
    const value = (top / 5) * i;
    const py = y(value);
    parts.push(`<line x1="${MARGIN.left}" x2="${MARGIN.left + plotWidth}" y1="${py}" y2="${py}" stroke="#e5e5e5"/>`);
    parts.push(`<text x="${MARGIN.left - 8}" y="${py + 4}" text-anchor="end">${Number(value.toPrecision(3))}</text>`);
  }
  for (const connections of sweep.connections) {
    const px = x(connections);
    parts.push(`<line x1="${px}" x2="${px}" y1="${MARGIN.top + plotHeight}" y2="${MARGIN.top + plotHeight + 5}" stroke="#333"/>`);
    parts.push(`<text x="${px}" y="${MARGIN.top + plotHeight + 20}" text-anchor="middle">${connections}</text>`);
  }
  parts.push(`<line x1="${MARGIN.left}" x2="${MARGIN.left}" y1="${MARGIN.top}" y2="${MARGIN.top + plotHeight}" stroke="#333"/>`);
  parts.push(`<line x1="${MARGIN.left}" x2="${MARGIN.left + plotWidth}" y1="${MARGIN.top + plotHeight}" y2="${MARGIN.top + plotHeight}" stroke="#333"/>`);
  parts.push(`<text x="${MARGIN.left + plotWidth / 2}" y="${HEIGHT - 16}" text-anchor="middle">concurrent connections (log scale)</text>`);
  parts.push(`<text transform="translate(20 ${MARGIN.top + plotHeight / 2}) rotate(-90)" text-anchor="middle">latency (ms)</text>`);
  for (const [index, s] of series.entries()) {
    const points = sweep.connections.map((c, i) => `${x(c).toFixed(1)},${y(s.values[i]!).toFixed(1)}`).join(' ');
    parts.push(`<polyline points="${points}" fill="none" stroke="${s.color}" stroke-width="2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`);
    for (const [i, c] of sweep.connections.entries()) parts.push(`<circle cx="${x(c).toFixed(1)}" cy="${y(s.values[i]!).toFixed(1)}" r="3" fill="${s.color}"/>`);
    const ly = MARGIN.top + 10 + index * 20;
    const lx = MARGIN.left + plotWidth + 20;
    parts.push(`<line x1="${lx}" x2="${lx + 28}" y1="${ly}" y2="${ly}" stroke="${s.color}" stroke-width="2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`);
    parts.push(`<text x="${lx + 36}" y="${ly + 4}">${escape(s.label)}</text>`);
  }
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
