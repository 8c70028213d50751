/**
 * One `vault-changed` per app write. The app reports its own writes (after re-indexing them); the watcher reports
 * files changed by other programs. On a busy machine the watcher can see an app write first: the folder flush after
 * the rename (atomic-write.ts) may outlast the watcher's quiet time (~100 ms), so a watcher batch (or the watcher's
 * first pass) indexes the new file before the app's own re-index, and reports it, and the app then reports it again:
 * a second event for one write, which looks like a change by another program.
 *
 * `ChangeReports` holds the watcher's reports while an app mutation runs (`during`) and lets them through when the
 * last one ends. When the app reports a path, the held reports drop it from the same list (`changed` or `deleted`):
 * it was indexed before the app's report and the app's report tells it. A watcher report arriving after the app's
 * is a later change (the app's re-index had already indexed the write) and is kept. Reports with both lists empty
 * ("anything may have changed") always pass. Outside mutations every report is emitted at once.
 */
import type { AtlasEvents } from '../shared/api.ts';

export type VaultChange = AtlasEvents['vault-changed'];

export class ChangeReports {
  readonly #emit: (e: VaultChange) => void;
  #running = 0;
  #held: VaultChange[] = [];

  /** `emit` sends one `vault-changed` event. */
  constructor(emit: (e: VaultChange) => void) {
    this.#emit = emit;
  }

  /** Runs the app mutation `fn`; the watcher's reports wait until it (and any other running one) has settled. */
  async during<T>(fn: () => Promise<T>): Promise<T> {
    this.#running++;
    try {
      return await fn();
    } finally {
      if (--this.#running === 0) for (const e of this.#held.splice(0)) this.#emit(e);
    }
  }

  /** A change made by the app: emitted at once; held watcher reports of the same paths are dropped. */
  app(e: VaultChange): void {
    if (this.#held.length && (e.changed.length || e.deleted.length)) {
      const changed = new Set(e.changed);
      const deleted = new Set(e.deleted);
      this.#held = this.#held.flatMap((h) => {
        if (!h.changed.length && !h.deleted.length) return [h];
        const rest = {
          changed: h.changed.filter((p) => !changed.has(p)),
          deleted: h.deleted.filter((p) => !deleted.has(p)),
        };
        return rest.changed.length || rest.deleted.length ? [rest] : [];
      });
    }
    this.#emit(e);
  }

  /** A change seen by the watcher: emitted at once, or held until the running mutations end. */
  watcher(e: VaultChange): void {
    if (this.#running) this.#held.push(e);
    else this.#emit(e);
  }
}
