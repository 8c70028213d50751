/**
 * The connection view's chain drawn on the graph (#12): "How is A connected to B?" → "Show on graph" opens the graph
 * view with exactly the chain's notes and the links between consecutive ones highlighted, everything else faded, and
 * the view fitted to the chain; "Clear path" brings the graph back. Fixture: tests/fixtures/e2e-health, where
 * select → channel → goroutine → scheduler is the shortest chain (3 hops, as in health.spec.ts).
 * Assertions read `window.__atlasGraphs.global.snapshot()` (state, not pixels); every wait is on a condition.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, waitForGraphNodes, type AtlasApp } from './harness.ts';

let app: AtlasApp;
before(async () => {
  app = await startApp({ vault: 'e2e-health', viewport: { width: 1600, height: 950 } });
  await waitForGraphNodes(app.page, 5);
});
after(async () => {
  await app?.close();
});

const CHAIN = ['select.md', 'channel.md', 'goroutine.md', 'scheduler.md'];
const key = (a: string, b: string) => [a, b].sort().join(' ');

test('"Show on graph" highlights exactly the chain, fades the rest and fits the view to it', async () => {
  const { page } = app;
  await page.keyboard.press('Control+Shift+P');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await palette.getByRole('combobox').fill('Open connection view');
  await palette.getByRole('option', { name: /^Open connection view/ }).waitFor();
  await page.keyboard.press('Enter');
  const connection = page.getByRole('region', { name: 'Connection' });
  await connection.getByLabel('From').fill('select');
  await connection.getByLabel('To').fill('scheduler');
  await connection.getByRole('button', { name: 'Connect' }).click();
  await connection.getByRole('status').getByText('select → scheduler: 3 hops').waitFor();
  await connection.getByRole('button', { name: 'Show on graph' }).click();

  const graph = page.getByRole('region', { name: 'Graph', exact: true });
  await graph.waitFor({ state: 'visible' });
  await graph.getByText('select → scheduler').waitFor();
  await page.waitForFunction(
    (n) => window.__atlasGraphs!.global.snapshot().nodes.filter((x) => x.classes.includes('path-node')).length === n,
    CHAIN.length,
    { timeout: 15_000 },
  );
  const snap = await page.evaluate(() => window.__atlasGraphs!.global.snapshot());
  const on = snap.nodes.filter((n) => n.classes.includes('path-node'));
  assert.deepEqual(on.map((n) => n.id).sort(), [...CHAIN].sort(), 'the highlighted nodes are exactly the chain');
  const off = snap.nodes.filter((n) => !n.classes.includes('path-node'));
  assert.ok(off.length > 0, 'the vault has notes off the chain');
  assert.ok(
    off.every((n) => n.classes.includes('path-faded') && n.opacity < 0.5),
    'every other node is faded',
  );
  const hops = new Set(CHAIN.slice(1).map((to, i) => key(CHAIN[i], to)));
  const pathEdges = snap.edges.filter((e) => e.classes.includes('path-edge'));
  assert.deepEqual(
    [...new Set(pathEdges.map((e) => key(e.source, e.target)))].sort(),
    [...hops].sort(),
    'the highlighted edges are the hops',
  );
  assert.ok(
    snap.edges.filter((e) => !e.classes.includes('path-edge')).every((e) => e.classes.includes('path-faded')),
    'every other edge is faded',
  );
  // Fitted: every node of the chain is drawn inside the canvas.
  for (const n of on)
    assert.ok(
      n.renderedX > 0 && n.renderedX < snap.width && n.renderedY > 0 && n.renderedY < snap.height,
      `${n.id} is in view (${Math.round(n.renderedX)}, ${Math.round(n.renderedY)} in ${snap.width}×${snap.height})`,
    );
  await graph
    .getByRole('region', { name: 'Graph legend' })
    .getByText('On the connection path (the rest faded)')
    .waitFor();
  await app.screenshot('connection-on-graph');

  await graph.getByRole('button', { name: 'Clear path' }).click();
  await page.waitForFunction(() =>
    window
      .__atlasGraphs!.global.snapshot()
      .nodes.every((n) => !n.classes.includes('path-node') && !n.classes.includes('path-faded')),
  );
  assert.deepEqual(app.pageErrors, []);
});
