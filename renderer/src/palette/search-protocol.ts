/**
 * Messages between the renderer and the note-search worker (search-worker.ts, driven by search-client.ts).
 * The worker holds the quick switcher's prepared targets (switcher-index.ts) and runs `searchNotes` for the quick
 * switcher and `[[` completion, so the renderer's thread only renders.
 */
import type { PoolTarget, SwitcherNote, Target } from './switcher-search.ts';

/** Who asks: each channel has its own narrowing memo, and only its latest query is answered. */
export type SearchChannel = 'switcher' | 'link';

export type ToWorker =
  /** The vault's notes (replaces the list; targets of unchanged notes are reused). */
  | { type: 'notes'; notes: SwitcherNote[] }
  /**
   * One search. `fresh`: a new session of the channel (switcher opened, `[[` typed), so no narrowing from the
   * channel's last query. `recent`: vault paths, newest first.
   */
  | {
      type: 'search';
      id: number;
      channel: SearchChannel;
      fresh: boolean;
      query: string;
      recent: string[];
      limit: number;
    };

/** One result: the note by path, what matched (`kind`, `shown`) and where (UTF-16 indexes into the matched string). */
export interface WireResult {
  path: string;
  kind: Target['kind'] | null;
  shown: string;
  indexes: number[];
  score: number;
}

export type FromWorker =
  /**
   * `results` null: a later query of the same channel was already queued, so this one was skipped. `pool`: every
   * target the query matched, when few (switcher-search.ts `poolOf`), with `poolKey` (`queryKey` of the query): the
   * renderer answers queries extending it itself.
   */
  { id: number; results: WireResult[] | null; ms: number; pool?: PoolTarget[]; poolKey?: string };
