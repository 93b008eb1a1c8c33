// What open endpoints reuse: one computation a second, however often asked.
import { describe, expect, it } from 'vitest';
import { recent } from '../../src/http/recent.js';

describe('recent', () => {
  it('computes once for the callers within the period, and again after it', async () => {
    let computed = 0;
    const answer = recent(async () => ++computed, 50);
    expect(await Promise.all([answer(), answer(), answer()])).toEqual([1, 1, 1]);
    expect(await answer()).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(await answer()).toBe(2);
  });

  it('reuses a failure for the period too: a failing dependency is not asked faster', async () => {
    let asked = 0;
    const answer = recent(async () => {
      asked += 1;
      throw new Error('down');
    }, 50);
    await expect(answer()).rejects.toThrow('down');
    await expect(answer()).rejects.toThrow('down');
    expect(asked).toBe(1);
  });
});
