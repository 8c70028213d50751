/**
 * The layout worker: runs headless Cytoscape layouts off the UI thread and posts positions back.
 * `force`: fcose (spectral start, then force-directed; `draft` quality above 2,000 nodes), from the given start
 * positions when there are any (randomize off, so a re-layout after a change of forces morphs the kept picture).
 * `map`: dagre, rankDir TB (each node below its prerequisites), nodes as wide as their labels.
 * Every result goes through `removeOverlaps`, so no two nodes overlap at rest.
 */
import './worker-shim.ts';
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import dagre from 'cytoscape-dagre';
import type { LayoutRequest, LayoutResult } from './layout-protocol.ts';
import { removeOverlaps } from './overlap.ts';

cytoscape.use(fcose);
cytoscape.use(dagre);

const DRAFT_ABOVE = 2000;

function run(req: LayoutRequest): Float64Array {
  const n = req.ids.length;
  const elements: cytoscape.ElementDefinition[] = [];
  for (let i = 0; i < n; i++) {
    const w = req.mode === 'map' ? Math.max(req.sizes[i], req.labelWidths[i]) : req.sizes[i];
    const h = req.mode === 'map' ? req.sizes[i] + 18 : req.sizes[i];
    elements.push({
      group: 'nodes',
      data: { id: String(i), w, h },
      position: req.start ? { x: req.start[2 * i], y: req.start[2 * i + 1] } : { x: 0, y: 0 },
    });
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
  const f = req.forces;
  const opts =
    req.mode === 'map'
      ? { name: 'dagre', rankDir: 'TB', nodeSep: 36, rankSep: 64, animate: false, fit: false }
      : {
          name: 'fcose',
          animate: false,
          fit: false,
          randomize: !req.start,
          quality: n > DRAFT_ABOVE ? 'draft' : 'default',
          numIter: n > DRAFT_ABOVE ? 800 : 2500,
          ...(n > DRAFT_ABOVE ? { sampleSize: 10, piTol: 0.001 } : {}),
          nodeRepulsion: f.repel * 1000,
          idealEdgeLength: f.linkDistance,
          edgeElasticity: f.linkForce,
          gravity: f.centre,
          gravityRange: 3.8,
          nodeSeparation: 60,
          packComponents: true,
          tile: true,
          nodeDimensionsIncludeLabels: false,
          uniformNodeDimensions: false,
        };
  cy.layout(opts as unknown as cytoscape.LayoutOptions).run();
  const out = new Float64Array(2 * n);
  cy.nodes().forEach((node) => {
    const i = Number(node.id());
    const p = node.position();
    out[2 * i] = p.x;
    out[2 * i + 1] = p.y;
  });
  cy.destroy();
  const gap = req.mode === 'map' ? 12 : 6;
  const sizes = req.mode === 'map' ? req.sizes.map((s, i) => Math.max(s, Math.min(req.labelWidths[i], 60))) : req.sizes;
  removeOverlaps(out, sizes, gap);
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
