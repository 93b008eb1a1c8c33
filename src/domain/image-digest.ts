// Measures an image file while it streams past: size, Glance's MD5 `checksum` and SHA-512
// `os_hash_value`, and the disk format sniffed from its head and tail. Memory stays bounded
// whatever the file size: only SNIFF_BYTES of head and 512 bytes of tail are kept.
import { createHash } from 'node:crypto';
import { Transform } from 'node:stream';
import { type Detected, detectDiskFormat, SNIFF_BYTES, VHD_FOOTER_BYTES } from './disk-format.js';

export interface Digest {
  size: number;
  /** MD5, lowercase hex: Glance's `checksum`. */
  checksum: string;
  /** Glance's `os_hash_algo`. */
  hashAlgo: 'sha512';
  /** SHA-512, lowercase hex: Glance's `os_hash_value`. */
  hashValue: string;
  detected: Detected;
}

/** More bytes arrived than the caller allows (Glance's image_size_cap, a quota). */
export class SizeLimitExceeded extends Error {
  constructor(readonly limit: number) {
    super(`The image is larger than the limit of ${limit} bytes`);
    this.name = 'SizeLimitExceeded';
  }
}

/** The stream was destroyed before it ended, without an error of its own. */
export class StreamAborted extends Error {
  constructor() {
    super('The image stream was closed before it ended');
    this.name = 'StreamAborted';
  }
}

/**
 * A pass-through stream: bytes flow on unchanged; `digest` resolves when the stream ends.
 * Errors with SizeLimitExceeded as soon as more than `maxBytes` have passed; the chunk that
 * crosses the limit is not pushed, nor is anything after it. `digest` rejects with the stream's
 * error (or StreamAborted if it is destroyed early); it never causes an unhandled rejection.
 */
export function measure(options: { maxBytes: number }): { stream: Transform; digest: Promise<Digest> } {
  const { maxBytes } = options;
  if (!(maxBytes >= 0)) throw new RangeError(`maxBytes must be a non-negative number, got ${maxBytes}`);

  const md5 = createHash('md5');
  const sha512 = createHash('sha512');
  const head = Buffer.alloc(SNIFF_BYTES);
  let headLength = 0;
  const tail = Buffer.alloc(VHD_FOOTER_BYTES);
  let tailLength = 0;
  let size = 0;

  let resolveDigest!: (digest: Digest) => void;
  let rejectDigest!: (error: unknown) => void;
  let settled = false;
  const digest = new Promise<Digest>((resolve, reject) => {
    resolveDigest = (value) => { settled = true; resolve(value); };
    rejectDigest = (error) => { settled = true; reject(error); };
  });
  // Callers that only watch the stream must not get an unhandled rejection.
  digest.catch(() => {});

  const keepTail = (chunk: Buffer) => {
    if (chunk.length >= VHD_FOOTER_BYTES) {
      chunk.copy(tail, 0, chunk.length - VHD_FOOTER_BYTES);
      tailLength = VHD_FOOTER_BYTES;
      return;
    }
    const kept = Math.min(tailLength, VHD_FOOTER_BYTES - chunk.length);
    tail.copyWithin(0, tailLength - kept, tailLength);
    chunk.copy(tail, kept);
    tailLength = kept + chunk.length;
  };

  const stream = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      if (size + chunk.length > maxBytes) {
        callback(new SizeLimitExceeded(maxBytes));
        return;
      }
      size += chunk.length;
      md5.update(chunk);
      sha512.update(chunk);
      if (headLength < SNIFF_BYTES) headLength += chunk.copy(head, headLength, 0, SNIFF_BYTES - headLength);
      keepTail(chunk);
      callback(null, chunk);
    },
    flush(callback) {
      try {
        resolveDigest({
          size,
          checksum: md5.digest('hex'),
          hashAlgo: 'sha512',
          hashValue: sha512.digest('hex'),
          detected: detectDiskFormat(head.subarray(0, headLength), tail.subarray(0, tailLength)),
        });
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
  });
  stream.once('error', (error) => { if (!settled) rejectDigest(error); });
  stream.once('close', () => { if (!settled) rejectDigest(new StreamAborted()); });
  return { stream, digest };
}
