/**
 * The graph views (#11): local graph depth, the Graph controls' filters (Filter box, tag, Orphans), groups in the
 * Graph legend, hover highlight, one saved note changing one edge and no positions, keyboard and the "Graph nodes"
 * list, and positions kept across a reload. Assertions read `window.__atlasGraphs.<view>.snapshot()` (state, not
 * pixels); every wait is on a condition.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { eventually, openGraphView, startApp, waitForGraphNodes, type AtlasApp, treeItem } from './harness.ts';

let app: AtlasApp;
before(async () => {
  app = await startApp({ vault: 'e2e-basic', viewport: { width: 1600, height: 950 } });
  await waitForGraphNodes(app.page, 7);
});
after(async () => {
  await app?.close();
});

type Snap = {
  nodes: {
    id: string;
    label: string;
    x: number;
    y: number;
    renderedX: number;
    renderedY: number;
    classes: string[];
    visible: boolean;
    color: string;
  }[];
  edges: { source: string; target: string }[];
  /** The canvas, CSS px. */
  width: number;
  height: number;
};
const snap = (view: string) => app.page.evaluate((v) => window.__atlasGraphs![v].snapshot(), view) as Promise<Snap>;
const settled = (view: string) =>
  app.page.waitForFunction(
    (v) => {
      const h = window.__atlasGraphs?.[v];
      return !!h && h.ready && !h.layoutPending;
    },
    view,
    { timeout: 20_000, polling: 100 },
  );
const graph = () => app.page.getByRole('region', { name: 'Graph', exact: true });
const controls = () => graph().getByRole('group', { name: 'Graph controls' });
const visibleIds = async (view = 'global') =>
  (await snap(view)).nodes
    .filter((n) => n.visible)
    .map((n) => n.id)
    .sort();

async function openNoteFromTree(name: string) {
  await (await treeItem(app.page, name)).click();
  await app.page
    .getByRole('region', { name: 'Editor' })
    .getByRole('tab', { name, exact: true, selected: true })
    .waitFor();
}

test('local graph: a larger depth shows more notes', async () => {
  const { page } = app;
  await openNoteFromTree('select');
  const local = page.getByRole('region', { name: 'Local graph' });
  await page.waitForFunction(() =>
    window.__atlasGraphs?.local
      ?.snapshot()
      .nodes.some((n) => n.id === 'concepts/select.md' && n.classes.includes('current')),
  );
  await settled('local');
  const depth1 = (await snap('local')).nodes.length;
  await local.getByRole('slider', { name: 'Depth' }).fill('2');
  await page.waitForFunction((n) => (window.__atlasGraphs?.local?.snapshot().nodes.length ?? 0) > n, depth1);
  const depth2 = (await snap('local')).nodes.map((n) => n.id);
  assert.ok(depth2.includes('concepts/goroutine.md'), 'goroutine is two links from select');
  await local.getByRole('slider', { name: 'Depth' }).fill('1');
  await page.waitForFunction((n) => window.__atlasGraphs?.local?.snapshot().nodes.length === n, depth1);
});

test('the Filter box, a tag filter and the Orphans toggle hide nodes', async () => {
  const { page } = app;
  fs.writeFileSync(path.join(app.vaultDir, '孤岛.md'), '# 孤岛\n\nNo links here.\n');
  await page.waitForFunction(() => window.__atlasGraph?.getElementById('孤岛.md').nonempty(), undefined, {
    timeout: 15_000,
  });
  await openGraphView(page);
  await settled('global');
  await controls()
    .getByRole('button', { name: /Graph controls/ })
    .click();
  const all = await visibleIds();
  assert.ok(all.includes('孤岛.md'));

  await controls().getByRole('searchbox', { name: 'Filter' }).fill('chan');
  await page.waitForFunction(
    (n) => window.__atlasGraphs!.global.snapshot().nodes.filter((x) => x.visible).length < n,
    all.length,
  );
  const current = (await snap('global')).nodes.find((n) => n.classes.includes('current'))?.id;
  for (const id of await visibleIds())
    assert.ok(id.toLowerCase().includes('chan') || id === current, `${id} matches "chan" or is the current note`);
  // the view fits what the filter left: every shown node inside the canvas
  await eventually(async () => {
    const s = await snap('global');
    return s.nodes
      .filter((x) => x.visible)
      .every((x) => x.renderedX >= 0 && x.renderedY >= 0 && x.renderedX <= s.width && x.renderedY <= s.height);
  });
  // an alias matches too (互斥锁 is Mutex's)
  await controls().getByRole('searchbox', { name: 'Filter' }).fill('互斥锁');
  await eventually(async () => (await visibleIds()).includes('concepts/Mutex.md'), 10_000, 'Mutex found by its alias');
  await controls().getByRole('searchbox', { name: 'Filter' }).fill('');

  await controls().getByRole('combobox', { name: 'Tag' }).fill('os');
  await page.waitForFunction(
    (n) => window.__atlasGraphs!.global.snapshot().nodes.filter((x) => x.visible).length < n,
    all.length,
  );
  const tagged = await visibleIds();
  assert.ok(tagged.includes('concepts/process and thread.md'), `the #os note stays (${tagged.join(', ')})`);
  for (const id of tagged)
    assert.ok(id === 'concepts/process and thread.md' || id === current, `${id} carries #os or is current`);
  await controls().getByRole('combobox', { name: 'Tag' }).fill('');
  await page.waitForFunction(
    (n) => window.__atlasGraphs!.global.snapshot().nodes.filter((x) => x.visible).length === n,
    all.length,
  );

  await controls().getByRole('checkbox', { name: 'Orphans' }).uncheck();
  await page.waitForFunction(
    () => !window.__atlasGraphs!.global.snapshot().nodes.find((n) => n.id === '孤岛.md')!.visible,
  );
  assert.equal((await visibleIds()).length, all.length - 1, 'only the orphan is hidden');
  await controls().getByRole('checkbox', { name: 'Orphans' }).check();
});

test('a group colours its nodes and appears in the Graph legend with its colour', async () => {
  const { page } = app;
  await controls().getByRole('button', { name: 'New group' }).click();
  await controls().getByRole('textbox', { name: 'Query of group 1' }).fill('tag:#go');
  const colour = await controls().getByLabel('Colour of group 1').inputValue();
  const legend = graph().getByRole('region', { name: 'Graph legend' });
  const item = legend.getByRole('listitem').filter({ hasText: 'Group: tag:#go' });
  await item.waitFor();
  const swatch = await item.locator('.legend-swatch').evaluate((e) => getComputedStyle(e).backgroundColor);
  const rgb = `rgb(${[1, 3, 5].map((i) => Number.parseInt(colour.slice(i, i + 2), 16)).join(', ')})`;
  assert.equal(swatch, rgb, 'the legend swatch has the group colour');
  // A #go note that is neither current, learned nor in a plan is drawn in the group colour.
  await page.waitForFunction((c) => {
    const n = window.__atlasGraphs!.global.snapshot().nodes.find((x) => x.id === 'concepts/Mutex.md');
    return n?.color.replace(/\s/g, '') === c.replace(/\s/g, '');
  }, rgb);
  await controls().getByRole('button', { name: 'Remove group 1' }).click();
});

test('hover highlights a node and its neighbours and fades the rest', async () => {
  const { page } = app;
  const target = 'concepts/Mutex.md';
  const box = await page.getByTestId('graph-canvas-global').boundingBox();
  const n = (await snap('global')).nodes.find((x) => x.id === target)!;
  /** Moves the pointer onto the target node and waits for its highlight. */
  const hoverOver = async () => {
    await page.mouse.move(box!.x + n.renderedX, box!.y + n.renderedY);
    await page.waitForFunction(
      (id) =>
        window
          .__atlasGraphs!.global.snapshot()
          .nodes.find((x) => x.id === id)!
          .classes.includes('hover'),
      target,
    );
  };
  await hoverOver();
  const s = await snap('global');
  const nb = new Set(
    s.edges.filter((e) => e.source === target || e.target === target).flatMap((e) => [e.source, e.target]),
  );
  for (const x of s.nodes) {
    if (!x.visible) continue;
    assert.equal(x.classes.includes('faded'), !nb.has(x.id) && x.id !== target, `${x.id} faded iff not a neighbour`);
  }
  await page.mouse.move(box!.x + 2, box!.y + 2);
  await page.waitForFunction(
    () => !window.__atlasGraphs!.global.snapshot().nodes.some((x) => x.classes.includes('faded')),
  );

  // a filter that hides the hovered node (typed without moving the pointer) ends its highlight: nothing stays faded
  await hoverOver();
  const filter = controls().getByRole('searchbox', { name: 'Filter' });
  await filter.fill('chan');
  await page.waitForFunction(
    () =>
      !window
        .__atlasGraphs!.global.snapshot()
        .nodes.some((x) => x.classes.includes('faded') || x.classes.includes('hover')),
  );
  await filter.fill('');
});

test('saving a note with a new link adds one edge (from the graph delta) and moves no other node', async () => {
  const { page } = app;
  const before = await snap('global');
  const edges = before.edges.length;
  const file = path.join(app.vaultDir, 'concepts', 'process and thread.md');
  fs.appendFileSync(file, '\nThreads also need a [[Mutex]].\n');
  await page.waitForFunction((n) => window.__atlasGraphs!.global.snapshot().edges.length === n + 1, edges, {
    timeout: 15_000,
  });
  const after = await snap('global');
  const apply = await page.evaluate(() => window.__atlasGraphs!.global.lastApply);
  assert.deepEqual(apply, { added: 0, removed: 0, edgesAdded: 1, edgesRemoved: 0 });
  // applied from the graph delta (the saved note's node and links), not by re-fetching and diffing the whole graph
  assert.equal(await page.evaluate(() => window.__atlasGraphs!.global.lastPath), 'delta');
  assert.ok(after.edges.some((e) => e.source === 'concepts/process and thread.md' && e.target === 'concepts/Mutex.md'));
  const was = new Map(before.nodes.map((x) => [x.id, x]));
  for (const x of after.nodes) {
    const b = was.get(x.id);
    if (!b) continue;
    assert.ok(
      Math.hypot(x.x - b.x, x.y - b.y) < 3,
      `${x.id} stayed (moved ${Math.hypot(x.x - b.x, x.y - b.y).toFixed(1)} px)`,
    );
  }
});

test('under a Filter or a tag filter a new note (from the graph delta) stays hidden unless it matches', async () => {
  const { page } = app;
  await openGraphView(page);
  await settled('global');
  const filterBox = controls().getByRole('searchbox', { name: 'Filter' });
  if (!(await filterBox.isVisible()))
    await controls()
      .getByRole('button', { name: /Graph controls/ })
      .click();
  const node = (id: string) =>
    page.evaluate((i) => window.__atlasGraphs!.global.snapshot().nodes.find((n) => n.id === i) ?? null, id);
  /** Writes a new note and waits for the update that drew it (filters included: the hook counts finished updates). */
  const create = async (id: string, text: string) => {
    const was = await page.evaluate(() => window.__atlasGraphs!.global.applies);
    fs.writeFileSync(path.join(app.vaultDir, id), text);
    await page.waitForFunction(
      ([i, n]) =>
        window.__atlasGraph?.getElementById(i as string).nonempty() &&
        window.__atlasGraphs!.global.applies > (n as number),
      [id, was],
      { timeout: 15_000 },
    );
    assert.equal(await page.evaluate(() => window.__atlasGraphs!.global.lastPath), 'delta');
  };

  await filterBox.fill('chan');
  await page.waitForFunction(() =>
    window.__atlasGraphs!.global.snapshot().nodes.some((n) => n.id === 'concepts/Mutex.md' && !n.visible),
  );
  await create('zz filtered out.md', '# zz\n\nUses a [[Mutex]].\n');
  await create('zz channels too.md', '# zz channels\n\nSee [[channel]].\n');
  assert.equal((await node('zz filtered out.md'))?.visible, false, 'hidden: does not match "chan"');
  assert.equal((await node('zz channels too.md'))?.visible, true, 'shown: matches "chan"');
  await filterBox.fill('');
  await page.waitForFunction(
    () => window.__atlasGraphs!.global.snapshot().nodes.find((n) => n.id === 'zz filtered out.md')?.visible,
  );

  await controls().getByRole('combobox', { name: 'Tag' }).fill('os');
  await page.waitForFunction(
    () => !window.__atlasGraphs!.global.snapshot().nodes.find((n) => n.id === 'zz filtered out.md')!.visible,
  );
  await create('zz untagged.md', '# zz untagged\n\nSee [[Mutex]].\n');
  await create('zz tagged.md', '# zz tagged\n\nAbout the #os and [[Mutex]].\n');
  assert.equal((await node('zz untagged.md'))?.visible, false, 'hidden: no #os');
  assert.equal((await node('zz tagged.md'))?.visible, true, 'shown: carries #os');
  await controls().getByRole('combobox', { name: 'Tag' }).fill('');
  await page.waitForFunction(
    () => window.__atlasGraphs!.global.snapshot().nodes.find((n) => n.id === 'zz untagged.md')?.visible,
  );
});

test('a deleted note: its node and its edges go (from the graph delta), no other node moves', async () => {
  const { page } = app;
  const before = await snap('global');
  const id = 'zz filtered out.md';
  const own = before.edges.filter((e) => e.source === id || e.target === id);
  assert.ok(own.length > 0, 'the note to delete has an edge');
  const was = await page.evaluate(() => window.__atlasGraphs!.global.applies);
  fs.rmSync(path.join(app.vaultDir, id));
  await page.waitForFunction(
    ([i, n]) =>
      window.__atlasGraph!.getElementById(i as string).empty() && window.__atlasGraphs!.global.applies > (n as number),
    [id, was],
    { timeout: 15_000 },
  );
  const after = await snap('global');
  assert.equal(await page.evaluate(() => window.__atlasGraphs!.global.lastPath), 'delta');
  assert.deepEqual(await page.evaluate(() => window.__atlasGraphs!.global.lastApply), {
    added: 0,
    removed: 1,
    edgesAdded: 0,
    edgesRemoved: own.length,
  });
  assert.ok(!after.edges.some((e) => e.source === id || e.target === id), 'no edge left at the deleted note');
  assert.equal(after.edges.length, before.edges.length - own.length);
  assert.equal(after.nodes.length, before.nodes.length - 1);
  const at = new Map(before.nodes.map((x) => [x.id, x]));
  for (const x of after.nodes) {
    const b = at.get(x.id)!;
    assert.ok(Math.hypot(x.x - b.x, x.y - b.y) < 3, `${x.id} stayed`);
  }
});

test('keyboard: arrows move between linked notes, Enter opens; the Graph nodes list finds and opens a node', async () => {
  const { page } = app;
  const canvas = page.getByTestId('graph-canvas-global');
  await canvas.focus();
  await page.keyboard.press('Home');
  await page.waitForFunction(() =>
    window.__atlasGraphs!.global.snapshot().nodes.some((n) => n.classes.includes('kbd-focus')),
  );
  const start = (await snap('global')).nodes.find((n) => n.classes.includes('kbd-focus'))!.id;
  let moved = false;
  for (const key of ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp']) {
    await page.keyboard.press(key);
    const now = (await snap('global')).nodes.find((n) => n.classes.includes('kbd-focus'))!.id;
    if (now !== start) {
      moved = true;
      break;
    }
  }
  assert.ok(moved, 'an arrow key moved the focus to a linked note');
  const focused = (await snap('global')).nodes.find((n) => n.classes.includes('kbd-focus'))!;
  await page.keyboard.press('Enter');
  await page
    .getByRole('region', { name: 'Editor' })
    .getByRole('tab', { name: focused.label, exact: true, selected: true })
    .waitFor();

  await openGraphView(page);
  await graph()
    .getByText(/^Nodes \(\d+\)$/)
    .click();
  await graph().getByRole('searchbox', { name: 'Search graph nodes' }).fill('调度');
  const list = graph().getByRole('list', { name: 'Graph nodes' });
  await list.getByRole('button', { name: '调度器', exact: true }).click();
  await page
    .getByRole('region', { name: 'Editor' })
    .getByRole('tab', { name: '调度器', exact: true, selected: true })
    .waitFor();
});

test('positions are kept in the vault and survive a reload', async () => {
  const { page } = app;
  const before = await snap('global');
  const file = path.join(app.vaultDir, '.atlas', 'graph-positions.json');
  // The (debounced) write of the shown picture.
  await eventually(
    () => {
      try {
        const kept = JSON.parse(fs.readFileSync(file, 'utf8')).positions as Record<string, [number, number]>;
        return before.nodes.every((n) => kept[n.id] && Math.hypot(kept[n.id][0] - n.x, kept[n.id][1] - n.y) < 0.5);
      } catch {
        return false;
      }
    },
    15_000,
    'graph-positions.json holds the shown positions',
  );
  await page.reload();
  await page.waitForFunction(() => window.__atlasGraphs?.global?.ready === true, undefined, { timeout: 30_000 });
  const after = await snap('global');
  const runs = await page.evaluate(() => window.__atlasGraphs!.global.layoutRuns);
  assert.equal(runs, 0, 'drawn from kept positions, no layout');
  const was = new Map(before.nodes.map((n) => [n.id, n]));
  for (const n of after.nodes) {
    const b = was.get(n.id);
    assert.ok(b && Math.hypot(n.x - b.x, n.y - b.y) < 0.5, `${n.id} at its kept position`);
  }
});
