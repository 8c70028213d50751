/**
 * The style options of one graph view (style.ts's graphStyle input) from its props and node count.
 */
import type { GraphCanvasProps } from './canvas-props.ts';
import { LARGE } from './renderer-choice.ts';
import { readTheme } from './style.ts';

/**
 * The global graph's labels are picked so that none overlap (global-labels.ts): they may fade at a smaller size, the
 * default label zoom (1.3) then hiding labels under 11 px on screen (14 px in a large graph).
 */
const PICKED_LABEL_ZOOM = 1 / 1.3;

/**
 * Style options of a view: the learning map always shows its labels (it is fitted at a readable zoom); the local
 * graph fades labels at half the global threshold (it is small and fitted to its pane); tiny graphs show all labels;
 * the global graph's labels are picked apart (global-labels.ts) up to LARGE nodes, and fade later.
 */
export function styleOptions(p: GraphCanvasProps, nodeCount: number) {
  const { alwaysLabels, dense, globalLabels: global } = sizeFlags(p, nodeCount);
  const settings =
    p.refitOnCurrent && p.mode === 'force'
      ? { ...p.settings, labelZoom: p.settings.labelZoom / 2 }
      : global
        ? { ...p.settings, labelZoom: p.settings.labelZoom * PICKED_LABEL_ZOOM }
        : p.settings;
  return {
    theme: readTheme(),
    settings,
    fontSize: p.fontSize,
    alwaysLabels,
    dense,
    screenLabels: p.screenLabels,
    map: p.mode === 'map',
    globalLabels: global,
  };
}

/**
 * The style options that follow the node count (follow-size.ts restyles a view when they change): every label shown
 * in a graph of up to 40 nodes and in the map, the dense style of a larger force graph, the global graph's labels
 * picked apart up to LARGE nodes.
 */
export function sizeFlags(p: GraphCanvasProps, nodeCount: number) {
  return {
    alwaysLabels: nodeCount <= 40 || p.mode === 'map',
    dense: p.mode === 'force' && nodeCount > 40,
    globalLabels: p.globalLabels === true && nodeCount <= LARGE,
  };
}
