import { decodeGlobalID } from '@pothos/plugin-relay';
import type { ExecutionResult } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Image } from '../../src/db/entities/image.js';
import { Project } from '../../src/db/entities/project.js';
import { Region } from '../../src/db/entities/region.js';
import { graphql } from '../gql/index.js';
import type { ImageKeysetPageQuery, ImageOrderField, OrderDirection } from '../gql/graphql.js';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { createCatalog, unique } from '../helpers/fixtures.js';

const Page = graphql(`
  query ImageKeysetPage($first: Int, $after: String, $last: Int, $before: String, $orderBy: [ImageOrder!]) {
    images(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) {
      edges { cursor node { id name status size createdAt updatedAt } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
`);

type Row = { id: string; name: string; status: string; size?: number | null; createdAt: string; updatedAt: string };
/** The raw uuid: ties are broken by it, and it is what the fixtures know. */
const toRow = (node: Row): Row => ({ ...node, id: decodeGlobalID(node.id).id });

const keyOf: Record<ImageOrderField, (row: Row) => string | number | null> = {
  NAME: (row) => row.name,
  CREATED_AT: (row) => row.createdAt,
  UPDATED_AT: (row) => row.updatedAt,
  SIZE: (row) => row.size ?? null,
  STATUS: (row) => row.status,
};

/** The order the API promises: the field (nulls smallest), then the id, both in `direction`. */
function compare(field: ImageOrderField, direction: OrderDirection) {
  const sign = direction === 'ASC' ? 1 : -1;
  return (a: Row, b: Row) => {
    const x = keyOf[field](a);
    const y = keyOf[field](b);
    let order = 0;
    if (x === null || y === null) order = x === y ? 0 : x === null ? -1 : 1;
    else order = x < y ? -1 : x > y ? 1 : 0;
    if (order === 0) order = a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
    return order * sign;
  };
}

describe('keyset pagination over 1,000 images', () => {
  let t: TestApp;
  let original: Set<string>;
  let insertImage: () => Promise<void>;

  beforeAll(async () => {
    t = await startTestApp();
    const catalog = await createCatalog(t.app);
    const em = t.app.orm.em.fork();
    const owners = [catalog.project, ...[1, 2, 3].map(() => em.create(Project, { name: unique('owner'), reseller: null }))];
    const statuses = ['ACTIVE', 'QUEUED', 'SAVING', 'DEACTIVATED', 'KILLED'] as const;
    const base = Date.parse('2026-01-01T00:00:00.000Z');
    const images: Image[] = [];
    for (let index = 0; index < 1000; index++) {
      // Names, sizes, statuses and times repeat on purpose: ties must be broken by id.
      const image = em.create(Image, {
        name: `img-${String(index % 250).padStart(4, '0')}`,
        owner: owners[Math.floor(index / 250)]!,
        region: em.getReference(Region, catalog.region.id),
        status: statuses[index % statuses.length]!,
        size: index % 7 === 0 ? null : (index % 40) * 1000,
      } as never);
      image.createdAt = new Date(base + (index % 97) * 1000);
      image.updatedAt = new Date(base + (index % 13) * 1000);
      images.push(image);
    }
    await em.flush();
    original = new Set(images.map((image) => image.id));
    let inserted = 0;
    insertImage = async () => {
      const fork = t.app.orm.em.fork();
      const image = fork.create(Image, {
        name: `img-${String(inserted % 250).padStart(4, '0')}-new-${inserted++}`,
        owner: fork.getReference(Project, catalog.project.id),
        region: fork.getReference(Region, catalog.region.id),
        status: statuses[inserted % statuses.length]!,
        size: inserted % 3 === 0 ? null : (inserted % 40) * 1000 + 1,
      } as never);
      // Inside the range of the originals, so that new rows land on both sides of any cursor.
      image.createdAt = new Date(base + ((inserted * 37) % 97) * 1000 + 500);
      image.updatedAt = new Date(base + ((inserted * 7) % 13) * 1000 + 500);
      await fork.flush();
    };
  }, 120_000);
  afterAll(() => t?.close());

  const fields: ImageOrderField[] = ['NAME', 'CREATED_AT', 'UPDATED_AT', 'SIZE', 'STATUS'];
  const directions: OrderDirection[] = ['ASC', 'DESC'];

  for (const field of fields) {
    for (const direction of directions) {
      it(`sees every image once, in order, by ${field} ${direction}, forward then backward, while images are added`, async () => {
        const orderBy = [{ field, direction }];
        const forward: Row[] = [];
        let after: string | null = null;
        for (let pages = 0; pages < 100; pages++) {
          const result: ExecutionResult<ImageKeysetPageQuery> = await t.request(Page, { first: 37, after, orderBy });
          expect(result.errors).toBeUndefined();
          const { edges, pageInfo } = result.data!.images;
          forward.push(...edges.map((edge) => toRow(edge.node)));
          await insertImage();
          if (!pageInfo.hasNextPage) break;
          after = pageInfo.endCursor!;
        }
        expectOnceInOrder(forward, field, direction);

        const backward: Row[] = [];
        let before: string | null = null;
        for (let pages = 0; pages < 100; pages++) {
          const result: ExecutionResult<ImageKeysetPageQuery> = await t.request(Page, { last: 37, before, orderBy });
          expect(result.errors).toBeUndefined();
          const { edges, pageInfo } = result.data!.images;
          expect(edges.length).toBeLessThanOrEqual(37);
          backward.unshift(...edges.map((edge) => toRow(edge.node)));
          await insertImage();
          if (!pageInfo.hasPreviousPage) break;
          before = pageInfo.startCursor!;
        }
        expectOnceInOrder(backward, field, direction);
      });
    }
  }

  function expectOnceInOrder(rows: Row[], field: ImageOrderField, direction: OrderDirection) {
    const ids = rows.map((row) => row.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of original) expect(ids).toContain(id);
    const sorted = [...rows].sort(compare(field, direction));
    expect(ids).toEqual(sorted.map((row) => row.id));
  }
});
