/**
 * The layout worker: runs the layouts off the UI thread and posts positions back.
 * `force`: d3-force (force-layout.ts), from the given start positions when there are any (so a re-layout after a
 * change of forces morphs the kept picture). `map`: dagre in headless Cytoscape, rankDir TB (each node below its
 * prerequisites), nodes as wide as their labels.
 * Every result goes through `removeOverlaps`, so no two nodes overlap at rest.
 */
import './worker-shim.ts';
import cytoscape from 'cytoscape';
import dagre from 'cytoscape-dagre';
import { forceLayout } from './force-layout.ts';
import type { LayoutRequest, LayoutResult } from './layout-protocol.ts';
import { removeOverlaps } from './overlap.ts';

cytoscape.use(dagre);

function dagreLayout(req: LayoutRequest): Float64Array {
  const n = req.ids.length;
  const elements: cytoscape.ElementDefinition[] = [];
  for (let i = 0; i < n; i++) {
    const w = Math.max(req.sizes[i], req.labelWidths[i]);
    const h = req.sizes[i] + 18;
    elements.push({ group: 'nodes', data: { id: String(i), w, h } });
  }
  for (let k = 0; k < req.edges.length; k += 2) {
    elements.push({
      group: 'edges',
      data: { id: `e${k}`, source: String(req.edges[k]), target: String(req.edges[k + 1]) },
    });
  }
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    elements,
    style: [{ selector: 'node', style: { width: 'data(w)', height: 'data(h)' } }],
  });
  const opts = { name: 'dagre', rankDir: 'TB', nodeSep: 36, rankSep: 64, animate: false, fit: false };
  cy.layout(opts as unknown as cytoscape.LayoutOptions).run();
  const out = new Float64Array(2 * n);
  cy.nodes().forEach((node) => {
    const i = Number(node.id());
    const p = node.position();
    out[2 * i] = p.x;
    out[2 * i + 1] = p.y;
  });
  cy.destroy();
  return out;
}

function run(req: LayoutRequest): Float64Array {
  if (req.mode === 'map') {
    const out = dagreLayout(req);
    const sizes = req.sizes.map((s, i) => Math.max(s, Math.min(req.labelWidths[i], 60)));
    removeOverlaps(out, sizes, 12);
    return out;
  }
  const out = forceLayout({ sizes: req.sizes, edges: req.edges, start: req.start, forces: req.forces, pin: req.pin });
  removeOverlaps(out, req.sizes, 6);
  return out;
}

self.onmessage = (e: MessageEvent<LayoutRequest>) => {
  const t0 = performance.now();
  const req = e.data;
  let res: LayoutResult;
  try {
    const positions = run(req);
    res = { id: req.id, positions, ms: performance.now() - t0 };
  } catch (err) {
    res = { id: req.id, positions: new Float64Array(0), ms: performance.now() - t0, error: String(err) };
  }
  (self as unknown as Worker).postMessage(res, [res.positions.buffer]);
};
