// What clients read before they act: the versions document (GET / answers 300 Multiple Choices,
// GET /versions 200, with links built from the request's own host and the API's path), the JSON
// schemas glanceclient builds its options and its patches from, and the import methods. The image
// schema is written from the same table as the images themselves (glance-image.ts).
import { IMAGE_STATUSES } from '../db/entities/image.js';
import { MEMBER_STATUSES } from '../db/entities/image-member.js';
import { METADATA_VALUE_MAX } from '../domain/validation.js';
import { COLUMN_PROPERTIES, containerFormats, diskFormats, visibilities } from './glance-image.js';
import { METADEFS_SCHEMAS } from './metadefs-schemas.js';
import { GLANCE_TASK_STATUSES, GLANCE_TASK_TYPES } from './tasks.js';

/** Image API versions this face speaks: v2.15 (Glance 25) and the older minor versions it includes. */
const VERSIONS = [['v2.15', 'CURRENT'], ...['v2.9', 'v2.7', 'v2.6', 'v2.5', 'v2.4', 'v2.3', 'v2.2', 'v2.1', 'v2.0'].map((id) => [id, 'SUPPORTED'])];

/** The versions document; `root` is the API's absolute URL (`http://host:port/image`). */
export function versionsDocument(root: string) {
  return { versions: VERSIONS.map(([id, status]) => ({ id, status, links: [{ rel: 'self', href: `${root}/v2/` }] })) };
}

/**
 * The import methods: `glance-direct` from /stage, `web-download` through the URL guard, and
 * `copy-image`, which replicates the image into the regions it names as stores.
 */
export const IMPORT_METHODS = ['glance-direct', 'web-download', 'copy-image'];

export const importInfo = {
  'import-methods': { description: 'Import methods available.', type: 'array', value: IMPORT_METHODS },
};

const UUID_PATTERN = '^([0-9a-fA-F]){8}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){12}$';
const readOnly = (type: unknown, description: string, extra: object = {}) => ({ type, readOnly: true, description, ...extra });
const withNull = (values: readonly string[]) => [null, ...values];

const imageProperties = {
  id: { type: 'string', description: 'An identifier for the image', pattern: UUID_PATTERN },
  name: { type: ['null', 'string'], description: 'Descriptive name for the image', maxLength: 255 },
  status: readOnly('string', 'Status of the image', { enum: IMAGE_STATUSES.map((status) => status.toLowerCase()) }),
  visibility: { type: 'string', description: 'Scope of image accessibility', enum: visibilities.values },
  protected: { type: 'boolean', description: 'If true, image will not be deletable.' },
  os_hidden: { type: 'boolean', description: 'If true, image will not appear in default image list response.' },
  checksum: readOnly(['null', 'string'], 'md5 hash of image contents.', { maxLength: 32 }),
  os_hash_algo: readOnly(['null', 'string'], 'Algorithm to calculate the os_hash_value', { maxLength: 64 }),
  os_hash_value: readOnly(['null', 'string'], 'Hexdigest of the image contents using the algorithm specified by the os_hash_algo', { maxLength: 128 }),
  owner: { type: ['null', 'string'], description: 'Owner of the image', maxLength: 255 },
  size: readOnly(['null', 'integer'], 'Size of image file in bytes'),
  virtual_size: readOnly(['null', 'integer'], 'Virtual size of image in bytes'),
  container_format: { type: ['null', 'string'], description: 'Format of the container', enum: withNull(containerFormats.values) },
  disk_format: { type: ['null', 'string'], description: 'Format of the disk', enum: withNull(diskFormats.values) },
  created_at: readOnly('string', 'Date and time of image registration'),
  updated_at: readOnly('string', 'Date and time of the last image modification'),
  tags: { type: 'array', description: 'List of strings related to the image', items: { type: 'string', maxLength: 255 } },
  min_ram: { type: 'integer', description: 'Amount of ram (in MB) required to boot image.' },
  min_disk: { type: 'integer', description: 'Amount of disk space (in GB) required to boot image.' },
  self: readOnly('string', 'An image self url'),
  file: readOnly('string', 'An image file url'),
  schema: readOnly('string', 'An image schema url'),
  // The properties that are columns here: named so that clients offer them as options.
  ...Object.fromEntries(Object.keys(COLUMN_PROPERTIES).map((name) => [name, { type: 'string', description: `The image's ${name}`, is_base: false }])),
};

const imageLinks = [
  { rel: 'self', href: '{self}' },
  { rel: 'enclosure', href: '{file}' },
  { rel: 'describedby', href: '{schema}' },
];

const imageSchema = {
  name: 'image',
  properties: imageProperties,
  // Any other property is a string: a metadata item.
  additionalProperties: { type: 'string', maxLength: METADATA_VALUE_MAX },
  links: imageLinks,
};

const memberSchema = {
  name: 'member',
  properties: {
    member_id: { type: 'string', description: 'An identifier for the image member (tenantId)' },
    image_id: { type: 'string', description: 'An identifier for the image', pattern: UUID_PATTERN },
    created_at: { type: 'string', description: 'Date and time of image member creation' },
    updated_at: { type: 'string', description: 'Date and time of last modification of image member' },
    status: { type: 'string', description: 'The status of this image member', enum: MEMBER_STATUSES.map((status) => status.toLowerCase()) },
    schema: { readOnly: true, type: 'string' },
  },
};

/** Glance's task schema, its type naming ours too (tasks.ts). */
const taskSchema = {
  name: 'task',
  additionalProperties: false,
  properties: {
    id: { type: 'string', description: 'An identifier for the task', pattern: UUID_PATTERN },
    type: { type: 'string', description: 'The type of task represented by this content', enum: GLANCE_TASK_TYPES },
    status: { type: 'string', description: 'The current status of this task', enum: GLANCE_TASK_STATUSES },
    owner: { type: 'string', description: 'An identifier for the owner of this task' },
    input: { type: ['null', 'object'], description: 'The parameters required by task, JSON blob' },
    result: { type: ['null', 'object'], description: 'The result of current task, JSON blob' },
    message: { type: 'string', description: 'Human-readable informative message only included when appropriate (usually on failure)' },
    image_id: { type: 'string', description: 'Image associated with the task' },
    request_id: { type: 'string', description: 'Human-readable informative request-id' },
    user_id: { type: 'string', description: 'User associated with the task' },
    expires_at: { type: ['null', 'string'], description: 'Datetime when this resource would be subject to removal' },
    created_at: { type: 'string', description: 'Datetime when this resource was created' },
    updated_at: { type: 'string', description: 'Datetime when this resource was updated' },
    self: { readOnly: true, type: 'string' },
    schema: { readOnly: true, type: 'string' },
  },
};

/** A list's stub of a task: without its input, result and message. */
const { input: _input, result: _result, message: _message, ...taskStubProperties } = taskSchema.properties;

const collection = (name: string, item: object) => ({
  name,
  properties: {
    [name]: { type: 'array', items: item },
    schema: { type: 'string' },
    ...((name === 'images' || name === 'tasks') && { first: { type: 'string' }, next: { type: 'string' } }),
  },
  links: [
    ...(name === 'images' || name === 'tasks' ? [{ rel: 'first', href: '{first}' }, { rel: 'next', href: '{next}' }] : []),
    { rel: 'describedby', href: '{schema}' },
  ],
});

/** GET /v2/schemas/{name}, by name. */
export const SCHEMAS: Record<string, object> = {
  image: imageSchema,
  images: collection('images', imageSchema),
  member: memberSchema,
  members: collection('members', memberSchema),
  task: taskSchema,
  tasks: collection('tasks', { ...taskSchema, properties: taskStubProperties }),
  ...METADEFS_SCHEMAS,
};
