// PATCH /v2/images/{id}: a JSON-Patch (application/openstack-images-v2.1-json-patch) applied to
// the image as Glance shows it, then the difference turned into one change of ours
// (src/domain/image-patch.ts): core attributes and column properties become fields, any other
// property a metadata item. The domain checks the values; this checks the patch's form.
import { uuidOfProjectId } from '../domain/adopted-projects.js';
import type { ImageChange } from '../domain/image-patch.js';
import type { ImageUpdateInput } from '../domain/images.js';
import { GlanceError } from './answers.js';
import { COLUMN_PROPERTIES, READ_ONLY_ATTRIBUTES, RESERVED_ATTRIBUTES, containerFormats, diskFormats, entryOf, visibilities } from './glance-image.js';

export const PATCH_MEDIA_TYPES = ['application/openstack-images-v2.1-json-patch', 'application/openstack-images-v2.0-json-patch'];

/** The two forms: v2.1's RFC 6902 objects, v2.0's `{"replace": "/name", "value": ...}` (tempest sends these). */
export type PatchDraft = 'v2.1' | 'v2.0';

const OPERATIONS = ['add', 'remove', 'replace'];

/** A v2.0 operation in v2.1's form. */
function fromDraft4(operation: Record<string, unknown>): Record<string, unknown> {
  const named = OPERATIONS.filter((op) => op in operation);
  if (named.length !== 1) throw bad('Operation objects must contain exactly one member named "add", "remove", or "replace".');
  const op = named[0]!;
  return { op, path: operation[op], ...('value' in operation && { value: operation.value }) };
}

/** Glance's writable core attributes, as a field of ours from a JSON value. */
const CORE: Record<string, (value: unknown) => Partial<ImageUpdateInput>> = {
  name: (value) => ({ name: value as string }),
  visibility: (value) => ({ visibility: visibilities.fromGlance('visibility', value) }),
  protected: (value) => ({ protected: value as boolean }),
  os_hidden: (value) => ({ hidden: value as boolean }),
  tags: (value) => ({ tags: value as string[] }),
  disk_format: (value) => ({ diskFormat: value === null ? null : diskFormats.fromGlance('disk_format', value) }),
  container_format: (value) => ({ containerFormat: value === null ? null : containerFormats.fromGlance('container_format', value) }),
  min_disk: (value) => ({ minDisk: value as number }),
  min_ram: (value) => ({ minRam: value as number }),
  owner: (value) => ({ ownerId: value === null ? null : (uuidOfProjectId(value as string) ?? (value as string)) }),
};

/** What the JSON types of the core attributes must be. */
const CORE_TYPES: Record<string, (value: unknown) => boolean> = {
  name: (value) => typeof value === 'string' || value === null,
  visibility: (value) => typeof value === 'string',
  protected: (value) => typeof value === 'boolean',
  os_hidden: (value) => typeof value === 'boolean',
  tags: (value) => Array.isArray(value) && value.every((tag) => typeof tag === 'string'),
  disk_format: (value) => typeof value === 'string' || value === null,
  container_format: (value) => typeof value === 'string' || value === null,
  min_disk: (value) => Number.isInteger(value),
  min_ram: (value) => Number.isInteger(value),
  owner: (value) => typeof value === 'string' || value === null,
};

const bad = (message: string) => new GlanceError(400, message);

/** The one attribute a path names: `/name`, with JSON Pointer's `~1` and `~0` undone. */
function attributeOf(path: unknown): string {
  if (typeof path !== 'string' || !path.startsWith('/') || path.length < 2) throw bad(`Invalid JSON pointer for this resource: '${String(path)}'`);
  const segments = path.slice(1).split('/');
  if (segments.length !== 1 || /~[^01]|~$/.test(segments[0]!)) throw bad(`Invalid JSON pointer for this resource: '${path}'`);
  return segments[0]!.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The checks every attribute a patch names must pass, whatever the operation. */
function assertWritable(attribute: string) {
  if (READ_ONLY_ATTRIBUTES.has(attribute)) throw new GlanceError(403, `Attribute '${attribute}' is read-only.`);
  // Glance keeps the os_glance prefix for its own properties.
  if (RESERVED_ATTRIBUTES.has(attribute) || attribute.startsWith('os_glance')) throw new GlanceError(403, `Attribute '${attribute}' is reserved.`);
}

/**
 * The change `operations` make to `current` (the image as Glance shows it, properties included).
 * Operations apply in order, each to the result of the one before, as RFC 6902 says.
 */
export function imageChangeOf(current: Readonly<Record<string, unknown>>, operations: unknown, draft: PatchDraft = 'v2.1'): ImageChange {
  if (!Array.isArray(operations)) throw bad('Request body must be a JSON array of operation objects.');
  // No prototype: a property may be named `__proto__` or `constructor` (glance-image.ts).
  const next: Record<string, unknown> = Object.assign(Object.create(null), current);
  for (const operation of operations as unknown[]) {
    if (typeof operation !== 'object' || operation === null || Array.isArray(operation)) throw bad('Operations must be JSON objects.');
    const given = draft === 'v2.0' ? fromDraft4(operation as Record<string, unknown>) : (operation as Record<string, unknown>);
    const { op, path, value } = given as { op?: unknown; path?: unknown; value?: unknown };
    if (op === undefined) throw bad('Unable to find `op` in JSON Schema change. It must be one of the following: add, remove, replace.');
    if (op !== 'add' && op !== 'replace' && op !== 'remove') throw bad(`Invalid operation: \`${String(op)}\`. It must be one of the following: add, remove, replace.`);
    if (path === undefined) throw bad("Unable to find 'path' in JSON Schema change");
    const attribute = attributeOf(path);
    assertWritable(attribute);
    const core = entryOf(CORE, attribute) !== undefined;
    if (op === 'remove') {
      if (core) throw new GlanceError(403, `Property ${attribute} may not be removed.`);
      if (!(attribute in next)) throw new GlanceError(409, `Property ${attribute} does not exist.`);
      delete next[attribute];
      continue;
    }
    if (!('value' in given)) throw bad(`Operation "${op}" requires a member named "value".`);
    if (op === 'add' && draft === 'v2.0' && attribute in next) throw new GlanceError(409, `Property ${attribute} already present.`);
    if (op === 'replace' && !core && !(attribute in next)) throw new GlanceError(409, `Property ${attribute} does not exist.`);
    if (core ? !entryOf(CORE_TYPES, attribute)!(value) : typeof value !== 'string') {
      throw bad(`Invalid value for ${attribute}: ${JSON.stringify(value)}${core ? '' : ' is not of type \'string\''}`);
    }
    next[attribute] = value;
  }
  return difference(current, next);
}

function difference(before: Readonly<Record<string, unknown>>, after: Record<string, unknown>): ImageChange {
  const fields: ImageUpdateInput = {};
  const setMetadata: { key: string; value: string }[] = [];
  const removeMetadata: string[] = [];
  const same = (key: string) => JSON.stringify(before[key]) === JSON.stringify(after[key]);
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (READ_ONLY_ATTRIBUTES.has(key) || same(key)) continue;
    const present = key in after;
    const core = entryOf(CORE, key);
    const column = entryOf(COLUMN_PROPERTIES, key);
    if (core) Object.assign(fields, core(after[key]));
    else if (column) {
      (fields as Record<string, unknown>)[column.field] = present ? column.write(after[key] as string) : null;
    } else if (present) setMetadata.push({ key, value: after[key] as string });
    else removeMetadata.push(key);
  }
  return { fields, setMetadata, removeMetadata };
}
