/**
 * The force-directed layout of the global and local graphs (run in the layout worker, layout.worker.ts): d3-force's
 * simulation (Barnes–Hut many-body repulsion, O(n log n) per tick), as Obsidian's graph view, instead of fcose, whose
 * grid repulsion over rectangles took 16 s for 500 and 52 s for 1,000 nodes on this 2-core machine.
 *
 * Forces, from the graph controls (settings.ts `GraphForces`):
 * - links pull their ends to `linkDistance` px, longer between hubs (ideal length grows with the square root of the
 *   larger degree, so a hub's many neighbours get room around it); spring strength `linkForce` × d3's default
 *   1 / min(degree) (a leaf follows its hub, two hubs do not collapse onto each other);
 * - every node repels the others (`repel`, stronger for hubs), within a bounded range (distant components do not push);
 * - `centre` pulls every node towards the origin (gravity), which packs the components and orphans around the
 *   largest one instead of letting them drift away;
 * - a collision force keeps nodes `gap` px apart (the worker then removes any overlap left, overlap.ts).
 * The start is deterministic (d3's phyllotaxis spiral, or the given positions), so one graph always gives one picture.
 * Cost: `ticks` × O((n + e) log n); 10,000 nodes take a few seconds in the worker.
 */
import {
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  type SimulationNodeDatum,
} from 'd3-force';
import type { GraphForces } from './settings.ts';

export interface ForceLayoutInput {
  /** Node diameters in px (at zoom 1). */
  sizes: ArrayLike<number>;
  /** Edges as pairs of node indexes (source, target, …). */
  edges: ArrayLike<number>;
  /** Start positions (x0, y0, …) or null for d3's phyllotaxis start. */
  start: Float64Array | null;
  forces: GraphForces;
  /** Index of a node held at the origin (the local graph's current note), or -1 / undefined for none. */
  pin?: number;
}

interface Node extends SimulationNodeDatum {
  r: number;
  degree: number;
}

/** Simulation steps: fewer from given positions (they only settle) and for very large graphs. */
export function tickCount(n: number, fromStart: boolean): number {
  if (fromStart) return 100;
  return n > 5000 ? 150 : n > 2000 ? 200 : 300;
}

/** Positions (x0, y0, …) in px at zoom 1, centred on the origin. */
export function forceLayout(input: ForceLayoutInput): Float64Array {
  const n = input.sizes.length;
  const f = input.forces;
  const nodes: Node[] = [];
  for (let i = 0; i < n; i++) {
    const node: Node = { index: i, r: input.sizes[i] / 2, degree: 0 };
    if (input.start) {
      node.x = input.start[2 * i];
      node.y = input.start[2 * i + 1];
    }
    if (i === input.pin) {
      node.fx = 0;
      node.fy = 0;
    }
    nodes.push(node);
  }
  const links: { source: number; target: number }[] = [];
  for (let k = 0; k + 1 < input.edges.length; k += 2) {
    const s = input.edges[k];
    const t = input.edges[k + 1];
    if (s === t || s >= n || t >= n) continue;
    links.push({ source: s, target: t });
    nodes[s].degree++;
    nodes[t].degree++;
  }
  const ticks = tickCount(n, input.start !== null);
  const sim = forceSimulation<Node>(nodes)
    .stop()
    .alpha(input.start ? 0.3 : 1)
    .alphaDecay(1 - 0.001 ** (1 / ticks))
    .velocityDecay(0.45);
  sim.force(
    'link',
    forceLink<Node, { source: number | Node; target: number | Node }>(links)
      .id((d) => d.index ?? 0)
      .distance((l) => {
        const a = l.source as Node;
        const b = l.target as Node;
        const hub = Math.sqrt(Math.max(a.degree, b.degree));
        return f.linkDistance * Math.min(2.2, 0.55 + 0.18 * hub) + a.r + b.r;
      })
      .strength((l) => {
        const a = l.source as Node;
        const b = l.target as Node;
        return (2 * f.linkForce) / Math.max(1, Math.min(a.degree, b.degree));
      }),
  );
  sim.force(
    'charge',
    forceManyBody<Node>()
      .strength((d) => -f.repel * 12 * (1 + 0.25 * Math.sqrt(d.degree)))
      .theta(0.9)
      .distanceMax(f.linkDistance * 12),
  );
  const g = 0.02 + 0.12 * f.centre;
  sim.force('x', forceX<Node>(0).strength(g));
  sim.force('y', forceY<Node>(0).strength(g));
  sim.force('collide', forceCollide<Node>((d) => d.r + 6).iterations(1));
  for (let i = 0; i < ticks; i++) sim.tick();
  const out = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    out[2 * i] = nodes[i].x ?? 0;
    out[2 * i + 1] = nodes[i].y ?? 0;
  }
  return out;
}
