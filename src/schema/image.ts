// Image: the node, its connection and filters, the root fields that return images, the
// nested `images` connections of the reference types, and the mutations on one image.
import { Image } from '../db/entities/image.js';
import type { Task } from '../db/entities/task.js';
import type { DomainContext } from '../domain/context.js';
import {
  ConflictError, ForbiddenError, InvalidStatusTransitionError, NotFoundError, ProtectedImageError, ValidationError,
} from '../domain/errors.js';
import { type ImageFilter, type ImageListArgs, type ImageRow, danubeAccess, imageByName, imagesById, listImages } from '../domain/image-catalog.js';
import {
  addImageTags, createImage, deleteImage, removeImageTags, renameImage, setImageActivation, updateImage,
} from '../domain/images.js';
import { refId } from '../domain/rows.js';
import { ArchitectureRef } from './architecture.js';
import { builder } from './builder.js';
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
    firmware: t.expose('hwFirmware', { type: FirmwareEnum, nullable: true }),
    machineType: t.expose('hwMachineType', { type: MachineTypeEnum, nullable: true }),
    diskBus: t.expose('hwDiskBus', { type: DiskBusEnum, nullable: true }),
    vifModel: t.expose('hwVifModel', { type: VifModelEnum, nullable: true }),
    videoModel: t.expose('hwVideoModel', { type: VideoModelEnum, nullable: true }),
  }),
});

ImageRef.implement({
  description: 'A disk image that virtual machines boot from.',
  authScopes: { authenticated: true },
  fields: (t) => ({
    name: t.exposeString('name'),
    description: t.exposeString('description', { nullable: true }),
    version: t.exposeString('version', { nullable: true, description: 'The image version (Danube), e.g. "1.0".' }),
    status: t.expose('status', { type: ImageStatusEnum }),
    visibility: t.expose('visibility', { type: VisibilityEnum }),
    access: t.field({
      type: ImageAccessEnum,
      description: "Danube's access: DELETED once deleted, PUBLIC for PUBLIC images, else PRIVATE.",
      resolve: (image) => danubeAccess(image),
    }),
    protected: t.exposeBoolean('protected', { description: 'A protected image cannot be deleted.' }),
    hidden: t.exposeBoolean('hidden', { description: 'Hidden images (Glance os_hidden) are listed only when asked for.' }),
    tags: t.exposeStringList('tags'),
    diskFormat: t.expose('diskFormat', { type: DiskFormatEnum, nullable: true }),
    containerFormat: t.expose('containerFormat', { type: ContainerFormatEnum, nullable: true }),
    minDisk: t.exposeInt('minDisk', { description: 'Disk space in GB needed to boot the image.' }),
    minRam: t.exposeInt('minRam', { description: 'RAM in MB needed to boot the image.' }),
    size: t.expose('size', { type: 'SafeInt', nullable: true, description: 'Bytes stored.' }),
    virtualSize: t.expose('virtualSize', { type: 'SafeInt', nullable: true, description: 'Bytes the guest sees.' }),
    checksum: t.exposeString('checksum', { nullable: true, description: 'MD5 of the bytes.' }),
    hashAlgo: t.exposeString('hashAlgo', { nullable: true, description: 'Algorithm of hashValue (sha512).' }),
    hashValue: t.exposeString('hashValue', { nullable: true }),
    owner: t.field({
      type: ProjectRef,
      nullable: true,
      description: "The owning project; null for the provider's own catalog.",
      resolve: (image, _args, ctx) => viaLoader(ProjectRef, ctx, image.owner),
    }),
    region: t.field({ type: RegionRef, resolve: (image, _args, ctx) => viaLoader(RegionRef, ctx, image.region)! }),
    operatingSystem: t.field({
      type: OperatingSystemRef,
      nullable: true,
      resolve: (image, _args, ctx) => viaLoader(OperatingSystemRef, ctx, image.operatingSystem),
    }),
    architecture: t.field({
      type: ArchitectureRef,
      nullable: true,
      resolve: (image, _args, ctx) => viaLoader(ArchitectureRef, ctx, image.architecture),
    }),
    computeResource: t.field({
      type: ComputeResourceRef,
      nullable: true,
      resolve: (image, _args, ctx) => viaLoader(ComputeResourceRef, ctx, image.computeResource),
    }),
    providerRef: t.exposeString('providerRef', {
      nullable: true,
      description: "The template's id in its compute resource (Foreman uuid); unique per compute resource.",
    }),
    username: t.exposeString('username', { nullable: true, description: 'Login of the image (Foreman).' }),
    hasPassword: t.boolean({
      description: 'Whether a login password is stored. The password itself is write-only.',
      resolve: (image) => image.passwordCipher != null,
    }),
    userData: t.exposeBoolean('userData', { description: 'Whether the image supports user data (cloud-init).' }),
    osType: t.exposeString('osType', { nullable: true }),
    osDistro: t.exposeString('osDistro', { nullable: true }),
    osVersion: t.exposeString('osVersion', { nullable: true }),
    sshKey: t.expose('sshKey', { type: SshKeyPolicyEnum }),
    isBaremetal: t.exposeBoolean('isBaremetal'),
    hardware: t.field({ type: HardwareRef, resolve: (image) => image }),
    displayOrder: t.exposeInt('displayOrder'),
    resize: t.exposeBoolean('resize', { description: 'Whether the disk can be resized at first start (Danube).' }),
    deploy: t.exposeBoolean('deploy', { description: 'Whether the server shuts down after first start (Danube).' }),
    regionBound: t.exposeBoolean('regionBound', { description: "Usable only in its own region (Danube's dc_bound)." }),
    sourceUrl: t.exposeString('sourceUrl', { nullable: true }),
    replicaOf: t.field({
      type: ImageRef,
      nullable: true,
      // Always through the loader: an image is shown only as the visibility scope returns it.
      resolve: (image) => refId(image.replicaOf),
    }),
    rowVersion: t.exposeInt('rowVersion', { description: 'Pass as expectedVersion to update only this version.' }),
    deletedAt: t.expose('deletedAt', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

// --- Lists --------------------------------------------------------------------------------

export const ImageConnection = builder.connectionObject(
  { type: ImageRef, name: 'ImageConnection', description: 'A page of images.' },
  { name: 'ImageEdge', description: 'An image in a page, with its cursor.' },
);

const SizeRange = builder.inputType('SizeRange', {
  description: 'Bytes; every bound given must hold.',
  fields: (t) => ({
    gt: t.field({ type: 'SafeInt' }),
    gte: t.field({ type: 'SafeInt' }),
    lt: t.field({ type: 'SafeInt' }),
    lte: t.field({ type: 'SafeInt' }),
  }),
});

const DateTimeFilter = builder.inputType('DateTimeFilter', {
  description: "Glance's gt:/gte:/lt:/lte:/eq:/neq: comparisons; every one given must hold.",
  fields: (t) => ({
    gt: t.field({ type: 'DateTime' }),
    gte: t.field({ type: 'DateTime' }),
    lt: t.field({ type: 'DateTime' }),
    lte: t.field({ type: 'DateTime' }),
    eq: t.field({ type: 'DateTime' }),
    neq: t.field({ type: 'DateTime' }),
  }),
});

const ImageFilterInput = builder.inputType('ImageFilter', {
  description: 'Every condition given must hold. Deleted images appear only when status asks for DELETED.',
  fields: (t) => ({
    name: t.string({ description: 'Exact name.' }),
    nameContains: t.string({ description: 'Case-insensitive substring of the name.' }),
    status: t.field({ type: [ImageStatusEnum] }),
    visibility: t.field({ type: [VisibilityEnum] }),
    tags: t.stringList({ description: 'Images carrying all of these tags.' }),
    protected: t.boolean(),
    hidden: t.boolean({ description: 'true lists only hidden images; by default they are left out.' }),
    memberStatus: t.field({
      type: MemberStatusEnum,
      description: 'Only the images shared with your project whose membership is in this status (Glance member_status).',
    }),
    ownerId: t.globalID({ for: ProjectRef }),
    regionId: t.globalID({ for: RegionRef }),
    operatingSystemId: t.globalID({ for: OperatingSystemRef }),
    architectureId: t.globalID({ for: ArchitectureRef }),
    computeResourceId: t.globalID({ for: ComputeResourceRef }),
    diskFormat: t.field({ type: [DiskFormatEnum] }),
    size: t.field({ type: SizeRange }),
    createdAt: t.field({ type: DateTimeFilter }),
    updatedAt: t.field({ type: DateTimeFilter }),
  }),
});

const ImageOrderInput = builder.inputType('ImageOrder', {
  fields: (t) => ({
    field: t.field({ type: ImageOrderFieldEnum, required: true }),
    direction: t.field({ type: OrderDirectionEnum, defaultValue: 'ASC', required: true }),
  }),
});

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
        filter: t.arg({ type: ImageFilterInput }),
        orderBy: t.arg({ type: [ImageOrderInput], description: 'Default: NAME ASC. The id breaks ties.' }),
        search: t.arg.string({
          description:
            "Foreman scoped search on name, username, architecture, operatingsystem, compute_resource, user_data: e.g. 'operatingsystem = \"Ubuntu 24.04\" and architecture = x86_64'.",
        }),
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
        projectId: t.arg.globalID({ for: ProjectRef, required: true }),
        filter: t.arg({ type: ImageFilterInput }),
        orderBy: t.arg({ type: [ImageOrderInput] }),
        search: t.arg.string(),
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
    args: { id: t.arg.globalID({ for: ImageRef, required: true }) },
    resolve: (_root, { id }) => id.id,
  }),
  imageByName: t.field({
    type: ImageRef,
    nullable: true,
    authScopes: { authenticated: true },
    description: "An image by name in a region, the caller's own first; an ambiguous name is an error listing the candidates.",
    args: {
      regionId: t.arg.globalID({ for: RegionRef, required: true }),
      name: t.arg.string({ required: true }),
    },
    resolve: (_root, { regionId, name }, ctx) => imageByName(ctx, regionId.id, name),
  }),
}));

// Foreman's nested routes: the images of an operating system, architecture, compute resource;
// and of a region and a project.
const nested = [
  [OperatingSystemRef, 'operatingSystemId'],
  [ArchitectureRef, 'architectureId'],
  [ComputeResourceRef, 'computeResourceId'],
  [RegionRef, 'regionId'],
  [ProjectRef, 'ownerId'],
] as const;

for (const [ref, key] of nested) {
  builder.objectField(ref as typeof RegionRef, 'images', (t) =>
    t.connection(
      {
        type: ImageRef,
        authScopes: { authenticated: true },
        args: {
          filter: t.arg({ type: ImageFilterInput }),
          orderBy: t.arg({ type: [ImageOrderInput] }),
          search: t.arg.string(),
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
  fields: (t) => ({
    firmware: t.field({ type: FirmwareEnum }),
    machineType: t.field({ type: MachineTypeEnum }),
    diskBus: t.field({ type: DiskBusEnum }),
    vifModel: t.field({ type: VifModelEnum }),
    videoModel: t.field({ type: VideoModelEnum }),
  }),
});

const MetadataItemInput = builder.inputType('ImageCreateMetadataInput', {
  fields: (t) => ({
    key: t.string({ required: true }),
    value: t.string({ required: true }),
    readOnly: t.boolean({ description: 'A read-only item cannot be changed or deleted afterwards.' }),
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
  description: t.string(),
  version: t.string(),
  visibility: t.field({ type: VisibilityEnum }),
  protected: t.boolean(),
  hidden: t.boolean(),
  tags: t.stringList(),
  diskFormat: t.field({ type: DiskFormatEnum }),
  containerFormat: t.field({ type: ContainerFormatEnum }),
  minDisk: t.int(),
  minRam: t.int(),
  ownerId: t.globalID({ for: ProjectRef }),
  operatingSystemId: t.globalID({ for: OperatingSystemRef }),
  architectureId: t.globalID({ for: ArchitectureRef }),
  computeResourceId: t.globalID({ for: ComputeResourceRef }),
  providerRef: t.string({ description: "The template's id in the compute resource (Foreman uuid)." }),
  username: t.string(),
  password: t.string({ description: 'Write-only: stored encrypted, never returned.' }),
  userData: t.boolean(),
  osType: t.string(),
  osDistro: t.string(),
  osVersion: t.string(),
  sshKey: t.field({ type: SshKeyPolicyEnum }),
  isBaremetal: t.boolean(),
  hardware: t.field({ type: ImageHardwareInput }),
  displayOrder: t.int(),
  resize: t.boolean(),
  deploy: t.boolean(),
  regionBound: t.boolean(),
  sourceUrl: t.string(),
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
  image: t.field({ type: ImageRef, nullable: true, resolve: (p) => p.image }),
  task: t.field({ type: TaskRef, nullable: true, resolve: (p) => p.task }),
});

builder.relayMutationField(
  'imageCreate',
  {
    inputFields: (t) => ({
      name: t.string({ required: true }),
      regionId: t.globalID({ for: RegionRef, description: "Defaults to the compute resource's region." }),
      ...imageInputFields(t),
      metadata: t.field({ type: [MetadataItemInput] }),
    }),
  },
  {
    description: 'Registers an image: QUEUED until bytes arrive, or ACTIVE at once for a compute-resource template (providerRef).',
    authScopes: { writer: true },
    errors: { types: [ValidationError, ConflictError, ForbiddenError] },
    resolve: async (_root, { input }, ctx) => createImage(ctx, decodeImageInput(input) as never),
  },
  { outputFields: imageAndTask },
);

builder.relayMutationField(
  'imageUpdate',
  {
    inputFields: (t) => ({
      id: t.globalID({ for: ImageRef, required: true }),
      expectedVersion: t.int({ description: 'Refuse with ConflictError unless the image is at this rowVersion.' }),
      patch: t.field({ type: ImageUpdatePatch, required: true }),
    }),
  },
  {
    authScopes: { writer: true },
    errors: { types: [ValidationError, NotFoundError, ConflictError, ForbiddenError] },
    resolve: async (_root, { input }, ctx) => ({
      image: await updateImage(ctx, input.id.id, decodeImageInput(input.patch) as never, input.expectedVersion),
    }),
  },
  { outputFields: (t) => ({ image: t.field({ type: ImageRef, nullable: true, resolve: (p) => p.image }) }) },
);

const ImageUpdatePatch = builder.inputType('ImagePatch', {
  description: 'The fields to change; omitted fields stay as they are, null clears an optional one.',
  fields: (t) => ({ name: t.string(), ...imageInputFields(t) }),
});

builder.relayMutationField(
  'imageRename',
  {
    inputFields: (t) => ({
      id: t.globalID({ for: ImageRef, required: true }),
      name: t.string({ required: true }),
    }),
  },
  {
    authScopes: { writer: true },
    errors: { types: [ValidationError, NotFoundError, ConflictError, ForbiddenError] },
    resolve: async (_root, { input }, ctx) => ({ image: await renameImage(ctx, input.id.id, input.name) }),
  },
  { outputFields: (t) => ({ image: t.field({ type: ImageRef, nullable: true, resolve: (p) => p.image }) }) },
);

builder.relayMutationField(
  'imageTagAdd',
  {
    inputFields: (t) => ({
      id: t.globalID({ for: ImageRef, required: true }),
      tags: t.stringList({ required: true }),
    }),
  },
  {
    authScopes: { writer: true },
    errors: { types: [ValidationError, NotFoundError, ConflictError, ForbiddenError] },
    resolve: async (_root, { input }, ctx) => ({ image: await addImageTags(ctx, input.id.id, input.tags) }),
  },
  { outputFields: (t) => ({ image: t.field({ type: ImageRef, nullable: true, resolve: (p) => p.image }) }) },
);

builder.relayMutationField(
  'imageTagRemove',
  {
    inputFields: (t) => ({
      id: t.globalID({ for: ImageRef, required: true }),
      tags: t.stringList({ required: true }),
    }),
  },
  {
    authScopes: { writer: true },
    errors: { types: [ValidationError, NotFoundError, ConflictError, ForbiddenError] },
    resolve: async (_root, { input }, ctx) => ({ image: await removeImageTags(ctx, input.id.id, input.tags) }),
  },
  { outputFields: (t) => ({ image: t.field({ type: ImageRef, nullable: true, resolve: (p) => p.image }) }) },
);

builder.relayMutationField(
  'imageDelete',
  { inputFields: (t) => ({ id: t.globalID({ for: ImageRef, required: true }) }) },
  {
    description:
      'Soft delete: the image leaves every list at once; with bytes it is PENDING_DELETE until its PURGE task has removed them, then DELETED.',
    authScopes: { writer: true },
    errors: { types: [NotFoundError, ProtectedImageError, InvalidStatusTransitionError, ConflictError, ForbiddenError] },
    resolve: async (_root, { input }, ctx) => deleteImage(ctx, input.id.id),
  },
  { outputFields: imageAndTask },
);

for (const [name, to, description] of [
  ['imageDeactivate', 'DEACTIVATED', 'Administrators: ACTIVE -> DEACTIVATED; its bytes can no longer be downloaded (Glance).'],
  ['imageReactivate', 'ACTIVE', 'Administrators: DEACTIVATED -> ACTIVE.'],
] as const) {
  builder.relayMutationField(
    name,
    { inputFields: (t) => ({ id: t.globalID({ for: ImageRef, required: true }) }) },
    {
      description,
      authScopes: { admin: true },
      errors: { types: [NotFoundError, InvalidStatusTransitionError, ConflictError, ForbiddenError] },
      resolve: async (_root, { input }, ctx) => ({ image: await setImageActivation(ctx, input.id.id, to) }),
    },
    { outputFields: (t) => ({ image: t.field({ type: ImageRef, nullable: true, resolve: (p) => p.image }) }) },
  );
}
