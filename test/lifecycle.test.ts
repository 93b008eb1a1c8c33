import { describe, expect, it } from 'vitest';
import { startParts } from '../src/lifecycle.js';

describe('startParts', () => {
  it('undoes what already started, newest first, when a later part fails to start', async () => {
    const undone: string[] = [];
    const starting = startParts(async (parts) => {
      parts.push('database', 'db', (part) => undone.push(part));
      parts.defer('events', () => undone.push('events'));
      throw new Error('the store cannot open');
    });
    await expect(starting).rejects.toThrow('the store cannot open');
    expect(undone).toEqual(['events', 'db']);
  });

  it('stops every part once in the reverse order, even when one of them fails to stop', async () => {
    const undone: string[] = [];
    const built = await startParts(async (parts) => {
      parts.defer('database', () => undone.push('database'));
      parts.defer('queue', () => {
        throw new Error('stuck');
      });
      parts.defer('http', async () => {
        await new Promise((resolve) => setTimeout(resolve, 10));
        undone.push('http');
      });
      return { name: 'app' };
    });
    expect(built.name).toBe('app');
    await Promise.all([built.stop(), built.stop()]);
    await built.stop();
    expect(undone).toEqual(['http', 'database']);
  });
});
