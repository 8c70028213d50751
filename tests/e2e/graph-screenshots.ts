/**
 * Screenshots of the graph views of the sample vault (`vault/`) in light and dark themes, for docs/screenshots/
 * (1440×900 window):
 *   app-local-<scheme>.png            the whole window: the hub note "goroutine" open, its local graph in the sidebar
 *   graph-local-d1-<scheme>.png       the "Local graph" sidebar region of "goroutine" at depth 1 (crop, ~264 px wide)
 *   graph-local-d2-<scheme>.png       the same at depth 2
 *   graph-global-<scheme>.png         the global graph tab as it first opens (fitted, no note current)
 *   graph-global-current-<scheme>.png the global graph centred on the current note "netpoller"
 *   graph-map-<scheme>.png            the "Learning map" of the plan for "netpoller", as it opens
 * Every wait is on a condition (the view laid out and its picture unchanged over a few polls), never a fixed sleep.
 *   npm run -s build:web && node_modules/.bin/node tests/e2e/graph-screenshots.ts [outDir]
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { openNote, REPO_ROOT, startApp } from './harness.ts';

const out = process.argv[2] ?? path.join(REPO_ROOT, 'docs', 'screenshots');
const HUB = 'goroutine';
const MAP_NOTE = 'netpoller';

/**
 * Waits until graph view `name` is laid out, its labels picked and its picture complete, and the picture (zoom,
 * positions, label classes) holds for 3 polls.
 */
async function settled(page: Page, name: string): Promise<void> {
  await page.waitForFunction(
    (name) => {
      const h = window.__atlasGraphs?.[name];
      const w = window as unknown as { __shotKey?: Record<string, { key: string; same: number }> };
      // laid out, labels picked, and the canvas renderer's picture drawn in full (progressive-draw.ts)
      if (!h?.ready || h.layoutPending || h.progressive?.partial) return false;
      const s = h.snapshot();
      if (s.labelsPending) return false;
      const key = JSON.stringify([
        s.zoom,
        s.pan,
        s.edges.length,
        s.nodes.map((n) => [Math.round(n.x), Math.round(n.y), n.classes.join(' ')]),
      ]);
      w.__shotKey ??= {};
      const was = w.__shotKey[name];
      if (was?.key === key) was.same++;
      else w.__shotKey[name] = { key, same: 0 };
      return w.__shotKey[name].same >= 3;
    },
    name,
    { timeout: 180_000, polling: 250 },
  );
}

/** The local graph shows `note` as current after at least `runs` layouts. */
async function localOf(page: Page, note: string, runs: number): Promise<void> {
  await page.waitForFunction(
    ([note, runs]) => {
      const h = window.__atlasGraphs?.local;
      return (
        !!h &&
        h.layoutRuns > runs &&
        h.snapshot().nodes.some((n) => n.id.endsWith(`/${note}.md`) && n.classes.includes('current'))
      );
    },
    [note, runs] as const,
    { timeout: 180_000 },
  );
  await settled(page, 'local');
}

const layoutRuns = (page: Page, name: string) =>
  page.evaluate((name) => window.__atlasGraphs?.[name]?.layoutRuns ?? 0, name);

for (const scheme of ['light', 'dark'] as const) {
  const app = await startApp({ vault: 'vault', colorScheme: scheme, viewport: { width: 1440, height: 900 } });
  try {
    const { page } = app;
    const shot = (name: string) => path.join(out, `${name}-${scheme}.png`);
    // No focus ring on the Depth slider in the pictures.
    const blur = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const local = page.getByRole('region', { name: 'Local graph' });
    const graph = page.getByRole('region', { name: 'Graph', exact: true });

    // The local graph of a hub, depth 1 and 2.
    await local.getByRole('slider', { name: 'Depth' }).fill('1');
    let runs = await layoutRuns(page, 'local');
    await openNote(page, HUB, 120_000);
    await localOf(page, HUB, runs);
    await blur();
    await page.screenshot({ path: shot('app-local') });
    await local.screenshot({ path: shot('graph-local-d1') });
    runs = await layoutRuns(page, 'local');
    await local.getByRole('slider', { name: 'Depth' }).fill('2');
    await localOf(page, HUB, runs);
    await blur();
    await local.screenshot({ path: shot('graph-local-d2') });
    await local.getByRole('slider', { name: 'Depth' }).fill('1');

    // The global graph as it first opens: fitted, no note current.
    await page.getByRole('button', { name: 'Graph', exact: true }).click();
    await settled(page, 'global');
    await graph.screenshot({ path: shot('graph-global') });

    // The global graph centred on a current note, then the learning map of its plan.
    await openNote(page, MAP_NOTE, 120_000);
    await page
      .getByRole('region', { name: 'Learning', exact: true })
      .getByRole('button', { name: 'Plan for current note' })
      .click();
    await page
      .getByRole('region', { name: 'Learning', exact: true })
      .getByRole('region', { name: 'Plan', exact: true })
      .getByRole('checkbox')
      .first()
      .waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Graph', exact: true }).click();
    await settled(page, 'global');
    await graph.screenshot({ path: shot('graph-global-current') });
    await graph.getByRole('button', { name: 'Learning map' }).click();
    await settled(page, 'map');
    await graph.screenshot({ path: shot('graph-map') });
    if (app.pageErrors.length) console.error(app.pageErrors.join('\n'));
  } finally {
    await app.close();
  }
}
console.log(`screenshots in ${out}`);
