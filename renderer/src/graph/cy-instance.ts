/**
 * Creating a graph view's Cytoscape instance: the renderer chosen by node count (renderer-choice.ts), the
 * large-graph drawing options, and the pointer handlers (hover highlight, click opens at once, double-click expands, a
 * dropped node keeps its place).
 */
import cytoscape from 'cytoscape';
import { FADE_MAX, type GraphNodeRef } from './canvas-props.ts';
import { installHitIndex } from './hit-index.ts';
import { installProgressiveDraw } from './progressive-draw.ts';
import { LARGE, wantsWebgl } from './renderer-choice.ts';
import { installSharedStyleKeys } from './style-hints.ts';
import { installBatchedStyleTriggers } from './style-triggers.ts';
import { installInternedContextKeys } from './style-context-keys.ts';
import { installFastBoundingBox } from './bbox-fast.ts';
import { installKeptColours } from './color-styles.ts';
import { installLeanEdgeDrawing } from './edge-drawing.ts';
import { installKeyedZSort } from './z-order.ts';

/** Two clicks on the graph within this many ms make a double-click (Cytoscape's `multiClickDebounceTime`). */
export const DOUBLE_CLICK_MS = 250;

export interface CyHandlers {
  /** Click on a node. */
  onOpen(node: GraphNodeRef): void;
  /** Double-click on a node. */
  onExpand(node: cytoscape.NodeSingular): void;
  /** A dragged node was dropped (once per node dropped). */
  onDragFree(node: cytoscape.NodeSingular): void;
}

/**
 * The hover highlight of each graph while a node is hovered: the highlighted collection when it faded nothing (a
 * large graph, so its classes go without a pass over all elements), else null.
 */
const hovered = new WeakMap<cytoscape.Core, cytoscape.CollectionReturnValue | null>();

/**
 * Ends the hover highlight of `cy` (hover fades the non-neighbours, Obsidian's graph view), if a node is highlighted.
 * Called when the hovered node leaves, and when filters change what is shown.
 */
export function clearHover(cy: cytoscape.Core): void {
  if (!hovered.has(cy)) return;
  const lit = hovered.get(cy);
  hovered.delete(cy);
  cy.batch(() =>
    (lit ?? cy.elements('.faded, .hover, .hover-nb, .hover-edge')).removeClass('faded hover hover-nb hover-edge'),
  );
}

/** The renderer options that follow the graph's size (see {@link resizeOptions}). */
export function sizeOptions(nodeCount: number, webgl: boolean) {
  return {
    textureOnViewport: nodeCount > 300,
    // The canvas renderer draws large graphs in slices with the last picture following the viewport
    // (progressive-draw.ts): hiding edges would only add a direct draw of every node per frame.
    hideEdgesOnViewport: webgl && nodeCount > LARGE,
    // Large graphs: one device pixel per CSS pixel (a quarter of the fill work on a 2× screen).
    ...(nodeCount > LARGE ? { pixelRatio: 1 } : {}),
  };
}

/**
 * Sets `cy`'s size-dependent renderer options (texture while the viewport moves, edges hidden, pixel ratio) for a
 * graph grown or shrunk to `nodeCount` nodes since it was created (`webgl`: created with WebGL). Cytoscape reads them
 * from its options once, into renderer fields (extensions/renderer/base/index.mjs). The renderer kind stays the one
 * chosen at creation.
 */
export function resizeOptions(cy: cytoscape.Core, nodeCount: number, webgl: boolean): void {
  const r = (cy as unknown as { renderer(): Record<string, unknown> | undefined }).renderer();
  if (!r) return;
  const o = sizeOptions(nodeCount, webgl);
  const ratio = 'pixelRatio' in o ? o.pixelRatio : null;
  r.textureOnViewport = o.textureOnViewport;
  r.hideEdgesOnViewport = o.hideEdgesOnViewport;
  if (r.forcedPixelRatio !== ratio) {
    r.forcedPixelRatio = ratio;
    // the canvases are sized by the pixel ratio
    cy.resize();
  }
}

/**
 * A Cytoscape instance in `container` for a graph of `nodeCount` nodes, with `style`. `webgl` tells which renderer
 * draws it.
 */
export function createCy(
  container: HTMLDivElement | null,
  nodeCount: number,
  style: cytoscape.StylesheetJson,
  on: CyHandlers,
): { cy: cytoscape.Core; webgl: boolean } {
  const webgl = wantsWebgl(nodeCount);
  const cy = cytoscape({
    container,
    style,
    minZoom: 0.02,
    maxZoom: 4,
    ...sizeOptions(nodeCount, webgl),
    motionBlur: false,
    boxSelectionEnabled: false,
    multiClickDebounceTime: DOUBLE_CLICK_MS,
    selectionType: 'single',
    autounselectify: true,
    ...(webgl ? { renderer: { name: 'canvas', webgl: true } } : {}),
  } as cytoscape.CytoscapeOptions);
  // Large node layers are drawn in slices over several frames rather than in one long task (progressive-draw.ts).
  // The drawing order of a large graph sorted by keys read once per element (z-order.ts); pointer hits through a
  // spatial index, not a test of every element per mouse move (hit-index.ts).
  installKeyedZSort(cy);
  // style hints computed without 22 arrays kept per element (style-hints.ts)
  installSharedStyleKeys(cy);
  // an element's style triggers (bounds dirtied, `bounds` events) once per style application (style-triggers.ts)
  installBatchedStyleTriggers(cy);
  // context keys (which selectors match) as kept strings, not concatenated per element (style-context-keys.ts)
  installInternedContextKeys(cy);
  // the drawing's many cached-box reads without garbage (bbox-fast.ts)
  installFastBoundingBox(cy);
  if (!webgl) {
    // colour strings kept, not made per element per frame (color-styles.ts)
    installKeptColours(cy);
    // edges drawn without closures, style names, path keys and dash arrays made per edge per frame (edge-drawing.ts)
    installLeanEdgeDrawing(cy);
    installProgressiveDraw(cy);
    installHitIndex(cy);
  }
  // the element pool's size (`cy.elements()` would copy all of it on every hover)
  const big = () =>
    (cy as unknown as { mutableElements(): cytoscape.CollectionReturnValue }).mutableElements().length > FADE_MAX;
  cy.on('mouseover', 'node', (e) => {
    const n = e.target as cytoscape.NodeSingular;
    clearHover(cy);
    cy.batch(() => {
      const nb = n.closedNeighborhood();
      const fade = !big();
      if (fade) cy.elements().not(nb).addClass('faded');
      n.addClass('hover');
      nb.nodes().not(n).addClass('hover-nb');
      n.connectedEdges().addClass('hover-edge');
      hovered.set(cy, fade ? null : nb);
    });
    if (container) container.style.cursor = 'pointer';
  });
  cy.on('mouseout', 'node', () => {
    clearHover(cy);
    if (container) container.style.cursor = '';
  });
  // the pointer may leave without a `mouseout` (the node was hidden or removed under it, the pointer left the
  // canvas fast): the highlight must not outlive it
  cy.on('remove', 'node.hover', () => clearHover(cy));
  const onLeave = () => clearHover(cy);
  container?.addEventListener('mouseleave', onLeave);
  cy.one('destroy', () => container?.removeEventListener('mouseleave', onLeave));
  // A click opens at once (`tap`, no wait for a second click); the views keep the clicked node where it is for the
  // double-click window (GraphCanvas.tsx, LocalGraph.tsx), so a double-click's second click still hits it and
  // expands it in place.
  cy.on('tap', 'node', (e) => {
    const n = e.target as cytoscape.NodeSingular;
    on.onOpen({ id: n.id(), kind: n.data('kind') as string, label: n.data('label') as string });
  });
  cy.on('dbltap', 'node', (e) => on.onExpand(e.target as cytoscape.NodeSingular));
  cy.on('dragfree', 'node', (e) => on.onDragFree(e.target as cytoscape.NodeSingular));
  return { cy, webgl };
}
