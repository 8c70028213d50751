/**
 * `npm run bench:graph [-- --notes 1000,5000,10000] [--webgl]`: the graph view on generated vaults (scripts/generate-vault.ts),
 * in the browser host and headless Chromium (/usr/bin/chromium). For each size it prints:
 * - first frame: ms from navigation start to the global graph's first frame on screen with laid-out nodes
 *   (`atlas-graph-first-frame`; the graph view is opened right after the app's first screen when it is not shown),
 *   cold (no kept positions: layout in the worker) and with kept positions, both on a fully indexed vault (the first
 *   load waits for the index to be idle and every node's position to be kept, graph-bench-steps.ts);
 * - longest main-thread task (Long Tasks API) from page load (with kept positions) until the graph is drawn, panned
 *   and zoomed, and 1 s more, ms;
 * - pan and zoom frame times p50/p95 (requestAnimationFrame deltas while panning by panBy / zooming the shown graph),
 *   and drag: the same while the mouse drags the background (the user's pan), ms;
 * - hover: the longest main-thread task, ms, and the tasks over 50 ms while the mouse moves onto 8 notes in view one
 *   after another (graph-hover.ts: each hover highlights a note and its neighbours);
 * - one saved note: time to turn the re-fetched graph into elements and apply the difference to the drawn one
 *   (`lastElementsMs` + `lastApplyMs`: diff, Cytoscape update, placement, filters, decorations), ms;
 * - renderer JS heap (used), MB: as read after the saved note, and live (after a full garbage collection, CDP
 *   `HeapProfiler.collectGarbage`); the first counts garbage not yet collected.
 * `--webgl` forces Cytoscape's WebGL renderer at every size (`window.__atlasGraphWebgl = 'force'`; headless Chromium's
 * WebGL is SwiftShader, a software rasteriser, which the app otherwise does not use).
 * The machine is shared: read the figures as rough, and compare sizes measured in the same run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  generatedVault,
  keptPositionsFile,
  waitEdgesSettled,
  waitGraphDrawn,
  waitIndexedAndKept,
} from './graph-bench-steps.ts';
import { dragFrames } from './graph-drag.ts';
import { hoverTasks } from './graph-hover.ts';
import { startApp } from './harness.ts';

const { values } = parseArgs({
  options: { notes: { type: 'string', default: '1000,5000,10000' }, webgl: { type: 'boolean', default: false } },
});
const sizes = values
  .notes!.split(',')
  .map((s) => Number(s.trim()))
  .filter((n) => Number.isInteger(n) && n > 0);

const LONGTASKS = `
  window.__longest = 0;
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longest = Math.max(window.__longest, e.duration); })
    .observe({ type: 'longtask', buffered: true });
`;

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
}

const loadAtStart = os.loadavg()[0];
const rows: string[] = [];
for (const n of sizes) {
  const vault = generatedVault('bench-graph', n);
  const dir = path.dirname(vault);
  const app = await startApp({ vault, viewport: { width: 1600, height: 900 } });
  try {
    const { page } = app;
    // First load: the index is built; wait until it is idle and the whole graph is drawn with its positions kept.
    await waitGraphDrawn(page);
    await waitIndexedAndKept(app);
    await page.context().addInitScript(LONGTASKS);
    if (values.webgl) await page.context().addInitScript("window.__atlasGraphWebgl = 'force';");
    // Cold: no kept positions.
    fs.rmSync(keptPositionsFile(app), { force: true });
    await page.reload();
    await waitGraphDrawn(page);
    const cold = await page.evaluate(() => performance.getEntriesByName('atlas-graph-first-frame')[0].startTime);
    await waitIndexedAndKept(app);
    // Warm: kept positions.
    await page.reload();
    await waitGraphDrawn(page);
    const warm = await page.evaluate(() => performance.getEntriesByName('atlas-graph-first-frame')[0].startTime);
    await waitEdgesSettled(page);
    const frames = await page.evaluate(async () => {
      const cy = window.__atlasGraph!;
      const measure = async (step: () => void) => {
        const ds: number[] = [];
        let last = performance.now();
        for (let i = 0; i < 60; i++) {
          step();
          await new Promise((r) => requestAnimationFrame(r));
          const now = performance.now();
          ds.push(now - last);
          last = now;
        }
        return ds;
      };
      const pan = await measure(() => cy.panBy({ x: 6, y: 4 }));
      let z = 0;
      const zoom = await measure(() => {
        z++;
        cy.zoom({
          level: cy.zoom() * (z % 40 < 20 ? 1.03 : 1 / 1.03),
          renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 },
        });
      });
      return { pan, zoom };
    });
    const drag = await dragFrames(page);
    await new Promise((r) => setTimeout(r, 1000));
    const longest = await page.evaluate(() => (window as unknown as { __longest: number }).__longest);
    const hover = await hoverTasks(page);
    // One saved note: a new link in the first note.
    const first = fs
      .readdirSync(app.vaultDir, { recursive: true })
      .map(String)
      .find((f) => f.endsWith('.md'))!;
    const edges = await page.evaluate(() => window.__atlasGraphs!.global.snapshot().edges.length);
    fs.appendFileSync(path.join(app.vaultDir, first), '\nSee also [[bench-new-target]].\n');
    await page.waitForFunction((e) => window.__atlasGraphs!.global.snapshot().edges.length !== e, edges, {
      timeout: 600_000,
      polling: 100,
    });
    const parts = await page.evaluate(() => {
      const g = window.__atlasGraphs!.global as unknown as { lastApplyMs: number; lastElementsMs: number };
      return { elements: g.lastElementsMs, apply: g.lastApplyMs };
    });
    const apply = parts.elements + parts.apply;
    const renderer = await page.evaluate(() => window.__atlasGraphs!.global.renderer);
    const usedHeap = () =>
      page.evaluate(
        () => ((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0) / 1e6,
      );
    const heap = await usedHeap();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const live = await usedHeap();
    await cdp.detach();
    const f = (x: number) => x.toFixed(0).padStart(6);
    rows.push(
      `${String(n).padStart(6)} | ${f(cold)} | ${f(warm)} | ${f(longest)} | ${f(pct(frames.pan, 50))} ${f(pct(frames.pan, 95))} | ${f(pct(drag, 50))} ${f(pct(drag, 95))} | ${f(pct(frames.zoom, 50))} ${f(pct(frames.zoom, 95))} | ${f(hover.longest)} ${String(hover.over50).padStart(4)} | ${apply.toFixed(1).padStart(6)} (${parts.elements.toFixed(0)}+${parts.apply.toFixed(0)}) | ${heap.toFixed(0).padStart(5)} ${live.toFixed(0).padStart(5)} | ${renderer}`,
    );
    console.error(rows.at(-1));
  } finally {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
console.log(
  `graph view, headless Chromium, ${os.cpus().length} cores (shared; load average ${loadAtStart.toFixed(1)} at start, ${os.loadavg()[0].toFixed(1)} at end)`,
);
console.log(
  ' notes | cold first frame ms | kept-positions first frame ms | longest task ms | pan p50 p95 ms | drag p50 p95 ms | zoom p50 p95 ms | hover: longest task ms, tasks > 50 ms | one saved note ms (elements+apply) | heap MB (used, live) | renderer',
);
for (const r of rows) console.log(r);
