/**
 * `node tests/e2e/measure-start-timeline.ts --vault <folder> [--reloads 3] [--raw]`: what a window's start waits for,
 * on a vault in the browser host and headless Chromium. After a first load (index, layout, every position kept) it
 * reloads the page `--reloads` times and, once the graph is drawn and its edges are in, prints one JSON line per
 * reload: the graph's marks (`atlas-graph-data`, `atlas-graph-first-frame`, ms from navigation), its measures
 * (`atlas-graph-elements-sliced`, `atlas-graph-nodes-added`, `atlas-graph-added`: start and duration, ms), the API
 * calls made (count, and any made twice with the same arguments), the global graph's last apply split by part (`lastApplyParts`, ms), the longest task (Long Tasks API, ms) and, with
 * `--raw`, every API request's start/end (ms) and size (bytes) and every long task. Then three direct fetches of the
 * whole graph from the page: fetch and `JSON.parse` ms, characters. The machine is shared: compare builds served in
 * turn, not runs of different sessions (docs/graph-performance.md, round 9).
 */
import { parseArgs } from 'node:util';
import { waitEdgesSettled, waitGraphDrawn, waitIndexedAndKept } from './graph-bench-steps.ts';
import { startApp } from './harness.ts';

const { values } = parseArgs({
  options: {
    vault: { type: 'string' },
    reloads: { type: 'string', default: '3' },
    raw: { type: 'boolean', default: false },
  },
});
if (!values.vault) {
  console.error('usage: node tests/e2e/measure-start-timeline.ts --vault <folder> [--reloads 3] [--raw]');
  process.exit(2);
}
const LONG_TASKS = `window.__longTasks = []; new PerformanceObserver((l) => { for (const e of l.getEntries())
  window.__longTasks.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true });`;

const app = await startApp({ vault: values.vault, viewport: { width: 1600, height: 900 } });
try {
  const { page } = app;
  await waitGraphDrawn(page);
  await waitIndexedAndKept(app);
  await page.context().addInitScript(LONG_TASKS);
  for (let i = 0; i < Number(values.reloads); i++) {
    const calls: string[] = [];
    const onRequest = (req: { url(): string; postData(): string | null }) => {
      const m = /\/api\/([A-Za-z]+)/.exec(req.url());
      if (m) calls.push(`${m[1]} ${req.postData() ?? ''}`);
    };
    page.on('request', onRequest);
    await page.reload();
    await waitGraphDrawn(page);
    await waitEdgesSettled(page);
    page.off('request', onRequest);
    const t = await page.evaluate(() => {
      const round = (x: number) => Math.round(x);
      const marks = Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, round(m.startTime)]));
      const measures = Object.fromEntries(
        performance.getEntriesByType('measure').map((m) => [m.name, [round(m.startTime), round(m.duration)]]),
      );
      const requests = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((r) => r.name.includes('/api/'))
        .map((r) => [
          r.name.replace(/^.*\/api\//, '').replace(/\?.*$/, ''),
          round(r.startTime),
          round(r.responseEnd),
          r.encodedBodySize,
        ]);
      const longTasks = (window as unknown as { __longTasks: [number, number][] }).__longTasks;
      const parts = window.__atlasGraphs?.global?.lastApplyParts ?? {};
      const applyParts = Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, round(v)]));
      return { marks, measures, requests, longTasks, applyParts };
    });
    const counts = new Map<string, number>();
    for (const c of calls) counts.set(c, (counts.get(c) ?? 0) + 1);
    console.log(
      JSON.stringify({
        reload: i + 1,
        marks: t.marks,
        measures: t.measures,
        apiCalls: calls.length,
        twice: [...counts].filter(([, n]) => n > 1).map(([c]) => c.slice(0, 80)),
        longestTaskMs: Math.max(0, ...t.longTasks.map((x) => x[1])),
        applyParts: t.applyParts,
        ...(values.raw ? { requests: t.requests, longTasks: t.longTasks } : {}),
      }),
    );
  }
  const direct = await page.evaluate(async (token) => {
    const out: number[][] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      const res = await fetch('/api/graphDelta', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ args: [null, { includeUnresolved: true }] }),
      });
      const text = await res.text();
      const t1 = performance.now();
      JSON.parse(text);
      out.push([Math.round(t1 - t0), Math.round(performance.now() - t1), text.length]);
    }
    return out;
  }, app.token);
  console.log(
    JSON.stringify({ wholeGraphFetch: direct.map(([fetchMs, parseMs, chars]) => ({ fetchMs, parseMs, chars })) }),
  );
} finally {
  await app.close();
}
