/**
 * The note-search worker: the quick switcher's prepared targets of the vault's notes (switcher-index.ts, built here
 * instead of at idle on the renderer's thread) and `searchNotes` per query (protocol: search-protocol.ts). A query
 * is answered only if it is still its channel's latest when the worker gets to it: a burst of keys costs one search.
 * An answer whose matches are few carries them (`pool`), so the renderer narrows the next keystrokes itself.
 */
import type { FromWorker, SearchChannel, ToWorker, WireResult } from './search-protocol.ts';
import { prepareSwitcher, targetsFor } from './switcher-index.ts';
import { newSearchMemo, poolOf, searchNotes, type SearchMemo, type SwitcherNote } from './switcher-search.ts';

let notes: SwitcherNote[] = [];
const memos: Record<SearchChannel, SearchMemo> = { switcher: newSearchMemo(), link: newSearchMemo() };
/** The latest queued search per channel (older ones are skipped). */
const latest = new Map<SearchChannel, number>();
const queue: Extract<ToWorker, { type: 'search' }>[] = [];
let scheduled = false;

const post = (m: FromWorker) => (self as unknown as { postMessage(m: FromWorker): void }).postMessage(m);

function run(): void {
  scheduled = false;
  for (const m of queue.splice(0)) {
    if (latest.get(m.channel) !== m.id) {
      post({ id: m.id, results: null, ms: 0 });
      continue;
    }
    const t0 = performance.now();
    if (m.fresh) memos[m.channel] = newSearchMemo();
    const found = searchNotes(m.query, targetsFor(notes), notes, m.recent, m.limit, { memo: memos[m.channel] });
    const results: WireResult[] = found.map((r) => ({
      path: r.note.path,
      kind: r.target?.kind ?? null,
      shown: r.target?.shown ?? r.note.title,
      indexes: r.indexes as number[],
      score: r.score,
    }));
    const memo = memos[m.channel];
    const pool = poolOf(memo);
    post({ id: m.id, results, ms: performance.now() - t0, ...(pool ? { pool, poolKey: memo.key } : {}) });
  }
}

self.onmessage = (e: MessageEvent<ToWorker>) => {
  const m = e.data;
  if (m.type === 'notes') {
    notes = m.notes;
    prepareSwitcher(notes); // in slices (a search meanwhile finishes it at once)
    return;
  }
  latest.set(m.channel, m.id);
  queue.push(m);
  // messages already queued are received before this task runs: only the latest of a burst is searched
  if (!scheduled) {
    scheduled = true;
    setTimeout(run, 0);
  }
};
