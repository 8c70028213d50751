/**
 * The contract of the vault index: a SQLite graph of a vault's notes, kept in step with the markdown files.
 *
 * Implemented by `AtlasIndex` (electron/core/index/atlas-index.ts). Used by the `atlas` CLI, the learning-path
 * engine (electron/core/learning), the app services (electron/main/services) and the benchmarks.
 * Paths are vault-relative with `/`; lines are 1-based; durations ms.
 */
import type {
  BacklinkInfo, CheckReport, FileEntry, GraphData, GraphFilter, IndexStatus, MentionInfo, NoteInfo,
  OutgoingLinkInfo, SearchHit, TagInfo, VaultInfo,
} from '../../shared/api.ts';

export interface IndexOptions {
  /** Absolute path of the vault folder. Throws `VaultError` if missing or not a folder. */
  vaultRoot: string;
  /** SQLite file; default: a per-user cache folder keyed by the vault's absolute path (see `defaultDbPath`). */
  dbPath?: string;
  /** Parser worker threads for a cold index; default: min(available cores, 4). 0 parses on the calling thread. */
  workers?: number;
  onStatus?: (status: IndexStatus) => void;
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

/** Exactly the JSON printed by `atlas export` (foundation issue). */
export interface VaultExport {
  notes: { path: string; title: string; aliases: string[]; tags: string[]; headings: { level: number; text: string; line: number }[]; blocks: string[]; properties: Record<string, unknown> }[];
  files: { path: string }[];
  links: { source: string; raw: string; kind: 'wiki' | 'embed' | 'markdown' | 'property'; target: string | null; heading: string | null; block: string | null; alias: string | null; line: number; relation: string | null; resolvedBy: 'path' | 'folder' | 'shortest' | 'alias' | null }[];
  problems: { path: string; kind: string; message: string }[];
}

/** One note as the learning engine needs it. */
export interface NoteRecord {
  path: string;
  title: string;
  aliases: string[];
  tags: string[];
  properties: Record<string, unknown>;
  /** Latin-script words in the body. */
  words: number;
  /** CJK characters in the body. */
  cjkChars: number;
}

/** One link row, resolved. */
export interface LinkRecord {
  source: string;
  raw: string;
  kind: 'wiki' | 'embed' | 'markdown' | 'property';
  /** Resolved vault path or null. */
  target: string | null;
  /** Target as written (without heading/block), for reporting unresolved links. */
  targetText: string;
  heading: string | null;
  block: string | null;
  alias: string | null;
  line: number;
  context: string;
  relation: string | null;
  resolvedBy: 'path' | 'folder' | 'shortest' | 'alias' | null;
}

export interface GraphIndex {
  readonly vaultRoot: string;
  readonly dbPath: string;
  /** Increases by one after every change to the index (sync, update, rebuild); caches key on it. */
  readonly version: number;

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

  vaultInfo(): VaultInfo;
  status(): IndexStatus;
  listFiles(): FileEntry[];
  /** A vault path, or a name resolved like a wiki link from the vault root; null when nothing matches. */
  resolveNote(arg: string): string | null;
  /** Resolves `target` as a wiki link written in `fromPath` (Obsidian's rules + alias fallback). */
  resolveLink(fromPath: string, target: string): string | null;
  noteInfo(path: string): NoteInfo | null;
  backlinks(path: string): BacklinkInfo[];
  outgoing(path: string): OutgoingLinkInfo[];
  mentions(path: string): MentionInfo[];
  tags(): TagInfo[];
  search(query: string, limit?: number): SearchHit[];
  graph(filter?: GraphFilter): GraphData;
  neighbourhood(path: string, depth: number): GraphData;
  check(): CheckReport;
  export(): VaultExport;

  /** Every note, for the learning engine. */
  notes(): NoteRecord[];
  /** Every link, resolved; optionally only those with a given relation (e.g. `prerequisites`). */
  links(relation?: string): LinkRecord[];
}
