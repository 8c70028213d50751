/**
 * The Cytoscape stylesheet of every graph view, from the theme's CSS variables and the display settings.
 * Classes set by the views: `current` (the open note), `neighbour`, `far` and `nolabel` (screen-labels.ts), `hover`/`faded` (hover highlight), `kbd-focus`,
 * `learned`/`learning` (progress), `plan` and `plan-edge` (the learning plan), `path-node`/`path-edge`/`path-faded` (a
 * chain shown from the connection view), `filtered` (hidden by a filter).
 * Edge types (data `type`, see elements.ts): link (thin solid), embed (dotted), prereq (orange arrow), property (dashed),
 * tag (thin dotted, muted). The legend (GraphLegend.tsx) explains exactly these.
 */
import { useEffect, useState } from 'react';
import type cytoscape from 'cytoscape';
import { isDark, onThemeChange } from '../settings/appearance.ts';
import type { GraphSettings } from './settings.ts';

export interface GraphTheme {
  fg: string;
  muted: string;
  accent: string;
  border: string;
  node: string;
  prereq: string;
  bg: string;
  learned: string;
  /** The ring of a learned note: its fill alone could be a folder's green (folder-groups.ts FOLDER_PALETTE). */
  learnedRing: string;
  learning: string;
  edge: string;
}

function cssVar(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

/**
 * The graph's colours now: the theme's CSS variables (styles.css) plus the few graph-only colours, dark or light by
 * the app's Theme *setting* (`isDark()`: `data-theme` on <html>, or the system's scheme under "Adapt to system"),
 * never by the system's scheme alone.
 */
export function readTheme(): GraphTheme {
  const dark = isDark();
  return {
    fg: cssVar('--fg', dark ? '#dcdfe4' : '#1f2328'),
    muted: cssVar('--muted', dark ? '#9aa1ab' : '#6b7280'),
    accent: cssVar('--accent', dark ? '#a48bff' : '#7048e8'),
    border: cssVar('--border', dark ? '#3a3d43' : '#d7dbe0'),
    node: cssVar('--node', dark ? '#7d848f' : '#8a8f98'),
    prereq: cssVar('--prereq', dark ? '#f0a050' : '#d9822b'),
    bg: cssVar('--bg', dark ? '#1e1f22' : '#ffffff'),
    learned: dark ? '#3fb950' : '#2da44e',
    learnedRing: dark ? '#d2ffd9' : '#0b3d1c',
    learning: dark ? '#e3b341' : '#d29922',
    edge: dark ? '#4a4f57' : '#c3c8cf',
  };
}

/** Re-exported for the graph views; defined with the appearance settings it follows. */
export { onThemeChange };

/** The graph's colours, read again at every theme change (see {@link onThemeChange}). */
export function useGraphTheme(): GraphTheme {
  const [theme, setTheme] = useState(readTheme);
  useEffect(() => onThemeChange(() => setTheme(readTheme())), []);
  return theme;
}

export interface StyleOptions {
  theme: GraphTheme;
  settings: Pick<GraphSettings, 'arrows' | 'labelZoom' | 'linkThickness' | 'groups'>;
  /** Label font size in px at zoom 1 (larger in the learning map and the small local graph). */
  fontSize: number;
  /** Labels always drawn, whatever the zoom (small graphs). */
  alwaysLabels?: boolean;
  /**
   * A force view of many nodes (the global graph): links and prerequisite arrows drawn translucent, so the coloured
   * clusters and the hubs show through the mesh of edges; a hovered node's, the current note's and the plan's edges
   * are drawn opaque.
   */
  dense?: boolean;
  /**
   * Labels sized on screen (screen-labels.ts sets each node's `lfs`, `ltw`, `lmy`, `low` data for the zoom) and only
   * some shown (`nolabel` elsewhere; hover shows them); edges away from the current note drawn faint. The local graph.
   */
  screenLabels?: boolean;
  /** The learning map: labels up to {@link MAP_LABEL_PX} wide (its layout keeps room for them). */
  map?: boolean;
  /**
   * Labels picked so that none overlap, the current note's, the hovered node's and their neighbours' at a legible
   * size on screen, the current note haloed (global-labels.ts sets `gfs`, `gtw`, `gow`, `gup` and `nolabel`).
   */
  globalLabels?: boolean;
}

/** Widest label of the learning map, px at zoom 1. */
export const MAP_LABEL_PX = 220;

/**
 * Label sizes of a dense force view (the global graph) by link count, model px: [smallest, largest] for `fontSize`.
 * Labels grow with the node, up to 3.3× the base size: at the fitted zoom of a large graph only the hubs' labels are
 * above the fade threshold, so they are legible and do not overlap.
 */
export function denseFontRange(fontSize: number): [number, number] {
  return [Math.round(fontSize * 0.9), Math.round(fontSize * 3.3)];
}

/** Node diameter drawn for the layout's diameter (elements.ts nodeSize: 8–40 px by link count): Obsidian's small dots. */
const DRAWN_SIZE = 'mapData(size, 8, 40, 8, 30)';
/** The learning map's few nodes drawn larger (at least 14 px): its dagre ranks leave ample room between them. */
const MAP_DRAWN_SIZE = 'mapData(size, 8, 40, 14, 30)';

/** The fade threshold of a view: labels smaller on screen are not drawn (`min-zoomed-font-size`), px. */
export function fadeThreshold(o: Pick<StyleOptions, 'alwaysLabels' | 'fontSize' | 'settings'>): number {
  return o.alwaysLabels ? 0 : Math.round(o.fontSize * o.settings.labelZoom);
}

export function graphStyle(o: StyleOptions): cytoscape.StylesheetJson {
  const { theme: t, settings: s, fontSize } = o;
  const minZoomed = fadeThreshold(o);
  const w = s.linkThickness;
  const sheet: cytoscape.StylesheetJson = [
    {
      selector: 'node',
      style: {
        'background-color': t.node,
        label: 'data(display)',
        color: t.fg,
        // Labels grow with the node (its link count): see denseFontRange.
        'font-size': `mapData(size, 8, 40, ${Math.round(fontSize * 0.9)}, ${o.dense ? denseFontRange(fontSize)[1] : Math.round(fontSize * 1.6)})`,
        'min-zoomed-font-size': minZoomed,
        'text-valign': 'bottom',
        'text-margin-y': 3,
        width: o.map ? MAP_DRAWN_SIZE : DRAWN_SIZE,
        height: o.map ? MAP_DRAWN_SIZE : DRAWN_SIZE,
        'text-wrap': 'ellipsis',
        // in model px: the large hub labels of a dense graph get room for their words
        'text-max-width': o.dense ? '320px' : o.map ? `${MAP_LABEL_PX}px` : '140px',
        'text-outline-color': t.bg,
        'text-outline-width': 2,
        'text-outline-opacity': 0.85,
        'transition-property': 'opacity',
        'transition-duration': 0,
      },
    },
    ...s.groups.map((g, i) => ({ selector: `node[group = ${i}]`, style: { 'background-color': g.color } })),
    { selector: 'node[kind = "attachment"]', style: { shape: 'round-rectangle', 'background-color': t.muted } },
    {
      selector: 'node[kind = "tag"]',
      style: { shape: 'diamond', 'background-color': t.accent, 'background-opacity': 0.5 },
    },
    {
      selector: 'node[kind = "unresolved"]',
      style: {
        'background-opacity': 0.12,
        'border-width': 1.5,
        'border-style': 'dashed',
        'border-color': t.muted,
        color: t.muted,
      },
    },
    { selector: 'node.learning', style: { 'background-color': t.learning } },
    {
      selector: 'node.plan',
      style: { 'border-width': 3, 'border-color': t.prereq, 'font-weight': 'bold', 'min-zoomed-font-size': 0 },
    },
    // after the plan's ring: a learned step of the plan shows it is done (its numbered bold label still says "in plan")
    {
      selector: 'node.learned',
      style: {
        'background-color': t.learned,
        'border-width': 3,
        'border-color': t.learnedRing,
        'border-style': 'solid',
      },
    },
    {
      selector: 'edge',
      style: {
        width: w,
        'line-color': t.edge,
        'curve-style': 'haystack',
        'haystack-radius': 0,
        ...(s.arrows
          ? {
              'curve-style': 'straight',
              'target-arrow-shape': 'triangle',
              'target-arrow-color': t.edge,
              'arrow-scale': 0.7,
            }
          : {}),
      },
    },
    { selector: 'edge[type = "embed"]', style: { 'curve-style': 'straight', 'line-style': 'dotted', width: w * 1.4 } },
    { selector: 'edge[type = "property"]', style: { 'curve-style': 'straight', 'line-style': 'dashed' } },
    {
      selector: 'edge[type = "tag"]',
      style: { 'curve-style': 'straight', 'line-style': 'dotted', 'line-color': t.accent, opacity: 0.5 },
    },
    {
      selector: 'edge[type = "prereq"]',
      style: {
        width: w * 1.6,
        'line-color': t.prereq,
        'line-style': 'solid',
        'curve-style': 'straight',
        'target-arrow-shape': 'triangle',
        'target-arrow-color': t.prereq,
        'arrow-scale': 0.9,
      },
    },
    ...(o.dense
      ? [
          { selector: 'edge', style: { opacity: 0.45 } },
          { selector: 'edge[type = "prereq"]', style: { opacity: 0.5, width: w * 1.2, 'arrow-scale': 0.7 } },
        ]
      : []),
    { selector: 'edge.plan-edge', style: { width: w * 3.5, 'z-index': 5, opacity: 1 } },
    {
      selector: 'node.current',
      style: {
        'background-color': t.accent,
        'border-width': 4,
        'border-color': t.accent,
        'border-opacity': 0.35,
        'font-weight': 'bold',
        'font-size': fontSize + 2,
        'min-zoomed-font-size': 0,
        'z-index': 10,
      },
    },
    { selector: 'node.neighbour', style: { 'min-zoomed-font-size': 0 } },
    {
      selector: 'edge.current-edge',
      style: { 'line-color': t.accent, 'target-arrow-color': t.accent, width: w * 1.6, opacity: 1 },
    },
    // A prerequisite of or to the current note stays a prerequisite arrow (the legend's orange), only bolder.
    {
      selector: 'edge.current-edge[type = "prereq"]',
      style: { 'line-color': t.prereq, 'target-arrow-color': t.prereq },
    },
    { selector: 'edge.current-edge.plan-edge', style: { width: w * 3.5 } },
    {
      selector: 'node.hover',
      style: {
        'min-zoomed-font-size': 0,
        'font-weight': 'bold',
        'z-index': 20,
        'border-width': 2,
        'border-color': t.accent,
      },
    },
    { selector: 'node.hover-nb', style: { 'min-zoomed-font-size': 0, 'z-index': 15 } },
    {
      selector: 'edge.hover-edge',
      style: { 'line-color': t.accent, 'target-arrow-color': t.accent, 'z-index': 15, opacity: 1 },
    },
    ...(o.screenLabels
      ? [
          {
            selector: 'node[lfs]',
            style: {
              'font-size': 'data(lfs)',
              'text-max-width': 'data(ltw)',
              'text-margin-y': 'data(lmy)',
              'text-outline-width': 'data(low)',
              'text-margin-x': 'data(lmx)',
              width: 'data(lsz)',
              height: 'data(lsz)',
              'min-zoomed-font-size': 0,
            } as unknown as cytoscape.Css.Node,
          },
          { selector: 'node.nolabel', style: { label: '' } },
          {
            selector: 'node.nolabel.hover, node.nolabel.hover-nb, node.nolabel.kbd-focus, node.nolabel.path-node',
            style: { label: 'data(display)' },
          },
          { selector: 'edge', style: { opacity: 0.3 } },
          { selector: 'node.far', style: { opacity: 0.55 } },
          { selector: 'edge.far', style: { opacity: 0.12 } },
          { selector: 'edge.current-edge', style: { opacity: 0.55 } },
          { selector: 'edge.hover-edge, edge.plan-edge', style: { opacity: 0.9 } },
          { selector: 'node.far.hover, node.far.hover-nb, node.far.kbd-focus', style: { opacity: 1 } },
        ]
      : []),
    ...(o.globalLabels
      ? [
          {
            selector: 'node[gfs]',
            style: {
              'font-size': 'data(gfs)',
              'text-max-width': 'data(gtw)',
              'text-outline-width': 'data(gow)',
              'min-zoomed-font-size': 0,
            } as unknown as cytoscape.Css.Node,
          },
          {
            selector: 'node[gup]',
            style: {
              'underlay-color': t.accent,
              'underlay-opacity': 0.3,
              'underlay-padding': 'data(gup)',
              'underlay-shape': 'ellipse',
            } as unknown as cytoscape.Css.Node,
          },
          { selector: 'node.nolabel', style: { label: '' } },
        ]
      : []),
    { selector: '.faded', style: { opacity: 0.15 } },
    // A chain drawn on the graph (the connection view's "Show on graph", path-highlight.ts).
    { selector: '.path-faded', style: { opacity: 0.1 } },
    {
      selector: 'node.path-node',
      style: {
        'border-width': 4,
        'border-color': t.accent,
        'font-weight': 'bold',
        'min-zoomed-font-size': 0,
        'z-index': 40,
        opacity: 1,
      },
    },
    {
      selector: 'edge.path-edge',
      style: {
        'line-color': t.accent,
        'target-arrow-color': t.accent,
        'line-style': 'solid',
        width: w * 4,
        'z-index': 40,
        opacity: 1,
      },
    },
    {
      selector: 'node.kbd-focus',
      style: {
        'border-width': 3,
        'border-color': t.fg,
        'border-style': 'double',
        'min-zoomed-font-size': 0,
        'z-index': 30,
      },
    },
    { selector: '.filtered', style: { display: 'none' } },
  ];
  return sheet;
}
