/**
 * A large global graph drawn in slices (renderer/src/graph/progressive-draw.ts): the picture on the node canvas is
 * completed, shows the nodes where Cytoscape puts them, follows a pan (moved at once, then redrawn exactly at the
 * new viewport) and a hover (redrawn with the highlight). On a generated vault of 300 notes (~1,500 elements, above
 * PROGRESSIVE_ABOVE). Reads the node layer's pixels (`canvas[data-id="layer2-node"]`) at nodes' rendered positions.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type cytoscape from 'cytoscape';
import { generatedVault, waitGraphDrawn, waitIndexedAndKept } from './graph-bench-steps.ts';
import { eventually, startApp, type AtlasApp } from './harness.ts';

let app: AtlasApp;
let vault: string;
before(async () => {
  vault = generatedVault('e2e-progressive', 300);
  app = await startApp({ vault, viewport: { width: 1400, height: 900 } });
  await waitGraphDrawn(app.page);
  await waitIndexedAndKept(app, 300_000);
});
after(async () => {
  await app?.close();
  if (vault) fs.rmSync(path.dirname(vault), { recursive: true, force: true });
});

type Progress = { partial: boolean; slicedFrames: number; pictures: number };
const progress = () =>
  app.page.evaluate(() => window.__atlasGraphs!.global.progressive ?? null) as Promise<Progress | null>;

/*
 * Every evaluate below returns plain data or nothing: an arrow returning Cytoscape's core or a collection (`panBy`,
 * `emit` chain) makes Playwright serialise the whole graph's object tree, which ran the page out of memory.
 */

/** Ends the hover the way Cytoscape would (a `mouseout` on the hovered node). */
async function endHover(): Promise<void> {
  await app.page.evaluate(() => {
    window.__atlasGraph!.nodes('.hover').emit('mouseout');
  });
}

/** Waits until the shown picture is complete (two frames in a row not partial), returns the state. */
async function complete(): Promise<Progress> {
  return eventually<Progress | null>(
    async () => {
      const a = await progress();
      await app.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const b = await progress();
      return a && b && !a.partial && !b.partial && a.pictures === b.pictures ? b : null;
    },
    180_000,
    'a complete picture',
  ) as Promise<Progress>;
}

/**
 * Opaque pixels of the node canvas in a 7×7 px square around each of the `n` largest visible notes (filled discs:
 * unresolved links are drawn hollow and tags half transparent, so only notes are sampled).
 */
async function inkAtNodes(n: number): Promise<{ id: string; ink: number }[]> {
  return app.page.evaluate((count) => {
    const cy = window.__atlasGraph!;
    const canvas = cy.container()!.querySelector('canvas[data-id="layer2-node"]') as HTMLCanvasElement;
    const ctx = canvas.getContext('2d')!;
    const ratio = canvas.width / cy.width();
    const nodes = cy
      .nodes('[kind = "note"]:visible')
      .toArray()
      .map((v) => v as cytoscape.NodeSingular)
      .sort((a, b) => (b.data('size') as number) - (a.data('size') as number))
      .filter((v) => {
        const p = v.renderedPosition();
        return p.x > 20 && p.y > 20 && p.x < cy.width() - 20 && p.y < cy.height() - 20;
      })
      .slice(0, count);
    return nodes.map((v) => {
      const p = v.renderedPosition();
      const px = ctx.getImageData(Math.round(p.x * ratio) - 3, Math.round(p.y * ratio) - 3, 7, 7).data;
      let ink = 0;
      for (let i = 3; i < px.length; i += 4) if (px[i] > 128) ink++;
      return { id: v.id(), ink };
    });
  }, n);
}

test('a large graph is drawn in slices into a complete picture with every node where Cytoscape puts it', async () => {
  const first = await complete();
  assert.equal(
    await app.page.evaluate(() => window.__atlasGraph!.elements().length > 400),
    true,
    'the vault draws more elements than PROGRESSIVE_ABOVE',
  );
  assert.ok(first.pictures >= 1 && first.slicedFrames >= 1, JSON.stringify(first));
  // zoom 1 (every node at least 8 px wide on screen) around the note whose 12 nearest notes are closest, so that at
  // least 12 notes are in view whatever the layout's spread
  const spread = await app.page.evaluate(() => {
    const cy = window.__atlasGraph!;
    const notes = cy.nodes('[kind = "note"]:visible').map((v) => v.position());
    let best = { at: notes[0], r: Number.POSITIVE_INFINITY };
    for (const p of notes) {
      const d = notes.map((q) => Math.hypot(q.x - p.x, q.y - p.y)).sort((a, b) => a - b);
      if (d[12] < best.r) best = { at: p, r: d[12] };
    }
    cy.zoom(1);
    cy.pan({ x: cy.width() / 2 - best.at.x, y: cy.height() / 2 - best.at.y });
    return { r: best.r, half: Math.min(cy.width(), cy.height()) / 2 - 20 };
  });
  assert.ok(spread.r < spread.half, `12 notes within ${spread.half} px of a note: ${JSON.stringify(spread)}`);
  const state = await complete();
  assert.ok(state.pictures > first.pictures, 'a new picture was drawn for the new zoom');
  const ink = await inkAtNodes(12);
  assert.equal(ink.length, 12);
  for (const n of ink) assert.ok(n.ink >= 20, `node ${n.id} drawn at its rendered position (${n.ink} of 49 px)`);
});

test('after a pan the picture follows at once and is redrawn exactly at the new viewport', async () => {
  const before = await complete();
  await app.page.evaluate(() => {
    window.__atlasGraph!.panBy({ x: 140, y: 90 });
  });
  const after = await complete();
  assert.ok(after.pictures > before.pictures, 'a new picture was drawn for the new viewport');
  for (const n of await inkAtNodes(12)) assert.ok(n.ink >= 20, `node ${n.id} drawn after the pan (${n.ink} of 49 px)`);
});

test('a hover changes the drawn picture (a class change draws a new one)', async () => {
  const before = await complete();
  const hub = await app.page.evaluate(() => {
    const cy = window.__atlasGraph!;
    const n = cy.nodes(':visible').max((v) => v.data('size') as number).ele;
    n.emit('mouseover');
    return n.id();
  });
  const after = await complete();
  assert.ok(after.pictures > before.pictures, `hovering ${hub} drew a new picture`);
  await endHover();
  await complete();
});

test('pointer hits go through the spatial index and find what testing every element finds', async () => {
  // a real mouse over a node: Cytoscape's hover test, through the index (hit-index.ts). The hub is centred first:
  // where the layout put it depends on the machine's speed, and after the pans above it may be out of view.
  const hubId = await app.page.evaluate(() => {
    const cy = window.__atlasGraph!;
    const n = cy.nodes(':visible').max((v) => v.data('size') as number).ele;
    cy.center(n);
    return n.id();
  });
  await complete();
  const hubAt = () =>
    app.page.evaluate((id) => {
      const cy = window.__atlasGraph!;
      const box = cy.container()!.getBoundingClientRect();
      const p = cy.getElementById(id).renderedPosition();
      const x = box.left + p.x;
      const y = box.top + p.y;
      return { x, y, canvas: document.elementFromPoint(x, y)?.tagName ?? null };
    }, hubId);
  const at = await hubAt();
  assert.equal(at.canvas, 'CANVAS', `the centred hub ${hubId} is on the graph's canvas: ${JSON.stringify(at)}`);
  await eventually(
    async () => {
      // each try is a fresh approach from beside the node (a move that lands while the index is rebuilt still counts)
      const p = await hubAt();
      await app.page.mouse.move(p.x - 200, p.y - 120);
      await app.page.mouse.move(p.x, p.y, { steps: 4 });
      return app.page.evaluate(() => window.__atlasGraph!.nodes('.hover').nonempty());
    },
    60_000,
    `a node under the mouse (at ${hubId}) is hovered`,
  );
  const hits = await app.page.evaluate(() => window.__atlasGraphs!.global.hits);
  assert.ok(hits && hits.builds >= 1 && hits.queries >= 1, `the index answered: ${JSON.stringify(hits)}`);
  // out of the window: Cytoscape sends no mouseout for a pointer that leaves its container, so the hover ends here
  await app.page.mouse.move(5, 5);
  await endHover();
  // node centres and borders, edge midpoints and points beside them, a grid of the view: the same answer as
  // Cytoscape's own test of every element (its prototype's findNearestElements), in model coordinates
  const diff = await app.page.evaluate(() => {
    const cy = window.__atlasGraph!;
    type R = {
      findNearestElements(x: number, y: number, i: boolean, t: boolean): cytoscape.SingularElementReturnValue[];
    };
    const r = (cy as unknown as { renderer(): R }).renderer();
    const linear = Object.getPrototypeOf(r).findNearestElements as R['findNearestElements'];
    const pts: [number, number][] = [];
    cy.nodes(':visible')
      .slice(0, 60)
      .forEach((n) => {
        const p = n.position();
        const w = n.outerWidth() / 2;
        pts.push([p.x, p.y], [p.x + w, p.y], [p.x, p.y - w - 1], [p.x + w + 3, p.y + w + 3]);
      });
    cy.edges(':visible')
      .slice(0, 60)
      .forEach((e) => {
        const m = e.midpoint();
        pts.push([m.x, m.y], [m.x + 2, m.y - 2], [m.x + 9, m.y + 9]);
      });
    const ext = cy.extent();
    for (let i = 0; i <= 12; i++)
      for (let j = 0; j <= 12; j++) pts.push([ext.x1 + (ext.w * i) / 12, ext.y1 + (ext.h * j) / 12]);
    const bad: string[] = [];
    let found = 0;
    for (const [x, y] of pts)
      for (const touch of [false, true]) {
        const a = r.findNearestElements(x, y, true, touch).map((e) => e.id());
        const b = linear.call(r, x, y, true, touch).map((e) => e.id());
        if (b.length) found++;
        if (JSON.stringify(a) !== JSON.stringify(b)) bad.push(`(${x}, ${y}, touch ${touch}): ${a} vs ${b}`);
      }
    return { points: pts.length, found, bad: bad.slice(0, 5) };
  });
  assert.ok(diff.points > 300 && diff.found > 100, `points tested with something under them: ${JSON.stringify(diff)}`);
  assert.deepEqual(diff.bad, [], 'the index answers as the linear test');
});

test('the drawing order sorted by keys is Cytoscape’s z-order, with and without a hover’s z-index', async () => {
  const orders = await app.page.evaluate(() => {
    const cy = window.__atlasGraph!;
    type R = { getCachedZSortedEles(force?: boolean): cytoscape.SingularElementReturnValue[] };
    const r = (cy as unknown as { renderer(): R }).renderer();
    const own = Object.getPrototypeOf(r).getCachedZSortedEles as R['getCachedZSortedEles'];
    type List = cytoscape.SingularElementReturnValue[];
    type Sorted = List & { interactive: List; drag: List; nondrag: List };
    const ids = (list: cytoscape.SingularElementReturnValue[]) => list.map((e) => e.id()).join('\n');
    const both = (list: Sorted) => ({
      all: ids(list),
      interactive: ids(list.interactive),
      n: list.interactive.length,
      layers: `${ids(list.drag)}\n|\n${ids(list.nondrag)}`,
    });
    const compare = () => ({
      keyed: both(r.getCachedZSortedEles(true) as Sorted),
      cytoscape: both(own.call(r, true) as Sorted),
    });
    if (cy.elements('.hover, .hover-nb, .hover-edge').nonempty()) throw new Error('a hover is left over');
    const plain = compare();
    const hub = cy.nodes(':visible').max((v) => v.data('size') as number).ele;
    hub.emit('mouseover');
    const hovered = compare();
    hub.emit('mouseout');
    // elements that are not interactive, each by another of Cytoscape's rules: not displayed (and so the edges at it),
    // invisible, events off, zero width
    const odd = cy.nodes().slice(0, 4);
    odd[0].style('display', 'none');
    odd[1].style('visibility', 'hidden');
    odd[2].style('events', 'no');
    odd[3].connectedEdges().first().style('width', 0);
    const restyled = compare();
    odd.removeStyle();
    odd[3].connectedEdges().first().removeStyle();
    return { n: cy.elements().length, plain, hovered, restyled };
  });
  assert.ok(orders.n > 1000, `above KEYED_SORT_ABOVE: ${orders.n} elements`);
  for (const [name, o] of Object.entries({ plain: orders.plain, hovered: orders.hovered, restyled: orders.restyled })) {
    assert.ok(o.keyed.all === o.cytoscape.all, `${name}: the same order`);
    assert.ok(o.keyed.interactive === o.cytoscape.interactive, `${name}: the same interactive elements`);
    assert.ok(o.keyed.layers === o.cytoscape.layers, `${name}: the same drag and non-drag layers`);
  }
  assert.notEqual(orders.hovered.keyed.all, orders.plain.keyed.all, 'the hover moved its node and edges up');
  assert.ok(
    orders.restyled.cytoscape.n < orders.plain.cytoscape.n - 3,
    `fewer interactive elements once restyled: ${orders.restyled.cytoscape.n} of ${orders.plain.cytoscape.n}`,
  );
});

test('a hover re-sorts only what it changed: the merged drawing order is Cytoscape’s z-order', async () => {
  const r = await app.page.evaluate(() => {
    const cy = window.__atlasGraph!;
    const hook = window.__atlasGraphs!.global;
    type Sorted = cytoscape.SingularElementReturnValue[] & { interactive: cytoscape.SingularElementReturnValue[] };
    type R = { getCachedZSortedEles(force?: boolean): Sorted };
    const rr = (cy as unknown as { renderer(): R }).renderer();
    const own = Object.getPrototypeOf(rr).getCachedZSortedEles as R['getCachedZSortedEles'];
    const ids = (list: cytoscape.SingularElementReturnValue[]) => list.map((e) => e.id()).join('\n');
    // the elements each step gives new z-order keys: Cytoscape's 'zorder' notifications (style/apply.mjs)
    const renderer = rr as unknown as { notify(name: string, eles?: unknown[]): void };
    const notify = renderer.notify;
    let keyed = 0;
    renderer.notify = function (name, eles) {
      if (name === 'zorder') keyed += eles?.length ?? 0;
      return notify.call(this, name, eles);
    };
    /** After `change`, the renderer's next order (not forced, as it asks when drawing) against Cytoscape's own sort. */
    const step = (change: () => void) => {
      keyed = 0;
      const was = { ...hook.zsort! };
      change();
      // what the renderer's next frame does first: apply the restyles (Cytoscape applies them lazily), which
      // notifies 'zorder' for each element whose z-order property changed
      cy.elements().forEach((e) => {
        e.style('z-index');
      });
      const ours = ids(rr.getCachedZSortedEles()).split('\n');
      const oursInteractive = ids(rr.getCachedZSortedEles().interactive);
      const theirs = own.call(rr, true);
      const cyto = ids(theirs).split('\n');
      const at = ours.findIndex((x, i) => x !== cyto[i]);
      return {
        firstDifference: at < 0 ? null : `at ${at} of ${ours.length}: ${ours[at]} vs ${cyto[at]}`,
        sameInteractive: oursInteractive === ids(theirs.interactive),
        share: keyed / ours.length,
        merged: hook.zsort!.merged - was.merged,
        full: hook.zsort!.full - was.full,
      };
    };
    // restyles still pending from the tests before (applied by a frame that a busy machine has not drawn yet) would
    // count as this test's changes: they are applied before the first order
    cy.elements().forEach((e) => {
      e.style('z-index');
    });
    rr.getCachedZSortedEles(true);
    const before = hook.zsort!;
    const hub = cy.nodes(':visible').max((v) => v.data('size') as number).ele;
    const over = step(() => hub.emit('mouseover'));
    const out = step(() => hub.emit('mouseout'));
    const odd = cy.nodes().not(hub.closedNeighborhood()).first();
    const hidden = step(() => odd.style('display', 'none'));
    const shown = step(() => odd.removeStyle());
    return { before, after: hook.zsort!, over, out, hidden, shown };
  });
  for (const k of ['over', 'out', 'hidden', 'shown'] as const) {
    assert.equal(r[k].firstDifference, null, `${k}: the same order`);
    assert.ok(r[k].sameInteractive, `${k}: the same interactive elements`);
    // a step that re-keys up to a quarter of the elements is merged, more is sorted again (MERGE_MAX_SHARE). How
    // many a hover re-keys depends on the picture: a fade re-keys each element whose opacity was still unset, and
    // the zoom's classes (set when the machine has time) decide how many those are.
    const merge = r[k].share > 0 && r[k].share <= 0.25;
    assert.deepEqual(
      { merged: r[k].merged, full: r[k].full },
      merge ? { merged: 1, full: 0 } : { merged: 0, full: 1 },
      `${k} re-keyed ${(r[k].share * 100).toFixed(1)} % of the elements: ${JSON.stringify(r)}`,
    );
  }
  // hiding or showing one node re-keys that node only: always merged
  assert.ok(r.hidden.merged === 1 && r.shown.merged === 1, JSON.stringify(r));
});
