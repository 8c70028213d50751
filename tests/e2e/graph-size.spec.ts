/**
 * The global graph follows its size (renderer/src/graph/follow-size.ts): a graph first drawn small (every label
 * shown, edges opaque) that grows past 40 nodes, as a vault does while it is indexed, gets the dense graph's style
 * (edges faint, labels fading with the zoom, picked apart); shrunk again, it is drawn as a small graph. On a vault of
 * 8 notes; 50 notes are written by another program and deleted again.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openGraphView, startApp, type AtlasApp } from './harness.ts';
import { tempDir } from '../support/temp-dir.ts';

let app: AtlasApp;
let source: string;
const ADDED = 50;

before(async () => {
  source = path.join(tempDir('e2e-size'), 'vault');
  fs.mkdirSync(source, { recursive: true });
  for (let i = 0; i < 8; i++)
    fs.writeFileSync(path.join(source, `small ${i}.md`), `# small ${i}\n\n[[small ${(i + 1) % 8}]]\n`);
  app = await startApp({ vault: source, viewport: { width: 1400, height: 900 } });
  await openGraphView(app.page);
});
after(async () => {
  await app?.close();
  if (source) fs.rmSync(path.dirname(source), { recursive: true, force: true });
});

/** The drawn style of the graph once it shows `count` nodes: an edge's opacity, the smallest label size drawn. */
async function styleAt(count: number): Promise<{ edgeOpacity: number; labelFade: number }> {
  await app.page.waitForFunction((n) => window.__atlasGraph?.nodes().length === n, count, {
    timeout: 60_000,
    polling: 100,
  });
  return app.page.evaluate(() => {
    const cy = window.__atlasGraph!;
    return {
      edgeOpacity: Number(cy.edges('[type != "prereq"]').first().style('opacity')),
      labelFade: Number.parseFloat(cy.nodes().first().style('min-zoomed-font-size') as string),
    };
  });
}

test('a small graph shows every label and opaque edges', async () => {
  const small = await styleAt(8);
  assert.deepEqual(small, { edgeOpacity: 1, labelFade: 0 });
});

test('grown past 40 nodes by notes written meanwhile, it is styled as a dense graph; shrunk, as a small one', async () => {
  for (let i = 0; i < ADDED; i++)
    fs.writeFileSync(
      path.join(app.vaultDir, `grown ${i}.md`),
      `# grown ${i}\n\n[[grown ${(i + 1) % ADDED}]] [[small ${i % 8}]]\n`,
    );
  const dense = await styleAt(8 + ADDED);
  assert.ok(dense.edgeOpacity < 1, `edges drawn faint: ${JSON.stringify(dense)}`);
  assert.ok(dense.labelFade > 0, `labels fade when small on screen: ${JSON.stringify(dense)}`);
  for (let i = 0; i < ADDED; i++) fs.rmSync(path.join(app.vaultDir, `grown ${i}.md`));
  assert.deepEqual(await styleAt(8), { edgeOpacity: 1, labelFade: 0 }, 'small again: every label, opaque edges');
});
