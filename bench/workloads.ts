// The workloads: for each, the operation our server answers and PostGraphile's equivalent, the
// check that a response has the expected shape, and how the request varies (random ids).
// Plain strings rather than codegen documents: the peer's operations are not in our schema.
import { encodeGlobalID } from '@pothos/plugin-relay';
import type { Dataset } from './dataset.js';

export type WorkloadId = 'W1' | 'W1s' | 'W2' | 'W3' | 'W4f' | 'W4s' | 'W5';

/** One request: its body, made afresh per request when it varies. */
export interface Operation {
  /** `context`: the request's context in autocannon, kept until its response (see `release`). */
  body: (context?: Record<string, unknown>) => string;
  /** Called with the request's context when its response has arrived. */
  release?: (context: Record<string, unknown>) => void;
  /** Whether the same body every time (autocannon can then reuse it). */
  fixed: boolean;
  /** Null when a decoded response has the expected shape, else what is wrong. */
  check: (response: unknown) => string | null;
  token?: string;
  /** Text every good answer contains, where an error is not top-level (W5's typed failures). */
  expectText?: string;
}

export interface Workload {
  id: WorkloadId;
  /** The CLI name (--only): W1 covers W1 and W1s, W4 covers W4f and W4s. */
  group: 'W1' | 'W2' | 'W3' | 'W4' | 'W5';
  title: string;
  ours: (pageSize: number) => Operation;
  /** Undefined: PostGraphile has no equivalent. */
  peer?: (pageSize: number) => Operation;
  /** Said in the report next to the figures. */
  note?: string;
  /**
   * False: one image, whatever the page size (its statements at 10 and 100 are two samples of
   * random images, each naming reference rows a fresh instance may not have read yet).
   */
  paged?: false;
  /**
   * W2: the same list from its start (W1's request), measured back to back with this workload on
   * each server so that the deep page's ratio to it compares runs of the same moment.
   */
  firstPage?: { ours: (pageSize: number) => Operation; peer?: (pageSize: number) => Operation };
}

/** What the workloads need to know about the catalog and the servers. */
export interface WorkloadFacts {
  adminToken: string;
  memberToken: string;
  memberProject: string;
  /** Live images, drawn from at random by W3. */
  imageIds: string[];
  /** ACTIVE images, written to by W5. */
  activeImageIds: string[];
  /** The cursors after the first `deepRows` rows of W1's order, one per server kind. */
  deepCursor: { ours: string; peer: string };
  deepRows: number;
}

const OURS_IMAGE = `id name status visibility size diskFormat createdAt tags
  operatingSystem { id name title } architecture { id name } computeResource { id name }
  region { id slug name } owner { id name } metadata { key value readOnly }`;
const PEER_IMAGE = `id rowId name status visibility size diskFormat createdAt tags
  operatingSystemByOperatingSystemId { id name title } architectureByArchitectureId { id name }
  computeResourceByComputeResourceId { id name } regionByRegionId { id slug name } projectByOwnerId { id name }
  imageMetadataByImageId { nodes { key value readOnly } }`;

const OURS_PAGE = `query Page($first: Int!, $after: String, $filter: ImageFilter, $search: String) {
  images(first: $first, after: $after, filter: $filter, search: $search, orderBy: [{ field: NAME, direction: ASC }]) {
    edges { cursor node { ${OURS_IMAGE} } }
    pageInfo { hasNextPage endCursor }
  }
}`;
// Our list leaves out deleted and hidden images unless asked; the peer is told the same, so both
// read the same rows (PostGraphile adds the primary key to NAME_ASC as we add id).
const PEER_LIVE = { deletedAt: { isNull: true }, hidden: { equalTo: false } };
const PEER_PAGE = `query Page($first: Int!, $after: Cursor, $filter: ImageFilter) {
  allImages(first: $first, after: $after, filter: $filter, orderBy: [NAME_ASC]) {
    edges { cursor node { ${PEER_IMAGE} } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** A Glance-style filter: visibility, status, a tag, a size range and a creation window. */
export const GLANCE_FILTER = {
  visibility: ['PUBLIC'],
  status: ['ACTIVE'],
  tags: ['lts'],
  size: { gte: 1024 ** 3, lte: 10 * 1024 ** 3 },
  createdAt: { gte: '2024-06-01T00:00:00.000Z', lt: '2025-06-01T00:00:00.000Z' },
};
const PEER_GLANCE_FILTER = {
  ...PEER_LIVE,
  visibility: { in: GLANCE_FILTER.visibility },
  status: { in: GLANCE_FILTER.status },
  tags: { contains: GLANCE_FILTER.tags },
  size: { greaterThanOrEqualTo: String(GLANCE_FILTER.size.gte), lessThanOrEqualTo: String(GLANCE_FILTER.size.lte) },
  createdAt: { greaterThanOrEqualTo: GLANCE_FILTER.createdAt.gte, lessThan: GLANCE_FILTER.createdAt.lt },
};
/** A Foreman scoped search on names bench/dataset.ts generates. */
export const FOREMAN_SEARCH = 'operatingsystem = "Ubuntu 24.04" and architecture = x86_64';
const PEER_SEARCH_FILTER = {
  ...PEER_LIVE,
  operatingSystemByOperatingSystemId: { title: { equalTo: 'Ubuntu 24.04' } },
  architectureByArchitectureId: { name: { equalTo: 'x86_64' } },
};

const body = (query: string, variables: Record<string, unknown>) => JSON.stringify({ query, variables });
const fixed = (query: string, variables: Record<string, unknown>) => {
  const text = body(query, variables);
  return { body: () => text, fixed: true };
};
const pick = <T>(items: readonly T[]) => items[Math.floor(Math.random() * items.length)]!;

/**
 * Random ids, none of them twice among the requests in flight: two writes to one image at once
 * take turns on its row lock, and W5 would measure that wait rather than its writes. `take`
 * stores the id in the request's context (autocannon keeps it from setupRequest to onResponse),
 * `release` frees it.
 */
function exclusivePicker(ids: readonly string[]) {
  const inFlight = new Set<string>();
  return {
    take(context: Record<string, unknown> | undefined): string {
      let id = pick(ids);
      while (inFlight.has(id) && inFlight.size < ids.length) id = pick(ids);
      if (context) {
        inFlight.add(id);
        context.imageId = id;
      }
      return id;
    },
    release(context: Record<string, unknown>) {
      inFlight.delete(context.imageId as string);
    },
  };
}

/** Null when `response` has no errors and `path` leads to what `accept` accepts. */
function expect(path: string[], accept: (value: unknown) => string | null) {
  return (response: unknown): string | null => {
    const { data, errors } = (response ?? {}) as { data?: unknown; errors?: { message: string }[] };
    if (errors?.length) return `GraphQL errors: ${errors.map((error) => error.message).join('; ')}`;
    let value: unknown = data;
    for (const key of path) value = (value as Record<string, unknown> | null | undefined)?.[key];
    return accept(value);
  };
}
const pageOf = (size: number | 'some', nodeKeys: string[]) => (connection: unknown) => {
  const edges = (connection as { edges?: { node: Record<string, unknown> }[] } | undefined)?.edges;
  if (!Array.isArray(edges)) return 'no edges';
  if (size === 'some' ? edges.length === 0 : edges.length !== size) return `${edges.length} edges, expected ${size}`;
  const missing = nodeKeys.filter((key) => !(key in edges[0]!.node));
  return missing.length ? `a node lacks ${missing.join(', ')}` : null;
};
const OURS_KEYS = ['operatingSystem', 'architecture', 'region', 'owner', 'metadata'];
const PEER_KEYS = ['operatingSystemByOperatingSystemId', 'architectureByArchitectureId', 'regionByRegionId', 'projectByOwnerId', 'imageMetadataByImageId'];

export function workloads(facts: WorkloadFacts): Workload[] {
  const admin = facts.adminToken;
  const writes = exclusivePicker(facts.activeImageIds);
  const oursPage = (token: string, variables: (size: number) => Record<string, unknown>, size: (pageSize: number) => number | 'some' = (s) => s) =>
    (pageSize: number): Operation => ({
      ...fixed(OURS_PAGE, { first: pageSize, ...variables(pageSize) }),
      check: expect(['images'], pageOf(size(pageSize), OURS_KEYS)),
      token,
    });
  const peerPage = (variables: Record<string, unknown>, size: (pageSize: number) => number | 'some' = (s) => s) =>
    (pageSize: number): Operation => ({
      ...fixed(PEER_PAGE, { first: pageSize, ...variables }),
      check: expect(['allImages'], pageOf(size(pageSize), PEER_KEYS)),
    });
  const firstPage = { ours: oursPage(admin, () => ({})), peer: peerPage({ filter: PEER_LIVE }) };
  return [
    {
      id: 'W1',
      group: 'W1',
      title: 'W1 catalog page, admin',
      ...firstPage,
    },
    {
      id: 'W1s',
      group: 'W1',
      title: 'W1 catalog page, project member',
      ours: oursPage(facts.memberToken, () => ({})),
      peer: peerPage({ filter: PEER_LIVE }),
      note: 'PostGraphile has no visibility rules: its figure is the same query as for the admin.',
    },
    {
      id: 'W2',
      group: 'W2',
      title: `W2 deep page (after ${facts.deepRows.toLocaleString('en')} rows), admin`,
      ours: oursPage(admin, () => ({ after: facts.deepCursor.ours })),
      peer: peerPage({ filter: PEER_LIVE, after: facts.deepCursor.peer }),
      firstPage,
    },
    {
      id: 'W3',
      group: 'W3',
      title: 'W3 node(id) of a random image, admin',
      paged: false,
      ours: () => ({
        body: () => body(`query Node($id: ID!) { node(id: $id) { ... on Image { ${OURS_IMAGE} } } }`, { id: encodeGlobalID('Image', pick(facts.imageIds)) }),
        fixed: false,
        check: expect(['node'], (node) => (node && typeof node === 'object' && 'operatingSystem' in node ? null : 'no image')),
        token: admin,
      }),
      peer: () => ({
        body: () => body(`query Node($id: UUID!) { imageByRowId(rowId: $id) { ${PEER_IMAGE} } }`, { id: pick(facts.imageIds) }),
        fixed: false,
        check: expect(['imageByRowId'], (node) => (node && typeof node === 'object' && 'regionByRegionId' in node ? null : 'no image')),
      }),
    },
    {
      id: 'W4f',
      group: 'W4',
      title: 'W4 Glance filter (visibility, status, tag, size and date ranges), admin',
      ours: oursPage(admin, () => ({ filter: GLANCE_FILTER }), () => 'some'),
      peer: peerPage({ filter: PEER_GLANCE_FILTER }, () => 'some'),
      note: 'PostGraphile through postgraphile-plugin-connection-filter.',
    },
    {
      id: 'W4s',
      group: 'W4',
      title: `W4 Foreman search (${FOREMAN_SEARCH}), admin`,
      ours: oursPage(admin, () => ({ search: FOREMAN_SEARCH }), () => 'some'),
      peer: peerPage({ filter: PEER_SEARCH_FILTER }, () => 'some'),
      note: 'PostGraphile: the same conditions as a connection filter on the related rows (it has no search syntax).',
    },
    {
      id: 'W5',
      group: 'W5',
      title: 'W5 imageMetadataSet on a random image, admin',
      ours: () => ({
        body: (context) =>
          body(
            `mutation Set($id: ID!, $value: String!) { imageMetadataSet(input: { id: $id, items: [{ key: "bench_note", value: $value }] }) {
              __typename ... on ImageMetadataSetPayload { image { id } } ... on Error { message } } }`,
            { id: encodeGlobalID('Image', writes.take(context)), value: `v${Math.floor(Math.random() * 1e9)}` },
          ),
        fixed: false,
        release: writes.release,
        expectText: '"__typename":"ImageMetadataSetPayload"',
        check: expect(['imageMetadataSet'], (result) => {
          const typename = (result as { __typename?: string; message?: string } | undefined)?.__typename;
          return typename === 'ImageMetadataSetPayload' ? null : `answered ${typename}: ${(result as { message?: string })?.message}`;
        }),
        token: admin,
      }),
      note: 'Ours only: mutations, each in a transaction of its own.',
    },
  ];
}

/** A project with a shared-image row of its own (one in five has one), preferring a row that lets it see every public image. */
export function memberProjectOf(dataset: Dataset): string {
  const rows = dataset.shared_image.filter((row) => row.project_id !== null);
  const row = rows.find((candidate) => candidate.image_ids === null) ?? rows[0];
  if (!row) throw new Error('the dataset has no project with a shared-image row');
  return row.project_id as string;
}

export const OURS_CURSOR_PAGE = `query Cursor($after: String) {
  images(first: 500, after: $after, orderBy: [{ field: NAME, direction: ASC }]) { pageInfo { endCursor } }
}`;
export const PEER_CURSOR_AT = `query Cursor($offset: Int!, $filter: ImageFilter) {
  allImages(first: 1, offset: $offset, filter: $filter, orderBy: [NAME_ASC]) { edges { cursor } }
}`;
export { PEER_LIVE };
