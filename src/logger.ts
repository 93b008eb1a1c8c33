// One structured logger per process: JSON lines on stdout (pino), so that every line a gateway
// or worker writes can be collected and searched. Request lines carry their request id.
import { type Logger, pino } from 'pino';

export type { Logger };

/** The process's logger; its level is the configuration's (setLogLevel), `info` until then. */
export const logger: Logger = pino({
  base: { service: 'image-catalog' },
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
});

export function setLogLevel(level: string): void {
  logger.level = level;
}
