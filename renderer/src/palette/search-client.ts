/**
 * The quick switcher's and `[[` completion's note search. Answered, in this order:
 * 1. an empty query needs no search (the recent notes, then the others in vault order), at once;
 * 2. on a vault of at most {@link SYNC_MAX_NOTES} notes whose targets are prepared on this thread (at idle, see
 *    switcher-index.ts), here, synchronously: the search pass costs a few ms there (`npm run bench:switcher`: p95
 *    4 ms over 24,000 targets of 10,000 notes), and only an answer computed in the keystroke's own task is painted in
 *    the keystroke's frame (Chromium runs a worker's message, like any task, after the frame that follows an input
 *    event: a worker's answer costs one frame more, ≈ 17 ms);
 * 3. from the channel's pool (the few targets its last worker-answered query matched), here, when the query extends
 *    that one;
 * 4. in the note-search worker (search-worker.ts): larger vaults, and while this thread's targets are being built.
 * {@link setSearchNotes} hands both the vault's notes when they change, {@link findNotes} asks one query. Each channel
 * ('switcher', 'link') is answered for its latest query only: an older pending one resolves null. Where a worker
 * cannot start, every query is searched here (same answers).
 */
import { useEffect } from 'react';
import type { FromWorker, SearchChannel, ToWorker } from './search-protocol.ts';
import { prepareSwitcher, readyTargets, sameNotes, targetsFor } from './switcher-index.ts';
import {
  newSearchMemo,
  type PoolTarget,
  poolTargets,
  queryKey,
  searchNotes,
  type SearchMemo,
  type SwitcherNote,
  type Target,
} from './switcher-search.ts';

/** Performance measure of one search in the worker (its own time, placed as ending when the answer arrived), ms. */
export const WORKER_SEARCH_MEASURE = 'atlas-note-search-worker';

/**
 * Most notes of a vault searched on this thread (step 2 above): the search pass grows with the targets (≈ 2.5 per
 * note), and at this many notes it stays under ≈ 7 ms at p95 on a 2-core machine; larger vaults ask the worker.
 */
export const SYNC_MAX_NOTES = 16_000;

/** Performance mark of each query answered on this thread, from a pool or all targets (tests and benchmarks count them). */
export const LOCAL_SEARCH_MARK = 'atlas-note-search-local';

/** One note found: the note, what matched (`target.kind`, `target.shown`; null for an empty query) and where. */
export interface FoundNote {
  note: SwitcherNote;
  target: { kind: Target['kind']; shown: string } | null;
  /** UTF-16 indexes of the matched characters in `target.shown` (the path for kind `path`). */
  indexes: readonly number[];
  score: number;
}

let notes: readonly SwitcherNote[] = [];
let byPath = new Map<string, SwitcherNote>();
/** What the worker was last sent: a note list with the same content is not sent again. */
let sent: readonly SwitcherNote[] = [];
let worker: Worker | null = null;
let workerFailed = typeof Worker === 'undefined';
let nextId = 1;
/** Queries asked of the worker, by id: who asked, and the note list the worker held then (`sent`). */
const waiting = new Map<
  number,
  { resolve(r: FoundNote[] | null): void; channel: SearchChannel; notes: readonly SwitcherNote[] }
>();
const latest = new Map<SearchChannel, number>();
/** Narrowing memos of the in-thread fallback. */
const localMemos: Record<SearchChannel, SearchMemo> = { switcher: newSearchMemo(), link: newSearchMemo() };
/**
 * Per channel, the few targets the latest answered query matched (the worker's `pool`, narrowed here since: the memo's
 * `matches` and `key`) and the note list they belong to (`sent`: a list fetched again with the same notes keeps them).
 * A query extending the memo's key is searched over them on this thread, synchronously: only so is an answer after a
 * keystroke painted in the keystroke's own frame (Chromium runs a worker's message, like any task, after the frame
 * that follows an input event).
 */
const pools: Record<SearchChannel, { notes: readonly SwitcherNote[]; memo: SearchMemo } | null> = {
  switcher: null,
  link: null,
};

function takePool(channel: SearchChannel, key: string, wire: readonly PoolTarget[]): void {
  const targets = poolTargets(wire, byPath);
  pools[channel] = targets ? { notes: sent, memo: { targets, key, matches: targets } } : null;
}

/** The answer from the channel's pool, or null when the query does not extend its key (or the notes changed). */
function fromPool(channel: SearchChannel, query: string, recent: readonly string[], limit: number) {
  const pool = pools[channel];
  if (!pool?.memo.targets || pool.notes !== sent || !queryKey(query).startsWith(pool.memo.key)) return null;
  // narrowed from the memo's matches (a subset of the pool's targets, in the same order), as the worker would
  const found = searchNotes(query, pool.memo.targets, notes, recent, limit, { memo: pool.memo });
  performance.mark(LOCAL_SEARCH_MARK);
  return found;
}

/**
 * The answer searched here over all of this thread's targets (step 2), or null when they are not ready or too many.
 * `finish`: no worker runs, so the targets are finished now if need be and any vault is searched here.
 */
function fromThread(
  channel: SearchChannel,
  query: string,
  recent: readonly string[],
  limit: number,
  fresh: boolean,
  finish = false,
) {
  if (!finish && notes.length > SYNC_MAX_NOTES) return null;
  const targets = finish ? targetsFor(notes) : readyTargets(notes);
  if (!targets) return null;
  if (fresh) localMemos[channel] = newSearchMemo();
  const found = searchNotes(query, targets, notes, recent, limit, { memo: localMemos[channel] });
  performance.mark(LOCAL_SEARCH_MARK);
  return found;
}

/** Resolves null every query of `channel` still waiting for the worker, but `keep`. */
function dropWaiting(channel: SearchChannel, keep = -1): void {
  for (const [other, wt] of waiting)
    if (wt.channel === channel && other !== keep) {
      waiting.delete(other);
      wt.resolve(null);
    }
}

function startWorker(): Worker | null {
  if (worker || workerFailed) return worker;
  try {
    worker = new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module', name: 'atlas-note-search' });
  } catch {
    workerFailed = true;
    return null;
  }
  worker.onmessage = (e: MessageEvent<FromWorker>) => {
    const w = waiting.get(e.data.id);
    if (!w) return;
    waiting.delete(e.data.id);
    if (e.data.results) {
      const end = performance.now();
      performance.measure(WORKER_SEARCH_MEASURE, { start: end - e.data.ms, end });
      // the pool of the channel's latest query, asked against the notes the worker holds now
      if (latest.get(w.channel) === e.data.id && w.notes === sent)
        if (e.data.pool && e.data.poolKey !== undefined) takePool(w.channel, e.data.poolKey, e.data.pool);
        else pools[w.channel] = null;
    }
    w.resolve(e.data.results ? e.data.results.flatMap((r) => toFound(r)) : null);
  };
  worker.onerror = (e) => {
    // a worker that cannot load: search on this thread from now on, and say so
    console.error(`The note-search worker failed (${e.message || 'no message'}): searching on the UI thread`);
    worker?.terminate();
    worker = null;
    workerFailed = true;
    prepareSwitcher(notes);
    for (const [id, w] of waiting) {
      waiting.delete(id);
      w.resolve(null);
    }
  };
  return worker;
}

function toFound(r: { path: string; kind: Target['kind'] | null; shown: string; indexes: number[]; score: number }) {
  const note = byPath.get(r.path);
  if (!note) return [];
  return [{ note, target: r.kind ? { kind: r.kind, shown: r.shown } : null, indexes: r.indexes, score: r.score }];
}

/** Hands the vault's notes to the search (sent to the worker only when their paths, titles or aliases changed). */
export function setSearchNotes(list: readonly SwitcherNote[]): void {
  if (list === notes) return;
  notes = list;
  byPath = new Map(list.map((n) => [n.path, n]));
  const w = startWorker();
  // this thread's own targets (at idle): searched here while the vault is small enough (fromThread)
  if (!w || list.length <= SYNC_MAX_NOTES) prepareSwitcher(list);
  if (!w) return;
  if (sameNotes(list, sent)) return;
  sent = list;
  w.postMessage({ type: 'notes', notes: list as SwitcherNote[] } satisfies ToWorker);
}

/** Keeps the search's notes up to date with the vault's (the targets are prepared before a search is asked). */
export function useSearchNotes(list: readonly SwitcherNote[]): void {
  useEffect(() => {
    if (list.length > 0) setSearchNotes(list);
  }, [list]);
}

/** The recent notes that exist, then the others in vault order, `limit` in all. */
function emptyQuery(recent: readonly string[], limit: number): FoundNote[] {
  const out: FoundNote[] = [];
  const seen = new Set<string>();
  for (const p of recent) {
    const note = byPath.get(p);
    if (note && !seen.has(p) && out.length < limit) {
      seen.add(p);
      out.push({ note, target: null, indexes: [], score: 0 });
    }
  }
  for (const note of notes) {
    if (out.length >= limit) break;
    if (!seen.has(note.path)) out.push({ note, target: null, indexes: [], score: 0 });
  }
  return out;
}

/**
 * The answer to `query` on this thread right now, searched over this thread's targets (a vault of at most
 * {@link SYNC_MAX_NOTES} notes, once they are built) or from the channel's pool (the few targets its last answered
 * query matched); null when there is neither for it (targets not built yet or too many, and the query does not
 * extend the pool's, the notes changed, or no pool yet).
 * Never asks the worker and leaves the channel's pending queries alone: for a caller that must answer within the
 * current task (CodeMirror's synchronous `CompletionResult.update`) and asks {@link findNotes} otherwise.
 */
export function findNotesNow(
  channel: SearchChannel,
  query: string,
  recent: readonly string[],
  limit: number,
): FoundNote[] | null {
  if (!query.trim()) return null;
  return fromThread(channel, query, recent, limit, false) ?? fromPool(channel, query, recent, limit);
}

/**
 * The best notes for `query` (searchNotes: fuzzy over titles, aliases, pinyin initials and paths, recent notes
 * boosted), at most `limit`. `fresh` starts a new session of the channel (no narrowing from its previous query).
 * An empty query is answered synchronously (an array); otherwise a promise, null when a later query of the same
 * channel superseded this one.
 */
export function findNotes(
  channel: SearchChannel,
  query: string,
  recent: readonly string[],
  limit: number,
  fresh = false,
): FoundNote[] | Promise<FoundNote[] | null> {
  if (!query.trim()) return emptyQuery(recent, limit);
  const w = startWorker();
  if (!w) return fromThread(channel, query, recent, limit, fresh, true)!;
  const id = nextId++;
  latest.set(channel, id);
  // an older query of this channel still waiting is dropped (the worker skips it too)
  dropWaiting(channel, id);
  const here = fromThread(channel, query, recent, limit, fresh);
  if (here) {
    pools[channel] = null;
    return here;
  }
  if (fresh) pools[channel] = null;
  else {
    const local = fromPool(channel, query, recent, limit);
    if (local) return local;
    pools[channel] = null;
  }
  return new Promise((resolve) => {
    waiting.set(id, { resolve, channel, notes: sent });
    w.postMessage({
      type: 'search',
      id,
      channel,
      fresh,
      query,
      recent: [...recent],
      limit,
    } satisfies ToWorker);
  });
}
