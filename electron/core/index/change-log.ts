/**
 * The index's recent history, version by version: which paths each version changed, so a reader holding an answer
 * of an older version (the graph view) can ask for just what changed since (electron/core/query/graph-delta.ts)
 * instead of the whole vault again. Bounded: the last {@link MAX_ENTRIES} versions and {@link MAX_PATHS} paths in
 * all; an older version, a cold index or a rebuild answers null ("read everything again").
 */
import type { IndexChanges } from './graph-index.ts';

/** Versions remembered. */
export const MAX_ENTRIES = 64;
/** Paths remembered over all entries (a bulk change beyond it is a reset). */
export const MAX_PATHS = 2000;

interface Entry {
  version: number;
  /** null: everything may have changed (cold index, rebuild). */
  changes: IndexChanges | null;
}

export class ChangeLog {
  #entries: Entry[] = [];
  #paths = 0;

  /** Records what version `version` changed (null: anything). Versions must be recorded in increasing order. */
  record(version: number, changes: IndexChanges | null): void {
    const size = changes ? sizeOf(changes) : 0;
    if (!changes || size > MAX_PATHS) {
      this.#entries = [{ version, changes: null }];
      this.#paths = 0;
      return;
    }
    this.#entries.push({ version, changes });
    this.#paths += size;
    while (this.#entries.length > MAX_ENTRIES || this.#paths > MAX_PATHS) {
      const old = this.#entries.shift()!;
      this.#paths -= old.changes ? sizeOf(old.changes) : 0;
    }
  }

  /**
   * The paths changed after version `since` up to `current` (merged: a path changed then deleted is deleted, deleted
   * then written again is changed), or null when the log does not reach back that far or a reset lies in between.
   * `since === current` gives empty lists; `since > current` (a version of another index) gives null.
   */
  since(since: number, current: number): IndexChanges | null {
    if (!Number.isInteger(since) || since > current) return null;
    if (since === current) return { changed: [], deleted: [], relinked: [] };
    const first = this.#entries.findIndex((e) => e.version > since);
    // every version after `since` must be in the log: its first entry must be `since + 1` or earlier
    if (first < 0 || this.#entries[first].version !== since + 1 || this.#entries.at(-1)!.version !== current)
      return null;
    const state = new Map<string, 'changed' | 'deleted' | 'relinked'>();
    for (const e of this.#entries.slice(first)) {
      if (!e.changes) return null;
      for (const p of e.changes.relinked) if (!state.has(p)) state.set(p, 'relinked');
      for (const p of e.changes.changed) state.set(p, 'changed');
      for (const p of e.changes.deleted) state.set(p, 'deleted');
    }
    const out: IndexChanges = { changed: [], deleted: [], relinked: [] };
    for (const [p, s] of state) out[s].push(p);
    return out;
  }
}

function sizeOf(c: IndexChanges): number {
  return c.changed.length + c.deleted.length + c.relinked.length;
}

/** Callbacks told about changes (each called in turn; a throwing one does not stop the others). */
export class ChangeListeners {
  private readonly fns = new Set<(e: { changed: string[]; deleted: string[] }) => void>();

  /** Subscribes `fn`; returns the unsubscribe function. */
  add(fn: (e: { changed: string[]; deleted: string[] }) => void): () => void {
    this.fns.add(fn);
    return () => {
      this.fns.delete(fn);
    };
  }

  /** Calls every listener with `e`, unless `e` changes nothing. */
  notify(e: { changed: string[]; deleted: string[] }): void {
    if (!e.changed.length && !e.deleted.length) return;
    for (const fn of [...this.fns]) {
      try {
        fn(e);
      } catch {
        // a listener's failure is its own
      }
    }
  }
}
