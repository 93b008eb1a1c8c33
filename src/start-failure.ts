// How a process that cannot start says so: one line per configuration problem and exit status 2
// (a usage error), or one line for any other failure and status 1. No stack trace: the line is
// for the operator; LOG_LEVEL=debug adds the stack for whoever debugs the service itself.
import { ConfigError } from './config.js';

export function exitOnStartFailure(error: unknown, options: { what: string; debug?: boolean }): never {
  if (error instanceof ConfigError) {
    for (const problem of error.problems) process.stderr.write(`Invalid configuration: ${problem}\n`);
    process.exit(2);
  }
  process.stderr.write(`Cannot start the ${options.what}: ${describeError(error)}\n`);
  if (options.debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  process.exit(1);
}

/** An error in one line: its message, else its code; an AggregateError (every address refused) by its first. */
export function describeError(error: unknown): string {
  if (error instanceof AggregateError && !error.message && error.errors.length) return describeError(error.errors[0]);
  const text = error instanceof Error ? error.message || (error as NodeJS.ErrnoException).code || error.name : String(error);
  return text.replace(/\s*\n\s*/g, '; ');
}
