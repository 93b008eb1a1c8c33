// Every operation the console sends, typed by codegen (npm run codegen writes ./gql).
import { graphql } from './gql/index.js';

/** The typed errors every mutation result may carry, with the field each one names. */
graphql(`
  fragment MutationErrors on Error {
    __typename
    code
    message
    ... on ValidationError { issues { path message } }
    ... on InvalidManifestError { issues { path message } }
    ... on ConflictError { field }
    ... on UrlRefusedError { field }
    ... on SourceUnavailableError { field }
    ... on ReadOnlyMetadataError { keys }
  }
`);

export const CatalogQuery = graphql(`
  query Catalog($first: Int, $after: String, $last: Int, $before: String, $filter: ImageFilter, $orderBy: [ImageOrder!], $search: String) {
    images(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy, search: $search) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges {
        cursor
        node { id name status visibility size updatedAt region { id name } owner { id name } }
      }
    }
  }
`);

export const RegionsQuery = graphql(`
  query Regions {
    regions(first: 100) { edges { node { id name } } }
  }
`);

export const ProjectsQuery = graphql(`
  query Projects {
    projects(first: 100) { edges { node { id name } } }
  }
`);

export const ImagePageQuery = graphql(`
  query ImagePage($id: ID!) {
    image(id: $id) {
      id
      name
      status
      visibility
      description
      version
      diskFormat
      size
      checksum
      protected
      tags
      updatedAt
      region { id name }
      owner { id name }
      metadata { id key value readOnly }
      members { id status project { id name } }
      replicas { id name status region { id name } }
    }
    viewer { kind readOnly project { id } }
  }
`);

/** Apart from the image: asked again when its status changes, without an older copy of the image. */
export const ImageTasksQuery = graphql(`
  query ImageTasks($id: ID!) {
    tasks(first: 20, filter: { imageId: $id }) {
      edges { node { id type state progress bytesDone bytesTotal error createdAt } }
    }
  }
`);

export const ImageCreateMutation = graphql(`
  mutation ImageCreate($input: ImageCreateInput!) {
    imageCreate(input: $input) {
      __typename
      ... on ImageCreatePayload { image { id name status } }
      ...MutationErrors
    }
  }
`);

export const ImageImportMutation = graphql(`
  mutation ImageImport($input: ImageImportInput!) {
    imageImport(input: $input) {
      __typename
      ... on ImageImportPayload { image { id name status } task { id type state progress bytesDone bytesTotal } }
      ...MutationErrors
    }
  }
`);

export const MetadataSetMutation = graphql(`
  mutation ImageMetadataSet($input: ImageMetadataSetInput!) {
    imageMetadataSet(input: $input) {
      __typename
      ... on ImageMetadataSetPayload { image { id metadata { id key value readOnly } } }
      ...MutationErrors
    }
  }
`);

export const TagAddMutation = graphql(`
  mutation ImageTagAdd($input: ImageTagAddInput!) {
    imageTagAdd(input: $input) {
      __typename
      ... on ImageTagAddPayload { image { id tags } }
      ...MutationErrors
    }
  }
`);

export const TagRemoveMutation = graphql(`
  mutation ImageTagRemove($input: ImageTagRemoveInput!) {
    imageTagRemove(input: $input) {
      __typename
      ... on ImageTagRemovePayload { image { id tags } }
      ...MutationErrors
    }
  }
`);

export const MemberAddMutation = graphql(`
  mutation ImageMemberAdd($input: ImageMemberAddInput!) {
    imageMemberAdd(input: $input) {
      __typename
      ... on ImageMemberAddPayload { member { id status project { id name } image { id members { id status project { id name } } } } }
      ...MutationErrors
    }
  }
`);

export const MemberUpdateMutation = graphql(`
  mutation ImageMemberUpdate($input: ImageMemberUpdateInput!) {
    imageMemberUpdate(input: $input) {
      __typename
      ... on ImageMemberUpdatePayload { member { id status } }
      ...MutationErrors
    }
  }
`);

/** Every status change of an image the caller may list: the badges follow it. */
export const StatusChangedSubscription = graphql(`
  subscription StatusChanged {
    imageStatusChanged { status previousStatus at image { id status size checksum diskFormat updatedAt } }
  }
`);

/**
 * One image: its current state first, then its changes. Started once the page has its answer, so
 * the first event is never older than what the page shows.
 */
export const ImageStatusSubscription = graphql(`
  subscription ImageStatus($id: ID!) {
    imageStatusChanged(id: $id) { status previousStatus at image { id status size checksum diskFormat updatedAt } }
  }
`);

/** One running task: its current state first, then its changes until it ends. */
export const TaskProgressSubscription = graphql(`
  subscription TaskProgress($id: ID!) {
    taskUpdated(id: $id) { id type state progress bytesDone bytesTotal error }
  }
`);

/** Every change of a task the caller may see: the progress bars follow it. */
export const TaskUpdatedSubscription = graphql(`
  subscription TaskUpdated {
    taskUpdated { id type state progress bytesDone bytesTotal error }
  }
`);
