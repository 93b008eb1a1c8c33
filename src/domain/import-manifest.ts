// Image manifests for imports from a manifest URL (Danube Cloud's POST /image/(name) with
// data.manifest_url and an optional data.file_url). Our contract, a simpler cousin of the
// SmartOS/Danube imgapi manifest (whose extra fields, e.g. uuid and os, are ignored):
//
//   {
//     "name": "ubuntu-24.04",              required; a display name (1-255 printable characters)
//     "version": "20240101",               optional, at most 64 characters
//     "description": "...",                optional, at most 4096 characters ("desc" is an alias)
//     "url": "https://.../disk.qcow2",     optional; the file ("file_url" is an alias); may be
//                                          relative to the manifest URL; http or https only
//     "checksum": "<32 hex>",              optional MD5 of the file (Glance's checksum)
//     "hashValue": "<128 hex>",            optional SHA-512 of the file ("sha512" is an alias)
//     "size": 123,                         optional size of the file in bytes
//     "diskFormat": "qcow2",               optional: ami ari aki vhd vhdx vmdk raw qcow2 vdi iso ploop
//     "containerFormat": "bare",           optional: ami ari aki bare ovf ova docker compressed
//     "tags": ["linux"],                   optional list of tags (imgapi's key/value object form
//                                          is not a tag list and is ignored)
//     "resize": true, "deploy": false      optional booleans, as in Danube
//   }
//
// Without "url", the file is at `<manifest URL>/file` (imgapi's layout: GET /images/:uuid is the
// manifest, GET /images/:uuid/file the file); the manifest URL's query and fragment are dropped.
// A static mirror (".../manifest.json") must therefore state "url". imgapi's `files[0].size` is
// read when "size" is absent, and a compressed imgapi file (`files[0].compression` other than
// "none") is refused, since the file would be stored still compressed.
import { z } from 'zod';
import { CONTAINER_FORMATS, type ContainerFormat, DISK_FORMATS, type DiskFormat } from '../db/entities/image.js';
import { DomainError, type ValidationIssue } from './errors.js';
import { displayName, tagList, text } from './validation.js';

export interface Manifest {
  name: string;
  version?: string;
  description?: string;
  /** Stated, resolved against the manifest URL, or assembled as `<manifest URL>/file`. */
  fileUrl: URL;
  /** MD5, lower-case hex. */
  checksum?: string;
  /** SHA-512, lower-case hex. */
  hashValue?: string;
  size?: number;
  diskFormat?: DiskFormat;
  containerFormat?: ContainerFormat;
  tags?: string[];
  resize?: boolean;
  deploy?: boolean;
}

/** A manifest that is not JSON or breaks the contract above; the message names every bad field. */
export class InvalidManifest extends DomainError {
  override readonly code = 'INVALID_MANIFEST';
  constructor(message: string, readonly issues: ValidationIssue[] = []) {
    super(message);
  }
}

/** null means "not stated", like a missing key. */
const optional = <T extends z.ZodType>(schema: T) => schema.nullish().transform((value) => value ?? undefined);

const hex = (digits: number, algorithm: string) =>
  z
    .string()
    .regex(new RegExp(`^[0-9a-fA-F]{${digits}}$`), `must be ${digits} hexadecimal digits (${algorithm})`)
    .transform((value) => value.toLowerCase());

const size = z
  .number()
  .int('must be a whole number of bytes')
  .min(0, 'must not be negative')
  .max(Number.MAX_SAFE_INTEGER, 'is too large');

/** Lower-case names in the manifest, the catalog's upper-case values out. */
function format<const T extends readonly string[]>(values: T) {
  const names = values.map((value) => value.toLowerCase());
  return z
    .string()
    .refine((value) => names.includes(value.toLowerCase()), `must be one of ${names.join(', ')}`)
    .transform((value) => value.toUpperCase() as T[number]);
}

const fileUrl = text(2048).min(1, 'must not be empty');

const schema = z.object({
  name: displayName,
  version: optional(text(64)),
  description: optional(text(4096)),
  desc: optional(text(4096)),
  url: optional(fileUrl),
  file_url: optional(fileUrl),
  checksum: optional(hex(32, 'MD5')),
  hashValue: optional(hex(128, 'SHA-512')),
  sha512: optional(hex(128, 'SHA-512')),
  size: optional(size),
  diskFormat: optional(format(DISK_FORMATS)),
  containerFormat: optional(format(CONTAINER_FORMATS)),
  tags: z.preprocess((value) => (isObject(value) ? undefined : value), optional(tagList)),
  resize: optional(z.boolean()),
  deploy: optional(z.boolean()),
  files: optional(z.array(z.object({ size: optional(size), compression: optional(z.string()) }))),
});

const EXPECTED: Record<string, string> = {
  string: 'a string', number: 'a number', boolean: 'true or false', array: 'a list', object: 'an object',
};

/** Parses and checks a manifest fetched from `manifestUrl`; throws InvalidManifest. */
export function parseManifest(text: string, manifestUrl: URL): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InvalidManifest(`The image manifest is not valid JSON (${(error as Error).message})`);
  }
  if (!isObject(json)) throw new InvalidManifest('The image manifest must be a JSON object');

  const result = schema.safeParse(json, {
    error: (issue) =>
      issue.code === 'invalid_type'
        ? issue.input === undefined ? 'is required' : `must be ${EXPECTED[issue.expected] ?? issue.expected}`
        : undefined,
  });
  const issues: ValidationIssue[] = result.success
    ? []
    : result.error.issues.map((issue) => ({ path: issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part)), message: issue.message }));
  const data = result.data;

  // Aliases may both be given, but must then agree.
  const either = <T>(first: string, a: T | undefined, second: string, b: T | undefined): T | undefined => {
    if (a !== undefined && b !== undefined && a !== b) issues.push({ path: [first], message: `differs from ${second}` });
    return a ?? b;
  };
  let manifest: Manifest | undefined;
  if (data) {
    const stated = either('url', data.url, 'file_url', data.file_url);
    let file: URL | undefined;
    if (stated === undefined) file = assembledFileUrl(manifestUrl);
    else {
      file = URL.canParse(stated, manifestUrl) ? new URL(stated, manifestUrl) : undefined;
      if (file?.protocol !== 'http:' && file?.protocol !== 'https:') {
        issues.push({ path: [data.url === undefined ? 'file_url' : 'url'], message: 'must be an http or https URL' });
      }
    }
    const compression = data.files?.[0]?.compression;
    if (compression !== undefined && compression !== 'none') {
      issues.push({ path: ['files', 0, 'compression'], message: `is ${compression}; only uncompressed files ("none") can be imported` });
    }
    manifest = {
      name: data.name,
      version: data.version,
      description: data.description ?? data.desc,
      fileUrl: file!,
      checksum: data.checksum,
      hashValue: either('hashValue', data.hashValue, 'sha512', data.sha512),
      size: data.size ?? data.files?.[0]?.size,
      diskFormat: data.diskFormat,
      containerFormat: data.containerFormat,
      tags: data.tags && [...new Set(data.tags)],
      resize: data.resize,
      deploy: data.deploy,
    };
  }

  if (issues.length || !manifest) {
    const named = issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ');
    throw new InvalidManifest(`The image manifest is invalid: ${named}`, issues);
  }
  return manifest;
}

/** imgapi's layout: the file sits under the manifest's own path. */
function assembledFileUrl(manifestUrl: URL): URL {
  const file = new URL(manifestUrl.href);
  file.pathname = `${file.pathname.replace(/\/+$/, '')}/file`;
  file.search = '';
  file.hash = '';
  return file;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
