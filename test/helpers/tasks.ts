// Waiting for background tasks, as a client would: by reading the task until it has ended.
import type { Caller } from './app.js';

export interface EndedTask {
  id: string;
  type: string;
  state: 'FINISHED' | 'ERROR';
  progress: number;
  error: string | null;
  attempts: number;
  bytesDone: number;
  bytesTotal: number | null;
}

/** Polls task(id) until it is FINISHED or ERROR; fails after `timeoutMs`. */
export async function waitForTask(caller: Caller, id: string, timeoutMs = 15_000): Promise<EndedTask> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await caller.requestRaw('query ($id: ID!) { task(id: $id) { id type state progress error attempts bytesDone bytesTotal } }', { id });
    const task = result.data?.task as EndedTask | null | undefined;
    if (!task) throw new Error(`task ${id} is not visible: ${JSON.stringify(result.errors ?? result.data)}`);
    if (task.state === 'FINISHED' || task.state === 'ERROR') return task;
    if (Date.now() > deadline) throw new Error(`task ${id} has not ended after ${timeoutMs} ms: ${JSON.stringify(task)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
