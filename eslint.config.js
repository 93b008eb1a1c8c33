// Lints schema.graphql with graphql-eslint's schema-recommended and schema-relay rules
// (npm run schema:lint, in CI). One rule is given exceptions and one option is switched off:
import graphqlPlugin from '@graphql-eslint/eslint-plugin';

export default [
  {
    files: ['schema.graphql'],
    languageOptions: {
      parser: graphqlPlugin.parser,
      parserOptions: { graphQLConfig: { schema: 'schema.graphql' } },
    },
    plugins: { '@graphql-eslint': graphqlPlugin },
    rules: {
      ...graphqlPlugin.configs['flat/schema-recommended'].rules,
      ...graphqlPlugin.configs['flat/schema-relay'].rules,
      // Every object a client caches has an id; these are not cached on their own: a mutation's
      // payload, a page and its edges, a typed error, a live event, values that belong to the
      // object around them (an image's hardware, a refused field, a page's position), and the
      // Viewer, which is the token's principal rather than a record.
      '@graphql-eslint/strict-id-in-types': [
        'error',
        {
          exceptions: {
            suffixes: ['Payload', 'Connection', 'Edge', 'Error', 'Event'],
            types: ['PageInfo', 'ImageHardware', 'ValidationIssue', 'Viewer'],
          },
        },
      ],
      // Switched off: the option that allows no list but a connection's edges. A list that can
      // grow without bound is a connection; each plain list is bounded, checked by hand:
      // Image.tags, metadata and members (128 each), replicas and Reseller.sharedImages (one per
      // region), SharedImage.imageIds and images (1,000), nodes(ids:) (500), and an error's
      // issues, path and keys (what one input holds).
      '@graphql-eslint/relay-edge-types': ['error', { listTypeCanWrapOnlyEdgeType: false }],
    },
  },
];
