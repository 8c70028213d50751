/**
 * Applying an element diff (element-diff.ts) to a Cytoscape instance without blocking the UI thread: removals and
 * data changes in one batch; additions in slices of {@link SLICE} that yield to the event loop once a task has spent
 * its time budget (work-budget.ts). A large addition (more than {@link ADD_CHUNK} elements) computes each slice's
 * style and bounding boxes at once and is drawn once, after the last slice; a large first load with kept positions
 * draws its nodes first (once, after the last node slice, when the view is shown: `nodesShown`), then its edges.
 */
import type cytoscape from 'cytoscape';
import type { GraphPositions } from '../../../electron/shared/api.ts';
import type { ElementDiff } from './element-diff.ts';
import { inSlices, pauseRendering, TaskBudget } from './work-budget.ts';

/** A sync adding more elements than this adds them in slices with drawing paused (the first load of a large vault). */
export const ADD_CHUNK = 600;
/** Elements per slice of a large addition (a task runs slices until its time budget is spent). */
const SLICE = 100;

/** Computes the style and bounding boxes (label sizes, edge geometry) of freshly added elements now. */
function warmUp(added: cytoscape.CollectionReturnValue): void {
  added.forEach((e) => {
    e.numericStyle('width');
  });
  added.nodes().boundingBox();
  added.edges().boundingBox();
}

export interface ApplyOptions {
  /** Kept positions by node id (nodes without one are added `unplaced`). */
  kept: GraphPositions;
  /** The view's first sync. */
  firstSync: boolean;
  /** The view keeps its positions (global graph). */
  keep: boolean;
  /** Resolves once the view is shown. */
  whenActive(): Promise<void>;
  /** A newer sync superseded this one. */
  stale(): boolean;
  /**
   * A large first load with kept positions: its nodes are in and drawing resumed; the edges are added once the
   * returned promise resolves (the view marks itself ready and waits for the nodes' frame).
   */
  nodesShown?(): Promise<void>;
}

export interface Applied {
  /** Added nodes that had no kept position (to be placed or laid out). */
  unplaced: cytoscape.NodeSingular[];
  /** Nodes added. */
  addedNodes: number;
  /** The addition was large (drawn once at the end: the caller forces a render). */
  chunked: boolean;
  /**
   * Nodes already drawn whose `size` grew (more links), in this sync or one superseded before it finished: they may now
   * overlap a neighbour (place-nodes.ts separateGrown).
   */
  grown: cytoscape.NodeSingular[];
}

/**
 * Nodes added without a kept position whose sync has not finished yet. A sync superseded mid-way (`stale`) leaves
 * its added nodes in the graph; the next sync that finishes places them with its own (before, they were never placed
 * nor kept: a 1,000-note vault opened during its cold index kept 361 of 1,269 positions).
 */
const pendingUnplaced = new WeakMap<cytoscape.Core, Set<cytoscape.NodeSingular>>();
/** Likewise the nodes whose size grew in a sync that did not finish (the next that finishes separates them). */
const pendingGrown = new WeakMap<cytoscape.Core, Set<cytoscape.NodeSingular>>();

/**
 * Applies `diff` to `cy`; resolves null when the sync became stale (or `cy` was destroyed) before it finished.
 * `unplaced` lists every node still to place: this sync's and those of earlier syncs that did not finish.
 */
export async function applyDiff(cy: cytoscape.Core, diff: ElementDiff, o: ApplyOptions): Promise<Applied | null> {
  const { kept, stale } = o;
  let grown = pendingGrown.get(cy);
  if (!grown) {
    grown = new Set();
    pendingGrown.set(cy, grown);
  }
  cy.batch(() => {
    for (const id of diff.remove) cy.getElementById(id).remove();
    for (const { id, data } of diff.changed) {
      const have = cy.getElementById(id);
      if (have.empty()) continue;
      const d = have.data();
      if (have.isNode() && (data.size as number) > (d.size as number)) grown.add(have as cytoscape.NodeSingular);
      have.data({ ...data, display: d.display === d.label ? data.label : d.display });
    }
  });
  const freshNodes: cytoscape.ElementDefinition[] = diff.addNodes.map((n) => {
    const k = kept[n.data.id as string];
    return k ? { ...n, position: { x: k[0], y: k[1] } } : { ...n, data: { ...n.data, unplaced: true } };
  });
  let pending = pendingUnplaced.get(cy);
  if (!pending) {
    pending = new Set();
    pendingUnplaced.set(cy, pending);
  }
  const chunked = freshNodes.length + diff.addEdges.length > ADD_CHUNK;
  // A large first load with kept positions draws its nodes first, once the view is shown (nothing is built while the
  // tab is hidden): the nodes in slices with drawing paused, one frame of nodes, then the edges the same way.
  // Drawing each slice as it came (the previous way) redrew every node added so far in each frame: O(n²) drawing.
  const nodesFirst = chunked && o.firstSync && o.keep && freshNodes.length > 0 && freshNodes.every((n) => n.position);
  if (nodesFirst) {
    await o.whenActive();
    if (stale() || cy.destroyed()) return null;
  }
  if (chunked) pauseRendering(cy, true);
  let paused = chunked;
  try {
    const budget = new TaskBudget();
    for (const list of [freshNodes, diff.addEdges]) {
      if (nodesFirst && list === diff.addEdges) {
        pauseRendering(cy, false);
        paused = false;
        await o.nodesShown?.();
        if (stale() || cy.destroyed()) return null;
        pauseRendering(cy, true);
        paused = true;
        budget.restart();
      }
      const done = await inSlices(
        list,
        SLICE,
        (part) => {
          if (part[0].group === 'edges') {
            // A newer sync may have removed an end meanwhile.
            part = part.filter(
              (e) =>
                cy.getElementById(e.data.source as string).nonempty() &&
                cy.getElementById(e.data.target as string).nonempty(),
            );
          }
          const added = cy.add(part);
          added.forEach((e) => {
            if (e.isNode() && e.data('unplaced')) {
              pending.add(e);
              e.removeData('unplaced');
            }
          });
          // Large additions: style and bounding boxes (label sizes, edge geometry) now, slice by slice, rather
          // than all in the first frame.
          if (chunked) warmUp(added);
        },
        () => stale() || cy.destroyed(),
        budget,
      );
      if (!done) return null;
    }
  } finally {
    if (paused && !cy.destroyed()) pauseRendering(cy, false);
  }
  const unplaced = [...pending].filter((n) => !n.removed());
  pending.clear();
  const bigger = [...grown].filter((n) => !n.removed());
  grown.clear();
  return { unplaced, addedNodes: freshNodes.length, chunked, grown: bigger };
}
