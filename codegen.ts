// Types the operations that tests, benchmarks and the web console send, from the committed
// schema.graphql, and publishes the map of possible types that Apollo Client and urql's graphcache
// need to match `... on Error` and `... on Node` (without it they drop those fields silently).
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'schema.graphql',
  // ESM: relative imports in the generated files carry their .js extension.
  emitLegacyCommonJSImports: false,
  generates: {
    'test/gql/': {
      // Relay's operations carry Relay's own directives: relay-compiler checks those (npm run relay).
      documents: ['test/**/*.ts', '!test/gql/**', '!test/relay/**'],
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { DateTime: 'string', SafeInt: 'number' },
      },
    },
    // The web console's operations (web/src), typed the same way for the browser.
    'web/src/gql/': {
      documents: ['web/src/**/*.{ts,tsx}', '!web/src/gql/**'],
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { DateTime: 'string', SafeInt: 'number' },
      },
    },
    // One map for every client: the console's, the tests' Apollo Client, and any frontend's.
    'web/src/gql/possible-types.ts': {
      plugins: ['fragment-matcher'],
      config: { useExplicitTyping: true },
    },
  },
};

export default config;
