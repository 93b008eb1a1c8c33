// Importing an image from a URL (Lunanode image/fetch, Glance web-download) or from a manifest
// URL (Danube). Everything a client can get wrong is refused here, before any task exists: the
// input, the manifest, and every URL the server would fetch. The IMPORT task then streams the
// file (src/jobs/import.ts).
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Image } from '../db/entities/image.js';
import { Task } from '../db/entities/task.js';
import type { DomainContext } from './context.js';
import { InvalidStatusTransitionError, ValidationError } from './errors.js';
import type { ImageSources } from './image-sources.js';
import { type ImageCreateInput, checkImageInput, findImage, findImageForChange, registerImage } from './images.js';
import { assertCanChangeImage } from './permissions.js';
import { sourceUrl, validate } from './validation.js';
import { type Manifest, parseManifest } from './import-manifest.js';
import { dispatchCommitted, newTask } from './tasks.js';
import { inTransaction } from './unit-of-work.js';

export type ImageImportInput = Omit<ImageCreateInput, 'name' | 'providerRef' | 'computeResourceId' | 'sourceUrl'> & {
  name?: string | null;
  /** The file to fetch; or */
  url?: string | null;
  /** a manifest describing it. */
  manifestUrl?: string | null;
  /** The MD5 the file must have (a manifest may state it instead). */
  checksum?: string | null;
  /** Lunanode's virtio flag: the guest gets virtio disk and network. */
  virtio?: boolean | null;
};

/** What the IMPORT task needs to fetch and verify the file. */
export interface ImportTaskInput {
  url: string;
  checksum?: string;
  hashValue?: string;
  size?: number;
}

const MD5 = /^[0-9a-f]{32}$/i;

export async function requestImport(ctx: DomainContext, raw: ImageImportInput): Promise<{ image: Image; task: Task }> {
  const { url, manifestUrl, checksum, virtio, ...fields } = raw;
  // Everything the client sent is checked before the server fetches anything on its behalf.
  if ((url == null) === (manifestUrl == null)) {
    throw new ValidationError([{ path: [url == null ? 'url' : 'manifestUrl'], message: 'give either url or manifestUrl, not both or neither' }]);
  }
  if (checksum != null && !MD5.test(checksum)) throw ValidationError.of(['checksum'], 'must be 32 hexadecimal digits (MD5)');
  const given: ImageCreateInput = {
    ...definedOnly(fields),
    ...(virtio && { hwDiskBus: 'VIRTIO', hwVifModel: 'VIRTIO' }),
    // A manifest may give the name; it is checked again once known.
    name: fields.name ?? (manifestUrl != null ? 'named-by-manifest' : (undefined as never)),
  } as ImageCreateInput;
  await checkImageInput(ctx.em, ctx, given);

  const { sources, maxBytes } = ctx.imports;
  const manifest = manifestUrl != null ? await readManifest(sources, manifestUrl) : undefined;
  if (checksum != null && manifest?.checksum && checksum.toLowerCase() !== manifest.checksum) {
    throw ValidationError.of(['checksum'], 'differs from the checksum the manifest states');
  }
  if (manifest?.size !== undefined && manifest.size > maxBytes) {
    throw ValidationError.of(['manifestUrl'], `the manifest states ${manifest.size} bytes, over the limit of ${maxBytes}`);
  }
  const fileUrl = await sources.probe(manifest ? manifest.fileUrl.href : url!, manifest ? 'manifestUrl' : 'url');
  const input: ImageCreateInput = {
    ...(manifest && fromManifest(manifest)),
    ...given,
    name: fields.name ?? manifest?.name ?? (undefined as never),
    // Shown to everyone who sees the image: without a query, which may hold a signature.
    sourceUrl: withoutQuery(manifestUrl ?? fileUrl.href),
  } as ImageCreateInput;
  const task: ImportTaskInput = {
    url: fileUrl.href,
    ...((checksum ?? manifest?.checksum) && { checksum: (checksum ?? manifest!.checksum)!.toLowerCase() }),
    ...(manifest?.hashValue && { hashValue: manifest.hashValue }),
    ...(manifest?.size !== undefined && { size: manifest.size }),
  };
  const created = await inTransaction(ctx, async (em) => {
    const image = await registerImage(em, ctx, input);
    const row = newTask(em, ctx.viewer, 'IMPORT', image, { ...task });
    await em.flush();
    return { image, task: row };
  });
  await dispatchCommitted(ctx, created.task);
  return created;
}

/**
 * Glance's web-download: fetches `url` into an image registered already, QUEUED and with no
 * transfer under way. The URL is checked as requestImport checks it; the IMPORT task does the rest.
 */
export async function importIntoImage(ctx: DomainContext, imageId: string, url: string): Promise<{ image: Image; task: Task }> {
  const given = validate(sourceUrl, url, ['uri']);
  // Who may, first: the server fetches nothing for a caller who may not import into this image.
  await assertImportable(ctx.em, ctx, await findImage(ctx.em, ctx, imageId));
  const fileUrl = await ctx.imports.sources.probe(given, 'uri');
  const started = await inTransaction(ctx, async (em) => {
    const image = await findImageForChange(em, ctx, imageId);
    await assertImportable(em, ctx, image);
    image.sourceUrl = withoutQuery(fileUrl.href);
    const task = newTask(em, ctx.viewer, 'IMPORT', image, { url: fileUrl.href } satisfies ImportTaskInput);
    await em.flush();
    return { image, task };
  });
  await dispatchCommitted(ctx, started.task);
  return started;
}

/** The image may be fetched into: the caller may change it, it is QUEUED, and no task is about to fetch into it. */
async function assertImportable(em: EntityManager, ctx: DomainContext, image: Image) {
  assertCanChangeImage(ctx.viewer, image);
  // A task not yet run leaves the image QUEUED: a second one would fetch into it as well.
  const pending = await em.count(Task, { image, state: { $in: ['NEW', 'RUNNING'] } });
  if (image.status !== 'QUEUED' || pending > 0) throw new InvalidStatusTransitionError(image.status, 'IMPORTING');
}

async function readManifest(sources: ImageSources, manifestUrl: string): Promise<Manifest> {
  const { url, text } = await sources.fetchText(manifestUrl, 'manifestUrl', MANIFEST_MAX_BYTES);
  return parseManifest(text, url);
}

/** A manifest is a small JSON document. */
const MANIFEST_MAX_BYTES = 1 << 20;

function withoutQuery(url: string): string {
  const parsed = new URL(url);
  parsed.search = '';
  parsed.hash = '';
  return parsed.href;
}

/** The image fields a manifest provides; the request's own fields win. */
function fromManifest(manifest: Manifest): Partial<ImageCreateInput> {
  const { version, description, diskFormat, containerFormat, tags, resize, deploy } = manifest;
  return definedOnly({ version, description, diskFormat, containerFormat, tags, resize, deploy }) as Partial<ImageCreateInput>;
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as Partial<T>;
}
