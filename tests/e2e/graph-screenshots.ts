/**
 * Screenshots of the graph views of the sample vault (`vault/`) in light and dark themes, for docs/screenshots/:
 * the global graph tab as it opens and centred on a current note, the local graph (right sidebar) and the learning map.
 *   npm run -s build:web && node tests/e2e/graph-screenshots.ts [outDir]
 */
import path from 'node:path';
import { REPO_ROOT, startApp } from './harness.ts';

const out = process.argv[2] ?? path.join(REPO_ROOT, 'docs', 'screenshots');
for (const scheme of ['light', 'dark'] as const) {
  const app = await startApp({ vault: 'vault', colorScheme: scheme, viewport: { width: 1440, height: 900 } });
  try {
    const { page } = app;
    // The local graph and the map of a concept with prerequisites (opened from the "Graph nodes" list).
    await page.getByRole('button', { name: 'Graph', exact: true }).click();
    await page.waitForFunction(
      () => window.__atlasGraphs?.global?.ready === true && !window.__atlasGraphs.global.layoutPending,
      undefined,
      { timeout: 180_000 },
    );
    const graph = page.getByRole('region', { name: 'Graph', exact: true });
    // The global graph as it first opens: fitted, no note current.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await graph.screenshot({ path: path.join(out, `graph-global-${scheme}.png`) });
    await graph.getByText(/^Nodes \(\d+\)$/).click();
    await graph.getByRole('searchbox', { name: 'Search graph nodes' }).fill('netpoller');
    await graph
      .getByRole('list', { name: 'Graph nodes' })
      .getByRole('button', { name: 'netpoller', exact: true })
      .click();
    await page.getByRole('tab', { name: 'netpoller', selected: true }).waitFor({ timeout: 60_000 });
    await page.waitForFunction(
      () =>
        window.__atlasGraphs?.local
          ?.snapshot()
          .nodes.some((n) => n.id.endsWith('netpoller.md') && n.classes.includes('current')) &&
        !window.__atlasGraphs.local.layoutPending,
      undefined,
      { timeout: 60_000 },
    );
    await page.getByRole('button', { name: 'Graph', exact: true }).click();
    await page.waitForFunction(() => window.__atlasGraphs?.global?.ready === true, undefined, { timeout: 120_000 });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page
      .getByRole('region', { name: 'Graph', exact: true })
      .screenshot({ path: path.join(out, `graph-global-current-${scheme}.png`) });
    await page
      .getByRole('region', { name: 'Local graph' })
      .screenshot({ path: path.join(out, `graph-local-${scheme}.png`) });
    await page.getByRole('button', { name: 'Learning map' }).click();
    await page.waitForFunction(() => window.__atlasGraphs?.map?.ready === true, undefined, { timeout: 60_000 });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page
      .getByRole('region', { name: 'Graph', exact: true })
      .screenshot({ path: path.join(out, `graph-map-${scheme}.png`) });
    if (app.pageErrors.length) console.error(app.pageErrors.join('\n'));
  } finally {
    await app.close();
  }
}
console.log(`screenshots in ${out}`);
