/**
 * The graph view on Cytoscape's WebGL renderer (#11 "Large graphs": chosen by node count where WebGL is available).
 * Headless Chromium has WebGL 2 in software (SwiftShader); the app uses it only on a GPU, so the spec forces it with
 * `window.__atlasGraphWebgl = 'force'` before the page loads, then checks on that path: the renderer is WebGL, the
 * WebGL canvas has the graph's pixels, a click hits the node under the pointer (WebGL picking) and opens its note,
 * and hover fades the non-neighbours. Waits are on conditions; positions come from the hook's snapshot.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openGraphView, startApp, waitForGraphNodes, type AtlasApp } from './harness.ts';

let app: AtlasApp;
before(async () => {
  app = await startApp({ vault: 'e2e-basic', viewport: { width: 1600, height: 950 } });
  await app.page.addInitScript("window.__atlasGraphWebgl = 'force';");
  await app.page.reload();
  await openGraphView(app.page);
  await waitForGraphNodes(app.page, 7);
  await app.page.waitForFunction(() => window.__atlasGraphs?.global?.ready === true);
});
after(async () => {
  await app?.close();
});

type Node = { id: string; renderedX: number; renderedY: number; classes: string[]; visible: boolean };
const snap = () =>
  app.page.evaluate(() => window.__atlasGraphs!.global.snapshot()) as Promise<{
    nodes: Node[];
    edges: { source: string; target: string }[];
  }>;

test('this Chromium makes a WebGL 2 context, and the global graph draws on the WebGL renderer', async () => {
  const { page } = app;
  assert.ok(await page.evaluate(() => document.createElement('canvas').getContext('webgl2') !== null));
  assert.equal(await page.evaluate(() => window.__atlasGraphs!.global.renderer), 'webgl');
  // Read the WebGL canvas right after a frame (its drawing buffer is only valid then): it holds drawn pixels.
  const drawn = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const cy = window.__atlasGraph!;
        // Cytoscape's WebGL path emits no 'render' event: read in the frame's next animation callback, which runs
        // after Cytoscape's own (registered a frame earlier) has drawn.
        cy.forceRender();
        requestAnimationFrame(() => {
          const gl = cy.container()!.querySelector<HTMLCanvasElement>('canvas[data-id$="-webgl"]')!;
          const c = document.createElement('canvas');
          c.width = gl.width;
          c.height = gl.height;
          const ctx = c.getContext('2d')!;
          ctx.drawImage(gl, 0, 0);
          const px = ctx.getImageData(0, 0, c.width, c.height).data;
          const [r0, g0, b0] = [px[0], px[1], px[2]];
          let differing = 0;
          for (let i = 0; i < px.length; i += 4) {
            if (Math.abs(px[i] - r0) + Math.abs(px[i + 1] - g0) + Math.abs(px[i + 2] - b0) > 60) differing++;
          }
          resolve(differing);
        });
      }),
  );
  assert.ok(drawn > 200, `${drawn} pixels differ from the background`);
});

test('hover on the WebGL path highlights a node and its neighbours and fades the rest', async () => {
  const { page } = app;
  const target = 'concepts/Mutex.md';
  const box = await page.getByTestId('graph-canvas-global').boundingBox();
  const n = (await snap()).nodes.find((x) => x.id === target)!;
  await page.mouse.move(box!.x + n.renderedX, box!.y + n.renderedY);
  await page.waitForFunction(
    (id) =>
      window
        .__atlasGraphs!.global.snapshot()
        .nodes.find((x) => x.id === id)!
        .classes.includes('hover'),
    target,
  );
  const s = await snap();
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
});

test('a click on the WebGL path hits the node under the pointer and opens its note', async () => {
  const { page } = app;
  const target = 'concepts/select.md';
  const box = await page.getByTestId('graph-canvas-global').boundingBox();
  const n = (await snap()).nodes.find((x) => x.id === target)!;
  await page.mouse.click(box!.x + n.renderedX, box!.y + n.renderedY);
  const editor = page.getByRole('region', { name: 'Editor' });
  await editor.getByRole('tab', { name: 'select', exact: true, selected: true }).waitFor();
});
