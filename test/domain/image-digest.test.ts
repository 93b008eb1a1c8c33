import { createHash } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { measure, SizeLimitExceeded, StreamAborted } from '../../src/domain/image-digest.js';
import { iso9660, qcow2, raw, vdi, vhdDynamic, vhdFixed, vhdFooter, vmdkSparse } from '../helpers/disk-images.js';

const MiB = 1024 * 1024;
const md5 = (data: Buffer) => createHash('md5').update(data).digest('hex');
const sha512 = (data: Buffer) => createHash('sha512').update(data).digest('hex');

function* chunks(data: Buffer, sizes: number | number[]) {
  const pattern = typeof sizes === 'number' ? [sizes] : sizes;
  for (let offset = 0, i = 0; offset < data.length; i++) {
    const size = pattern[i % pattern.length]!;
    yield data.subarray(offset, offset + size);
    offset += size;
  }
}

/** A sink that keeps what it receives. */
function collector() {
  const received: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      received.push(chunk);
      callback();
    },
  });
  return { sink, bytes: () => Buffer.concat(received) };
}

/** Streams `data` through `measure` in chunks of the given sizes (cycled). */
async function run(data: Buffer, sizes: number | number[], maxBytes = Number.MAX_SAFE_INTEGER) {
  const { stream, digest } = measure({ maxBytes });
  const { sink, bytes } = collector();
  await pipeline(Readable.from(chunks(data, sizes), { objectMode: false }), stream, sink);
  return { digest: await digest, output: bytes() };
}

describe('measure', () => {
  const data = Buffer.concat([qcow2(40 * 1024 ** 3, 4096), raw(300_000)]);

  it.each([
    ['1-byte', 1],
    ['7-byte', 7],
    ['64 KiB', 64 * 1024],
    ['odd-sized (1, 7, 513, 4095, 65537)', [1, 7, 513, 4095, 65537]],
    ['one whole-file', data.length],
  ])('gives the same md5 and sha512 as hashing the whole buffer, for %s chunks', async (_name, sizes) => {
    const { digest, output } = await run(data, sizes);
    expect(digest).toEqual({
      size: data.length,
      checksum: md5(data),
      hashAlgo: 'sha512',
      hashValue: sha512(data),
      detected: { format: 'QCOW2', virtualSize: 40 * 1024 ** 3 },
    });
    expect(output.equals(data)).toBe(true);
  });

  it('passes the bytes on unchanged', async () => {
    const { output } = await run(data, [3, 1000, 70_000]);
    expect(output.equals(data)).toBe(true);
  });

  it('measures an empty stream', async () => {
    const { digest, output } = await run(Buffer.alloc(0), 1);
    expect(digest).toEqual({
      size: 0,
      checksum: 'd41d8cd98f00b204e9800998ecf8427e',
      hashAlgo: 'sha512',
      hashValue: sha512(Buffer.alloc(0)),
      detected: { format: 'RAW', virtualSize: null },
    });
    expect(output.length).toBe(0);
  });

  describe('detects the disk format of the streamed file', () => {
    it.each([
      ['QCOW2', qcow2(8 * MiB, 100_000), { format: 'QCOW2', virtualSize: 8 * MiB }],
      ['VMDK', vmdkSparse(2048), { format: 'VMDK', virtualSize: MiB }],
      ['VDI', vdi(3 * MiB), { format: 'VDI', virtualSize: 3 * MiB }],
      ['a dynamic VHD', vhdDynamic(64 * MiB), { format: 'VHD', virtualSize: 64 * MiB }],
      ['a fixed VHD', Buffer.concat([raw(200_000), vhdFooter(200_000)]), { format: 'VHD', virtualSize: 200_000 }],
      ['a footer-only VHD', vhdFixed(0), { format: 'VHD', virtualSize: 0 }],
      ['ISO 9660', iso9660(100_000), { format: 'ISO', virtualSize: null }],
      ['RAW', raw(100_000), { format: 'RAW', virtualSize: null }],
    ])('%s, whatever the chunking', async (_name, file, detected) => {
      for (const sizes of [1, 7, 511, 513, 64 * 1024, [5, 600, 3], file.length]) {
        if (sizes === 1 && file.length > 50_000) continue; // slow, and the 7-byte run covers it
        const { digest } = await run(file, sizes);
        expect(digest.detected, `chunks of ${JSON.stringify(sizes)}`).toEqual(detected);
        expect(digest.size).toBe(file.length);
      }
    });

    it('keeps the tail across chunks shorter than 512 bytes', async () => {
      const file = Buffer.concat([raw(5000), vhdFooter(5000)]);
      const { digest } = await run(file, [1, 7, 100, 3]);
      expect(digest.detected).toEqual({ format: 'VHD', virtualSize: 5000 });
    });
  });

  describe('the size limit', () => {
    it('lets exactly maxBytes through', async () => {
      const file = raw(1000);
      for (const sizes of [1, 7, 1000, [999, 1]]) {
        const { digest, output } = await run(file, sizes, 1000);
        expect(digest.size).toBe(1000);
        expect(output.equals(file)).toBe(true);
      }
    });

    it('errors with SizeLimitExceeded at maxBytes + 1, and the digest rejects too', async () => {
      for (const sizes of [1, 7, 1001, [1000, 1]]) {
        const { stream, digest } = measure({ maxBytes: 1000 });
        const { sink, bytes } = collector();
        const piped = pipeline(Readable.from(chunks(raw(1001), sizes), { objectMode: false }), stream, sink);
        await expect(piped).rejects.toBeInstanceOf(SizeLimitExceeded);
        await expect(digest).rejects.toBeInstanceOf(SizeLimitExceeded);
        await expect(digest).rejects.toMatchObject({ name: 'SizeLimitExceeded', limit: 1000 });
        // Nothing past the limit reached the sink: the chunk that crosses it is dropped.
        expect(bytes().length).toBeLessThanOrEqual(1000);
        expect(bytes().equals(raw(1001).subarray(0, bytes().length))).toBe(true);
      }
    });

    it('passes every chunk before the one that crosses the limit', async () => {
      const { stream } = measure({ maxBytes: 1000 });
      const { sink, bytes } = collector();
      const piped = pipeline(Readable.from(chunks(raw(1001), 1), { objectMode: false }), stream, sink);
      await expect(piped).rejects.toThrow(SizeLimitExceeded);
      expect(bytes().equals(raw(1000))).toBe(true);
    });

    it('pushes nothing when the first chunk is already over the limit', async () => {
      const { stream } = measure({ maxBytes: 10 });
      const { sink, bytes } = collector();
      await expect(pipeline(Readable.from([raw(11)], { objectMode: false }), stream, sink)).rejects.toThrow(SizeLimitExceeded);
      expect(bytes().length).toBe(0);
    });

    it('stops pushing after the error, whatever is written next', async () => {
      const { stream, digest } = measure({ maxBytes: 4 });
      const pushed: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => pushed.push(chunk));
      stream.on('error', () => {});
      stream.write(Buffer.from('abcd'));
      stream.write(Buffer.from('e'));
      await expect(digest).rejects.toBeInstanceOf(SizeLimitExceeded);
      stream.write(Buffer.from('fgh'), () => {});
      await new Promise((resolve) => setImmediate(resolve));
      expect(stream.destroyed).toBe(true);
      expect(Buffer.concat(pushed).toString()).toBe('abcd');
    });

    it('with maxBytes 0 accepts only an empty stream', async () => {
      expect((await run(Buffer.alloc(0), 1, 0)).digest.size).toBe(0);
      await expect(run(Buffer.from('x'), 1, 0)).rejects.toBeInstanceOf(SizeLimitExceeded);
    });

    it('refuses a negative or NaN maxBytes', () => {
      expect(() => measure({ maxBytes: -1 })).toThrow(RangeError);
      expect(() => measure({ maxBytes: Number.NaN })).toThrow(RangeError);
    });
  });

  it('rejects the digest when the stream is destroyed before it ends', async () => {
    const { stream, digest } = measure({ maxBytes: 100 });
    stream.write(Buffer.from('partial'));
    stream.destroy();
    await expect(digest).rejects.toBeInstanceOf(StreamAborted);
  });

  it('rejects the digest with the upstream error when the source fails', async () => {
    const { stream, digest } = measure({ maxBytes: 100 });
    const failing = new Readable({
      read() {
        this.destroy(new Error('connection reset'));
      },
    });
    await expect(pipeline(failing, stream, collector().sink)).rejects.toThrow('connection reset');
    await expect(digest).rejects.toThrow();
  });

  it('keeps memory bounded: 200 MiB streamed through it grows rss by under 64 MiB', async (ctx) => {
    const chunk = raw(MiB); // one buffer, yielded again and again
    const total = 200 * MiB;

    // Skip on a machine too slow to hash 200 MiB (md5 + sha512) in a few seconds.
    const probeStart = performance.now();
    for (let i = 0; i < 8; i++) { createHash('md5').update(chunk).digest(); createHash('sha512').update(chunk).digest(); }
    const projectedMs = ((performance.now() - probeStart) / 8) * (total / MiB);
    if (projectedMs > 5000) ctx.skip(`hashing 200 MiB would take ~${Math.round(projectedMs)} ms here`);

    async function* generated() {
      for (let sent = 0; sent < total; sent += chunk.length) yield chunk;
    }
    let received = 0;
    const discard = new Writable({
      highWaterMark: MiB,
      write(piece: Buffer, _encoding, callback) {
        received += piece.length;
        callback();
      },
    });

    globalThis.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 5);
    try {
      const { stream, digest } = measure({ maxBytes: total });
      await pipeline(Readable.from(generated(), { objectMode: false }), stream, discard);
      const result = await digest;
      peak = Math.max(peak, process.memoryUsage().rss);
      expect(result.size).toBe(total);
      expect(result.detected).toEqual({ format: 'RAW', virtualSize: null });
    } finally {
      clearInterval(sampler);
    }
    expect(received).toBe(total);
    expect(peak - before).toBeLessThan(64 * MiB);
  });
});
