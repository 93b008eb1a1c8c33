// The cost model, on the real schema: what each kind of selection costs, and that every query the
// README shows and the benchmark sends fits the default budget.
import { readFileSync } from 'node:fs';
import { type GraphQLError, parse, print } from 'graphql';
import { describe, expect, it } from 'vitest';
import { workloads } from '../../bench/workloads.js';
import { loadConfig } from '../../src/config.js';
import { COST, operationCost } from '../../src/schema/cost.js';
import { buildSchema } from '../../src/schema/index.js';

const schema = buildSchema();
const ID = 'SW1hZ2U6MDFhMjE2MGItN2E1OC03MmE5LWEwY2MtMTljOTRkNWI5NjI1';
const cost = (query: string, variables?: Record<string, unknown>, operationName?: string) =>
  operationCost({ schema, document: parse(query), variables, operationName });
const MAX_COST = loadConfig({}).limits.maxCost;

describe('the cost of an operation', () => {
  it.each([
    ['a looked-up object with scalars', `{ image(id: "${ID}") { name status tags } }`, 1],
    ['each relation a row', `{ image(id: "${ID}") { operatingSystem { title } region { slug } owner { name } } }`, 4],
    ['__typename nothing', '{ __typename }', 0],
    ['a connection: its page size times an item, edges and pageInfo free', '{ images(first: 10) { edges { cursor node { name } } pageInfo { hasNextPage } } }', 1 + 10],
    ['the default page size when none is given', '{ regions { edges { node { slug } } } }', 1 + 20],
    ['last as first', '{ images(last: 7) { edges { node { region { slug } } } } }', 1 + 7 * 2],
    ['nested connections multiply', '{ regions(first: 10) { edges { node { images(first: 5) { edges { node { name } } } } } } }', 1 + 10 * (1 + 1 + 5)],
    ['a count once, not per item', '{ images(first: 100) { totalCount } }', 1 + COST.count],
    ['a search and a substring filter carry their weight', '{ a: images(first: 1, search: "name ~ x") { edges { node { id } } } b: images(first: 1, filter: { nameContains: "x" }) { edges { node { id } } } }', 2 * (1 + COST.search + 1)],
    ['a list that is not a connection: a fixed guess of items', `{ image(id: "${ID}") { metadata { key value } members { project { name } } } }`, 1 + 1 + (1 + COST.listItems * 1)],
    ['nodes(ids:) as many as it is given', `{ nodes(ids: ["${ID}", "${ID}", "${ID}"]) { id ... on Image { region { slug } } } }`, 1 + 3 * 1],
    ['a mutation: its own weight and what it returns', `mutation { imageRename(input: { id: "${ID}", name: "x" }) { __typename ... on ImageRenamePayload { image { name region { slug } } } } }`, COST.mutation + 1 + 2],
    ['a subscription', `subscription { imageStatusChanged(id: "${ID}") { image { name } status } }`, COST.subscription + 1 + 1],
    ['an introspection', '{ __schema { types { name } } __type(name: "Image") { name } }', COST.schemaIntrospection + COST.typeIntrospection],
    ['a fragment at each place it is spread', '{ a: images(first: 2) { edges { node { ...I } } } b: images(first: 3) { edges { node { ...I } } } } fragment I on Image { region { slug } }', 1 + 2 * 2 + 1 + 3 * 2],
    ['a skipped field nothing', '{ images(first: 10) { edges { node { region @skip(if: true) { slug } owner @include(if: false) { name } } } } }', 1 + 10],
  ])('%s', (_label, query, expected) => {
    expect(cost(query)).toBe(expected);
  });

  it('reads page sizes and @skip from the variables', () => {
    const query = 'query ($n: Int!, $s: Boolean!) { images(first: $n) { edges { node { region @skip(if: $s) { slug } } } } }';
    expect(cost(query, { n: 50, s: false })).toBe(1 + 50 * 2);
    expect(cost(query, { n: 50, s: true })).toBe(1 + 50);
  });

  it('costs one document by the values its variables have at each request, its remembered costs included', () => {
    const document = parse(`query ($n: Int, $last: Int, $s: Boolean!, $search: String, $filter: ImageFilter, $ids: [ID!]!, $after: String, $id: ID!) {
      images(first: $n, last: $last, after: $after, search: $search, filter: $filter) { edges { node { region @skip(if: $s) { slug } } } }
      nodes(ids: $ids) { id ... on Image { owner { name } } }
      image(id: $id) { name }
    }`);
    const once = (variables: Record<string, unknown>) => operationCost({ schema, document, variables });
    const fresh = (variables: Record<string, unknown>) => operationCost({ schema, document: parse(print(document)), variables });
    const base = { s: false, ids: [ID], id: ID };
    const cases: Record<string, unknown>[] = [
      { ...base, n: 10 },
      { ...base, n: 10, id: 'SW1hZ2U6b3RoZXI=' },
      { ...base, n: 50 },
      { ...base, n: 10, s: true },
      { ...base, n: 10, search: 'name ~ x' },
      { ...base, n: 10, search: 'absent' },
      { ...base, n: 10, filter: { nameContains: 'x' } },
      { ...base, n: 10, filter: { tags: ['x'] } },
      { ...base, n: 10, ids: [ID, ID, ID] },
      { ...base, n: 10, after: 'c' },
      { ...base },
      { ...base, last: 5 },
      { ...base, last: 7 },
      { ...base, n: 10, search: '  ' },
      { ...base, n: 501 },
      { ...base, n: 1, last: 1 },
      { ...base, n: 10 },
    ];
    for (const variables of [...cases, ...cases]) expect(once(variables), JSON.stringify(variables)).toEqual(fresh(variables));
    expect(once({ ...base, n: 10 })).toBe(1 + 10 * 2 + 1 + 1 + 1);
    expect(once({ ...base, n: 501 })).toMatchObject([{ message: 'first must be between 0 and 500, got 501' }]);
  });

  it('keys variables written inside lists, objects and directives by their values, and null apart from a default', () => {
    const document = parse(`query ($q: String, $a: ID!, $b: ID!, $s: Boolean!, $n: Int = 5) {
      images(first: $n, filter: { nameContains: $q }) { edges { node { ...F @skip(if: $s) } } }
      nodes(ids: [$a, $b]) { id }
    } fragment F on Image { region { slug } }`);
    const once = (variables: Record<string, unknown>) => operationCost({ schema, document, variables });
    const fresh = (variables: Record<string, unknown>) => operationCost({ schema, document: parse(print(document)), variables });
    const base = { a: ID, b: ID, s: false };
    const cases: Record<string, unknown>[] = [
      { ...base },
      { ...base, q: 'x' },
      { ...base, q: '' },
      { ...base, q: null },
      { ...base, s: true },
      { ...base, n: 7 },
      { ...base, n: null },
      { ...base, a: 'SW1hZ2U6b3RoZXI=' },
    ];
    for (const variables of [...cases, ...cases]) expect(once(variables), JSON.stringify(variables)).toEqual(fresh(variables));
    // The default page size of 5 when $n is absent; null asks for the default of the connection.
    expect(once({ ...base })).toBe(1 + 5 * 2 + 1);
    expect(once({ ...base, n: null })).toBe(1 + 20 * 2 + 1);
  });

  it('measures the operation the request names', () => {
    const document = 'query Small { regions(first: 1) { edges { node { slug } } } } query Big { regions(first: 100) { edges { node { slug } } } }';
    expect(cost(document, {}, 'Small')).toBe(2);
    expect(cost(document, {}, 'Big')).toBe(101);
    expect((cost(document) as GraphQLError[])[0]!.message).toMatch(/Must provide operation name/);
    expect((cost(document, {}, 'Other') as GraphQLError[])[0]!.message).toBe('Unknown operation named "Other".');
  });

  it('refuses page sizes out of range and variables that do not fit, as execution would', () => {
    const [tooMany] = cost('{ images(first: 501) { totalCount } }') as GraphQLError[];
    expect(tooMany).toMatchObject({ message: 'first must be between 0 and 500, got 501', extensions: { code: 'BAD_USER_INPUT', argument: 'first' } });
    const [both] = cost('{ images(first: 1, last: 1) { totalCount } }') as GraphQLError[];
    expect(both!.message).toBe('Pass either first or last, not both');
    const [missing] = cost('query ($n: Int!) { images(first: $n) { totalCount } }') as GraphQLError[];
    expect(missing!.message).toBe('Variable "$n" of required type "Int!" was not provided.');
  });

  it('costs a fragment spread many times over once per parent type: linear in the document', () => {
    // 30 levels of two aliased spreads each: 2^30 paths, counted through the memo.
    const levels = 30;
    const fragments = Array.from({ length: levels }, (_, i) => `fragment F${i} on Image { a: replicaOf { ...F${i + 1} } b: replicaOf { ...F${i + 1} } }`).join(' ');
    const started = performance.now();
    const result = cost(`{ image(id: "${ID}") { ...F0 } } ${fragments} fragment F${levels} on Image { name }`);
    expect(result).toBe(1 + 2 ** (levels + 1) - 2);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it.each([
    // Spreads on the connection type itself: each level spreads the next twice.
    ['inside a connection', (i: number) => `fragment F${i} on ImageConnection { ...F${i + 1} ...F${i + 1} }`, 'fragment F30 on ImageConnection { edges { node { name } } }', '{ images(first: 2) { ...F0 } }', 1 + 2 ** 30 * 2],
    // Spreads on the mutation root, whose fields carry a weight of their own.
    ['on the mutation root', (i: number) => `fragment F${i} on Mutation { ...F${i + 1} ...F${i + 1} }`, `fragment F30 on Mutation { imageRename(input: { id: "${ID}", name: "x" }) { __typename } }`, 'mutation { ...F0 }', 2 ** 30 * (COST.mutation + COST.object)],
  ])('costs fragments spread twice over, 30 deep, %s in linear time', (_where, level, last, operation, expected) => {
    const fragments = Array.from({ length: 30 }, (_, i) => level(i)).join(' ');
    const started = performance.now();
    expect(cost(`${operation} ${fragments} ${last}`)).toBe(expected);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('the default budget', () => {
  it('costs what the README says its first walk-through query and a benchmark page cost', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const first = /```graphql\n([\s\S]*?)```/.exec(readme)![1]!;
    expect(cost(first)).toBe(81);
    expect(readme).toContain('costs 1 + 5 × 6 + 50 = 81');
    const facts = { adminToken: 'a', memberToken: 'm', memberProject: 'p', imageIds: [], activeImageIds: [], deepCursor: { ours: 'c', peer: 'c' }, deepRows: 1 };
    const page = JSON.parse(workloads(facts)[0]!.ours(100).body()) as { query: string; variables: Record<string, unknown> };
    expect(cost(page.query, page.variables)).toBe(701);
  });

  it('fits every query of the README but the one shown refused', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const blocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```(\s*```json\n[^`]*```)?/g)]
      .filter((match) => !match[2]?.includes('MAX_COST'))
      .map((match) => match[1]!);
    expect(blocks.length).toBeGreaterThan(10);
    for (const block of blocks) {
      const result = cost(block.replace(/"[A-Z_]+_ID"/g, `"${ID}"`).replace(/"SOURCE_URL"/g, '"https://example.org/x.img"'));
      expect(result, block).toBeTypeOf('number');
      expect(result as number, block).toBeLessThanOrEqual(MAX_COST);
    }
  });

  it('fits every benchmark workload at page sizes 10 and 100, and the largest page of every relation', () => {
    const facts = {
      adminToken: 'a', memberToken: 'm', memberProject: 'p', imageIds: ['01a2160b-7a58-72a9-a0cc-19c94d5b9625'],
      activeImageIds: ['01a2160b-7a58-72a9-a0cc-19c94d5b9625'], deepCursor: { ours: 'c', peer: 'c' }, deepRows: 1,
    };
    for (const workload of workloads(facts)) {
      for (const size of [10, 100, 500]) {
        const { query, variables } = JSON.parse(workload.ours(size).body({})) as { query: string; variables: Record<string, unknown> };
        const result = cost(query, variables);
        expect(result, `${workload.id} at ${size}`).toBeTypeOf('number');
        expect(result as number, `${workload.id} at ${size}`).toBeLessThanOrEqual(MAX_COST);
      }
    }
  });
});
