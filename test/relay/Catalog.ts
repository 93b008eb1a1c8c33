// The catalog as a Relay frontend asks for it: relay-compiler with strict ids compiles these
// operations against schema.graphql in CI (npm run relay), so a schema change that breaks
// Relay's store or pagination fails there.
const graphql = String.raw;

export const catalogQuery = graphql`
  query CatalogQuery($filter: ImageFilter, $search: String, $orderBy: [ImageOrder!]) {
    ...Catalog_images @arguments(filter: $filter, search: $search, orderBy: $orderBy)
    regions(first: 100) {
      totalCount
      edges { node { id name } }
    }
  }
`;

export const catalogImages = graphql`
  fragment Catalog_images on Query
  @refetchable(queryName: "CatalogPaginationQuery")
  @argumentDefinitions(
    count: { type: "Int", defaultValue: 50 }
    cursor: { type: "String" }
    filter: { type: "ImageFilter" }
    search: { type: "String" }
    orderBy: { type: "[ImageOrder!]" }
  ) {
    images(first: $count, after: $cursor, filter: $filter, search: $search, orderBy: $orderBy)
    @connection(key: "Catalog_images", filters: ["filter", "search", "orderBy"]) {
      totalCount
      edges {
        node {
          id
          name
          status
          visibility
          size
          region { id name }
          owner { id name }
          operatingSystem { id name }
        }
      }
    }
  }
`;

export const catalogNodes = graphql`
  query CatalogNodesQuery($ids: [ID!]!) {
    nodes(ids: $ids) {
      __typename
      id
      ... on Image { name status }
      ... on Task { state progress }
    }
  }
`;
