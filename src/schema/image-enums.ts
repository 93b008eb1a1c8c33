// The closed sets of an image, as GraphQL enums with the same names the database stores.
// Each value map `satisfies` its domain type: a value added there cannot go undescribed here.
import type {
  CONTAINER_FORMATS, DISK_BUSES, DISK_FORMATS, FIRMWARES, IMAGE_STATUSES, MACHINE_TYPES, SSH_KEY_POLICIES,
  VIDEO_MODELS, VIF_MODELS, VISIBILITIES,
} from '../db/entities/image.js';
import type { MemberStatus } from '../db/entities/image-member.js';
import type { ImageOrderField, danubeAccess } from '../domain/image-catalog.js';
import type { Direction } from '../domain/pagination.js';
import { builder } from './builder.js';

/** A description for every value of the closed set `T`. */
type Described<T extends readonly string[] | string> = Record<T extends readonly string[] ? T[number] : T, { description: string }>;

export const ImageStatusEnum = builder.enumType('ImageStatus', {
  description: 'Glance statuses: QUEUED -> SAVING | IMPORTING -> ACTIVE <-> DEACTIVATED; SAVING -> UPLOADING -> ACTIVE for bytes staged, then imported; -> PENDING_DELETE -> DELETED; failures KILLED.',
  values: {
    QUEUED: { description: 'Registered without bytes: waiting for an upload, an import or a copy.' },
    SAVING: { description: 'Bytes are being uploaded; a failed upload returns the image to QUEUED.' },
    UPLOADING: { description: "Bytes are staged (the Image API's /stage), waiting for the glance-direct import that makes the image ACTIVE." },
    IMPORTING: { description: 'An IMPORT or REPLICATE task is fetching or copying the bytes.' },
    ACTIVE: { description: 'Usable: the bytes are stored and measured, or the image is a compute-resource template.' },
    DEACTIVATED: { description: 'Set aside (imageDeactivate): only administrators may download its bytes until it is reactivated.' },
    KILLED: { description: 'The bytes failed: an import or copy failed for good, or the bytes were not the declared disk format. It can only be deleted.' },
    PENDING_DELETE: { description: 'Deleted; its PURGE task is removing the bytes, then it is DELETED.' },
    DELETED: { description: 'Deleted and its bytes gone. Listed only when the filter asks for DELETED.' },
  } satisfies Described<typeof IMAGE_STATUSES>,
});
export const VisibilityEnum = builder.enumType('ImageVisibility', {
  description: "Who may see an image (Glance visibility). Administrators see every image; reseller administrators their clients' images.",
  values: {
    PUBLIC: {
      description: "Every project, unless the shared-image rows of its project or reseller limit a region's public images. Only administrators make an image PUBLIC.",
    },
    COMMUNITY: { description: 'Anyone may read it by id; projects other than the owner list it only when the filter asks for COMMUNITY.' },
    SHARED: { description: 'The owner and its member projects: a member lists it once ACCEPTED, and reads it by id whatever its answer.' },
    PRIVATE: { description: 'The owning project alone.' },
  } satisfies Described<typeof VISIBILITIES>,
});
export const ImageAccessEnum = builder.enumType('ImageAccess', {
  description: "Danube Cloud's access, derived from visibility and status.",
  values: {
    PUBLIC: { description: 'A live PUBLIC image.' },
    PRIVATE: { description: 'A live image of any other visibility.' },
    DELETED: { description: 'A deleted image (PENDING_DELETE or DELETED).' },
  } satisfies Described<ReturnType<typeof danubeAccess>>,
});
export const DiskFormatEnum = builder.enumType('DiskFormat', {
  description:
    "Glance's disk formats: how the bytes lay out the disk. Uploaded and imported bytes are checked: QCOW2, VMDK, VDI, VHD, VHDX and ISO are recognised, the others look RAW.",
  values: {
    AMI: { description: 'Amazon machine image.' },
    ARI: { description: 'Amazon ramdisk image.' },
    AKI: { description: 'Amazon kernel image.' },
    VHD: { description: "Microsoft's Virtual Hard Disk." },
    VHDX: { description: "Microsoft's Virtual Hard Disk v2 (Hyper-V)." },
    VMDK: { description: "VMware's Virtual Machine Disk." },
    RAW: { description: "The disk's bytes as they are, without structure." },
    QCOW2: { description: 'QEMU copy-on-write, version 2.' },
    VDI: { description: 'VirtualBox Disk Image.' },
    ISO: { description: 'An optical disc image (ISO 9660), e.g. an installer.' },
    PLOOP: { description: "Virtuozzo's ploop disk." },
  } satisfies Described<typeof DISK_FORMATS>,
});
export const ContainerFormatEnum = builder.enumType('ContainerFormat', {
  description: "Glance's container formats: whether the disk comes wrapped, and in what. Recorded only: not checked against the bytes.",
  values: {
    AMI: { description: 'Amazon machine image.' },
    ARI: { description: 'Amazon ramdisk image.' },
    AKI: { description: 'Amazon kernel image.' },
    BARE: { description: 'No container: the bytes are the disk.' },
    OVF: { description: 'An Open Virtualization Format package.' },
    OVA: { description: 'An OVF package in one tar archive.' },
    DOCKER: { description: 'A Docker tar archive of a container file system.' },
    COMPRESSED: { description: 'A compressed file; the consumer works out the compression.' },
  } satisfies Described<typeof CONTAINER_FORMATS>,
});
export const SshKeyPolicyEnum = builder.enumType('SshKeyPolicy', {
  description: 'Whether servers booted from an image take an SSH key (Gcore ssh_key). Recorded for the cloud; the catalog enforces nothing.',
  values: {
    ALLOW: { description: 'An SSH key may be given.' },
    DENY: { description: 'No SSH key may be given.' },
    REQUIRED: { description: 'An SSH key must be given.' },
  } satisfies Described<typeof SSH_KEY_POLICIES>,
});
export const FirmwareEnum = builder.enumType('Firmware', {
  description: 'The firmware a server boots the image with (Glance hw_firmware_type).',
  values: {
    BIOS: { description: 'Legacy BIOS.' },
    UEFI: { description: 'UEFI.' },
  } satisfies Described<typeof FIRMWARES>,
});
export const MachineTypeEnum = builder.enumType('MachineType', {
  description: 'The emulated chipset (Glance hw_machine_type).',
  values: {
    I440: { description: "Intel i440FX (QEMU's pc machine): PCI and IDE." },
    Q35: { description: 'Intel Q35: PCI Express and SATA.' },
  } satisfies Described<typeof MACHINE_TYPES>,
});
export const DiskBusEnum = builder.enumType('DiskBus', {
  description: 'The bus the disk is attached to (Glance hw_disk_bus).',
  values: {
    VIRTIO: { description: 'Paravirtual virtio: fastest; the guest needs virtio drivers.' },
    IDE: { description: 'Emulated IDE: slow, but every guest has a driver.' },
    SCSI: { description: 'An emulated SCSI controller.' },
    SATA: { description: 'An emulated SATA (AHCI) controller.' },
  } satisfies Described<typeof DISK_BUSES>,
});
export const VifModelEnum = builder.enumType('VifModel', {
  description: 'The network card model (Glance hw_vif_model).',
  values: {
    VIRTIO: { description: 'Paravirtual virtio-net; the guest needs virtio drivers.' },
    E1000: { description: 'An emulated Intel e1000 gigabit card.' },
    RTL8139: { description: 'An emulated Realtek RTL8139 fast-ethernet card.' },
  } satisfies Described<typeof VIF_MODELS>,
});
export const VideoModelEnum = builder.enumType('VideoModel', {
  description: 'The video card model (Glance hw_video_model).',
  values: {
    VGA: { description: 'A standard VGA card.' },
    CIRRUS: { description: 'An emulated Cirrus Logic card.' },
    QXL: { description: 'QXL, for SPICE consoles.' },
    VIRTIO: { description: 'Paravirtual virtio-gpu.' },
  } satisfies Described<typeof VIDEO_MODELS>,
});

// Here rather than in member.ts: the image filter needs it, and member.ts needs the image.
export const MemberStatusEnum = builder.enumType('MemberStatus', {
  description: "A member project's answer to an offered image (Glance): it may change its mind either way.",
  values: {
    PENDING: { description: "Not answered yet, as every member starts. The image is readable by id, and listed only when the filter's memberStatus asks for PENDING." },
    ACCEPTED: { description: "Accepted: the image appears in the member's lists." },
    REJECTED: { description: "Declined: the image is readable by id, and listed only when the filter's memberStatus asks for REJECTED." },
  } satisfies Described<MemberStatus>,
});

export const OrderDirectionEnum = builder.enumType('OrderDirection', {
  description: 'Which way a sort key runs. Null values count as the smallest.',
  values: {
    ASC: { description: 'Ascending: smallest, earliest or A first; nulls first.' },
    DESC: { description: 'Descending: largest, latest or Z first; nulls last.' },
  } satisfies Described<Direction>,
});
export const ImageOrderFieldEnum = builder.enumType('ImageOrderField', {
  description: 'What images can be sorted by; the id always breaks ties.',
  values: {
    NAME: { description: 'The name.' },
    CREATED_AT: { description: 'When the image was registered.' },
    UPDATED_AT: { description: 'When the image last changed.' },
    SIZE: { description: 'The size in bytes; images of unknown size count as the smallest.' },
    STATUS: { description: "The status's name, alphabetically." },
  } satisfies Described<ImageOrderField>,
});
