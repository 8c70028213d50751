/**
 * The storage interface of the vault index: everything the indexer and the queries need from the database.
 * One real implementation, `SqliteStore` (better-sqlite3); the interface keeps the rest of the core free of SQL.
 * Paths are vault-relative NFC; lines 1-based; mtimes ms since epoch; sizes bytes.
 */
import type { LinkFact, LinkKind, ParsedNote, ProblemFact, ResolvedBy } from '../model.ts';
import type { Resolution } from '../resolve/name-table.ts';
import type { CardTable } from './card-store.ts';

/** A note matched by `GraphStore.matchTexts`: id, path and title (of `notes`), body, and the body lower-cased. */
export interface MatchedText {
  id: number;
  path: string;
  title: string;
  body: string;
  bodyLc: string;
  /** The frontmatter's YAML as indexed ('' or the text with two trailing newlines), not lower-cased. */
  frontmatter: string;
}

/** A note's texts as the search pane reads them (`GraphStore.scanTexts`); `aliases` one a line, as written. */
export interface SearchText {
  id: number;
  path: string;
  title: string;
  aliases: string;
  body: string;
  /** The frontmatter's YAML as indexed ('' or with two trailing newlines); its line N (0-based) is file line N + 2. */
  frontmatter: string;
  frontmatterLines: number;
}

export type FileKind = 'note' | 'attachment' | 'folder';

export interface FileRow {
  path: string;
  /** Real on-disk relative path when it differs from `path` (e.g. an NFD name on macOS), else null. */
  diskPath: string | null;
  kind: FileKind;
  mtimeMs: number | null;
  size: number | null;
  /** sha256 hex of the content (notes only), null when unread. */
  hash: string | null;
}

/** The fields a stored link keeps as the parser wrote them (see `LinkFact`). */
type LinkFields = Pick<LinkFact, 'kind' | 'raw' | 'heading' | 'block' | 'alias' | 'line' | 'context' | 'relation'>;

/** A parsed link with its resolution, ready to store. */
export interface LinkInput extends LinkFields {
  targetText: string;
  /** Last segment of the target key (see `targetKey`), for re-resolution. */
  targetName: string;
  resolution: Resolution;
}

/** A stored link as the resolver needs it to re-resolve. */
export interface LinkToResolve {
  id: number;
  source: string;
  kind: LinkKind;
  targetText: string;
  target: string | null;
  resolvedBy: ResolvedBy | null;
  candidates: string[] | null;
}

export interface StoredLink extends LinkFields {
  id: number;
  source: string;
  targetText: string;
  target: string | null;
  resolvedBy: ResolvedBy | null;
  candidates: string[] | null;
  /** null: no anchor (or target is not a note); true: anchor found; false: broken anchor. */
  anchorOk: boolean | null;
}

export interface NoteRow {
  id: number;
  path: string;
  title: string;
  properties: Record<string, unknown>;
  words: number;
  cjkChars: number;
  frontmatterLines: number;
}

export interface NoteDetail extends NoteRow {
  aliases: string[];
  tags: string[];
  headings: { level: number; text: string; line: number }[];
  blocks: string[];
}

export interface EdgeRow {
  source: string;
  target: string | null;
  targetText: string;
  kind: LinkKind;
  relation: string | null;
  targetKind: FileKind | null;
}

export interface ProblemRow {
  path: string;
  kind: string;
  message: string;
  line: number | null;
}

export interface BacklinkRow {
  source: string;
  line: number;
  kind: LinkKind;
  context: string;
}

export interface GraphStore {
  /** The flashcards of the indexed notes, written with each note (card-store.ts). */
  readonly cards: CardTable;
  /** True when the database was created empty or rebuilt (no files indexed yet). */
  isEmpty(): boolean;
  close(): void;
  /**
   * Bulk-load mode for a cold index into an empty database: no journal and no syncs (a crash leaves a database
   * that the next open finds corrupt or incomplete and rebuilds). `bulk(false)` returns to WAL mode; with
   * `completed` false the database stays marked incomplete and is rebuilt on the next open. Bulk mode holds one
   * transaction open (writes join it, `bulkCommit` commits what is written so far); `bulk(false)` commits it.
   */
  bulk(on: boolean, completed?: boolean): void;
  /** In bulk mode: commits the writes so far and goes on in a new transaction (bounds the pending pages). */
  bulkCommit(): void;
  /** Builds the secondary indexes that bulk-load mode dropped (a no-op when they exist); call before querying links. */
  restoreIndexes(): void;
  /** Writes `note` in a transaction that is rolled back: prepares the write statements and warms the page cache. */
  warmUpWrites(note: ParsedNote): void;
  /** Copies the write-ahead log into the database (idle-time maintenance); `truncate` also empties the log file. */
  checkpoint(truncate?: boolean): void;
  /** Runs `fn` in one write transaction (nested calls join it). */
  transaction<T>(fn: () => T): T;

  // ---------- files ----------
  /** Every file and folder row, keyed by NFC path. */
  fileStats(): Map<string, FileRow>;
  fileStat(path: string): FileRow | null;
  /** Vault paths of the stored notes and attachments (no folders), in path order: the name table at open. */
  filePaths(): string[];
  /** Paths of files and folders at or below `folder` (a folder path without trailing slash). */
  pathsUnder(folder: string): string[];
  upsertFile(row: FileRow): void;
  deleteFile(path: string): void;

  // ---------- notes ----------
  /** Replaces everything stored for `note` (row, aliases, tags, headings, blocks, properties, links, full text). */
  writeNote(note: ParsedNote, links: LinkInput[]): void;
  deleteNote(path: string): void;
  /** Replaces the problems found while reading/parsing `path` (source 'file'). */
  setFileProblems(path: string, problems: ProblemFact[]): void;
  /** Replaces the problems found while walking the vault (source 'scan'). */
  setScanProblems(problems: ProblemRow[]): void;

  // ---------- resolution ----------
  /** Note paths with their aliases, to fill the name table. */
  allAliases(): { path: string; aliases: string[] }[];
  /** Links whose target name is one of `names`. */
  linksByTargetName(names: string[]): LinkToResolve[];
  /** Links with no resolved target. */
  unresolvedLinks(): LinkToResolve[];
  setResolution(id: number, r: Resolution): void;
  /** Recomputes `anchorOk` for every link (null args) or for links from `sources` or to `targets`. */
  recheckAnchors(scope: { sources?: string[]; targets?: string[] } | null): void;

  // ---------- queries ----------
  counts(): { notes: number; files: number; links: number; problems: number };
  note(path: string): NoteDetail | null;
  notePaths(): string[];
  allNotes(): NoteDetail[];
  /** Links into `target` from other notes (a note's links to itself are not backlinks), by source path then line. */
  backlinks(target: string): BacklinkRow[];
  outgoing(source: string): StoredLink[];
  links(filter?: { relation?: string; resolved?: boolean; source?: string }): StoredLink[];
  /** (note path, tag) pairs. */
  tagPairs(): { path: string; tag: string }[];
  problems(): ProblemRow[];
  /** Notes with no link out (except to themselves) and no resolved link in from another note. */
  orphans(): string[];
  /** Title/alias substring matches (`needle` lower-cased NFC), at most `limit`. */
  searchNames(needle: string, limit: number): { id: number; path: string; title: string; aliases: string }[];
  /**
   * Ids of notes whose title, aliases, body or frontmatter text contain every term (case-insensitive substrings, lower-cased NFC),
   * unranked, at most `limit`. Terms of 3+ characters use the trigram index; a 1–2 character term becomes an OR of
   * the indexed trigrams starting with it (a LIKE scan when it starts too many).
   */
  matchNotes(terms: string[], limit: number): number[];
  /**
   * `noteTexts(matchNotes(terms, limit))` in one pass (same notes, in some order), with each body lower-cased
   * (`bodyLc`): what search ranks (electron/core/query/search.ts).
   */
  matchTexts(terms: string[], limit: number): MatchedText[];
  /**
   * The FTS5 expression selecting the notes that may contain one lower-cased NFC term (a superset: terms of 4+
   * characters are matched by their trigrams, so verify on the text): 'none' when no note can, 'all' when the term
   * cannot be put as one (a 1–2 character term starting over 300 trigrams). Expressions can be combined with
   * `AND`/`OR` inside parentheses.
   */
  ftsTerm(term: string): string | 'all' | 'none';
  /** Ids of the notes an FTS5 expression of `ftsTerm`s selects, at most `limit`, in no set order. */
  ftsIds(match: string, limit: number): number[];
  /**
   * Calls `visit` with the texts of each note that `match` (an expression of `ftsTerm`s; null: every note) selects
   * and that is in `ids` (null: any), until it returns false. Nothing else may be asked of the store while it runs.
   */
  scanTexts(match: string | null, ids: ReadonlySet<number> | null, visit: (r: SearchText) => boolean): void;
  /**
   * The values of property `key` (case-insensitive), one row per note holding it, as JSON text; `tags`/`tag` and
   * `aliases`/`alias` (not stored as properties) give one row per tag or alias.
   */
  propertyValues(key: string): { id: number; value: string }[];
  /** Frontmatter line counts of notes by id (the body's first line is file line count + 1). Search pane (nav). */
  frontmatterLines(ids: number[]): Map<number, number>;
  /** Path, title, body and frontmatter YAML (as indexed: '' or with two trailing newlines) of notes by id. */
  noteTexts(ids: number[]): { id: number; path: string; title: string; body: string; frontmatter: string }[];
  body(id: number): string;
  /**
   * Mention texts of notes (other than `exceptPath`) whose text may contain one of `terms`: a superset (the text index
   * also holds the frontmatter, which the mention text blanks).
   */
  mentionCandidates(
    terms: string[],
    exceptPath: string,
  ): { id: number; path: string; mentionText: string; frontmatterLines: number }[];
  /** Notes as graph nodes need them (`paths` limits the set). */
  graphNotes(
    paths?: string[],
  ): { path: string; title: string; tags: string[]; aliases: string[]; properties: Record<string, unknown> }[];
  /**
   * Every link reduced to what a graph edge needs, in source/line order; with `sources`, only the links of those
   * notes, and a target file that is a note without a note row (not parsed) has `targetKind` null.
   */
  edgeRows(sources?: string[]): EdgeRow[];
  /** Links that `check` reports: unresolved, ambiguous or with a broken anchor. */
  checkLinks(): StoredLink[];
  /** Paths of notes carrying `tag` (case-insensitive) or a tag nested below it. */
  notesWithTag(tag: string): string[];
  /**
   * Notes carrying `tag` (case-insensitive NFC, a leading `#` ignored) or a tag nested below it, with their tags,
   * by path. Uses the `tags_lc` index (Obsidian's `tag:` search).
   */
  taggedNotes(tag: string): { id: number; path: string; title: string; tags: string[] }[];
}
