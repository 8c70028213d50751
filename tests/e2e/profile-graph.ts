/**
 * `node tests/e2e/profile-graph.ts [--vault /tmp/v5k | --notes 5000] [--out dir] [--webgl] [--alloc]`: CPU profiles of the
 * graph view for finding what to speed up (bench-graph.ts measures; this one explains). In the browser host and
 * headless Chromium: a first load (index + layout, until the index is idle and every position is kept), then, with kept positions, three `.cpuprofile` files (CDP
 * `Profiler`, 250 µs sampling) in `--out` (default: a temp folder): `kept-load` (reload until the graph is drawn and
 * 3 s of idle), `pan` (60 frames of panBy), `zoom` (60 frames of zoom), `drag` (the mouse dragging the background,
 * bench-graph.ts's drag) and `hover` (the mouse onto 8 notes, bench-graph.ts's hover, graph-hover.ts). For each it prints the busy stretches over 50 ms (samples between idle ones) with their
 * top functions by self time, and the top functions overall. During `kept-load` the sampling heap profiler (CDP
 * `HeapProfiler.startSampling`, 64 KB interval) starts and runs until the end of `hover`: it prints the allocation stacks that hold the
 * most live memory then, MB (with `--alloc`: the most memory allocated, garbage included). Open the files in Chrome DevTools' Performance and Memory panels for the full picture.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { dragFrames } from './graph-drag.ts';
import { hoverTasks } from './graph-hover.ts';
import { summariseHeap, type SamplingHeapProfile } from './heap-summary.ts';
import { keptPositionsFile, waitEdgesSettled, waitGraphDrawn, waitIndexedAndKept } from './graph-bench-steps.ts';
import { REPO_ROOT, startApp } from './harness.ts';
import { summariseProfile, type CpuProfile } from './profile-summary.ts';
import { tempDir } from '../support/temp-dir.ts';

const { values } = parseArgs({
  options: {
    vault: { type: 'string' },
    notes: { type: 'string', default: '5000' },
    out: { type: 'string' },
    webgl: { type: 'boolean', default: false },
    alloc: { type: 'boolean', default: false },
  },
});
const out = values.out ?? fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-profile-graph-'));
fs.mkdirSync(out, { recursive: true });
let vault = values.vault;
let genDir: string | null = null;
if (!vault) {
  genDir = tempDir('profile-vault');
  vault = path.join(genDir, 'vault');
  spawnSync(
    process.execPath,
    [path.join(REPO_ROOT, 'scripts', 'generate-vault.ts'), vault, '--notes', values.notes!, '--prereqs', '3'],
    { stdio: 'ignore' },
  );
}

const LONGTASKS = `
  window.__longTasks = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longTasks.push([Math.round(e.startTime), Math.round(e.duration)]); })
    .observe({ type: 'longtask', buffered: true });
`;

const app = await startApp({ vault, viewport: { width: 1600, height: 900 } });
try {
  const { page } = app;
  const waitDrawn = () => waitGraphDrawn(page);
  await waitDrawn();
  await waitIndexedAndKept(app);
  const kept = keptPositionsFile(app);
  const state = async (when: string) => {
    const g = await page.evaluate(() => {
      const h = window.__atlasGraphs!.global;
      return { nodes: window.__atlasGraph!.nodes().length, layoutRuns: h.layoutRuns, lastApply: h.lastApply };
    });
    const keptIds = fs.existsSync(kept)
      ? Object.keys((JSON.parse(fs.readFileSync(kept, 'utf8')) as { positions?: object }).positions ?? {}).length
      : 0;
    console.log(`${when}: ${JSON.stringify(g)}, kept positions ${keptIds}`);
  };
  await state('first load');
  await page.context().addInitScript(LONGTASKS);
  if (values.webgl) await page.context().addInitScript("window.__atlasGraphWebgl = 'force';");
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
  const profile = async (name: string, run: () => Promise<void>) => {
    await cdp.send('Profiler.start');
    await run();
    const { profile: p } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    const file = path.join(out, `${name}.cpuprofile`);
    fs.writeFileSync(file, JSON.stringify(p));
    console.log(`\n== ${name} (${file})`);
    console.log(summariseProfile(p, { stretchMs: 50, top: 25 }));
  };
  await cdp.send('HeapProfiler.enable');
  // --alloc: every allocation sampled, also of objects collected since (where the garbage comes from)
  await cdp.send('HeapProfiler.startSampling', {
    samplingInterval: 65536,
    includeObjectsCollectedByMajorGC: values.alloc,
    includeObjectsCollectedByMinorGC: values.alloc,
  });
  await profile('kept-load', async () => {
    await page.reload();
    await waitDrawn();
    await waitEdgesSettled(page);
    await new Promise((r) => setTimeout(r, 2000));
  });
  await state('kept load');
  const marks = await page.evaluate(() =>
    performance
      .getEntries()
      .filter((e) => e.entryType === 'mark' || e.entryType === 'measure')
      .map((e) => `${e.name} @${e.startTime.toFixed(0)} +${e.duration.toFixed(0)}`),
  );
  console.log('marks:', marks.join('; '));
  console.log(
    'long tasks [start, ms]:',
    JSON.stringify(await page.evaluate(() => (window as unknown as { __longTasks: unknown }).__longTasks)),
  );
  const frames = (step: string) =>
    page.evaluate(async (s) => {
      const cy = window.__atlasGraph!;
      let z = 0;
      const steps: Record<string, () => void> = {
        pan: () => cy.panBy({ x: 6, y: 4 }),
        zoom: () => {
          z++;
          cy.zoom({
            level: cy.zoom() * (z % 40 < 20 ? 1.03 : 1 / 1.03),
            renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 },
          });
        },
      };
      const ds: number[] = [];
      let last = performance.now();
      for (let i = 0; i < 60; i++) {
        steps[s]();
        await new Promise((r) => requestAnimationFrame(r));
        const now = performance.now();
        ds.push(Math.round(now - last));
        last = now;
      }
      return ds;
    }, step);
  for (const step of ['pan', 'zoom']) {
    let ds: number[] = [];
    await profile(step, async () => {
      ds = await frames(step);
      await new Promise((r) => setTimeout(r, 1000));
    });
    console.log(`${step} frames ms:`, ds.join(' '));
  }
  let drag: number[] = [];
  await profile('drag', async () => {
    drag = await dragFrames(page);
    await new Promise((r) => setTimeout(r, 1000));
  });
  console.log('drag frames ms:', drag.map((d) => Math.round(d)).join(' '));
  let hover: Awaited<ReturnType<typeof hoverTasks>> | null = null;
  await profile('hover', async () => {
    hover = await hoverTasks(page);
    await new Promise((r) => setTimeout(r, 1000));
  });
  console.log('hover long tasks:', JSON.stringify(hover));
  const { profile: heapProfile } = (await cdp.send('HeapProfiler.stopSampling')) as unknown as {
    profile: SamplingHeapProfile;
  };
  fs.writeFileSync(path.join(out, 'kept-load.heapprofile'), JSON.stringify(heapProfile));
  console.log(
    `\n== ${values.alloc ? 'memory allocated' : 'live memory'} by allocation stack from kept-load to the end of hover (MB, sampled)`,
  );
  console.log(summariseHeap(heapProfile, 20));
  const heap = await page.evaluate(
    () => ((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0) / 1e6,
  );
  console.log(
    `heap ${heap.toFixed(0)} MB; renderer ${await page.evaluate(() => window.__atlasGraphs!.global.renderer)}; load ${os.loadavg()[0].toFixed(1)}`,
  );
} finally {
  await app.close();
  if (genDir) fs.rmSync(genDir, { recursive: true, force: true });
}
