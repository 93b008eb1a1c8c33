// Glance's image record and ours, one to one: the attributes Glance calls core, the properties
// that are columns here, and every other property as a metadata item. Both directions are
// written from the one table below, so what a client sets is what it reads back.
import {
  CONTAINER_FORMATS, DISK_BUSES, DISK_FORMATS, FIRMWARES, type Image, MACHINE_TYPES, VIDEO_MODELS, VIF_MODELS,
  VISIBILITIES,
} from '../db/entities/image.js';
import type { ImageMetadata } from '../db/entities/image-metadata.js';
import type { ImageRow } from '../domain/image-catalog.js';
import type { ImageUpdateInput } from '../domain/images.js';
import { keystoneProjectId } from '../domain/adopted-projects.js';
import { type Row, refId } from '../domain/rows.js';
import { GlanceError } from './answers.js';

/** Attributes a client reads but never writes (Glance answers 403 "Attribute 'x' is read-only."). */
export const READ_ONLY_ATTRIBUTES = new Set([
  'id', 'status', 'checksum', 'os_hash_algo', 'os_hash_value', 'size', 'virtual_size', 'created_at', 'updated_at',
  'self', 'file', 'schema', 'direct_url', 'stores',
]);

/** Attributes no client may set, nor use as a property name (Glance: "Attribute 'x' is reserved."). */
export const RESERVED_ATTRIBUTES = new Set(['deleted', 'deleted_at', 'location', 'locations']);

/**
 * `table`'s entry for a name a client chose, or undefined: never one of the names every object
 * inherits (`constructor`, `__proto__`, `toString`...).
 */
export function entryOf<T>(table: Readonly<Record<string, T>>, name: string): T | undefined {
  return Object.hasOwn(table, name) ? table[name] : undefined;
}

/** A closed set of values, spelt Glance's way (lower case) and ours (the enum's name). */
function vocabulary<T extends string>(values: readonly T[], spelling: Partial<Record<T, string>> = {}) {
  const glance = new Map(values.map((value) => [value, spelling[value] ?? value.toLowerCase()]));
  const ours = new Map([...glance].map(([value, spelt]) => [spelt, value]));
  return {
    values: [...glance.values()],
    toGlance: (value: T | null | undefined) => (value == null ? null : glance.get(value)!),
    fromGlance: (name: string, value: unknown): T => {
      const found = typeof value === 'string' ? ours.get(value) : undefined;
      if (!found) throw new GlanceError(400, `Invalid value '${String(value)}' for ${name}: expected one of ${[...ours.keys()].join(', ')}`);
      return found;
    },
  };
}

export const visibilities = vocabulary(VISIBILITIES);
export const diskFormats = vocabulary(DISK_FORMATS);
export const containerFormats = vocabulary(CONTAINER_FORMATS);

/** A property of Glance's that is a column of ours: how it reads and how a string sets it. */
interface ColumnProperty {
  field: keyof ImageUpdateInput & keyof Image;
  read(image: ImageRow): string | null;
  write(value: string): string;
}

function textColumn(field: ColumnProperty['field'], max: number): ColumnProperty {
  return {
    field,
    read: (image) => image[field] as string | null,
    write: (value) => {
      if (value.length > max) throw new GlanceError(400, `The value of ${String(field)} is longer than ${max} characters`);
      return value;
    },
  };
}

function enumColumn<T extends string>(field: ColumnProperty['field'], property: string, values: readonly T[], spelling: Partial<Record<T, string>> = {}): ColumnProperty {
  const words = vocabulary(values, spelling);
  return { field, read: (image) => words.toGlance(image[field] as T | null), write: (value) => words.fromGlance(property, value) };
}

/** Glance's properties (common image properties, the hw_* and os_* keys) that are columns here. */
export const COLUMN_PROPERTIES: Record<string, ColumnProperty> = {
  description: textColumn('description', 4096),
  os_type: textColumn('osType', 32),
  os_distro: textColumn('osDistro', 64),
  os_version: textColumn('osVersion', 64),
  os_admin_user: textColumn('username', 255),
  hw_firmware_type: enumColumn('hwFirmware', 'hw_firmware_type', FIRMWARES),
  hw_machine_type: enumColumn('hwMachineType', 'hw_machine_type', MACHINE_TYPES, { I440: 'pc' }),
  hw_disk_bus: enumColumn('hwDiskBus', 'hw_disk_bus', DISK_BUSES),
  hw_vif_model: enumColumn('hwVifModel', 'hw_vif_model', VIF_MODELS),
  hw_video_model: enumColumn('hwVideoModel', 'hw_video_model', VIDEO_MODELS),
};

/** A project id as Keystone writes it, or null. */
export const keystoneId = (uuid: string | null) => uuid && keystoneProjectId(uuid);

/** Glance's form of a time: seconds, UTC, `Z`. */
export const glanceTime = (date: Date | string) => new Date(date).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** What Glance calls the statuses: ours in lower case. */
export const glanceStatus = (status: Image['status']) => status.toLowerCase();

/** An image as Glance answers it. Links are paths below the API's root, as Glance writes them. */
export function glanceImage(image: ImageRow, metadata: readonly Row<ImageMetadata>[]): Record<string, unknown> {
  // No prototype: an item may be named `__proto__`, and is then a property like any other.
  const document: Record<string, unknown> = Object.create(null);
  // Properties first, so that no item can shadow a core attribute of the same name.
  for (const item of metadata) document[item.key] = item.value;
  for (const [name, column] of Object.entries(COLUMN_PROPERTIES)) {
    const value = column.read(image);
    if (value !== null) document[name] = value;
  }
  return Object.assign(document, {
    id: image.id,
    name: image.name,
    status: glanceStatus(image.status),
    visibility: visibilities.toGlance(image.visibility),
    protected: image.protected,
    os_hidden: image.hidden,
    owner: keystoneId(refId(image.owner)),
    checksum: image.checksum,
    os_hash_algo: image.hashAlgo,
    os_hash_value: image.hashValue,
    size: image.size,
    virtual_size: image.virtualSize,
    disk_format: diskFormats.toGlance(image.diskFormat),
    container_format: containerFormats.toGlance(image.containerFormat),
    min_disk: image.minDisk,
    min_ram: image.minRam,
    tags: image.tags,
    created_at: glanceTime(image.createdAt),
    updated_at: glanceTime(image.updatedAt),
    self: `/v2/images/${image.id}`,
    file: `/v2/images/${image.id}/file`,
    schema: `/v2/schemas/image`,
  });
}
