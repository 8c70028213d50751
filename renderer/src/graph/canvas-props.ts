/**
 * The props of a graph view (GraphCanvas.tsx) and the names shared with the views, tests and the benchmark.
 */
import type { GraphData } from '../../../electron/shared/api.ts';
import type { LearningOverlay } from '../learning/types.ts';
import type { GraphElements } from './elements.ts';
import type { PathHighlight } from './path-highlight.ts';
import type { GraphSettings } from './settings.ts';

/** Hover fades the rest of the graph only up to this many elements (restyling more costs a long frame). */
export const FADE_MAX = 8000;
/** Mark name of the global graph's first frame with laid-out nodes. */
export const FIRST_FRAME_MARK = 'atlas-graph-first-frame';

export interface GraphNodeRef {
  id: string;
  kind: string;
  label: string;
}

export interface GraphCanvasProps {
  /** Test hook name: `global`, `local` or `map`. */
  name: string;
  /** Accessible name of the focusable canvas. */
  label: string;
  data: GraphData | null;
  settings: GraphSettings;
  currentPath: string | null;
  overlay: LearningOverlay;
  /** The view is on screen (hidden views keep their state but skip fitting). */
  active: boolean;
  mode: 'force' | 'map';
  /** Label size in px at zoom 1. */
  fontSize: number;
  /** Keep positions in the vault (global graph). */
  keep?: boolean;
  /** Apply the filters of the controls (global graph). */
  filters?: boolean;
  /** Zoom to fit the whole view whenever the current note changes (local graph, map). */
  refitOnCurrent?: boolean;
  /** Lowest zoom a fit may end at (learning map: readable labels); the view is then centred on the current note. */
  minFitZoom?: number;
  /** Labels at a fixed size on screen, only as many as fit, the current note centred (screen-labels.ts; local graph). */
  screenLabels?: boolean;
  /**
   * Labels picked so that none overlap, the current and hovered notes' and their neighbours' legible, the current note
   * haloed and centred when the view opens (global-labels.ts; the global graph, up to LARGE nodes).
   */
  globalLabels?: boolean;
  /** A chain of notes drawn on the graph (path-highlight.ts): highlighted, the rest faded, the view fitted to it. */
  highlight?: PathHighlight | null;
  onOpen(node: GraphNodeRef): void;
  /** Double-click: the view shows this node's neighbours (the local graph fetches more). */
  onExpand?(id: string): void;
  /** The nodes now shown (after filters), for the "Graph nodes" list and the legend. */
  onShown?(shown: GraphElements, hidden: Set<string>): void;
}
