// One structured logger per process: JSON lines on stdout (pino), so that every line a gateway
// or worker writes can be collected and searched. Request lines carry their request id.
import { type DestinationStream, type Logger, pino } from 'pino';

export type { Logger };

/** A logger of this service's format; to `destination` (stdout by default), e.g. for a test to read. */
export function createLogger(destination?: DestinationStream): Logger {
  const options = {
    base: { service: 'image-catalog' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
  };
  return destination ? pino(options, destination) : pino(options);
}

/** The process's logger; its level is the configuration's (setLogLevel), `info` until then. */
export const logger: Logger = createLogger();

export function setLogLevel(level: string): void {
  logger.level = level;
}
