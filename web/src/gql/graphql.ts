/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Glance's container formats: whether the disk comes wrapped, and in what. Recorded only: not checked against the bytes. */
export type ContainerFormat =
  /** Amazon kernel image. */
  | 'AKI'
  /** Amazon machine image. */
  | 'AMI'
  /** Amazon ramdisk image. */
  | 'ARI'
  /** No container: the bytes are the disk. */
  | 'BARE'
  /** A compressed file; the consumer works out the compression. */
  | 'COMPRESSED'
  /** A Docker tar archive of a container file system. */
  | 'DOCKER'
  /** An OVF package in one tar archive. */
  | 'OVA'
  /** An Open Virtualization Format package. */
  | 'OVF';

/** Glance's gt:/gte:/lt:/lte:/eq:/neq: comparisons; every one given must hold. */
export type DateTimeFilter = {
  /** At exactly this instant (times are kept to the millisecond). */
  eq?: string | null | undefined;
  /** After this instant. */
  gt?: string | null | undefined;
  /** At or after this instant. */
  gte?: string | null | undefined;
  /** Before this instant. */
  lt?: string | null | undefined;
  /** At or before this instant. */
  lte?: string | null | undefined;
  /** At any other instant. */
  neq?: string | null | undefined;
};

/** The bus the disk is attached to (Glance hw_disk_bus). */
export type DiskBus =
  /** Emulated IDE: slow, but every guest has a driver. */
  | 'IDE'
  /** An emulated SATA (AHCI) controller. */
  | 'SATA'
  /** An emulated SCSI controller. */
  | 'SCSI'
  /** Paravirtual virtio: fastest; the guest needs virtio drivers. */
  | 'VIRTIO';

/** Glance's disk formats: how the bytes lay out the disk. Uploaded and imported bytes are checked: QCOW2, VMDK, VDI, VHD, VHDX and ISO are recognised, the others look RAW. */
export type DiskFormat =
  /** Amazon kernel image. */
  | 'AKI'
  /** Amazon machine image. */
  | 'AMI'
  /** Amazon ramdisk image. */
  | 'ARI'
  /** An optical disc image (ISO 9660), e.g. an installer. */
  | 'ISO'
  /** Virtuozzo's ploop disk. */
  | 'PLOOP'
  /** QEMU copy-on-write, version 2. */
  | 'QCOW2'
  /** The disk's bytes as they are, without structure. */
  | 'RAW'
  /** VirtualBox Disk Image. */
  | 'VDI'
  /** Microsoft's Virtual Hard Disk. */
  | 'VHD'
  /** Microsoft's Virtual Hard Disk v2 (Hyper-V). */
  | 'VHDX'
  /** VMware's Virtual Machine Disk. */
  | 'VMDK';

/** What kind of expected failure an error is; a query's error carries the same code in extensions.code. */
export type ErrorCode =
  /** Several visible images share the name asked for: ask by id. */
  | 'AMBIGUOUS_NAME'
  /** A failure with no kind of its own: the message says what. */
  | 'BAD_REQUEST'
  /** A query argument cannot be understood: a malformed cursor, search or id. */
  | 'BAD_USER_INPUT'
  /** The change collides with the current state (ConflictError). */
  | 'CONFLICT'
  /** The bytes are another disk format than the image declares. */
  | 'DISK_FORMAT_MISMATCH'
  /** The caller may see the thing but not do this to it (ForbiddenError). */
  | 'FORBIDDEN'
  /** The image manifest is not JSON or breaks its contract (InvalidManifestError). */
  | 'INVALID_MANIFEST'
  /** The image status machine does not allow the change (InvalidStatusTransitionError). */
  | 'INVALID_STATUS_TRANSITION'
  /** Reference data still in use cannot be deleted (InUseError). */
  | 'IN_USE'
  /** The thing does not exist, or the caller may not know that it does (NotFoundError). */
  | 'NOT_FOUND'
  /** A protected image cannot be deleted (ProtectedImageError). */
  | 'PROTECTED'
  /** The change touches the provider's read-only metadata (ReadOnlyMetadataError). */
  | 'READ_ONLY'
  /** A document the request needs could not be fetched (SourceUnavailableError). */
  | 'SOURCE_UNAVAILABLE'
  /** The server will not fetch the URL given (UrlRefusedError). */
  | 'URL_REFUSED'
  /** The input was refused (ValidationError). */
  | 'VALIDATION_FAILED';

/** The firmware a server boots the image with (Glance hw_firmware_type). */
export type Firmware =
  /** Legacy BIOS. */
  | 'BIOS'
  /** UEFI. */
  | 'UEFI';

/** The input of imageCreate: the new image's record, its region and its metadata. */
export type ImageCreateInput = {
  /** The CPU architecture the image is built for. */
  architectureId?: string | number | null | undefined;
  /** The compute resource the image belongs to (Foreman); required with providerRef. */
  computeResourceId?: string | number | null | undefined;
  /** The container the disk comes in (Glance container_format). */
  containerFormat?: ContainerFormat | null | undefined;
  /** Whether the server shuts down after first start (Danube); false for a new image unless given. */
  deploy?: boolean | null | undefined;
  /** Free text, at most 4096 characters. */
  description?: string | null | undefined;
  /** How the bytes lay out the disk; when not set, uploaded or imported bytes set it. Bytes of another format end the image KILLED. */
  diskFormat?: DiskFormat | null | undefined;
  /** Where clients list the image among others (Gcore display_order), any 32-bit integer; 0 for a new image unless given. */
  displayOrder?: number | null | undefined;
  /** Virtual hardware the image asks for. */
  hardware?: ImageHardwareInput | null | undefined;
  /** true leaves the image out of lists unless the filter asks for hidden images (Glance os_hidden). A new image is not hidden. */
  hidden?: boolean | null | undefined;
  /** Whether the image is for bare-metal servers (Gcore is_baremetal); false for a new image unless given. */
  isBaremetal?: boolean | null | undefined;
  /** Metadata items to create with the image: at most 128, each key once. */
  metadata?: Array<ImageCreateMetadataInput> | null | undefined;
  /** Disk space in GB needed to boot the image: 0 to 2147483647; 0 for a new image unless given. */
  minDisk?: number | null | undefined;
  /** RAM in MB needed to boot the image: 0 to 2147483647; 0 for a new image unless given. */
  minRam?: number | null | undefined;
  /** The display name: 1 to 255 characters without leading or trailing whitespace, unique among the live images of its owner in its region. */
  name: string;
  /** The operating system installed on the image. */
  operatingSystemId?: string | number | null | undefined;
  /** The distribution, e.g. ubuntu (Glance os_distro), at most 64 characters. */
  osDistro?: string | null | undefined;
  /** The kind of operating system, e.g. linux or windows (Gcore os_type), at most 32 characters. */
  osType?: string | null | undefined;
  /** The distribution's version, e.g. 24.04 (Glance os_version), at most 64 characters. */
  osVersion?: string | null | undefined;
  /** The owning project. A member's images are its own project's; only administrators may name another, or none (the provider's catalog). */
  ownerId?: string | number | null | undefined;
  /** Write-only: stored encrypted, never returned. At most 255 characters. */
  password?: string | null | undefined;
  /** true: the image cannot be deleted until this is false again. A new image is not protected. */
  protected?: boolean | null | undefined;
  /** The template's id in the compute resource (Foreman uuid): 1 to 255 characters, unique per compute resource. */
  providerRef?: string | null | undefined;
  /** Usable only in its own region (Danube's dc_bound); true for a new image. Only administrators may set it. */
  regionBound?: boolean | null | undefined;
  /** Where the image is; defaults to the compute resource's region, and must be that region when both are given. */
  regionId?: string | number | null | undefined;
  /** Whether the disk can be resized at first start (Danube); false for a new image unless given. */
  resize?: boolean | null | undefined;
  /** Where the bytes come from: an absolute http, https or ftp URL, at most 2048 characters. Recorded only; imageImport fetches. */
  sourceUrl?: string | null | undefined;
  /** Whether servers booted from the image take an SSH key; ALLOW for a new image unless given. */
  sshKey?: SshKeyPolicy | null | undefined;
  /** The whole set of tags: at most 128, each 1 to 255 characters without leading or trailing whitespace; repeats count once. */
  tags?: Array<string> | null | undefined;
  /** Whether the image supports user data (cloud-init); false for a new image unless given. */
  userData?: boolean | null | undefined;
  /** Login of the image (Foreman), at most 255 characters. */
  username?: string | null | undefined;
  /** The image version (Danube), at most 64 characters. */
  version?: string | null | undefined;
  /** Who may see the image; a new image is PRIVATE unless this says otherwise. Only administrators may choose PUBLIC. */
  visibility?: ImageVisibility | null | undefined;
};

/** A metadata item to create with the image. */
export type ImageCreateMetadataInput = {
  /** The key: 1 to 255 characters, no control characters; each key once per list. */
  key: string;
  /** A read-only item cannot be changed or deleted afterwards. Only administrators may set it; false unless given. */
  readOnly?: boolean | null | undefined;
  /** The value: at most 1024 characters; no control characters but tabs and newlines. */
  value: string;
};

/** Every condition given must hold. Deleted images appear only when status asks for DELETED. */
export type ImageFilter = {
  /** Images for this architecture. */
  architectureId?: string | number | null | undefined;
  /** Images of this compute resource. */
  computeResourceId?: string | number | null | undefined;
  /** Bounds on when the image was registered. */
  createdAt?: DateTimeFilter | null | undefined;
  /** Any of these disk formats. */
  diskFormat?: Array<DiskFormat> | null | undefined;
  /** true lists only hidden images; by default they are left out. */
  hidden?: boolean | null | undefined;
  /** Only the images shared with your project whose membership is in this status (Glance member_status). */
  memberStatus?: MemberStatus | null | undefined;
  /** Exact name. */
  name?: string | null | undefined;
  /** Case-insensitive substring of the name. No index answers it: it costs 20, as a search does. */
  nameContains?: string | null | undefined;
  /** Images with this operating system. */
  operatingSystemId?: string | number | null | undefined;
  /** Images this project owns. */
  ownerId?: string | number | null | undefined;
  /** true lists only protected images, false only unprotected ones. */
  protected?: boolean | null | undefined;
  /** Images in this region. */
  regionId?: string | number | null | undefined;
  /** Bounds on the size in bytes. */
  size?: SizeRange | null | undefined;
  /** Any of these statuses. A deleted image (PENDING_DELETE or DELETED) matches only when the list includes DELETED. */
  status?: Array<ImageStatus> | null | undefined;
  /** Images carrying all of these tags. */
  tags?: Array<string> | null | undefined;
  /** Bounds on when the image last changed. */
  updatedAt?: DateTimeFilter | null | undefined;
  /** Any of these visibilities. Other projects' COMMUNITY images are listed only when the list includes COMMUNITY. */
  visibility?: Array<ImageVisibility> | null | undefined;
};

/** Virtual hardware the image asks for (Glance hw_* properties): a part left out is not set or not changed, null clears it. */
export type ImageHardwareInput = {
  /** The bus of the disk (hw_disk_bus). */
  diskBus?: DiskBus | null | undefined;
  /** BIOS or UEFI (hw_firmware_type). */
  firmware?: Firmware | null | undefined;
  /** The emulated chipset (hw_machine_type). */
  machineType?: MachineType | null | undefined;
  /** The video card model (hw_video_model). */
  videoModel?: VideoModel | null | undefined;
  /** The network card model (hw_vif_model). */
  vifModel?: VifModel | null | undefined;
};

/** The input of imageImport: where to fetch the file from, and the new image's record. */
export type ImageImportInput = {
  /** The CPU architecture the image is built for. */
  architectureId?: string | number | null | undefined;
  /** The MD5 the file must have, 32 hex digits, agreeing with the manifest's if it states one; a mismatch ends the image KILLED. */
  checksum?: string | null | undefined;
  /** The container the disk comes in (Glance container_format). */
  containerFormat?: ContainerFormat | null | undefined;
  /** Whether the server shuts down after first start (Danube); false for a new image unless given. */
  deploy?: boolean | null | undefined;
  /** Free text, at most 4096 characters. */
  description?: string | null | undefined;
  /** How the bytes lay out the disk; when not set, uploaded or imported bytes set it. Bytes of another format end the image KILLED. */
  diskFormat?: DiskFormat | null | undefined;
  /** Where clients list the image among others (Gcore display_order), any 32-bit integer; 0 for a new image unless given. */
  displayOrder?: number | null | undefined;
  /** Virtual hardware the image asks for. */
  hardware?: ImageHardwareInput | null | undefined;
  /** true leaves the image out of lists unless the filter asks for hidden images (Glance os_hidden). A new image is not hidden. */
  hidden?: boolean | null | undefined;
  /** Whether the image is for bare-metal servers (Gcore is_baremetal); false for a new image unless given. */
  isBaremetal?: boolean | null | undefined;
  /** An http or https URL of a JSON manifest naming the file and describing it (Danube); its fields are defaults for those not given here. */
  manifestUrl?: string | null | undefined;
  /** Disk space in GB needed to boot the image: 0 to 2147483647; 0 for a new image unless given. */
  minDisk?: number | null | undefined;
  /** RAM in MB needed to boot the image: 0 to 2147483647; 0 for a new image unless given. */
  minRam?: number | null | undefined;
  /** Required with url; with manifestUrl it defaults to the manifest's name. */
  name?: string | null | undefined;
  /** The operating system installed on the image. */
  operatingSystemId?: string | number | null | undefined;
  /** The distribution, e.g. ubuntu (Glance os_distro), at most 64 characters. */
  osDistro?: string | null | undefined;
  /** The kind of operating system, e.g. linux or windows (Gcore os_type), at most 32 characters. */
  osType?: string | null | undefined;
  /** The distribution's version, e.g. 24.04 (Glance os_version), at most 64 characters. */
  osVersion?: string | null | undefined;
  /** The owning project. A member's images are its own project's; only administrators may name another, or none (the provider's catalog). */
  ownerId?: string | number | null | undefined;
  /** Write-only: stored encrypted, never returned. At most 255 characters. */
  password?: string | null | undefined;
  /** true: the image cannot be deleted until this is false again. A new image is not protected. */
  protected?: boolean | null | undefined;
  /** Usable only in its own region (Danube's dc_bound); true for a new image. Only administrators may set it. */
  regionBound?: boolean | null | undefined;
  /** The region the image is registered and stored in. */
  regionId: string | number;
  /** Whether the disk can be resized at first start (Danube); false for a new image unless given. */
  resize?: boolean | null | undefined;
  /** Whether servers booted from the image take an SSH key; ALLOW for a new image unless given. */
  sshKey?: SshKeyPolicy | null | undefined;
  /** The whole set of tags: at most 128, each 1 to 255 characters without leading or trailing whitespace; repeats count once. */
  tags?: Array<string> | null | undefined;
  /** The file to fetch (http or https; Lunanode fetch, Glance web-download); give url or manifestUrl, not both. It becomes sourceUrl without its query. */
  url?: string | null | undefined;
  /** Whether the image supports user data (cloud-init); false for a new image unless given. */
  userData?: boolean | null | undefined;
  /** Login of the image (Foreman), at most 255 characters. */
  username?: string | null | undefined;
  /** The image version (Danube), at most 64 characters. */
  version?: string | null | undefined;
  /** true gives the guest virtio disk and network (Lunanode): hardware diskBus and vifModel become VIRTIO. */
  virtio?: boolean | null | undefined;
  /** Who may see the image; a new image is PRIVATE unless this says otherwise. Only administrators may choose PUBLIC. */
  visibility?: ImageVisibility | null | undefined;
};

/** The input of imageMemberAdd: the image to offer and the project to offer it to. */
export type ImageMemberAddInput = {
  /** The SHARED image. */
  imageId: string | number;
  /** The member project. */
  projectId: string | number;
};

/** The input of imageMemberUpdate: which offer, and the answer. */
export type ImageMemberUpdateInput = {
  /** The SHARED image. */
  imageId: string | number;
  /** The member project. */
  projectId: string | number;
  /** The answer to record. */
  status: MemberStatus;
};

/** The input of imageMetadataSet: the image and the items to create or overwrite. */
export type ImageMetadataSetInput = {
  /** The image. */
  id: string | number;
  /** Items to create or overwrite: 1 to 128, each key once. The image may have 128 items in all. */
  items: Array<MetadataItemInput>;
};

/** One sort key of an image list. */
export type ImageOrder = {
  /** Which way; ASC unless given. */
  direction?: OrderDirection;
  /** What to sort by. */
  field: ImageOrderField;
};

/** What images can be sorted by; the id always breaks ties. */
export type ImageOrderField =
  /** When the image was registered. */
  | 'CREATED_AT'
  /** The name. */
  | 'NAME'
  /** The size in bytes; images of unknown size count as the smallest. */
  | 'SIZE'
  /** The status's name, alphabetically. */
  | 'STATUS'
  /** When the image last changed. */
  | 'UPDATED_AT';

/** Glance statuses: QUEUED -> SAVING | IMPORTING -> ACTIVE <-> DEACTIVATED; SAVING -> UPLOADING -> ACTIVE for bytes staged, then imported; -> PENDING_DELETE -> DELETED; failures KILLED. */
export type ImageStatus =
  /** Usable: the bytes are stored and measured, or the image is a compute-resource template. */
  | 'ACTIVE'
  /** Set aside (imageDeactivate): only administrators may download its bytes until it is reactivated. */
  | 'DEACTIVATED'
  /** Deleted and its bytes gone. Listed only when the filter asks for DELETED. */
  | 'DELETED'
  /** An IMPORT or REPLICATE task is fetching or copying the bytes. */
  | 'IMPORTING'
  /** The bytes failed: an import or copy failed for good, or the bytes were not the declared disk format. It can only be deleted. */
  | 'KILLED'
  /** Deleted; its PURGE task is removing the bytes, then it is DELETED. */
  | 'PENDING_DELETE'
  /** Registered without bytes: waiting for an upload, an import or a copy. */
  | 'QUEUED'
  /** Bytes are being uploaded; a failed upload returns the image to QUEUED. */
  | 'SAVING'
  /** Bytes are staged (the Image API's /stage), waiting for the glance-direct import that makes the image ACTIVE. */
  | 'UPLOADING';

/** The input of imageTagAdd: the image and the tags to add. */
export type ImageTagAddInput = {
  /** The image to tag. */
  id: string | number;
  /** The tags to add: at least one, each 1 to 255 characters without leading or trailing whitespace. */
  tags: Array<string>;
};

/** The input of imageTagRemove: the image and the tags to remove. */
export type ImageTagRemoveInput = {
  /** The image to untag. */
  id: string | number;
  /** The tags to remove: at least one, each 1 to 255 characters without leading or trailing whitespace. */
  tags: Array<string>;
};

/** Who may see an image (Glance visibility). Administrators see every image; reseller administrators their clients' images. */
export type ImageVisibility =
  /** Anyone may read it by id; projects other than the owner list it only when the filter asks for COMMUNITY. */
  | 'COMMUNITY'
  /** The owning project alone. */
  | 'PRIVATE'
  /** Every project, unless the shared-image rows of its project or reseller limit a region's public images. Only administrators make an image PUBLIC. */
  | 'PUBLIC'
  /** The owner and its member projects: a member lists it once ACCEPTED, and reads it by id whatever its answer. */
  | 'SHARED';

/** The emulated chipset (Glance hw_machine_type). */
export type MachineType =
  /** Intel i440FX (QEMU's pc machine): PCI and IDE. */
  | 'I440'
  /** Intel Q35: PCI Express and SATA. */
  | 'Q35';

/** A member project's answer to an offered image (Glance): it may change its mind either way. */
export type MemberStatus =
  /** Accepted: the image appears in the member's lists. */
  | 'ACCEPTED'
  /** Not answered yet, as every member starts. The image is readable by id, and listed only when the filter's memberStatus asks for PENDING. */
  | 'PENDING'
  /** Declined: the image is readable by id, and listed only when the filter's memberStatus asks for REJECTED. */
  | 'REJECTED';

/** One item to set. */
export type MetadataItemInput = {
  /** The key: 1 to 255 characters, no control characters; each key once per list. */
  key: string;
  /** The value: at most 1024 characters; no control characters but tabs and newlines. */
  value: string;
};

/** Which way a sort key runs. Null values count as the smallest. */
export type OrderDirection =
  /** Ascending: smallest, earliest or A first; nulls first. */
  | 'ASC'
  /** Descending: largest, latest or Z first; nulls last. */
  | 'DESC';

/** Bytes; every bound given must hold. An image of unknown size matches no bound. */
export type SizeRange = {
  /** More than this many bytes. */
  gt?: number | null | undefined;
  /** At least this many bytes. */
  gte?: number | null | undefined;
  /** Fewer than this many bytes. */
  lt?: number | null | undefined;
  /** At most this many bytes. */
  lte?: number | null | undefined;
};

/** Whether servers booted from an image take an SSH key (Gcore ssh_key). Recorded for the cloud; the catalog enforces nothing. */
export type SshKeyPolicy =
  /** An SSH key may be given. */
  | 'ALLOW'
  /** No SSH key may be given. */
  | 'DENY'
  /** An SSH key must be given. */
  | 'REQUIRED';

/** NEW (queued, or waiting for its next attempt) -> RUNNING -> FINISHED | ERROR. */
export type TaskState =
  /** Failed for good; error says why. */
  | 'ERROR'
  /** Done, for good; progress is 100. */
  | 'FINISHED'
  /** Queued, or waiting for its next attempt after a failed one (error says why it failed). */
  | 'NEW'
  /** An attempt is under way. */
  | 'RUNNING';

/** What a task does. */
export type TaskType =
  /** Registering an image (imageCreate): nothing runs, so it is FINISHED when created. */
  | 'CREATE'
  /** Fetching the image's bytes from a URL, or from the one a manifest names (imageImport). */
  | 'IMPORT'
  /** Removing a deleted image's bytes; FINISHED when created if it had none. */
  | 'PURGE'
  /** Copying an image into another region (imageReplicate). */
  | 'REPLICATE'
  /** The server receiving the image's bytes (PUT /images/:id/file); never retried. */
  | 'UPLOAD';

/** The video card model (Glance hw_video_model). */
export type VideoModel =
  /** An emulated Cirrus Logic card. */
  | 'CIRRUS'
  /** QXL, for SPICE consoles. */
  | 'QXL'
  /** A standard VGA card. */
  | 'VGA'
  /** Paravirtual virtio-gpu. */
  | 'VIRTIO';

/** What kind of principal a token stands for. */
export type ViewerKind =
  /** The provider: sees and may change everything. */
  | 'ADMIN'
  /** A member of one project: sees what the visibility rules give that project. */
  | 'MEMBER'
  /** A reseller's administrator: sees its clients' images, manages its shared-image rows. */
  | 'RESELLER';

/** The network card model (Glance hw_vif_model). */
export type VifModel =
  /** An emulated Intel e1000 gigabit card. */
  | 'E1000'
  /** An emulated Realtek RTL8139 fast-ethernet card. */
  | 'RTL8139'
  /** Paravirtual virtio-net; the guest needs virtio drivers. */
  | 'VIRTIO';

type MutationErrors_BaseError_Fragment = { __typename: 'BaseError', code: ErrorCode, message: string };

type MutationErrors_ConflictError_Fragment = { __typename: 'ConflictError', field: string | null, code: ErrorCode, message: string };

type MutationErrors_ForbiddenError_Fragment = { __typename: 'ForbiddenError', code: ErrorCode, message: string };

type MutationErrors_InUseError_Fragment = { __typename: 'InUseError', code: ErrorCode, message: string };

type MutationErrors_InvalidManifestError_Fragment = { __typename: 'InvalidManifestError', code: ErrorCode, message: string, issues: Array<{ path: Array<string>, message: string }> };

type MutationErrors_InvalidStatusTransitionError_Fragment = { __typename: 'InvalidStatusTransitionError', code: ErrorCode, message: string };

type MutationErrors_NotFoundError_Fragment = { __typename: 'NotFoundError', code: ErrorCode, message: string };

type MutationErrors_ProtectedImageError_Fragment = { __typename: 'ProtectedImageError', code: ErrorCode, message: string };

type MutationErrors_ReadOnlyMetadataError_Fragment = { __typename: 'ReadOnlyMetadataError', keys: Array<string>, code: ErrorCode, message: string };

type MutationErrors_SourceUnavailableError_Fragment = { __typename: 'SourceUnavailableError', field: string | null, code: ErrorCode, message: string };

type MutationErrors_UrlRefusedError_Fragment = { __typename: 'UrlRefusedError', field: string | null, code: ErrorCode, message: string };

type MutationErrors_ValidationError_Fragment = { __typename: 'ValidationError', code: ErrorCode, message: string, issues: Array<{ path: Array<string>, message: string }> };

export type MutationErrorsFragment =
  | MutationErrors_BaseError_Fragment
  | MutationErrors_ConflictError_Fragment
  | MutationErrors_ForbiddenError_Fragment
  | MutationErrors_InUseError_Fragment
  | MutationErrors_InvalidManifestError_Fragment
  | MutationErrors_InvalidStatusTransitionError_Fragment
  | MutationErrors_NotFoundError_Fragment
  | MutationErrors_ProtectedImageError_Fragment
  | MutationErrors_ReadOnlyMetadataError_Fragment
  | MutationErrors_SourceUnavailableError_Fragment
  | MutationErrors_UrlRefusedError_Fragment
  | MutationErrors_ValidationError_Fragment
;

export type CatalogQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
  filter?: ImageFilter | null | undefined;
  orderBy?: Array<ImageOrder> | ImageOrder | null | undefined;
  search?: string | null | undefined;
}>;


export type CatalogQuery = { images: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, name: string, status: ImageStatus, visibility: ImageVisibility, size: number | null, updatedAt: string, region: { id: string, name: string }, owner: { id: string, name: string } | null } }> } };

export type RegionsQueryVariables = Exact<{ [key: string]: never; }>;


export type RegionsQuery = { regions: { edges: Array<{ node: { id: string, name: string } }> } };

export type ProjectsQueryVariables = Exact<{ [key: string]: never; }>;


export type ProjectsQuery = { projects: { edges: Array<{ node: { id: string, name: string } }> } };

export type ImagePageQueryVariables = Exact<{
  id: string | number;
}>;


export type ImagePageQuery = { image: { id: string, name: string, status: ImageStatus, visibility: ImageVisibility, description: string | null, version: string | null, diskFormat: DiskFormat | null, size: number | null, checksum: string | null, protected: boolean, tags: Array<string>, updatedAt: string, region: { id: string, name: string }, owner: { id: string, name: string } | null, metadata: Array<{ id: string, key: string, value: string, readOnly: boolean }>, members: Array<{ id: string, status: MemberStatus, project: { id: string, name: string } }>, replicas: Array<{ id: string, name: string, status: ImageStatus, region: { id: string, name: string } }> } | null, viewer: { kind: ViewerKind, readOnly: boolean, project: { id: string } | null } };

export type ImageTasksQueryVariables = Exact<{
  id: string | number;
}>;


export type ImageTasksQuery = { tasks: { edges: Array<{ node: { id: string, type: TaskType, state: TaskState, progress: number, bytesDone: number, bytesTotal: number | null, error: string | null, createdAt: string } }> } };

export type ImageCreateMutationVariables = Exact<{
  input: ImageCreateInput;
}>;


export type ImageCreateMutation = { imageCreate:
    | { __typename: 'BaseError', code: ErrorCode, message: string }
    | { __typename: 'ConflictError', field: string | null, code: ErrorCode, message: string }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'ImageCreatePayload', image: { id: string, name: string, status: ImageStatus } | null }
    | { __typename: 'ValidationError', code: ErrorCode, message: string, issues: Array<{ path: Array<string>, message: string }> }
   };

export type ImageImportMutationVariables = Exact<{
  input: ImageImportInput;
}>;


export type ImageImportMutation = { imageImport:
    | { __typename: 'BaseError', code: ErrorCode, message: string }
    | { __typename: 'ConflictError', field: string | null, code: ErrorCode, message: string }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'ImageImportPayload', image: { id: string, name: string, status: ImageStatus } | null, task: { id: string, type: TaskType, state: TaskState, progress: number, bytesDone: number, bytesTotal: number | null } | null }
    | { __typename: 'InvalidManifestError', code: ErrorCode, message: string, issues: Array<{ path: Array<string>, message: string }> }
    | { __typename: 'SourceUnavailableError', field: string | null, code: ErrorCode, message: string }
    | { __typename: 'UrlRefusedError', field: string | null, code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string, issues: Array<{ path: Array<string>, message: string }> }
   };

export type ImageMetadataSetMutationVariables = Exact<{
  input: ImageMetadataSetInput;
}>;


export type ImageMetadataSetMutation = { imageMetadataSet:
    | { __typename: 'BaseError', code: ErrorCode, message: string }
    | { __typename: 'ConflictError', field: string | null, code: ErrorCode, message: string }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'ImageMetadataSetPayload', image: { id: string, metadata: Array<{ id: string, key: string, value: string, readOnly: boolean }> } | null }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'ReadOnlyMetadataError', keys: Array<string>, code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string, issues: Array<{ path: Array<string>, message: string }> }
   };

export type ImageTagAddMutationVariables = Exact<{
  input: ImageTagAddInput;
}>;


export type ImageTagAddMutation = { imageTagAdd:
    | { __typename: 'BaseError', code: ErrorCode, message: string }
    | { __typename: 'ConflictError', field: string | null, code: ErrorCode, message: string }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'ImageTagAddPayload', image: { id: string, tags: Array<string> } | null }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string, issues: Array<{ path: Array<string>, message: string }> }
   };

export type ImageTagRemoveMutationVariables = Exact<{
  input: ImageTagRemoveInput;
}>;


export type ImageTagRemoveMutation = { imageTagRemove:
    | { __typename: 'BaseError', code: ErrorCode, message: string }
    | { __typename: 'ConflictError', field: string | null, code: ErrorCode, message: string }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'ImageTagRemovePayload', image: { id: string, tags: Array<string> } | null }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string, issues: Array<{ path: Array<string>, message: string }> }
   };

export type ImageMemberAddMutationVariables = Exact<{
  input: ImageMemberAddInput;
}>;


export type ImageMemberAddMutation = { imageMemberAdd:
    | { __typename: 'BaseError', code: ErrorCode, message: string }
    | { __typename: 'ConflictError', field: string | null, code: ErrorCode, message: string }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'ImageMemberAddPayload', member: { id: string, status: MemberStatus, project: { id: string, name: string }, image: { id: string, members: Array<{ id: string, status: MemberStatus, project: { id: string, name: string } }> } } | null }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string, issues: Array<{ path: Array<string>, message: string }> }
   };

export type ImageMemberUpdateMutationVariables = Exact<{
  input: ImageMemberUpdateInput;
}>;


export type ImageMemberUpdateMutation = { imageMemberUpdate:
    | { __typename: 'BaseError', code: ErrorCode, message: string }
    | { __typename: 'ConflictError', field: string | null, code: ErrorCode, message: string }
    | { __typename: 'ForbiddenError', code: ErrorCode, message: string }
    | { __typename: 'ImageMemberUpdatePayload', member: { id: string, status: MemberStatus } | null }
    | { __typename: 'NotFoundError', code: ErrorCode, message: string }
    | { __typename: 'ValidationError', code: ErrorCode, message: string, issues: Array<{ path: Array<string>, message: string }> }
   };

export type StatusChangedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type StatusChangedSubscription = { imageStatusChanged: { status: ImageStatus, previousStatus: ImageStatus | null, at: string, image: { id: string, status: ImageStatus, size: number | null, checksum: string | null, diskFormat: DiskFormat | null, updatedAt: string } } };

export type ImageStatusSubscriptionVariables = Exact<{
  id: string | number;
}>;


export type ImageStatusSubscription = { imageStatusChanged: { status: ImageStatus, previousStatus: ImageStatus | null, at: string, image: { id: string, status: ImageStatus, size: number | null, checksum: string | null, diskFormat: DiskFormat | null, updatedAt: string } } };

export type TaskProgressSubscriptionVariables = Exact<{
  id: string | number;
}>;


export type TaskProgressSubscription = { taskUpdated: { id: string, type: TaskType, state: TaskState, progress: number, bytesDone: number, bytesTotal: number | null, error: string | null } };

export type TaskUpdatedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type TaskUpdatedSubscription = { taskUpdated: { id: string, type: TaskType, state: TaskState, progress: number, bytesDone: number, bytesTotal: number | null, error: string | null } };

export const MutationErrorsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MutationErrors"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidManifestError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConflictError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UrlRefusedError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SourceUnavailableError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReadOnlyMetadataError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"keys"}}]}}]}}]} as unknown as DocumentNode<MutationErrorsFragment, unknown>;
export const CatalogDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Catalog"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"last"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"before"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ImageFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ImageOrder"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"images"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"Variable","name":{"kind":"Name","value":"last"}}},{"kind":"Argument","name":{"kind":"Name","value":"before"},"value":{"kind":"Variable","name":{"kind":"Name","value":"before"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<CatalogQuery, CatalogQueryVariables>;
export const RegionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Regions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"regions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RegionsQuery, RegionsQueryVariables>;
export const ProjectsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Projects"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"projects"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ProjectsQuery, ProjectsQueryVariables>;
export const ImagePageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ImagePage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"image"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"diskFormat"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"checksum"}},{"kind":"Field","name":{"kind":"Name","value":"protected"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"metadata"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"readOnly"}}]}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"project"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"replicas"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"readOnly"}},{"kind":"Field","name":{"kind":"Name","value":"project"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<ImagePageQuery, ImagePageQueryVariables>;
export const ImageTasksDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ImageTasks"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tasks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"imageId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"bytesDone"}},{"kind":"Field","name":{"kind":"Name","value":"bytesTotal"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ImageTasksQuery, ImageTasksQueryVariables>;
export const ImageCreateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImageCreate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ImageCreateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"imageCreate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ImageCreatePayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"image"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MutationErrors"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MutationErrors"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidManifestError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConflictError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UrlRefusedError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SourceUnavailableError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReadOnlyMetadataError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"keys"}}]}}]}}]} as unknown as DocumentNode<ImageCreateMutation, ImageCreateMutationVariables>;
export const ImageImportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImageImport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ImageImportInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"imageImport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ImageImportPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"image"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"task"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"bytesDone"}},{"kind":"Field","name":{"kind":"Name","value":"bytesTotal"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MutationErrors"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MutationErrors"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidManifestError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConflictError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UrlRefusedError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SourceUnavailableError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReadOnlyMetadataError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"keys"}}]}}]}}]} as unknown as DocumentNode<ImageImportMutation, ImageImportMutationVariables>;
export const ImageMetadataSetDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImageMetadataSet"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ImageMetadataSetInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"imageMetadataSet"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ImageMetadataSetPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"image"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"metadata"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"readOnly"}}]}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MutationErrors"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MutationErrors"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidManifestError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConflictError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UrlRefusedError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SourceUnavailableError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReadOnlyMetadataError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"keys"}}]}}]}}]} as unknown as DocumentNode<ImageMetadataSetMutation, ImageMetadataSetMutationVariables>;
export const ImageTagAddDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImageTagAdd"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ImageTagAddInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"imageTagAdd"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ImageTagAddPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"image"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MutationErrors"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MutationErrors"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidManifestError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConflictError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UrlRefusedError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SourceUnavailableError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReadOnlyMetadataError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"keys"}}]}}]}}]} as unknown as DocumentNode<ImageTagAddMutation, ImageTagAddMutationVariables>;
export const ImageTagRemoveDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImageTagRemove"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ImageTagRemoveInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"imageTagRemove"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ImageTagRemovePayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"image"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MutationErrors"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MutationErrors"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidManifestError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConflictError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UrlRefusedError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SourceUnavailableError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReadOnlyMetadataError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"keys"}}]}}]}}]} as unknown as DocumentNode<ImageTagRemoveMutation, ImageTagRemoveMutationVariables>;
export const ImageMemberAddDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImageMemberAdd"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ImageMemberAddInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"imageMemberAdd"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ImageMemberAddPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"member"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"project"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"image"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"project"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MutationErrors"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MutationErrors"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidManifestError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConflictError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UrlRefusedError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SourceUnavailableError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReadOnlyMetadataError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"keys"}}]}}]}}]} as unknown as DocumentNode<ImageMemberAddMutation, ImageMemberAddMutationVariables>;
export const ImageMemberUpdateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImageMemberUpdate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ImageMemberUpdateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"imageMemberUpdate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ImageMemberUpdatePayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"member"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"MutationErrors"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MutationErrors"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidManifestError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ConflictError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UrlRefusedError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SourceUnavailableError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReadOnlyMetadataError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"keys"}}]}}]}}]} as unknown as DocumentNode<ImageMemberUpdateMutation, ImageMemberUpdateMutationVariables>;
export const StatusChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"StatusChanged"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"imageStatusChanged"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"previousStatus"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"image"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"checksum"}},{"kind":"Field","name":{"kind":"Name","value":"diskFormat"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]}}]} as unknown as DocumentNode<StatusChangedSubscription, StatusChangedSubscriptionVariables>;
export const ImageStatusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ImageStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"imageStatusChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"previousStatus"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"image"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"size"}},{"kind":"Field","name":{"kind":"Name","value":"checksum"}},{"kind":"Field","name":{"kind":"Name","value":"diskFormat"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]}}]} as unknown as DocumentNode<ImageStatusSubscription, ImageStatusSubscriptionVariables>;
export const TaskProgressDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"TaskProgress"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"taskUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"bytesDone"}},{"kind":"Field","name":{"kind":"Name","value":"bytesTotal"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}}]} as unknown as DocumentNode<TaskProgressSubscription, TaskProgressSubscriptionVariables>;
export const TaskUpdatedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"TaskUpdated"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"taskUpdated"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"bytesDone"}},{"kind":"Field","name":{"kind":"Name","value":"bytesTotal"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}}]} as unknown as DocumentNode<TaskUpdatedSubscription, TaskUpdatedSubscriptionVariables>;