/**
 * `node tests/e2e/measure-graph-delta.ts [--notes 1000,5000] [--saves 5]`: one saved note in the global graph view,
 * on generated vaults (scripts/generate-vault.ts) in the browser host and headless Chromium. After the graph is
 * drawn, appends a new link to a note `--saves` times and prints per save how the view updated (`lastPath`: `delta`
 * from the graph delta, `diff` by diffing the whole graph), the elements and apply times (the hook's lastElementsMs
 * and lastApplyMs, as bench:graph prints them), and the CPU profile of the renderer during the last save: the
 * functions with the most self time, ms. The machine is shared: read the times with the load average printed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generatedVault } from './graph-bench-steps.ts';
import { startApp } from './harness.ts';

const { values } = parseArgs({
  options: { notes: { type: 'string', default: '1000,5000' }, saves: { type: 'string', default: '5' } },
});
const sizes = values.notes!.split(',').map((s) => Number(s.trim()));
const saves = Number(values.saves);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

for (const n of sizes) {
  const vault = generatedVault('measure-delta', n);
  const dir = path.dirname(vault);
  const app = await startApp({ vault, viewport: { width: 1600, height: 900 } });
  try {
    const { page } = app;
    await page.getByRole('region', { name: 'Local graph' }).waitFor({ timeout: 600_000 });
    const graph = page.getByRole('region', { name: 'Graph', exact: true });
    if (!(await graph.isVisible())) await page.getByRole('button', { name: 'Graph', exact: true }).click();
    await page.waitForFunction(
      () => window.__atlasGraphs?.global?.ready && !window.__atlasGraphs.global.layoutPending,
      undefined,
      {
        timeout: 600_000,
        polling: 500,
      },
    );
    const notes = fs
      .readdirSync(app.vaultDir, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.md'));
    // the whole vault drawn (a cold index fills the graph as it goes), then quiet for 2 s
    await page.waitForFunction((count) => window.__atlasGraphs!.global.snapshot().nodes.length >= count, notes.length, {
      timeout: 600_000,
      polling: 500,
    });
    for (let quiet = 0, was = -1; quiet < 4; ) {
      await new Promise((r) => setTimeout(r, 500));
      const now = await page.evaluate(() => window.__atlasGraphs!.global.snapshot().edges.length);
      quiet = now === was ? quiet + 1 : 0;
      was = now;
    }
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    const rows: string[] = [];
    type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
    let profile: Profile | null = null as Profile | null;
    for (let i = 0; i < saves; i++) {
      const last = i === saves - 1;
      // O(1) reads while polling: snapshot() reads every element's style (~100 ms a call at 5,000 notes) and
      // cy.edges() filters every element; the hook's count of finished updates (older builds: lastApplyMs changes)
      const was = await page.evaluate(() => {
        const g = window.__atlasGraphs!.global;
        return { applies: g.applies ?? -1, ms: g.lastApplyMs };
      });
      if (last) await cdp.send('Profiler.start');
      fs.appendFileSync(path.join(app.vaultDir, notes[(i * 7) % notes.length]), `\nSee also [[measure-new-${i}]].\n`);
      await page.waitForFunction(
        (w) => {
          const g = window.__atlasGraphs!.global;
          return w.applies >= 0 ? g.applies > w.applies : g.lastApplyMs !== w.ms;
        },
        was,
        { timeout: 600_000, polling: 50 },
      );
      if (last) profile = (await cdp.send('Profiler.stop')).profile as unknown as Profile;
      const h = await page.evaluate(() => {
        const g = window.__atlasGraphs!.global;
        return {
          path: g.lastPath,
          elements: g.lastElementsMs,
          apply: g.lastApplyMs,
          applied: g.lastApply,
          parts: Object.entries(g.lastApplyParts)
            .map(([k, v]) => `${k} ${v.toFixed(1)}`)
            .join(', '),
        };
      });
      rows.push(
        `  save ${i + 1}: ${h.path}  elements ${h.elements.toFixed(1)} ms + apply ${h.apply.toFixed(1)} ms = ${(h.elements + h.apply).toFixed(1)} ms (${h.parts}) ${JSON.stringify(h.applied)}`,
      );
    }
    console.log(`${n} notes (load average ${os.loadavg()[0].toFixed(1)}):`);
    for (const r of rows) console.log(r);
    if (profile) {
      const self = new Map<number, number>();
      for (let k = 0; k < profile.samples.length; k++)
        self.set(profile.samples[k], (self.get(profile.samples[k]) ?? 0) + profile.timeDeltas[k] / 1000);
      const byFn = new Map<string, number>();
      for (const node of profile.nodes) {
        const t = self.get(node.id) ?? 0;
        if (!t) continue;
        const f = node.callFrame;
        const name = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
        byFn.set(name, (byFn.get(name) ?? 0) + t);
      }
      const top = [...byFn]
        .filter(([k]) => !k.startsWith('(idle)'))
        .sort((a, b) => b[1] - a[1])
        .slice(0, 15);
      console.log('  profile of the last save, self time ms (idle left out):');
      for (const [k, t] of top) console.log(`    ${t.toFixed(1).padStart(7)}  ${k}`);
    }
  } finally {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
