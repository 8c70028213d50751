/**
 * Applying an element diff (element-diff.ts) to a Cytoscape instance without blocking the UI thread: removals and
 * data changes in one batch; additions in slices of {@link SLICE} that yield to the event loop once a task has spent
 * its time budget (work-budget.ts). A large addition (more than {@link ADD_CHUNK} elements) computes each slice's
 * style and bounding boxes at once and is drawn once, after the last slice; a large first load with kept positions
 * is drawn as it arrives, hubs first, once the view is shown.
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
}

export interface Applied {
  /** Added nodes that had no kept position (to be placed or laid out). */
  unplaced: cytoscape.NodeSingular[];
  /** Nodes added. */
  addedNodes: number;
  /** The addition was large (drawn once at the end: the caller forces a render). */
  chunked: boolean;
}

/** Applies `diff` to `cy`; resolves null when the sync became stale (or `cy` was destroyed) before it finished. */
export async function applyDiff(cy: cytoscape.Core, diff: ElementDiff, o: ApplyOptions): Promise<Applied | null> {
  const { kept, stale } = o;
  cy.batch(() => {
    for (const id of diff.remove) cy.getElementById(id).remove();
    for (const { id, data } of diff.changed) {
      const have = cy.getElementById(id);
      if (have.empty()) continue;
      const d = have.data();
      have.data({ ...data, display: d.display === d.label ? data.label : d.display });
    }
  });
  const freshNodes: cytoscape.ElementDefinition[] = diff.addNodes.map((n) => {
    const k = kept[n.data.id as string];
    return k ? { ...n, position: { x: k[0], y: k[1] } } : { ...n, data: { ...n.data, unplaced: true } };
  });
  const unplaced: cytoscape.NodeSingular[] = [];
  const chunked = freshNodes.length + diff.addEdges.length > ADD_CHUNK;
  // A large first load with kept positions is drawn as it arrives, hubs first, once the view is shown: nothing is
  // built while the tab is hidden, and the first draw (textures, labels, edge geometry) is spread over frames.
  const progressive = chunked && o.firstSync && o.keep && freshNodes.length > 0 && freshNodes.every((n) => n.position);
  if (progressive) {
    await o.whenActive();
    if (stale() || cy.destroyed()) return null;
    freshNodes.sort((a, b) => (b.data.size as number) - (a.data.size as number));
  } else if (chunked) pauseRendering(cy, true);
  let paused = chunked && !progressive;
  try {
    const budget = new TaskBudget();
    for (const list of [freshNodes, diff.addEdges]) {
      if (progressive && list === diff.addEdges && list.length) {
        // The nodes were drawn as they came (their textures made over many frames); the edges (lines, no
        // textures) are added with drawing paused and drawn once.
        pauseRendering(cy, true);
        paused = true;
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
              unplaced.push(e);
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
  return { unplaced, addedNodes: freshNodes.length, chunked };
}
