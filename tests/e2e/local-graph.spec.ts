/**
 * The local graph in the right sidebar (#11) on the sample vault (`vault/`), whose hubs crowd a ~264 px pane: the
 * hub "goroutine" is drawn centred and highlighted, its labels are legible (≥ 11 px on screen) and never overlap, at
 * depth 2 only the current note and its neighbours carry labels; the Incoming / Outgoing / Neighbour links toggles
 * change what is drawn; double-click adds a node's neighbours in place. Assertions read
 * `window.__atlasGraphs.local.snapshot()`; every wait is on a condition.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { callApiFromPage, eventually, openNote, startApp, type AtlasApp } from './harness.ts';
import { assertLabelsApart } from './label-boxes.ts';

const HUB = 'concurrency/goroutine.md';
let app: AtlasApp;
before(async () => {
  app = await startApp({ vault: 'vault', viewport: { width: 1440, height: 900 } });
  // the specs read the hub's whole neighbourhood: wait for the first index pass to end (a local graph drawn from a
  // half-built index has fewer nodes and moves as the rest arrives: CI's 'a crowded hub (19 nodes)')
  await eventually(
    async () => {
      const { body } = await callApiFromPage(app.page, app.token, 'indexStatus', []);
      const s = (body as { result?: { state?: string; lastIndexMs?: number } }).result;
      return s?.state === 'idle' && s.lastIndexMs !== undefined;
    },
    120_000,
    'the first index pass',
  );
});
after(async () => {
  await app?.close();
});

type Node = {
  id: string;
  x: number;
  y: number;
  renderedX: number;
  renderedY: number;
  size: number;
  classes: string[];
  visible: boolean;
  labelPx?: number;
  labelBox?: { x1: number; y1: number; x2: number; y2: number } | null;
};
type Snap = { nodes: Node[]; edges: { source: string; target: string }[]; width: number; height: number };
/** The local graph with its label boxes, taken in a frame where no label pick is pending (a late move re-picks). */
const snap = () =>
  app.page
    .waitForFunction(() => {
      const s = window.__atlasGraphs!.local.snapshot({ labels: true });
      return s.labelsPending ? false : s;
    })
    .then((h) => h.jsonValue()) as unknown as Promise<Snap>;
const local = () => app.page.getByRole('region', { name: 'Local graph' });
const runs = () => app.page.evaluate(() => window.__atlasGraphs?.local?.layoutRuns ?? 0);

/**
 * Waits for the local graph of `id` after more than `after` layouts: laid out, no label pick pending, and its label
 * classes, node positions and viewport unchanged over three polls (the labels are picked one frame after the view
 * moves; on a loaded machine that frame can come late).
 */
async function settledOn(id: string, after: number) {
  await app.page.waitForFunction(
    ([id, after]) => {
      const h = window.__atlasGraphs?.local;
      const w = window as unknown as { __localKey?: { key: string; same: number } };
      if (!h?.ready || h.layoutPending || h.layoutRuns <= after) return false;
      const s = h.snapshot();
      if (s.labelsPending || !s.nodes.some((n) => n.id === id && n.classes.includes('current'))) return false;
      const key = JSON.stringify([
        s.zoom,
        s.pan,
        s.edges.length,
        s.nodes.map((n) => [n.id, n.classes.join(' '), Math.round(n.x), Math.round(n.y)]),
      ]);
      if (w.__localKey?.key === key) w.__localKey.same++;
      else w.__localKey = { key, same: 0 };
      return w.__localKey.same >= 3;
    },
    [id, after] as const,
    { timeout: 120_000, polling: 200 },
  );
}

/** No two visible nodes overlap (model circles of diameter `size`, as the layout keeps them apart at rest, #11). */
function assertNodesApart(s: Snap) {
  const shown = s.nodes.filter((n) => n.visible);
  for (const [i, a] of shown.entries()) {
    for (const b of shown.slice(i + 1)) {
      const d = Math.hypot(a.x - b.x, a.y - b.y);
      const r = (a.size + b.size) / 2;
      assert.ok(d >= r - 0.5, `${a.id} and ${b.id} overlap: ${d.toFixed(1)} model px apart, radii sum ${r}`);
    }
  }
}

function assertReadable(s: Snap, depth: number) {
  assertNodesApart(s);
  const cur = s.nodes.find((n) => n.id === HUB)!;
  assert.ok(
    Math.abs(cur.renderedX - s.width / 2) < 4 && Math.abs(cur.renderedY - s.height / 2) < 4,
    `the current note is centred (${cur.renderedX.toFixed(0)},${cur.renderedY.toFixed(0)} in ${s.width}×${s.height})`,
  );
  const labelled = s.nodes.filter((n) => n.labelBox);
  assert.ok(
    labelled.some((n) => n.id === HUB),
    'the current note is labelled',
  );
  assert.ok(labelled.length >= 8, `a good share of the neighbours is labelled (${labelled.length})`);
  const near = new Set(
    s.edges.filter((e) => e.source === HUB || e.target === HUB).flatMap((e) => [e.source, e.target]),
  );
  for (const n of labelled) {
    assert.ok(n.labelPx! >= 10.9, `${n.id}: label ${n.labelPx!.toFixed(1)} px on screen`);
    if (depth >= 2) assert.ok(near.has(n.id), `${n.id} is labelled but not a neighbour of the current note`);
  }
  assertLabelsApart(labelled);
  const far = s.nodes.filter((n) => n.id !== HUB && !near.has(n.id));
  for (const n of far) assert.ok(n.classes.includes('far'), `${n.id} (depth ≥ 2) is drawn faint`);
}

test('the local graph of a hub is readable at depth 1 and 2: centred, legible labels that never overlap', async () => {
  const before = await runs();
  await openNote(app.page, 'goroutine', 60_000);
  await settledOn(HUB, before);
  const d1 = await snap();
  assertReadable(d1, 1);
  assert.ok(d1.nodes.length > 40, `a crowded hub (${d1.nodes.length} nodes)`);
  assert.ok(
    d1.nodes.some((n) => !n.labelBox),
    'labels that do not fit are left out (shown on hover)',
  );

  const r = await runs();
  await local().getByRole('slider', { name: 'Depth' }).fill('2');
  await settledOn(HUB, r);
  const d2 = await snap();
  assert.ok(d2.nodes.length > d1.nodes.length, 'depth 2 shows more notes');
  assertReadable(d2, 2);

  // Hover on an unlabelled node shows its label.
  const hidden = d2.nodes.find((n) => !n.labelBox && n.visible && n.classes.includes('far'))!;
  const box = (await app.page.getByTestId('graph-canvas-local').boundingBox())!;
  await app.page.mouse.move(box.x + hidden.renderedX, box.y + hidden.renderedY);
  await app.page.waitForFunction((id) => {
    const n = window.__atlasGraphs!.local.snapshot({ labels: true }).nodes.find((x) => x.id === id);
    return n?.classes.includes('hover') && !!n.labelBox;
  }, hidden.id);
  await app.page.mouse.move(box.x + 2, box.y + 2);
  await local().getByRole('slider', { name: 'Depth' }).fill('1');
  await app.page.waitForFunction((n) => window.__atlasGraphs!.local.snapshot().nodes.length === n, d1.nodes.length);
});

test('the Incoming, Outgoing and Neighbour links toggles change what the local graph draws', async () => {
  const { page } = app;
  /** The local graph's node ids and edge count as the API answers them for these toggles. */
  const expected = async (opts: { incoming: boolean; outgoing: boolean; neighbourLinks: boolean }) => {
    const res = await callApiFromPage(page, app.token, 'neighbourhood', [HUB, 1, opts]);
    const g = (res.body as { result: { nodes: { id: string }[]; edges: unknown[] } }).result;
    return { ids: g.nodes.map((n) => n.id).sort(), edges: g.edges.length };
  };
  const drawn = (want: { ids: string[] }) =>
    page.waitForFunction(
      (ids) => {
        const s = window.__atlasGraphs!.local.snapshot();
        return JSON.stringify(s.nodes.map((n) => n.id).sort()) === JSON.stringify(ids);
      },
      want.ids,
      { timeout: 30_000 },
    );
  const all = await expected({ incoming: true, outgoing: true, neighbourLinks: true });
  await drawn(all);

  const box = (name: string) => local().getByRole('checkbox', { name });
  await box('Incoming').uncheck();
  const noIn = await expected({ incoming: false, outgoing: true, neighbourLinks: true });
  assert.ok(noIn.ids.length < all.ids.length, 'some notes only link to the hub');
  await drawn(noIn);
  await box('Incoming').check();
  await box('Outgoing').uncheck();
  const noOut = await expected({ incoming: true, outgoing: false, neighbourLinks: true });
  assert.ok(noOut.ids.length < all.ids.length, 'the hub links to some notes that do not link back');
  await drawn(noOut);
  await box('Outgoing').check();
  await drawn(all);

  await box('Neighbour links').uncheck();
  const fewer = await expected({ incoming: true, outgoing: true, neighbourLinks: false });
  assert.ok(fewer.edges < all.edges, 'neighbours link to one another');
  await page.waitForFunction(
    (hub) => window.__atlasGraphs!.local.snapshot().edges.every((e) => e.source === hub || e.target === hub),
    HUB,
    { timeout: 30_000 },
  );
  await box('Neighbour links').check();
  await page.waitForFunction(
    (hub) => window.__atlasGraphs!.local.snapshot().edges.some((e) => e.source !== hub && e.target !== hub),
    HUB,
    { timeout: 30_000 },
  );
});

test("double-click adds a node's neighbours in place", async () => {
  const { page } = app;
  const before = await snap();
  const have = new Set(before.nodes.map((n) => n.id));
  // A neighbour whose own neighbourhood brings a few new notes (asked from the API, as the view does).
  const opts = { incoming: true, outgoing: true, neighbourLinks: true };
  let pick: { id: string; fresh: string[] } | null = null;
  for (const n of before.nodes) {
    if (n.id === HUB) continue;
    const res = await callApiFromPage(page, app.token, 'neighbourhood', [n.id, 1, opts]);
    const fresh = (res.body as { result: { nodes: { id: string }[] } }).result.nodes
      .map((x) => x.id)
      .filter((id) => !have.has(id));
    if (fresh.length >= 1 && fresh.length <= 5) {
      pick = { id: n.id, fresh };
      break;
    }
  }
  assert.ok(pick, 'a neighbour with a few notes of its own');
  const target = before.nodes.find((n) => n.id === pick.id)!;
  const box = (await page.getByTestId('graph-canvas-local').boundingBox())!;
  await page.mouse.dblclick(box.x + target.renderedX, box.y + target.renderedY);
  await page.waitForFunction(
    (ids) => ids.every((id) => window.__atlasGraphs!.local.snapshot().nodes.some((n) => n.id === id)),
    pick.fresh,
    { timeout: 30_000 },
  );
  const after = await snap();
  const was = new Map(before.nodes.map((n) => [n.id, n]));
  for (const n of after.nodes) {
    const b = was.get(n.id);
    if (!b) continue;
    assert.ok(Math.hypot(n.x - b.x, n.y - b.y) < 3, `${n.id} stayed in place`);
  }
  // The double-click also opened the note (a tap first): back to the hub for the next tests.
  await openNote(page, 'goroutine', 60_000);
});

test('below the local graph: its legend explains the colours drawn, and the Graph nodes list opens a node', async () => {
  const { page } = app;
  await local()
    .getByText(/^Legend and nodes \(\d+\)$/)
    .click();
  const legend = local().getByRole('region', { name: 'Local graph legend' });
  for (const text of ['Current note', 'Folder: concurrency', 'Link of the current note', 'Link'])
    await legend
      .getByRole('listitem')
      .filter({ hasText: new RegExp(`^${text}$`) })
      .waitFor();
  // Every folder colour drawn has its legend entry.
  const groups = await legend
    .getByRole('listitem')
    .filter({ hasText: /^Folder: / })
    .allTextContents();
  const folders = new Set(
    (await snap()).nodes
      .filter((n) => n.visible)
      .map((n) => n.id.split('/')[0])
      .filter((f) => !f.endsWith('.md')),
  );
  for (const f of folders)
    assert.ok(groups.includes(`Folder: ${f}`), `folder ${f} is in the legend (${groups.join(', ')})`);

  await local().getByRole('searchbox', { name: 'Search graph nodes' }).fill('leak');
  await local()
    .getByRole('list', { name: 'Graph nodes' })
    .getByRole('button', { name: 'goroutine leak', exact: true })
    .click();
  await page
    .getByRole('region', { name: 'Editor' })
    .getByRole('tab', { name: 'goroutine leak', selected: true })
    .waitFor();
});
