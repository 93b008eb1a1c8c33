// The image password is write-only: encrypted at rest, never returned, visible only as hasPassword.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.js';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { type Catalog, createCatalog, gid } from '../helpers/fixtures.js';

const KEY = 'a'.repeat(64);

const CreateWithPassword = graphql(`
  mutation CreateImageWithPassword($input: ImageCreateInput!) {
    imageCreate(input: $input) {
      __typename
      ... on ImageCreatePayload { image { id hasPassword username } }
    }
  }
`);

const ClearPassword = graphql(`
  mutation ClearImagePassword($id: ID!) {
    imageUpdate(input: { id: $id, patch: { password: null } }) {
      __typename
      ... on ImageUpdatePayload { image { hasPassword } }
    }
  }
`);

describe('image passwords', () => {
  let t: TestApp;
  let catalog: Catalog;

  beforeAll(async () => {
    t = await startTestApp({ IMAGE_SECRET_KEY: KEY });
    catalog = await createCatalog(t.app);
  });
  afterAll(() => t?.close());

  it('stores the password sealed with the configured key and exposes only hasPassword', async () => {
    const result = await t.request(CreateWithPassword, {
      input: { name: 'with-password', regionId: gid('Region', catalog.region.id), username: 'root', password: 'hunter2-plaintext' },
    });
    expect(result.data?.imageCreate.__typename).toBe('ImageCreatePayload');
    const image = (result.data?.imageCreate as { image: { id: string; hasPassword: boolean } }).image;
    expect(image.hasPassword).toBe(true);

    const rows = (await t.snapshot('image'))[0] as { name: string; password_cipher: string | null }[];
    const stored = rows.find((row) => row.name === 'with-password')!;
    expect(stored.password_cipher).toMatch(/^v1:/);
    expect(JSON.stringify(rows)).not.toContain('hunter2-plaintext');
    const { SecretBox } = await import('../../src/domain/secret-box.js');
    expect(new SecretBox(Buffer.from(KEY, 'hex')).open(stored.password_cipher!)).toBe('hunter2-plaintext');

    const cleared = await t.request(ClearPassword, { id: image.id });
    expect(cleared.data?.imageUpdate).toEqual({ __typename: 'ImageUpdatePayload', image: { hasPassword: false } });
  });

  it('has no field that returns a password', async () => {
    const result = await t.requestRaw('{ __type(name: "Image") { fields { name } } }');
    const names = (result.data!.__type.fields as { name: string }[]).map((field) => field.name);
    expect(names).toContain('hasPassword');
    expect(names.filter((name) => /password/i.test(name))).toEqual(['hasPassword']);
  });
});
