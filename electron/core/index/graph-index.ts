/**
 * The contract of the vault index engine: a SQLite graph of a vault's notes, kept in step with the markdown files
 * (sync, update, watch, rebuild). Reading it is the job of `VaultQuery` (electron/core/query/vault-query.ts), which
 * takes a `GraphIndex` as its `IndexedVault`; the engine does not know the queries.
 *
 * Implemented by `AtlasIndex` (electron/core/index/atlas-index.ts); composed with the queries and the learning
 * engine by `openVault` (electron/core/vault.ts). Paths are vault-relative with `/`; lines are 1-based; durations ms.
 */
import type { IndexStatus } from '../model.ts';
import type { NameTable } from '../resolve/name-table.ts';
import type { GraphStore } from '../store/graph-store.ts';
import type { CardOptions } from '../markdown/cards.ts';

export interface IndexOptions {
  /** Absolute path of the vault folder. Throws `VaultError` if missing or not a folder. */
  vaultRoot: string;
  /** SQLite file; default: a per-user cache folder keyed by the vault's absolute path (see `defaultDbPath`). */
  dbPath?: string;
  /** Parser worker threads for a cold index; default: min(available cores, 4). 0 parses on the calling thread. */
  workers?: number;
  onStatus?: (status: IndexStatus) => void;
  /** Rule 4 of link resolution, the alias fallback beyond Obsidian (electron/core/resolve/name-table.ts). Default true. */
  aliasResolution?: boolean;
  /** Flashcards: which tags mark card notes, cloze variants (electron/core/markdown/cards.ts); default `#flashcards`. */
  cards?: CardOptions;
}

/** What `sync()` did. */
export interface SyncSummary {
  /** 'cold' when the database was empty or rebuilt, else 'warm'. */
  mode: 'cold' | 'warm';
  notes: number;
  files: number;
  links: number;
  parsed: number;
  deleted: number;
  /** Bytes of markdown read and parsed. */
  bytes: number;
  ms: number;
  problems: number;
}

/** What one or more index versions changed: vault-relative paths. */
export interface IndexChanges {
  /** Files (notes, attachments) added or re-indexed. */
  changed: string[];
  deleted: string[];
  /** Notes not re-indexed whose links now resolve differently (a note they name was added, removed, renamed …). */
  relinked: string[];
}

export interface GraphIndex {
  readonly vaultRoot: string;
  readonly dbPath: string;
  /** Increases by one after every change to the index (sync, update, rebuild); caches key on it. */
  readonly version: number;

  /**
   * What changed after version `version` up to the current one (change-log.ts: the last 64 versions, 2,000 paths),
   * or null when that is not known: an older or unknown version, a cold index or a rebuild in between.
   */
  changesSince(version: number): IndexChanges | null;

  /** Cold index on an empty/rebuilt database, warm start otherwise (mtime+size, then content hash). */
  sync(): Promise<SyncSummary>;
  /**
   * Re-indexes the given vault-relative paths (changed, added or deleted: a missing file is a deletion) and every link
   * whose resolution they change. A rename is a deletion plus an addition.
   */
  update(paths: string[]): Promise<{ changed: string[]; deleted: string[] }>;
  /** Starts a chokidar watcher; `onChange` runs after each batch is indexed. Returns a function that stops it. */
  watch(onChange: (e: { changed: string[]; deleted: string[] }) => void): () => Promise<void>;
  close(): void;

  /** Index status: `indexing` with progress, `idle`, or `error` with the message of the failed pass. */
  status(): IndexStatus;
  /** The store the queries read (replaced when a corrupt database is rebuilt: read it per call). */
  readonly graphStore: GraphStore;
  /** The in-memory name table links resolve against. */
  readonly names: NameTable;
  /** Whether rule 4 (alias fallback) is on. */
  readonly aliasResolution: boolean;
  /** Turns rule 4 on or off and re-resolves the links it changes; resolves with their source notes. */
  setAliasResolution(on: boolean): Promise<string[]>;
  /** Tags that mark card notes, without `#` (IndexOptions.cards.tags; default `flashcards`). */
  readonly cardTags: string[];
  /** Sets them and re-reads every note's cards at once; resolves true when they changed (practice, #15). */
  setCardTags(tags: readonly string[]): Promise<boolean>;
}
