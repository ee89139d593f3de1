/**
 * Builds Herald's console (React + Vite) into console/dist, which `herald serve` serves at /console.
 * The SDK is compiled from its sources (sdk/src), so the console always speaks the current contract.
 * `npm run console:dev` serves it with hot reload and proxies /api to a running Herald on :3000.
 */
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = import.meta.dirname;

export default defineConfig({
  root: here,
  base: '/console/',
  plugins: [react()],
  resolve: { alias: { '@herald/sdk': path.resolve(here, '../sdk/src/index.ts') } },
  // The first-load budget (250 KB of gzipped JavaScript) is measured in a real browser (docs/benchmarks.md), not by chunk size.
  build: { outDir: path.resolve(here, 'dist'), emptyOutDir: true, target: 'es2022', reportCompressedSize: false, chunkSizeWarningLimit: 1000 },
  server: { proxy: { '/api': process.env.HERALD_URL ?? 'http://127.0.0.1:3000' } },
});
