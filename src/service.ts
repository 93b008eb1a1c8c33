// A service process's start and stop: configuration read once, one summary line when it is
// up, one line and an exit status when it cannot start (2: the configuration, 1: anything
// else), and on SIGTERM or SIGINT a stop that ends within STOP_DEADLINE_MS whatever hangs.
import { type Config, ConfigError, eventsRedisUrl, isMemoryDir, loadConfig } from './config.js';
import { describeError } from './describe-error.js';
import { logger, setLogLevel } from './logger.js';

export interface RunningService {
  /** The start-up summary line. */
  summary: string;
  stop(): Promise<void>;
}

/** After a stop signal the process exits by then, stopped or not. */
export const STOP_DEADLINE_MS = 10_000;

export async function runService(what: 'gateway' | 'worker', start: (config: Config) => Promise<RunningService>): Promise<void> {
  // Listening from the first moment: a signal during the start stops what has started so far.
  let service: RunningService | undefined;
  let signalled: NodeJS.Signals | undefined;
  let deadline: NodeJS.Timeout | undefined;
  const stop = (signal: NodeJS.Signals) => {
    // A second signal: the operator does not want to wait.
    if (signalled) process.exit(1);
    signalled = signal;
    // The deadline runs from the signal, even one that comes while the service is starting.
    deadline ??= setTimeout(() => {
      logger.error(`The ${what} did not stop within ${STOP_DEADLINE_MS / 1000} s; exiting anyway`);
      process.exit(1);
    }, STOP_DEADLINE_MS).unref();
    if (!service) return; // stopped as soon as the start is done
    logger.info(`${signal}: stopping the ${what}`);
    service.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, `Stopping the ${what} failed`);
        process.exit(1);
      },
    );
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, stop);

  let config: Config | undefined;
  try {
    config = loadConfig();
    setLogLevel(config.logLevel);
    service = await start(config);
  } catch (error) {
    exitOnStartFailure(error, { what, debug: config?.logLevel === 'debug' || config?.logLevel === 'trace' });
  }
  logger.info(service.summary);
  if (signalled) {
    const signal = signalled;
    signalled = undefined;
    stop(signal);
  }
}

export function exitOnStartFailure(error: unknown, options: { what: string; debug?: boolean }): never {
  if (error instanceof ConfigError) {
    for (const problem of error.problems) process.stderr.write(`Invalid configuration: ${problem}\n`);
    process.exit(2);
  }
  process.stderr.write(`Cannot start the ${options.what}: ${describeError(error)}\n`);
  if (options.debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  process.exit(1);
}

/** What a process runs on, for its summary line: `database: … | workers: … | events: …`. */
export function describeSetup(config: Config): string {
  let database = `embedded PGlite in ${isMemoryDir(config.dataDir) ? 'memory' : config.dataDir}`;
  if (config.databaseUrl) {
    const url = new URL(config.databaseUrl);
    database = `PostgreSQL ${decodeURIComponent(url.pathname.slice(1)) || url.username} on ${url.hostname}:${url.port || '5432'}`;
  }
  const workers = config.tasks.workers ? `${config.tasks.workers} per task type` : 'none';
  return `database: ${database} | workers: ${workers} | events: ${eventsRedisUrl(config) ? 'redis' : 'memory'}`;
}

/** The operation and rate limits in force, for the gateway's summary line. */
export function describeLimits({ limits }: Config): string {
  const rate = limits.rateCostPerSecond ? `${limits.rateCostPerSecond} a second` : 'off';
  return `limits: cost ${limits.maxCost}, depth ${limits.maxDepth}, aliases ${limits.maxAliases}, root fields ${limits.maxRootFields}, directives ${limits.maxDirectives}, field repeats ${limits.maxFieldRepeats}, tokens ${limits.maxTokens}, rate ${rate}`;
}
