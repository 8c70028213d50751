/**
 * The global graph of the sample vault (`vault/`, ~300 nodes with its unresolved links) at the zoom it opens at (#11
 * "Views"): opened on a current note it is centred on that note and highlights it, the current note's label is
 * legible (≥ 13 px on screen) and its neighbours' (≥ 11 px), and no two drawn labels overlap; no two nodes overlap at
 * rest, and a click at a node's drawn position opens that note at once (no wait for a double-click) without moving
 * the view; hover highlights a node and its neighbours and fades the rest, in the light and the dark theme.
 * Assertions read `window.__atlasGraphs.global.snapshot()`; every wait is on a condition.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openGraphView, openNote, startApp, type AtlasApp } from './harness.ts';
import { assertLabelsApart } from './label-boxes.ts';

const CURRENT = 'runtime/netpoller.md';
let app: AtlasApp;
/** The vault's notes: the graph is complete once it draws them all. */
let notes = 0;

type Node = {
  id: string;
  label: string;
  renderedX: number;
  renderedY: number;
  classes: string[];
  visible: boolean;
  opacity: number;
  labelPx?: number;
  labelBox?: { x1: number; y1: number; x2: number; y2: number } | null;
};
type Snap = {
  nodes: Node[];
  edges: { source: string; target: string; type: string; classes: string[]; color: string; visible: boolean }[];
  zoom: number;
  pan: { x: number; y: number };
  width: number;
  height: number;
};
const snap = (labels = false) =>
  app.page.evaluate((l) => window.__atlasGraphs!.global.snapshot({ labels: l }), labels) as unknown as Promise<Snap>;

/**
 * Waits until the global graph is laid out, no label pick is pending and its viewport, positions and classes hold
 * over three polls (labels are picked in the frame after a change; on a loaded machine that frame can come late).
 */
async function settled() {
  await app.page.waitForFunction(
    (notes) => {
      const h = window.__atlasGraphs?.global;
      const w = window as unknown as { __globalKey?: { key: string; same: number } };
      if (!h?.ready || h.layoutPending) return false;
      const s = h.snapshot();
      if (s.labelsPending || s.nodes.filter((n) => n.id.endsWith('.md')).length < notes) return false;
      const key = JSON.stringify([
        s.zoom,
        s.pan,
        s.nodes.map((n) => [n.id, n.classes.join(' '), Math.round(n.renderedX), Math.round(n.renderedY)]),
      ]);
      if (w.__globalKey?.key === key) w.__globalKey.same++;
      else w.__globalKey = { key, same: 0 };
      return w.__globalKey.same >= 3;
    },
    notes,
    { timeout: 120_000, polling: 200 },
  );
}

/**
 * Asserts that every element's cached bounding box (what drawing and hit tests read) equals one computed afresh,
 * after two frames have applied and drawn the latest style changes: Cytoscape's style triggers (batched in
 * style-triggers.ts) dirtied each changed element's box and its edges' (a node that grew moves its edges' ends).
 * Within 1.5 px: Cytoscape itself leaves an edge's box up to about a border width stale when only its end node's
 * border changes (hover), with or without the batching.
 */
async function assertBoxesFresh() {
  const stale = await app.page.evaluate(async () => {
    const frame = () => new Promise((r) => requestAnimationFrame(r));
    await frame();
    await frame();
    const cy = window.__atlasGraph!;
    const box = (e: { boundingBox(): { x1: number; y1: number; x2: number; y2: number } }) => {
      const b = e.boundingBox();
      return [b.x1, b.y1, b.x2, b.y2];
    };
    const cached = cy.elements().map((e) => box(e));
    (cy.elements() as unknown as { dirtyBoundingBoxCache(): void }).dirtyBoundingBoxCache();
    return cy
      .elements()
      .map((e, i) => [e.id(), cached[i], box(e)] as const)
      .filter(([, a, b]) => a!.some((v, k) => Math.abs(v - b[k]!) > 1.5))
      .slice(0, 5)
      .map(([id, a, b]) => `${id}: ${a!.map((v) => v.toFixed(1))} vs ${b.map((v) => v.toFixed(1))}`);
  });
  assert.deepEqual(stale, [], 'cached boxes equal fresh ones');
}

/** The node ids linked to `id` (either direction). */
/** Sets the global graph's double-click window (Cytoscape's multiClickDebounceTime), ms. */
const setDoubleClickMs = (ms: number) =>
  app.page.evaluate((ms) => {
    (window.__atlasGraph as unknown as { multiClickDebounceTime(ms: number): void }).multiClickDebounceTime(ms);
  }, ms);

const neighboursOf = (s: Snap, id: string) =>
  new Set(
    s.edges
      .filter((e) => e.source === id || e.target === id)
      .flatMap((e) => [e.source, e.target])
      .filter((x) => x !== id),
  );

before(async () => {
  app = await startApp({ vault: 'vault', colorScheme: 'light', viewport: { width: 1440, height: 900 } });
  notes = fs
    .readdirSync(app.vaultDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md') && !f.split(path.sep).some((part) => part.startsWith('.'))).length;
  await openNote(app.page, 'netpoller', 120_000);
  await openGraphView(app.page);
  await settled();
});
after(async () => {
  await app?.close();
});

test('opened on a note: centred on it, highlighted, its and its neighbours’ labels legible and apart', async () => {
  const s = await snap(true);
  assert.ok(notes > 140 && s.nodes.length >= notes, `the sample vault's graph (${s.nodes.length} nodes)`);
  const cur = s.nodes.find((n) => n.id === CURRENT)!;
  assert.ok(cur.classes.includes('current'), 'the current note is highlighted');
  assert.ok(
    Math.abs(cur.renderedX - s.width / 2) < 4 && Math.abs(cur.renderedY - s.height / 2) < 4,
    `the current note is centred (${cur.renderedX.toFixed(0)},${cur.renderedY.toFixed(0)} in ${s.width}×${s.height})`,
  );
  assert.ok(cur.labelPx! >= 12.9, `the current note's label is ${cur.labelPx!.toFixed(1)} px on screen`);
  const near = neighboursOf(s, CURRENT);
  const labelled = s.nodes.filter((n) => n.labelBox);
  const nearLabelled = labelled.filter((n) => near.has(n.id));
  assert.ok(nearLabelled.length >= 6, `neighbours labelled: ${nearLabelled.length} of ${near.size}`);
  for (const n of nearLabelled) assert.ok(n.labelPx! >= 10.9, `${n.id}: label ${n.labelPx!.toFixed(1)} px on screen`);
  assertLabelsApart(labelled);
});

test('no two nodes overlap at rest at the zoom the graph opens at', async () => {
  const circles = await app.page.evaluate(() =>
    window
      .__atlasGraph!.nodes(':visible')
      .map((n) => ({ id: n.id(), ...n.renderedPosition(), r: n.renderedOuterWidth() / 2 })),
  );
  assert.ok(circles.length > 140);
  for (const [i, a] of circles.entries()) {
    for (const b of circles.slice(i + 1)) {
      const d = Math.hypot(a.x - b.x, a.y - b.y);
      assert.ok(d > a.r + b.r, `${a.id} and ${b.id} overlap: ${d.toFixed(1)} px apart, radii ${a.r}+${b.r}`);
    }
  }
});

test('a click at a node’s drawn position opens that note at once; back on the graph, the view has not moved', async () => {
  const { page } = app;
  // A double-click window of 10 min: a click that waited for it (Cytoscape's `onetap`) would never open in time.
  await setDoubleClickMs(600_000);
  const box = (await page.getByTestId('graph-canvas-global').boundingBox())!;
  const s = await snap();
  // Notes drawn well inside the canvas (clear of its edges and of the Fit button).
  const candidates = s.nodes
    .filter(
      (n) =>
        n.visible &&
        n.id.endsWith('.md') &&
        n.id !== CURRENT &&
        n.renderedX > 30 &&
        n.renderedX < s.width - 30 &&
        n.renderedY > 60 &&
        n.renderedY < s.height - 30,
    )
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const picks = [candidates[0], candidates[Math.floor(candidates.length / 2)], candidates.at(-1)!];
  for (const n of picks) {
    await page.mouse.click(box.x + n.renderedX, box.y + n.renderedY);
    await page
      .getByRole('region', { name: 'Editor' })
      .getByRole('tab', { name: n.label, exact: true, selected: true })
      .waitFor({ timeout: 30_000 });
    await openGraphView(page);
    await page.waitForFunction(
      (id) =>
        window
          .__atlasGraphs!.global.snapshot()
          .nodes.find((x) => x.id === id)
          ?.classes.includes('current'),
      n.id,
      { timeout: 30_000 },
    );
    await settled();
    const after = await snap();
    assert.deepEqual([after.zoom, after.pan], [s.zoom, s.pan], `opening ${n.id} from the graph did not move the view`);
  }
  await setDoubleClickMs(250);
  await page.mouse.move(box.x + 2, box.y + box.height - 2);
});

/** Hovers node `id` and checks the highlight: it and its neighbours drawn opaque, every other node faded. */
async function checkHover(id: string) {
  const { page } = app;
  const box = (await page.getByTestId('graph-canvas-global').boundingBox())!;
  const n = (await snap()).nodes.find((x) => x.id === id)!;
  await page.mouse.move(box.x + n.renderedX, box.y + n.renderedY);
  await page.waitForFunction(
    (id) =>
      window
        .__atlasGraphs!.global.snapshot()
        .nodes.find((x) => x.id === id)!
        .classes.includes('hover'),
    id,
  );
  const s = await snap();
  const near = neighboursOf(s, id);
  let faded = 0;
  for (const x of s.nodes) {
    if (!x.visible) continue;
    const lit = x.id === id || near.has(x.id);
    assert.equal(x.classes.includes('faded'), !lit, `${x.id} faded iff not a neighbour`);
    if (lit) assert.equal(x.opacity, 1, `${x.id} (hovered or a neighbour) is drawn opaque`);
    else {
      assert.ok(x.opacity <= 0.2, `${x.id} is drawn faded (opacity ${x.opacity})`);
      faded++;
    }
  }
  assert.ok(faded > 100, `most of the graph fades (${faded} nodes)`);
  await page.mouse.move(box.x + 2, box.y + box.height - 2);
  await page.waitForFunction(
    () => !window.__atlasGraphs!.global.snapshot().nodes.some((x) => x.classes.includes('faded')),
  );
}

test('hover highlights a node and its neighbours and fades the rest, in the light and the dark theme', async () => {
  const { page } = app;
  const s = await snap();
  // a hub drawn inside the canvas (not the home note, linked to nearly every note)
  const hub = s.nodes
    .filter(
      (n) =>
        n.visible &&
        n.renderedX > 30 &&
        n.renderedX < s.width - 30 &&
        n.renderedY > 60 &&
        neighboursOf(s, n.id).size <= 40,
    )
    .sort((a, b) => neighboursOf(s, b.id).size - neighboursOf(s, a.id).size)[0];
  const plainEdge = async () =>
    (await snap()).edges.find((e) => e.type === 'link' && e.classes.length === 0)?.color.replace(/\s/g, '');
  // the pointer left where the last test clicked may still hover a node (every edge then has a class): move it off
  // the page and wait for the graph to show no hover
  await page.mouse.move(0, 0);
  await page.waitForFunction(
    () => !window.__atlasGraphs!.global.snapshot().nodes.some((x) => x.classes.includes('faded')),
  );
  assert.equal(await plainEdge(), 'rgb(195,200,207)', 'light theme');
  await checkHover(hub.id);
  await assertBoxesFresh();
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForFunction(
    () =>
      window
        .__atlasGraphs!.global.snapshot()
        .edges.find((e) => e.type === 'link' && e.classes.length === 0)
        ?.color.replace(/\s/g, '') === 'rgb(74,79,87)',
    null,
    { timeout: 15_000 },
  );
  await checkHover(hub.id);
  await page.emulateMedia({ colorScheme: 'light' });
});

test('a note that gains many links grows and steps out of its neighbours’ way: still no two nodes overlap', async () => {
  const { page } = app;
  type Circle = { id: string; x: number; y: number; r: number; degree: number };
  const circles = () =>
    page.evaluate(() =>
      window.__atlasGraph!.nodes().map((n) => ({
        id: n.id(),
        ...n.position(),
        r: (n.data('size') as number) / 2,
        degree: n.degree(false),
      })),
    ) as Promise<Circle[]>;
  const all = await circles();
  const notesNow = all.filter((c) => c.id.endsWith('.md') && !c.id.includes('/.'));
  // a note with few links, moved (as a drag would) right against its nearest node: any growth makes them overlap
  const leaf = [...notesNow].sort((a, b) => a.degree - b.degree || a.id.localeCompare(b.id))[0];
  assert.ok(leaf.degree <= 12 && leaf.r < 14, `a note with few links (${leaf.id}: ${leaf.degree})`);
  const near = all
    .filter((c) => c.id !== leaf.id)
    .sort((a, b) => Math.hypot(a.x - leaf.x, a.y - leaf.y) - Math.hypot(b.x - leaf.x, b.y - leaf.y))[0];
  const d = Math.hypot(leaf.x - near.x, leaf.y - near.y) || 1;
  const gap = near.r + leaf.r + 1;
  const to = { x: near.x + ((leaf.x - near.x) / d) * gap, y: near.y + ((leaf.y - near.y) / d) * gap };
  await page.evaluate(
    ([id, p]) => window.__atlasGraph!.getElementById(id as string).position(p as never),
    [leaf.id, to],
  );
  const targets = notesNow
    .filter((c) => c.id !== leaf.id)
    .map((c) => path.basename(c.id, '.md'))
    .filter((b, i, list) => list.indexOf(b) === i)
    .slice(0, 60);
  const applies = await page.evaluate(() => window.__atlasGraphs!.global.applies);
  fs.appendFileSync(path.join(app.vaultDir, leaf.id), `\n\nSee also ${targets.map((t) => `[[${t}]]`).join(', ')}.\n`);
  await page.waitForFunction(
    ([id, r, n]) => {
      const h = window.__atlasGraphs!.global;
      const node = window.__atlasGraph!.getElementById(id as string);
      return (node.data('size') as number) / 2 > (r as number) + 3 && h.applies > (n as number) && !h.layoutPending;
    },
    [leaf.id, leaf.r, applies],
    { timeout: 30_000, polling: 100 },
  );
  const after = await circles();
  const grown = after.find((c) => c.id === leaf.id)!;
  for (const [i, a] of after.entries()) {
    for (const b of after.slice(i + 1)) {
      const dist = Math.hypot(a.x - b.x, a.y - b.y);
      assert.ok(dist >= a.r + b.r, `${a.id} and ${b.id} overlap: ${dist.toFixed(1)} px apart, radii ${a.r}+${b.r}`);
    }
  }
  assert.ok(
    Math.hypot(grown.x - to.x, grown.y - to.y) <= 40,
    `the grown note moved ${Math.hypot(grown.x - to.x, grown.y - to.y).toFixed(1)} px`,
  );
  await assertBoxesFresh();
});

test('drawing the graph, shown or in a background tab, raises no page error', () => {
  // the global graph's tab was hidden while the notes opened (its canvas 0 px wide): drawing it threw in drawImage
  assert.deepEqual(app.pageErrors, []);
});
