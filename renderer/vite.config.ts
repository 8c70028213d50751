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
 * In the markdown worker (renderer/src/markdown/render-worker.ts) there is no DOM: rehype-katex's HTML parser must
 * be the parse5 one (hast-util-from-html-isomorphic's non-browser entry), not the `<template>`-based browser one.
 */
function domlessHtmlParser(): Plugin {
  const entry = fileURLToPath(new URL('../node_modules/hast-util-from-html-isomorphic/index.js', import.meta.url));
  return {
    name: 'atlas-worker-domless-html',
    enforce: 'pre',
    resolveId(id) {
      return id === 'hast-util-from-html-isomorphic' ? entry : null;
    },
  };
}

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: './',
  plugins: [react(), pageCsp()],
  // ES module workers: the graph layout (renderer/src/graph/layout.worker.ts) and markdown rendering
  // (renderer/src/markdown/render-worker.ts, which needs the DOM-less HTML parser).
  worker: { format: 'es', plugins: () => [domlessHtmlParser()] },
  build: {
    outDir: fileURLToPath(new URL('../out/renderer', import.meta.url)),
    emptyOutDir: true,
    // Cytoscape + CodeMirror + language data make one large chunk; the warning is noise for a local app.
    chunkSizeWarningLimit: 4000,
  },
});
