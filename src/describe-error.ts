// An error as one line for an operator: what went wrong, without a stack trace.
/** An error in one line: its message, else its code; an AggregateError (every address refused) by its first. */
export function describeError(error: unknown): string {
  if (error instanceof AggregateError && !error.message && error.errors.length) return describeError(error.errors[0]);
  const text = error instanceof Error ? error.message || (error as NodeJS.ErrnoException).code || error.name : String(error);
  return text.replace(/\s*\n\s*/g, '; ');
}
