// An image's page as a Relay frontend asks for it, with the mutations it sends and the typed
// errors it reads; compiled by relay-compiler with strict ids in CI (npm run relay).
const graphql = String.raw;

export const imagePageQuery = graphql`
  query ImagePageQuery($id: ID!) {
    image(id: $id) {
      id
      name
      status
      tags
      hardware { firmware machineType }
      replicas { id name region { id name } }
      ...ImagePage_metadata
      ...ImagePage_members
    }
    ...ImagePage_tasks @arguments(imageId: $id)
  }
`;

export const imagePageMetadata = graphql`
  fragment ImagePage_metadata on Image {
    id
    metadata { id key value readOnly updatedAt }
  }
`;

export const imagePageMembers = graphql`
  fragment ImagePage_members on Image {
    id
    members { id status updatedAt project { id name } }
  }
`;

export const imagePageTasks = graphql`
  fragment ImagePage_tasks on Query
  @refetchable(queryName: "ImagePageTasksPaginationQuery")
  @argumentDefinitions(imageId: { type: "ID!" }, count: { type: "Int", defaultValue: 20 }, cursor: { type: "String" }) {
    tasks(first: $count, after: $cursor, filter: { imageId: $imageId }) @connection(key: "ImagePage_tasks") {
      totalCount
      edges { node { id type state progress bytesDone bytesTotal error } }
    }
  }
`;

export const metadataSet = graphql`
  mutation ImagePageMetadataSetMutation($input: ImageMetadataSetInput!) {
    imageMetadataSet(input: $input) {
      __typename
      ... on ImageMetadataSetPayload { image { id ...ImagePage_metadata } }
      ... on ReadOnlyMetadataError { keys }
      ... on ValidationError { issues { path message } }
      ... on NotFoundError { type resourceId }
      ... on Error { code message }
    }
  }
`;

export const memberUpdate = graphql`
  mutation ImagePageMemberUpdateMutation($input: ImageMemberUpdateInput!) {
    imageMemberUpdate(input: $input) {
      __typename
      ... on ImageMemberUpdatePayload { member { id status updatedAt } }
      ... on NotFoundError { type resourceId }
      ... on Error { code message }
    }
  }
`;

export const memberRemove = graphql`
  mutation ImagePageMemberRemoveMutation($input: ImageMemberRemoveInput!) {
    imageMemberRemove(input: $input) {
      __typename
      ... on ImageMemberRemovePayload { removedMemberId @deleteRecord image { id ...ImagePage_members } }
      ... on Error { code message }
    }
  }
`;

export const deactivate = graphql`
  mutation ImagePageDeactivateMutation($input: ImageDeactivateInput!) {
    imageDeactivate(input: $input) {
      __typename
      ... on ImageDeactivatePayload { image { id status } }
      ... on InvalidStatusTransitionError { from to }
      ... on Error { code message }
    }
  }
`;

export const importImage = graphql`
  mutation ImagePageImportMutation($input: ImageImportInput!) {
    imageImport(input: $input) {
      __typename
      ... on ImageImportPayload { image { id status } task { id state progress } }
      ... on ConflictError { field }
      ... on UrlRefusedError { field }
      ... on SourceUnavailableError { field }
      ... on Error { code message }
    }
  }
`;

export const statusChanged = graphql`
  subscription ImagePageStatusSubscription($id: ID) {
    imageStatusChanged(id: $id) {
      status
      previousStatus
      at
      image { id status }
    }
  }
`;
