/**
 * A graph view's settings that follow its node count: the stylesheet's size flags (all labels in a tiny graph, the
 * dense style of a force graph, the picked global labels up to LARGE nodes), the label picker (view-labels.ts) and
 * the renderer's large-graph options (cy-instance.ts `resizeOptions`). A view is created for its first data's size;
 * a vault opened cold grows from a few notes to all of them while it is indexed, and a filter or a deletion shrinks
 * it, so they are brought to the count of each sync.
 */
import type cytoscape from 'cytoscape';
import type { GraphCanvasProps } from './canvas-props.ts';
import { resizeOptions, sizeOptions } from './cy-instance.ts';
import { graphStyle } from './style.ts';
import { attachViewLabels } from './view-labels.ts';
import { sizeFlags, styleOptions } from './view-style.ts';

/** What of a view depends on its node count, as a key: views of the same key are set up alike. */
export function sizeKey(p: GraphCanvasProps, nodeCount: number, webgl: boolean): string {
  return JSON.stringify([sizeFlags(p, nodeCount), sizeOptions(nodeCount, webgl)]);
}

/**
 * Sets `cy` (styled for `nodeCount` nodes at its creation; `webgl`: drawn by WebGL) up for its size and returns the
 * function that brings it to a new node count: a restyle, the label picker swapped and the renderer options set,
 * only when the count crosses one of the thresholds. The label picker is detached when `cy` is destroyed.
 */
export function followSize(
  cy: cytoscape.Core,
  nodeCount: number,
  webgl: boolean,
  props: () => GraphCanvasProps,
): (nodeCount: number) => void {
  let key = sizeKey(props(), nodeCount, webgl);
  let detach = attachViewLabels(cy, nodeCount, props);
  cy.one('destroy', () => detach?.());
  return (n) => {
    const next = sizeKey(props(), n, webgl);
    if (next === key || cy.destroyed()) return;
    key = next;
    detach?.();
    cy.style(graphStyle(styleOptions(props(), n)));
    detach = attachViewLabels(cy, n, props);
    resizeOptions(cy, n, webgl);
  };
}
