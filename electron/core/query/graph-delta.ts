/**
 * One saved note changes only its node and edges (#11): the vault graph's change since an index version, read for
 * just the notes that changed (the index's change log, electron/core/index/change-log.ts), instead of the whole
 * graph again. The renderer applies it to the graph it holds (`GraphDelta` in electron/core/model/graph.ts says
 * how); `graph()` (graph.ts) stays the answer when the change is not known or too large.
 */
import type { GraphDelta, GraphFilter, GraphUpdate } from '../model.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { addTagNodes, GraphBuilder, graph, noteNode } from './graph.ts';

/** More changed paths than this are answered with the whole graph (a bulk rename, a re-synced folder). */
export const MAX_DELTA_PATHS = 500;

/** What changed in the index after a version (the engine's `changesSince`). */
export interface ChangedPaths {
  changed: string[];
  deleted: string[];
  relinked: string[];
}

/**
 * The graph of `filter` (as `graph()`) as a delta from version `since` to `version`, given what changed in between
 * (`changes`, null when not known); the whole graph when `changes` is null, over {@link MAX_DELTA_PATHS} paths, or
 * when the filter narrows by tag or folder (a changed note could bring or take other notes' edges).
 * Cost: the changed notes' rows and links only.
 */
export function graphUpdate(
  store: GraphStore,
  since: number,
  version: number,
  changes: ChangedPaths | null,
  filter: GraphFilter = {},
): GraphUpdate {
  const size = changes ? changes.changed.length + changes.deleted.length + changes.relinked.length : 0;
  if (!changes || size > MAX_DELTA_PATHS || filter.tag || filter.folder)
    return { kind: 'full', version, graph: graph(store, filter) };
  return { kind: 'delta', since, version, delta: graphDelta(store, changes, filter) };
}

/** The delta of `changes` for the graph of `filter` (tag and folder ignored: see `graphUpdate`). */
export function graphDelta(store: GraphStore, changes: ChangedPaths, filter: GraphFilter = {}): GraphDelta {
  const includeAttachments = filter.includeAttachments ?? false;
  const includeUnresolved = filter.includeUnresolved ?? true;
  const touched = [...new Set([...changes.changed, ...changes.relinked])];
  const b = new GraphBuilder();
  const notes = touched.length ? store.graphNotes(touched) : [];
  for (const n of notes) b.nodes.set(n.path, noteNode(n));
  const sources = notes.map((n) => n.path);
  const removed = new Set(changes.deleted);
  // a changed path that is no note (any more) and no attachment has no node: e.g. a note whose row is gone
  for (const p of touched) if (!b.nodes.has(p) && /\.md$/i.test(p)) removed.add(p);
  if (sources.length)
    for (const e of store.edgeRows(sources))
      b.addEdge(
        e,
        includeAttachments,
        includeUnresolved,
        // every note is in the unfiltered graph: a target that is a note (with a row) and not just deleted
        (p) => b.nodes.has(p) || (e.targetKind === 'note' && !removed.has(p)),
      );
  if (filter.includeTags) addTagNodes(b);
  const { nodes, edges } = b.data();
  return { nodes, removed: [...removed], sources, edges };
}
