/**
 * The vault graph the views draw, kept up to date by deltas (#11: one saved note changes only its node and edges):
 * the first answer is the whole graph; after each index change (backend/vault-events.ts) the graph is brought up to
 * date with `api.graphDelta(version)`, the change since the version held, applied here (graph-delta.ts). The backend
 * answers the whole graph instead when it does not know the change or it is large (a cold index, a bulk rename), and
 * after a reconnect (changes may have been missed) the whole graph is asked for.
 *
 * One feed per filter, shared by the components that ask for it; its updates are applied one at a time, in order.
 * Graph data derived by a delta knows its base and change (`derivationOf` in graph-delta.ts), so the graph views
 * update only the changed elements (element-delta.ts).
 */
import { useEffect, useState } from 'react';
import type { GraphData, GraphFilter, GraphUpdate } from '../../../electron/shared/api.ts';
import { api } from '../client.ts';
import { getSnapshot, useIndexVersion } from '../backend/vault-events.ts';
import { applyGraphDelta, isEmptyDelta } from './graph-delta.ts';

interface Feed {
  filter: GraphFilter;
  /** Index version of `data` (the backend's), null before the first answer. */
  version: number | null;
  data: GraphData | null;
  /** The renderer's index version `data` is up to date with (vault-events.ts), -1 before the first answer. */
  seen: number;
  /** The `vault-changed` seq last seen: a newer "anything changed" (reconnect) asks for the whole graph. */
  changeSeq: number;
  /** The update in flight: updates are applied one after another. */
  chain: Promise<unknown>;
}

const feeds = new Map<string, Feed>();

function feedOf(key: string, filter: GraphFilter): Feed {
  let f = feeds.get(key);
  if (!f) {
    f = { filter, version: null, data: null, seen: -1, changeSeq: 0, chain: Promise.resolve() };
    feeds.set(key, f);
  }
  return f;
}

/** Applies one answer of `graphDelta` to the feed. */
function take(f: Feed, u: GraphUpdate): void {
  if (u.kind === 'full') f.data = u.graph;
  else if (f.data && u.since === f.version) {
    // nothing changed (e.g. only flashcard tags): the same object, so nothing downstream runs
    if (!isEmptyDelta(u.delta)) f.data = applyGraphDelta(f.data, u.delta);
  } else return;
  f.version = u.version;
}

/** Brings the feed up to the renderer's index version `seen` (once per version, in order). */
function refresh(f: Feed, seen: number): Promise<GraphData | null> {
  const next = f.chain.then(async () => {
    if (f.seen >= seen && f.data) return f.data;
    const change = getSnapshot().lastChange;
    const everything = !!change && change.seq > f.changeSeq && !change.changed.length && !change.deleted.length;
    if (change) f.changeSeq = change.seq;
    let u = await api.graphDelta(everything ? null : f.version, f.filter);
    // an answer that does not follow from what is held (e.g. another answer came between): the whole graph
    if (u.kind === 'delta' && (!f.data || u.since !== f.version)) u = await api.graphDelta(null, f.filter);
    take(f, u);
    f.seen = Math.max(f.seen, seen);
    return f.data;
  });
  f.chain = next.catch(() => undefined);
  return next;
}

/**
 * Starts fetching the whole graph of `filter` now, before anything asks for it (main.tsx: before the first render,
 * beside the index status, so the largest answer of a window's start is not queued behind the first render and the
 * panes' fetches). The first `useGraphData(filter)` then asks only for the change since that answer's version (an
 * empty delta, unless the index moved meanwhile). A failed prefetch is forgotten (the hook fetches the graph itself).
 */
export function prefetchGraph(filter: GraphFilter): void {
  const f = feedOf(JSON.stringify(filter), filter);
  if (f.data || f.seen >= 0) return;
  const next = f.chain.then(async () => take(f, await api.graphDelta(null, f.filter)));
  f.chain = next.catch(() => undefined);
}

export interface GraphDataState {
  data: GraphData | null;
  error: Error | null;
}

/**
 * The vault graph of `filter` at the current index version (null filter: nothing, data null). While an update loads
 * the previous graph stays (never blanks out).
 */
export function useGraphData(filter: GraphFilter | null): GraphDataState {
  const seen = useIndexVersion();
  const key = filter === null ? null : JSON.stringify(filter);
  const [state, setState] = useState<GraphDataState & { key: string | null }>({ key: null, data: null, error: null });
  // biome-ignore lint/correctness/useExhaustiveDependencies: the filter is named by its key
  useEffect(() => {
    if (key === null || filter === null) return;
    let live = true;
    refresh(feedOf(key, filter), seen).then(
      (data) => {
        if (live) setState({ key, data, error: null });
      },
      (error: Error) => {
        if (live) setState((s) => ({ key, data: s.key === key ? s.data : null, error }));
      },
    );
    return () => {
      live = false;
    };
  }, [key, seen]);
  if (key === null) return { data: null, error: null };
  if (state.key === key) return state;
  // another filter's graph while this one loads (keepPrevious, as the graph tab's extra graph did)
  return { data: state.data, error: null };
}
