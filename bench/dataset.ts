// A large, realistic catalog for the benchmarks, the same rows for the same seed: 6 regions,
// 3 resellers, 500 projects, 40 operating systems, 6 architectures, 60 compute resources, and
// N images spread over them (a visibility mix, statuses, 0-8 tags, 5 metadata items each, names
// that collide across owners), with member rows and shared-image rows.
import { operatingSystemTitle } from '../src/db/entities/operating-system.js';

export interface DatasetOptions {
  images: number;
  seed?: number;
}

export type Row = Record<string, unknown>;

export interface Dataset {
  region: Row[];
  reseller: Row[];
  project: Row[];
  operating_system: Row[];
  architecture: Row[];
  compute_resource: Row[];
  image: Row[];
  image_metadata: Row[];
  image_member: Row[];
  shared_image: Row[];
}

/** The tables in the order their rows may be inserted (references first). */
export const TABLES: (keyof Dataset)[] = [
  'region', 'reseller', 'project', 'operating_system', 'architecture', 'compute_resource', 'image',
  'image_metadata', 'image_member', 'shared_image',
];

/** mulberry32: small, fast and good enough to spread rows; not for secrets. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  /** One of `choices`, each with its weight. */
  const weighted = <T>(choices: readonly (readonly [T, number])[]) => {
    let roll = next() * choices.reduce((sum, [, weight]) => sum + weight, 0);
    for (const [value, weight] of choices) if ((roll -= weight) < 0) return value;
    return choices[choices.length - 1]![0];
  };
  const hex = (digits: number) => Array.from({ length: digits }, () => int(0, 15).toString(16)).join('');
  /** A uuid v7 for `time`: ids stay time ordered, as the application's are. */
  const uuid = (time: number) => {
    const ms = time.toString(16).padStart(12, '0');
    return `${ms.slice(0, 8)}-${ms.slice(8, 12)}-7${hex(3)}-${pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
  };
  return { next, int, pick, weighted, hex, uuid };
}

const REGIONS = [
  ['toronto', 'Toronto'], ['montreal', 'Montreal'], ['roubaix', 'Roubaix'],
  ['frankfurt', 'Frankfurt'], ['singapore', 'Singapore'], ['sydney', 'Sydney'],
] as const;
const ARCHITECTURES = ['x86_64', 'aarch64', 'i386', 'ppc64le', 's390x', 'riscv64'] as const;
/** 40 systems: [name, major, minor, family]. */
const SYSTEMS: [string, string, string, string][] = [
  ...['20', '22', '24'].flatMap((major) => [['Ubuntu', major, '04', 'Debian'] as [string, string, string, string], ['Ubuntu', major, '10', 'Debian'] as [string, string, string, string]]),
  ...['10', '11', '12', '13'].map((major) => ['Debian', major, '', 'Debian'] as [string, string, string, string]),
  ...['7', '8'].map((major) => ['CentOS', major, '', 'Redhat'] as [string, string, string, string]),
  ...['8', '9'].flatMap((major) => ['Rocky', 'AlmaLinux', 'RHEL', 'OracleLinux'].map((name) => [name, major, '', 'Redhat'] as [string, string, string, string])),
  ...['38', '39', '40', '41'].map((major) => ['Fedora', major, '', 'Redhat'] as [string, string, string, string]),
  ...['2016', '2019', '2022', '2025'].map((major) => ['WindowsServer', major, '', 'Windows'] as [string, string, string, string]),
  ...['13', '14'].map((major) => ['FreeBSD', major, '', 'FreeBSD'] as [string, string, string, string]),
  ['openSUSE', '15', '5', 'Suse'], ['openSUSE', '15', '6', 'Suse'], ['SLES', '15', '', 'Suse'],
  ['Alpine', '3', '19', 'Alpine'], ['Alpine', '3', '20', 'Alpine'], ['Arch', '2024', '', 'Archlinux'],
  ['CoreOS', '40', '', 'Coreos'], ['Talos', '1', '7', 'Talos'], ['NixOS', '24', '05', 'NixOS'], ['Gentoo', '2024', '', 'Gentoo'],
];
const PROVIDERS = ['libvirt', 'vmware', 'openstack', 'ovirt', 'proxmox'] as const;
const TAGS = [
  'lts', 'minimal', 'hardened', 'gpu', 'cuda', 'docker', 'k8s', 'cis', 'fips', 'desktop', 'server',
  'cloud-init', 'uefi', 'bios', 'arm', 'legacy', 'beta', 'rc', 'golden', 'ci', 'db', 'web', 'cache',
  'ml', 'edge', 'nfv', 'dev', 'prod', 'staging', 'sandbox',
] as const;
const ROLES = ['base', 'web', 'db', 'cache', 'ci-runner', 'k8s-node', 'gpu', 'bastion', 'vpn', 'monitoring'] as const;
const METADATA_KEYS = ['os_distro', 'support_tier', 'cost_center', 'build_id', 'hw_qemu_guest_agent'] as const;

/** Dates of the last two years before a fixed moment, so the same seed always gives the same rows. */
const EPOCH = Date.UTC(2026, 0, 1);
const SPAN = 2 * 365 * 24 * 3600 * 1000;

export function generateDataset({ images, seed = 42 }: DatasetOptions): Dataset {
  const r = random(seed);
  const stamp = () => {
    const time = EPOCH - SPAN + Math.floor(r.next() * SPAN);
    return { id: r.uuid(time), created_at: new Date(time), updated_at: new Date(time) };
  };

  const region = REGIONS.map(([slug, name]) => ({ ...stamp(), slug, name }));
  const reseller = ['northwind', 'contoso', 'initech'].map((name) => ({ ...stamp(), name: `${name}-cloud` }));
  // 40 % of the projects are a reseller's clients.
  const project = Array.from({ length: 500 }, (_, i) => ({
    ...stamp(),
    name: `project-${String(i + 1).padStart(3, '0')}`,
    reseller_id: r.next() < 0.4 ? r.pick(reseller).id : null,
  }));
  const operating_system = SYSTEMS.map(([name, major, minor, family]) => ({
    ...stamp(), name, major, minor, family, title: operatingSystemTitle({ name, major, minor }),
  }));
  const architecture = ARCHITECTURES.map((name) => ({ ...stamp(), name }));
  const compute_resource = Array.from({ length: 60 }, (_, i) => ({
    ...stamp(),
    name: `cr-${region[i % region.length]!.slug}-${Math.floor(i / region.length) + 1}`,
    provider: r.pick(PROVIDERS),
    region_id: region[i % region.length]!.id,
  }));

  // A few projects own many images, most own a few (owners drawn with a skew).
  const ownerOf = () => project[Math.floor(project.length * r.next() ** 2)]!;
  const image: Row[] = [];
  const image_metadata: Row[] = [];
  const image_member: Row[] = [];
  const namesTaken = new Set<string>();
  for (let i = 0; i < images; i++) {
    const provider = r.next() < 0.1;
    const owner = provider ? null : ownerOf();
    const os = r.pick(operating_system);
    const where = r.pick(region);
    const visibility = provider
      ? r.weighted([['PUBLIC', 90], ['COMMUNITY', 10]] as const)
      : r.weighted([['PRIVATE', 55], ['SHARED', 25], ['COMMUNITY', 12], ['PUBLIC', 8]] as const);
    const status = r.weighted([['ACTIVE', 85], ['QUEUED', 4], ['DEACTIVATED', 3], ['KILLED', 2], ['DELETED', 6]] as const);
    const hasBytes = status === 'ACTIVE' || status === 'DEACTIVATED' || status === 'DELETED';
    // The same names in many projects and regions: ubuntu-24.04-web, ...
    let name = `${os.name.toLowerCase()}-${os.major}${os.minor ? `.${os.minor}` : ''}-${r.pick(ROLES)}`;
    const scope = `${owner?.id ?? '-'}/${where.id}/`;
    for (let n = 2; namesTaken.has(scope + name); n++) name = `${name.replace(/-v\d+$/, '')}-v${n}`;
    namesTaken.add(scope + name);
    const stamped = stamp();
    const size = hasBytes ? r.int(100, 20_000) * 1024 * 1024 : null;
    const row = {
      ...stamped,
      name,
      description: `${os.title} ${r.pick(ROLES)} image`,
      version: `${r.int(1, 5)}.${r.int(0, 20)}`,
      status,
      visibility,
      protected: r.next() < 0.1,
      hidden: r.next() < 0.05,
      tags: Array.from(new Set(Array.from({ length: r.int(0, 8) }, () => r.pick(TAGS)))),
      disk_format: r.weighted([['QCOW2', 70], ['RAW', 15], ['ISO', 8], ['VMDK', 7]] as const),
      container_format: 'BARE',
      min_disk: r.int(1, 80),
      min_ram: r.pick([512, 1024, 2048, 4096, 8192]),
      size,
      virtual_size: size === null ? null : size * r.int(2, 10),
      checksum: hasBytes ? r.hex(32) : null,
      hash_algo: hasBytes ? 'sha512' : null,
      hash_value: hasBytes ? r.hex(128) : null,
      owner_id: owner?.id ?? null,
      region_id: where.id,
      operating_system_id: os.id,
      architecture_id: r.weighted(architecture.map((arch, index) => [arch.id, index === 0 ? 70 : index === 1 ? 20 : 2] as const)),
      compute_resource_id: r.next() < 0.3 ? r.pick(compute_resource.filter((cr) => cr.region_id === where.id)).id : null,
      username: r.pick(['ubuntu', 'debian', 'centos', 'rocky', 'admin', 'root']),
      deleted_at: status === 'DELETED' ? stamped.updated_at : null,
    };
    image.push(row);
    for (const key of METADATA_KEYS) {
      image_metadata.push({ ...stamp(), image_id: row.id, key, value: `${key}-${r.int(1, 1000)}`, read_only: key === 'build_id' });
    }
    if (visibility === 'SHARED') {
      const members = new Set(Array.from({ length: r.int(1, 3) }, () => r.pick(project).id));
      members.delete(owner?.id ?? '');
      for (const projectId of members) {
        image_member.push({ ...stamp(), image_id: row.id, project_id: projectId, status: r.weighted([['ACCEPTED', 70], ['PENDING', 20], ['REJECTED', 10]] as const) });
      }
    }
  }

  // Shared-image rows: every reseller limits each region (all public, none, or a list); one
  // project in five has a row of its own in one region.
  const publicIds = image.filter((row) => row.visibility === 'PUBLIC' && row.deleted_at === null).map((row) => row.id as string);
  const someOf = () => Array.from(new Set(Array.from({ length: r.int(5, 50) }, () => r.pick(publicIds))));
  const imageIds = () => r.weighted([['all', 60], ['list', 35], ['none', 5]] as const);
  const shared_image: Row[] = [];
  for (const seller of reseller) {
    for (const where of region) {
      const kind = imageIds();
      shared_image.push({ ...stamp(), project_id: null, reseller_id: seller.id, region_id: where.id, image_ids: kind === 'all' ? null : kind === 'none' ? [] : someOf() });
    }
  }
  for (const client of project) {
    if (r.next() >= 0.2 || publicIds.length === 0) continue;
    const kind = imageIds();
    shared_image.push({ ...stamp(), project_id: client.id, reseller_id: null, region_id: r.pick(region).id, image_ids: kind === 'all' ? null : kind === 'none' ? [] : someOf() });
  }

  return { region, reseller, project, operating_system, architecture, compute_resource, image, image_metadata, image_member, shared_image };
}
