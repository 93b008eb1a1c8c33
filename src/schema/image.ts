// Image: the node, its connection and filters, the root fields that return images, the
// nested `images` connections of the reference types, and the mutations on one image.
import { Image } from '../db/entities/image.js';
import type { Task } from '../db/entities/task.js';
import type { DomainContext } from '../domain/context.js';
import {
  ConflictError, ForbiddenError, InvalidStatusTransitionError, NotFoundError, ProtectedImageError, ValidationError,
} from '../domain/errors.js';
import { type ImageFilter, type ImageListArgs, type ImageRow, danubeAccess, imageByName, imagesById, listImages } from '../domain/image-catalog.js';
import { SEARCH_FIELDS } from '../domain/search/to-sql.js';
import { SEARCH_MAX_LENGTH } from '../domain/search/parse.js';
import {
  addImageTags, createImage, deleteImage, removeImageTags, renameImage, setImageActivation, updateImage,
} from '../domain/images.js';
import { refId } from '../domain/rows.js';
import { ArchitectureRef } from './architecture.js';
import { MAX_METADATA_ITEMS, METADATA_KEY_MAX, METADATA_VALUE_MAX } from '../domain/validation.js';
import { builder } from './builder.js';
import { resultUnion } from './errors.js';
import { ComputeResourceRef } from './compute-resource.js';
import { toConnection } from './connection.js';
import {
  ContainerFormatEnum, DiskBusEnum, DiskFormatEnum, FirmwareEnum, ImageAccessEnum, ImageOrderFieldEnum, ImageStatusEnum,
  MemberStatusEnum,
  MachineTypeEnum, OrderDirectionEnum, SshKeyPolicyEnum, VideoModelEnum, VifModelEnum, VisibilityEnum,
} from './image-enums.js';
import { viaLoader } from './loaded.js';
import { OperatingSystemRef } from './operating-system.js';
import { ProjectRef } from './project.js';
import { RegionRef } from './region.js';
import { TaskRef } from './task.js';
import { COST } from './cost.js';

export const ImageRef = builder.loadableNodeRef<ImageRow, string>('Image', {
  id: { resolve: (image) => image.id },
  // Visibility is applied inside: an image the caller may not see loads as null.
  load: (ids, ctx) => imagesById(ctx, ids),
  toKey: (image) => image.id,
  sort: true,
  cacheResolved: true,
});

const HardwareRef = builder.objectRef<ImageRow>('ImageHardware').implement({
  description: 'Virtual hardware the image asks for (Glance hw_* properties).',
  fields: (t) => ({
    firmware: t.expose('hwFirmware', { type: FirmwareEnum, nullable: true, description: 'BIOS or UEFI (hw_firmware_type); null when not set.' }),
    machineType: t.expose('hwMachineType', { type: MachineTypeEnum, nullable: true, description: 'The emulated chipset (hw_machine_type); null when not set.' }),
    diskBus: t.expose('hwDiskBus', { type: DiskBusEnum, nullable: true, description: 'The bus of the disk (hw_disk_bus); null when not set.' }),
    vifModel: t.expose('hwVifModel', { type: VifModelEnum, nullable: true, description: 'The network card model (hw_vif_model); null when not set.' }),
    videoModel: t.expose('hwVideoModel', { type: VideoModelEnum, nullable: true, description: 'The video card model (hw_video_model); null when not set.' }),
  }),
});

ImageRef.implement({
  description: 'A disk image that virtual machines boot from.',
  authScopes: { authenticated: true },
  fields: (t) => ({
    name: t.exposeString('name', { description: 'The display name: 1 to 255 characters, unique among the live images of its owner in its region.' }),
    description: t.exposeString('description', { nullable: true, description: 'Free text, up to 4096 characters; null when none.' }),
    version: t.exposeString('version', { nullable: true, description: 'The image version (Danube), e.g. "1.0"; null when none.' }),
    status: t.expose('status', { type: ImageStatusEnum, description: 'Where the image is in its life: whether its bytes are stored and usable (Glance status).' }),
    visibility: t.expose('visibility', { type: VisibilityEnum, description: 'Who may see the image (Glance visibility).' }),
    access: t.field({
      type: ImageAccessEnum,
      description: "Danube's access: DELETED once deleted, PUBLIC for PUBLIC images, else PRIVATE.",
      resolve: (image) => danubeAccess(image),
    }),
    protected: t.exposeBoolean('protected', { description: 'A protected image cannot be deleted until this is false again.' }),
    hidden: t.exposeBoolean('hidden', { description: 'Hidden images (Glance os_hidden) are listed only when asked for.' }),
    tags: t.exposeStringList('tags', { description: 'Labels, a set: each once, in the order first given.' }),
    diskFormat: t.expose('diskFormat', {
      type: DiskFormatEnum,
      nullable: true,
      description: 'How the bytes lay out the disk; null until declared, or detected from uploaded or imported bytes.',
    }),
    containerFormat: t.expose('containerFormat', { type: ContainerFormatEnum, nullable: true, description: 'The container the disk comes in; null when not declared.' }),
    minDisk: t.exposeInt('minDisk', { description: 'Disk space in GB needed to boot the image; 0 when not stated.' }),
    minRam: t.exposeInt('minRam', { description: 'RAM in MB needed to boot the image; 0 when not stated.' }),
    size: t.expose('size', { type: 'SafeInt', nullable: true, description: 'Bytes stored; null until the bytes are uploaded, imported or copied.' }),
    virtualSize: t.expose('virtualSize', {
      type: 'SafeInt',
      nullable: true,
      description: 'Bytes the guest sees: read from a QCOW2, VMDK, VDI or VHD header, the file size for RAW; null when unknown.',
    }),
    checksum: t.exposeString('checksum', { nullable: true, description: 'MD5 of the bytes, 32 lower-case hex digits (Glance checksum); null until bytes are stored.' }),
    hashAlgo: t.exposeString('hashAlgo', { nullable: true, description: 'Algorithm of hashValue, sha512 (Glance os_hash_algo); null until bytes are stored.' }),
    hashValue: t.exposeString('hashValue', {
      nullable: true,
      description: 'Digest of the bytes by hashAlgo, 128 lower-case hex digits for SHA-512 (Glance os_hash_value); null until bytes are stored.',
    }),
    owner: t.field({
      type: ProjectRef,
      nullable: true,
      description: "The owning project; null for the provider's own catalog.",
      resolve: (image, _args, ctx) => viaLoader(ProjectRef, ctx, image.owner),
    }),
    region: t.field({
      type: RegionRef,
      description: 'Where the image and its bytes are.',
      resolve: (image, _args, ctx) => viaLoader(RegionRef, ctx, image.region)!,
    }),
    operatingSystem: t.field({
      type: OperatingSystemRef,
      nullable: true,
      description: 'The operating system installed on the image; null when not set.',
      resolve: (image, _args, ctx) => viaLoader(OperatingSystemRef, ctx, image.operatingSystem),
    }),
    architecture: t.field({
      type: ArchitectureRef,
      nullable: true,
      description: 'The CPU architecture the image is built for; null when not set.',
      resolve: (image, _args, ctx) => viaLoader(ArchitectureRef, ctx, image.architecture),
    }),
    computeResource: t.field({
      type: ComputeResourceRef,
      nullable: true,
      description: 'The compute resource the image belongs to (Foreman); null when none.',
      resolve: (image, _args, ctx) => viaLoader(ComputeResourceRef, ctx, image.computeResource),
    }),
    providerRef: t.exposeString('providerRef', {
      nullable: true,
      description: "The template's id in its compute resource (Foreman uuid); unique per compute resource.",
    }),
    username: t.exposeString('username', { nullable: true, description: 'Login of the image (Foreman); null when none.' }),
    hasPassword: t.boolean({
      description: 'Whether a login password is stored. The password itself is write-only.',
      resolve: (image) => image.passwordCipher != null,
    }),
    userData: t.exposeBoolean('userData', { description: 'Whether the image supports user data (cloud-init); false unless set.' }),
    osType: t.exposeString('osType', { nullable: true, description: 'The kind of operating system, e.g. linux or windows (Gcore os_type); null when not set.' }),
    osDistro: t.exposeString('osDistro', { nullable: true, description: 'The distribution, e.g. ubuntu (Glance os_distro); null when not set.' }),
    osVersion: t.exposeString('osVersion', { nullable: true, description: 'The distribution\'s version, e.g. 24.04 (Glance os_version); null when not set.' }),
    sshKey: t.expose('sshKey', { type: SshKeyPolicyEnum, description: 'Whether servers booted from the image take an SSH key; ALLOW unless set.' }),
    isBaremetal: t.exposeBoolean('isBaremetal', { description: 'Whether the image is for bare-metal servers (Gcore is_baremetal); false unless set.' }),
    hardware: t.field({ type: HardwareRef, description: 'Virtual hardware the image asks for; never null, its parts are.', resolve: (image) => image }),
    displayOrder: t.exposeInt('displayOrder', {
      description: 'Where clients list the image among others (Gcore display_order); 0 unless set. The catalog does not sort by it.',
    }),
    resize: t.exposeBoolean('resize', { description: 'Whether the disk can be resized at first start (Danube); false unless set.' }),
    deploy: t.exposeBoolean('deploy', { description: 'Whether the server shuts down after first start (Danube); false unless set.' }),
    regionBound: t.exposeBoolean('regionBound', { description: "Usable only in its own region (Danube's dc_bound); true unless an administrator clears it." }),
    sourceUrl: t.exposeString('sourceUrl', {
      nullable: true,
      description: 'Where the bytes came from: the URL given when registering, or the import or manifest URL without its query; null when unknown.',
    }),
    replicaOf: t.field({
      type: ImageRef,
      nullable: true,
      description: 'The image this one was copied from (imageReplicate); null for an original, or when the source is deleted or hidden from the caller.',
      // Always through the loader: an image is shown only as the visibility scope returns it.
      resolve: (image) => refId(image.replicaOf),
    }),
    rowVersion: t.exposeInt('rowVersion', { description: 'Goes up with every change of the image: pass it as expectedVersion to update only this version.' }),
    deletedAt: t.expose('deletedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When the image was deleted; null while it is live. Deleted images are listed only by a status filter with DELETED.',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the image was registered.' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When the image record last changed.' }),
  }),
});

// --- Lists --------------------------------------------------------------------------------

export const ImageConnection = builder.connectionObject(
  { type: ImageRef, name: 'ImageConnection', description: 'A page of images.' },
  { name: 'ImageEdge', description: 'An image in a page, with its cursor.' },
);
const SizeRange = builder.inputType('SizeRange', {
  description: 'Bytes; every bound given must hold. An image of unknown size matches no bound.',
  fields: (t) => ({
    gt: t.field({ type: 'SafeInt', description: 'More than this many bytes.' }),
    gte: t.field({ type: 'SafeInt', description: 'At least this many bytes.' }),
    lt: t.field({ type: 'SafeInt', description: 'Fewer than this many bytes.' }),
    lte: t.field({ type: 'SafeInt', description: 'At most this many bytes.' }),
  }),
});

const DateTimeFilter = builder.inputType('DateTimeFilter', {
  description: "Glance's gt:/gte:/lt:/lte:/eq:/neq: comparisons; every one given must hold.",
  fields: (t) => ({
    gt: t.field({ type: 'DateTime', description: 'After this instant.' }),
    gte: t.field({ type: 'DateTime', description: 'At or after this instant.' }),
    lt: t.field({ type: 'DateTime', description: 'Before this instant.' }),
    lte: t.field({ type: 'DateTime', description: 'At or before this instant.' }),
    eq: t.field({ type: 'DateTime', description: 'At exactly this instant (times are kept to the millisecond).' }),
    neq: t.field({ type: 'DateTime', description: 'At any other instant.' }),
  }),
});

const ImageFilterInput = builder.inputType('ImageFilter', {
  description: 'Every condition given must hold. Deleted images appear only when status asks for DELETED.',
  fields: (t) => ({
    name: t.string({ description: 'Exact name.' }),
    nameContains: t.string({
      description: `Case-insensitive substring of the name. No index answers it: it costs ${COST.search}, as a search does.`,
    }),
    status: t.field({
      type: [ImageStatusEnum],
      description: 'Any of these statuses. A deleted image (PENDING_DELETE or DELETED) matches only when the list includes DELETED.',
    }),
    visibility: t.field({
      type: [VisibilityEnum],
      description: "Any of these visibilities. Other projects' COMMUNITY images are listed only when the list includes COMMUNITY.",
    }),
    tags: t.stringList({ description: 'Images carrying all of these tags.' }),
    protected: t.boolean({ description: 'true lists only protected images, false only unprotected ones.' }),
    hidden: t.boolean({ description: 'true lists only hidden images; by default they are left out.' }),
    memberStatus: t.field({
      type: MemberStatusEnum,
      description: 'Only the images shared with your project whose membership is in this status (Glance member_status).',
    }),
    ownerId: t.globalID({ for: ProjectRef, description: 'Images this project owns.' }),
    regionId: t.globalID({ for: RegionRef, description: 'Images in this region.' }),
    operatingSystemId: t.globalID({ for: OperatingSystemRef, description: 'Images with this operating system.' }),
    architectureId: t.globalID({ for: ArchitectureRef, description: 'Images for this architecture.' }),
    computeResourceId: t.globalID({ for: ComputeResourceRef, description: 'Images of this compute resource.' }),
    diskFormat: t.field({ type: [DiskFormatEnum], description: 'Any of these disk formats.' }),
    size: t.field({ type: SizeRange, description: 'Bounds on the size in bytes.' }),
    createdAt: t.field({ type: DateTimeFilter, description: 'Bounds on when the image was registered.' }),
    updatedAt: t.field({ type: DateTimeFilter, description: 'Bounds on when the image last changed.' }),
  }),
});

const ImageOrderInput = builder.inputType('ImageOrder', {
  description: 'One sort key of an image list.',
  fields: (t) => ({
    field: t.field({ type: ImageOrderFieldEnum, required: true, description: 'What to sort by.' }),
    direction: t.field({ type: OrderDirectionEnum, defaultValue: 'ASC', required: true, description: 'Which way; ASC unless given.' }),
  }),
});

// The arguments every image list takes, described once.
const FILTER_ARG = 'Only the images that meet every condition given.';
const ORDER_BY_ARG = 'Sort keys, most significant first; a repeated field counts once. Default: NAME ASC. The id breaks ties.';
const SEARCH_ARG =
  `Foreman scoped search, at most ${SEARCH_MAX_LENGTH} characters, on ${SEARCH_FIELDS.join(', ')}: e.g. 'operatingsystem = "Ubuntu 24.04" and architecture = x86_64'; ` +
  `free text matches the name. A search costs ${COST.search}.`;

type GlobalId = { id: string } | null | undefined;
const rawId = (value: GlobalId) => (value == null ? value : value.id);

type FilterArg = Omit<ImageFilter, `${string}Id`> & Record<`${string}Id`, GlobalId>;
function decodeFilter(filter: FilterArg | null | undefined): ImageFilter {
  if (!filter) return {};
  const { ownerId, regionId, operatingSystemId, architectureId, computeResourceId, ...rest } = filter;
  return {
    ...rest,
    ownerId: rawId(ownerId),
    regionId: rawId(regionId),
    operatingSystemId: rawId(operatingSystemId),
    architectureId: rawId(architectureId),
    computeResourceId: rawId(computeResourceId),
  };
}

async function imageConnection(ctx: DomainContext, args: ImageListArgs) {
  return toConnection(await listImages(ctx, args));
}

builder.queryFields((t) => ({
  images: t.connection(
    {
      type: ImageRef,
      authScopes: { authenticated: true },
      description: "Images the caller may see. Keyset pagination: any page costs what the first costs.",
      args: {
        filter: t.arg({ type: ImageFilterInput, description: FILTER_ARG }),
        orderBy: t.arg({ type: [ImageOrderInput], description: ORDER_BY_ARG }),
        search: t.arg.string({ description: SEARCH_ARG }),
      },
      resolve: (_root, { filter, ...args }, ctx) => imageConnection(ctx, { ...args, filter: decodeFilter(filter as FilterArg) }),
    },
    ImageConnection,
  ),
  projectImages: t.connection(
    {
      type: ImageRef,
      authScopes: { authenticated: true },
      description: "The images a project owns that the caller may see (Gcore's project images).",
      args: {
        projectId: t.arg.globalID({ for: ProjectRef, required: true, description: "The owning project; it replaces the filter's ownerId." }),
        filter: t.arg({ type: ImageFilterInput, description: FILTER_ARG }),
        orderBy: t.arg({ type: [ImageOrderInput], description: ORDER_BY_ARG }),
        search: t.arg.string({ description: SEARCH_ARG }),
      },
      resolve: (_root, { projectId, filter, ...args }, ctx) =>
        imageConnection(ctx, { ...args, filter: { ...decodeFilter(filter as FilterArg), ownerId: projectId.id } }),
    },
    ImageConnection,
  ),
  image: t.field({
    type: ImageRef,
    nullable: true,
    authScopes: { authenticated: true },
    description: 'The image with this id; null when it does not exist, is deleted, or the caller may not see it.',
    args: { id: t.arg.globalID({ for: ImageRef, required: true, description: "The image's global id." }) },
    resolve: (_root, { id }) => id.id,
  }),
  imageByName: t.field({
    type: ImageRef,
    nullable: true,
    authScopes: { authenticated: true },
    description:
      "A live image by name in a region, the caller's own first; null when the caller may see none. An ambiguous name is an error listing the candidates.",
    args: {
      regionId: t.arg.globalID({ for: RegionRef, required: true, description: 'The region to look in.' }),
      name: t.arg.string({ required: true, description: 'The exact name, case-sensitive.' }),
    },
    resolve: (_root, { regionId, name }, ctx) => imageByName(ctx, regionId.id, name),
  }),
}));

// Foreman's nested routes: the images of an operating system, architecture, compute resource;
// and of a region and a project.
const nested = [
  [OperatingSystemRef, 'operatingSystemId', 'The images with this operating system'],
  [ArchitectureRef, 'architectureId', 'The images for this architecture'],
  [ComputeResourceRef, 'computeResourceId', 'The images of this compute resource'],
  [RegionRef, 'regionId', 'The images in this region'],
  [ProjectRef, 'ownerId', 'The images this project owns'],
] as const;

for (const [ref, key, which] of nested) {
  builder.objectField(ref as typeof RegionRef, 'images', (t) =>
    t.connection(
      {
        type: ImageRef,
        authScopes: { authenticated: true },
        description: `${which} that the caller may see; it replaces the filter's ${key}. Keyset pagination: any page costs what the first costs.`,
        args: {
          filter: t.arg({ type: ImageFilterInput, description: FILTER_ARG }),
          orderBy: t.arg({ type: [ImageOrderInput], description: ORDER_BY_ARG }),
          search: t.arg.string({ description: SEARCH_ARG }),
        },
        resolve: (parent, { filter, ...args }, ctx) =>
          imageConnection(ctx, { ...args, filter: { ...decodeFilter(filter as FilterArg), [key]: parent.id } }),
      },
      ImageConnection,
    ),
  );
}

// --- Mutations ----------------------------------------------------------------------------

const ImageHardwareInput = builder.inputType('ImageHardwareInput', {
  description: 'Virtual hardware the image asks for (Glance hw_* properties): a part left out is not set or not changed, null clears it.',
  fields: (t) => ({
    firmware: t.field({ type: FirmwareEnum, description: 'BIOS or UEFI (hw_firmware_type).' }),
    machineType: t.field({ type: MachineTypeEnum, description: 'The emulated chipset (hw_machine_type).' }),
    diskBus: t.field({ type: DiskBusEnum, description: 'The bus of the disk (hw_disk_bus).' }),
    vifModel: t.field({ type: VifModelEnum, description: 'The network card model (hw_vif_model).' }),
    videoModel: t.field({ type: VideoModelEnum, description: 'The video card model (hw_video_model).' }),
  }),
});

const MetadataItemInput = builder.inputType('ImageCreateMetadataInput', {
  description: 'A metadata item to create with the image.',
  fields: (t) => ({
    key: t.string({ required: true, description: `The key: 1 to ${METADATA_KEY_MAX} characters, no control characters; each key once per list.` }),
    value: t.string({ required: true, description: `The value: at most ${METADATA_VALUE_MAX} characters; no control characters but tabs and newlines.` }),
    readOnly: t.boolean({
      description: 'A read-only item cannot be changed or deleted afterwards. Only administrators may set it; false unless given.',
    }),
  }),
});

type HardwareArg = { firmware?: unknown; machineType?: unknown; diskBus?: unknown; vifModel?: unknown; videoModel?: unknown } | null | undefined;
/** The nested hardware input as the flat hw* fields of the domain. */
function flattenHardware(hardware: HardwareArg) {
  if (!hardware) return {};
  const fields = {
    hwFirmware: hardware.firmware,
    hwMachineType: hardware.machineType,
    hwDiskBus: hardware.diskBus,
    hwVifModel: hardware.vifModel,
    hwVideoModel: hardware.videoModel,
  };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

/** Fields both imageCreate and imageUpdate take; in an update an omitted field stays as it is. */
export const imageInputFields = (t: PothosSchemaTypes.InputFieldBuilder<typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never, 'InputObject'>) => ({
  description: t.string({ description: 'Free text, at most 4096 characters.' }),
  version: t.string({ description: 'The image version (Danube), at most 64 characters.' }),
  visibility: t.field({
    type: VisibilityEnum,
    description: 'Who may see the image; a new image is PRIVATE unless this says otherwise. Only administrators may choose PUBLIC.',
  }),
  protected: t.boolean({ description: 'true: the image cannot be deleted until this is false again. A new image is not protected.' }),
  hidden: t.boolean({ description: 'true leaves the image out of lists unless the filter asks for hidden images (Glance os_hidden). A new image is not hidden.' }),
  tags: t.stringList({
    description: 'The whole set of tags: at most 128, each 1 to 255 characters without leading or trailing whitespace; repeats count once.',
  }),
  diskFormat: t.field({
    type: DiskFormatEnum,
    description: 'How the bytes lay out the disk; when not set, uploaded or imported bytes set it. Bytes of another format end the image KILLED.',
  }),
  containerFormat: t.field({ type: ContainerFormatEnum, description: 'The container the disk comes in (Glance container_format).' }),
  minDisk: t.int({ description: 'Disk space in GB needed to boot the image: 0 to 2147483647; 0 for a new image unless given.' }),
  minRam: t.int({ description: 'RAM in MB needed to boot the image: 0 to 2147483647; 0 for a new image unless given.' }),
  ownerId: t.globalID({
    for: ProjectRef,
    description: "The owning project. A member's images are its own project's; only administrators may name another, or none (the provider's catalog).",
  }),
  operatingSystemId: t.globalID({ for: OperatingSystemRef, description: 'The operating system installed on the image.' }),
  architectureId: t.globalID({ for: ArchitectureRef, description: 'The CPU architecture the image is built for.' }),
  computeResourceId: t.globalID({ for: ComputeResourceRef, description: 'The compute resource the image belongs to (Foreman); required with providerRef.' }),
  providerRef: t.string({
    description: "The template's id in the compute resource (Foreman uuid): 1 to 255 characters, unique per compute resource.",
  }),
  username: t.string({ description: 'Login of the image (Foreman), at most 255 characters.' }),
  password: t.string({ description: 'Write-only: stored encrypted, never returned. At most 255 characters.' }),
  userData: t.boolean({ description: 'Whether the image supports user data (cloud-init); false for a new image unless given.' }),
  osType: t.string({ description: 'The kind of operating system, e.g. linux or windows (Gcore os_type), at most 32 characters.' }),
  osDistro: t.string({ description: 'The distribution, e.g. ubuntu (Glance os_distro), at most 64 characters.' }),
  osVersion: t.string({ description: "The distribution's version, e.g. 24.04 (Glance os_version), at most 64 characters." }),
  sshKey: t.field({ type: SshKeyPolicyEnum, description: 'Whether servers booted from the image take an SSH key; ALLOW for a new image unless given.' }),
  isBaremetal: t.boolean({ description: 'Whether the image is for bare-metal servers (Gcore is_baremetal); false for a new image unless given.' }),
  hardware: t.field({ type: ImageHardwareInput, description: 'Virtual hardware the image asks for.' }),
  displayOrder: t.int({ description: 'Where clients list the image among others (Gcore display_order), any 32-bit integer; 0 for a new image unless given.' }),
  resize: t.boolean({ description: 'Whether the disk can be resized at first start (Danube); false for a new image unless given.' }),
  deploy: t.boolean({ description: 'Whether the server shuts down after first start (Danube); false for a new image unless given.' }),
  regionBound: t.boolean({
    description: "Usable only in its own region (Danube's dc_bound); true for a new image. Only administrators may set it.",
  }),
  sourceUrl: t.string({
    description: 'Where the bytes come from: an absolute http, https or ftp URL, at most 2048 characters. Recorded only; imageImport fetches.',
  }),
});

type ImageInputArg = Record<string, unknown> & {
  hardware?: HardwareArg;
  ownerId?: GlobalId;
  operatingSystemId?: GlobalId;
  architectureId?: GlobalId;
  computeResourceId?: GlobalId;
  regionId?: GlobalId;
};

/** Global ids to raw ids, nested hardware to flat fields; everything else as given. */
export function decodeImageInput({ hardware, ...input }: ImageInputArg) {
  const decoded: Record<string, unknown> = { ...input, ...flattenHardware(hardware) };
  for (const key of ['ownerId', 'operatingSystemId', 'architectureId', 'computeResourceId', 'regionId'] as const) {
    if (input[key] !== undefined) decoded[key] = rawId(input[key]);
  }
  return decoded;
}

/** The payload of the mutations that start background work: the image and its task. */
export const imageAndTask = (t: PothosSchemaTypes.ObjectFieldBuilder<typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never, { image: Image; task: Task }>) => ({
  image: t.field({ type: ImageRef, nullable: true, description: 'The image, as the mutation left it.', resolve: (p) => p.image }),
  task: t.field({
    type: TaskRef,
    nullable: true,
    description: 'The task the mutation started (CREATE is finished at once); taskUpdated follows it.',
    resolve: (p) => p.task,
  }),
});

builder.relayMutationField(
  'imageCreate',
  {
    description: "The input of imageCreate: the new image's record, its region and its metadata.",
    inputFields: (t) => ({
      name: t.string({
        required: true,
        description: 'The display name: 1 to 255 characters without leading or trailing whitespace, unique among the live images of its owner in its region.',
      }),
      regionId: t.globalID({
        for: RegionRef,
        description: "Where the image is; defaults to the compute resource's region, and must be that region when both are given.",
      }),
      ...imageInputFields(t),
      metadata: t.field({ type: [MetadataItemInput], description: `Metadata items to create with the image: at most ${MAX_METADATA_ITEMS}, each key once.` }),
    }),
  },
  {
    description: 'Registers an image: QUEUED until bytes arrive, or ACTIVE at once for a compute-resource template (providerRef).',
    authScopes: { writer: true },
    errors: { types: [ValidationError, ConflictError, ForbiddenError], union: resultUnion('imageCreate') },
    resolve: async (_root, { input }, ctx) => createImage(ctx, decodeImageInput(input) as never),
  },
  { description: 'What imageCreate returns on success: the new image and its CREATE task, finished at once.', outputFields: imageAndTask },
);

builder.relayMutationField(
  'imageUpdate',
  {
    description: 'The input of imageUpdate: the image, the fields to change, and optionally the version to change.',
    inputFields: (t) => ({
      id: t.globalID({ for: ImageRef, required: true, description: 'The image to change.' }),
      expectedVersion: t.int({ description: 'Refuse with ConflictError unless the image is at this rowVersion.' }),
      patch: t.field({ type: ImageUpdatePatch, required: true, description: 'The fields to change.' }),
    }),
  },
  {
    description:
      "Changes an image's record: any image for an administrator, its own project's for a member. Its owner, PUBLIC visibility and regionBound are for administrators.",
    authScopes: { writer: true },
    errors: { types: [ValidationError, NotFoundError, ConflictError, ForbiddenError], union: resultUnion('imageUpdate') },
    resolve: async (_root, { input }, ctx) => ({
      image: await updateImage(ctx, input.id.id, decodeImageInput(input.patch) as never, input.expectedVersion),
    }),
  },
  {
    description: 'What imageUpdate returns on success: the image as changed.',
    outputFields: (t) => ({ image: t.field({ type: ImageRef, nullable: true, description: 'The image after the change.', resolve: (p) => p.image }) }),
  },
);

const ImageUpdatePatch = builder.inputType('ImagePatch', {
  description: 'The fields to change; omitted fields stay as they are, null clears an optional one.',
  fields: (t) => ({
    name: t.string({
      description: 'A new name: 1 to 255 characters without leading or trailing whitespace, unique among the live images of its owner in its region.',
    }),
    ...imageInputFields(t),
  }),
});

builder.relayMutationField(
  'imageRename',
  {
    description: 'The input of imageRename: the image and its new name.',
    inputFields: (t) => ({
      id: t.globalID({ for: ImageRef, required: true, description: 'The image to rename.' }),
      name: t.string({
        required: true,
        description: 'The new name: 1 to 255 characters without leading or trailing whitespace, unique among the live images of its owner in its region.',
      }),
    }),
  },
  {
    description: 'Renames an image (Lunanode image/rename): an imageUpdate of the name alone.',
    authScopes: { writer: true },
    errors: { types: [ValidationError, NotFoundError, ConflictError, ForbiddenError], union: resultUnion('imageRename') },
    resolve: async (_root, { input }, ctx) => ({ image: await renameImage(ctx, input.id.id, input.name) }),
  },
  {
    description: 'What imageRename returns on success: the renamed image.',
    outputFields: (t) => ({ image: t.field({ type: ImageRef, nullable: true, description: 'The image under its new name.', resolve: (p) => p.image }) }),
  },
);

builder.relayMutationField(
  'imageTagAdd',
  {
    description: 'The input of imageTagAdd: the image and the tags to add.',
    inputFields: (t) => ({
      id: t.globalID({ for: ImageRef, required: true, description: 'The image to tag.' }),
      tags: t.stringList({
        required: true,
        description: 'The tags to add: at least one, each 1 to 255 characters without leading or trailing whitespace.',
      }),
    }),
  },
  {
    description: 'Adds tags to an image; a tag it carries already is kept once. An image carries at most 128 tags.',
    authScopes: { writer: true },
    errors: { types: [ValidationError, NotFoundError, ConflictError, ForbiddenError], union: resultUnion('imageTagAdd') },
    resolve: async (_root, { input }, ctx) => ({ image: await addImageTags(ctx, input.id.id, input.tags) }),
  },
  {
    description: 'What imageTagAdd returns on success: the image with its tags.',
    outputFields: (t) => ({ image: t.field({ type: ImageRef, nullable: true, description: 'The image with the tags added.', resolve: (p) => p.image }) }),
  },
);

builder.relayMutationField(
  'imageTagRemove',
  {
    description: 'The input of imageTagRemove: the image and the tags to remove.',
    inputFields: (t) => ({
      id: t.globalID({ for: ImageRef, required: true, description: 'The image to untag.' }),
      tags: t.stringList({
        required: true,
        description: 'The tags to remove: at least one, each 1 to 255 characters without leading or trailing whitespace.',
      }),
    }),
  },
  {
    description: 'Removes tags from an image; a tag it does not carry is ignored.',
    authScopes: { writer: true },
    errors: { types: [ValidationError, NotFoundError, ConflictError, ForbiddenError], union: resultUnion('imageTagRemove') },
    resolve: async (_root, { input }, ctx) => ({ image: await removeImageTags(ctx, input.id.id, input.tags) }),
  },
  {
    description: 'What imageTagRemove returns on success: the image with its remaining tags.',
    outputFields: (t) => ({ image: t.field({ type: ImageRef, nullable: true, description: 'The image with the tags removed.', resolve: (p) => p.image }) }),
  },
);

builder.relayMutationField(
  'imageDelete',
  {
    description: 'The input of imageDelete: the image to delete.',
    inputFields: (t) => ({ id: t.globalID({ for: ImageRef, required: true, description: 'The image to delete; it must not be protected.' }) }),
  },
  {
    description:
      'Soft delete: the image leaves every list at once; with bytes it is PENDING_DELETE until its PURGE task has removed them, then DELETED.',
    authScopes: { writer: true },
    errors: {
      types: [NotFoundError, ProtectedImageError, InvalidStatusTransitionError, ConflictError, ForbiddenError],
      union: resultUnion('imageDelete'),
    },
    resolve: async (_root, { input }, ctx) => deleteImage(ctx, input.id.id),
  },
  {
    description: 'What imageDelete returns on success: the image, now PENDING_DELETE or DELETED, and its PURGE task (finished at once when there were no bytes).',
    outputFields: imageAndTask,
  },
);

for (const [name, to, verb, description] of [
  [
    'imageDeactivate',
    'DEACTIVATED',
    'deactivate',
    'Administrators (and the owning project\'s writers when IMAGE_DEACTIVATION=owner): ACTIVE -> DEACTIVATED; only administrators may then download its bytes (Glance). A DEACTIVATED image stays as it is.',
  ],
  [
    'imageReactivate',
    'ACTIVE',
    'reactivate',
    'Administrators (and the owning project\'s writers when IMAGE_DEACTIVATION=owner): DEACTIVATED -> ACTIVE. An ACTIVE image stays as it is.',
  ],
] as const) {
  builder.relayMutationField(
    name,
    {
      description: `The input of ${name}: the image to ${verb}.`,
      inputFields: (t) => ({ id: t.globalID({ for: ImageRef, required: true, description: `The image to ${verb}.` }) }),
    },
    {
      description,
      // Refused early, as every mutation is; setImageActivation holds the rule itself.
      authScopes: (_root, _args, ctx) => (ctx.deactivation === 'owner' ? { writer: true } : { admin: true }),
      errors: { types: [NotFoundError, InvalidStatusTransitionError, ConflictError, ForbiddenError], union: resultUnion(name) },
      resolve: async (_root, { input }, ctx) => ({ image: await setImageActivation(ctx, input.id.id, to) }),
    },
    {
      description: `What ${name} returns on success: the image, now ${to}.`,
      outputFields: (t) => ({ image: t.field({ type: ImageRef, nullable: true, description: `The image, now ${to}.`, resolve: (p) => p.image }) }),
    },
  );
}
