// One structured logger per process: JSON lines on stdout (pino), so that every line a gateway
// or worker writes can be collected and searched. Request lines carry their request id.
//
// Lines are gathered and written a few kilobytes at a time, and at least every 250 ms: a line per
// request written on its own was a system call per request, a tenth of what serving a single image
// costs. Whatever is gathered is written out before the process exits, however it exits.
import { type DestinationStream, type Logger, pino } from 'pino';

export type { Logger };

const LOG_OPTIONS = {
  base: { service: 'image-catalog' },
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label: string) => ({ level: label }) },
};

/** A logger of this service's format, to `destination` (e.g. for a test to read). */
export function createLogger(destination: DestinationStream): Logger {
  return pino(LOG_OPTIONS, destination);
}

const stdout = pino.destination({ dest: 1, sync: false, minLength: 4096 });
setInterval(() => stdout.flush(), 250).unref();
process.once('exit', () => {
  try {
    stdout.flushSync();
  } catch {
    // Not open yet, or closed: nothing gathered can be written.
  }
});

/** The process's logger; its level is the configuration's (setLogLevel), `info` until then. */
export const logger: Logger = createLogger(stdout);

export function setLogLevel(level: string): void {
  logger.level = level;
}
