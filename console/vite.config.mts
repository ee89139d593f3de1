/**
 * Builds Herald's console (React + Vite) into console/dist, which `herald serve` serves at /console.
 * The SDK is compiled from its sources (sdk/src), so the console always speaks the current contract.
 * `npm run console:dev` serves it with hot reload and proxies /api to a running Herald on :3000.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const here = import.meta.dirname;

/**
 * Writes a gzip sibling (`x.js.gz`) of every text asset at build time, which the API serves with
 * Content-Encoding: gzip to browsers that accept it (@koa/send's gzip option): compressed once at
 * maximum level, never per request.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'herald-precompress',
    apply: 'build',
    configResolved: (config) => void (outDir = config.build.outDir),
    closeBundle() {
      const assets = path.join(outDir, 'assets');
      for (const name of fs.readdirSync(assets)) {
        if (!/\.(js|css|svg|json)$/.test(name)) continue;
        const file = path.join(assets, name);
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(fs.readFileSync(file), { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  root: here,
  base: '/console/',
  plugins: [react(), precompress()],
  resolve: { alias: { '@herald/sdk': path.resolve(here, '../sdk/src/index.ts') } },
  // The first-load budget (250 KB of gzipped JavaScript) is measured in a real browser (docs/benchmarks.md), not by chunk size.
  build: { outDir: path.resolve(here, 'dist'), emptyOutDir: true, target: 'es2022', reportCompressedSize: false, chunkSizeWarningLimit: 1000 },
  server: { proxy: { '/api': process.env.HERALD_URL ?? 'http://127.0.0.1:3000' } },
});
