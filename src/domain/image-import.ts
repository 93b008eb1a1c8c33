// Importing an image from a URL (Lunanode image/fetch, Glance web-download) or from a manifest
// URL (Danube). Everything a client can get wrong is refused here, before any task exists: the
// input, the manifest, and every URL the server would fetch. The IMPORT task then streams the
// file (src/jobs/import.ts).
import type { Image } from '../db/entities/image.js';
import type { Task } from '../db/entities/task.js';
import { FetchFailed, guardedGet, guardedGetText } from '../http/guarded-fetch.js';
import { UrlRefused, checkUrl } from '../http/url-guard.js';
import type { DomainContext } from './context.js';
import { SourceUnavailableError, UrlRefusedError, ValidationError } from './errors.js';
import { type ImageCreateInput, registerImage } from './images.js';
import { type Manifest, parseManifest } from './import-manifest.js';
import { assertWriter } from './permissions.js';
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
  // Refused before the server fetches or resolves anything on the caller's behalf.
  assertWriter(ctx.viewer);
  const { url, manifestUrl, checksum, virtio, ...fields } = raw;
  if ((url == null) === (manifestUrl == null)) {
    throw new ValidationError([{ path: [url == null ? 'url' : 'manifestUrl'], message: 'give either url or manifestUrl, not both or neither' }]);
  }
  if (checksum != null && !MD5.test(checksum)) throw ValidationError.of(['checksum'], 'must be 32 hexadecimal digits (MD5)');
  const manifest = manifestUrl != null ? await fetchManifest(ctx, manifestUrl) : undefined;
  const fileUrl = manifest ? manifest.fileUrl.href : url!;
  const checked = await probe(ctx, fileUrl, manifest ? 'manifestUrl' : 'url');
  if (checksum != null && manifest?.checksum && checksum.toLowerCase() !== manifest.checksum) {
    throw ValidationError.of(['checksum'], 'differs from the checksum the manifest states');
  }
  if (manifest?.size !== undefined && manifest.size > ctx.imports.maxBytes) {
    throw ValidationError.of(['manifestUrl'], `the manifest states ${manifest.size} bytes, over the limit of ${ctx.imports.maxBytes}`);
  }
  const input: ImageCreateInput = {
    ...(manifest && fromManifest(manifest)),
    ...definedOnly(fields),
    ...(virtio && { hwDiskBus: 'VIRTIO', hwVifModel: 'VIRTIO' }),
    name: fields.name ?? manifest?.name ?? (undefined as never),
    sourceUrl: manifestUrl ?? checked.url.href,
  } as ImageCreateInput;
  const task: ImportTaskInput = {
    url: checked.url.href,
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
 * Asks for the file and hangs up once the answer's headers arrive: a URL that is refused, or
 * redirects somewhere refused, or answers 404, is the client's error now rather than a failed
 * task later. A source that is only unavailable for the moment is left to the task's retries.
 * The task follows the redirects again, and checks each again: they may change meanwhile.
 */
async function probe(ctx: DomainContext, url: string, field: string): Promise<{ url: URL }> {
  const checked = await checkUrl(url, ctx.imports.policy).catch(refused(field));
  try {
    const response = await guardedGet(url, { policy: ctx.imports.policy, connectTimeoutMs: 10_000, idleTimeoutMs: 15_000 });
    response.body.destroy();
  } catch (error) {
    if (error instanceof FetchFailed && error.transient) return checked;
    if (error instanceof FetchFailed) throw new SourceUnavailableError(`The file cannot be fetched: ${error.message}`, field);
    refused(field)(error);
  }
  return checked;
}

async function fetchManifest(ctx: DomainContext, manifestUrl: string): Promise<Manifest> {
  const { url, text } = await guardedGetText(manifestUrl, { policy: ctx.imports.policy, maxBytes: 1 << 20, idleTimeoutMs: 15_000 }).catch(
    refused('manifestUrl'),
  );
  return parseManifest(text, url);
}

/** The fetch errors a client caused or may act on, as domain errors on `field`. */
function refused(field: string) {
  return (error: unknown): never => {
    if (error instanceof UrlRefused) throw new UrlRefusedError(error.message, field);
    if (error instanceof FetchFailed) throw new SourceUnavailableError(`The manifest could not be fetched: ${error.message}`, field);
    throw error;
  };
}

/** The image fields a manifest provides; the request's own fields win. */
function fromManifest(manifest: Manifest): Partial<ImageCreateInput> {
  const { version, description, diskFormat, containerFormat, tags, resize, deploy } = manifest;
  return definedOnly({ version, description, diskFormat, containerFormat, tags, resize, deploy }) as Partial<ImageCreateInput>;
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as Partial<T>;
}
