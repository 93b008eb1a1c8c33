// Drives one HTTP workload with autocannon (as a library): a warm-up that is thrown away, then a
// fixed-duration run whose every response is checked for GraphQL errors, and the server's peak RSS
// during the measured part.
import { cpuSince, sampleCpu } from './cpu-time.js';
import type { RunningServer } from './servers.js';
import type { Operation } from './workloads.js';

export interface HttpFigures {
  requestsPerSecond: number;
  /** Milliseconds. */
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  /** Connection errors and timeouts. */
  socketErrors: number;
  /** Responses with a top-level `errors`, or not the expected shape (W5's typed failures). */
  graphqlErrors: number;
  /** The first such answer, shortened. */
  firstError?: string;
  /** Bytes, during the measured part. */
  peakRss: number;
  /**
   * Milliseconds of CPU per request during the measured part: the server process's, and the
   * PostgreSQL server's processes' (every backend, the other server's idle ones included).
   */
  cpuMsPerRequest?: { server: number; postgres: number };
  /** True when the kernel refused to start a new peak: `peakRss` is then since the server started. */
  peakRssSinceStart: boolean;
  connections: number;
  seconds: number;
}

export interface LoadOptions {
  server: RunningServer;
  operation: Operation;
  connections: number;
  warmupSeconds: number;
  seconds: number;
}

/** Sends `operation` once and returns what is wrong with the answer, or null. */
export async function validateOnce(url: string, operation: Operation): Promise<string | null> {
  const response = await fetch(url, { method: 'POST', headers: headersOf(operation), body: operation.body() });
  if (!response.ok) return `HTTP ${response.status}: ${(await response.text()).slice(0, 500)}`;
  return operation.check(await response.json());
}

export async function post(url: string, token: string | undefined, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  let json: { data?: any; errors?: { message: string }[] };
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`HTTP ${response.status} from ${url}: ${text.slice(0, 300)}`);
  }
  if (!response.ok || json.errors?.length) throw new Error(`${url}: ${json.errors?.map((error) => error.message).join('; ') ?? `HTTP ${response.status}`}`);
  return json.data;
}

function headersOf(operation: Operation): Record<string, string> {
  return { 'content-type': 'application/json', ...(operation.token && { authorization: `Bearer ${operation.token}` }) };
}

export async function runLoad({ server, operation, connections, warmupSeconds, seconds }: LoadOptions): Promise<HttpFigures> {
  // Imported here: bench/node_modules may be installed by the runner after it has started.
  const { default: autocannon } = await import('autocannon');
  let graphqlErrors = 0;
  let firstError: string | undefined;
  // Error answers carry "errors" as a top-level key; a full parse of every 100-image page would
  // cost the load generator more CPU than the servers can spare on two cores.
  const { expectText, release } = operation;
  const onResponse = (status: number, text: string, context: Record<string, unknown>) => {
    release?.(context);
    if (status === 200 && (text.includes('"errors":') || (expectText !== undefined && !text.includes(expectText)))) {
      graphqlErrors++;
      firstError ??= text.slice(0, 500);
    }
  };
  const request = operation.fixed
    ? { method: 'POST', body: operation.body(), onResponse }
    : { method: 'POST', setupRequest: (req: object, context: Record<string, unknown>) => ({ ...req, body: operation.body(context) }), onResponse };
  const options = { url: server.url, connections, headers: headersOf(operation), requests: [request], timeout: 30 };
  if (warmupSeconds > 0) await autocannon({ ...options, duration: warmupSeconds });
  graphqlErrors = 0;
  firstError = undefined;
  const fresh = await server.resetPeak();
  const cpuBefore = await sampleCpu(server.pid);
  const result = await autocannon({ ...options, duration: seconds });
  const cpu = await cpuSince(cpuBefore, server.pid);
  return {
    requestsPerSecond: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    socketErrors: result.errors,
    graphqlErrors,
    // Set in onResponse: TypeScript cannot see that the callback ran.
    ...((firstError as string | undefined) && { firstError }),
    peakRss: await server.peakRss(),
    cpuMsPerRequest: { server: (cpu.server * 1000) / result.requests.total, postgres: (cpu.postgres * 1000) / result.requests.total },
    peakRssSinceStart: !fresh,
    connections,
    seconds: result.duration,
  };
}
