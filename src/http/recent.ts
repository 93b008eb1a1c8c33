// Answers of open endpoints (/readyz, /metrics) that cost database work are reused for a second:
// asking faster than that cannot turn each request into statements.

/** `compute`'s latest answer (or failure), computed again only once it is `ms` old; callers meanwhile share it. */
export function recent<T>(compute: () => Promise<T>, ms = 1000): () => Promise<T> {
  let last: { at: number; answer: Promise<T> } | undefined;
  return () => {
    const now = performance.now();
    if (!last || now - last.at >= ms) last = { at: now, answer: compute() };
    return last.answer;
  };
}
