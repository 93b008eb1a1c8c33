// Apollo Client 4 against the gateway, as a frontend configures it: relayStylePagination on the
// image connection and the published possibleTypes map. It pages without duplicates, sees a
// member's new status in the cached image after the mutation (ImageMember has an id), reads
// `... on Error` fields from a mutation's result union, and `... on Node` fields from its cache,
// which it cannot do without the map.
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Image } from '../../src/db/entities/image.js';
import { ImageMember } from '../../src/db/entities/image-member.js';
import { Project } from '../../src/db/entities/project.js';
import { Region } from '../../src/db/entities/region.js';
import possibleTypesResult from '../../web/src/gql/possible-types.js';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { type Catalog, createCatalog, createImages, gid, unique } from '../helpers/fixtures.js';

const IMAGES = gql`
  query ApolloImages($first: Int!, $after: String, $filter: ImageFilter) {
    images(first: $first, after: $after, filter: $filter) {
      totalCount
      edges { cursor node { id name } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

const MEMBERS = gql`
  query ApolloMembers($id: ID!) {
    image(id: $id) { id members { id status project { id } } }
  }
`;

const MEMBER_UPDATE = gql`
  mutation ApolloMemberUpdate($input: ImageMemberUpdateInput!) {
    imageMemberUpdate(input: $input) {
      __typename
      ... on ImageMemberUpdatePayload { member { id status } }
      ... on Error { code message }
      ... on NotFoundError { type resourceId }
    }
  }
`;

const NODE = gql`
  query ApolloNode($id: ID!) {
    node(id: $id) { __typename ... on Node { id } ... on Image { name } }
  }
`;

type NodeAnswer = { node: { __typename: string; id?: string; name?: string } | null };
type Page = { images: { totalCount: number; edges: { cursor: string; node: { id: string; name: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
type Members = { image: { id: string; members: { id: string; status: string; project: { id: string } }[] } };

describe('Apollo Client with relayStylePagination and the published possibleTypes', () => {
  let t: TestApp;
  let catalog: Catalog;

  beforeAll(async () => {
    t = await startTestApp();
    catalog = await createCatalog(t.app);
  });
  afterAll(() => t?.close());

  /** A client whose requests go through the gateway as its listener serves them. */
  function client(token: string, possibleTypes: Record<string, string[]> | null = possibleTypesResult.possibleTypes) {
    return new ApolloClient({
      link: new HttpLink({
        uri: 'http://gateway.test/graphql',
        headers: { authorization: `Bearer ${token}` },
        fetch: (input, init) => t.app.fetch(new Request(input as string, init)),
      }),
      cache: new InMemoryCache({
        ...(possibleTypes && { possibleTypes }),
        typePolicies: { Query: { fields: { images: relayStylePagination(['filter']) } } },
      }),
    });
  }

  it('pages three pages of a filtered list into one cached list, with no duplicate', async () => {
    const prefix = unique('apollo-page');
    const created = await createImages(t.app, catalog, 7, { name: (index) => `${prefix}-${index}` });
    const apollo = client(t.adminToken);
    const variables = { first: 3, filter: { nameContains: prefix } };
    let after: string | null = null;
    for (let page = 0; page < 3; page++) {
      const { data }: { data?: Page } = await apollo.query<Page>({ query: IMAGES, variables: { ...variables, after }, fetchPolicy: 'network-only' });
      expect(data!.images.totalCount).toBe(7);
      after = data!.images.pageInfo.endCursor;
      expect(data!.images.pageInfo.hasNextPage).toBe(page < 2);
    }
    const cached = apollo.readQuery<Page>({ query: IMAGES, variables })!;
    const names = cached.images.edges.map((edge) => edge.node.name);
    expect(names).toEqual(created.map((image) => image.name).sort());
    expect(new Set(cached.images.edges.map((edge) => edge.node.id)).size).toBe(7);
  });

  it("sees a member's new status in the cached image once its update answers", async () => {
    const em = t.app.orm.em.fork();
    const guest = em.create(Project, { name: unique('apollo-guest'), reseller: null });
    const image = em.create(Image, {
      name: unique('apollo-shared'),
      status: 'ACTIVE',
      visibility: 'SHARED',
      region: em.getReference(Region, catalog.region.id),
      owner: em.getReference(Project, catalog.project.id),
    } as never);
    em.create(ImageMember, { image, project: guest, status: 'PENDING' });
    await em.flush();
    const apollo = client(await t.tokenFor({ role: 'member', projectId: guest.id }));
    const id = gid('Image', image.id);
    const before = await apollo.query<Members>({ query: MEMBERS, variables: { id } });
    expect(before.data!.image.members.map((row) => row.status)).toEqual(['PENDING']);

    const answer = await apollo.mutate({
      mutation: MEMBER_UPDATE,
      variables: { input: { imageId: id, projectId: gid('Project', guest.id), status: 'ACCEPTED' } },
    });
    expect(answer.data).toMatchObject({ imageMemberUpdate: { __typename: 'ImageMemberUpdatePayload', member: { status: 'ACCEPTED' } } });
    // No refetch: the cached image's member is the record the mutation's answer updated.
    const cached = apollo.readQuery<Members>({ query: MEMBERS, variables: { id } })!;
    expect(cached.image.members.map((row) => row.status)).toEqual(['ACCEPTED']);
  });

  // Apollo Client 4 answers a mutation with what the network sent and keeps no copy of it, so the
  // map decides nothing here; it does where an answer is read back from the cache (below).
  it('reads ... on Error fields of a result union', async () => {
    const variables = { input: { imageId: gid('Image', '01900000-0000-7000-8000-000000000000'), projectId: gid('Project', catalog.project.id), status: 'ACCEPTED' } };
    const answer = await client(t.adminToken).mutate({ mutation: MEMBER_UPDATE, variables });
    expect(answer.data).toEqual({
      imageMemberUpdate: {
        __typename: 'NotFoundError',
        code: 'NOT_FOUND',
        message: expect.stringContaining('was not found'),
        type: 'Image',
        resourceId: variables.input.imageId,
      },
    });
  });

  it('reads ... on Node fields from its cache with the map, and loses them without it', async () => {
    const [image] = await createImages(t.app, catalog, 1);
    const variables = { id: gid('Image', image!.id) };
    const withMap = await client(t.adminToken).query<NodeAnswer>({ query: NODE, variables });
    expect(withMap.data).toEqual({ node: { __typename: 'Image', id: variables.id, name: image!.name } });
    // The control: without possibleTypes the cache cannot tell that an Image is a Node.
    const withoutMap = await client(t.adminToken, null).query<NodeAnswer>({ query: NODE, variables, errorPolicy: 'all' });
    expect(withoutMap.data?.node?.id).toBeUndefined();
  });
});
