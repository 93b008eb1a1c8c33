// A grouped subscriber's results (src/http/use-grouped-fan-out.ts): the first and any with errors
// are yielded to graphql-ws, the rest sent as the group's JSON, in order, nothing after the end.
import { describe, expect, it } from 'vitest';
import { eventQueue } from '../../src/events/event-queue.js';
import { SharedResult, resultStream } from '../../src/http/use-grouped-fan-out.js';

const resultOf = async (n: unknown) => new SharedResult(n === 'bad' ? { data: null, errors: [] } : { data: { n } });

function setUp() {
  let ended = 0;
  const source = eventQueue<unknown>(16, () => ended++);
  const sent: string[] = [];
  return { source, sent, send: (json: string) => void sent.push(json), ended: () => ended };
}

describe('grouped result stream', () => {
  it('yields the first result and those with errors, and sends the others in order', async () => {
    const { source, sent, send, ended } = setUp();
    const stream = resultStream(source, resultOf, send);
    for (const event of [1, 2, 'bad', 3]) source.push(event);
    expect(await stream.next()).toEqual({ done: false, value: { data: { n: 1 } } });
    expect(sent).toEqual([]);
    expect(await stream.next()).toEqual({ done: false, value: { data: null, errors: [] } });
    expect(sent).toEqual(['{"data":{"n":2}}']);
    const last = stream.next();
    source.end();
    expect(await last).toEqual({ done: true, value: undefined });
    expect(sent).toEqual(['{"data":{"n":2}}', '{"data":{"n":3}}']);
    expect(ended()).toBe(1);
  });

  it('yields every result where nothing can send', async () => {
    const { source } = setUp();
    const stream = resultStream(source, resultOf, undefined);
    source.push(1);
    source.push(2);
    expect((await stream.next()).value).toEqual({ data: { n: 1 } });
    expect((await stream.next()).value).toEqual({ data: { n: 2 } });
  });

  for (const [which, before] of [['a first result', 0], ['a later result', 1]] as const) {
    it(`neither sends nor yields ${which} made while it was returned`, async () => {
      const { source, sent, send, ended } = setUp();
      let finish: (result: SharedResult) => void = () => {};
      const slow = (n: unknown) => (n === 0 ? resultOf(n) : new Promise<SharedResult>((resolve) => (finish = resolve)));
      const stream = resultStream(source, slow, send);
      if (before) {
        source.push(0);
        await stream.next();
      }
      source.push(1);
      const pending = stream.next();
      await new Promise((resolve) => setImmediate(resolve));
      await stream.return!();
      finish(new SharedResult({ data: { n: 1 } }));
      expect(await pending).toEqual({ done: true, value: undefined });
      expect(sent).toEqual([]);
      expect(ended()).toBe(1);
    });
  }

  it('ends its source when making a result fails', async () => {
    const { source, send, ended } = setUp();
    const stream = resultStream(source, async () => Promise.reject(new Error('boom')), send);
    source.push(1);
    await expect(stream.next()).rejects.toThrow('boom');
    expect(ended()).toBe(1);
  });
});
