// The service's own entry points as child processes, for what only separate processes show:
// a worker killed mid-task, several gateways sharing one database and Redis.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface ServiceProcess {
  child: ChildProcess;
  /** Resolves when the process has exited, with its status (null when a signal ended it). */
  exited: Promise<number | null>;
  /** Everything it printed so far, stdout and stderr interleaved. */
  output(): string;
  /** Resolves with the first output line matching `pattern` (e.g. the listening URL). */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** SIGKILL: no cleanup of any kind, as in a crash. */
  kill(): Promise<void>;
  /** SIGTERM, and wait for the exit. */
  stop(): Promise<void>;
}

/**
 * Runs src/<entry>.ts (or scripts/token.ts with `args`) under tsx with `env` added to this
 * process's environment; a variable set to undefined is removed from it.
 */
export function startService(entry: 'main' | 'worker' | 'token', env: Record<string, string | undefined>, args: string[] = []): ServiceProcess {
  const merged = Object.fromEntries(Object.entries({ ...process.env, ...env }).filter(([, value]) => value !== undefined));
  const script = entry === 'token' ? 'scripts/token.ts' : `src/${entry}.ts`;
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: root,
    env: merged,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const listeners = new Set<() => void>();
  for (const stream of [child.stdout!, child.stderr!]) {
    stream.setEncoding('utf8').on('data', (text: string) => {
      output += text;
      for (const listener of listeners) listener();
    });
  }
  // 'close', not 'exit': by then every line it printed has arrived.
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  return {
    child,
    exited,
    output: () => output,
    waitFor(pattern, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = output.match(pattern);
          if (match) {
            listeners.delete(check);
            clearTimeout(timer);
            resolve(match);
          }
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`${script} did not print ${pattern} within ${timeoutMs} ms; it printed:\n${output}`));
        }, timeoutMs);
        listeners.add(check);
        child.once('exit', (code) => {
          if (listeners.has(check)) reject(new Error(`${script} exited (${code}) before printing ${pattern}:\n${output}`));
        });
        check();
      });
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
