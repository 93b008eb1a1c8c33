// Types the operations that tests and benchmarks send, from the committed schema.graphql.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'schema.graphql',
  // Relay's operations carry Relay's own directives: relay-compiler checks those (npm run relay).
  documents: ['test/**/*.ts', '!test/gql/**', '!test/relay/**'],
  ignoreNoDocuments: false,
  // ESM: relative imports in the generated files carry their .js extension.
  emitLegacyCommonJSImports: false,
  generates: {
    'test/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { DateTime: 'string', SafeInt: 'number' },
      },
    },
  },
};

export default config;
