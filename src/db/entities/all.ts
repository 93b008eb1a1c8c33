import { ApiToken } from './api-token.js';
import { Architecture } from './architecture.js';
import { ComputeResource } from './compute-resource.js';
import { ImageMember } from './image-member.js';
import { ImageMetadata } from './image-metadata.js';
import { Image } from './image.js';
import { MetadefNamespace, MetadefObject, MetadefProperty, MetadefResourceType, MetadefResourceTypeAssociation, MetadefTag } from './metadef.js';
import { OperatingSystem } from './operating-system.js';
import { Project } from './project.js';
import { Region } from './region.js';
import { Reseller } from './reseller.js';
import { SharedImage } from './shared-image.js';
import { Task } from './task.js';

/** Every entity the ORM maps; the migration check compares exactly these with the database. */
export const entities = [
  Region, Reseller, Project, OperatingSystem, Architecture, ComputeResource, Image, ImageMetadata,
  ImageMember, SharedImage, ApiToken, Task, MetadefNamespace, MetadefResourceType, MetadefResourceTypeAssociation,
  MetadefProperty, MetadefObject, MetadefTag,
];
