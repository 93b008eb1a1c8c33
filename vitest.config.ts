import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // graphql 16 ships CJS (main) and ESM (module) without an exports map: Node gives the
    // libraries the CJS build, so the tests must use it too, or there are two "graphql"s.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    // Each file starts a server and a database of its own.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
