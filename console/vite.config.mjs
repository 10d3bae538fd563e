// Builds the console (console/src) into console/dist, which the server serves at /console.
// `npm run build:console` (and npm ci's prepare) runs it. JSX is esbuild's (automatic runtime).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/console/',
  esbuild: { jsx: 'automatic' },
  logLevel: 'warn',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Everything as files under /console/assets (hashed names, cached for a year); nothing inlined as data: URLs.
    assetsInlineLimit: 0,
    sourcemap: false,
  },
});
