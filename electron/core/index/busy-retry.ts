/**
 * Re-index retries while another connection holds the index database's lock (SQLITE_BUSY after the store's busy
 * timeout): the paths are kept and retried after a delay of 0.25 s, doubling to 5 s while retries keep failing.
 */

/** Paths waiting for a retry, and the one timer that runs it (`retry` gets every path pending, then none are). */
export class BusyRetries {
  private readonly paths = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private delay = 0;
  private readonly retry: (paths: string[]) => void;

  constructor(retry: (paths: string[]) => void) {
    this.retry = retry;
  }

  /** Keeps `paths` for the next retry, scheduled unless one is; returns how many paths are pending. */
  add(paths: string[]): number {
    for (const p of paths) this.paths.add(p);
    if (!this.timer) {
      this.delay = Math.min(Math.max(this.delay * 2, 250), 5000);
      this.timer = setTimeout(() => {
        this.timer = null;
        const retry = [...this.paths];
        this.paths.clear();
        this.retry(retry);
      }, this.delay);
      this.timer.unref();
    }
    return this.paths.size;
  }

  /** A retry went through: the next lock starts again at the shortest delay. */
  succeeded(): void {
    this.delay = 0;
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

/** The status message while writes wait for another connection's lock. */
export function busyMessage(e: unknown, pending: number | null): string {
  const why = (e as Error)?.message ?? String(e);
  return pending === null
    ? `The index database is locked by another program (${why}); indexing will be retried`
    : `The index database is locked by another program (${why}); ${pending} file(s) will be re-indexed when it is free`;
}
