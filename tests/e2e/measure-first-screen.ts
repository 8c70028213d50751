/**
 * Measures the first screen (not a test; speed belongs to benchmarks):
 *   node tests/e2e/measure-first-screen.ts <vault folder> [--runs N]
 * Prints, per run: spawn → host URL, spawn → graph region rendered with nodes, and page load → first graph frame
 * (the `atlas-graph-first-frame` performance mark set by GraphView after Cytoscape's first render with nodes).
 * Needs the built renderer (`npm run build:web`).
 */
import { startApp, waitForGraphNodes } from './harness.ts';

const args = process.argv.slice(2);
const vault = args.find((a) => !a.startsWith('--'));
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 1;
if (!vault) {
  console.error('usage: node tests/e2e/measure-first-screen.ts <vault folder> [--runs N]');
  process.exit(1);
}

for (let i = 0; i < runs; i++) {
  const app = await startApp({ vault });
  try {
    const nodes = await waitForGraphNodes(app.page, 1, 300_000);
    const usableMs = performance.now() - app.timings.spawnedAt;
    const frame = await app.page.evaluate(() => {
      const m = performance.getEntriesByName('atlas-graph-first-frame')[0];
      return m ? m.startTime : null;
    });
    await app.screenshot(`measure-${i}`);
    console.log(JSON.stringify({
      vault, run: i + 1, nodes: nodes.length,
      hostUrlMs: Math.round(app.timings.hostUrlMs),
      spawnToGraphWithNodesMs: Math.round(usableMs),
      pageLoadToFirstGraphFrameMs: frame === null ? null : Math.round(frame),
      pageErrors: app.pageErrors.length,
    }));
  } finally {
    await app.close();
  }
}
