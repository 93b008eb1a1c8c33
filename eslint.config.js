// Lints schema.graphql with graphql-eslint's schema-recommended and schema-relay rules
// (npm run schema:lint, in CI). Two rules are narrowed, never switched off:
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
      // payload, a page and its edges, a typed error, a live event, and values that belong to
      // the object around them (an image's hardware, a refused field, a page's position).
      '@graphql-eslint/strict-id-in-types': [
        'error',
        {
          exceptions: {
            suffixes: ['Payload', 'Connection', 'Edge', 'Error', 'Event'],
            types: ['PageInfo', 'ImageHardware', 'ValidationIssue'],
          },
        },
      ],
      // A list is a page only where it can grow without bound; an image's tags, metadata (at
      // most 128 items), members and replicas, and a refused input's issues, are plain lists.
      '@graphql-eslint/relay-edge-types': ['error', { listTypeCanWrapOnlyEdgeType: false }],
    },
  },
];
