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
 * Worker threads are started from `new URL('./<name>.ts', import.meta.url)` (a source file beside the module that
 * starts them): the engine's parser workers (parse-pool.ts → parse-worker.ts) and the service thread
 * (service-thread.ts → service-worker.ts). In the bundle each worker is its own entry beside index.js
 * (out/main/<name>.js): point there.
 */
function workerEntry(starter: string, worker: string): Plugin {
  const pattern = new RegExp(`new URL\\((['"])\\./${worker}\\.ts\\1,\\s*import\\.meta\\.url\\)`);
  return {
    name: `atlas-${worker}-entry`,
    transform(code, id) {
      if (!id.replace(/\\/g, '/').endsWith(starter)) return null;
      const next = code.replace(pattern, `new URL(/* @vite-ignore */ './${worker}.js', import.meta.url)`);
      if (next === code)
        this.error(`${starter} no longer creates its worker from ./${worker}.ts; update electron.vite.config.ts`);
      return { code: next, map: null };
    },
  };
}

export default defineConfig({
  main: {
    plugins: [
      workerEntry('electron/core/index/parse-pool.ts', 'parse-worker'),
      workerEntry('electron/services/service-thread.ts', 'service-worker'),
    ],
    build: {
      outDir: here('./out/main'),
      rollupOptions: {
        input: {
          index: here('./electron/main/index.ts'),
          'parse-worker': here('./electron/core/index/parse-worker.ts'),
          'service-worker': here('./electron/services/service-worker.ts'),
        },
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
