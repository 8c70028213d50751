/**
 * The learning map's subgraph: the current learning plan's steps; without a plan, the current note and its
 * prerequisite closure (everything it needs, transitively); without either, every note joined by a `prerequisites`
 * link. Only `prerequisites` edges are kept: the map lays each concept out below its prerequisites.
 */
import type { GraphData, LearningPlan } from '../../../electron/shared/api.ts';
import { PREREQ } from './elements.ts';

export interface MapScope {
  data: GraphData;
  /** What the map shows, for its caption. */
  scope: 'plan' | 'closure' | 'all';
}

export function mapSubgraph(data: GraphData, plan: LearningPlan | null, currentPath: string | null): MapScope {
  const prereq = data.edges.filter((e) => e.relation === PREREQ);
  let keep: Set<string>;
  let scope: MapScope['scope'];
  if (plan && plan.steps.length) {
    keep = new Set(plan.steps.map((s) => s.path));
    scope = 'plan';
  } else {
    const needs = new Map<string, string[]>();
    for (const e of prereq) {
      const list = needs.get(e.source);
      if (list) list.push(e.target);
      else needs.set(e.source, [e.target]);
    }
    if (currentPath && needs.has(currentPath)) {
      keep = new Set([currentPath]);
      const stack = [currentPath];
      while (stack.length) {
        for (const q of needs.get(stack.pop()!) ?? [])
          if (!keep.has(q)) {
            keep.add(q);
            stack.push(q);
          }
      }
      scope = 'closure';
    } else {
      keep = new Set(prereq.flatMap((e) => [e.source, e.target]));
      scope = 'all';
    }
  }
  return {
    data: {
      nodes: data.nodes.filter((n) => keep.has(n.id)),
      edges: prereq.filter((e) => keep.has(e.source) && keep.has(e.target)),
    },
    scope,
  };
}
