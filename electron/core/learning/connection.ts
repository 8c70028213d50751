/**
 * The connection between two concepts: the shortest chain of links between two notes.
 */
import type { LearningGraph } from './graph.ts';

export interface ConnectionHop {
  /** Node ids in the direction of travel. */
  from: number;
  to: number;
  /** Index into `g.links` of the link that joins them (written in `from`, or in `to` when travelled backwards). */
  link: number;
}

/**
 * The shortest path from `from` to `to` over every resolved note-to-note link, travelled in both directions
 * (an outgoing link or a backlink). Among paths with the fewest hops, the one with the fewest non-prerequisite hops
 * wins (a breadth-first search that keeps, per node, the best predecessor of the previous layer). Ties keep the
 * link written in the note travelled from, then index order. Returns null when the notes are not connected, and no
 * hops when `from === to`.
 */
export function findConnection(g: LearningGraph, from: number, to: number): ConnectionHop[] | null {
  if (from === to) return [];
  const count = g.nodes.length;
  const depth = new Int32Array(count).fill(-1);
  const cost = new Int32Array(count);
  const viaLink = new Int32Array(count).fill(-1);
  const viaNode = new Int32Array(count).fill(-1);
  depth[from] = 0;
  let layer = [from];
  let d = 0;
  while (layer.length > 0 && depth[to] === -1) {
    const nextLayer: number[] = [];
    for (const u of layer) {
      for (const li of g.adjacency[u]) {
        const l = g.links[li];
        const v = l.source === u ? l.target : l.source;
        const c = cost[u] + (l.prerequisite ? 0 : 1);
        if (depth[v] === -1) {
          depth[v] = d + 1;
          cost[v] = c;
          viaLink[v] = li;
          viaNode[v] = u;
          nextLayer.push(v);
        } else if (depth[v] === d + 1 && c < cost[v]) {
          cost[v] = c;
          viaLink[v] = li;
          viaNode[v] = u;
        }
      }
    }
    layer = nextLayer;
    d++;
  }
  if (depth[to] === -1) return null;
  const hops: ConnectionHop[] = [];
  for (let v = to; v !== from; v = viaNode[v]) hops.push({ from: viaNode[v], to: v, link: viaLink[v] });
  return hops.reverse();
}
