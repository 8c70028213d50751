/**
 * The style options of one graph view (style.ts's graphStyle input) from its props and node count.
 */
import type { GraphCanvasProps } from './canvas-props.ts';
import { readTheme } from './style.ts';

/**
 * Style options of a view: the learning map always shows its labels (it is fitted at a readable zoom); the local
 * graph fades labels at half the global threshold (it is small and fitted to its pane); tiny graphs show all labels.
 */
export function styleOptions(p: GraphCanvasProps, nodeCount: number) {
  const settings =
    p.refitOnCurrent && p.mode === 'force' ? { ...p.settings, labelZoom: p.settings.labelZoom / 2 } : p.settings;
  return {
    theme: readTheme(),
    settings,
    fontSize: p.fontSize,
    alwaysLabels: nodeCount <= 40 || p.mode === 'map',
    dense: p.mode === 'force' && nodeCount > 40,
    screenLabels: p.screenLabels,
    map: p.mode === 'map',
  };
}
