// Bulk test data written straight through the ORM: fast, and independent of the mutations
// under test. Mutations get their own tests.
import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import { Architecture } from '../../src/db/entities/architecture.js';
import { ComputeResource } from '../../src/db/entities/compute-resource.js';
import { ImageMetadata } from '../../src/db/entities/image-metadata.js';
import { Image } from '../../src/db/entities/image.js';
import { OperatingSystem } from '../../src/db/entities/operating-system.js';
import { Project } from '../../src/db/entities/project.js';
import { Region } from '../../src/db/entities/region.js';
import type { App } from '../../src/server.js';

export const gid = (type: string, id: string) => encodeGlobalID(type, id);
/** The uuid inside a global id. */
export const rawId = (globalId: string) => decodeGlobalID(globalId).id;

export interface Catalog {
  region: Region;
  otherRegion: Region;
  os: OperatingSystem;
  arch: Architecture;
  computeResource: ComputeResource;
  project: Project;
}

let counter = 0;
/** A name no other fixture in this process uses. */
export const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;

export async function createCatalog(app: App): Promise<Catalog> {
  const em = app.orm.em.fork();
  const region = em.create(Region, { slug: unique('r'), name: 'Toronto' });
  const otherRegion = em.create(Region, { slug: unique('r'), name: 'Montreal' });
  const os = em.create(OperatingSystem, { name: unique('Ubuntu'), major: '24', minor: '04', family: 'Debian' });
  const arch = em.create(Architecture, { name: unique('x86_64') });
  const computeResource = em.create(ComputeResource, { name: unique('bigcompute'), provider: 'libvirt', region });
  const project = em.create(Project, { name: unique('acme'), reseller: null });
  await em.flush();
  return { region, otherRegion, os, arch, computeResource, project };
}

/** `count` images with every relation set and `metadataPerImage` items each. */
export async function createImages(
  app: App,
  catalog: Catalog,
  count: number,
  options: { metadataPerImage?: number; name?: (index: number) => string; size?: (index: number) => number | null } = {},
): Promise<Image[]> {
  const em = app.orm.em.fork();
  const images: Image[] = [];
  for (let index = 0; index < count; index++) {
    const image = em.create(Image, {
      name: options.name?.(index) ?? unique('image'),
      region: em.getReference(Region, catalog.region.id),
      owner: em.getReference(Project, catalog.project.id),
      operatingSystem: em.getReference(OperatingSystem, catalog.os.id),
      architecture: em.getReference(Architecture, catalog.arch.id),
      computeResource: em.getReference(ComputeResource, catalog.computeResource.id),
      status: 'ACTIVE',
      size: options.size ? options.size(index) : 1_000_000 + index,
    } as never);
    images.push(image);
    for (let item = 0; item < (options.metadataPerImage ?? 0); item++) {
      em.create(ImageMetadata, { image, key: `key-${item}`, value: `value-${index}-${item}`, readOnly: false });
    }
  }
  await em.flush();
  return images;
}

/** A QUEUED image of the catalog's project, declared QCOW2: ready for an upload. Its uuid. */
export async function createQueuedImage(app: App, catalog: Catalog, prefix = 'queued'): Promise<string> {
  const em = app.orm.em.fork();
  const image = em.create(Image, {
    name: unique(prefix),
    region: em.getReference(Region, catalog.region.id),
    owner: em.getReference(Project, catalog.project.id),
    status: 'QUEUED',
    diskFormat: 'QCOW2',
  } as never);
  await em.flush();
  return image.id;
}
