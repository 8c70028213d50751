/**
 * Learning plans, after Metacademy's "learning plan": the prerequisite closure of a target, minus what is known,
 * in topological order (prerequisites first).
 */
import type { LearningGraph } from './graph.ts';
import { IntMinHeap } from './heap.ts';
import { stronglyConnectedComponents } from './scc.ts';

export interface PlanResult {
  /** Node ids in learning order; the target is last. */
  order: number[];
  /** neededBy[i]: node ids of later steps that list order[i] as a prerequisite, in plan order. */
  neededBy: number[][];
  /** Prerequisite cycles met inside the plan, each as node ids in the order the plan takes them. */
  cycles: number[][];
  /** Target texts of `prerequisites` links of plan steps that resolve to no note, de-duplicated, in plan order. */
  unresolved: string[];
}

/**
 * The learning plan for `target`.
 *
 * - Closure: walk `prerequisites` from the target; a learned note is dropped and not walked through, so whatever is
 *   reachable only through learned notes is dropped too (learning a note implies knowing its prerequisites), while a
 *   note also needed by an unlearned step stays. The target itself is always kept, even when learned.
 * - Order: Kahn's topological sort, choosing among ready notes by level (1..4, none last), then title, then path.
 * - Cycles: strongly connected components (Tarjan) with more than one member, or a note listing itself. A cycle is
 *   broken by ordering its members by level, then title (the target, when a member, last) and ignoring the
 *   prerequisite edges that point backwards in that order; every cycle is reported.
 * - `learned[id]` is non-zero for known notes (progress `learned` plus any extra known notes).
 */
export function computePlan(g: LearningGraph, target: number, learned: Uint8Array): PlanResult {
  const count = g.nodes.length;
  const inPlan = new Uint8Array(count);
  const members: number[] = [target];
  inPlan[target] = 1;
  for (let i = 0; i < members.length; i++) {
    for (const p of g.prereqs[members[i]]) {
      if (inPlan[p] || learned[p]) continue;
      inPlan[p] = 1;
      members.push(p);
    }
  }

  // Cycles, and the order that breaks each one. Only notes on a cycle of the whole graph can be on one here.
  const comp = new Int32Array(count).fill(-1);
  const posInComp = new Int32Array(count);
  const cycles: number[][] = [];
  const onCycle = members.filter((m) => g.cyclic[m] >= 0);
  if (onCycle.length > 1) {
    const include = new Uint8Array(count);
    for (const m of onCycle) include[m] = 1;
    const components = stronglyConnectedComponents(g.prereqs, onCycle, include);
    for (let c = 0; c < components.length; c++) {
      const cm = components[c];
      if (cm.length === 1) continue;
      cm.sort((x, y) => (x === target ? 1 : y === target ? -1 : g.rank[x] - g.rank[y]));
      for (let i = 0; i < cm.length; i++) {
        comp[cm[i]] = c;
        posInComp[cm[i]] = i;
      }
      cycles.push(cm);
    }
  }
  for (const s of g.selfPrereqs) if (inPlan[s]) cycles.push([s]);

  // Kahn's algorithm. The edge p→d (p before d) is ignored when both sit in one cycle and p comes later in its order.
  const waiting = new Int32Array(count);
  const ready = new IntMinHeap();
  for (const m of members) {
    let n = 0;
    const cm = comp[m];
    for (const p of g.prereqs[m]) {
      if (inPlan[p] && (cm === -1 || comp[p] !== cm || posInComp[p] < posInComp[m])) n++;
    }
    waiting[m] = n;
    if (n === 0) ready.push(g.rank[m]);
  }
  const order: number[] = [];
  while (ready.size > 0) {
    const u = g.byRank[ready.pop()!];
    order.push(u);
    const cu = comp[u];
    for (const d of g.dependents[u]) {
      if (!inPlan[d] || (cu !== -1 && comp[d] === cu && posInComp[u] > posInComp[d])) continue;
      if (--waiting[d] === 0) ready.push(g.rank[d]);
    }
  }
  // The target is last: everything else in the closure is one of its prerequisites; only edges inside a cycle through
  // the target, already ignored, can be crossed by moving it.
  const t = order.indexOf(target);
  if (t !== order.length - 1) {
    order.splice(t, 1);
    order.push(target);
  }

  const pos = new Int32Array(count).fill(-1);
  for (let i = 0; i < order.length; i++) pos[order[i]] = i;
  // Visiting steps in order fills each neededBy list already sorted by plan position.
  const neededBy: number[][] = order.map(() => []);
  for (let i = 0; i < order.length; i++) {
    for (const p of g.prereqs[order[i]]) {
      const j = pos[p];
      if (j >= 0 && j < i) neededBy[j].push(order[i]);
    }
  }

  for (const cyc of cycles) cyc.sort((a, b) => pos[a] - pos[b]);
  const unresolved: string[] = [];
  const seen = new Set<string>();
  const missing = g.missing.filter((m) => inPlan[m.source]).sort((a, b) => pos[a.source] - pos[b.source]);
  for (const m of missing) {
    if (!seen.has(m.targetText)) {
      seen.add(m.targetText);
      unresolved.push(m.targetText);
    }
  }
  return { order, neededBy, cycles, unresolved };
}
