/**
 * electron-vite build (`npm run build`, also run by `npm start`) → out/main/index.js (ESM main process),
 * out/preload/index.cjs (CommonJS: a sandboxed preload cannot be an ES module), out/renderer/ (the renderer, built
 * with the very options of renderer/vite.config.ts, which `npm run build:web` uses for the browser host).
 * Dependencies of main stay external (resolved from node_modules at run time; better-sqlite3 is native).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import rendererConfig from './renderer/vite.config.ts';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

/**
 * The engine starts its parser workers from `new URL('./parse-worker.ts', import.meta.url)` (a source file beside
 * parse-pool.ts). In the bundle the worker is its own entry, out/main/parse-worker.js, beside index.js: point there.
 */
function parseWorkerEntry(): Plugin {
  return {
    name: 'atlas-parse-worker-entry',
    transform(code, id) {
      if (!id.replace(/\\/g, '/').endsWith('electron/core/index/parse-pool.ts')) return null;
      const next = code.replace(/new URL\((['"])\.\/parse-worker\.ts\1,\s*import\.meta\.url\)/, "new URL(/* @vite-ignore */ './parse-worker.js', import.meta.url)");
      if (next === code) this.error('parse-pool.ts no longer creates its worker from ./parse-worker.ts; update electron.vite.config.ts');
      return { code: next, map: null };
    },
  };
}

export default defineConfig({
  main: {
    plugins: [parseWorkerEntry()],
    build: {
      outDir: here('./out/main'),
      rollupOptions: {
        input: { index: here('./electron/main/index.ts'), 'parse-worker': here('./electron/core/index/parse-worker.ts') },
        output: { format: 'es', entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: here('./out/preload'),
      rollupOptions: {
        input: { index: here('./electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    ...rendererConfig,
    root: here('./renderer'),
    build: {
      ...rendererConfig.build,
      outDir: here('./out/renderer'),
      rollupOptions: { input: { index: here('./renderer/index.html') } },
    },
  },
});
