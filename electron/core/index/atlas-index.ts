/**
 * `AtlasIndex`: the vault index engine (implements `GraphIndex`). A SQLite graph of the vault's notes, files,
 * links, tags, aliases, headings, blocks, properties, problems and full text, kept in step with the markdown:
 * cold index in worker threads, warm start by mtime/size (then sha256), incremental `update`, chokidar `watch`.
 *
 * The database lives outside the vault (`defaultDbPath`); a corrupt or outdated one is rebuilt, never fatal.
 * Nothing here writes to the vault. Calls that change the index (sync, update, watcher batches) run one at a time.
 * The engine only keeps the index; reading it is `VaultQuery`'s job (electron/core/query/vault-query.ts).
 */
import path from 'node:path';
import { DEFAULT_CARD_TAGS, type CardOptions } from '../markdown/cards.ts';
import type { IndexStatus } from '../model.ts';
import type { NameTable } from '../resolve/name-table.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { isBusyError, isCorruptionError, SqliteStore } from '../store/sqlite-store.ts';
import { defaultDbPath } from './db-path.ts';
import { VaultError } from './errors.ts';
import { ChangeListeners, ChangeLog } from './change-log.ts';
import type { GraphIndex, IndexChanges, IndexOptions, SyncSummary } from './graph-index.ts';
import { type ApplyResult, Indexer } from './indexer.ts';
import { defaultParseBudgetMs, defaultWorkerCount, ParsePool } from './parse-pool.ts';
import { releaseFreedMemory } from './release-memory.ts';
import { nodeVaultFs, type VaultFs } from './vault-fs.ts';
import { watchVault } from './watcher.ts';
import { WARM_UP_NOTE } from './warm-up-note.ts';
import { BusyRetries, busyMessage } from './busy-retry.ts';

export { defaultDbPath } from './db-path.ts';
export { VaultError } from './errors.ts';

/** `IndexOptions` plus engine knobs for bundled builds and tests. */
export interface AtlasIndexOptions extends IndexOptions {
  /** Worker script for bundled builds; default `./parse-worker.ts` beside this module. */
  workerUrl?: URL | string;
  /** Per-note parse budget, ms, as a function of the note's size in bytes (default `defaultParseBudgetMs`). */
  parseBudgetMs?: (bytes: number) => number;
  /** File access (default node:fs). */
  fs?: VaultFs;
  /** Watcher quiet time, ms (default 100). */
  debounceMs?: number;
}

export class AtlasIndex implements GraphIndex {
  readonly vaultRoot: string;
  readonly dbPath: string;
  private _version = 0;
  private readonly changeLog = new ChangeLog();
  private store: SqliteStore;
  private indexer: Indexer;
  private readonly opts: AtlasIndexOptions;
  /** Card options in force (IndexOptions.cards, then `setCardTags`). */
  private cardOptions: CardOptions;
  private readonly fsx: VaultFs;
  private current: IndexStatus = { state: 'idle', done: 0, total: 0 };
  private queue: Promise<unknown> = Promise.resolve();
  private readonly stoppers = new Set<() => Promise<void>>();
  private idleTimer: NodeJS.Timeout | null = null;
  private warmedUp = false;
  private readonly pool: ParsePool;
  private aliasOn: boolean;
  private closed = false;
  /** Paths whose re-index failed on a lock held by another connection, retried with backoff. */
  private readonly busy = new BusyRetries((paths) => this.retryBusy(paths));
  private rebuilding: Promise<void> | null = null;
  /** Callbacks told about changes indexed outside a caller's own `update` (retries, background rebuilds). */
  private readonly changeListeners = new ChangeListeners();

  private constructor(opts: AtlasIndexOptions, vaultRoot: string, dbPath: string) {
    this.opts = opts;
    this.aliasOn = opts.aliasResolution ?? true;
    this.vaultRoot = vaultRoot;
    this.dbPath = dbPath;
    this.fsx = opts.fs ?? nodeVaultFs;
    this.pool = new ParsePool({
      workers: opts.workers ?? defaultWorkerCount(),
      workerUrl: opts.workerUrl,
      fs: this.fsx,
      budgetMs: opts.parseBudgetMs ?? defaultParseBudgetMs,
    });
    this.store = SqliteStore.open(dbPath, vaultRoot);
    this.cardOptions = { ...opts.cards };
    this.store.transaction(() => this.store.cards.configure(this.cardOptions));
    this.indexer = this.makeIndexer();
  }

  /**
   * Opens the index of `opts.vaultRoot` (creating or rebuilding its database as needed) without indexing;
   * call `sync()` next. Throws `VaultError` when the vault does not exist or is not a folder.
   */
  static async open(opts: AtlasIndexOptions): Promise<AtlasIndex> {
    const fsx = opts.fs ?? nodeVaultFs;
    const root = path.resolve(opts.vaultRoot);
    let st: ReturnType<VaultFs['stat']>;
    try {
      st = fsx.stat(root);
    } catch (e) {
      throw new VaultError(`Vault folder cannot be read: ${root} (${(e as NodeJS.ErrnoException).code ?? e})`, root);
    }
    if (!st) throw new VaultError(`Vault folder not found: ${root}`, root);
    if (st.kind !== 'dir') throw new VaultError(`Vault is not a folder: ${root}`, root);
    return new AtlasIndex(opts, root, opts.dbPath ? path.resolve(opts.dbPath) : defaultDbPath(root));
  }

  get version(): number {
    return this._version;
  }

  /** Moves the version on and records what it changed (null: anything, e.g. a cold index or a rebuild). */
  private bump(changes: IndexChanges | null): void {
    this._version++;
    this.changeLog.record(
      this._version,
      changes && { changed: changes.changed, deleted: changes.deleted, relinked: changes.relinked },
    );
  }

  /** See `GraphIndex.changesSince`. */
  changesSince(version: number): IndexChanges | null {
    return this.changeLog.since(version, this._version);
  }

  /** The store behind the queries (replaced when a corrupt database is rebuilt). */
  get graphStore(): GraphStore {
    return this.store;
  }

  /** The name table links resolve against (replaced with the indexer on a rebuild). */
  get names(): NameTable {
    return this.indexer.names;
  }

  /** Rule 4 of resolution, the alias fallback (IndexOptions.aliasResolution; setAliasResolution). */
  get aliasResolution(): boolean {
    return this.aliasOn;
  }

  /**
   * Turns alias resolution (rule 4, beyond Obsidian) on or off and re-resolves the links it changes. Returns the
   * source notes whose links now resolve differently.
   */
  setAliasResolution(on: boolean): Promise<string[]> {
    return this.exclusive(async () => {
      this.aliasOn = on;
      const changed = this.indexer.setAliasResolution(on);
      if (changed.length) this.bump({ changed: [], deleted: [], relinked: changed });
      return changed;
    });
  }

  /** Tags that mark card notes (IndexOptions.cards.tags; `setCardTags`), without `#`. */
  get cardTags(): string[] {
    return [...(this.cardOptions.tags ?? DEFAULT_CARD_TAGS)];
  }

  /**
   * Sets the tags that mark card notes (the flashcard tag setting, practice #15) and re-reads every note's cards at
   * once from the bodies the index holds (`CardTable.configure`: no file is read again), in one transaction. Tags
   * are given without `#` (a leading `#` is dropped); empty ones are ignored; none at all means the default
   * `flashcards`. Resolves true when the tags changed (the index version moved on), false when they were the same.
   */
  setCardTags(tags: readonly string[]): Promise<boolean> {
    return this.exclusive(async () => {
      const clean = [...new Set(tags.map((t) => t.trim().replace(/^#/, '')).filter((t) => t !== ''))];
      const next: CardOptions = { ...this.cardOptions, tags: clean.length ? clean : undefined };
      if (JSON.stringify(next.tags ?? DEFAULT_CARD_TAGS) === JSON.stringify(this.cardTags)) return false;
      this.store.transaction(() => this.store.cards.configure(next));
      this.cardOptions = next;
      // cards only: no note, link or graph changed
      this.bump({ changed: [], deleted: [], relinked: [] });
      return true;
    });
  }

  private makeIndexer(): Indexer {
    return this.withAliasOption(
      new Indexer(this.store, {
        root: this.vaultRoot,
        fs: this.fsx,
        pool: this.pool,
        onProgress: (done, total) => this.setStatus({ state: 'indexing', done, total }),
      }),
    );
  }

  private withAliasOption(indexer: Indexer): Indexer {
    indexer.names.aliasResolution = this.aliasOn;
    return indexer;
  }

  private setStatus(s: IndexStatus): void {
    this.current = { ...s, lastIndexMs: s.lastIndexMs ?? this.current.lastIndexMs };
    this.opts.onStatus?.(this.current);
  }

  /** Runs index-changing work one at a time. */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => {});
    return run;
  }

  /**
   * Checkpoints the WAL once writes have paused for 2 s, so a saved note's update never pays for a checkpoint.
   * After a cold index the log (as large as the database) is truncated right away.
   */
  private scheduleCheckpoint(now = false): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    if (now) {
      this.store.checkpoint(true);
      return;
    }
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      void this.exclusive(async () => this.store.checkpoint()).catch(() => {});
    }, 2000);
    this.idleTimer.unref();
  }

  /** Throws away the database and starts again empty (after corruption is found mid-way). */
  private rebuild(): void {
    this.store.close();
    this.store = SqliteStore.open(this.dbPath, this.vaultRoot, true);
    this.store.transaction(() => this.store.cards.configure(this.cardOptions));
    this.indexer = this.makeIndexer();
  }

  sync(): Promise<SyncSummary> {
    return this.exclusive(async () => {
      const t0 = performance.now();
      this.setStatus({ state: 'indexing', done: 0, total: 0 });
      try {
        let r: Awaited<ReturnType<Indexer['sync']>>;
        for (let delay = 250; ; delay = Math.min(delay * 2, 5000)) {
          try {
            r = await this.indexer.sync();
            break;
          } catch (e) {
            if (isCorruptionError(e)) {
              this.rebuild();
              r = await this.indexer.sync();
              break;
            }
            // another connection holds the database: say so, wait, try again (queries answer meanwhile)
            if (!isBusyError(e) || this.closed) throw e;
            this.indexer = this.makeIndexer();
            this.setStatus({ state: 'error', done: 0, total: 0, message: busyMessage(e, null) });
            await new Promise((res) => setTimeout(res, delay));
          }
        }
        // a warm start keeps the resolutions stored by the last run, which may have had the other alias setting
        // (or an older rule 4): re-resolve the links rule 4 decides
        if (!r.cold) {
          const relinked = this.indexer.reresolveAliasLinks();
          if (relinked.length) this.bump({ changed: [], deleted: [], relinked });
        }
        // the cold index's workers are let go with the heaps they grew (fresh ones start in idle time below); once they
        // have exited, the C heap's free pages the load left in every thread's arena go back to the system
        if (r.cold) void this.pool.recycle().then(releaseFreedMemory);
        if (!this.warmedUp || r.cold) {
          this.warmedUp = true;
          // in idle time: start one parse worker (kept warm: a saved note parses off this thread at once; a pass with
          // more work starts the others, see ParsePool.parse) and prepare the write statements. One, not all: each
          // idle worker holds ~25-30 MB (issue 13: idle service thread), and one saved note needs only one
          setTimeout(() => {
            this.pool.warmUp(1);
            void this.exclusive(async () => {
              this.store.warmUpWrites(WARM_UP_NOTE);
              // a warm start's scan and the first sync's statements leave freed C heap behind too
              releaseFreedMemory();
            }).catch(() => {});
          }, 0).unref();
        }
        if (r.cold) this.scheduleCheckpoint(true);
        else if (r.changed.length || r.deleted.length) this.scheduleCheckpoint();
        const counts = this.store.counts();
        const ms = performance.now() - t0;
        if (r.cold) this.bump(null);
        else if (r.changed.length || r.deleted.length) this.bump(r);
        this.setStatus({ state: 'idle', done: r.parsed, total: r.parsed, lastIndexMs: ms });
        return {
          mode: r.cold ? 'cold' : 'warm',
          notes: counts.notes,
          files: counts.files,
          links: counts.links,
          parsed: r.parsed,
          deleted: r.deleted.length,
          bytes: r.bytes,
          ms,
          problems: counts.problems,
        };
      } catch (e) {
        this.setStatus({ state: 'error', done: 0, total: 0, message: (e as Error)?.message ?? String(e) });
        throw e;
      }
    });
  }

  /**
   * Runs one index-changing pass with status reporting: `indexing` while it runs (the indexer reports progress),
   * then `idle` with the files parsed, or `error` with the message (and the error is rethrown). Every pass ends
   * with one of the two, so the UI's progress never stays on "Indexing n/n".
   */
  private async tracked<T extends { parsed: number }>(work: () => Promise<T>): Promise<T> {
    try {
      const r = await work();
      // lastIndexMs stays that of the last full sync (its documented meaning)
      this.setStatus({ state: 'idle', done: r.parsed, total: r.parsed });
      return r;
    } catch (e) {
      this.setStatus({ state: 'error', done: 0, total: 0, message: (e as Error)?.message ?? String(e) });
      throw e;
    }
  }

  update(paths: string[]): Promise<{ changed: string[]; deleted: string[] }> {
    return this.exclusive(async () => {
      let r: ApplyResult & { cold?: boolean };
      try {
        r = await this.tracked(async () => {
          try {
            return await this.indexer.update(paths);
          } catch (e) {
            if (!isCorruptionError(e)) throw e;
            this.rebuild();
            return this.indexer.sync();
          }
        });
      } catch (e) {
        if (!isBusyError(e) || this.closed) throw e;
        this.deferBusy(paths, e);
        return { changed: [], deleted: [] };
      }
      this.afterUpdate(r);
      return { changed: r.changed, deleted: r.deleted };
    });
  }

  private afterUpdate(r: ApplyResult & { cold?: boolean }): void {
    if (r.changed.length || r.deleted.length) {
      // an update that found the database damaged rebuilt it (a cold sync): anything may have changed
      this.bump(r.cold ? null : r);
      this.scheduleCheckpoint();
    }
  }

  /**
   * A write failed because another connection holds a lock (SQLITE_BUSY after `BUSY_TIMEOUT_MS`): the transaction
   * was rolled back, so the name table is reloaded from the store, the paths are kept for a retry with backoff
   * (busy-retry.ts), and an `error` status says so. When a retry succeeds the status returns to idle and the change
   * listeners hear of the notes indexed.
   */
  private deferBusy(paths: string[], e: unknown): void {
    this.indexer = this.makeIndexer();
    const pending = this.busy.add(paths);
    this.setStatus({ state: 'error', done: 0, total: 0, message: busyMessage(e, pending) });
  }

  private retryBusy(retry: string[]): void {
    void this.exclusive(async () => {
      if (this.closed) return;
      try {
        const r = await this.tracked(() => this.indexer.update(retry));
        this.busy.succeeded();
        this.afterUpdate(r);
        this.changeListeners.notify({
          changed: [...new Set([...r.changed, ...retry.filter((p) => !r.deleted.includes(p))])],
          deleted: r.deleted,
        });
      } catch (err) {
        if (isBusyError(err) && !this.closed) this.deferBusy(retry, err);
      }
    });
  }

  /**
   * Subscribes to changes the engine indexes on its own (a retried write after a lock, a background rebuild after
   * runtime corruption); the caller's own `update` results are not repeated here. Returns the unsubscribe function.
   */
  onChange(fn: (e: { changed: string[]; deleted: string[] }) => void): () => void {
    return this.changeListeners.add(fn);
  }

  /**
   * Tells the engine that a query failed with `e`. When it means the database file is damaged (SQLITE_CORRUPT,
   * NOTADB, IOERR), a rebuild from the markdown starts in the background (once) and true is returned; queries answer
   * again as soon as it has finished. Otherwise false.
   */
  queryFailed(e: unknown): boolean {
    if (!isCorruptionError(e) || this.closed) return false;
    this.rebuilding ??= this.exclusive(async () => {
      this.setStatus({
        state: 'indexing',
        done: 0,
        total: 0,
        message: 'The index database was damaged; rebuilding it',
      });
      this.rebuild();
      const r = await this.tracked(() => this.indexer.sync());
      this.bump(null);
      this.changeListeners.notify({ changed: r.changed, deleted: r.deleted });
    })
      .catch(() => {})
      .finally(() => {
        this.rebuilding = null;
      });
    return true;
  }

  /** Settles when a background rebuild started by `queryFailed` (if any) has finished. */
  async recovered(): Promise<void> {
    await this.rebuilding;
  }

  watch(onChange: (e: { changed: string[]; deleted: string[] }) => void): () => Promise<void> {
    const report = (e: { changed: string[]; deleted: string[] }) => {
      if (e.changed.length || e.deleted.length) onChange(e);
    };
    const stop = watchVault({
      root: this.vaultRoot,
      debounceMs: this.opts.debounceMs,
      onBatch: async (paths) => report(await this.update(paths)),
      // files written while chokidar was walking the vault are caught by one warm pass
      onReady: () => {
        void this.exclusive(() => this.tracked(() => this.indexer.sync())).then(
          (r) => {
            if (r.cold) this.bump(null);
            else if (r.changed.length || r.deleted.length) this.bump(r);
            report({ changed: r.changed, deleted: r.deleted });
          },
          () => {},
        );
      },
    });
    const stopper = async () => {
      this.stoppers.delete(stopper);
      await stop();
    };
    this.stoppers.add(stopper);
    return stopper;
  }

  close(): void {
    this.closed = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.busy.close();
    for (const s of [...this.stoppers]) void s();
    void this.pool.close();
    this.store.close();
  }

  status(): IndexStatus {
    return { ...this.current };
  }
}
