// A logger of the service's format whose lines a test reads back.
import { type Logger, createLogger } from '../../src/logger.js';

export interface CapturedLog {
  logger: Logger;
  /** Every line written so far, as written. */
  lines: string[];
  /** Every line written so far, parsed. */
  entries(): Record<string, any>[];
}

export function captureLog(): CapturedLog {
  const lines: string[] = [];
  const logger = createLogger({ write: (chunk: string) => void lines.push(...chunk.split('\n').filter(Boolean)) });
  return { logger, lines, entries: () => lines.map((line) => JSON.parse(line) as Record<string, any>) };
}
