/**
 * Measures the first screen (not a test; speed belongs to benchmarks):
 *   node tests/e2e/measure-first-screen.ts <vault folder> [--runs N] [--min-nodes N]
 * Prints, per run: spawn → host URL, spawn → graph region rendered with nodes, and page load → first graph frame
 * (the `atlas-graph-first-frame` performance mark set by GraphView after Cytoscape's first render with nodes).
 * Needs the built renderer (`npm run build:web`).
 */
import { startApp, waitForGraphNodes } from './harness.ts';

const args = process.argv.slice(2);
const vault = args.find((a, i) => !a.startsWith('--') && !['--runs', '--min-nodes'].includes(args[i - 1]));
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 1;
const minAt = args.indexOf('--min-nodes');
/** Wait for at least this many graph nodes (a big vault's first graph may come mid-indexing). */
const minNodes = minAt >= 0 ? Number(args[minAt + 1]) : 1;
if (!vault) {
  console.error('usage: node tests/e2e/measure-first-screen.ts <vault folder> [--runs N]');
  process.exit(1);
}

for (let i = 0; i < runs; i++) {
  const app = await startApp({ vault });
  try {
    const nodes = await waitForGraphNodes(app.page, minNodes, 300_000);
    const usableMs = performance.now() - app.timings.spawnedAt;
    const { frame, marks } = await app.page.evaluate(() => {
      const m = performance.getEntriesByName('atlas-graph-first-frame')[0];
      // Later layouts (after indexing ends) add more measures; report the last one.
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      const marks: Record<string, number> = { domContentLoaded: Math.round(nav?.domContentLoadedEventEnd ?? -1) };
      for (const e of performance.getEntries()) {
        if (e.name.startsWith('atlas-'))
          marks[e.name] = Math.round(e.entryType === 'measure' ? e.duration : e.startTime);
      }
      return { frame: m ? m.startTime : null, marks };
    });
    await app.screenshot(`measure-${i}`);
    console.log(
      JSON.stringify({
        vault,
        run: i + 1,
        nodes: nodes.length,
        hostUrlMs: Math.round(app.timings.hostUrlMs),
        spawnToGraphWithNodesMs: Math.round(usableMs),
        pageLoadToFirstGraphFrameMs: frame === null ? null : Math.round(frame),
        pageErrors: app.pageErrors.length,
        marks,
      }),
    );
  } finally {
    await app.close();
  }
}
