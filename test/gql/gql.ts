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
    "\n  query ApolloImages($first: Int!, $after: String, $filter: ImageFilter) {\n    images(first: $first, after: $after, filter: $filter) {\n      totalCount\n      edges { cursor node { id name } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.ApolloImagesDocument,
    "\n  query ApolloMembers($id: ID!) {\n    image(id: $id) { id members { id status project { id } } }\n  }\n": typeof types.ApolloMembersDocument,
    "\n  mutation ApolloMemberUpdate($input: ImageMemberUpdateInput!) {\n    imageMemberUpdate(input: $input) {\n      __typename\n      ... on ImageMemberUpdatePayload { member { id status } }\n      ... on Error { code message }\n      ... on NotFoundError { type resourceId }\n    }\n  }\n": typeof types.ApolloMemberUpdateDocument,
    "\n  query ApolloNode($id: ID!) {\n    node(id: $id) { __typename ... on Node { id } ... on Image { name } }\n  }\n": typeof types.ApolloNodeDocument,
    "\n  subscription OpenStackWatch {\n    imageStatusChanged { image { id name } previousStatus status }\n  }\n": typeof types.OpenStackWatchDocument,
    "\n  query OpenStackSeen($id: ID!) {\n    node(id: $id) { ... on Image { name status visibility tags metadata { key value } minDisk members { project { id } status } } }\n  }\n": typeof types.OpenStackSeenDocument,
    "\n  query CcCachedObjects($id: ID!) {\n    image(id: $id) {\n      id\n      metadata { id key }\n      metadataItem(key: \"key-0\") { id }\n    }\n  }\n": typeof types.CcCachedObjectsDocument,
    "\n  mutation CcMissing($id: ID!) {\n    imageRename(input: { id: $id, name: \"renamed\" }) {\n      __typename\n      ... on NotFoundError { type resourceId id }\n    }\n  }\n": typeof types.CcMissingDocument,
    "\n  query CcCounted($imageId: ID!) {\n    regions(first: 1) { totalCount edges { node { id } } pageInfo { hasNextPage } }\n    tasks(first: 1, filter: { imageId: $imageId }) { totalCount edges { node { id } } }\n    images(first: 1, filter: { nameContains: \"cc-counted\" }) { totalCount }\n  }\n": typeof types.CcCountedDocument,
    "\n  mutation TestConcurrentMetadataSet($input: ImageMetadataSetInput!) {\n    imageMetadataSet(input: $input) {\n      __typename\n      ... on Error { message }\n      ... on ConflictError { field }\n    }\n  }\n": typeof types.TestConcurrentMetadataSetDocument,
    "\n  mutation TestConcurrentTagAdd($input: ImageTagAddInput!) {\n    imageTagAdd(input: $input) {\n      __typename\n      ... on Error { message }\n      ... on ConflictError { field }\n    }\n  }\n": typeof types.TestConcurrentTagAddDocument,
    "\n  mutation TestConcurrentUpdate($input: ImageUpdateInput!) {\n    imageUpdate(input: $input) {\n      __typename\n      ... on Error { message }\n      ... on ConflictError { field }\n      ... on ImageUpdatePayload { image { rowVersion } }\n    }\n  }\n": typeof types.TestConcurrentUpdateDocument,
    "\n  query TestConcurrentImage($id: ID!) {\n    image(id: $id) {\n      rowVersion\n      tags\n      minDisk\n      metadata { key value }\n    }\n  }\n": typeof types.TestConcurrentImageDocument,
    "\n  fragment MutatedImage on Image {\n    id\n    name\n    description\n    status\n    visibility\n    protected\n    hidden\n    tags\n    minDisk\n    minRam\n    diskFormat\n    displayOrder\n    sourceUrl\n    providerRef\n    username\n    hasPassword\n    rowVersion\n    deletedAt\n    region { id }\n    owner { id }\n    operatingSystem { id }\n    architecture { id }\n    computeResource { id }\n    metadata { key value readOnly }\n  }\n": typeof types.MutatedImageFragmentDoc,
    "\n  fragment MutationError on Error {\n    __typename\n    message\n    code\n    ... on ValidationError { issues { path message } }\n    ... on ConflictError { field }\n    ... on NotFoundError { type resourceId }\n    ... on ProtectedImageError { imageId }\n    ... on ReadOnlyMetadataError { keys }\n  }\n": typeof types.MutationErrorFragmentDoc,
    "\n  mutation TestImageCreate($input: ImageCreateInput!) {\n    imageCreate(input: $input) {\n      __typename\n      ...MutationError\n      ... on ImageCreatePayload { image { ...MutatedImage } }\n    }\n  }\n": typeof types.TestImageCreateDocument,
    "\n  mutation TestImageUpdate($input: ImageUpdateInput!) {\n    imageUpdate(input: $input) {\n      __typename\n      ...MutationError\n      ... on ImageUpdatePayload { image { ...MutatedImage } }\n    }\n  }\n": typeof types.TestImageUpdateDocument,
    "\n  mutation TestImageRename($input: ImageRenameInput!) {\n    imageRename(input: $input) {\n      __typename\n      ...MutationError\n      ... on ImageRenamePayload { image { ...MutatedImage } }\n    }\n  }\n": typeof types.TestImageRenameDocument,
    "\n  mutation TestImageTagAdd($input: ImageTagAddInput!) {\n    imageTagAdd(input: $input) {\n      __typename\n      ...MutationError\n      ... on ImageTagAddPayload { image { ...MutatedImage } }\n    }\n  }\n": typeof types.TestImageTagAddDocument,
    "\n  mutation TestImageTagRemove($input: ImageTagRemoveInput!) {\n    imageTagRemove(input: $input) {\n      __typename\n      ...MutationError\n      ... on ImageTagRemovePayload { image { ...MutatedImage } }\n    }\n  }\n": typeof types.TestImageTagRemoveDocument,
    "\n  mutation TestImageDelete($input: ImageDeleteInput!) {\n    imageDelete(input: $input) {\n      __typename\n      ...MutationError\n      ... on ImageDeletePayload { image { ...MutatedImage } task { id type state } }\n    }\n  }\n": typeof types.TestImageDeleteDocument,
    "\n  mutation TestImageMetadataSet($input: ImageMetadataSetInput!) {\n    imageMetadataSet(input: $input) {\n      __typename\n      ...MutationError\n      ... on ImageMetadataSetPayload { image { ...MutatedImage } }\n    }\n  }\n": typeof types.TestImageMetadataSetDocument,
    "\n  mutation TestImageMetadataReplace($input: ImageMetadataReplaceInput!) {\n    imageMetadataReplace(input: $input) {\n      __typename\n      ...MutationError\n      ... on ImageMetadataReplacePayload { image { ...MutatedImage } }\n    }\n  }\n": typeof types.TestImageMetadataReplaceDocument,
    "\n  mutation TestImageMetadataDelete($input: ImageMetadataDeleteInput!) {\n    imageMetadataDelete(input: $input) {\n      __typename\n      ...MutationError\n      ... on ImageMetadataDeletePayload { image { ...MutatedImage } }\n    }\n  }\n": typeof types.TestImageMetadataDeleteDocument,
    "\n  mutation TestImageCreateTwo($first: ImageCreateInput!, $second: ImageCreateInput!) {\n    first: imageCreate(input: $first) {\n      __typename\n      ...MutationError\n      ... on ImageCreatePayload { image { ...MutatedImage } }\n    }\n    second: imageCreate(input: $second) {\n      __typename\n      ...MutationError\n      ... on ImageCreatePayload { image { ...MutatedImage } }\n    }\n  }\n": typeof types.TestImageCreateTwoDocument,
    "\n  mutation TestImageRenameThenTag($rename: ImageRenameInput!, $tag: ImageTagAddInput!) {\n    first: imageRename(input: $rename) {\n      __typename\n      ...MutationError\n      ... on ImageRenamePayload { image { ...MutatedImage } }\n    }\n    second: imageTagAdd(input: $tag) {\n      __typename\n      ...MutationError\n      ... on ImageTagAddPayload { image { ...MutatedImage } }\n    }\n  }\n": typeof types.TestImageRenameThenTagDocument,
    "\n  query TestImageGet($id: ID!) {\n    image(id: $id) { ...MutatedImage }\n  }\n": typeof types.TestImageGetDocument,
    "\n  query TestImageList($filter: ImageFilter) {\n    images(first: 100, filter: $filter) {\n      totalCount\n      edges { node { id name status deletedAt } }\n    }\n  }\n": typeof types.TestImageListDocument,
    "\n  query ImagePageWithRelations($first: Int!) {\n    images(first: $first) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          name\n          operatingSystem { id title }\n          architecture { id name }\n          computeResource { id name region { slug } }\n          region { id slug }\n          owner { id name }\n          metadata { key value readOnly }\n          members { status project { name } }\n          big: metadataItem(key: \"key-1\") { value }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.ImagePageWithRelationsDocument,
    "\n  query ImageKeysetPage($first: Int, $after: String, $last: Int, $before: String, $orderBy: [ImageOrder!]) {\n    images(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) {\n      edges { cursor node { id name status size createdAt updatedAt } }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n": typeof types.ImageKeysetPageDocument,
    "\n  mutation CreateImageWithPassword($input: ImageCreateInput!) {\n    imageCreate(input: $input) {\n      __typename\n      ... on ImageCreatePayload { image { id hasPassword username } }\n    }\n  }\n": typeof types.CreateImageWithPasswordDocument,
    "\n  mutation ClearImagePassword($id: ID!) {\n    imageUpdate(input: { id: $id, patch: { password: null } }) {\n      __typename\n      ... on ImageUpdatePayload { image { hasPassword } }\n    }\n  }\n": typeof types.ClearImagePasswordDocument,
    "\n  query IqList(\n    $filter: ImageFilter\n    $search: String\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n    $orderBy: [ImageOrder!]\n  ) {\n    images(filter: $filter, search: $search, first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) {\n      totalCount\n      edges { cursor node { id name status createdAt updatedAt } }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n": typeof types.IqListDocument,
    "\n  query IqImage($id: ID!) {\n    image(id: $id) { id name status }\n  }\n": typeof types.IqImageDocument,
    "\n  query IqNode($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Image { name }\n      ... on Region { slug }\n      ... on OperatingSystem { title }\n      ... on Architecture { name }\n      ... on ComputeResource { name }\n      ... on Project { name }\n    }\n  }\n": typeof types.IqNodeDocument,
    "\n  query IqNodes($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      id\n    }\n  }\n": typeof types.IqNodesDocument,
    "\n  query IqImageByName($regionId: ID!, $name: String!) {\n    imageByName(regionId: $regionId, name: $name) { id name owner { id } }\n  }\n": typeof types.IqImageByNameDocument,
    "\n  fragment IqNestedConnection on ImageConnection {\n    totalCount\n    edges { node { id name } }\n    pageInfo { hasNextPage endCursor }\n  }\n": typeof types.IqNestedConnectionFragmentDoc,
    "\n  query IqNested($id: ID!, $filter: ImageFilter, $first: Int, $after: String, $search: String) {\n    node(id: $id) {\n      __typename\n      ... on OperatingSystem { images(filter: $filter, first: $first, after: $after, search: $search) { ...IqNestedConnection } }\n      ... on Architecture { images(filter: $filter, first: $first, after: $after, search: $search) { ...IqNestedConnection } }\n      ... on ComputeResource { images(filter: $filter, first: $first, after: $after, search: $search) { ...IqNestedConnection } }\n      ... on Region { images(filter: $filter, first: $first, after: $after, search: $search) { ...IqNestedConnection } }\n      ... on Project { images(filter: $filter, first: $first, after: $after, search: $search) { ...IqNestedConnection } }\n    }\n  }\n": typeof types.IqNestedDocument,
    "\n  fragment MbError on Error {\n    __typename\n    message\n    code\n    ... on ValidationError { issues { path message } }\n    ... on ConflictError { field }\n    ... on NotFoundError { type resourceId }\n  }\n": typeof types.MbErrorFragmentDoc,
    "\n  mutation MbMemberAdd($input: ImageMemberAddInput!) {\n    imageMemberAdd(input: $input) {\n      __typename\n      ...MbError\n      ... on ImageMemberAddPayload { member { status project { id } image { id members { project { id } status } } } }\n    }\n  }\n": typeof types.MbMemberAddDocument,
    "\n  mutation MbMemberUpdate($input: ImageMemberUpdateInput!) {\n    imageMemberUpdate(input: $input) {\n      __typename\n      ...MbError\n      ... on ImageMemberUpdatePayload { member { status project { id } createdAt updatedAt } }\n    }\n  }\n": typeof types.MbMemberUpdateDocument,
    "\n  mutation MbMemberRemove($input: ImageMemberRemoveInput!) {\n    imageMemberRemove(input: $input) {\n      __typename\n      ...MbError\n      ... on ImageMemberRemovePayload { removedMemberId removedProjectId image { id members { project { id } } } }\n    }\n  }\n": typeof types.MbMemberRemoveDocument,
    "\n  query MbMembers($id: ID!) {\n    image(id: $id) { id members { status project { id name } image { id } } }\n  }\n": typeof types.MbMembersDocument,
    "\n  query MbMemberIds($id: ID!) {\n    image(id: $id) { members { id project { id } } }\n  }\n": typeof types.MbMemberIdsDocument,
    "\n  mutation RdOsCreate($input: OperatingSystemCreateInput!) {\n    operatingSystemCreate(input: $input) {\n      __typename\n      ... on OperatingSystemCreatePayload { operatingSystem { id name major minor family title } }\n      ... on Error { message code }\n      ... on ValidationError { issues { path message } }\n      ... on ConflictError { field }\n    }\n  }\n": typeof types.RdOsCreateDocument,
    "\n  mutation RdOsUpdate($input: OperatingSystemUpdateInput!) {\n    operatingSystemUpdate(input: $input) {\n      __typename\n      ... on OperatingSystemUpdatePayload { operatingSystem { id name major minor family title } }\n      ... on Error { message code }\n      ... on ValidationError { issues { path message } }\n      ... on ConflictError { field }\n      ... on NotFoundError { resourceId type }\n    }\n  }\n": typeof types.RdOsUpdateDocument,
    "\n  mutation RdOsDelete($input: OperatingSystemDeleteInput!) {\n    operatingSystemDelete(input: $input) {\n      __typename\n      ... on OperatingSystemDeletePayload { deletedId }\n      ... on Error { message code }\n      ... on NotFoundError { resourceId type }\n      ... on InUseError { usedBy }\n    }\n  }\n": typeof types.RdOsDeleteDocument,
    "\n  query RdOsList($first: Int, $after: String, $last: Int, $before: String) {\n    operatingSystems(first: $first, after: $after, last: $last, before: $before) {\n      edges { cursor node { id title } }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n": typeof types.RdOsListDocument,
    "\n  mutation RdArchCreate($input: ArchitectureCreateInput!) {\n    architectureCreate(input: $input) {\n      __typename\n      ... on ArchitectureCreatePayload { architecture { id name } }\n      ... on Error { message code }\n      ... on ValidationError { issues { path message } }\n      ... on ConflictError { field }\n    }\n  }\n": typeof types.RdArchCreateDocument,
    "\n  mutation RdArchUpdate($input: ArchitectureUpdateInput!) {\n    architectureUpdate(input: $input) {\n      __typename\n      ... on ArchitectureUpdatePayload { architecture { id name } }\n      ... on Error { message code }\n      ... on ValidationError { issues { path message } }\n      ... on ConflictError { field }\n      ... on NotFoundError { resourceId type }\n    }\n  }\n": typeof types.RdArchUpdateDocument,
    "\n  mutation RdArchDelete($input: ArchitectureDeleteInput!) {\n    architectureDelete(input: $input) {\n      __typename\n      ... on ArchitectureDeletePayload { deletedId }\n      ... on Error { message code }\n      ... on NotFoundError { resourceId type }\n      ... on InUseError { usedBy }\n    }\n  }\n": typeof types.RdArchDeleteDocument,
    "\n  query RdArchList($first: Int, $after: String, $last: Int, $before: String) {\n    architectures(first: $first, after: $after, last: $last, before: $before) {\n      edges { cursor node { id name } }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n": typeof types.RdArchListDocument,
    "\n  mutation RdCrCreate($input: ComputeResourceCreateInput!) {\n    computeResourceCreate(input: $input) {\n      __typename\n      ... on ComputeResourceCreatePayload { computeResource { id name provider region { id slug } } }\n      ... on Error { message code }\n      ... on ValidationError { issues { path message } }\n      ... on ConflictError { field }\n    }\n  }\n": typeof types.RdCrCreateDocument,
    "\n  mutation RdCrUpdate($input: ComputeResourceUpdateInput!) {\n    computeResourceUpdate(input: $input) {\n      __typename\n      ... on ComputeResourceUpdatePayload { computeResource { id name provider region { id slug } } }\n      ... on Error { message code }\n      ... on ValidationError { issues { path message } }\n      ... on ConflictError { field }\n      ... on NotFoundError { resourceId type }\n    }\n  }\n": typeof types.RdCrUpdateDocument,
    "\n  mutation RdCrDelete($input: ComputeResourceDeleteInput!) {\n    computeResourceDelete(input: $input) {\n      __typename\n      ... on ComputeResourceDeletePayload { deletedId }\n      ... on Error { message code }\n      ... on NotFoundError { resourceId type }\n      ... on InUseError { usedBy }\n    }\n  }\n": typeof types.RdCrDeleteDocument,
    "\n  query RdCrList($first: Int, $after: String, $last: Int, $before: String) {\n    computeResources(first: $first, after: $after, last: $last, before: $before) {\n      edges { cursor node { id name } }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n": typeof types.RdCrListDocument,
    "\n  mutation RdRegionCreate($input: RegionCreateInput!) {\n    regionCreate(input: $input) {\n      __typename\n      ... on RegionCreatePayload { region { id slug name } }\n      ... on Error { message code }\n      ... on ValidationError { issues { path message } }\n      ... on ConflictError { field }\n    }\n  }\n": typeof types.RdRegionCreateDocument,
    "\n  mutation RdRegionUpdate($input: RegionUpdateInput!) {\n    regionUpdate(input: $input) {\n      __typename\n      ... on RegionUpdatePayload { region { id slug name } }\n      ... on Error { message code }\n      ... on ValidationError { issues { path message } }\n      ... on ConflictError { field }\n      ... on NotFoundError { resourceId type }\n    }\n  }\n": typeof types.RdRegionUpdateDocument,
    "\n  mutation RdRegionDelete($input: RegionDeleteInput!) {\n    regionDelete(input: $input) {\n      __typename\n      ... on RegionDeletePayload { deletedId }\n      ... on Error { message code }\n      ... on NotFoundError { resourceId type }\n      ... on InUseError { usedBy }\n    }\n  }\n": typeof types.RdRegionDeleteDocument,
    "\n  query RdRegionList($first: Int, $after: String, $last: Int, $before: String) {\n    regions(first: $first, after: $after, last: $last, before: $before) {\n      edges { cursor node { id slug } }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n": typeof types.RdRegionListDocument,
    "\n  mutation RdProjectCreate($input: ProjectCreateInput!) {\n    projectCreate(input: $input) {\n      __typename\n      ... on ProjectCreatePayload { project { id name } }\n      ... on Error { message code }\n      ... on ValidationError { issues { path message } }\n      ... on ConflictError { field }\n    }\n  }\n": typeof types.RdProjectCreateDocument,
    "\n  mutation RdProjectUpdate($input: ProjectUpdateInput!) {\n    projectUpdate(input: $input) {\n      __typename\n      ... on ProjectUpdatePayload { project { id name } }\n      ... on Error { message code }\n      ... on ValidationError { issues { path message } }\n      ... on ConflictError { field }\n      ... on NotFoundError { resourceId type }\n    }\n  }\n": typeof types.RdProjectUpdateDocument,
    "\n  mutation RdProjectDelete($input: ProjectDeleteInput!) {\n    projectDelete(input: $input) {\n      __typename\n      ... on ProjectDeletePayload { deletedId }\n      ... on Error { message code }\n      ... on NotFoundError { resourceId type }\n      ... on InUseError { usedBy }\n    }\n  }\n": typeof types.RdProjectDeleteDocument,
    "\n  query RdProjectList($first: Int, $after: String, $last: Int, $before: String) {\n    projects(first: $first, after: $after, last: $last, before: $before) {\n      edges { cursor node { id name } }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n": typeof types.RdProjectListDocument,
    "\n  query RdNode($id: ID!) {\n    node(id: $id) { __typename id }\n  }\n": typeof types.RdNodeDocument,
    "\n  fragment RsError on Error {\n    __typename\n    message\n    code\n    ... on ValidationError { issues { path message } }\n    ... on ConflictError { field }\n    ... on NotFoundError { type resourceId }\n    ... on InUseError { usedBy }\n  }\n": typeof types.RsErrorFragmentDoc,
    "\n  mutation RsCreate($input: ResellerCreateInput!) {\n    resellerCreate(input: $input) { __typename ...RsError ... on ResellerCreatePayload { reseller { id name createdAt updatedAt } } }\n  }\n": typeof types.RsCreateDocument,
    "\n  mutation RsUpdate($input: ResellerUpdateInput!) {\n    resellerUpdate(input: $input) { __typename ...RsError ... on ResellerUpdatePayload { reseller { id name } } }\n  }\n": typeof types.RsUpdateDocument,
    "\n  mutation RsDelete($input: ResellerDeleteInput!) {\n    resellerDelete(input: $input) { __typename ...RsError ... on ResellerDeletePayload { deletedId } }\n  }\n": typeof types.RsDeleteDocument,
    "\n  query RsList($first: Int, $after: String) {\n    resellers(first: $first, after: $after) {\n      edges { cursor node { id name } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.RsListDocument,
    "\n  query RsNode($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Reseller { name projects(first: 10) { edges { node { id name reseller { id } } } } sharedImages { region { id } } }\n    }\n  }\n": typeof types.RsNodeDocument,
    "\n  mutation RsProjectCreate($input: ProjectCreateInput!) {\n    projectCreate(input: $input) { __typename ...RsError ... on ProjectCreatePayload { project { id name reseller { id name } } } }\n  }\n": typeof types.RsProjectCreateDocument,
    "\n  mutation RsProjectUpdate($input: ProjectUpdateInput!) {\n    projectUpdate(input: $input) { __typename ...RsError ... on ProjectUpdatePayload { project { id name reseller { id } } } }\n  }\n": typeof types.RsProjectUpdateDocument,
    "\n  fragment SiError on Error {\n    __typename\n    message\n    code\n    ... on ValidationError { issues { path message } }\n    ... on NotFoundError { type resourceId }\n  }\n": typeof types.SiErrorFragmentDoc,
    "\n  fragment SiRow on SharedImage {\n    project { id }\n    reseller { id }\n    region { id }\n    imageIds\n    images { id name }\n  }\n": typeof types.SiRowFragmentDoc,
    "\n  mutation SiSet($input: SharedImageSetInput!) {\n    sharedImageSet(input: $input) { __typename ...SiError ... on SharedImageSetPayload { sharedImage { ...SiRow } } }\n  }\n": typeof types.SiSetDocument,
    "\n  mutation SiDelete($input: SharedImageDeleteInput!) {\n    sharedImageDelete(input: $input) { __typename ...SiError ... on SharedImageDeletePayload { deletedSharedImage { ...SiRow } } }\n  }\n": typeof types.SiDeleteDocument,
    "\n  mutation SiLimitsSet($input: ResellerImageLimitsSetInput!) {\n    resellerImageLimitsSet(input: $input) { __typename ...SiError ... on ResellerImageLimitsSetPayload { sharedImage { ...SiRow } } }\n  }\n": typeof types.SiLimitsSetDocument,
    "\n  mutation SiLimitsDelete($input: ResellerImageLimitsDeleteInput!) {\n    resellerImageLimitsDelete(input: $input) { __typename ...SiError ... on ResellerImageLimitsDeletePayload { deletedSharedImage { ...SiRow } } }\n  }\n": typeof types.SiLimitsDeleteDocument,
    "\n  query SiGet($projectId: ID, $resellerId: ID, $regionId: ID!) {\n    sharedImage(projectId: $projectId, resellerId: $resellerId, regionId: $regionId) { ...SiRow }\n  }\n": typeof types.SiGetDocument,
    "\n  query SiResellerRows($id: ID!) {\n    node(id: $id) { ... on Reseller { sharedImages { ...SiRow } imageLimits { region { id } imageIds } } }\n  }\n": typeof types.SiResellerRowsDocument,
    "\n  subscription GroupedWatch($id: ID) {\n    imageStatusChanged(id: $id) { image { id status metadata { key value } } previousStatus status }\n  }\n": typeof types.GroupedWatchDocument,
    "mutation GroupedDeactivate($id: ID!) { imageDeactivate(input: { id: $id }) { __typename } }": typeof types.GroupedDeactivateDocument,
    "mutation GroupedReactivate($id: ID!) { imageReactivate(input: { id: $id }) { __typename } }": typeof types.GroupedReactivateDocument,
    "\n  subscription LiveWatchImage($id: ID) {\n    imageStatusChanged(id: $id) { image { id status } previousStatus status at }\n  }\n": typeof types.LiveWatchImageDocument,
    "\n  subscription LiveWatchAll($filter: ImageStatusFilter) {\n    imageStatusChanged(filter: $filter) { image { id } previousStatus status }\n  }\n": typeof types.LiveWatchAllDocument,
    "mutation LiveDeactivate($id: ID!) { imageDeactivate(input: { id: $id }) { __typename } }": typeof types.LiveDeactivateDocument,
    "mutation LiveReactivate($id: ID!) { imageReactivate(input: { id: $id }) { __typename } }": typeof types.LiveReactivateDocument,
    "mutation LiveDelete($id: ID!) { imageDelete(input: { id: $id }) { __typename } }": typeof types.LiveDeleteDocument,
    "\n  mutation LiveMemberAdd($image: ID!, $project: ID!) { imageMemberAdd(input: { imageId: $image, projectId: $project }) { __typename } }\n": typeof types.LiveMemberAddDocument,
    "\n  mutation LiveMemberRemove($image: ID!, $project: ID!) { imageMemberRemove(input: { imageId: $image, projectId: $project }) { __typename } }\n": typeof types.LiveMemberRemoveDocument,
    "\n  subscription LiveWatchTask($id: ID) {\n    taskUpdated(id: $id) { id state progress }\n  }\n": typeof types.LiveWatchTaskDocument,
    "\n  subscription ImportWatchRegion($filter: ImageStatusFilter) {\n    imageStatusChanged(filter: $filter) { image { id } previousStatus status at }\n  }\n": typeof types.ImportWatchRegionDocument,
    "\n  subscription AcrossWatchRegion($filter: ImageStatusFilter) {\n    imageStatusChanged(filter: $filter) { image { id } previousStatus status at }\n  }\n": typeof types.AcrossWatchRegionDocument,
};
const documents: Documents = {
    "\n  query ApolloImages($first: Int!, $after: String, $filter: ImageFilter) {\n    images(first: $first, after: $after, filter: $filter) {\n      totalCount\n      edges { cursor node { id name } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.ApolloImagesDocument,
    "\n  query ApolloMembers($id: ID!) {\n    image(id: $id) { id members { id status project { id } } }\n  }\n": types.ApolloMembersDocument,
    "\n  mutation ApolloMemberUpdate($input: ImageMemberUpdateInput!) {\n    imageMemberUpdate(input: $input) {\n      __typename\n      ... on ImageMemberUpdatePayload { member { id status } }\n      ... on Error { code message }\n      ... on NotFoundError { type resourceId }\n    }\n  }\n": types.ApolloMemberUpdateDocument,
    "\n  query ApolloNode($id: ID!) {\n    node(id: $id) { __typename ... on Node { id } ... on Image { name } }\n  }\n": types.ApolloNodeDocument,
    "\n  subscription OpenStackWatch {\n    imageStatusChanged { image { id name } previousStatus status }\n  }\n": types.OpenStackWatchDocument,
    "\n  query OpenStackSeen($id: ID!) {\n    node(id: $id) { ... on Image { name status visibility tags metadata { key value } minDisk members { project { id } status } } }\n  }\n": types.OpenStackSeenDocument,
    "\n  query CcCachedObjects($id: ID!) {\n    image(id: $id) {\n      id\n      metadata { id key }\n      metadataItem(key: \"key-0\") { id }\n    }\n  }\n": types.CcCachedObjectsDocument,
    "\n  mutation CcMissing($id: ID!) {\n    imageRename(input: { id: $id, name: \"renamed\" }) {\n      __typename\n      ... on NotFoundError { type resourceId id }\n    }\n  }\n": types.CcMissingDocument,
    "\n  query CcCounted($imageId: ID!) {\n    regions(first: 1) { totalCount edges { node { id } } pageInfo { hasNextPage } }\n    tasks(first: 1, filter: { imageId: $imageId }) { totalCount edges { node { id } } }\n    images(first: 1, filter: { nameContains: \"cc-counted\" }) { totalCount }\n  }\n": types.CcCountedDocument,
    "\n  mutation TestConcurrentMetadataSet($input: ImageMetadataSetInput!) {\n    imageMetadataSet(input: $input) {\n      __typename\n      ... on Error { message }\n      ... on ConflictError { field }\n    }\n  }\n": types.TestConcurrentMetadataSetDocument,
    "\n  mutation TestConcurrentTagAdd($input: ImageTagAddInput!) {\n    imageTagAdd(input: $input) {\n      __typename\n      ... on Error { message }\n      ... on ConflictError { field }\n    }\n  }\n": types.TestConcurrentTagAddDocument,
    "\n  mutation TestConcurrentUpdate($input: ImageUpdateInput!) {\n    imageUpdate(input: $input) {\n      __typename\n      ... on Error { message }\n      ... on ConflictError { field }\n      ... on ImageUpdatePayload { image { rowVersion } }\n    }\n  }\n": types.TestConcurrentUpdateDocument,
    "\n  query TestConcurrentImage($id: ID!) {\n    image(id: $id) {\n      rowVersion\n      tags\n      minDisk\n      metadata { key value }\n    }\n  }\n": types.TestConcurrentImageDocument,
    "\n  fragment MutatedImage on Image {\n    id\n    name\n    description\n    status\n    visibility\n    protected\n    hidden\n    tags\n    minDisk\n    minRam\n    diskFormat\n    displayOrder\n    sourceUrl\n    providerRef\n    username\n    hasPassword\n    rowVersion\n    deletedAt\n    region { id }\n    owner { id }\n    operatingSystem { id }\n    architecture { id }\n    computeResource { id }\n    metadata { key value readOnly }\n  }\n": types.MutatedImageFragmentDoc,
    "\n  fragment MutationError on Error {\n    __typename\n    message\n    code\n    ... on ValidationError { issues { path message } }\n    ... on ConflictError { field }\n    ... on NotFoundError { type resourceId }\n    ... on ProtectedImageError { imageId }\n    ... on ReadOnlyMetadataError { keys }\n  }\n": types.MutationErrorFragmentDoc,
    "\n  mutation TestImageCreate($input: ImageCreateInput!) {\n    imageCreate(input: $input) {\n      __typename\n      ...MutationError\n      ... on ImageCreatePayload { image { ...MutatedImage } }\n    }\n  }\n": types.TestImageCreateDocument,
    "\n  mutation TestImageUpdate($input: ImageUpdateInput!) {\n    imageUpdate(input: $input) {\n      __typename\n      ...MutationError\n      ... on ImageUpdatePayload { image { ...MutatedImage } }\n    }\n  }\n": types.TestImageUpdateDocument,
    "\n  mutation TestImageRename($input: ImageRenameInput!) {\n    imageRename(input: $input) {\n      __typename\n      ...MutationError\n      ... on ImageRenamePayload { image { ...MutatedImage } }\n    }\n  }\n": types.TestImageRenameDocument,
    "\n  mutation TestImageTagAdd($input: ImageTagAddInput!) {\n    imageTagAdd(input: $input) {\n      __typename\n      ...MutationError\n      ... on ImageTagAddPayload { image { ...MutatedImage } }\n    }\n  }\n": types.TestImageTagAddDocument,
    "\n  mutation TestImageTagRemove($input: ImageTagRemoveInput!) {\n    imageTagRemove(input: $input) {\n      __typename\n      ...MutationError\n      ... on ImageTagRemovePayload { image { ...MutatedImage } }\n    }\n  }\n": types.TestImageTagRemoveDocument,
    "\n  mutation TestImageDelete($input: ImageDeleteInput!) {\n    imageDelete(input: $input) {\n      __typename\n      ...MutationError\n      ... on ImageDeletePayload { image { ...MutatedImage } task { id type state } }\n    }\n  }\n": types.TestImageDeleteDocument,
    "\n  mutation TestImageMetadataSet($input: ImageMetadataSetInput!) {\n    imageMetadataSet(input: $input) {\n      __typename\n      ...MutationError\n      ... on ImageMetadataSetPayload { image { ...MutatedImage } }\n    }\n  }\n": types.TestImageMetadataSetDocument,
    "\n  mutation TestImageMetadataReplace($input: ImageMetadataReplaceInput!) {\n    imageMetadataReplace(input: $input) {\n      __typename\n      ...MutationError\n      ... on ImageMetadataReplacePayload { image { ...MutatedImage } }\n    }\n  }\n": types.TestImageMetadataReplaceDocument,
    "\n  mutation TestImageMetadataDelete($input: ImageMetadataDeleteInput!) {\n    imageMetadataDelete(input: $input) {\n      __typename\n      ...MutationError\n      ... on ImageMetadataDeletePayload { image { ...MutatedImage } }\n    }\n  }\n": types.TestImageMetadataDeleteDocument,
    "\n  mutation TestImageCreateTwo($first: ImageCreateInput!, $second: ImageCreateInput!) {\n    first: imageCreate(input: $first) {\n      __typename\n      ...MutationError\n      ... on ImageCreatePayload { image { ...MutatedImage } }\n    }\n    second: imageCreate(input: $second) {\n      __typename\n      ...MutationError\n      ... on ImageCreatePayload { image { ...MutatedImage } }\n    }\n  }\n": types.TestImageCreateTwoDocument,
    "\n  mutation TestImageRenameThenTag($rename: ImageRenameInput!, $tag: ImageTagAddInput!) {\n    first: imageRename(input: $rename) {\n      __typename\n      ...MutationError\n      ... on ImageRenamePayload { image { ...MutatedImage } }\n    }\n    second: imageTagAdd(input: $tag) {\n      __typename\n      ...MutationError\n      ... on ImageTagAddPayload { image { ...MutatedImage } }\n    }\n  }\n": types.TestImageRenameThenTagDocument,
    "\n  query TestImageGet($id: ID!) {\n    image(id: $id) { ...MutatedImage }\n  }\n": types.TestImageGetDocument,
    "\n  query TestImageList($filter: ImageFilter) {\n    images(first: 100, filter: $filter) {\n      totalCount\n      edges { node { id name status deletedAt } }\n    }\n  }\n": types.TestImageListDocument,
    "\n  query ImagePageWithRelations($first: Int!) {\n    images(first: $first) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          name\n          operatingSystem { id title }\n          architecture { id name }\n          computeResource { id name region { slug } }\n          region { id slug }\n          owner { id name }\n          metadata { key value readOnly }\n          members { status project { name } }\n          big: metadataItem(key: \"key-1\") { value }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.ImagePageWithRelationsDocument,
    "\n  query ImageKeysetPage($first: Int, $after: String, $last: Int, $before: String, $orderBy: [ImageOrder!]) {\n    images(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) {\n      edges { cursor node { id name status size createdAt updatedAt } }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n": types.ImageKeysetPageDocument,
    "\n  mutation CreateImageWithPassword($input: ImageCreateInput!) {\n    imageCreate(input: $input) {\n      __typename\n      ... on ImageCreatePayload { image { id hasPassword username } }\n    }\n  }\n": types.CreateImageWithPasswordDocument,
    "\n  mutation ClearImagePassword($id: ID!) {\n    imageUpdate(input: { id: $id, patch: { password: null } }) {\n      __typename\n      ... on ImageUpdatePayload { image { hasPassword } }\n    }\n  }\n": types.ClearImagePasswordDocument,
    "\n  query IqList(\n    $filter: ImageFilter\n    $search: String\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n    $orderBy: [ImageOrder!]\n  ) {\n    images(filter: $filter, search: $search, first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) {\n      totalCount\n      edges { cursor node { id name status createdAt updatedAt } }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n": types.IqListDocument,
    "\n  query IqImage($id: ID!) {\n    image(id: $id) { id name status }\n  }\n": types.IqImageDocument,
    "\n  query IqNode($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Image { name }\n      ... on Region { slug }\n      ... on OperatingSystem { title }\n      ... on Architecture { name }\n      ... on ComputeResource { name }\n      ... on Project { name }\n    }\n  }\n": types.IqNodeDocument,
    "\n  query IqNodes($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      id\n    }\n  }\n": types.IqNodesDocument,
    "\n  query IqImageByName($regionId: ID!, $name: String!) {\n    imageByName(regionId: $regionId, name: $name) { id name owner { id } }\n  }\n": types.IqImageByNameDocument,
    "\n  fragment IqNestedConnection on ImageConnection {\n    totalCount\n    edges { node { id name } }\n    pageInfo { hasNextPage endCursor }\n  }\n": types.IqNestedConnectionFragmentDoc,
    "\n  query IqNested($id: ID!, $filter: ImageFilter, $first: Int, $after: String, $search: String) {\n    node(id: $id) {\n      __typename\n      ... on OperatingSystem { images(filter: $filter, first: $first, after: $after, search: $search) { ...IqNestedConnection } }\n      ... on Architecture { images(filter: $filter, first: $first, after: $after, search: $search) { ...IqNestedConnection } }\n      ... on ComputeResource { images(filter: $filter, first: $first, after: $after, search: $search) { ...IqNestedConnection } }\n      ... on Region { images(filter: $filter, first: $first, after: $after, search: $search) { ...IqNestedConnection } }\n      ... on Project { images(filter: $filter, first: $first, after: $after, search: $search) { ...IqNestedConnection } }\n    }\n  }\n": types.IqNestedDocument,
    "\n  fragment MbError on Error {\n    __typename\n    message\n    code\n    ... on ValidationError { issues { path message } }\n    ... on ConflictError { field }\n    ... on NotFoundError { type resourceId }\n  }\n": types.MbErrorFragmentDoc,
    "\n  mutation MbMemberAdd($input: ImageMemberAddInput!) {\n    imageMemberAdd(input: $input) {\n      __typename\n      ...MbError\n      ... on ImageMemberAddPayload { member { status project { id } image { id members { project { id } status } } } }\n    }\n  }\n": types.MbMemberAddDocument,
    "\n  mutation MbMemberUpdate($input: ImageMemberUpdateInput!) {\n    imageMemberUpdate(input: $input) {\n      __typename\n      ...MbError\n      ... on ImageMemberUpdatePayload { member { status project { id } createdAt updatedAt } }\n    }\n  }\n": types.MbMemberUpdateDocument,
    "\n  mutation MbMemberRemove($input: ImageMemberRemoveInput!) {\n    imageMemberRemove(input: $input) {\n      __typename\n      ...MbError\n      ... on ImageMemberRemovePayload { removedMemberId removedProjectId image { id members { project { id } } } }\n    }\n  }\n": types.MbMemberRemoveDocument,
    "\n  query MbMembers($id: ID!) {\n    image(id: $id) { id members { status project { id name } image { id } } }\n  }\n": types.MbMembersDocument,
    "\n  query MbMemberIds($id: ID!) {\n    image(id: $id) { members { id project { id } } }\n  }\n": types.MbMemberIdsDocument,
    "\n  mutation RdOsCreate($input: OperatingSystemCreateInput!) {\n    operatingSystemCreate(input: $input) {\n      __typename\n      ... on OperatingSystemCreatePayload { operatingSystem { id name major minor family title } }\n      ... on Error { message code }\n      ... on ValidationError { issues { path message } }\n      ... on ConflictError { field }\n    }\n  }\n": types.RdOsCreateDocument,
    "\n  mutation RdOsUpdate($input: OperatingSystemUpdateInput!) {\n    operatingSystemUpdate(input: $input) {\n      __typename\n      ... on OperatingSystemUpdatePayload { operatingSystem { id name major minor family title } }\n      ... on Error { message code }\n      ... on ValidationError { issues { path message } }\n      ... on ConflictError { field }\n      ... on NotFoundError { resourceId type }\n    }\n  }\n": types.RdOsUpdateDocument,
    "\n  mutation RdOsDelete($input: OperatingSystemDeleteInput!) {\n    operatingSystemDelete(input: $input) {\n      __typename\n      ... on OperatingSystemDeletePayload { deletedId }\n      ... on Error { message code }\n      ... on NotFoundError { resourceId type }\n      ... on InUseError { usedBy }\n    }\n  }\n": types.RdOsDeleteDocument,
    "\n  query RdOsList($first: Int, $after: String, $last: Int, $before: String) {\n    operatingSystems(first: $first, after: $after, last: $last, before: $before) {\n      edges { cursor node { id title } }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n": types.RdOsListDocument,
    "\n  mutation RdArchCreate($input: ArchitectureCreateInput!) {\n    architectureCreate(input: $input) {\n      __typename\n      ... on ArchitectureCreatePayload { architecture { id name } }\n      ... on Error { message code }\n      ... on ValidationError { issues { path message } }\n      ... on ConflictError { field }\n    }\n  }\n": types.RdArchCreateDocument,
    "\n  mutation RdArchUpdate($input: ArchitectureUpdateInput!) {\n    architectureUpdate(input: $input) {\n      __typename\n      ... on ArchitectureUpdatePayload { architecture { id name } }\n      ... on Error { message code }\n      ... on ValidationError { issues { path message } }\n      ... on ConflictError { field }\n      ... on NotFoundError { resourceId type }\n    }\n  }\n": types.RdArchUpdateDocument,
    "\n  mutation RdArchDelete($input: ArchitectureDeleteInput!) {\n    architectureDelete(input: $input) {\n      __typename\n      ... on ArchitectureDeletePayload { deletedId }\n      ... on Error { message code }\n      ... on NotFoundError { resourceId type }\n      ... on InUseError { usedBy }\n    }\n  }\n": types.RdArchDeleteDocument,
    "\n  query RdArchList($first: Int, $after: String, $last: Int, $before: String) {\n    architectures(first: $first, after: $after, last: $last, before: $before) {\n      edges { cursor node { id name } }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n": types.RdArchListDocument,
    "\n  mutation RdCrCreate($input: ComputeResourceCreateInput!) {\n    computeResourceCreate(input: $input) {\n      __typename\n      ... on ComputeResourceCreatePayload { computeResource { id name provider region { id slug } } }\n      ... on Error { message code }\n      ... on ValidationError { issues { path message } }\n      ... on ConflictError { field }\n    }\n  }\n": types.RdCrCreateDocument,
    "\n  mutation RdCrUpdate($input: ComputeResourceUpdateInput!) {\n    computeResourceUpdate(input: $input) {\n      __typename\n      ... on ComputeResourceUpdatePayload { computeResource { id name provider region { id slug } } }\n      ... on Error { message code }\n      ... on ValidationError { issues { path message } }\n      ... on ConflictError { field }\n      ... on NotFoundError { resourceId type }\n    }\n  }\n": types.RdCrUpdateDocument,
    "\n  mutation RdCrDelete($input: ComputeResourceDeleteInput!) {\n    computeResourceDelete(input: $input) {\n      __typename\n      ... on ComputeResourceDeletePayload { deletedId }\n      ... on Error { message code }\n      ... on NotFoundError { resourceId type }\n      ... on InUseError { usedBy }\n    }\n  }\n": types.RdCrDeleteDocument,
    "\n  query RdCrList($first: Int, $after: String, $last: Int, $before: String) {\n    computeResources(first: $first, after: $after, last: $last, before: $before) {\n      edges { cursor node { id name } }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n": types.RdCrListDocument,
    "\n  mutation RdRegionCreate($input: RegionCreateInput!) {\n    regionCreate(input: $input) {\n      __typename\n      ... on RegionCreatePayload { region { id slug name } }\n      ... on Error { message code }\n      ... on ValidationError { issues { path message } }\n      ... on ConflictError { field }\n    }\n  }\n": types.RdRegionCreateDocument,
    "\n  mutation RdRegionUpdate($input: RegionUpdateInput!) {\n    regionUpdate(input: $input) {\n      __typename\n      ... on RegionUpdatePayload { region { id slug name } }\n      ... on Error { message code }\n      ... on ValidationError { issues { path message } }\n      ... on ConflictError { field }\n      ... on NotFoundError { resourceId type }\n    }\n  }\n": types.RdRegionUpdateDocument,
    "\n  mutation RdRegionDelete($input: RegionDeleteInput!) {\n    regionDelete(input: $input) {\n      __typename\n      ... on RegionDeletePayload { deletedId }\n      ... on Error { message code }\n      ... on NotFoundError { resourceId type }\n      ... on InUseError { usedBy }\n    }\n  }\n": types.RdRegionDeleteDocument,
    "\n  query RdRegionList($first: Int, $after: String, $last: Int, $before: String) {\n    regions(first: $first, after: $after, last: $last, before: $before) {\n      edges { cursor node { id slug } }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n": types.RdRegionListDocument,
    "\n  mutation RdProjectCreate($input: ProjectCreateInput!) {\n    projectCreate(input: $input) {\n      __typename\n      ... on ProjectCreatePayload { project { id name } }\n      ... on Error { message code }\n      ... on ValidationError { issues { path message } }\n      ... on ConflictError { field }\n    }\n  }\n": types.RdProjectCreateDocument,
    "\n  mutation RdProjectUpdate($input: ProjectUpdateInput!) {\n    projectUpdate(input: $input) {\n      __typename\n      ... on ProjectUpdatePayload { project { id name } }\n      ... on Error { message code }\n      ... on ValidationError { issues { path message } }\n      ... on ConflictError { field }\n      ... on NotFoundError { resourceId type }\n    }\n  }\n": types.RdProjectUpdateDocument,
    "\n  mutation RdProjectDelete($input: ProjectDeleteInput!) {\n    projectDelete(input: $input) {\n      __typename\n      ... on ProjectDeletePayload { deletedId }\n      ... on Error { message code }\n      ... on NotFoundError { resourceId type }\n      ... on InUseError { usedBy }\n    }\n  }\n": types.RdProjectDeleteDocument,
    "\n  query RdProjectList($first: Int, $after: String, $last: Int, $before: String) {\n    projects(first: $first, after: $after, last: $last, before: $before) {\n      edges { cursor node { id name } }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n": types.RdProjectListDocument,
    "\n  query RdNode($id: ID!) {\n    node(id: $id) { __typename id }\n  }\n": types.RdNodeDocument,
    "\n  fragment RsError on Error {\n    __typename\n    message\n    code\n    ... on ValidationError { issues { path message } }\n    ... on ConflictError { field }\n    ... on NotFoundError { type resourceId }\n    ... on InUseError { usedBy }\n  }\n": types.RsErrorFragmentDoc,
    "\n  mutation RsCreate($input: ResellerCreateInput!) {\n    resellerCreate(input: $input) { __typename ...RsError ... on ResellerCreatePayload { reseller { id name createdAt updatedAt } } }\n  }\n": types.RsCreateDocument,
    "\n  mutation RsUpdate($input: ResellerUpdateInput!) {\n    resellerUpdate(input: $input) { __typename ...RsError ... on ResellerUpdatePayload { reseller { id name } } }\n  }\n": types.RsUpdateDocument,
    "\n  mutation RsDelete($input: ResellerDeleteInput!) {\n    resellerDelete(input: $input) { __typename ...RsError ... on ResellerDeletePayload { deletedId } }\n  }\n": types.RsDeleteDocument,
    "\n  query RsList($first: Int, $after: String) {\n    resellers(first: $first, after: $after) {\n      edges { cursor node { id name } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.RsListDocument,
    "\n  query RsNode($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Reseller { name projects(first: 10) { edges { node { id name reseller { id } } } } sharedImages { region { id } } }\n    }\n  }\n": types.RsNodeDocument,
    "\n  mutation RsProjectCreate($input: ProjectCreateInput!) {\n    projectCreate(input: $input) { __typename ...RsError ... on ProjectCreatePayload { project { id name reseller { id name } } } }\n  }\n": types.RsProjectCreateDocument,
    "\n  mutation RsProjectUpdate($input: ProjectUpdateInput!) {\n    projectUpdate(input: $input) { __typename ...RsError ... on ProjectUpdatePayload { project { id name reseller { id } } } }\n  }\n": types.RsProjectUpdateDocument,
    "\n  fragment SiError on Error {\n    __typename\n    message\n    code\n    ... on ValidationError { issues { path message } }\n    ... on NotFoundError { type resourceId }\n  }\n": types.SiErrorFragmentDoc,
    "\n  fragment SiRow on SharedImage {\n    project { id }\n    reseller { id }\n    region { id }\n    imageIds\n    images { id name }\n  }\n": types.SiRowFragmentDoc,
    "\n  mutation SiSet($input: SharedImageSetInput!) {\n    sharedImageSet(input: $input) { __typename ...SiError ... on SharedImageSetPayload { sharedImage { ...SiRow } } }\n  }\n": types.SiSetDocument,
    "\n  mutation SiDelete($input: SharedImageDeleteInput!) {\n    sharedImageDelete(input: $input) { __typename ...SiError ... on SharedImageDeletePayload { deletedSharedImage { ...SiRow } } }\n  }\n": types.SiDeleteDocument,
    "\n  mutation SiLimitsSet($input: ResellerImageLimitsSetInput!) {\n    resellerImageLimitsSet(input: $input) { __typename ...SiError ... on ResellerImageLimitsSetPayload { sharedImage { ...SiRow } } }\n  }\n": types.SiLimitsSetDocument,
    "\n  mutation SiLimitsDelete($input: ResellerImageLimitsDeleteInput!) {\n    resellerImageLimitsDelete(input: $input) { __typename ...SiError ... on ResellerImageLimitsDeletePayload { deletedSharedImage { ...SiRow } } }\n  }\n": types.SiLimitsDeleteDocument,
    "\n  query SiGet($projectId: ID, $resellerId: ID, $regionId: ID!) {\n    sharedImage(projectId: $projectId, resellerId: $resellerId, regionId: $regionId) { ...SiRow }\n  }\n": types.SiGetDocument,
    "\n  query SiResellerRows($id: ID!) {\n    node(id: $id) { ... on Reseller { sharedImages { ...SiRow } imageLimits { region { id } imageIds } } }\n  }\n": types.SiResellerRowsDocument,
    "\n  subscription GroupedWatch($id: ID) {\n    imageStatusChanged(id: $id) { image { id status metadata { key value } } previousStatus status }\n  }\n": types.GroupedWatchDocument,
    "mutation GroupedDeactivate($id: ID!) { imageDeactivate(input: { id: $id }) { __typename } }": types.GroupedDeactivateDocument,
    "mutation GroupedReactivate($id: ID!) { imageReactivate(input: { id: $id }) { __typename } }": types.GroupedReactivateDocument,
    "\n  subscription LiveWatchImage($id: ID) {\n    imageStatusChanged(id: $id) { image { id status } previousStatus status at }\n  }\n": types.LiveWatchImageDocument,
    "\n  subscription LiveWatchAll($filter: ImageStatusFilter) {\n    imageStatusChanged(filter: $filter) { image { id } previousStatus status }\n  }\n": types.LiveWatchAllDocument,
    "mutation LiveDeactivate($id: ID!) { imageDeactivate(input: { id: $id }) { __typename } }": types.LiveDeactivateDocument,
    "mutation LiveReactivate($id: ID!) { imageReactivate(input: { id: $id }) { __typename } }": types.LiveReactivateDocument,
    "mutation LiveDelete($id: ID!) { imageDelete(input: { id: $id }) { __typename } }": types.LiveDeleteDocument,
    "\n  mutation LiveMemberAdd($image: ID!, $project: ID!) { imageMemberAdd(input: { imageId: $image, projectId: $project }) { __typename } }\n": types.LiveMemberAddDocument,
    "\n  mutation LiveMemberRemove($image: ID!, $project: ID!) { imageMemberRemove(input: { imageId: $image, projectId: $project }) { __typename } }\n": types.LiveMemberRemoveDocument,
    "\n  subscription LiveWatchTask($id: ID) {\n    taskUpdated(id: $id) { id state progress }\n  }\n": types.LiveWatchTaskDocument,
    "\n  subscription ImportWatchRegion($filter: ImageStatusFilter) {\n    imageStatusChanged(filter: $filter) { image { id } previousStatus status at }\n  }\n": types.ImportWatchRegionDocument,
    "\n  subscription AcrossWatchRegion($filter: ImageStatusFilter) {\n    imageStatusChanged(filter: $filter) { image { id } previousStatus status at }\n  }\n": types.AcrossWatchRegionDocument,
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
export function graphql(source: "\n  query ApolloImages($first: Int!, $after: String, $filter: ImageFilter) {\n    images(first: $first, after: $after, filter: $filter) {\n      totalCount\n      edges { cursor node { id name } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query ApolloImages($first: Int!, $after: String, $filter: ImageFilter) {\n    images(first: $first, after: $after, filter: $filter) {\n      totalCount\n      edges { cursor node { id name } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApolloMembers($id: ID!) {\n    image(id: $id) { id members { id status project { id } } }\n  }\n"): (typeof documents)["\n  query ApolloMembers($id: ID!) {\n    image(id: $id) { id members { id status project { id } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApolloMemberUpdate($input: ImageMemberUpdateInput!) {\n    imageMemberUpdate(input: $input) {\n      __typename\n      ... on ImageMemberUpdatePayload { member { id status } }\n      ... on Error { code message }\n      ... on NotFoundError { type resourceId }\n    }\n  }\n"): (typeof documents)["\n  mutation ApolloMemberUpdate($input: ImageMemberUpdateInput!) {\n    imageMemberUpdate(input: $input) {\n      __typename\n      ... on ImageMemberUpdatePayload { member { id status } }\n      ... on Error { code message }\n      ... on NotFoundError { type resourceId }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApolloNode($id: ID!) {\n    node(id: $id) { __typename ... on Node { id } ... on Image { name } }\n  }\n"): (typeof documents)["\n  query ApolloNode($id: ID!) {\n    node(id: $id) { __typename ... on Node { id } ... on Image { name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription OpenStackWatch {\n    imageStatusChanged { image { id name } previousStatus status }\n  }\n"): (typeof documents)["\n  subscription OpenStackWatch {\n    imageStatusChanged { image { id name } previousStatus status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OpenStackSeen($id: ID!) {\n    node(id: $id) { ... on Image { name status visibility tags metadata { key value } minDisk members { project { id } status } } }\n  }\n"): (typeof documents)["\n  query OpenStackSeen($id: ID!) {\n    node(id: $id) { ... on Image { name status visibility tags metadata { key value } minDisk members { project { id } status } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CcCachedObjects($id: ID!) {\n    image(id: $id) {\n      id\n      metadata { id key }\n      metadataItem(key: \"key-0\") { id }\n    }\n  }\n"): (typeof documents)["\n  query CcCachedObjects($id: ID!) {\n    image(id: $id) {\n      id\n      metadata { id key }\n      metadataItem(key: \"key-0\") { id }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CcMissing($id: ID!) {\n    imageRename(input: { id: $id, name: \"renamed\" }) {\n      __typename\n      ... on NotFoundError { type resourceId id }\n    }\n  }\n"): (typeof documents)["\n  mutation CcMissing($id: ID!) {\n    imageRename(input: { id: $id, name: \"renamed\" }) {\n      __typename\n      ... on NotFoundError { type resourceId id }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CcCounted($imageId: ID!) {\n    regions(first: 1) { totalCount edges { node { id } } pageInfo { hasNextPage } }\n    tasks(first: 1, filter: { imageId: $imageId }) { totalCount edges { node { id } } }\n    images(first: 1, filter: { nameContains: \"cc-counted\" }) { totalCount }\n  }\n"): (typeof documents)["\n  query CcCounted($imageId: ID!) {\n    regions(first: 1) { totalCount edges { node { id } } pageInfo { hasNextPage } }\n    tasks(first: 1, filter: { imageId: $imageId }) { totalCount edges { node { id } } }\n    images(first: 1, filter: { nameContains: \"cc-counted\" }) { totalCount }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestConcurrentMetadataSet($input: ImageMetadataSetInput!) {\n    imageMetadataSet(input: $input) {\n      __typename\n      ... on Error { message }\n      ... on ConflictError { field }\n    }\n  }\n"): (typeof documents)["\n  mutation TestConcurrentMetadataSet($input: ImageMetadataSetInput!) {\n    imageMetadataSet(input: $input) {\n      __typename\n      ... on Error { message }\n      ... on ConflictError { field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestConcurrentTagAdd($input: ImageTagAddInput!) {\n    imageTagAdd(input: $input) {\n      __typename\n      ... on Error { message }\n      ... on ConflictError { field }\n    }\n  }\n"): (typeof documents)["\n  mutation TestConcurrentTagAdd($input: ImageTagAddInput!) {\n    imageTagAdd(input: $input) {\n      __typename\n      ... on Error { message }\n      ... on ConflictError { field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestConcurrentUpdate($input: ImageUpdateInput!) {\n    imageUpdate(input: $input) {\n      __typename\n      ... on Error { message }\n      ... on ConflictError { field }\n      ... on ImageUpdatePayload { image { rowVersion } }\n    }\n  }\n"): (typeof documents)["\n  mutation TestConcurrentUpdate($input: ImageUpdateInput!) {\n    imageUpdate(input: $input) {\n      __typename\n      ... on Error { message }\n      ... on ConflictError { field }\n      ... on ImageUpdatePayload { image { rowVersion } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestConcurrentImage($id: ID!) {\n    image(id: $id) {\n      rowVersion\n      tags\n      minDisk\n      metadata { key value }\n    }\n  }\n"): (typeof documents)["\n  query TestConcurrentImage($id: ID!) {\n    image(id: $id) {\n      rowVersion\n      tags\n      minDisk\n      metadata { key value }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MutatedImage on Image {\n    id\n    name\n    description\n    status\n    visibility\n    protected\n    hidden\n    tags\n    minDisk\n    minRam\n    diskFormat\n    displayOrder\n    sourceUrl\n    providerRef\n    username\n    hasPassword\n    rowVersion\n    deletedAt\n    region { id }\n    owner { id }\n    operatingSystem { id }\n    architecture { id }\n    computeResource { id }\n    metadata { key value readOnly }\n  }\n"): (typeof documents)["\n  fragment MutatedImage on Image {\n    id\n    name\n    description\n    status\n    visibility\n    protected\n    hidden\n    tags\n    minDisk\n    minRam\n    diskFormat\n    displayOrder\n    sourceUrl\n    providerRef\n    username\n    hasPassword\n    rowVersion\n    deletedAt\n    region { id }\n    owner { id }\n    operatingSystem { id }\n    architecture { id }\n    computeResource { id }\n    metadata { key value readOnly }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MutationError on Error {\n    __typename\n    message\n    code\n    ... on ValidationError { issues { path message } }\n    ... on ConflictError { field }\n    ... on NotFoundError { type resourceId }\n    ... on ProtectedImageError { imageId }\n    ... on ReadOnlyMetadataError { keys }\n  }\n"): (typeof documents)["\n  fragment MutationError on Error {\n    __typename\n    message\n    code\n    ... on ValidationError { issues { path message } }\n    ... on ConflictError { field }\n    ... on NotFoundError { type resourceId }\n    ... on ProtectedImageError { imageId }\n    ... on ReadOnlyMetadataError { keys }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestImageCreate($input: ImageCreateInput!) {\n    imageCreate(input: $input) {\n      __typename\n      ...MutationError\n      ... on ImageCreatePayload { image { ...MutatedImage } }\n    }\n  }\n"): (typeof documents)["\n  mutation TestImageCreate($input: ImageCreateInput!) {\n    imageCreate(input: $input) {\n      __typename\n      ...MutationError\n      ... on ImageCreatePayload { image { ...MutatedImage } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestImageUpdate($input: ImageUpdateInput!) {\n    imageUpdate(input: $input) {\n      __typename\n      ...MutationError\n      ... on ImageUpdatePayload { image { ...MutatedImage } }\n    }\n  }\n"): (typeof documents)["\n  mutation TestImageUpdate($input: ImageUpdateInput!) {\n    imageUpdate(input: $input) {\n      __typename\n      ...MutationError\n      ... on ImageUpdatePayload { image { ...MutatedImage } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestImageRename($input: ImageRenameInput!) {\n    imageRename(input: $input) {\n      __typename\n      ...MutationError\n      ... on ImageRenamePayload { image { ...MutatedImage } }\n    }\n  }\n"): (typeof documents)["\n  mutation TestImageRename($input: ImageRenameInput!) {\n    imageRename(input: $input) {\n      __typename\n      ...MutationError\n      ... on ImageRenamePayload { image { ...MutatedImage } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestImageTagAdd($input: ImageTagAddInput!) {\n    imageTagAdd(input: $input) {\n      __typename\n      ...MutationError\n      ... on ImageTagAddPayload { image { ...MutatedImage } }\n    }\n  }\n"): (typeof documents)["\n  mutation TestImageTagAdd($input: ImageTagAddInput!) {\n    imageTagAdd(input: $input) {\n      __typename\n      ...MutationError\n      ... on ImageTagAddPayload { image { ...MutatedImage } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestImageTagRemove($input: ImageTagRemoveInput!) {\n    imageTagRemove(input: $input) {\n      __typename\n      ...MutationError\n      ... on ImageTagRemovePayload { image { ...MutatedImage } }\n    }\n  }\n"): (typeof documents)["\n  mutation TestImageTagRemove($input: ImageTagRemoveInput!) {\n    imageTagRemove(input: $input) {\n      __typename\n      ...MutationError\n      ... on ImageTagRemovePayload { image { ...MutatedImage } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestImageDelete($input: ImageDeleteInput!) {\n    imageDelete(input: $input) {\n      __typename\n      ...MutationError\n      ... on ImageDeletePayload { image { ...MutatedImage } task { id type state } }\n    }\n  }\n"): (typeof documents)["\n  mutation TestImageDelete($input: ImageDeleteInput!) {\n    imageDelete(input: $input) {\n      __typename\n      ...MutationError\n      ... on ImageDeletePayload { image { ...MutatedImage } task { id type state } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestImageMetadataSet($input: ImageMetadataSetInput!) {\n    imageMetadataSet(input: $input) {\n      __typename\n      ...MutationError\n      ... on ImageMetadataSetPayload { image { ...MutatedImage } }\n    }\n  }\n"): (typeof documents)["\n  mutation TestImageMetadataSet($input: ImageMetadataSetInput!) {\n    imageMetadataSet(input: $input) {\n      __typename\n      ...MutationError\n      ... on ImageMetadataSetPayload { image { ...MutatedImage } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestImageMetadataReplace($input: ImageMetadataReplaceInput!) {\n    imageMetadataReplace(input: $input) {\n      __typename\n      ...MutationError\n      ... on ImageMetadataReplacePayload { image { ...MutatedImage } }\n    }\n  }\n"): (typeof documents)["\n  mutation TestImageMetadataReplace($input: ImageMetadataReplaceInput!) {\n    imageMetadataReplace(input: $input) {\n      __typename\n      ...MutationError\n      ... on ImageMetadataReplacePayload { image { ...MutatedImage } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestImageMetadataDelete($input: ImageMetadataDeleteInput!) {\n    imageMetadataDelete(input: $input) {\n      __typename\n      ...MutationError\n      ... on ImageMetadataDeletePayload { image { ...MutatedImage } }\n    }\n  }\n"): (typeof documents)["\n  mutation TestImageMetadataDelete($input: ImageMetadataDeleteInput!) {\n    imageMetadataDelete(input: $input) {\n      __typename\n      ...MutationError\n      ... on ImageMetadataDeletePayload { image { ...MutatedImage } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestImageCreateTwo($first: ImageCreateInput!, $second: ImageCreateInput!) {\n    first: imageCreate(input: $first) {\n      __typename\n      ...MutationError\n      ... on ImageCreatePayload { image { ...MutatedImage } }\n    }\n    second: imageCreate(input: $second) {\n      __typename\n      ...MutationError\n      ... on ImageCreatePayload { image { ...MutatedImage } }\n    }\n  }\n"): (typeof documents)["\n  mutation TestImageCreateTwo($first: ImageCreateInput!, $second: ImageCreateInput!) {\n    first: imageCreate(input: $first) {\n      __typename\n      ...MutationError\n      ... on ImageCreatePayload { image { ...MutatedImage } }\n    }\n    second: imageCreate(input: $second) {\n      __typename\n      ...MutationError\n      ... on ImageCreatePayload { image { ...MutatedImage } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestImageRenameThenTag($rename: ImageRenameInput!, $tag: ImageTagAddInput!) {\n    first: imageRename(input: $rename) {\n      __typename\n      ...MutationError\n      ... on ImageRenamePayload { image { ...MutatedImage } }\n    }\n    second: imageTagAdd(input: $tag) {\n      __typename\n      ...MutationError\n      ... on ImageTagAddPayload { image { ...MutatedImage } }\n    }\n  }\n"): (typeof documents)["\n  mutation TestImageRenameThenTag($rename: ImageRenameInput!, $tag: ImageTagAddInput!) {\n    first: imageRename(input: $rename) {\n      __typename\n      ...MutationError\n      ... on ImageRenamePayload { image { ...MutatedImage } }\n    }\n    second: imageTagAdd(input: $tag) {\n      __typename\n      ...MutationError\n      ... on ImageTagAddPayload { image { ...MutatedImage } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestImageGet($id: ID!) {\n    image(id: $id) { ...MutatedImage }\n  }\n"): (typeof documents)["\n  query TestImageGet($id: ID!) {\n    image(id: $id) { ...MutatedImage }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TestImageList($filter: ImageFilter) {\n    images(first: 100, filter: $filter) {\n      totalCount\n      edges { node { id name status deletedAt } }\n    }\n  }\n"): (typeof documents)["\n  query TestImageList($filter: ImageFilter) {\n    images(first: 100, filter: $filter) {\n      totalCount\n      edges { node { id name status deletedAt } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImagePageWithRelations($first: Int!) {\n    images(first: $first) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          name\n          operatingSystem { id title }\n          architecture { id name }\n          computeResource { id name region { slug } }\n          region { id slug }\n          owner { id name }\n          metadata { key value readOnly }\n          members { status project { name } }\n          big: metadataItem(key: \"key-1\") { value }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query ImagePageWithRelations($first: Int!) {\n    images(first: $first) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          name\n          operatingSystem { id title }\n          architecture { id name }\n          computeResource { id name region { slug } }\n          region { id slug }\n          owner { id name }\n          metadata { key value readOnly }\n          members { status project { name } }\n          big: metadataItem(key: \"key-1\") { value }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ImageKeysetPage($first: Int, $after: String, $last: Int, $before: String, $orderBy: [ImageOrder!]) {\n    images(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) {\n      edges { cursor node { id name status size createdAt updatedAt } }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n"): (typeof documents)["\n  query ImageKeysetPage($first: Int, $after: String, $last: Int, $before: String, $orderBy: [ImageOrder!]) {\n    images(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) {\n      edges { cursor node { id name status size createdAt updatedAt } }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateImageWithPassword($input: ImageCreateInput!) {\n    imageCreate(input: $input) {\n      __typename\n      ... on ImageCreatePayload { image { id hasPassword username } }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateImageWithPassword($input: ImageCreateInput!) {\n    imageCreate(input: $input) {\n      __typename\n      ... on ImageCreatePayload { image { id hasPassword username } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClearImagePassword($id: ID!) {\n    imageUpdate(input: { id: $id, patch: { password: null } }) {\n      __typename\n      ... on ImageUpdatePayload { image { hasPassword } }\n    }\n  }\n"): (typeof documents)["\n  mutation ClearImagePassword($id: ID!) {\n    imageUpdate(input: { id: $id, patch: { password: null } }) {\n      __typename\n      ... on ImageUpdatePayload { image { hasPassword } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IqList(\n    $filter: ImageFilter\n    $search: String\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n    $orderBy: [ImageOrder!]\n  ) {\n    images(filter: $filter, search: $search, first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) {\n      totalCount\n      edges { cursor node { id name status createdAt updatedAt } }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n"): (typeof documents)["\n  query IqList(\n    $filter: ImageFilter\n    $search: String\n    $first: Int\n    $after: String\n    $last: Int\n    $before: String\n    $orderBy: [ImageOrder!]\n  ) {\n    images(filter: $filter, search: $search, first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) {\n      totalCount\n      edges { cursor node { id name status createdAt updatedAt } }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IqImage($id: ID!) {\n    image(id: $id) { id name status }\n  }\n"): (typeof documents)["\n  query IqImage($id: ID!) {\n    image(id: $id) { id name status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IqNode($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Image { name }\n      ... on Region { slug }\n      ... on OperatingSystem { title }\n      ... on Architecture { name }\n      ... on ComputeResource { name }\n      ... on Project { name }\n    }\n  }\n"): (typeof documents)["\n  query IqNode($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Image { name }\n      ... on Region { slug }\n      ... on OperatingSystem { title }\n      ... on Architecture { name }\n      ... on ComputeResource { name }\n      ... on Project { name }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IqNodes($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      id\n    }\n  }\n"): (typeof documents)["\n  query IqNodes($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      __typename\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IqImageByName($regionId: ID!, $name: String!) {\n    imageByName(regionId: $regionId, name: $name) { id name owner { id } }\n  }\n"): (typeof documents)["\n  query IqImageByName($regionId: ID!, $name: String!) {\n    imageByName(regionId: $regionId, name: $name) { id name owner { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment IqNestedConnection on ImageConnection {\n    totalCount\n    edges { node { id name } }\n    pageInfo { hasNextPage endCursor }\n  }\n"): (typeof documents)["\n  fragment IqNestedConnection on ImageConnection {\n    totalCount\n    edges { node { id name } }\n    pageInfo { hasNextPage endCursor }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IqNested($id: ID!, $filter: ImageFilter, $first: Int, $after: String, $search: String) {\n    node(id: $id) {\n      __typename\n      ... on OperatingSystem { images(filter: $filter, first: $first, after: $after, search: $search) { ...IqNestedConnection } }\n      ... on Architecture { images(filter: $filter, first: $first, after: $after, search: $search) { ...IqNestedConnection } }\n      ... on ComputeResource { images(filter: $filter, first: $first, after: $after, search: $search) { ...IqNestedConnection } }\n      ... on Region { images(filter: $filter, first: $first, after: $after, search: $search) { ...IqNestedConnection } }\n      ... on Project { images(filter: $filter, first: $first, after: $after, search: $search) { ...IqNestedConnection } }\n    }\n  }\n"): (typeof documents)["\n  query IqNested($id: ID!, $filter: ImageFilter, $first: Int, $after: String, $search: String) {\n    node(id: $id) {\n      __typename\n      ... on OperatingSystem { images(filter: $filter, first: $first, after: $after, search: $search) { ...IqNestedConnection } }\n      ... on Architecture { images(filter: $filter, first: $first, after: $after, search: $search) { ...IqNestedConnection } }\n      ... on ComputeResource { images(filter: $filter, first: $first, after: $after, search: $search) { ...IqNestedConnection } }\n      ... on Region { images(filter: $filter, first: $first, after: $after, search: $search) { ...IqNestedConnection } }\n      ... on Project { images(filter: $filter, first: $first, after: $after, search: $search) { ...IqNestedConnection } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MbError on Error {\n    __typename\n    message\n    code\n    ... on ValidationError { issues { path message } }\n    ... on ConflictError { field }\n    ... on NotFoundError { type resourceId }\n  }\n"): (typeof documents)["\n  fragment MbError on Error {\n    __typename\n    message\n    code\n    ... on ValidationError { issues { path message } }\n    ... on ConflictError { field }\n    ... on NotFoundError { type resourceId }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MbMemberAdd($input: ImageMemberAddInput!) {\n    imageMemberAdd(input: $input) {\n      __typename\n      ...MbError\n      ... on ImageMemberAddPayload { member { status project { id } image { id members { project { id } status } } } }\n    }\n  }\n"): (typeof documents)["\n  mutation MbMemberAdd($input: ImageMemberAddInput!) {\n    imageMemberAdd(input: $input) {\n      __typename\n      ...MbError\n      ... on ImageMemberAddPayload { member { status project { id } image { id members { project { id } status } } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MbMemberUpdate($input: ImageMemberUpdateInput!) {\n    imageMemberUpdate(input: $input) {\n      __typename\n      ...MbError\n      ... on ImageMemberUpdatePayload { member { status project { id } createdAt updatedAt } }\n    }\n  }\n"): (typeof documents)["\n  mutation MbMemberUpdate($input: ImageMemberUpdateInput!) {\n    imageMemberUpdate(input: $input) {\n      __typename\n      ...MbError\n      ... on ImageMemberUpdatePayload { member { status project { id } createdAt updatedAt } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MbMemberRemove($input: ImageMemberRemoveInput!) {\n    imageMemberRemove(input: $input) {\n      __typename\n      ...MbError\n      ... on ImageMemberRemovePayload { removedMemberId removedProjectId image { id members { project { id } } } }\n    }\n  }\n"): (typeof documents)["\n  mutation MbMemberRemove($input: ImageMemberRemoveInput!) {\n    imageMemberRemove(input: $input) {\n      __typename\n      ...MbError\n      ... on ImageMemberRemovePayload { removedMemberId removedProjectId image { id members { project { id } } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MbMembers($id: ID!) {\n    image(id: $id) { id members { status project { id name } image { id } } }\n  }\n"): (typeof documents)["\n  query MbMembers($id: ID!) {\n    image(id: $id) { id members { status project { id name } image { id } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MbMemberIds($id: ID!) {\n    image(id: $id) { members { id project { id } } }\n  }\n"): (typeof documents)["\n  query MbMemberIds($id: ID!) {\n    image(id: $id) { members { id project { id } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RdOsCreate($input: OperatingSystemCreateInput!) {\n    operatingSystemCreate(input: $input) {\n      __typename\n      ... on OperatingSystemCreatePayload { operatingSystem { id name major minor family title } }\n      ... on Error { message code }\n      ... on ValidationError { issues { path message } }\n      ... on ConflictError { field }\n    }\n  }\n"): (typeof documents)["\n  mutation RdOsCreate($input: OperatingSystemCreateInput!) {\n    operatingSystemCreate(input: $input) {\n      __typename\n      ... on OperatingSystemCreatePayload { operatingSystem { id name major minor family title } }\n      ... on Error { message code }\n      ... on ValidationError { issues { path message } }\n      ... on ConflictError { field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RdOsUpdate($input: OperatingSystemUpdateInput!) {\n    operatingSystemUpdate(input: $input) {\n      __typename\n      ... on OperatingSystemUpdatePayload { operatingSystem { id name major minor family title } }\n      ... on Error { message code }\n      ... on ValidationError { issues { path message } }\n      ... on ConflictError { field }\n      ... on NotFoundError { resourceId type }\n    }\n  }\n"): (typeof documents)["\n  mutation RdOsUpdate($input: OperatingSystemUpdateInput!) {\n    operatingSystemUpdate(input: $input) {\n      __typename\n      ... on OperatingSystemUpdatePayload { operatingSystem { id name major minor family title } }\n      ... on Error { message code }\n      ... on ValidationError { issues { path message } }\n      ... on ConflictError { field }\n      ... on NotFoundError { resourceId type }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RdOsDelete($input: OperatingSystemDeleteInput!) {\n    operatingSystemDelete(input: $input) {\n      __typename\n      ... on OperatingSystemDeletePayload { deletedId }\n      ... on Error { message code }\n      ... on NotFoundError { resourceId type }\n      ... on InUseError { usedBy }\n    }\n  }\n"): (typeof documents)["\n  mutation RdOsDelete($input: OperatingSystemDeleteInput!) {\n    operatingSystemDelete(input: $input) {\n      __typename\n      ... on OperatingSystemDeletePayload { deletedId }\n      ... on Error { message code }\n      ... on NotFoundError { resourceId type }\n      ... on InUseError { usedBy }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RdOsList($first: Int, $after: String, $last: Int, $before: String) {\n    operatingSystems(first: $first, after: $after, last: $last, before: $before) {\n      edges { cursor node { id title } }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n"): (typeof documents)["\n  query RdOsList($first: Int, $after: String, $last: Int, $before: String) {\n    operatingSystems(first: $first, after: $after, last: $last, before: $before) {\n      edges { cursor node { id title } }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RdArchCreate($input: ArchitectureCreateInput!) {\n    architectureCreate(input: $input) {\n      __typename\n      ... on ArchitectureCreatePayload { architecture { id name } }\n      ... on Error { message code }\n      ... on ValidationError { issues { path message } }\n      ... on ConflictError { field }\n    }\n  }\n"): (typeof documents)["\n  mutation RdArchCreate($input: ArchitectureCreateInput!) {\n    architectureCreate(input: $input) {\n      __typename\n      ... on ArchitectureCreatePayload { architecture { id name } }\n      ... on Error { message code }\n      ... on ValidationError { issues { path message } }\n      ... on ConflictError { field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RdArchUpdate($input: ArchitectureUpdateInput!) {\n    architectureUpdate(input: $input) {\n      __typename\n      ... on ArchitectureUpdatePayload { architecture { id name } }\n      ... on Error { message code }\n      ... on ValidationError { issues { path message } }\n      ... on ConflictError { field }\n      ... on NotFoundError { resourceId type }\n    }\n  }\n"): (typeof documents)["\n  mutation RdArchUpdate($input: ArchitectureUpdateInput!) {\n    architectureUpdate(input: $input) {\n      __typename\n      ... on ArchitectureUpdatePayload { architecture { id name } }\n      ... on Error { message code }\n      ... on ValidationError { issues { path message } }\n      ... on ConflictError { field }\n      ... on NotFoundError { resourceId type }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RdArchDelete($input: ArchitectureDeleteInput!) {\n    architectureDelete(input: $input) {\n      __typename\n      ... on ArchitectureDeletePayload { deletedId }\n      ... on Error { message code }\n      ... on NotFoundError { resourceId type }\n      ... on InUseError { usedBy }\n    }\n  }\n"): (typeof documents)["\n  mutation RdArchDelete($input: ArchitectureDeleteInput!) {\n    architectureDelete(input: $input) {\n      __typename\n      ... on ArchitectureDeletePayload { deletedId }\n      ... on Error { message code }\n      ... on NotFoundError { resourceId type }\n      ... on InUseError { usedBy }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RdArchList($first: Int, $after: String, $last: Int, $before: String) {\n    architectures(first: $first, after: $after, last: $last, before: $before) {\n      edges { cursor node { id name } }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n"): (typeof documents)["\n  query RdArchList($first: Int, $after: String, $last: Int, $before: String) {\n    architectures(first: $first, after: $after, last: $last, before: $before) {\n      edges { cursor node { id name } }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RdCrCreate($input: ComputeResourceCreateInput!) {\n    computeResourceCreate(input: $input) {\n      __typename\n      ... on ComputeResourceCreatePayload { computeResource { id name provider region { id slug } } }\n      ... on Error { message code }\n      ... on ValidationError { issues { path message } }\n      ... on ConflictError { field }\n    }\n  }\n"): (typeof documents)["\n  mutation RdCrCreate($input: ComputeResourceCreateInput!) {\n    computeResourceCreate(input: $input) {\n      __typename\n      ... on ComputeResourceCreatePayload { computeResource { id name provider region { id slug } } }\n      ... on Error { message code }\n      ... on ValidationError { issues { path message } }\n      ... on ConflictError { field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RdCrUpdate($input: ComputeResourceUpdateInput!) {\n    computeResourceUpdate(input: $input) {\n      __typename\n      ... on ComputeResourceUpdatePayload { computeResource { id name provider region { id slug } } }\n      ... on Error { message code }\n      ... on ValidationError { issues { path message } }\n      ... on ConflictError { field }\n      ... on NotFoundError { resourceId type }\n    }\n  }\n"): (typeof documents)["\n  mutation RdCrUpdate($input: ComputeResourceUpdateInput!) {\n    computeResourceUpdate(input: $input) {\n      __typename\n      ... on ComputeResourceUpdatePayload { computeResource { id name provider region { id slug } } }\n      ... on Error { message code }\n      ... on ValidationError { issues { path message } }\n      ... on ConflictError { field }\n      ... on NotFoundError { resourceId type }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RdCrDelete($input: ComputeResourceDeleteInput!) {\n    computeResourceDelete(input: $input) {\n      __typename\n      ... on ComputeResourceDeletePayload { deletedId }\n      ... on Error { message code }\n      ... on NotFoundError { resourceId type }\n      ... on InUseError { usedBy }\n    }\n  }\n"): (typeof documents)["\n  mutation RdCrDelete($input: ComputeResourceDeleteInput!) {\n    computeResourceDelete(input: $input) {\n      __typename\n      ... on ComputeResourceDeletePayload { deletedId }\n      ... on Error { message code }\n      ... on NotFoundError { resourceId type }\n      ... on InUseError { usedBy }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RdCrList($first: Int, $after: String, $last: Int, $before: String) {\n    computeResources(first: $first, after: $after, last: $last, before: $before) {\n      edges { cursor node { id name } }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n"): (typeof documents)["\n  query RdCrList($first: Int, $after: String, $last: Int, $before: String) {\n    computeResources(first: $first, after: $after, last: $last, before: $before) {\n      edges { cursor node { id name } }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RdRegionCreate($input: RegionCreateInput!) {\n    regionCreate(input: $input) {\n      __typename\n      ... on RegionCreatePayload { region { id slug name } }\n      ... on Error { message code }\n      ... on ValidationError { issues { path message } }\n      ... on ConflictError { field }\n    }\n  }\n"): (typeof documents)["\n  mutation RdRegionCreate($input: RegionCreateInput!) {\n    regionCreate(input: $input) {\n      __typename\n      ... on RegionCreatePayload { region { id slug name } }\n      ... on Error { message code }\n      ... on ValidationError { issues { path message } }\n      ... on ConflictError { field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RdRegionUpdate($input: RegionUpdateInput!) {\n    regionUpdate(input: $input) {\n      __typename\n      ... on RegionUpdatePayload { region { id slug name } }\n      ... on Error { message code }\n      ... on ValidationError { issues { path message } }\n      ... on ConflictError { field }\n      ... on NotFoundError { resourceId type }\n    }\n  }\n"): (typeof documents)["\n  mutation RdRegionUpdate($input: RegionUpdateInput!) {\n    regionUpdate(input: $input) {\n      __typename\n      ... on RegionUpdatePayload { region { id slug name } }\n      ... on Error { message code }\n      ... on ValidationError { issues { path message } }\n      ... on ConflictError { field }\n      ... on NotFoundError { resourceId type }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RdRegionDelete($input: RegionDeleteInput!) {\n    regionDelete(input: $input) {\n      __typename\n      ... on RegionDeletePayload { deletedId }\n      ... on Error { message code }\n      ... on NotFoundError { resourceId type }\n      ... on InUseError { usedBy }\n    }\n  }\n"): (typeof documents)["\n  mutation RdRegionDelete($input: RegionDeleteInput!) {\n    regionDelete(input: $input) {\n      __typename\n      ... on RegionDeletePayload { deletedId }\n      ... on Error { message code }\n      ... on NotFoundError { resourceId type }\n      ... on InUseError { usedBy }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RdRegionList($first: Int, $after: String, $last: Int, $before: String) {\n    regions(first: $first, after: $after, last: $last, before: $before) {\n      edges { cursor node { id slug } }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n"): (typeof documents)["\n  query RdRegionList($first: Int, $after: String, $last: Int, $before: String) {\n    regions(first: $first, after: $after, last: $last, before: $before) {\n      edges { cursor node { id slug } }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RdProjectCreate($input: ProjectCreateInput!) {\n    projectCreate(input: $input) {\n      __typename\n      ... on ProjectCreatePayload { project { id name } }\n      ... on Error { message code }\n      ... on ValidationError { issues { path message } }\n      ... on ConflictError { field }\n    }\n  }\n"): (typeof documents)["\n  mutation RdProjectCreate($input: ProjectCreateInput!) {\n    projectCreate(input: $input) {\n      __typename\n      ... on ProjectCreatePayload { project { id name } }\n      ... on Error { message code }\n      ... on ValidationError { issues { path message } }\n      ... on ConflictError { field }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RdProjectUpdate($input: ProjectUpdateInput!) {\n    projectUpdate(input: $input) {\n      __typename\n      ... on ProjectUpdatePayload { project { id name } }\n      ... on Error { message code }\n      ... on ValidationError { issues { path message } }\n      ... on ConflictError { field }\n      ... on NotFoundError { resourceId type }\n    }\n  }\n"): (typeof documents)["\n  mutation RdProjectUpdate($input: ProjectUpdateInput!) {\n    projectUpdate(input: $input) {\n      __typename\n      ... on ProjectUpdatePayload { project { id name } }\n      ... on Error { message code }\n      ... on ValidationError { issues { path message } }\n      ... on ConflictError { field }\n      ... on NotFoundError { resourceId type }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RdProjectDelete($input: ProjectDeleteInput!) {\n    projectDelete(input: $input) {\n      __typename\n      ... on ProjectDeletePayload { deletedId }\n      ... on Error { message code }\n      ... on NotFoundError { resourceId type }\n      ... on InUseError { usedBy }\n    }\n  }\n"): (typeof documents)["\n  mutation RdProjectDelete($input: ProjectDeleteInput!) {\n    projectDelete(input: $input) {\n      __typename\n      ... on ProjectDeletePayload { deletedId }\n      ... on Error { message code }\n      ... on NotFoundError { resourceId type }\n      ... on InUseError { usedBy }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RdProjectList($first: Int, $after: String, $last: Int, $before: String) {\n    projects(first: $first, after: $after, last: $last, before: $before) {\n      edges { cursor node { id name } }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n"): (typeof documents)["\n  query RdProjectList($first: Int, $after: String, $last: Int, $before: String) {\n    projects(first: $first, after: $after, last: $last, before: $before) {\n      edges { cursor node { id name } }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RdNode($id: ID!) {\n    node(id: $id) { __typename id }\n  }\n"): (typeof documents)["\n  query RdNode($id: ID!) {\n    node(id: $id) { __typename id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RsError on Error {\n    __typename\n    message\n    code\n    ... on ValidationError { issues { path message } }\n    ... on ConflictError { field }\n    ... on NotFoundError { type resourceId }\n    ... on InUseError { usedBy }\n  }\n"): (typeof documents)["\n  fragment RsError on Error {\n    __typename\n    message\n    code\n    ... on ValidationError { issues { path message } }\n    ... on ConflictError { field }\n    ... on NotFoundError { type resourceId }\n    ... on InUseError { usedBy }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RsCreate($input: ResellerCreateInput!) {\n    resellerCreate(input: $input) { __typename ...RsError ... on ResellerCreatePayload { reseller { id name createdAt updatedAt } } }\n  }\n"): (typeof documents)["\n  mutation RsCreate($input: ResellerCreateInput!) {\n    resellerCreate(input: $input) { __typename ...RsError ... on ResellerCreatePayload { reseller { id name createdAt updatedAt } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RsUpdate($input: ResellerUpdateInput!) {\n    resellerUpdate(input: $input) { __typename ...RsError ... on ResellerUpdatePayload { reseller { id name } } }\n  }\n"): (typeof documents)["\n  mutation RsUpdate($input: ResellerUpdateInput!) {\n    resellerUpdate(input: $input) { __typename ...RsError ... on ResellerUpdatePayload { reseller { id name } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RsDelete($input: ResellerDeleteInput!) {\n    resellerDelete(input: $input) { __typename ...RsError ... on ResellerDeletePayload { deletedId } }\n  }\n"): (typeof documents)["\n  mutation RsDelete($input: ResellerDeleteInput!) {\n    resellerDelete(input: $input) { __typename ...RsError ... on ResellerDeletePayload { deletedId } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RsList($first: Int, $after: String) {\n    resellers(first: $first, after: $after) {\n      edges { cursor node { id name } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query RsList($first: Int, $after: String) {\n    resellers(first: $first, after: $after) {\n      edges { cursor node { id name } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RsNode($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Reseller { name projects(first: 10) { edges { node { id name reseller { id } } } } sharedImages { region { id } } }\n    }\n  }\n"): (typeof documents)["\n  query RsNode($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Reseller { name projects(first: 10) { edges { node { id name reseller { id } } } } sharedImages { region { id } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RsProjectCreate($input: ProjectCreateInput!) {\n    projectCreate(input: $input) { __typename ...RsError ... on ProjectCreatePayload { project { id name reseller { id name } } } }\n  }\n"): (typeof documents)["\n  mutation RsProjectCreate($input: ProjectCreateInput!) {\n    projectCreate(input: $input) { __typename ...RsError ... on ProjectCreatePayload { project { id name reseller { id name } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RsProjectUpdate($input: ProjectUpdateInput!) {\n    projectUpdate(input: $input) { __typename ...RsError ... on ProjectUpdatePayload { project { id name reseller { id } } } }\n  }\n"): (typeof documents)["\n  mutation RsProjectUpdate($input: ProjectUpdateInput!) {\n    projectUpdate(input: $input) { __typename ...RsError ... on ProjectUpdatePayload { project { id name reseller { id } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SiError on Error {\n    __typename\n    message\n    code\n    ... on ValidationError { issues { path message } }\n    ... on NotFoundError { type resourceId }\n  }\n"): (typeof documents)["\n  fragment SiError on Error {\n    __typename\n    message\n    code\n    ... on ValidationError { issues { path message } }\n    ... on NotFoundError { type resourceId }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SiRow on SharedImage {\n    project { id }\n    reseller { id }\n    region { id }\n    imageIds\n    images { id name }\n  }\n"): (typeof documents)["\n  fragment SiRow on SharedImage {\n    project { id }\n    reseller { id }\n    region { id }\n    imageIds\n    images { id name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SiSet($input: SharedImageSetInput!) {\n    sharedImageSet(input: $input) { __typename ...SiError ... on SharedImageSetPayload { sharedImage { ...SiRow } } }\n  }\n"): (typeof documents)["\n  mutation SiSet($input: SharedImageSetInput!) {\n    sharedImageSet(input: $input) { __typename ...SiError ... on SharedImageSetPayload { sharedImage { ...SiRow } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SiDelete($input: SharedImageDeleteInput!) {\n    sharedImageDelete(input: $input) { __typename ...SiError ... on SharedImageDeletePayload { deletedSharedImage { ...SiRow } } }\n  }\n"): (typeof documents)["\n  mutation SiDelete($input: SharedImageDeleteInput!) {\n    sharedImageDelete(input: $input) { __typename ...SiError ... on SharedImageDeletePayload { deletedSharedImage { ...SiRow } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SiLimitsSet($input: ResellerImageLimitsSetInput!) {\n    resellerImageLimitsSet(input: $input) { __typename ...SiError ... on ResellerImageLimitsSetPayload { sharedImage { ...SiRow } } }\n  }\n"): (typeof documents)["\n  mutation SiLimitsSet($input: ResellerImageLimitsSetInput!) {\n    resellerImageLimitsSet(input: $input) { __typename ...SiError ... on ResellerImageLimitsSetPayload { sharedImage { ...SiRow } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SiLimitsDelete($input: ResellerImageLimitsDeleteInput!) {\n    resellerImageLimitsDelete(input: $input) { __typename ...SiError ... on ResellerImageLimitsDeletePayload { deletedSharedImage { ...SiRow } } }\n  }\n"): (typeof documents)["\n  mutation SiLimitsDelete($input: ResellerImageLimitsDeleteInput!) {\n    resellerImageLimitsDelete(input: $input) { __typename ...SiError ... on ResellerImageLimitsDeletePayload { deletedSharedImage { ...SiRow } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SiGet($projectId: ID, $resellerId: ID, $regionId: ID!) {\n    sharedImage(projectId: $projectId, resellerId: $resellerId, regionId: $regionId) { ...SiRow }\n  }\n"): (typeof documents)["\n  query SiGet($projectId: ID, $resellerId: ID, $regionId: ID!) {\n    sharedImage(projectId: $projectId, resellerId: $resellerId, regionId: $regionId) { ...SiRow }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SiResellerRows($id: ID!) {\n    node(id: $id) { ... on Reseller { sharedImages { ...SiRow } imageLimits { region { id } imageIds } } }\n  }\n"): (typeof documents)["\n  query SiResellerRows($id: ID!) {\n    node(id: $id) { ... on Reseller { sharedImages { ...SiRow } imageLimits { region { id } imageIds } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription GroupedWatch($id: ID) {\n    imageStatusChanged(id: $id) { image { id status metadata { key value } } previousStatus status }\n  }\n"): (typeof documents)["\n  subscription GroupedWatch($id: ID) {\n    imageStatusChanged(id: $id) { image { id status metadata { key value } } previousStatus status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation GroupedDeactivate($id: ID!) { imageDeactivate(input: { id: $id }) { __typename } }"): (typeof documents)["mutation GroupedDeactivate($id: ID!) { imageDeactivate(input: { id: $id }) { __typename } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation GroupedReactivate($id: ID!) { imageReactivate(input: { id: $id }) { __typename } }"): (typeof documents)["mutation GroupedReactivate($id: ID!) { imageReactivate(input: { id: $id }) { __typename } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription LiveWatchImage($id: ID) {\n    imageStatusChanged(id: $id) { image { id status } previousStatus status at }\n  }\n"): (typeof documents)["\n  subscription LiveWatchImage($id: ID) {\n    imageStatusChanged(id: $id) { image { id status } previousStatus status at }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription LiveWatchAll($filter: ImageStatusFilter) {\n    imageStatusChanged(filter: $filter) { image { id } previousStatus status }\n  }\n"): (typeof documents)["\n  subscription LiveWatchAll($filter: ImageStatusFilter) {\n    imageStatusChanged(filter: $filter) { image { id } previousStatus status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation LiveDeactivate($id: ID!) { imageDeactivate(input: { id: $id }) { __typename } }"): (typeof documents)["mutation LiveDeactivate($id: ID!) { imageDeactivate(input: { id: $id }) { __typename } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation LiveReactivate($id: ID!) { imageReactivate(input: { id: $id }) { __typename } }"): (typeof documents)["mutation LiveReactivate($id: ID!) { imageReactivate(input: { id: $id }) { __typename } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation LiveDelete($id: ID!) { imageDelete(input: { id: $id }) { __typename } }"): (typeof documents)["mutation LiveDelete($id: ID!) { imageDelete(input: { id: $id }) { __typename } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LiveMemberAdd($image: ID!, $project: ID!) { imageMemberAdd(input: { imageId: $image, projectId: $project }) { __typename } }\n"): (typeof documents)["\n  mutation LiveMemberAdd($image: ID!, $project: ID!) { imageMemberAdd(input: { imageId: $image, projectId: $project }) { __typename } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LiveMemberRemove($image: ID!, $project: ID!) { imageMemberRemove(input: { imageId: $image, projectId: $project }) { __typename } }\n"): (typeof documents)["\n  mutation LiveMemberRemove($image: ID!, $project: ID!) { imageMemberRemove(input: { imageId: $image, projectId: $project }) { __typename } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription LiveWatchTask($id: ID) {\n    taskUpdated(id: $id) { id state progress }\n  }\n"): (typeof documents)["\n  subscription LiveWatchTask($id: ID) {\n    taskUpdated(id: $id) { id state progress }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ImportWatchRegion($filter: ImageStatusFilter) {\n    imageStatusChanged(filter: $filter) { image { id } previousStatus status at }\n  }\n"): (typeof documents)["\n  subscription ImportWatchRegion($filter: ImageStatusFilter) {\n    imageStatusChanged(filter: $filter) { image { id } previousStatus status at }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AcrossWatchRegion($filter: ImageStatusFilter) {\n    imageStatusChanged(filter: $filter) { image { id } previousStatus status at }\n  }\n"): (typeof documents)["\n  subscription AcrossWatchRegion($filter: ImageStatusFilter) {\n    imageStatusChanged(filter: $filter) { image { id } previousStatus status at }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;