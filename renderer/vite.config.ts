/**
 * Vite build of the renderer: `npm run build:web` → out/renderer/ (served by the browser host and loaded by Electron
 * from file://, hence the relative `base`).
 */
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { contentSecurityPolicy } from '../electron/shared/csp.ts';

/** Fills the page's `<meta>` CSP from the one definition (electron/shared/csp.ts). */
function pageCsp(): Plugin {
  return {
    name: 'atlas-page-csp',
    transformIndexHtml(html, ctx) {
      if (!html.includes('%ATLAS_PAGE_CSP%'))
        throw new Error('renderer/index.html lost its %ATLAS_PAGE_CSP% placeholder');
      return html.replace('%ATLAS_PAGE_CSP%', contentSecurityPolicy(ctx.server ? 'dev-server' : 'page-meta'));
    },
  };
}

/**
 * In the markdown worker (renderer/src/markdown/render-worker.ts) there is no DOM, so packages whose browser entry
 * uses it must resolve to their DOM-less entry there: rehype-katex's HTML parser (hast-util-from-html-isomorphic's
 * parse5 one, not the `<template>` one), and micromark's character-reference decoder
 * (decode-named-character-reference's table, not its `document.createElement('i')` one, which threw
 * "document is not defined" when the worker loaded, so every note was rendered on the UI thread instead).
 */
function domlessEntries(): Plugin {
  const entries: Record<string, string> = {
    'hast-util-from-html-isomorphic': '../node_modules/hast-util-from-html-isomorphic/index.js',
    'decode-named-character-reference': '../node_modules/decode-named-character-reference/index.js',
  };
  const resolved = new Map(
    Object.entries(entries).map(([id, file]) => [id, fileURLToPath(new URL(file, import.meta.url))]),
  );
  return {
    name: 'atlas-worker-domless-entries',
    enforce: 'pre',
    resolveId(id) {
      return resolved.get(id) ?? null;
    },
  };
}

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: './',
  plugins: [react(), pageCsp()],
  // ES module workers: the graph layout (renderer/src/graph/layout.worker.ts) and markdown rendering
  // (renderer/src/markdown/render-worker.ts, which needs DOM-less entries of two packages).
  worker: { format: 'es', plugins: () => [domlessEntries()] },
  build: {
    outDir: fileURLToPath(new URL('../out/renderer', import.meta.url)),
    emptyOutDir: true,
    // Cytoscape + CodeMirror + language data make one large chunk; the warning is noise for a local app.
    chunkSizeWarningLimit: 4000,
  },
});
