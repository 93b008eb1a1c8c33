// Types the operations that tests, benchmarks and the web console send, from the committed
// schema.graphql, and publishes the map of possible types that Apollo Client and urql's graphcache
// need to match `... on Error` and `... on Node` (without it they drop those fields silently).
import type { CodegenConfig } from '@graphql-codegen/cli';

/** Typed operations for `documents`, the same way for the tests and the console. */
const typedOperations = (documents: string[]) => ({
  documents,
  preset: 'client' as const,
  presetConfig: { fragmentMasking: false },
  config: {
    enumsAsTypes: true,
    useTypeImports: true,
    scalars: { DateTime: 'string', SafeInt: 'number' },
  },
});

const config: CodegenConfig = {
  schema: 'schema.graphql',
  // ESM: relative imports in the generated files carry their .js extension.
  emitLegacyCommonJSImports: false,
  generates: {
    // Relay's operations carry Relay's own directives: relay-compiler checks those (npm run relay).
    'test/gql/': typedOperations(['test/**/*.ts', '!test/gql/**', '!test/relay/**']),
    'web/src/gql/': typedOperations(['web/src/**/*.{ts,tsx}', '!web/src/gql/**']),
    // One map for every client: the console's, the tests' Apollo Client, and any frontend's.
    'web/src/gql/possible-types.ts': {
      plugins: ['fragment-matcher'],
      config: { useExplicitTyping: true },
    },
  },
};

export default config;
