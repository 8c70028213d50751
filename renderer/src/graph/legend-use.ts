/** What the legend explains: the kinds, edge types and decorations present among the shown elements. */
import type { GraphElements } from './elements.ts';
import type { LegendUse } from './GraphLegend.tsx';
import type { GraphNodeRef } from './GraphCanvas.tsx';
import type { LearningOverlay } from '../learning/types.ts';
import type { GraphGroup } from './settings.ts';

export function legendUse(
  els: GraphElements,
  hidden: Set<string>,
  overlay: LearningOverlay,
  currentPath: string | null,
  groups: GraphGroup[],
): { use: LegendUse; shown: GraphNodeRef[] } {
  const kinds = new Set<string>();
  const shown: GraphNodeRef[] = [];
  const used = new Set<number>();
  for (const n of els.nodes.values()) {
    const id = n.data.id as string;
    if (hidden.has(id)) continue;
    kinds.add(n.data.kind as string);
    shown.push({ id, kind: n.data.kind as string, label: n.data.label as string });
    if ((n.data.group as number) >= 0) used.add(n.data.group as number);
  }
  const edgeTypes = new Set<string>();
  for (const e of els.edges.values())
    if (!hidden.has(e.data.source as string) && !hidden.has(e.data.target as string))
      edgeTypes.add(e.data.type as string);
  const inView = (p: string) => els.byId.has(p) && !hidden.has(p);
  const states = Object.entries(overlay.progress)
    .filter(([p]) => inView(p))
    .map(([, s]) => s);
  return {
    use: {
      groups: groups.filter((_, i) => used.has(i)),
      kinds,
      edgeTypes,
      current: currentPath !== null && inView(currentPath),
      learned: states.includes('learned'),
      learning: states.includes('learning'),
      plan: !!overlay.plan?.steps.some((s) => inView(s.path)),
    },
    shown,
  };
}
