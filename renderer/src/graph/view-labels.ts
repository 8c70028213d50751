/**
 * Which label picker a graph view uses: the local graph's screen-size labels (screen-labels.ts), the global graph's
 * decluttered labels up to LARGE nodes (global-labels.ts), or none (the learning map; large graphs keep the zoom
 * threshold alone).
 */
import type cytoscape from 'cytoscape';
import type { GraphCanvasProps } from './canvas-props.ts';
import { attachGlobalLabels } from './global-labels.ts';
import { LARGE } from './renderer-choice.ts';
import { attachScreenLabels } from './screen-labels.ts';
import { fadeThreshold } from './style.ts';
import { styleOptions } from './view-style.ts';

/**
 * Attaches the label picker of the view whose latest props `props()` returns to `cy`, created for `nodeCount` nodes.
 * Returns the function that detaches it, or null when the view has none.
 */
export function attachViewLabels(
  cy: cytoscape.Core,
  nodeCount: number,
  props: () => GraphCanvasProps,
): (() => void) | null {
  const p = props();
  if (p.screenLabels) return attachScreenLabels(cy, () => props().currentPath);
  if (p.globalLabels && nodeCount <= LARGE)
    return attachGlobalLabels(cy, {
      current: () => props().currentPath,
      fontSize: () => props().fontSize,
      minPx: () => fadeThreshold(styleOptions(props(), cy.nodes().length)),
    });
  return null;
}
