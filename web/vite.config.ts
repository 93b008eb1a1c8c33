// Builds the web console into dist/web, which the gateway serves at / (src/http/console.ts).
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: '/',
  plugins: [react()],
  // The package's own .env files are the gateway's, not the console's.
  envDir: false,
  build: {
    outDir: here('../dist/web'),
    emptyOutDir: true,
    // The gateway serves this directory only when the manifest says it is a finished build.
    manifest: true,
    assetsDir: 'assets',
  },
  // `npm run dev:web`: the console with hot reload, before a gateway on :4000 (`npm run dev`). The
  // proxy keeps the browser's Host, so the gateway takes the dev server's origin for its own.
  server: {
    proxy: {
      '/graphql': { target: 'http://127.0.0.1:4000', ws: true },
      '/images': { target: 'http://127.0.0.1:4000' },
    },
  },
  resolve: {
    // graphql 16 has no exports map; the ESM build keeps the bundle small and single.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.mjs' }],
  },
});
