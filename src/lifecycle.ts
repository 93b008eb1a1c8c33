// Start-up and shutdown in one place: each part, once started, pushes its undo on one stack.
// A failure mid-start undoes what already started, newest first; stop() unwinds the same stack
// once. So a part is never left open by a later one failing, and parts stop in the reverse of
// the order they started in, whoever starts them.
import { logger } from './logger.js';

type Undo = () => unknown;

export class CleanupStack {
  readonly #undos: { name: string; undo: Undo }[] = [];
  #unwinding: Promise<void> | undefined;

  /** Registers how to undo `part`, which has just started; returns the part. */
  push<T>(name: string, part: T, undo: (part: T) => unknown): T {
    this.#undos.push({ name, undo: () => undo(part) });
    return part;
  }

  /** Registers an undo that needs no part. */
  defer(name: string, undo: Undo): void {
    this.#undos.push({ name, undo });
  }

  /**
   * Undoes every part, newest first, once (later calls wait for the first). An undo that fails is
   * logged and the others still run: a stuck part must not keep the rest open.
   */
  unwind(): Promise<void> {
    this.#unwinding ??= (async () => {
      for (let entry = this.#undos.pop(); entry; entry = this.#undos.pop()) {
        try {
          await entry.undo();
        } catch (error) {
          logger.error({ err: error }, `Stopping ${entry.name} failed`);
        }
      }
    })();
    return this.#unwinding;
  }
}

/**
 * Runs `start` with a new stack and returns what it built with a `stop` that unwinds the stack.
 * If `start` throws, whatever it had started is undone before the error goes on.
 */
export async function startParts<T extends object>(start: (parts: CleanupStack) => Promise<T>): Promise<T & { stop(): Promise<void> }> {
  const parts = new CleanupStack();
  try {
    const built = await start(parts);
    return Object.assign(built, { stop: () => parts.unwind() });
  } catch (error) {
    await parts.unwind();
    throw error;
  }
}
