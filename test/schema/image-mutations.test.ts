// Every image mutation, its happy path and each kind of bad input it can get: the typed error
// that comes back, and a database left exactly as it was.
import type { ExecutionResult } from 'graphql';
import { Image } from '../../src/db/entities/image.js';
import { MAX_METADATA_ITEMS } from '../../src/domain/validation.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.js';
import type { ImageCreateInput } from '../gql/graphql.js';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { type Catalog, createCatalog, createImages, gid, unique } from '../helpers/fixtures.js';
import { waitForTask } from '../helpers/tasks.js';

// --- Documents ----------------------------------------------------------------------------

graphql(`
  fragment MutatedImage on Image {
    id
    name
    description
    status
    visibility
    protected
    hidden
    tags
    minDisk
    minRam
    diskFormat
    displayOrder
    sourceUrl
    providerRef
    username
    hasPassword
    rowVersion
    deletedAt
    region { id }
    owner { id }
    operatingSystem { id }
    architecture { id }
    computeResource { id }
    metadata { key value readOnly }
  }
`);

graphql(`
  fragment MutationError on Error {
    __typename
    message
    code
    ... on ValidationError { issues { path message } }
    ... on ConflictError { field }
    ... on NotFoundError { type resourceId }
    ... on ProtectedImageError { imageId }
    ... on ReadOnlyMetadataError { keys }
  }
`);

const CreateImage = graphql(`
  mutation TestImageCreate($input: ImageCreateInput!) {
    imageCreate(input: $input) {
      __typename
      ...MutationError
      ... on ImageCreatePayload { image { ...MutatedImage } }
    }
  }
`);

const UpdateImage = graphql(`
  mutation TestImageUpdate($input: ImageUpdateInput!) {
    imageUpdate(input: $input) {
      __typename
      ...MutationError
      ... on ImageUpdatePayload { image { ...MutatedImage } }
    }
  }
`);

const RenameImage = graphql(`
  mutation TestImageRename($input: ImageRenameInput!) {
    imageRename(input: $input) {
      __typename
      ...MutationError
      ... on ImageRenamePayload { image { ...MutatedImage } }
    }
  }
`);

const AddTags = graphql(`
  mutation TestImageTagAdd($input: ImageTagAddInput!) {
    imageTagAdd(input: $input) {
      __typename
      ...MutationError
      ... on ImageTagAddPayload { image { ...MutatedImage } }
    }
  }
`);

const RemoveTags = graphql(`
  mutation TestImageTagRemove($input: ImageTagRemoveInput!) {
    imageTagRemove(input: $input) {
      __typename
      ...MutationError
      ... on ImageTagRemovePayload { image { ...MutatedImage } }
    }
  }
`);

const DeleteImage = graphql(`
  mutation TestImageDelete($input: ImageDeleteInput!) {
    imageDelete(input: $input) {
      __typename
      ...MutationError
      ... on ImageDeletePayload { image { ...MutatedImage } task { id type state } }
    }
  }
`);

const SetMetadata = graphql(`
  mutation TestImageMetadataSet($input: ImageMetadataSetInput!) {
    imageMetadataSet(input: $input) {
      __typename
      ...MutationError
      ... on ImageMetadataSetPayload { image { ...MutatedImage } }
    }
  }
`);

const ReplaceMetadata = graphql(`
  mutation TestImageMetadataReplace($input: ImageMetadataReplaceInput!) {
    imageMetadataReplace(input: $input) {
      __typename
      ...MutationError
      ... on ImageMetadataReplacePayload { image { ...MutatedImage } }
    }
  }
`);

const DeleteMetadata = graphql(`
  mutation TestImageMetadataDelete($input: ImageMetadataDeleteInput!) {
    imageMetadataDelete(input: $input) {
      __typename
      ...MutationError
      ... on ImageMetadataDeletePayload { image { ...MutatedImage } }
    }
  }
`);

const CreateTwo = graphql(`
  mutation TestImageCreateTwo($first: ImageCreateInput!, $second: ImageCreateInput!) {
    first: imageCreate(input: $first) {
      __typename
      ...MutationError
      ... on ImageCreatePayload { image { ...MutatedImage } }
    }
    second: imageCreate(input: $second) {
      __typename
      ...MutationError
      ... on ImageCreatePayload { image { ...MutatedImage } }
    }
  }
`);

const RenameThenTag = graphql(`
  mutation TestImageRenameThenTag($rename: ImageRenameInput!, $tag: ImageTagAddInput!) {
    first: imageRename(input: $rename) {
      __typename
      ...MutationError
      ... on ImageRenamePayload { image { ...MutatedImage } }
    }
    second: imageTagAdd(input: $tag) {
      __typename
      ...MutationError
      ... on ImageTagAddPayload { image { ...MutatedImage } }
    }
  }
`);

const GetImage = graphql(`
  query TestImageGet($id: ID!) {
    image(id: $id) { ...MutatedImage }
  }
`);

const ListImages = graphql(`
  query TestImageList($filter: ImageFilter) {
    images(first: 100, filter: $filter) {
      totalCount
      edges { node { id name status deletedAt } }
    }
  }
`);

// --- Helpers ------------------------------------------------------------------------------

const UNKNOWN_UUID = '00000000-0000-7000-8000-000000000000';
const unknownImageId = gid('Image', UNKNOWN_UUID);

let t: TestApp;
let catalog: Catalog;

beforeAll(async () => {
  t = await startTestApp();
  catalog = await createCatalog(t.app);
});
afterAll(() => t?.close());

const regionId = () => gid('Region', catalog.region.id);
const otherRegionId = () => gid('Region', catalog.otherRegion.id);
const ownerId = () => gid('Project', catalog.project.id);
const computeResourceId = () => gid('ComputeResource', catalog.computeResource.id);

/** The one field of a mutation's data, as any union member; the operation had no top-level error. */
// `any`: the union members are told apart at run time by __typename.
function field(result: ExecutionResult<Record<string, any>>, name: string): any {
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data![name];
}

/** Asserts a ValidationError whose issues name exactly these paths (in any order). */
function expectIssues(member: any, paths: string[][]) {
  expect(member.__typename, JSON.stringify(member)).toBe('ValidationError');
  expect(member.code).toBe('VALIDATION_FAILED');
  const got = (member.issues as { path: string[] }[]).map((issue) => issue.path);
  expect([...got].sort()).toEqual([...paths].sort());
}

/** Runs `work`, asserting that the image and image_metadata tables are exactly as before. */
async function unchanged<T>(work: () => Promise<T>): Promise<T> {
  const before = await t.snapshot('image', 'image_metadata');
  const result = await work();
  const after = await t.snapshot('image', 'image_metadata');
  expect(after).toEqual(before);
  return result;
}

/** A top-level GraphQL error (validation or argument parsing), no data for the field. */
function expectTopLevelError(result: ExecutionResult<Record<string, any>>, pattern?: RegExp, code?: string) {
  expect(result.errors?.length ?? 0, JSON.stringify(result)).toBeGreaterThan(0);
  expect(result.data?.[Object.keys(result.data ?? {})[0] ?? ''] ?? null).toBeNull();
  if (pattern) expect(result.errors![0]!.message).toMatch(pattern);
  if (code) expect(result.errors![0]!.extensions?.code).toBe(code);
}

/** A global id of another type: a clear client error, not a masked fault. */
const expectWrongTypeId = (result: ExecutionResult<Record<string, any>>, type: string) =>
  expectTopLevelError(result, new RegExp(`is not of type: ${type}`), 'BAD_USER_INPUT');
/** A string that is no global id at all. */
const expectMalformedId = (result: ExecutionResult<Record<string, any>>) =>
  expectTopLevelError(result, /Invalid global ID: abc/, 'BAD_USER_INPUT');

/** A document the GraphQL validation refuses: errors only, no data at all. */
function expectInvalidDocument(result: ExecutionResult<Record<string, any>>, query: string) {
  expect(result.errors?.[0]?.message, query).toEqual(expect.any(String));
  expect(result.errors![0]!.extensions?.code, query).toBe('GRAPHQL_VALIDATION_FAILED');
  expect(result.data ?? null, query).toBeNull();
}

/** Creates an image through the API; fails the test unless it is created. */
async function createImage(input: Partial<ImageCreateInput> = {}) {
  const result = await t.request(CreateImage, {
    input: { name: unique('img'), regionId: regionId(), ownerId: ownerId(), ...input },
  });
  const member = field(result, 'imageCreate');
  expect(member.__typename, JSON.stringify(member)).toBe('ImageCreatePayload');
  return member.image as {
    id: string;
    name: string;
    rowVersion: number;
    tags: string[];
    status: string;
    metadata: { key: string; value: string; readOnly: boolean }[];
  };
}

/**
 * An image registered with a providerRef on the catalog's compute resource, made through
 * imageCreate + imageUpdate, so that tests about providerRef do not depend on imageCreate's
 * template path (tested on its own).
 */
async function createTemplate(providerRef: string, input: Partial<ImageCreateInput> = {}) {
  const image = await createImage({ computeResourceId: computeResourceId(), ...input });
  const member = field(await t.request(UpdateImage, { input: { id: image.id, patch: { providerRef } } }), 'imageUpdate');
  expect(member.__typename, JSON.stringify(member)).toBe('ImageUpdatePayload');
  return member.image as typeof image & { providerRef: string };
}

async function readImage(id: string) {
  const result = await t.request(GetImage, { id });
  expect(result.errors).toBeUndefined();
  return result.data!.image;
}

const raw = (query: string, variables?: Record<string, unknown>) => t.requestRaw(query, variables);

// --- imageCreate --------------------------------------------------------------------------

describe('imageCreate', () => {
  it('registers a QUEUED image with every field given, tags deduplicated, relations resolved', async () => {
    const name = unique('ubuntu');
    const result = await t.request(CreateImage, {
      input: {
        name,
        description: 'Ubuntu server',
        regionId: regionId(),
        ownerId: ownerId(),
        operatingSystemId: gid('OperatingSystem', catalog.os.id),
        architectureId: gid('Architecture', catalog.arch.id),
        visibility: 'PUBLIC',
        tags: ['lts', 'server', 'lts'],
        minDisk: 10,
        minRam: 2147483647,
        diskFormat: 'QCOW2',
        displayOrder: -3,
        sourceUrl: 'https://example.com/ubuntu.qcow2',
        username: 'ubuntu',
      },
    });
    const member = field(result, 'imageCreate');
    expect(member.__typename).toBe('ImageCreatePayload');
    const image = member.image;
    expect(image).toMatchObject({
      name,
      description: 'Ubuntu server',
      status: 'QUEUED',
      visibility: 'PUBLIC',
      protected: false,
      hidden: false,
      tags: ['lts', 'server'],
      minDisk: 10,
      minRam: 2147483647,
      diskFormat: 'QCOW2',
      displayOrder: -3,
      sourceUrl: 'https://example.com/ubuntu.qcow2',
      username: 'ubuntu',
      hasPassword: false,
      deletedAt: null,
      providerRef: null,
      region: { id: regionId() },
      owner: { id: ownerId() },
      operatingSystem: { id: gid('OperatingSystem', catalog.os.id) },
      architecture: { id: gid('Architecture', catalog.arch.id) },
      computeResource: null,
      metadata: [],
    });
    expect(await readImage(image.id)).toEqual(image);
  });

  it('registers a compute-resource template (providerRef + computeResourceId) ACTIVE at once, in the compute resource region', async () => {
    const image = await createImage({ regionId: undefined, providerRef: unique('tpl'), computeResourceId: computeResourceId() });
    expect(image.status).toBe('ACTIVE');
    expect((await readImage(image.id))?.region.id).toBe(regionId());
    expect((await readImage(image.id))?.computeResource?.id).toBe(computeResourceId());
  });

  it('stores a password write-only: hasPassword is true, the password is never readable nor stored in clear', async () => {
    const secret = 'S3cret-pa55word!';
    const image = await createImage({ password: secret });
    expect((await readImage(image.id))?.hasPassword).toBe(true);
    const read = await raw('query ($id: ID!) { image(id: $id) { id password } }', { id: image.id });
    expectTopLevelError(read, /password/);
    const [images] = (await t.snapshot('image')) as Record<string, unknown>[][];
    const stored = images!.find((row) => gid('Image', row.id as string) === image.id)!;
    expect(JSON.stringify(stored)).not.toContain(secret);
    expect(stored.password_cipher).toEqual(expect.any(String));
  });

  it('creates the metadata items given, read-only ones included', async () => {
    const image = await createImage({
      metadata: [
        { key: 'billing_code', value: 'X', readOnly: true },
        { key: 'os', value: 'linux' },
      ],
    });
    expect(image.metadata).toEqual([
      { key: 'billing_code', value: 'X', readOnly: true },
      { key: 'os', value: 'linux', readOnly: false },
    ]);
  });

  it('accepts the same name in another region and for another owner, and in the provider catalog', async () => {
    const name = unique('shared-name');
    await createImage({ name });
    await createImage({ name, regionId: otherRegionId() });
    await createImage({ name, ownerId: undefined });
    const other = await createCatalog(t.app);
    await createImage({ name, ownerId: gid('Project', other.project.id) });
  });

  it('refuses a duplicate name in the same region and owner, and changes nothing', async () => {
    const name = unique('dup');
    await createImage({ name });
    const member = await unchanged(async () =>
      field(await t.request(CreateImage, { input: { name, regionId: regionId(), ownerId: ownerId(), metadata: [{ key: 'a', value: 'b' }] } }), 'imageCreate'),
    );
    expect(member.__typename).toBe('ConflictError');
    expect(member.code).toBe('CONFLICT');
    expect(member.field).toBe('name');
  });

  it('refuses a duplicate name in the provider catalog (no owner) of a region, and changes nothing', async () => {
    const name = unique('public-dup');
    await createImage({ name, ownerId: undefined });
    const member = await unchanged(async () =>
      field(await t.request(CreateImage, { input: { name, regionId: regionId() } }), 'imageCreate'),
    );
    expect(member.__typename).toBe('ConflictError');
    expect(member.field).toBe('name');
  });

  it('refuses providerRef without computeResourceId, naming computeResourceId, and changes nothing', async () => {
    const member = await unchanged(async () =>
      field(await t.request(CreateImage, { input: { name: unique('x'), regionId: regionId(), providerRef: unique('tpl') } }), 'imageCreate'),
    );
    expectIssues(member, [['input', 'computeResourceId']]);
  });

  it('refuses the same providerRef twice on one compute resource, and changes nothing; another compute resource may use it', async () => {
    const providerRef = unique('tpl');
    await createTemplate(providerRef);
    const member = await unchanged(async () =>
      field(
        await t.request(CreateImage, {
          input: { name: unique('x'), ownerId: ownerId(), providerRef, computeResourceId: computeResourceId() },
        }),
        'imageCreate',
      ),
    );
    expect(member.__typename).toBe('ConflictError');
    expect(member.field).toBe('providerRef');
    const other = await createCatalog(t.app);
    await createImage({
      providerRef,
      computeResourceId: gid('ComputeResource', other.computeResource.id),
      regionId: gid('Region', other.region.id),
    });
  });

  it('refuses an image without a region (no regionId, no compute resource), naming regionId, and changes nothing', async () => {
    const member = await unchanged(async () =>
      field(await t.request(CreateImage, { input: { name: unique('x'), ownerId: ownerId() } }), 'imageCreate'),
    );
    expectIssues(member, [['input', 'regionId']]);
  });

  const outOfRange: [string, Partial<ImageCreateInput>, string[][]][] = [
    ['minDisk -1', { minDisk: -1 }, [['input', 'minDisk']]],
    ['minRam -1', { minRam: -1 }, [['input', 'minRam']]],
    ['an empty name', { name: '' }, [['input', 'name']]],
    ['a name with outer spaces', { name: '  padded ' }, [['input', 'name']]],
    ['a name of 256 characters', { name: 'n'.repeat(256) }, [['input', 'name']]],
    ['a name with a control character', { name: 'bad\u0007name' }, [['input', 'name']]],
    ['a name with a newline', { name: 'bad\nname' }, [['input', 'name']]],
    ['an empty tag', { tags: ['ok', ''] }, [['input', 'tags', '1']]],
    ['129 tags', { tags: Array.from({ length: 129 }, (_, i) => `t${i}`) }, [['input', 'tags']]],
    ['an empty metadata key', { metadata: [{ key: '', value: 'v' }] }, [['input', 'metadata', '0', 'key']]],
    ['a metadata key of 256 characters', { metadata: [{ key: 'k'.repeat(256), value: 'v' }] }, [['input', 'metadata', '0', 'key']]],
    ['a metadata value of 1025 characters', { metadata: [{ key: 'k', value: 'v'.repeat(1025) }] }, [['input', 'metadata', '0', 'value']]],
    ['a metadata key given twice', { metadata: [{ key: 'k', value: '1' }, { key: 'k', value: '2' }] }, [['input', 'metadata', '1', 'key']]],
    ['sourceUrl "not a url"', { sourceUrl: 'not a url' }, [['input', 'sourceUrl']]],
    ['sourceUrl "javascript:alert(1)"', { sourceUrl: 'javascript:alert(1)' }, [['input', 'sourceUrl']]],
    ['an empty providerRef', { providerRef: '', computeResourceId: undefined }, [['input', 'providerRef']]],
    ['a version of 65 characters', { version: 'v'.repeat(65) }, [['input', 'version']]],
    ['null for a non-null field (protected)', { protected: null }, [['input', 'protected']]],
  ];
  it.each(outOfRange)('refuses %s with a ValidationError naming the field, and changes nothing', async (_label, override, paths) => {
    const member = await unchanged(async () =>
      field(await t.request(CreateImage, { input: { name: unique('x'), regionId: regionId(), ownerId: ownerId(), ...override } }), 'imageCreate'),
    );
    expectIssues(member, paths);
  });

  it('lists every bad field in one ValidationError, and changes nothing', async () => {
    const member = await unchanged(async () =>
      field(
        await t.request(CreateImage, {
          input: {
            name: ' ',
            regionId: regionId(),
            minDisk: -1,
            minRam: -2,
            tags: [''],
            sourceUrl: 'javascript:alert(1)',
            metadata: [{ key: '', value: 'x'.repeat(1025) }],
          },
        }),
        'imageCreate',
      ),
    );
    expectIssues(member, [
      ['input', 'name'],
      ['input', 'minDisk'],
      ['input', 'minRam'],
      ['input', 'tags', '0'],
      ['input', 'sourceUrl'],
      ['input', 'metadata', '0', 'key'],
      ['input', 'metadata', '0', 'value'],
    ]);
  });

  it('lists an unknown reference together with the other bad fields in one ValidationError', async () => {
    const member = await unchanged(async () =>
      field(
        await t.request(CreateImage, {
          input: {
            name: unique('x'),
            regionId: regionId(),
            minDisk: -1,
            operatingSystemId: gid('OperatingSystem', UNKNOWN_UUID),
          },
        }),
        'imageCreate',
      ),
    );
    expectIssues(member, [['input', 'minDisk'], ['input', 'operatingSystemId']]);
  });

  const references: [string, string][] = [
    ['operatingSystemId', 'OperatingSystem'],
    ['architectureId', 'Architecture'],
    ['computeResourceId', 'ComputeResource'],
    ['ownerId', 'Project'],
    ['regionId', 'Region'],
  ];
  it.each(references)('refuses an unknown %s with a ValidationError naming it, and changes nothing', async (key, type) => {
    const member = await unchanged(async () =>
      field(
        await t.request(CreateImage, {
          input: { name: unique('x'), regionId: regionId(), ownerId: ownerId(), [key]: gid(type, UNKNOWN_UUID) },
        }),
        'imageCreate',
      ),
    );
    expectIssues(member, [['input', key]]);
  });

  it('names every unknown reference at once', async () => {
    const input = Object.fromEntries(references.map(([key, type]) => [key, gid(type, UNKNOWN_UUID)]));
    const member = await unchanged(async () =>
      field(await t.request(CreateImage, { input: { name: unique('x'), ...input } }), 'imageCreate'),
    );
    expectIssues(member, references.map(([key]) => ['input', key]));
  });

  it('refuses a global id of the wrong type (a Project id as regionId) with a top-level error, and changes nothing', async () => {
    const result = await unchanged(() =>
      t.request(CreateImage, { input: { name: unique('x'), regionId: ownerId(), ownerId: ownerId() } }),
    );
    expectWrongTypeId(result, 'Region');
  });

  it('refuses a malformed global id ("abc") with a top-level error, and changes nothing', async () => {
    const result = await unchanged(() =>
      t.request(CreateImage, { input: { name: unique('x'), regionId: regionId(), ownerId: 'abc' } }),
    );
    expectMalformedId(result);
  });

  const invalidDocuments: [string, string][] = [
    ['a missing name', 'mutation { imageCreate(input: { regionId: "%REGION%" }) { __typename } }'],
    ['a missing input', 'mutation { imageCreate { __typename } }'],
    ['minDisk "ten"', 'mutation { imageCreate(input: { name: "x1", regionId: "%REGION%", minDisk: "ten" }) { __typename } }'],
    ['protected "yes"', 'mutation { imageCreate(input: { name: "x2", regionId: "%REGION%", protected: "yes" }) { __typename } }'],
    ['a string for an enum (visibility)', 'mutation { imageCreate(input: { name: "x3", regionId: "%REGION%", visibility: "PUBLIC" }) { __typename } }'],
    ['an unknown enum value (diskFormat)', 'mutation { imageCreate(input: { name: "x4", regionId: "%REGION%", diskFormat: EXE }) { __typename } }'],
    ['minRam 2^31 (beyond GraphQL Int)', 'mutation { imageCreate(input: { name: "x5", regionId: "%REGION%", minRam: 2147483648 }) { __typename } }'],
    ['displayOrder 1.5', 'mutation { imageCreate(input: { name: "x6", regionId: "%REGION%", displayOrder: 1.5 }) { __typename } }'],
    ['a number as a tag', 'mutation { imageCreate(input: { name: "x7", regionId: "%REGION%", tags: [5] }) { __typename } }'],
    ['an unknown input field', 'mutation { imageCreate(input: { name: "x8", regionId: "%REGION%", colour: "red" }) { __typename } }'],
    ['a metadata item without a value', 'mutation { imageCreate(input: { name: "x9", regionId: "%REGION%", metadata: [{ key: "k" }] }) { __typename } }'],
  ];
  it.each(invalidDocuments)('refuses %s as a GraphQL validation error with no data, and changes nothing', async (_label, query) => {
    const result = await unchanged(() => raw(query.replaceAll('%REGION%', regionId())));
    expectInvalidDocument(result, query);
  });

  it('refuses a wrong-typed variable (minDisk "ten") as a top-level error, and changes nothing', async () => {
    const result = await unchanged(() =>
      raw('mutation ($input: ImageCreateInput!) { imageCreate(input: $input) { __typename } }', {
        input: { name: unique('x'), regionId: regionId(), minDisk: 'ten' },
      }),
    );
    expect(result.errors?.[0]?.message).toMatch(/minDisk/);
    expect(result.data ?? null).toBeNull();
  });
});

// --- imageUpdate --------------------------------------------------------------------------

describe('imageUpdate', () => {
  it('changes the fields given, keeps the others, clears those set to null, and bumps rowVersion', async () => {
    const image = await createImage({ description: 'old', tags: ['a'], minDisk: 5 });
    const result = await t.request(UpdateImage, {
      input: { id: image.id, patch: { minDisk: 20, description: null, tags: ['b', 'b', 'c'], protected: true } },
    });
    const member = field(result, 'imageUpdate');
    expect(member.__typename).toBe('ImageUpdatePayload');
    expect(member.image).toMatchObject({
      name: image.name,
      minDisk: 20,
      description: null,
      tags: ['b', 'c'],
      protected: true,
      rowVersion: image.rowVersion + 1,
    });
    expect(await readImage(image.id)).toEqual(member.image);
  });

  it('sets and clears the write-only password: hasPassword follows, the password never comes back', async () => {
    const image = await createImage();
    const set = field(await t.request(UpdateImage, { input: { id: image.id, patch: { password: 'n3w-Secret' } } }), 'imageUpdate');
    expect(set.image.hasPassword).toBe(true);
    const [rows] = (await t.snapshot('image')) as Record<string, unknown>[][];
    expect(JSON.stringify(rows)).not.toContain('n3w-Secret');
    const cleared = field(await t.request(UpdateImage, { input: { id: image.id, patch: { password: null } } }), 'imageUpdate');
    expect(cleared.image.hasPassword).toBe(false);
  });

  it('refuses a stale expectedVersion with a ConflictError on expectedVersion, and changes nothing; the current version succeeds', async () => {
    const image = await createImage();
    const first = field(await t.request(UpdateImage, { input: { id: image.id, expectedVersion: image.rowVersion, patch: { minDisk: 1 } } }), 'imageUpdate');
    expect(first.__typename).toBe('ImageUpdatePayload');
    const current = first.image.rowVersion as number;
    expect(current).toBe(image.rowVersion + 1);

    const stale = await unchanged(async () =>
      field(await t.request(UpdateImage, { input: { id: image.id, expectedVersion: current - 1, patch: { minDisk: 2 } } }), 'imageUpdate'),
    );
    expect(stale.__typename).toBe('ConflictError');
    expect(stale.field).toBe('expectedVersion');

    const ok = field(await t.request(UpdateImage, { input: { id: image.id, expectedVersion: current, patch: { minDisk: 3 } } }), 'imageUpdate');
    expect(ok.__typename).toBe('ImageUpdatePayload');
    expect(ok.image.minDisk).toBe(3);
    expect(ok.image.rowVersion).toBe(current + 1);
  });

  it('refuses a name taken by another image of the owner in the region with a ConflictError, and changes nothing', async () => {
    const taken = await createImage();
    const image = await createImage();
    const member = await unchanged(async () =>
      field(await t.request(UpdateImage, { input: { id: image.id, patch: { name: taken.name, minDisk: 7 } } }), 'imageUpdate'),
    );
    expect(member.__typename).toBe('ConflictError');
    expect(member.field).toBe('name');
  });

  it('refuses a providerRef already registered on the compute resource with a ConflictError on providerRef, and changes nothing', async () => {
    const providerRef = unique('tpl');
    await createTemplate(providerRef);
    const image = await createImage({ computeResourceId: computeResourceId() });
    const member = await unchanged(async () =>
      field(await t.request(UpdateImage, { input: { id: image.id, patch: { providerRef } } }), 'imageUpdate'),
    );
    expect(member.__typename).toBe('ConflictError');
    expect(member.field).toBe('providerRef');
  });

  it('refuses moving an image to an owner that has an image of that name in the region, and changes nothing', async () => {
    const other = await createCatalog(t.app);
    const taken = await createImage({ ownerId: gid('Project', other.project.id) });
    const image = await createImage({ name: taken.name });
    const member = await unchanged(async () =>
      field(await t.request(UpdateImage, { input: { id: image.id, patch: { ownerId: gid('Project', other.project.id) } } }), 'imageUpdate'),
    );
    expect(member.__typename).toBe('ConflictError');
    expect(member.field).toBe('name');
  });

  it('refuses an unknown image id with a NotFoundError, and changes nothing', async () => {
    const member = await unchanged(async () =>
      field(await t.request(UpdateImage, { input: { id: unknownImageId, patch: { minDisk: 1 } } }), 'imageUpdate'),
    );
    expect(member.__typename).toBe('NotFoundError');
    expect(member.code).toBe('NOT_FOUND');
  });

  it('refuses a Region id where an Image id is expected with a top-level error, and changes nothing', async () => {
    const result = await unchanged(() => t.request(UpdateImage, { input: { id: regionId(), patch: { minDisk: 1 } } }));
    expectWrongTypeId(result, 'Image');
  });

  it('refuses a malformed id ("abc") with a top-level error, and changes nothing', async () => {
    const result = await unchanged(() => t.request(UpdateImage, { input: { id: 'abc', patch: { minDisk: 1 } } }));
    expectMalformedId(result);
  });

  // Paths name the field where the client put it: input.patch.<field>.
  const badPatches: [string, Record<string, unknown>, string[][]][] = [
    ['minDisk -1', { minDisk: -1 }, [['input', 'patch', 'minDisk']]],
    ['an empty name', { name: '' }, [['input', 'patch', 'name']]],
    ['a null name', { name: null }, [['input', 'patch', 'name']]],
    ['a name of 256 characters', { name: 'n'.repeat(256) }, [['input', 'patch', 'name']]],
    ['an empty tag', { tags: [''] }, [['input', 'patch', 'tags', '0']]],
    ['129 tags', { tags: Array.from({ length: 129 }, (_, i) => `t${i}`) }, [['input', 'patch', 'tags']]],
    ['sourceUrl "javascript:alert(1)"', { sourceUrl: 'javascript:alert(1)' }, [['input', 'patch', 'sourceUrl']]],
    ['null for protected', { protected: null }, [['input', 'patch', 'protected']]],
    ['an unknown operatingSystemId', { operatingSystemId: gid('OperatingSystem', UNKNOWN_UUID) }, [['input', 'patch', 'operatingSystemId']]],
    ['an unknown ownerId', { ownerId: gid('Project', UNKNOWN_UUID) }, [['input', 'patch', 'ownerId']]],
    ['a providerRef on an image without a compute resource', { providerRef: 'tpl-1' }, [['input', 'patch', 'computeResourceId']]],
    ['several bad fields', { minDisk: -1, minRam: -1, name: '' }, [['input', 'patch', 'minDisk'], ['input', 'patch', 'minRam'], ['input', 'patch', 'name']]],
  ];
  it.each(badPatches)('refuses a patch with %s with a ValidationError naming the field, and changes nothing', async (_label, patch, paths) => {
    const image = await createImage();
    const member = await unchanged(async () => field(await t.request(UpdateImage, { input: { id: image.id, patch } }), 'imageUpdate'));
    expectIssues(member, paths);
  });

  it('refuses clearing the compute resource of a template that keeps its providerRef, and changes nothing', async () => {
    const image = await createTemplate(unique('tpl'));
    const member = await unchanged(async () =>
      field(await t.request(UpdateImage, { input: { id: image.id, patch: { computeResourceId: null } } }), 'imageUpdate'),
    );
    expectIssues(member, [['input', 'patch', 'computeResourceId']]);
  });

  it('refuses to update a deleted image with a NotFoundError, and changes nothing', async () => {
    const image = await createImage();
    expect(field(await t.request(DeleteImage, { input: { id: image.id } }), 'imageDelete').__typename).toBe('ImageDeletePayload');
    const member = await unchanged(async () => field(await t.request(UpdateImage, { input: { id: image.id, patch: { minDisk: 1 } } }), 'imageUpdate'));
    expect(member.__typename).toBe('NotFoundError');
  });

  const invalidDocuments: [string, string][] = [
    ['a missing patch', 'mutation { imageUpdate(input: { id: "%ID%" }) { __typename } }'],
    ['a missing id', 'mutation { imageUpdate(input: { patch: { minDisk: 1 } }) { __typename } }'],
    ['minDisk "ten"', 'mutation { imageUpdate(input: { id: "%ID%", patch: { minDisk: "ten" } }) { __typename } }'],
    ['protected "yes"', 'mutation { imageUpdate(input: { id: "%ID%", patch: { protected: "yes" } }) { __typename } }'],
    ['a string for an enum (visibility)', 'mutation { imageUpdate(input: { id: "%ID%", patch: { visibility: "PUBLIC" } }) { __typename } }'],
    ['expectedVersion "one"', 'mutation { imageUpdate(input: { id: "%ID%", expectedVersion: "one", patch: { minDisk: 1 } }) { __typename } }'],
    ['displayOrder 1.5', 'mutation { imageUpdate(input: { id: "%ID%", patch: { displayOrder: 1.5 } }) { __typename } }'],
    ['minRam 2^31', 'mutation { imageUpdate(input: { id: "%ID%", patch: { minRam: 2147483648 } }) { __typename } }'],
    ['a field the patch does not have (regionId)', 'mutation { imageUpdate(input: { id: "%ID%", patch: { regionId: "%ID%" } }) { __typename } }'],
  ];
  it.each(invalidDocuments)('refuses %s as a GraphQL validation error with no data, and changes nothing', async (_label, query) => {
    const image = await createImage();
    const result = await unchanged(() => raw(query.replaceAll('%ID%', image.id)));
    expectInvalidDocument(result, query);
  });
});

// --- imageRename --------------------------------------------------------------------------

describe('imageRename', () => {
  it('renames the image and bumps rowVersion', async () => {
    const image = await createImage();
    const name = unique('renamed');
    const member = field(await t.request(RenameImage, { input: { id: image.id, name } }), 'imageRename');
    expect(member.__typename).toBe('ImageRenamePayload');
    expect(member.image).toMatchObject({ id: image.id, name, rowVersion: image.rowVersion + 1 });
    expect((await readImage(image.id))?.name).toBe(name);
  });

  it('refuses a name taken in the same region and owner with a ConflictError on name, and changes nothing', async () => {
    const taken = await createImage();
    const image = await createImage();
    const member = await unchanged(async () => field(await t.request(RenameImage, { input: { id: image.id, name: taken.name } }), 'imageRename'));
    expect(member.__typename).toBe('ConflictError');
    expect(member.field).toBe('name');
  });

  it('accepts a name used in another region', async () => {
    const elsewhere = await createImage({ regionId: otherRegionId() });
    const image = await createImage();
    const member = field(await t.request(RenameImage, { input: { id: image.id, name: elsewhere.name } }), 'imageRename');
    expect(member.__typename).toBe('ImageRenamePayload');
  });

  const badNames: [string, string][] = [
    ['an empty name', ''],
    ['a name with outer spaces', '  padded '],
    ['a name of 256 characters', 'n'.repeat(256)],
    ['a name with a control character', 'a\u0000b'],
  ];
  it.each(badNames)('refuses %s with a ValidationError on name, and changes nothing', async (_label, name) => {
    const image = await createImage();
    const member = await unchanged(async () => field(await t.request(RenameImage, { input: { id: image.id, name } }), 'imageRename'));
    expectIssues(member, [['input', 'name']]);
  });

  it('refuses an unknown image id with a NotFoundError, and changes nothing', async () => {
    const member = await unchanged(async () => field(await t.request(RenameImage, { input: { id: unknownImageId, name: unique('n') } }), 'imageRename'));
    expect(member.__typename).toBe('NotFoundError');
  });

  it('refuses a Region id where an Image id is expected with a top-level error, and changes nothing', async () => {
    expectWrongTypeId(await unchanged(() => t.request(RenameImage, { input: { id: regionId(), name: unique('n') } })), 'Image');
  });

  it('refuses a missing name and a wrong-typed name as GraphQL validation errors, and changes nothing', async () => {
    const image = await createImage();
    for (const query of [
      `mutation { imageRename(input: { id: "${image.id}" }) { __typename } }`,
      `mutation { imageRename(input: { id: "${image.id}", name: 42 }) { __typename } }`,
      `mutation { imageRename(input: { id: "${image.id}", name: null }) { __typename } }`,
    ]) {
      const result = await unchanged(() => raw(query));
      expectInvalidDocument(result, query);
    }
  });
});

// --- imageTagAdd / imageTagRemove ---------------------------------------------------------

describe('imageTagAdd', () => {
  it('adds tags as a set: duplicates and tags already present are kept once', async () => {
    const image = await createImage({ tags: ['a', 'b'] });
    const member = field(await t.request(AddTags, { input: { id: image.id, tags: ['b', 'c', 'c'] } }), 'imageTagAdd');
    expect(member.__typename).toBe('ImageTagAddPayload');
    expect(member.image.tags).toEqual(['a', 'b', 'c']);
    expect((await readImage(image.id))?.tags).toEqual(['a', 'b', 'c']);
  });

  const badTags: [string, string[], string[][]][] = [
    ['an empty tag', ['ok', ''], [['input', 'tags', '1']]],
    ['a tag with outer whitespace', [' x '], [['input', 'tags', '0']]],
    ['a tag of 256 characters', ['t'.repeat(256)], [['input', 'tags', '0']]],
    ['no tags', [], [['input', 'tags']]],
  ];
  it.each(badTags)('refuses %s with a ValidationError naming it, and changes nothing', async (_label, tags, paths) => {
    const image = await createImage({ tags: ['a'] });
    const member = await unchanged(async () => field(await t.request(AddTags, { input: { id: image.id, tags } }), 'imageTagAdd'));
    expectIssues(member, paths);
  });

  it('refuses tags that would bring the image beyond 128 tags, and changes nothing', async () => {
    const image = await createImage({ tags: Array.from({ length: 128 }, (_, i) => `t${i}`) });
    const member = await unchanged(async () => field(await t.request(AddTags, { input: { id: image.id, tags: ['one-more'] } }), 'imageTagAdd'));
    expectIssues(member, [['input', 'tags']]);
  });

  it('refuses an unknown image id with a NotFoundError, and changes nothing', async () => {
    const member = await unchanged(async () => field(await t.request(AddTags, { input: { id: unknownImageId, tags: ['x'] } }), 'imageTagAdd'));
    expect(member.__typename).toBe('NotFoundError');
  });

  it('refuses a Region id, a malformed id, missing tags and a number as a tag as top-level errors, and changes nothing', async () => {
    expectWrongTypeId(await unchanged(() => t.request(AddTags, { input: { id: regionId(), tags: ['x'] } })), 'Image');
    expectMalformedId(await unchanged(() => t.request(AddTags, { input: { id: 'abc', tags: ['x'] } })));
    const image = await createImage();
    for (const query of [
      `mutation { imageTagAdd(input: { id: "${image.id}" }) { __typename } }`,
      `mutation { imageTagAdd(input: { id: "${image.id}", tags: [5] }) { __typename } }`,
      `mutation { imageTagAdd(input: { id: "${image.id}", tags: [null] }) { __typename } }`,
    ]) {
      const result = await unchanged(() => raw(query));
      expectInvalidDocument(result, query);
    }
  });
});

describe('imageTagRemove', () => {
  it('removes the tags given and ignores those the image does not have', async () => {
    const image = await createImage({ tags: ['a', 'b', 'c'] });
    const member = field(await t.request(RemoveTags, { input: { id: image.id, tags: ['b', 'zzz'] } }), 'imageTagRemove');
    expect(member.__typename).toBe('ImageTagRemovePayload');
    expect(member.image.tags).toEqual(['a', 'c']);
    expect((await readImage(image.id))?.tags).toEqual(['a', 'c']);
  });

  const badTags: [string, string[], string[][]][] = [
    ['an empty tag', [''], [['input', 'tags', '0']]],
    ['no tags', [], [['input', 'tags']]],
  ];
  it.each(badTags)('refuses %s with a ValidationError naming it, and changes nothing', async (_label, tags, paths) => {
    const image = await createImage({ tags: ['a'] });
    const member = await unchanged(async () => field(await t.request(RemoveTags, { input: { id: image.id, tags } }), 'imageTagRemove'));
    expectIssues(member, paths);
  });

  it('refuses an unknown image id with a NotFoundError, and changes nothing', async () => {
    const member = await unchanged(async () => field(await t.request(RemoveTags, { input: { id: unknownImageId, tags: ['x'] } }), 'imageTagRemove'));
    expect(member.__typename).toBe('NotFoundError');
  });

  it('refuses a Region id, a malformed id and missing tags as top-level errors, and changes nothing', async () => {
    expectWrongTypeId(await unchanged(() => t.request(RemoveTags, { input: { id: regionId(), tags: ['x'] } })), 'Image');
    expectMalformedId(await unchanged(() => t.request(RemoveTags, { input: { id: 'abc', tags: ['x'] } })));
    const image = await createImage();
    const query = `mutation { imageTagRemove(input: { id: "${image.id}" }) { __typename } }`;
    expectInvalidDocument(await unchanged(() => raw(query)), query);
  });
});

// --- imageDelete --------------------------------------------------------------------------

describe('imageDelete', () => {
  it('soft-deletes: DELETED with deletedAt, gone from images and image(id), listed when filtering on DELETED', async () => {
    const image = await createImage();
    const member = field(await t.request(DeleteImage, { input: { id: image.id } }), 'imageDelete');
    expect(member.__typename).toBe('ImageDeletePayload');
    expect(member.image.status).toBe('DELETED');
    expect(member.image.deletedAt).toEqual(expect.any(String));

    expect(await readImage(image.id)).toBeNull();
    const live = await t.request(ListImages, { filter: { name: image.name } });
    expect(live.errors).toBeUndefined();
    expect(live.data!.images.totalCount).toBe(0);
    const deleted = await t.request(ListImages, { filter: { name: image.name, status: ['DELETED'] } });
    expect(deleted.errors).toBeUndefined();
    expect(deleted.data!.images.edges.map(({ node }) => node)).toEqual([
      { id: image.id, name: image.name, status: 'DELETED', deletedAt: member.image.deletedAt },
    ]);
  });

  it('soft-deletes an ACTIVE image too', async () => {
    const [active] = await createImages(t.app, catalog, 1);
    const id = gid('Image', active!.id);
    expect((await readImage(id))?.status).toBe('ACTIVE');
    const member = field(await t.request(DeleteImage, { input: { id } }), 'imageDelete');
    expect(member.__typename).toBe('ImageDeletePayload');
    // It has bytes: PENDING_DELETE until its PURGE task has removed them.
    expect(member.image.status).toBe('PENDING_DELETE');
    expect(member.image.deletedAt).toEqual(expect.any(String));
    expect(member.task).toMatchObject({ type: 'PURGE', state: 'NEW' });
    expect(await readImage(id)).toBeNull();
    expect(await waitForTask(t, member.task!.id)).toMatchObject({ state: 'FINISHED', progress: 100 });
    const row = await t.app.orm.em.fork().findOneOrFail(Image, { id: active!.id });
    expect(row.status).toBe('DELETED');
  });

  it('frees the name for a new image and for a rename', async () => {
    const image = await createImage();
    expect(field(await t.request(DeleteImage, { input: { id: image.id } }), 'imageDelete').__typename).toBe('ImageDeletePayload');
    const again = await createImage({ name: image.name });
    expect(again.id).not.toBe(image.id);
    expect(field(await t.request(DeleteImage, { input: { id: again.id } }), 'imageDelete').__typename).toBe('ImageDeletePayload');
    const other = await createImage();
    const renamed = field(await t.request(RenameImage, { input: { id: other.id, name: image.name } }), 'imageRename');
    expect(renamed.__typename).toBe('ImageRenamePayload');
    expect(renamed.image.name).toBe(image.name);
  });

  it('frees the providerRef of its compute resource', async () => {
    const providerRef = unique('tpl');
    const image = await createTemplate(providerRef);
    expect(field(await t.request(DeleteImage, { input: { id: image.id } }), 'imageDelete').__typename).toBe('ImageDeletePayload');
    const again = await createTemplate(providerRef);
    expect(again.providerRef).toBe(providerRef);
  });

  it('refuses a protected image with a ProtectedImageError, and changes nothing; after protected:false it deletes', async () => {
    const image = await createImage({ protected: true });
    const member = await unchanged(async () => field(await t.request(DeleteImage, { input: { id: image.id } }), 'imageDelete'));
    expect(member.__typename).toBe('ProtectedImageError');
    expect(member.code).toBe('PROTECTED');
    expect(member.imageId).toBe(image.id);

    const update = field(await t.request(UpdateImage, { input: { id: image.id, patch: { protected: false } } }), 'imageUpdate');
    expect(update.__typename).toBe('ImageUpdatePayload');
    const deleted = field(await t.request(DeleteImage, { input: { id: image.id } }), 'imageDelete');
    expect(deleted.__typename).toBe('ImageDeletePayload');
    expect(deleted.image.status).toBe('DELETED');
  });

  it('refuses an already deleted image with a NotFoundError, and changes nothing', async () => {
    const image = await createImage();
    expect(field(await t.request(DeleteImage, { input: { id: image.id } }), 'imageDelete').__typename).toBe('ImageDeletePayload');
    const member = await unchanged(async () => field(await t.request(DeleteImage, { input: { id: image.id } }), 'imageDelete'));
    expect(member.__typename).toBe('NotFoundError');
  });

  it('refuses an unknown image id with a NotFoundError, and changes nothing', async () => {
    const member = await unchanged(async () => field(await t.request(DeleteImage, { input: { id: unknownImageId } }), 'imageDelete'));
    expect(member.__typename).toBe('NotFoundError');
    expect(member.resourceId).toBe(unknownImageId);
  });

  it('refuses a Region id, a malformed id and a missing id as top-level errors, and changes nothing', async () => {
    expectWrongTypeId(await unchanged(() => t.request(DeleteImage, { input: { id: regionId() } })), 'Image');
    expectMalformedId(await unchanged(() => t.request(DeleteImage, { input: { id: 'abc' } })));
    const query = 'mutation { imageDelete(input: {}) { __typename } }';
    expectInvalidDocument(await unchanged(() => raw(query)), query);
  });
});

// --- Metadata -----------------------------------------------------------------------------

/** An image with one read-only item (billing_code = X) and one ordinary item (os = linux). */
const imageWithReadOnly = () =>
  createImage({
    metadata: [
      { key: 'billing_code', value: 'X', readOnly: true },
      { key: 'os', value: 'linux' },
    ],
  });

const badItems: [string, { key: string; value: string }[], string[][]][] = [
  ['an empty key', [{ key: '', value: 'v' }], [['input', 'items', '0', 'key']]],
  ['a key of 256 characters', [{ key: 'k'.repeat(256), value: 'v' }], [['input', 'items', '0', 'key']]],
  ['a key with a control character', [{ key: 'a\u0001', value: 'v' }], [['input', 'items', '0', 'key']]],
  ['a value of 1025 characters', [{ key: 'k', value: 'v'.repeat(1025) }], [['input', 'items', '0', 'value']]],
  ['the same key twice', [{ key: 'k', value: '1' }, { key: 'k', value: '2' }], [['input', 'items', '1', 'key']]],
  ['129 items', Array.from({ length: 129 }, (_, i) => ({ key: `k${i}`, value: 'v' })), [['input', 'items']]],
  ['several bad items', [{ key: '', value: 'v'.repeat(1025) }, { key: 'ok', value: 'v' }, { key: 'ok', value: 'w' }], [
    ['input', 'items', '0', 'key'],
    ['input', 'items', '0', 'value'],
    ['input', 'items', '2', 'key'],
  ]],
];

const invalidItemDocuments = (mutation: string, id: string): string[] => [
  `mutation { ${mutation}(input: { id: "${id}" }) { __typename } }`,
  `mutation { ${mutation}(input: { id: "${id}", items: [{ key: "k" }] }) { __typename } }`,
  `mutation { ${mutation}(input: { id: "${id}", items: [{ key: "k", value: 5 }] }) { __typename } }`,
  `mutation { ${mutation}(input: { id: "${id}", items: [{ key: "k", value: "v", readOnly: true }] }) { __typename } }`,
];

describe('imageMetadataSet', () => {
  it('creates the items that do not exist, updates those that do, keeps the others, and bumps rowVersion', async () => {
    const image = await imageWithReadOnly();
    const member = field(
      await t.request(SetMetadata, { input: { id: image.id, items: [{ key: 'os', value: 'windows' }, { key: 'new', value: '1' }] } }),
      'imageMetadataSet',
    );
    expect(member.__typename).toBe('ImageMetadataSetPayload');
    const expected = [
      { key: 'billing_code', value: 'X', readOnly: true },
      { key: 'new', value: '1', readOnly: false },
      { key: 'os', value: 'windows', readOnly: false },
    ];
    expect(member.image.metadata).toEqual(expected);
    expect(member.image.rowVersion).toBe(image.rowVersion + 1);
    expect((await readImage(image.id))?.metadata).toEqual(expected);
  });

  it('refuses changing a read-only item with a ReadOnlyMetadataError listing its key, and changes nothing', async () => {
    const image = await imageWithReadOnly();
    const member = await unchanged(async () =>
      field(
        await t.request(SetMetadata, { input: { id: image.id, items: [{ key: 'os', value: 'bsd' }, { key: 'billing_code', value: 'Y' }] } }),
        'imageMetadataSet',
      ),
    );
    expect(member.__typename).toBe('ReadOnlyMetadataError');
    expect(member.code).toBe('READ_ONLY');
    expect(member.keys).toEqual(['billing_code']);
  });

  it.each(badItems)('refuses %s with a ValidationError naming the item field, and changes nothing', async (_label, items, paths) => {
    const image = await imageWithReadOnly();
    const member = await unchanged(async () => field(await t.request(SetMetadata, { input: { id: image.id, items } }), 'imageMetadataSet'));
    expectIssues(member, paths);
  });

  it(`keeps an image within ${MAX_METADATA_ITEMS} items in all: the change past it is a ConflictError, and changes nothing`, async () => {
    const image = await imageWithReadOnly();
    const items = (count: number, from = 0) => Array.from({ length: count }, (_, index) => ({ key: `quota-${from + index}`, value: 'v' }));
    const filled = field(await t.request(SetMetadata, { input: { id: image.id, items: items(MAX_METADATA_ITEMS - 2) } }), 'imageMetadataSet');
    expect(filled.image.metadata).toHaveLength(MAX_METADATA_ITEMS);
    const member = await unchanged(async () => field(await t.request(SetMetadata, { input: { id: image.id, items: items(1, 1000) } }), 'imageMetadataSet'));
    expect(member).toMatchObject({ __typename: 'ConflictError', code: 'CONFLICT', field: null });
    expect(member.message).toContain(`at most ${MAX_METADATA_ITEMS} metadata items`);
    // New values for items it has already are no new items.
    const overwritten = field(await t.request(SetMetadata, { input: { id: image.id, items: [{ key: 'os', value: 'bsd' }] } }), 'imageMetadataSet');
    expect(overwritten.__typename).toBe('ImageMetadataSetPayload');
  });

  it('refuses no items with a ValidationError on items, and changes nothing', async () => {
    const image = await imageWithReadOnly();
    const member = await unchanged(async () => field(await t.request(SetMetadata, { input: { id: image.id, items: [] } }), 'imageMetadataSet'));
    expectIssues(member, [['input', 'items']]);
  });

  it('refuses an unknown image id with a NotFoundError, and changes nothing', async () => {
    const member = await unchanged(async () =>
      field(await t.request(SetMetadata, { input: { id: unknownImageId, items: [{ key: 'k', value: 'v' }] } }), 'imageMetadataSet'),
    );
    expect(member.__typename).toBe('NotFoundError');
  });

  it('refuses a Region id, a malformed id, missing items, a missing value, a wrong-typed value and a readOnly flag as top-level errors, and changes nothing', async () => {
    expectWrongTypeId(await unchanged(() => t.request(SetMetadata, { input: { id: regionId(), items: [{ key: 'k', value: 'v' }] } })), 'Image');
    expectMalformedId(await unchanged(() => t.request(SetMetadata, { input: { id: 'abc', items: [{ key: 'k', value: 'v' }] } })));
    const image = await imageWithReadOnly();
    for (const query of invalidItemDocuments('imageMetadataSet', image.id)) {
      const result = await unchanged(() => raw(query));
      expectInvalidDocument(result, query);
    }
  });
});

describe('imageMetadataReplace', () => {
  it('sets the items given and removes the others, except read-only ones, which survive', async () => {
    const image = await createImage({
      metadata: [
        { key: 'billing_code', value: 'X', readOnly: true },
        { key: 'os', value: 'linux' },
        { key: 'gone', value: 'soon' },
      ],
    });
    const member = field(
      await t.request(ReplaceMetadata, { input: { id: image.id, items: [{ key: 'os', value: 'windows' }, { key: 'new', value: '1' }] } }),
      'imageMetadataReplace',
    );
    expect(member.__typename).toBe('ImageMetadataReplacePayload');
    const expected = [
      { key: 'billing_code', value: 'X', readOnly: true },
      { key: 'new', value: '1', readOnly: false },
      { key: 'os', value: 'windows', readOnly: false },
    ];
    expect(member.image.metadata).toEqual(expected);
    expect(member.image.rowVersion).toBe(image.rowVersion + 1);
    expect((await readImage(image.id))?.metadata).toEqual(expected);
  });

  it('with no items removes every item but the read-only ones', async () => {
    const image = await imageWithReadOnly();
    const member = field(await t.request(ReplaceMetadata, { input: { id: image.id, items: [] } }), 'imageMetadataReplace');
    expect(member.__typename).toBe('ImageMetadataReplacePayload');
    expect(member.image.metadata).toEqual([{ key: 'billing_code', value: 'X', readOnly: true }]);
  });

  it('accepts a read-only item given with its own value', async () => {
    const image = await imageWithReadOnly();
    const member = field(
      await t.request(ReplaceMetadata, { input: { id: image.id, items: [{ key: 'billing_code', value: 'X' }] } }),
      'imageMetadataReplace',
    );
    expect(member.__typename).toBe('ImageMetadataReplacePayload');
    expect(member.image.metadata).toEqual([{ key: 'billing_code', value: 'X', readOnly: true }]);
  });

  it(`counts the read-only items that stay towards the ${MAX_METADATA_ITEMS} an image may have`, async () => {
    const image = await imageWithReadOnly();
    const items = (count: number) => Array.from({ length: count }, (_, index) => ({ key: `quota-${index}`, value: 'v' }));
    const member = await unchanged(async () => field(await t.request(ReplaceMetadata, { input: { id: image.id, items: items(MAX_METADATA_ITEMS) } }), 'imageMetadataReplace'));
    expect(member).toMatchObject({ __typename: 'ConflictError', field: null });
    const replaced = field(await t.request(ReplaceMetadata, { input: { id: image.id, items: items(MAX_METADATA_ITEMS - 1) } }), 'imageMetadataReplace');
    expect(replaced.image.metadata).toHaveLength(MAX_METADATA_ITEMS);
  });

  it('refuses a read-only item given another value with a ReadOnlyMetadataError, and changes nothing', async () => {
    const image = await imageWithReadOnly();
    const member = await unchanged(async () =>
      field(
        await t.request(ReplaceMetadata, { input: { id: image.id, items: [{ key: 'billing_code', value: 'Y' }, { key: 'new', value: '1' }] } }),
        'imageMetadataReplace',
      ),
    );
    expect(member.__typename).toBe('ReadOnlyMetadataError');
    expect(member.keys).toEqual(['billing_code']);
  });

  it.each(badItems)('refuses %s with a ValidationError naming the item field, and changes nothing', async (_label, items, paths) => {
    const image = await imageWithReadOnly();
    const member = await unchanged(async () => field(await t.request(ReplaceMetadata, { input: { id: image.id, items } }), 'imageMetadataReplace'));
    expectIssues(member, paths);
  });

  it('refuses an unknown image id with a NotFoundError, and changes nothing', async () => {
    const member = await unchanged(async () =>
      field(await t.request(ReplaceMetadata, { input: { id: unknownImageId, items: [] } }), 'imageMetadataReplace'),
    );
    expect(member.__typename).toBe('NotFoundError');
  });

  it('refuses a Region id, a malformed id, missing items, a missing value, a wrong-typed value and a readOnly flag as top-level errors, and changes nothing', async () => {
    expectWrongTypeId(await unchanged(() => t.request(ReplaceMetadata, { input: { id: regionId(), items: [] } })), 'Image');
    expectMalformedId(await unchanged(() => t.request(ReplaceMetadata, { input: { id: 'abc', items: [] } })));
    const image = await imageWithReadOnly();
    for (const query of invalidItemDocuments('imageMetadataReplace', image.id)) {
      const result = await unchanged(() => raw(query));
      expectInvalidDocument(result, query);
    }
  });
});

describe('imageMetadataDelete', () => {
  it('deletes the item with the key given, and bumps rowVersion', async () => {
    const image = await imageWithReadOnly();
    const member = field(await t.request(DeleteMetadata, { input: { id: image.id, key: 'os' } }), 'imageMetadataDelete');
    expect(member.__typename).toBe('ImageMetadataDeletePayload');
    expect(member.image.metadata).toEqual([{ key: 'billing_code', value: 'X', readOnly: true }]);
    expect(member.image.rowVersion).toBe(image.rowVersion + 1);
    expect((await readImage(image.id))?.metadata).toEqual([{ key: 'billing_code', value: 'X', readOnly: true }]);
  });

  it('refuses a read-only item with a ReadOnlyMetadataError, and changes nothing', async () => {
    const image = await imageWithReadOnly();
    const member = await unchanged(async () => field(await t.request(DeleteMetadata, { input: { id: image.id, key: 'billing_code' } }), 'imageMetadataDelete'));
    expect(member.__typename).toBe('ReadOnlyMetadataError');
    expect(member.keys).toEqual(['billing_code']);
  });

  it('refuses a key the image does not have with a NotFoundError, and changes nothing', async () => {
    const image = await imageWithReadOnly();
    const member = await unchanged(async () => field(await t.request(DeleteMetadata, { input: { id: image.id, key: 'missing' } }), 'imageMetadataDelete'));
    expect(member).toMatchObject({ __typename: 'NotFoundError', type: 'Metadata', resourceId: 'missing' });
  });

  it('refuses an empty key and a key of 256 characters with a ValidationError on key, and changes nothing', async () => {
    const image = await imageWithReadOnly();
    for (const key of ['', 'k'.repeat(256)]) {
      const member = await unchanged(async () => field(await t.request(DeleteMetadata, { input: { id: image.id, key } }), 'imageMetadataDelete'));
      expectIssues(member, [['input', 'key']]);
    }
  });

  it('refuses an unknown image id with a NotFoundError, and changes nothing', async () => {
    const member = await unchanged(async () => field(await t.request(DeleteMetadata, { input: { id: unknownImageId, key: 'os' } }), 'imageMetadataDelete'));
    expect(member.__typename).toBe('NotFoundError');
  });

  it('refuses a Region id, a malformed id, a missing key and a wrong-typed key as top-level errors, and changes nothing', async () => {
    expectWrongTypeId(await unchanged(() => t.request(DeleteMetadata, { input: { id: regionId(), key: 'os' } })), 'Image');
    expectMalformedId(await unchanged(() => t.request(DeleteMetadata, { input: { id: 'abc', key: 'os' } })));
    const image = await imageWithReadOnly();
    for (const query of [
      `mutation { imageMetadataDelete(input: { id: "${image.id}" }) { __typename } }`,
      `mutation { imageMetadataDelete(input: { id: "${image.id}", key: 7 }) { __typename } }`,
    ]) {
      const result = await unchanged(() => raw(query));
      expectInvalidDocument(result, query);
    }
  });
});

// --- Deleted images ----------------------------------------------------------------------

describe('every mutation on a deleted image', () => {
  it('refuses with a NotFoundError and changes nothing', async () => {
    const image = await imageWithReadOnly();
    expect(field(await t.request(DeleteImage, { input: { id: image.id } }), 'imageDelete').__typename).toBe('ImageDeletePayload');
    const id = image.id;
    const attempts: [string, () => Promise<ExecutionResult<Record<string, any>>>][] = [
      ['imageUpdate', () => t.request(UpdateImage, { input: { id, patch: { minDisk: 1 } } })],
      ['imageRename', () => t.request(RenameImage, { input: { id, name: unique('n') } })],
      ['imageTagAdd', () => t.request(AddTags, { input: { id, tags: ['x'] } })],
      ['imageTagRemove', () => t.request(RemoveTags, { input: { id, tags: ['x'] } })],
      ['imageDelete', () => t.request(DeleteImage, { input: { id } })],
      ['imageMetadataSet', () => t.request(SetMetadata, { input: { id, items: [{ key: 'os', value: 'bsd' }] } })],
      ['imageMetadataReplace', () => t.request(ReplaceMetadata, { input: { id, items: [] } })],
      ['imageMetadataDelete', () => t.request(DeleteMetadata, { input: { id, key: 'os' } })],
    ];
    for (const [name, attempt] of attempts) {
      const member = await unchanged(async () => field(await attempt(), name));
      expect(member.__typename, name).toBe('NotFoundError');
      expect(member.resourceId, name).toBe(id);
    }
  });
});

// --- Several mutations in one operation ---------------------------------------------------

describe('several mutations in one operation', () => {
  it('keeps the change of a succeeding mutation when the one before it fails, and the failed one leaves nothing', async () => {
    const taken = await createImage();
    const before = (await t.snapshot('image', 'image_metadata')) as { id: string }[][];
    const secondName = unique('second');
    const result = await t.request(CreateTwo, {
      first: { name: taken.name, regionId: regionId(), ownerId: ownerId(), metadata: [{ key: 'from-first', value: '1' }] },
      second: { name: secondName, regionId: regionId(), ownerId: ownerId(), metadata: [{ key: 'from-second', value: '2' }] },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.first.__typename).toBe('ConflictError');
    const second = result.data!.second as any;
    expect(second.__typename).toBe('ImageCreatePayload');
    expect(second.image.name).toBe(secondName);
    expect(second.image.metadata).toEqual([{ key: 'from-second', value: '2', readOnly: false }]);

    const after = (await t.snapshot('image', 'image_metadata')) as Record<string, unknown>[][];
    const newImages = after[0]!.filter((row) => !before[0]!.some((old) => old.id === row.id));
    expect(newImages.map((row) => row.name)).toEqual([secondName]);
    const newItems = after[1]!.filter((row) => !before[1]!.some((old) => old.id === row.id));
    expect(newItems.map((row) => row.key)).toEqual(['from-second']);
    expect(after[0]!.filter((row) => before[0]!.some((old) => old.id === row.id))).toEqual(before[0]);
    expect(after[1]!.filter((row) => before[1]!.some((old) => old.id === row.id))).toEqual(before[1]);
  });

  it('keeps a tag added after a refused rename in the same operation, and the image keeps its name', async () => {
    const taken = await createImage();
    const image = await createImage({ tags: ['a'] });
    const result = await t.request(RenameThenTag, {
      rename: { id: image.id, name: taken.name },
      tag: { id: image.id, tags: ['b'] },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.first.__typename).toBe('ConflictError');
    expect(result.data!.second.__typename).toBe('ImageTagAddPayload');
    const stored = await readImage(image.id);
    expect(stored?.name).toBe(image.name);
    expect(stored?.tags).toEqual(['a', 'b']);
  });
});

describe('more image rules', () => {
  it("refuses a regionId other than the compute resource's region, and changes nothing", async () => {
    const member = await unchanged(async () =>
      field(
        await t.request(CreateImage, {
          input: { name: unique('mismatch'), regionId: otherRegionId(), computeResourceId: computeResourceId() },
        }),
        'imageCreate',
      ),
    );
    expectIssues(member, [['input', 'regionId']]);
  });

  it('leaves rowVersion alone when a metadata set or replace changes nothing', async () => {
    const image = await createImage();
    const set = field(await t.request(SetMetadata, { input: { id: image.id, items: [{ key: 'k', value: 'v' }] } }), 'imageMetadataSet');
    const version = set.image.rowVersion;
    const again = field(await t.request(SetMetadata, { input: { id: image.id, items: [{ key: 'k', value: 'v' }] } }), 'imageMetadataSet');
    expect(again.image.rowVersion).toBe(version);
    const replaced = field(await t.request(ReplaceMetadata, { input: { id: image.id, items: [{ key: 'k', value: 'v' }] } }), 'imageMetadataReplace');
    expect(replaced.image.rowVersion).toBe(version);
    const changed = field(await t.request(ReplaceMetadata, { input: { id: image.id, items: [{ key: 'k', value: 'w' }] } }), 'imageMetadataReplace');
    expect(changed.image.rowVersion).toBe(version + 1);
  });

  it.each(['KILLED', 'DEACTIVATED'] as const)('deletes a %s image through to DELETED', async (status) => {
    const [row] = await createImages(t.app, catalog, 1);
    const em = t.app.orm.em.fork();
    await em.nativeUpdate('Image', { id: row!.id }, { status });
    const member = field(await t.request(DeleteImage, { input: { id: gid('Image', row!.id) } }), 'imageDelete');
    expect(member.__typename).toBe('ImageDeletePayload');
    expect(member.image.deletedAt).toBeTruthy();
    // A KILLED image has no bytes: DELETED at once, its PURGE task finished when created.
    if (status === 'KILLED') expect([member.image.status, member.task?.state]).toEqual(['DELETED', 'FINISHED']);
    else expect(await waitForTask(t, member.task!.id)).toMatchObject({ state: 'FINISHED' });
    expect((await t.app.orm.em.fork().findOneOrFail(Image, { id: row!.id })).status).toBe('DELETED');
  });
});
