/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment MutationErrors on Error {\n    __typename\n    code\n    message\n    ... on ValidationError { issues { path message } }\n    ... on InvalidManifestError { issues { path message } }\n    ... on ConflictError { field }\n    ... on UrlRefusedError { field }\n    ... on SourceUnavailableError { field }\n    ... on ReadOnlyMetadataError { keys }\n  }\n": typeof types.MutationErrorsFragmentDoc,
    "\n  query Catalog($first: Int, $after: String, $last: Int, $before: String, $filter: ImageFilter, $orderBy: [ImageOrder!], $search: String) {\n    images(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy, search: $search) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges {\n        cursor\n        node { id name status visibility size updatedAt region { id name } owner { id name } }\n      }\n    }\n  }\n": typeof types.CatalogDocument,
    "\n  query Regions {\n    regions(first: 100) { edges { node { id name } } }\n  }\n": typeof types.RegionsDocument,
    "\n  query Projects {\n    projects(first: 100) { edges { node { id name } } }\n  }\n": typeof types.ProjectsDocument,
    "\n  query ImagePage($id: ID!) {\n    image(id: $id) {\n      id\n      name\n      status\n      visibility\n      description\n      version\n      diskFormat\n      size\n      checksum\n      protected\n      tags\n      updatedAt\n      region { id name }\n      owner { id name }\n      metadata { id key value readOnly }\n      members { id status project { id name } }\n      replicas { id name status region { id name } }\n    }\n    viewer { kind readOnly project { id } }\n  }\n": typeof types.ImagePageDocument,
    "\n  query ImageTasks($id: ID!) {\n    tasks(first: 20, filter: { imageId: $id }) {\n      edges { node { id type state progress bytesDone bytesTotal error createdAt } }\n    }\n  }\n": typeof types.ImageTasksDocument,
    "\n  mutation ImageCreate($input: ImageCreateInput!) {\n    imageCreate(input: $input) {\n      __typename\n      ... on ImageCreatePayload { image { id name status } }\n      ...MutationErrors\n    }\n  }\n": typeof types.ImageCreateDocument,
    "\n  mutation ImageImport($input: ImageImportInput!) {\n    imageImport(input: $input) {\n      __typename\n      ... on ImageImportPayload { image { id name status } task { id type state progress bytesDone bytesTotal } }\n      ...MutationErrors\n    }\n  }\n": typeof types.ImageImportDocument,
    "\n  mutation ImageMetadataSet($input: ImageMetadataSetInput!) {\n    imageMetadataSet(input: $input) {\n      __typename\n      ... on ImageMetadataSetPayload { image { id metadata { id key value readOnly } } }\n      ...MutationErrors\n    }\n  }\n": typeof types.ImageMetadataSetDocument,
    "\n  mutation ImageTagAdd($input: ImageTagAddInput!) {\n    imageTagAdd(input: $input) {\n      __typename\n      ... on ImageTagAddPayload { image { id tags } }\n      ...MutationErrors\n    }\n  }\n": typeof types.ImageTagAddDocument,
    "\n  mutation ImageTagRemove($input: ImageTagRemoveInput!) {\n    imageTagRemove(input: $input) {\n      __typename\n      ... on ImageTagRemovePayload { image { id tags } }\n      ...MutationErrors\n    }\n  }\n": typeof types.ImageTagRemoveDocument,
    "\n  mutation ImageMemberAdd($input: ImageMemberAddInput!) {\n    imageMemberAdd(input: $input) {\n      __typename\n      ... on ImageMemberAddPayload { member { id status project { id name } image { id members { id status project { id name } } } } }\n      ...MutationErrors\n    }\n  }\n": typeof types.ImageMemberAddDocument,
    "\n  mutation ImageMemberUpdate($input: ImageMemberUpdateInput!) {\n    imageMemberUpdate(input: $input) {\n      __typename\n      ... on ImageMemberUpdatePayload { member { id status } }\n      ...MutationErrors\n    }\n  }\n": typeof types.ImageMemberUpdateDocument,
    "\n  subscription StatusChanged {\n    imageStatusChanged { status previousStatus at image { id status size checksum diskFormat updatedAt } }\n  }\n": typeof types.StatusChangedDocument,
    "\n  subscription ImageStatus($id: ID!) {\n    imageStatusChanged(id: $id) { status previousStatus at image { id status size checksum diskFormat updatedAt } }\n  }\n": typeof types.ImageStatusDocument,
    "\n  subscription TaskProgress($id: ID!) {\n    taskUpdated(id: $id) { id type state progress bytesDone bytesTotal error }\n  }\n": typeof types.TaskProgressDocument,
    "\n  subscription TaskUpdated {\n    taskUpdated { id type state progress bytesDone bytesTotal error }\n  }\n": typeof types.TaskUpdatedDocument,
};
const documents: Documents = {
    "\n  fragment MutationErrors on Error {\n    __typename\n    code\n    message\n    ... on ValidationError { issues { path message } }\n    ... on InvalidManifestError { issues { path message } }\n    ... on ConflictError { field }\n    ... on UrlRefusedError { field }\n    ... on SourceUnavailableError { field }\n    ... on ReadOnlyMetadataError { keys }\n  }\n": types.MutationErrorsFragmentDoc,
    "\n  query Catalog($first: Int, $after: String, $last: Int, $before: String, $filter: ImageFilter, $orderBy: [ImageOrder!], $search: String) {\n    images(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy, search: $search) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges {\n        cursor\n        node { id name status visibility size updatedAt region { id name } owner { id name } }\n      }\n    }\n  }\n": types.CatalogDocument,
    "\n  query Regions {\n    regions(first: 100) { edges { node { id name } } }\n  }\n": types.RegionsDocument,
    "\n  query Projects {\n    projects(first: 100) { edges { node { id name } } }\n  }\n": types.ProjectsDocument,
    "\n  query ImagePage($id: ID!) {\n    image(id: $id) {\n      id\n      name\n      status\n      visibility\n      description\n      version\n      diskFormat\n      size\n      checksum\n      protected\n      tags\n      updatedAt\n      region { id name }\n      owner { id name }\n      metadata { id key value readOnly }\n      members { id status project { id name } }\n      replicas { id name status region { id name } }\n    }\n    viewer { kind readOnly project { id } }\n  }\n": types.ImagePageDocument,
    "\n  query ImageTasks($id: ID!) {\n    tasks(first: 20, filter: { imageId: $id }) {\n      edges { node { id type state progress bytesDone bytesTotal error createdAt } }\n    }\n  }\n": types.ImageTasksDocument,
    "\n  mutation ImageCreate($input: ImageCreateInput!) {\n    imageCreate(input: $input) {\n      __typename\n      ... on ImageCreatePayload { image { id name status } }\n      ...MutationErrors\n    }\n  }\n": types.ImageCreateDocument,
    "\n  mutation ImageImport($input: ImageImportInput!) {\n    imageImport(input: $input) {\n      __typename\n      ... on ImageImportPayload { image { id name status } task { id type state progress bytesDone bytesTotal } }\n      ...MutationErrors\n    }\n  }\n": types.ImageImportDocument,
    "\n  mutation ImageMetadataSet($input: ImageMetadataSetInput!) {\n    imageMetadataSet(input: $input) {\n      __typename\n      ... on ImageMetadataSetPayload { image { id metadata { id key value readOnly } } }\n      ...MutationErrors\n    }\n  }\n": types.ImageMetadataSetDocument,
    "\n  mutation ImageTagAdd($input: ImageTagAddInput!) {\n    imageTagAdd(input: $input) {\n      __typename\n      ... on ImageTagAddPayload { image { id tags } }\n      ...MutationErrors\n    }\n  }\n": types.ImageTagAddDocument,
    "\n  mutation ImageTagRemove($input: ImageTagRemoveInput!) {\n    imageTagRemove(input: $input) {\n      __typename\n      ... on ImageTagRemovePayload { image { id tags } }\n      ...MutationErrors\n    }\n  }\n": types.ImageTagRemoveDocument,
    "\n  mutation ImageMemberAdd($input: ImageMemberAddInput!) {\n    imageMemberAdd(input: $input) {\n      __typename\n      ... on ImageMemberAddPayload { member { id status project { id name } image { id members { id status project { id name } } } } }\n      ...MutationErrors\n    }\n  }\n": types.ImageMemberAddDocument,
    "\n  mutation ImageMemberUpdate($input: ImageMemberUpdateInput!) {\n    imageMemberUpdate(input: $input) {\n      __typename\n      ... on ImageMemberUpdatePayload { member { id status } }\n      ...MutationErrors\n    }\n  }\n": types.ImageMemberUpdateDocument,
    "\n  subscription StatusChanged {\n    imageStatusChanged { status previousStatus at image { id status size checksum diskFormat updatedAt } }\n  }\n": types.StatusChangedDocument,
    "\n  subscription ImageStatus($id: ID!) {\n    imageStatusChanged(id: $id) { status previousStatus at image { id status size checksum diskFormat updatedAt } }\n  }\n": types.ImageStatusDocument,
    "\n  subscription TaskProgress($id: ID!) {\n    taskUpdated(id: $id) { id type state progress bytesDone bytesTotal error }\n  }\n": types.TaskProgressDocument,
    "\n  subscription TaskUpdated {\n    taskUpdated { id type state progress bytesDone bytesTotal error }\n  }\n": types.TaskUpdatedDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MutationErrors on Error {\n    __typename\n    code\n    message\n    ... on ValidationError { issues { path message } }\n    ... on InvalidManifestError { issues { path message } }\n    ... on ConflictError { field }\n    ... on UrlRefusedError { field }\n    ... on SourceUnavailableError { field }\n    ... on ReadOnlyMetadataError { keys }\n  }\n"): (typeof documents)["\n  fragment MutationErrors on Error {\n    __typename\n    code\n    message\n    ... on ValidationError { issues { path message } }\n    ... on InvalidManifestError { issues { path message } }\n    ... on ConflictError { field }\n    ... on UrlRefusedError { field }\n    ... on SourceUnavailableError { field }\n    ... on ReadOnlyMetadataError { keys }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Catalog($first: Int, $after: String, $last: Int, $before: String, $filter: ImageFilter, $orderBy: [ImageOrder!], $search: String) {\n    images(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy, search: $search) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges {\n        cursor\n        node { id name status visibility size updatedAt region { id name } owner { id name } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Catalog($first: Int, $after: String, $last: Int, $before: String, $filter: ImageFilter, $orderBy: [ImageOrder!], $search: String) {\n    images(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy, search: $search) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges {\n        cursor\n        node { id name status visibility size updatedAt region { id name } owner { id name } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Regions {\n    regions(first: 100) { edges { node { id name } } }\n  }\n"): (typeof documents)["\n  query Regions {\n    regions(first: 100) { edges { node { id name } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Projects {\n    projects(first: 100) { edges { node { id name } } }\n  }\n"): (typeof documents)["\n  query Projects {\n    projects(first: 100) { edges { node { id name } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImagePage($id: ID!) {\n    image(id: $id) {\n      id\n      name\n      status\n      visibility\n      description\n      version\n      diskFormat\n      size\n      checksum\n      protected\n      tags\n      updatedAt\n      region { id name }\n      owner { id name }\n      metadata { id key value readOnly }\n      members { id status project { id name } }\n      replicas { id name status region { id name } }\n    }\n    viewer { kind readOnly project { id } }\n  }\n"): (typeof documents)["\n  query ImagePage($id: ID!) {\n    image(id: $id) {\n      id\n      name\n      status\n      visibility\n      description\n      version\n      diskFormat\n      size\n      checksum\n      protected\n      tags\n      updatedAt\n      region { id name }\n      owner { id name }\n      metadata { id key value readOnly }\n      members { id status project { id name } }\n      replicas { id name status region { id name } }\n    }\n    viewer { kind readOnly project { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImageTasks($id: ID!) {\n    tasks(first: 20, filter: { imageId: $id }) {\n      edges { node { id type state progress bytesDone bytesTotal error createdAt } }\n    }\n  }\n"): (typeof documents)["\n  query ImageTasks($id: ID!) {\n    tasks(first: 20, filter: { imageId: $id }) {\n      edges { node { id type state progress bytesDone bytesTotal error createdAt } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImageCreate($input: ImageCreateInput!) {\n    imageCreate(input: $input) {\n      __typename\n      ... on ImageCreatePayload { image { id name status } }\n      ...MutationErrors\n    }\n  }\n"): (typeof documents)["\n  mutation ImageCreate($input: ImageCreateInput!) {\n    imageCreate(input: $input) {\n      __typename\n      ... on ImageCreatePayload { image { id name status } }\n      ...MutationErrors\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImageImport($input: ImageImportInput!) {\n    imageImport(input: $input) {\n      __typename\n      ... on ImageImportPayload { image { id name status } task { id type state progress bytesDone bytesTotal } }\n      ...MutationErrors\n    }\n  }\n"): (typeof documents)["\n  mutation ImageImport($input: ImageImportInput!) {\n    imageImport(input: $input) {\n      __typename\n      ... on ImageImportPayload { image { id name status } task { id type state progress bytesDone bytesTotal } }\n      ...MutationErrors\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImageMetadataSet($input: ImageMetadataSetInput!) {\n    imageMetadataSet(input: $input) {\n      __typename\n      ... on ImageMetadataSetPayload { image { id metadata { id key value readOnly } } }\n      ...MutationErrors\n    }\n  }\n"): (typeof documents)["\n  mutation ImageMetadataSet($input: ImageMetadataSetInput!) {\n    imageMetadataSet(input: $input) {\n      __typename\n      ... on ImageMetadataSetPayload { image { id metadata { id key value readOnly } } }\n      ...MutationErrors\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImageTagAdd($input: ImageTagAddInput!) {\n    imageTagAdd(input: $input) {\n      __typename\n      ... on ImageTagAddPayload { image { id tags } }\n      ...MutationErrors\n    }\n  }\n"): (typeof documents)["\n  mutation ImageTagAdd($input: ImageTagAddInput!) {\n    imageTagAdd(input: $input) {\n      __typename\n      ... on ImageTagAddPayload { image { id tags } }\n      ...MutationErrors\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImageTagRemove($input: ImageTagRemoveInput!) {\n    imageTagRemove(input: $input) {\n      __typename\n      ... on ImageTagRemovePayload { image { id tags } }\n      ...MutationErrors\n    }\n  }\n"): (typeof documents)["\n  mutation ImageTagRemove($input: ImageTagRemoveInput!) {\n    imageTagRemove(input: $input) {\n      __typename\n      ... on ImageTagRemovePayload { image { id tags } }\n      ...MutationErrors\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImageMemberAdd($input: ImageMemberAddInput!) {\n    imageMemberAdd(input: $input) {\n      __typename\n      ... on ImageMemberAddPayload { member { id status project { id name } image { id members { id status project { id name } } } } }\n      ...MutationErrors\n    }\n  }\n"): (typeof documents)["\n  mutation ImageMemberAdd($input: ImageMemberAddInput!) {\n    imageMemberAdd(input: $input) {\n      __typename\n      ... on ImageMemberAddPayload { member { id status project { id name } image { id members { id status project { id name } } } } }\n      ...MutationErrors\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImageMemberUpdate($input: ImageMemberUpdateInput!) {\n    imageMemberUpdate(input: $input) {\n      __typename\n      ... on ImageMemberUpdatePayload { member { id status } }\n      ...MutationErrors\n    }\n  }\n"): (typeof documents)["\n  mutation ImageMemberUpdate($input: ImageMemberUpdateInput!) {\n    imageMemberUpdate(input: $input) {\n      __typename\n      ... on ImageMemberUpdatePayload { member { id status } }\n      ...MutationErrors\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription StatusChanged {\n    imageStatusChanged { status previousStatus at image { id status size checksum diskFormat updatedAt } }\n  }\n"): (typeof documents)["\n  subscription StatusChanged {\n    imageStatusChanged { status previousStatus at image { id status size checksum diskFormat updatedAt } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ImageStatus($id: ID!) {\n    imageStatusChanged(id: $id) { status previousStatus at image { id status size checksum diskFormat updatedAt } }\n  }\n"): (typeof documents)["\n  subscription ImageStatus($id: ID!) {\n    imageStatusChanged(id: $id) { status previousStatus at image { id status size checksum diskFormat updatedAt } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TaskProgress($id: ID!) {\n    taskUpdated(id: $id) { id type state progress bytesDone bytesTotal error }\n  }\n"): (typeof documents)["\n  subscription TaskProgress($id: ID!) {\n    taskUpdated(id: $id) { id type state progress bytesDone bytesTotal error }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TaskUpdated {\n    taskUpdated { id type state progress bytesDone bytesTotal error }\n  }\n"): (typeof documents)["\n  subscription TaskUpdated {\n    taskUpdated { id type state progress bytesDone bytesTotal error }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;