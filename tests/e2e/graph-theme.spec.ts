/**
 * Graph colours follow the app's Theme *setting* (#11), not the system's scheme: with the system light, choosing
 * "Dark" in the "Settings" dialog repaints the global graph, the local graph, the learning map and the "Graph legend"
 * at once, and "Adapt to system" brings the light colours back. Colours are read from the views' state
 * (`window.__atlasGraphs.<view>.snapshot()`) and the legend's swatches; every wait is on a condition. Also: folder
 * colours (Graph controls › "Colour by folder", on by default) colour a folder's notes and are listed in the legend.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { openGraphView, startApp, treeItem, type AtlasApp } from './harness.ts';

let app: AtlasApp;
before(async () => {
  app = await startApp({ vault: 'e2e-learning', colorScheme: 'light', viewport: { width: 1600, height: 950 } });
});
after(async () => {
  await app?.close();
});

/** styles.css `--node` and style.ts's edge colour, per theme, as Cytoscape reports them. */
const LIGHT = { node: 'rgb(138,143,152)', edge: 'rgb(195,200,207)', legendEdge: '#c3c8cf' };
const DARK = { node: 'rgb(125,132,143)', edge: 'rgb(74,79,87)', legendEdge: '#4a4f57' };

/** Waits until every view in `views` draws its plain notes in `node` colour and its plain links in `edge` colour. */
async function waitForColours(page: Page, views: string[], want: { node: string; edge: string }) {
  await page.waitForFunction(
    ([vs, w]) =>
      vs.every((v) => {
        const s = window.__atlasGraphs?.[v]?.snapshot();
        if (!s?.nodes.length) return false;
        const plain = s.nodes.filter((n) => n.classes.every((c) => c === 'neighbour' || c === 'filtered'));
        const links = s.edges.filter((e) => e.type === 'link' && e.classes.length === 0);
        const norm = (c: string) => c.replace(/\s/g, '');
        return (
          plain.length > 0 &&
          plain.every((n) => norm(n.color) === w.node) &&
          links.every((e) => norm(e.color) === w.edge)
        );
      }),
    [views, want] as const,
    { timeout: 15_000, polling: 100 },
  );
}

const legendLinkStroke = (page: Page) =>
  page
    .getByRole('region', { name: 'Graph legend' })
    .getByRole('listitem')
    .filter({ hasText: /^Link$/ })
    .locator('line')
    .getAttribute('stroke');

async function setTheme(page: Page, theme: 'light' | 'dark' | 'system') {
  await page.keyboard.press('Control+,');
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByLabel('Theme').selectOption(theme);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
}

test('switching the Theme setting repaints the global graph, the local graph and the legend at once', async () => {
  const { page } = app;
  await (await treeItem(page, 'select')).click();
  await page.getByRole('region', { name: 'Editor' }).getByRole('tab', { name: 'select', selected: true }).waitFor();
  await openGraphView(page);
  // Folder colours are on by default (folder-groups.ts): each top-level folder is a coloured group in the legend.
  const graph = page.getByRole('region', { name: 'Graph', exact: true });
  const legend = graph.getByRole('region', { name: 'Graph legend' });
  await legend.getByText('Folder: concurrency').waitFor();
  const folderColour = await legend
    .getByRole('listitem')
    .filter({ hasText: 'Folder: concurrency' })
    .locator('.legend-swatch')
    .evaluate((e) => getComputedStyle(e).backgroundColor.replace(/\s/g, ''));
  await page.waitForFunction(
    (c) =>
      window.__atlasGraphs?.global
        ?.snapshot()
        .nodes.find((n) => n.id === 'concurrency/Mutex.md')
        ?.color.replace(/\s/g, '') === c,
    folderColour,
  );
  // The theme checks below read the theme's plain node colour: folder colours off.
  await graph.getByRole('button', { name: /Graph controls/ }).click();
  await graph.getByRole('checkbox', { name: 'Colour by folder' }).uncheck();
  await graph.getByRole('button', { name: /Graph controls/ }).click();
  await waitForColours(page, ['global', 'local'], LIGHT);
  assert.equal(await legendLinkStroke(page), LIGHT.legendEdge);

  await setTheme(page, 'dark');
  await waitForColours(page, ['global', 'local'], DARK);
  assert.equal(await legendLinkStroke(page), DARK.legendEdge, 'the legend repaints with the graph');
  // The system is still light: only the setting changed.
  assert.equal(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), false);
  await app.screenshot('graph-theme-dark');

  await setTheme(page, 'system');
  await waitForColours(page, ['global', 'local'], LIGHT);
  assert.equal(await legendLinkStroke(page), LIGHT.legendEdge);
});

test('the learning map repaints too', async () => {
  const { page } = app;
  const graph = page.getByRole('region', { name: 'Graph', exact: true });
  await graph.getByRole('button', { name: 'Learning map' }).click();
  await page.waitForFunction(() => (window.__atlasGraphs?.map?.snapshot().nodes.length ?? 0) > 1, null, {
    timeout: 20_000,
  });
  const mapEdge = () =>
    page.evaluate(() =>
      window
        .__atlasGraphs!.map.snapshot()
        .edges.filter((e) => e.type === 'prereq')
        .map((e) => e.color.replace(/\s/g, '')),
    );
  const light = await mapEdge();
  assert.ok(light.length > 0, 'the map has prerequisite edges');
  await setTheme(page, 'dark');
  await page.waitForFunction(
    (before) =>
      window
        .__atlasGraphs!.map.snapshot()
        .edges.filter((e) => e.type === 'prereq')
        .every((e) => e.color.replace(/\s/g, '') !== before),
    light[0],
    { timeout: 15_000, polling: 100 },
  );
  await app.screenshot('graph-theme-map-dark');
  await setTheme(page, 'light');
  await graph.getByRole('button', { name: 'Learning map', pressed: true }).click();
});
