import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { ImageMember } from './image-member.js';
import { Architecture } from './architecture.js';
import { baseColumns } from './columns.js';
import { ComputeResource } from './compute-resource.js';
import { OperatingSystem } from './operating-system.js';
import { Project } from './project.js';
import { Region } from './region.js';

const p = defineEntity.properties;

/**
 * What an unfiltered list reads of an image besides its order key and id: the visibility scope's
 * columns (src/domain/visibility.ts) and the live and hidden conditions (image-catalog.ts).
 */
const SCOPE_COLUMNS = ['owner_id', 'region_id', 'visibility', 'hidden', 'deleted_at'].map((column) => `"${column}"`).join(', ');

// Closed sets, stored as the GraphQL enum names so there is one vocabulary.
export const IMAGE_STATUSES = [
  'QUEUED', 'SAVING', 'UPLOADING', 'IMPORTING', 'ACTIVE', 'DEACTIVATED', 'KILLED', 'PENDING_DELETE', 'DELETED',
] as const;
export type ImageStatus = (typeof IMAGE_STATUSES)[number];

export const VISIBILITIES = ['PUBLIC', 'COMMUNITY', 'SHARED', 'PRIVATE'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** Glance's disk formats. */
export const DISK_FORMATS = [
  'AMI', 'ARI', 'AKI', 'VHD', 'VHDX', 'VMDK', 'RAW', 'QCOW2', 'VDI', 'ISO', 'PLOOP',
] as const;
export type DiskFormat = (typeof DISK_FORMATS)[number];

/** Glance's container formats. */
export const CONTAINER_FORMATS = ['AMI', 'ARI', 'AKI', 'BARE', 'OVF', 'OVA', 'DOCKER', 'COMPRESSED'] as const;
export type ContainerFormat = (typeof CONTAINER_FORMATS)[number];

export const SSH_KEY_POLICIES = ['ALLOW', 'DENY', 'REQUIRED'] as const;
export const FIRMWARES = ['BIOS', 'UEFI'] as const;
export const MACHINE_TYPES = ['I440', 'Q35'] as const;
export const DISK_BUSES = ['VIRTIO', 'IDE', 'SCSI', 'SATA'] as const;
export const VIF_MODELS = ['VIRTIO', 'E1000', 'RTL8139'] as const;
export const VIDEO_MODELS = ['VGA', 'CIRRUS', 'QXL', 'VIRTIO'] as const;

/** A disk image: the union of the Foreman, Gcore, Glance, Danube and Lunanode image records. */
export const Image = defineEntity({
  name: 'Image',
  properties: {
    ...baseColumns,
    name: p.string().length(255),
    description: p.text().nullable(),
    version: p.string().length(64).nullable(),
    status: p.enum([...IMAGE_STATUSES]).default('QUEUED'),
    visibility: p.enum([...VISIBILITIES]).default('PRIVATE'),
    protected: p.boolean().default(false),
    hidden: p.boolean().default(false),
    tags: p.array().default([]),
    diskFormat: p.enum([...DISK_FORMATS]).nullable(),
    containerFormat: p.enum([...CONTAINER_FORMATS]).nullable(),
    minDisk: p.integer().default(0),
    minRam: p.integer().default(0),
    size: p.bigint('number').nullable(),
    virtualSize: p.bigint('number').nullable(),
    checksum: p.string().length(32).nullable(),
    hashAlgo: p.string().length(16).nullable(),
    hashValue: p.string().length(128).nullable(),
    // A project that still owns images cannot be deleted: they must not fall into the provider's catalog.
    owner: p.manyToOne(Project).nullable().deleteRule('restrict'),
    region: p.manyToOne(Region).deleteRule('restrict'),
    operatingSystem: p.manyToOne(OperatingSystem).nullable().index(),
    architecture: p.manyToOne(Architecture).nullable().index(),
    computeResource: p.manyToOne(ComputeResource).nullable(),
    providerRef: p.string().length(255).nullable(),
    username: p.string().length(255).nullable(),
    /** AES-256-GCM ciphertext; the plaintext never leaves the domain layer. */
    passwordCipher: p.text().nullable(),
    userData: p.boolean().default(false),
    osType: p.string().length(32).nullable(),
    osDistro: p.string().length(64).nullable(),
    osVersion: p.string().length(64).nullable(),
    sshKey: p.enum([...SSH_KEY_POLICIES]).default('ALLOW'),
    isBaremetal: p.boolean().default(false),
    hwFirmware: p.enum([...FIRMWARES]).nullable(),
    hwMachineType: p.enum([...MACHINE_TYPES]).nullable(),
    hwDiskBus: p.enum([...DISK_BUSES]).nullable(),
    hwVifModel: p.enum([...VIF_MODELS]).nullable(),
    hwVideoModel: p.enum([...VIDEO_MODELS]).nullable(),
    displayOrder: p.integer().default(0),
    resize: p.boolean().default(false),
    deploy: p.boolean().default(false),
    /** Danube's dc_bound: the image may be used only in its own region. */
    regionBound: p.boolean().default(true),
    sourceUrl: p.text().nullable(),
    replicaOf: () => p.manyToOne(Image).nullable().index(),
    deletedAt: p.datetime().columnType('timestamptz(3)').nullable(),
    rowVersion: p.integer().version(),
    /** Glance members (the inverse side: no column), for "shared with me" conditions. */
    members: () => p.oneToMany(ImageMember).mappedBy('image'),
  },
  indexes: [
    // Keyset pagination: one index per order field, id as the tie-breaker. Each carries the
    // columns an unfiltered list reads, so a viewer's page can be chosen from the index alone
    // (src/compiled/projection.ts), where the scope passes over most images.
    ...(['name', 'created_at', 'updated_at', 'status', 'size'] as const).map((column) => ({
      name: `image_${column}_id_idx`,
      expression: `create index "image_${column}_id_idx" on "image" ("${column}"${column === 'size' ? ' asc nulls first' : ''}, "id") include (${SCOPE_COLUMNS})`,
    })),
    { name: 'image_owner_region_idx', properties: ['owner', 'region'] },
    { name: 'image_region_idx', properties: ['region'] },
    { name: 'image_compute_resource_idx', properties: ['computeResource'] },
    { name: 'image_tags_idx', expression: 'create index "image_tags_idx" on "image" using gin ("tags")' },
  ],
  uniques: [
    // Names are unique per (owner, region) among live images; no owner is the provider's catalog.
    {
      name: 'image_owner_region_name_unique',
      expression:
        'create unique index "image_owner_region_name_unique" on "image" ("owner_id", "region_id", "name") nulls not distinct where "deleted_at" is null',
    },
    // Foreman: a compute resource's template is registered once.
    {
      name: 'image_compute_resource_provider_ref_unique',
      expression:
        'create unique index "image_compute_resource_provider_ref_unique" on "image" ("compute_resource_id", "provider_ref") where "deleted_at" is null and "provider_ref" is not null',
    },
  ],
});
export type Image = InferEntity<typeof Image>;
