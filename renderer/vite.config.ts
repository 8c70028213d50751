/**
 * Vite build of the renderer: `npm run build:web` → out/renderer/ (served by the browser host and loaded by Electron
 * from file://, hence the relative `base`).
 */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../out/renderer', import.meta.url)),
    emptyOutDir: true,
    // Cytoscape + CodeMirror + language data make one large chunk; the warning is noise for a local app.
    chunkSizeWarningLimit: 4000,
  },
});
