// Image bytes, one file per image named by its id. A write goes to a temporary file beside the
// final one and is renamed into place only once complete, verified and recorded: the final name
// never holds partial bytes, and a failed write (size limit, client gone, error) leaves nothing.
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { isMemoryDir } from '../config.js';
import { type Digest, measure } from '../domain/image-digest.js';
import { isUuid } from '../domain/validation.js';

/** Bytes `start` to `end`, both inclusive (as in Content-Range). */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Bytes written in full and verified, under a temporary name. `commit` gives them the image's
 * name; `discard` removes them, or undoes the commit. The caller commits only while it holds the
 * image (inside the transaction that records them), so no one else's bytes are ever replaced.
 */
export interface StagedFile {
  digest: Digest;
  commit(): Promise<void>;
  discard(): Promise<void>;
}

export interface ImageStore {
  /**
   * Streams `source` to a temporary file, measuring it on the way. `verify` sees the digest once
   * every byte is on disk; throwing refuses the bytes. Rejects with SizeLimitExceeded past
   * `maxBytes`, or with the source's error, leaving no file.
   */
  stage(imageId: string, source: Readable, maxBytes: number, tag: string, verify?: (digest: Digest) => void | Promise<void>): Promise<StagedFile>;
  /** Removes the temporary file a write tagged `tag` left behind (its process died). */
  removeStaged(imageId: string, tag: string): Promise<void>;
  /** The whole file or a range of it, and the whole file's size; null when the image has no bytes. */
  open(imageId: string, range?: ByteRange): Promise<{ stream: Readable; size: number } | null>;
  stat(imageId: string): Promise<{ size: number } | null>;
  /** Removes the image's bytes; nothing happens when there are none. */
  remove(imageId: string): Promise<void>;
  /** Removes every temporary file of the image's (once nothing may write to it any more). */
  removePartials(imageId: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The filesystem store at `IMAGE_STORE_DIR`, else `DATA_DIR/images`. For `memory://` runs: a
 * fresh directory under the system's temporary directory, removed on stop.
 */
export async function openFileImageStore(options: { imageStoreDir: string | undefined; dataDir: string }): Promise<ImageStore> {
  const throwaway = !options.imageStoreDir && isMemoryDir(options.dataDir);
  const dir = options.imageStoreDir
    ? resolve(options.imageStoreDir)
    : throwaway
      ? await mkdtemp(join(tmpdir(), 'image-store-'))
      : resolve(options.dataDir, 'images');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  return new FileImageStore(dir, throwaway);
}

const PARTIAL_SUFFIX = '.partial';

class FileImageStore implements ImageStore {
  constructor(
    readonly dir: string,
    private readonly removeOnStop: boolean,
  ) {}

  async stage(imageId: string, source: Readable, maxBytes: number, tag: string, verify?: (digest: Digest) => void | Promise<void>): Promise<StagedFile> {
    const final = this.pathOf(imageId);
    // A name of its own per hold, so concurrent or stale writers never share a file, and the
    // file a lost hold left can be removed by name.
    const temp = this.stagedPath(imageId, tag);
    const { stream: measuring, digest } = measure({ maxBytes });
    // Opened here, not by the write stream, so the file exists (and is ours to remove) before
    // any failure can happen. The stream closes the handle when it finishes or is destroyed.
    const handle = await open(temp, 'wx', 0o600).catch((error: unknown) => {
      source.destroy();
      throw error;
    });
    const file = handle.createWriteStream();
    let measured: Digest;
    try {
      await pipeline(source, measuring, file);
      await closed(file);
      measured = await digest;
      await verify?.(measured);
      // The bytes reach the disk before the name does: a crash never leaves a final name on lost data.
      await syncFile(temp);
    } catch (error) {
      file.destroy();
      await closed(file);
      await rm(temp, { force: true });
      throw error;
    }
    let committed = false;
    return {
      digest: measured,
      commit: async () => {
        await rename(temp, final);
        committed = true;
        await syncDirectory(this.dir);
      },
      discard: async () => {
        await rm(committed ? final : temp, { force: true });
      },
    };
  }

  async open(imageId: string, range?: ByteRange) {
    // The file under an id is never rewritten (uploads go to a new name and rename), so a size
    // read before opening still describes the bytes opened.
    const handle = await open(this.pathOf(imageId), 'r').catch(missingAsNull);
    if (!handle) return null;
    try {
      const { size } = await handle.stat();
      if (range && !(range.start >= 0 && range.start <= range.end && range.end < size)) {
        throw new RangeError(`bytes ${range.start}-${range.end} are outside a file of ${size} bytes`);
      }
      // The stream owns the handle from here: it closes it at the end or when destroyed.
      const stream = createReadStream('', { fd: handle, start: range?.start, end: range?.end });
      return { stream, size };
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  async stat(imageId: string) {
    const found = await stat(this.pathOf(imageId)).catch(missingAsNull);
    return found && { size: found.size };
  }

  async remove(imageId: string) {
    await rm(this.pathOf(imageId), { force: true });
  }

  async removeStaged(imageId: string, tag: string) {
    await rm(this.stagedPath(imageId, tag), { force: true });
  }

  async removePartials(imageId: string) {
    const prefix = `${basename(this.pathOf(imageId))}.`;
    const names = await readdir(this.dir);
    await Promise.all(
      names.filter((name) => name.startsWith(prefix) && name.endsWith(PARTIAL_SUFFIX)).map((name) => rm(join(this.dir, name), { force: true })),
    );
  }

  async stop() {
    if (this.removeOnStop) await rm(this.dir, { recursive: true, force: true });
  }

  private stagedPath(imageId: string, tag: string): string {
    if (!/^[\w.-]{1,100}$/.test(tag) || tag.includes('..')) throw new TypeError(`not a staging tag: ${JSON.stringify(tag)}`);
    return `${this.pathOf(imageId)}.${tag}${PARTIAL_SUFFIX}`;
  }

  /** Only uuids name files: no id can reach outside the directory. */
  private pathOf(imageId: string): string {
    if (!isUuid(imageId)) throw new TypeError(`not an image id: ${JSON.stringify(imageId)}`);
    return join(this.dir, imageId.toLowerCase());
  }
}

/** Resolves once a stream has let go of its file. */
function closed(stream: { closed: boolean; once(event: 'close', listener: () => void): unknown }): Promise<void> {
  return new Promise((resolve) => (stream.closed ? resolve() : stream.once('close', resolve)));
}

async function syncFile(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Makes a rename durable across a crash; best effort, since some filesystems refuse it. */
async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r').catch(() => null);
  await handle?.sync().catch(() => {});
  await handle?.close();
}

function missingAsNull(error: NodeJS.ErrnoException): null {
  if (error.code !== 'ENOENT') throw error;
  return null;
}
