// A small, deterministic demo catalog: what a cloud's image list looks like after a year of use.
// Everything is derived from the tables below and from each image's index (no randomness), so
// two seeded databases hold the same data and tests or benchmarks can rely on it.
import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Architecture } from './entities/architecture.js';
import { ComputeResource } from './entities/compute-resource.js';
import { ImageMetadata } from './entities/image-metadata.js';
import {
  type ContainerFormat,
  type DiskFormat,
  DISK_BUSES,
  FIRMWARES,
  Image,
  type ImageStatus,
  MACHINE_TYPES,
  SSH_KEY_POLICIES,
  VIDEO_MODELS,
  VIF_MODELS,
  type Visibility,
} from './entities/image.js';
import { OperatingSystem } from './entities/operating-system.js';
import { Project } from './entities/project.js';
import { Region } from './entities/region.js';
import { Reseller } from './entities/reseller.js';

// Dates are relative to a fixed instant, not to now, so the seed is reproducible.
const SEED_EPOCH = Date.UTC(2026, 0, 1);
const DAY_MS = 86_400_000;
const MIB = 1024 ** 2;
const GIB = 1024 ** 3;

const REGIONS = [
  { slug: 'toronto', name: 'Toronto' },
  { slug: 'montreal', name: 'Montreal' },
  { slug: 'roubaix', name: 'Roubaix' },
] as const;
type RegionSlug = (typeof REGIONS)[number]['slug'];

const RESELLER = 'Northwind Hosting';

const PROJECTS = [
  { name: 'acme-prod', resold: true },
  { name: 'acme-staging', resold: true },
  { name: 'globex', resold: false },
  { name: 'initech', resold: false },
] as const;
type ProjectName = (typeof PROJECTS)[number]['name'];

const ARCHITECTURES = ['x86_64', 'aarch64', 'ppc64le'] as const;
type Arch = (typeof ARCHITECTURES)[number];

/** Debian and Ubuntu spell architectures their own way in file names. */
const DEB_ARCH: Record<Arch, string> = { x86_64: 'amd64', aarch64: 'arm64', ppc64le: 'ppc64el' };

type Provider = 'libvirt' | 'openstack' | 'vmware' | 'ec2';

const COMPUTE_RESOURCES = [
  { name: 'bigcompute', provider: 'libvirt', region: 'toronto' },
  { name: 'openstack-mtl', provider: 'openstack', region: 'montreal' },
  { name: 'aws-ca-central-1', provider: 'ec2', region: 'montreal' },
  { name: 'vsphere-rbx', provider: 'vmware', region: 'roubaix' },
] as const satisfies readonly { name: string; provider: Provider; region: RegionSlug }[];
type ComputeResourceName = (typeof COMPUTE_RESOURCES)[number]['name'];

/** How each hypervisor stores a template, and how Foreman refers to it (`uuid`). */
const PROVIDER_FORMATS: Record<Provider, { diskFormat: DiskFormat; ref: (name: string, digest: string) => string }> = {
  libvirt: { diskFormat: 'QCOW2', ref: (name) => `/var/lib/libvirt/images/${name}.qcow2` },
  openstack: { diskFormat: 'QCOW2', ref: (_, d) => `${d.slice(0, 8)}-${d.slice(8, 12)}-4${d.slice(13, 16)}-a${d.slice(17, 20)}-${d.slice(20, 32)}` },
  ec2: { diskFormat: 'RAW', ref: (_, d) => `ami-${d.slice(0, 17)}` },
  vmware: { diskFormat: 'VMDK', ref: (name) => `Templates/${name}` },
};

type OsType = 'linux' | 'windows' | 'bsd';

interface OsRow {
  name: string;
  major: string;
  minor: string;
  family: string;
  /** Glance's os_distro and the default login of its cloud images. */
  distro: string;
  username: string;
  osType: OsType;
  /** Human label used in descriptions. */
  label: string;
  /** Typical compressed image size and the disk it expands to. */
  sizeMb: number;
  virtualGb: number;
  minRam: number;
  tags: string[];
  /** File name of the vendor's cloud image for an architecture. */
  cloudName: (arch: Arch) => string;
  /** Where the vendor publishes it. */
  mirror: (arch: Arch) => string;
}

const OPERATING_SYSTEMS = {
  'ubuntu-24.04': {
    name: 'Ubuntu', major: '24', minor: '04', family: 'Debian', distro: 'ubuntu', username: 'ubuntu', osType: 'linux',
    label: 'Ubuntu Server 24.04 LTS (Noble Numbat)', sizeMb: 580, virtualGb: 3.5, minRam: 512, tags: ['lts', 'cloud-init'],
    cloudName: (a) => `ubuntu-24.04-server-cloudimg-${DEB_ARCH[a]}`,
    mirror: (a) => `https://cloud-images.ubuntu.com/releases/24.04/release/ubuntu-24.04-server-cloudimg-${DEB_ARCH[a]}.img`,
  },
  'ubuntu-22.04': {
    name: 'Ubuntu', major: '22', minor: '04', family: 'Debian', distro: 'ubuntu', username: 'ubuntu', osType: 'linux',
    label: 'Ubuntu Server 22.04 LTS (Jammy Jellyfish)', sizeMb: 640, virtualGb: 2.2, minRam: 512, tags: ['lts', 'cloud-init'],
    cloudName: (a) => `ubuntu-22.04-server-cloudimg-${DEB_ARCH[a]}`,
    mirror: (a) => `https://cloud-images.ubuntu.com/releases/22.04/release/ubuntu-22.04-server-cloudimg-${DEB_ARCH[a]}.img`,
  },
  'debian-12': {
    name: 'Debian', major: '12', minor: '', family: 'Debian', distro: 'debian', username: 'debian', osType: 'linux',
    label: 'Debian 12 (bookworm)', sizeMb: 430, virtualGb: 2, minRam: 512, tags: ['cloud-init'],
    cloudName: (a) => `debian-12-generic-${DEB_ARCH[a]}`,
    mirror: (a) => `https://cloud.debian.org/images/cloud/bookworm/latest/debian-12-generic-${DEB_ARCH[a]}.qcow2`,
  },
  'centos-7.9': {
    name: 'CentOS', major: '7', minor: '9', family: 'Redhat', distro: 'centos', username: 'centos', osType: 'linux',
    label: 'CentOS 7.9 (2009)', sizeMb: 860, virtualGb: 8, minRam: 1024, tags: ['cloud-init'],
    cloudName: (a) => `centos-7.9-${a}-genericcloud`,
    mirror: (a) => `https://cloud.centos.org/centos/7/images/CentOS-7-${a}-GenericCloud-2009.qcow2`,
  },
  'rocky-9.4': {
    name: 'Rocky', major: '9', minor: '4', family: 'Redhat', distro: 'rocky', username: 'rocky', osType: 'linux',
    label: 'Rocky Linux 9.4 (Blue Onyx)', sizeMb: 560, virtualGb: 10, minRam: 1024, tags: ['minimal', 'cloud-init'],
    cloudName: (a) => (a === 'x86_64' ? 'rocky-9.4-minimal' : `rocky-9.4-minimal-${a}`),
    mirror: (a) => `https://dl.rockylinux.org/pub/rocky/9.4/images/${a}/Rocky-9-GenericCloud-Base-9.4-20240609.0.${a}.qcow2`,
  },
  'almalinux-9.4': {
    name: 'AlmaLinux', major: '9', minor: '4', family: 'Redhat', distro: 'almalinux', username: 'almalinux', osType: 'linux',
    label: 'AlmaLinux OS 9.4 (Seafoam Ocelot)', sizeMb: 520, virtualGb: 10, minRam: 1024, tags: ['cloud-init'],
    cloudName: (a) => `almalinux-9.4-genericcloud-${a}`,
    mirror: (a) => `https://repo.almalinux.org/almalinux/9/cloud/${a}/images/AlmaLinux-9-GenericCloud-9.4-20240507.${a}.qcow2`,
  },
  'windows-2022': {
    name: 'Windows', major: '2022', minor: '', family: 'Windows', distro: 'windows', username: 'Administrator', osType: 'windows',
    label: 'Windows Server 2022 Datacenter', sizeMb: 5600, virtualGb: 40, minRam: 4096, tags: [],
    cloudName: () => 'windows-server-2022-datacenter',
    mirror: () => 'https://cloudbase.it/downloads/windows_server_2022_datacenter_evaluation_kvm.qcow2.gz',
  },
  'freebsd-14.1': {
    name: 'FreeBSD', major: '14', minor: '1', family: 'Freebsd', distro: 'freebsd', username: 'freebsd', osType: 'bsd',
    label: 'FreeBSD 14.1-RELEASE', sizeMb: 1100, virtualGb: 6, minRam: 1024, tags: ['cloud-init'],
    cloudName: (a) => `freebsd-14.1-ufs-${DEB_ARCH[a]}`,
    mirror: (a) => `https://download.freebsd.org/releases/VM-IMAGES/14.1-RELEASE/${DEB_ARCH[a]}/Latest/FreeBSD-14.1-RELEASE-${DEB_ARCH[a]}-BASIC-CLOUDINIT-ufs.qcow2.xz`,
  },
  'fedora-40': {
    name: 'Fedora', major: '40', minor: '', family: 'Redhat', distro: 'fedora', username: 'fedora', osType: 'linux',
    label: 'Fedora Cloud 40', sizeMb: 500, virtualGb: 5, minRam: 1024, tags: ['cloud-init'],
    cloudName: (a) => `fedora-cloud-40-${a}`,
    mirror: (a) => `https://download.fedoraproject.org/pub/fedora/linux/releases/40/Cloud/${a}/images/Fedora-Cloud-Base-Generic-40-1.14.${a}.qcow2`,
  },
} satisfies Record<string, OsRow>;
type OsKey = keyof typeof OPERATING_SYSTEMS;
const OS_KEYS = Object.keys(OPERATING_SYSTEMS) as OsKey[];

const osVersion = (os: OsRow) => `${os.major}${os.minor ? `.${os.minor}` : ''}`;

/**
 * Where the bytes came from, which fixes formats and defaults:
 * cloud = a vendor cloud image imported from its mirror; golden = a project's own build (snapshot);
 * iso = an installer fetched from a URL (Lunanode); raw = an uploaded raw disk;
 * template = registered from a compute resource's template (Foreman).
 */
type Kind = 'cloud' | 'golden' | 'iso' | 'raw' | 'template';

interface ImageSpec {
  os: OsKey;
  region: RegionSlug;
  arch?: Arch;
  /** Defaults to the vendor's cloud image name. */
  name?: string;
  /** None: the provider's own (public) catalog. */
  owner?: ProjectName;
  kind?: Kind;
  status?: ImageStatus;
  visibility?: Visibility;
  protected?: boolean;
  hidden?: boolean;
  tags?: string[];
  version?: string;
  description?: string;
  sourceUrl?: string;
  computeResource?: ComputeResourceName;
  containerFormat?: ContainerFormat;
  /** A replica of the same owner's image of the same name in that region (Lunanode replicate). */
  replicaOf?: RegionSlug;
}

/** The provider's public catalog: each vendor image, imported into the regions that offer it. */
const PUBLIC_CATALOG: [OsKey, Arch, RegionSlug[], Partial<ImageSpec>?][] = [
  ['ubuntu-24.04', 'x86_64', ['toronto', 'montreal', 'roubaix']],
  ['ubuntu-24.04', 'aarch64', ['toronto', 'roubaix']],
  ['ubuntu-22.04', 'x86_64', ['toronto', 'montreal']],
  ['debian-12', 'x86_64', ['toronto', 'roubaix']],
  ['debian-12', 'aarch64', ['roubaix']],
  ['debian-12', 'ppc64le', ['montreal']],
  // End of life: kept for existing servers, hidden from listings and no longer bootable.
  ['centos-7.9', 'x86_64', ['toronto'], { status: 'DEACTIVATED', hidden: true, tags: ['eol'] }],
  ['rocky-9.4', 'x86_64', ['montreal', 'roubaix']],
  ['almalinux-9.4', 'x86_64', ['toronto']],
  ['windows-2022', 'x86_64', ['toronto', 'montreal']],
  ['freebsd-14.1', 'x86_64', ['roubaix']],
  ['fedora-40', 'x86_64', ['toronto']],
];

/** What tenants did with the catalog: golden images, re-uploads, imports, templates, mistakes. */
const PROJECT_IMAGES: ImageSpec[] = [
  // acme-prod: a web fleet built from Ubuntu, replicated for disaster recovery.
  { owner: 'acme-prod', name: 'acme-web-golden', os: 'ubuntu-24.04', region: 'toronto', kind: 'golden', version: '3.2', protected: true, tags: ['hardened'], description: 'Nginx + Node.js web tier, CIS hardened' },
  { owner: 'acme-prod', name: 'acme-web-golden', os: 'ubuntu-24.04', region: 'montreal', kind: 'golden', version: '3.2', replicaOf: 'toronto', tags: ['hardened'], description: 'Nginx + Node.js web tier, CIS hardened (DR copy)' },
  { owner: 'acme-prod', name: 'acme-web-golden-2.9', os: 'ubuntu-22.04', region: 'toronto', kind: 'golden', version: '2.9', status: 'DELETED', description: 'Previous web tier, retired' },
  { owner: 'acme-prod', name: 'acme-db-base', os: 'rocky-9.4', region: 'toronto', kind: 'golden', version: '1.4', visibility: 'SHARED', tags: ['hardened'], description: 'PostgreSQL 16 base with tuned kernel parameters' },
  { owner: 'acme-prod', os: 'ubuntu-24.04', region: 'toronto' },
  { owner: 'acme-prod', name: 'acme-ad-dc-2022', os: 'windows-2022', region: 'montreal', kind: 'golden', version: '1.0', protected: true, description: 'Active Directory domain controller' },
  { owner: 'acme-prod', name: 'acme-build-runner-arm64', os: 'ubuntu-24.04', arch: 'aarch64', region: 'roubaix', kind: 'golden', version: '0.9', status: 'QUEUED', description: 'CI runner for arm64 builds; bytes not uploaded yet' },
  { owner: 'acme-prod', name: 'tpl-ubuntu-24.04', os: 'ubuntu-24.04', region: 'toronto', kind: 'template', computeResource: 'bigcompute' },
  { owner: 'acme-prod', name: 'tpl-rocky-9.4', os: 'rocky-9.4', region: 'toronto', kind: 'template', computeResource: 'bigcompute' },
  // acme-staging: the same names as production, in another project.
  { owner: 'acme-staging', name: 'acme-web-golden', os: 'ubuntu-24.04', region: 'toronto', kind: 'golden', version: '3.3-rc1', tags: ['hardened'], description: 'Web tier release candidate' },
  { owner: 'acme-staging', name: 'acme-web-golden-3.3-rc2', os: 'ubuntu-24.04', region: 'toronto', kind: 'raw', version: '3.3-rc2', status: 'QUEUED', description: 'Upload not started yet' },
  // No SAVING or IMPORTING images: nothing would ever move them on. Uploads and imports show those.
  { owner: 'acme-staging', os: 'debian-12', region: 'roubaix', status: 'QUEUED' },
  { owner: 'acme-staging', name: 'acme-k8s-node', os: 'ubuntu-24.04', arch: 'aarch64', region: 'roubaix', kind: 'golden', version: '1.30.2', description: 'Kubernetes 1.30 worker node' },
  { owner: 'acme-staging', name: 'fedora-server-40-netinst.iso', os: 'fedora-40', region: 'toronto', kind: 'iso', status: 'KILLED', sourceUrl: 'https://download.fedoraproject.org/pub/fedora/linux/releases/40/Server/x86_64/iso/Fedora-Server-netinst-x86_64-40-1.14.iso' },
  { owner: 'acme-staging', name: 'tpl-debian-12', os: 'debian-12', region: 'montreal', kind: 'template', computeResource: 'openstack-mtl' },
  // globex: GPU workloads, published to the community, plus a VMware estate.
  { owner: 'globex', name: 'globex-gpu-cuda-12.4', os: 'ubuntu-22.04', region: 'montreal', kind: 'golden', version: '12.4.1', visibility: 'COMMUNITY', tags: ['gpu'], description: 'NVIDIA driver 550 + CUDA 12.4 toolkit' },
  { owner: 'globex', name: 'globex-gpu-cuda-12.4', os: 'ubuntu-22.04', region: 'roubaix', kind: 'golden', version: '12.4.1', visibility: 'COMMUNITY', replicaOf: 'montreal', tags: ['gpu'], description: 'NVIDIA driver 550 + CUDA 12.4 toolkit' },
  { owner: 'globex', name: 'globex-gpu-cuda-12.4-arm64', os: 'ubuntu-24.04', arch: 'aarch64', region: 'roubaix', kind: 'golden', version: '12.4.1', visibility: 'SHARED', tags: ['gpu'], description: 'CUDA 12.4 for Grace Hopper nodes' },
  { owner: 'globex', os: 'rocky-9.4', region: 'montreal' },
  { owner: 'globex', name: 'globex-hpc-rocky-9.4-ppc64le', os: 'rocky-9.4', arch: 'ppc64le', region: 'montreal', kind: 'golden', version: '2.0', visibility: 'SHARED', description: 'OpenMPI + Slurm compute node for POWER9' },
  { owner: 'globex', name: 'almalinux-9.4-cis-level1', os: 'almalinux-9.4', region: 'toronto', kind: 'golden', version: '1.1', visibility: 'SHARED', tags: ['hardened'], description: 'AlmaLinux with the CIS Level 1 benchmark applied' },
  { owner: 'globex', name: 'globex-legacy-erp', os: 'centos-7.9', region: 'toronto', kind: 'golden', version: '7.3', status: 'DEACTIVATED', description: 'Legacy ERP, deactivated pending a security review' },
  { owner: 'globex', name: 'globex-rocky-base', os: 'rocky-9.4', region: 'roubaix', kind: 'template', computeResource: 'vsphere-rbx', containerFormat: 'OVA' },
  { owner: 'globex', name: 'globex-win2022-sql', os: 'windows-2022', region: 'roubaix', kind: 'template', computeResource: 'vsphere-rbx' },
  { owner: 'globex', name: 'globex-snapshot-2025-03', os: 'debian-12', region: 'montreal', kind: 'golden', version: '1.0', status: 'DELETED', description: 'Ad-hoc snapshot before an upgrade' },
  { owner: 'globex', name: 'globex-gpu-cuda-12.2', os: 'ubuntu-22.04', region: 'montreal', kind: 'golden', version: '12.2.0', visibility: 'COMMUNITY', hidden: true, tags: ['gpu'], description: 'Superseded by 12.4; kept for pinned jobs' },
  // initech: small shop, imports and appliances.
  { owner: 'initech', name: 'initech-tps-reports', os: 'debian-12', region: 'toronto', kind: 'golden', version: '2024.2', description: 'TPS report generator' },
  { owner: 'initech', name: 'initech-tps-reports', os: 'debian-12', region: 'montreal', kind: 'golden', version: '2024.2', replicaOf: 'toronto', description: 'TPS report generator' },
  { owner: 'initech', name: 'freebsd-14.1-pf-firewall', os: 'freebsd-14.1', region: 'roubaix', kind: 'golden', version: '1.0', visibility: 'SHARED', tags: ['hardened', 'minimal'], description: 'pf firewall appliance' },
  { owner: 'initech', os: 'debian-12', arch: 'aarch64', region: 'roubaix' },
  { owner: 'initech', name: 'initech-netbox-appliance', os: 'debian-12', region: 'toronto', kind: 'raw', version: '4.0.3', description: 'NetBox IPAM appliance (raw disk)' },
  { owner: 'initech', name: 'initech-bastion', os: 'almalinux-9.4', region: 'montreal', kind: 'template', computeResource: 'aws-ca-central-1', tags: ['hardened'] },
  { owner: 'initech', os: 'fedora-40', region: 'toronto', visibility: 'COMMUNITY' },
  { owner: 'initech', name: 'freebsd-14.1-release-amd64-disc1.iso', os: 'freebsd-14.1', region: 'roubaix', kind: 'iso', sourceUrl: 'https://download.freebsd.org/releases/ISO-IMAGES/14.1/FreeBSD-14.1-RELEASE-amd64-disc1.iso' },
  { owner: 'initech', name: 'initech-upload-test', os: 'debian-12', region: 'roubaix', kind: 'raw', status: 'QUEUED' },
];

const IMAGE_SPECS: ImageSpec[] = [
  ...PUBLIC_CATALOG.flatMap(([os, arch, regions, extra]) => regions.map((region) => ({ os, arch, region, ...extra }))),
  ...PROJECT_IMAGES,
];

/** Statuses whose bytes are complete, so size and checksums are known. */
const HAS_BYTES: ReadonlySet<ImageStatus> = new Set(['ACTIVE', 'DEACTIVATED', 'PENDING_DELETE', 'DELETED']);

type Firmware = (typeof FIRMWARES)[number];
type MachineType = (typeof MACHINE_TYPES)[number];
type DiskBus = (typeof DISK_BUSES)[number];
type VifModel = (typeof VIF_MODELS)[number];
type VideoModel = (typeof VIDEO_MODELS)[number];
type SshKeyPolicy = (typeof SSH_KEY_POLICIES)[number];

const digest = (algo: 'md5' | 'sha512', text: string) => createHash(algo).update(text).digest('hex');
const yyyymmdd = (date: Date) => date.toISOString().slice(0, 10).replaceAll('-', '');

/** Fills an empty database with a small realistic catalog; does nothing (returns false) when any table has a row. */
export async function seedDemoCatalog(em: EntityManager): Promise<boolean> {
  return em.transactional(async (tx) => {
    // Any row at all means someone uses this database: the demo must not collide with it.
    for (const entity of [Region, Reseller, Project, OperatingSystem, Architecture, ComputeResource, Image]) {
      if ((await tx.count(entity as typeof Region, {})) > 0) return false;
    }

    const regions = new Map(REGIONS.map((r) => [r.slug, tx.create(Region, { slug: r.slug, name: r.name })]));
    const reseller = tx.create(Reseller, { name: RESELLER });
    const projects = new Map(
      PROJECTS.map((p) => [p.name, tx.create(Project, { name: p.name, reseller: p.resold ? reseller : null })]),
    );
    const operatingSystems = new Map(
      OS_KEYS.map((key) => {
        const os: OsRow = OPERATING_SYSTEMS[key];
        return [key, tx.create(OperatingSystem, { name: os.name, major: os.major, minor: os.minor, family: os.family })];
      }),
    );
    const architectures = new Map(ARCHITECTURES.map((name) => [name, tx.create(Architecture, { name })]));
    const computeResources = new Map(
      COMPUTE_RESOURCES.map((c) => [c.name, tx.create(ComputeResource, { name: c.name, provider: c.provider, region: regions.get(c.region)! })]),
    );

    // Replicas point at their source, found by owner, name and region.
    const byKey = new Map<string, Image>();
    const imageKey = (owner: string | undefined, region: string, name: string) => `${owner ?? ''}/${region}/${name}`;

    const createImage = (spec: ImageSpec, i: number) => {
      const os: OsRow = OPERATING_SYSTEMS[spec.os];
      const arch = spec.arch ?? 'x86_64';
      const kind = spec.kind ?? 'cloud';
      const name = spec.name ?? os.cloudName(arch);
      const status = spec.status ?? 'ACTIVE';
      const provider = spec.owner === undefined;
      const computeResource = spec.computeResource ? COMPUTE_RESOURCES.find((c) => c.name === spec.computeResource)! : undefined;
      const source = spec.replicaOf ? byKey.get(imageKey(spec.owner, spec.replicaOf, name)) : undefined;

      // Multiplying by 137 (coprime with 364) scatters creation days over the year instead of
      // making index order the age order; a replica follows its source by a day.
      const createdAt = source
        ? new Date(source.createdAt.getTime() + DAY_MS)
        : new Date(SEED_EPOCH - (1 + ((i * 137) % 364)) * DAY_MS - ((i * 7) % 24) * 3_600_000);
      const updatedAt = new Date(Math.min(createdAt.getTime() + ((i * 53) % 40) * DAY_MS, SEED_EPOCH));

      // Formats follow from where the image came from.
      const diskFormat: DiskFormat =
        kind === 'iso' ? 'ISO' : kind === 'raw' ? 'RAW' : computeResource ? PROVIDER_FORMATS[computeResource.provider].diskFormat : 'QCOW2';
      const isoOrRaw = diskFormat === 'ISO' || diskFormat === 'RAW';

      // Same name, same bytes: size and checksums derive from the name, so copies agree.
      const md5 = digest('md5', name);
      const jitter = 0.9 + (0.2 * parseInt(md5.slice(0, 6), 16)) / 0xffffff;
      const sizeFactor = kind === 'golden' ? 1.6 : kind === 'iso' ? 1.4 : kind === 'template' ? 1.8 : 1;
      const hasBytes = HAS_BYTES.has(status);
      const size = !hasBytes ? null : diskFormat === 'RAW' ? os.virtualGb * GIB : Math.round(os.sizeMb * sizeFactor * jitter * MIB);
      const virtualSize = hasBytes && diskFormat === 'QCOW2' ? Math.round(os.virtualGb * GIB) : null;

      // Hardware: aarch64 and Windows boot UEFI; some x86 cloud images do too. Lunanode's ISO defaults are IDE/e1000/cirrus.
      const uefi = arch === 'aarch64' || os.osType === 'windows' || (kind !== 'iso' && i % 4 === 0);
      const hwFirmware: Firmware | null = uefi ? 'UEFI' : null;
      const hwMachineType: MachineType | null = uefi && arch === 'x86_64' ? 'Q35' : null;
      const vmware = computeResource?.provider === 'vmware';
      const hwDiskBus: DiskBus = kind === 'iso' ? 'IDE' : vmware ? 'SCSI' : 'VIRTIO';
      const hwVifModel: VifModel = kind === 'iso' || vmware ? 'E1000' : 'VIRTIO';
      const hwVideoModel: VideoModel | null =
        kind === 'iso' ? 'CIRRUS' : os.osType === 'windows' ? 'QXL' : i % 5 === 0 ? 'VIRTIO' : null;

      const cloudLike = kind === 'cloud' || kind === 'golden';
      const tags = [
        ...new Set([...(cloudLike ? os.tags : []), ...(arch === 'aarch64' ? ['arm'] : []), ...(spec.tags ?? [])]),
      ].slice(0, 4);
      const sshKey: SshKeyPolicy = os.osType === 'windows' ? 'DENY' : tags.includes('hardened') ? 'REQUIRED' : 'ALLOW';

      const description =
        spec.description ??
        (kind === 'iso'
          ? `${os.label} installation ISO`
          : kind === 'template'
            ? `${os.label} template on ${computeResource?.name}`
            : `${os.label} cloud image for ${arch}`);
      const region = regions.get(spec.region)!;

      const image = tx.create(Image, {
        createdAt,
        updatedAt,
        name,
        description,
        version: spec.version ?? (kind === 'cloud' ? yyyymmdd(createdAt) : '1.0'),
        status,
        visibility: spec.visibility ?? (provider ? 'PUBLIC' : 'PRIVATE'),
        protected: spec.protected ?? false,
        hidden: spec.hidden ?? false,
        tags,
        diskFormat,
        containerFormat: spec.containerFormat ?? 'BARE',
        minDisk: Math.ceil(os.virtualGb),
        minRam: os.minRam,
        size,
        virtualSize,
        checksum: hasBytes ? md5 : null,
        hashAlgo: hasBytes ? 'sha512' : null,
        hashValue: hasBytes ? digest('sha512', name) : null,
        owner: spec.owner ? projects.get(spec.owner)! : null,
        region,
        operatingSystem: operatingSystems.get(spec.os)!,
        architecture: architectures.get(arch)!,
        computeResource: computeResource ? computeResources.get(computeResource.name)! : null,
        providerRef: computeResource ? PROVIDER_FORMATS[computeResource.provider].ref(name, md5) : null,
        username: kind === 'iso' ? null : os.username,
        userData: cloudLike && os.osType !== 'windows',
        osType: os.osType,
        osDistro: os.distro,
        osVersion: osVersion(os),
        sshKey,
        hwFirmware,
        hwMachineType,
        hwDiskBus,
        hwVifModel,
        hwVideoModel,
        // The provider's catalog is listed in a curated order; tenants' images keep the default.
        displayOrder: provider ? (OS_KEYS.indexOf(spec.os) + 1) * 10 + ARCHITECTURES.indexOf(arch) : 0,
        resize: cloudLike && !isoOrRaw,
        deploy: kind === 'golden',
        // Public images are usable from any datacenter (Danube's dc_bound).
        regionBound: !provider,
        sourceUrl: spec.sourceUrl ?? (kind === 'cloud' ? os.mirror(arch) : null),
        replicaOf: source ?? null,
        deletedAt: status === 'DELETED' ? updatedAt : null,
      });
      byKey.set(imageKey(spec.owner, spec.region, name), image);

      for (const item of metadataFor(spec, os, kind, createdAt, i)) {
        tx.create(ImageMetadata, { image, key: item.key, value: item.value, readOnly: item.readOnly ?? false, createdAt, updatedAt });
      }
    };

    // Replicas go in a second flush: a reference to an image inserted in the same flush becomes
    // an extra UPDATE, which would stamp updatedAt with the current time.
    const indexed = IMAGE_SPECS.map((spec, i) => [spec, i] as const);
    for (const [spec, i] of indexed) if (!spec.replicaOf) createImage(spec, i);
    await tx.flush();
    for (const [spec, i] of indexed) if (spec.replicaOf) createImage(spec, i);
    await tx.flush();
    return true;
  });
}

interface MetadataItem {
  key: string;
  value: string;
  readOnly?: boolean;
}

/** 1–4 Gcore-style metadata items; provider Windows images carry a read-only licence billing code. */
function metadataFor(spec: ImageSpec, os: OsRow, kind: Kind, createdAt: Date, i: number): MetadataItem[] {
  const candidates: MetadataItem[] = [
    { key: 'os_distro', value: os.distro },
    { key: 'image_type', value: kind === 'golden' ? 'snapshot' : 'image' },
    { key: 'build_date', value: createdAt.toISOString().slice(0, 10) },
    spec.owner
      ? { key: 'hw_qemu_guest_agent', value: os.osType === 'linux' ? 'yes' : 'no' }
      : { key: 'support_tier', value: os.tags.includes('lts') ? 'extended' : 'standard' },
  ];
  const count = 1 + (i % 4);
  if (!spec.owner && os.osType === 'windows') {
    return [...candidates.slice(0, Math.min(count, 3)), { key: 'billing_code', value: 'WIN2022-DC-SPLA', readOnly: true }];
  }
  return candidates.slice(0, count);
}
