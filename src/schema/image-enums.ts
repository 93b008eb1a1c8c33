// The closed sets of an image, as GraphQL enums with the same names the database stores.
import {
  CONTAINER_FORMATS, DISK_BUSES, DISK_FORMATS, FIRMWARES, IMAGE_STATUSES, MACHINE_TYPES, SSH_KEY_POLICIES,
  VIDEO_MODELS, VIF_MODELS, VISIBILITIES,
} from '../db/entities/image.js';
import { MEMBER_STATUSES } from '../db/entities/image-member.js';
import { IMAGE_ORDER_FIELDS } from '../domain/image-catalog.js';
import { builder } from './builder.js';

export const ImageStatusEnum = builder.enumType('ImageStatus', {
  description: 'Glance statuses: QUEUED -> SAVING | IMPORTING -> ACTIVE <-> DEACTIVATED; -> PENDING_DELETE -> DELETED; failures KILLED.',
  values: IMAGE_STATUSES,
});
export const VisibilityEnum = builder.enumType('ImageVisibility', { values: VISIBILITIES });
export const ImageAccessEnum = builder.enumType('ImageAccess', {
  description: "Danube Cloud's access, derived from visibility and status.",
  values: ['PUBLIC', 'PRIVATE', 'DELETED'] as const,
});
export const DiskFormatEnum = builder.enumType('DiskFormat', { values: DISK_FORMATS });
export const ContainerFormatEnum = builder.enumType('ContainerFormat', { values: CONTAINER_FORMATS });
export const SshKeyPolicyEnum = builder.enumType('SshKeyPolicy', { values: SSH_KEY_POLICIES });
export const FirmwareEnum = builder.enumType('Firmware', { values: FIRMWARES });
export const MachineTypeEnum = builder.enumType('MachineType', { values: MACHINE_TYPES });
export const DiskBusEnum = builder.enumType('DiskBus', { values: DISK_BUSES });
export const VifModelEnum = builder.enumType('VifModel', { values: VIF_MODELS });
export const VideoModelEnum = builder.enumType('VideoModel', { values: VIDEO_MODELS });

// Here rather than in member.ts: the image filter needs it, and member.ts needs the image.
export const MemberStatusEnum = builder.enumType('MemberStatus', {
  description: "A member project's answer to an offered image (Glance): it may change its mind either way.",
  values: MEMBER_STATUSES,
});

export const OrderDirectionEnum = builder.enumType('OrderDirection', { values: ['ASC', 'DESC'] as const });
export const ImageOrderFieldEnum = builder.enumType('ImageOrderField', {
  values: Object.keys(IMAGE_ORDER_FIELDS) as (keyof typeof IMAGE_ORDER_FIELDS)[],
});
