/**
 * The one typed API contract of Concept Atlas (types only, no runtime code).
 *
 * Shared by: electron/main (binds each method to core services over IPC), electron/preload (exposes exactly these
 * methods through contextBridge), electron/host (serves them over HTTP/WebSocket on 127.0.0.1), renderer/src/client
 * (the only module of the renderer that reaches the backend), and the `atlas` CLI's JSON output.
 *
 * The domain types (notes, links, graph, plans, reports …) are the core's (electron/core/model.ts), re-exported here
 * unchanged; this file adds only the transport: `AtlasApi`, its events, `ApiError` and the Electron bridge.
 *
 * Conventions: every path is vault-relative with `/` separators; lines are 1-based; durations are ms; sizes bytes.
 * Every method may reject with an `ApiError` (`{ code, message }`); the UI shows `message`.
 */

import type {
  BacklinkInfo,
  CheckReport,
  ConnectionPath,
  CuratedPath,
  FileEntry,
  GraphData,
  GraphFilter,
  GraphUpdate,
  GraphViewState,
  IndexStatus,
  LearningPlan,
  LocalGraphOptions,
  MentionInfo,
  NextUp,
  NoteContent,
  NoteInfo,
  OutgoingLinkInfo,
  ProgressState,
  RenameResult,
  SearchHit,
  TagInfo,
  VaultInfo,
  WriteResult,
} from '../core/model.ts';
import type { SearchResults } from '../core/model.ts';

/** The domain types that cross to the renderer, unchanged. */
export type {
  BacklinkInfo,
  CheckReport,
  ConnectionPath,
  CuratedPath,
  FileEntry,
  GraphData,
  GraphDelta,
  GraphEdge,
  GraphFilter,
  GraphNode,
  GraphUpdate,
  GraphPositions,
  GraphViewState,
  LocalGraphOptions,
  HeadingInfo,
  IndexReport,
  IndexStatus,
  LearningPlan,
  LinkKind,
  MentionInfo,
  NextUp,
  NoteContent,
  NoteInfo,
  OutgoingLinkInfo,
  PathHop,
  PlanStep,
  PrerequisiteReport,
  ProgressState,
  RenameResult,
  ResolvedBy,
  SearchHit,
  TagInfo,
  VaultInfo,
  WriteResult,
} from '../core/model.ts';
// search pane (nav)
export type { SearchMatch, SearchResultNote, SearchResults } from '../core/model.ts';

// ---------- reading view: embeds and link states ----------

/** What an embed `![[target#heading]]` / `![[target#^block]]` (or a hover preview) shows. */
export interface EmbedContent {
  /** Resolved vault path; null when the target is unresolved. */
  path: string | null;
  kind: 'note' | 'attachment' | 'unresolved';
  /** Markdown of the whole note (frontmatter left out), the section under the heading, or the block; '' otherwise. */
  markdown: string;
  /** 1-based line of the file where `markdown` starts. */
  line: number;
  /** The heading or block asked for does not exist in the note. */
  missing: 'heading' | 'block' | null;
  /** `markdown` was cut at a line end (over 512 K characters). */
  truncated: boolean;
}

/** A wiki link's target as split by the grammar (electron/core/markdown). */
export interface LinkQuery {
  target: string;
  heading?: string | null;
  block?: string | null;
}

/** How a wiki link resolves, for the reading view's link styles. */
export interface LinkState {
  /** Resolved vault path, or null when unresolved. */
  path: string | null;
  /** True when only an alias (not a file name or path) matched the target. */
  viaAlias: boolean;
  /** For links with a heading or block: whether the target note has it; null for plain links. */
  anchor: 'found' | 'missing' | null;
}

// ---------- unlinked mentions: Link and Link all ----------

/** Where "Link" links: the mentions on one line of one note. */
export interface MentionPlace {
  source: string;
  line: number;
}

/** What a Link / Link all did. */
export interface LinkMentionsResult {
  /** Wiki links written. */
  linked: number;
  /** Notes rewritten (vault paths, sorted). */
  files: string[];
}

// ---------- flashcards and review (practice, #15): domain types in electron/core/model/review.ts ----------

export type {
  CardFact,
  CardKind,
  ExerciseInfo,
  GradePreview,
  GradeResult,
  ImplicitCredit,
  NoteRetention,
  PracticeSet,
  ReviewCard,
  ReviewCardState,
  ReviewGrade,
  ReviewSummary,
  WeakNote,
} from '../core/model.ts';
import type {
  ExerciseInfo,
  GradePreview,
  GradeResult,
  NoteRetention,
  PracticeSet,
  ReviewCard,
  ReviewGrade,
  ReviewSummary,
} from '../core/model.ts';

/** Which cards `reviewCards` lists. */
export interface ReviewCardFilter {
  /** Only cards due now (new cards included), soonest first. */
  due?: boolean;
  /** Only the cards of this note (vault path). */
  note?: string;
  /** At most this many. */
  limit?: number;
}

// ---------- settings (#12): electron/shared/settings.ts ----------

export type { DefaultViewSetting, SettingsSnapshot, ThemeSetting, VaultSettings } from './settings.ts';
import type { SettingsSnapshot, VaultSettings } from './settings.ts';

// ---------- the contract ----------

export interface AtlasApi {
  vaultInfo(): Promise<VaultInfo>;
  indexStatus(): Promise<IndexStatus>;
  listFiles(): Promise<FileEntry[]>;
  readNote(path: string): Promise<NoteContent>;
  /**
   * Atomically writes a note. When `expectedHash` is given and the file on disk no longer has that hash, rejects
   * with code `conflict` and writes nothing.
   */
  writeNote(path: string, content: string, expectedHash?: string): Promise<WriteResult>;
  /** Creates a note (and missing folders); rejects with `exists` if it is there. */
  createNote(path: string, content?: string): Promise<WriteResult>;
  createFolder(path: string): Promise<void>;
  /** Renames or moves a note, attachment or folder, and rewrites every link to it across the vault. */
  renamePath(from: string, to: string): Promise<RenameResult>;
  /** Moves a note, attachment or folder to the vault's `.trash` folder. */
  deletePath(path: string): Promise<void>;
  /** Resolves a wiki-link target as written in `fromPath`; null when unresolved. */
  resolveLink(fromPath: string, target: string): Promise<string | null>;
  /** The indexed facts of a note; null when `path` is not an indexed note (missing, not markdown, or listed by a cold index but not parsed yet). */
  noteInfo(path: string): Promise<NoteInfo | null>;
  backlinks(path: string): Promise<BacklinkInfo[]>;
  outgoing(path: string): Promise<OutgoingLinkInfo[]>;
  mentions(path: string): Promise<MentionInfo[]>;
  tags(): Promise<TagInfo[]>;
  search(query: string): Promise<SearchHit[]>;
  graph(filter?: GraphFilter): Promise<GraphData>;
  /**
   * The graph of `filter` as its change since index version `since` (`GraphUpdate`, electron/core/model/graph.ts:
   * one saved note answers with its node and edges only), or the whole graph when `since` is null or the change is
   * not known or too large; each answer names its version, the `since` of the next call.
   */
  graphDelta(since: number | null, filter?: GraphFilter): Promise<GraphUpdate>;
  /** The local graph of a note (see `neighbourhood` in electron/core/query/graph.ts); depth 0–10. */
  neighbourhood(path: string, depth: number, options?: LocalGraphOptions): Promise<GraphData>;
  check(): Promise<CheckReport>;

  plan(target: string, known?: string[]): Promise<LearningPlan>;
  /**
   * The shortest chain of links between two notes (vault paths or names resolved like links), as `atlas path`
   * prints it; each hop carries the note and 1-based line the link is written in. Rejects `not-found`.
   */
  connection(from: string, to: string): Promise<ConnectionPath>;
  nextUp(): Promise<NextUp[]>;
  progress(): Promise<Record<string, ProgressState>>;
  setProgress(path: string, state: ProgressState | null): Promise<void>;
  curatedPaths(): Promise<CuratedPath[]>;

  // ---------- flashcards and review (practice, #15) ----------
  /** Flashcards with their FSRS schedule (see `ReviewCardFilter`). */
  reviewCards(filter?: ReviewCardFilter): Promise<ReviewCard[]>;
  /** Counts of cards, due and new cards, and the notes marked for re-study. */
  reviewSummary(): Promise<ReviewSummary>;
  /**
   * Records a review (`card`: an id or a unique id suffix) in `.atlas/review.json`; Good/Easy credit the card's
   * prerequisites, Again marks its note for re-study (docs/review.md). Rejects `not-found` / `invalid-argument`.
   */
  gradeCard(card: string, grade: ReviewGrade): Promise<GradeResult>;
  /** What each grade would give `card` now (due time and interval per grade), for the card shown. `not-found`. */
  gradePreview(card: string): Promise<GradePreview>;
  /** Review state per note with cards (the graph's retention heat-map). */
  retention(): Promise<Record<string, NoteRetention>>;
  /** A concept's cards and exercises, then those of its prerequisites. */
  practice(concept: string): Promise<PracticeSet>;
  /** Exercise notes (`type: exercise`), or those practising `concept`. */
  exercises(concept?: string): Promise<ExerciseInfo[]>;

  // reading view: embeds and link states
  /**
   * The content of an embed or hover preview: `target` (as split by the grammar) resolved like a wiki link written in
   * `fromPath`, then the whole note, the section under `heading`, or the block `block` (Obsidian's rules,
   * electron/core/query/excerpt.ts). Rejects with `not-found` only when `fromPath` is not a vault path.
   */
  embed(fromPath: string, target: string, heading?: string | null, block?: string | null): Promise<EmbedContent>;
  /** Resolution, alias use and anchor existence of up to 5,000 wiki links written in `fromPath`, in order. */
  resolveLinks(fromPath: string, links: LinkQuery[]): Promise<LinkState[]>;

  // alias resolution option (rule 4)
  /** Whether a wiki link may resolve through a note's alias (rule 4, beyond Obsidian). */
  aliasResolution(): Promise<boolean>;
  /**
   * Turns alias resolution on or off (off: links resolve exactly as in Obsidian). Links are re-resolved at once;
   * `vault-changed` names the notes whose links changed. Not persisted here: the settings store keeps it.
   */
  setAliasResolution(on: boolean): Promise<void>;

  // file tree (#12): "Created time" sort order
  /**
   * The creation time of every file of the vault (not folders), ms since epoch, by vault path: the file system's
   * birth time where it records one (statx on Linux, APFS, NTFS), else the inode change time. Files that cannot be
   * stat-ed are left out.
   */
  fileCreatedTimes(): Promise<Record<string, number>>;

  // unlinked mentions: Link and Link all
  /**
   * Turns unlinked mentions of note `target` into wiki links: the mentions on `place`'s line ("Link"), or all of
   * them ("Link all"). Exactly the matched span is rewritten (longest match), as `[[Title]]` or `[[Title|as
   * written]]`; code, links, comments and frontmatter are never touched. Each file is written with the hash just
   * read: rejects with `conflict` if it changed meanwhile, `not-found` if `target` is no note or the line no longer
   * mentions it.
   */
  linkMentions(target: string, place?: MentionPlace): Promise<LinkMentionsResult>;
  // search pane (nav)
  /**
   * Every note matching an Obsidian-style query (words, `"phrase"`, `OR`, `( … )`, `-exclude`, `tag:`, `path:`,
   * `file:`, `[property:value]`; see electron/core/query/search-query.ts) in the whole file's text, properties
   * included, up to 2,000, best first, each with its first matching lines (1-based file lines) and the match ranges
   * in them; `total` counts all matches; `error` says why a query could not be read.
   */
  searchAll(query: string): Promise<SearchResults>;
  // graph view (#11)
  /** The graph view's kept controls and node positions; missing files give `{ settings: null, positions: {} }`. */
  graphViewState(): Promise<GraphViewState>;
  /**
   * Replaces the kept settings and/or positions (each written atomically when given). Throws `invalid-argument` over
   * 64 KB of settings or 200,000 positions.
   */
  saveGraphViewState(state: Partial<GraphViewState>): Promise<void>;

  // ---------- settings (#12, #9 alias resolution, #15 flashcard tags) ----------
  /**
   * The vault's settings from `.atlas/settings.json` (defaults where it has none) and the problems met reading it
   * (a damaged file moved aside, an invalid value replaced by its default). Rejects `io` when the file cannot be read.
   */
  settings(): Promise<SettingsSnapshot>;
  /**
   * Changes some settings (each validated: `invalid-argument` for an unknown key or a bad value), writes the file
   * atomically (keys it does not know kept) and applies them: alias resolution re-resolves links (`vault-changed`),
   * flashcard tags re-read the cards (`review-changed`). Emits `settings-changed`; returns the new snapshot.
   */
  updateSettings(patch: Partial<VaultSettings>): Promise<SettingsSnapshot>;

  // ---------- open vault (#12) ----------
  /**
   * Switches the host to the vault at `path` (absolute; `~/` allowed): checked to be a readable folder (`not-found`,
   * `invalid-argument` for a file or a relative path, `io` when unreadable), opened, then the old vault's index is
   * closed; `vault-opened` follows. Answered by the browser host (services/vault-switcher.ts); a bare service or the
   * Electron shell (File › Open vault…) rejects with `invalid-argument`.
   */
  openVault(path: string): Promise<VaultInfo>;
  /** Vaults this host opened, most recent first (absolute paths, at most 10). */
  recentVaults(): Promise<string[]>;

  // ---------- vault switch handshake (#12: other windows' unsaved edits) ----------
  /**
   * A window's answer to `vault-switch-requested` `id`: it saved its edits to the vault open now and holds further
   * edits until `vault-opened` or `vault-switch-cancelled`. `unsaved`: vault paths it could not save (a conflict, a
   * failed write); any makes the switch refuse. `window` names the window for the user (its active note, or '').
   * An unknown or finished `id` is ignored. The bare service answers nothing (it never asks).
   */
  vaultSwitchReady(id: string, report: VaultSwitchReport): Promise<void>;

  // ---------- vault folder availability (#10: renamed or deleted while the app runs) ----------
  /** Whether the vault folder is there now (checked at the call); the same value `vault-availability` pushes. */
  vaultAvailability(): Promise<VaultAvailability>;
}

// ---------- vault switch handshake (#12) ----------
/** What a window answers to `vault-switch-requested` (see `AtlasApi.vaultSwitchReady`). */
export interface VaultSwitchReport {
  /** The window's active note (vault path), or '' (no note, a view tab). */
  window: string;
  /** Notes whose edits could not be saved to the vault open now. */
  unsaved: string[];
}

// ---------- vault folder availability (#10) ----------
/**
 * Whether the vault folder is still at its path (electron/services/vault-presence.ts). While it is missing
 * (renamed, moved, deleted, unmounted), every method that writes rejects with `not-found` and writes nothing (the
 * folder is never recreated), queries answer from the last index, and the watcher is stopped; when a folder is at the
 * path again the index is re-synced with it and the watcher restarts.
 */
export interface VaultAvailability {
  available: boolean;
  /** Says what happened and what it means for the user (shown as is); null while available. */
  message: string | null;
  /** When the state last changed (ms since epoch). */
  since: number;
}

export type ApiMethod = keyof AtlasApi;

/** Events pushed from the backend to the renderer. */
export interface AtlasEvents {
  'index-status': IndexStatus;
  /** Files changed on disk (by the app or by another program) and re-indexed. */
  'vault-changed': { changed: string[]; deleted: string[] };
  'progress-changed': Record<string, ProgressState>;
  /** A card was graded by the app (practice, #15). */
  'review-changed': ReviewSummary;
  /** The vault's settings changed through `updateSettings` (settings, #12): the new values. */
  'settings-changed': VaultSettings;
  /** The vault folder went missing or came back (#10); after a return, `vault-changed` follows the re-sync. */
  'vault-availability': VaultAvailability;
  /** The host switched to another vault (`openVault`): every window reloads its state (open vault, #12). */
  'vault-opened': VaultInfo;
  /**
   * A window asked to open `to` (vault switch handshake, #12): every window saves its edits to the vault open now
   * and answers with `vaultSwitchReady(id, …)` within `waitMs` (ms); the switch happens only when all have answered
   * with nothing unsaved.
   */
  'vault-switch-requested': { id: string; to: string; waitMs: number };
  /** The switch `id` was refused (`reason`, a sentence for the user): windows go on with the vault open now. */
  'vault-switch-cancelled': { id: string; reason: string };
}

export type AtlasEventName = keyof AtlasEvents;

/**
 * Error shape that crosses IPC/HTTP. `code` is one of the listed values. `vault-changed` (browser host, #12): the
 * call came from a window loaded with another vault than the one the host serves now (the `X-Atlas-Vault` header,
 * electron/host/vault-header.ts); a write is refused so that it never lands in the other vault.
 */
export interface ApiError {
  code:
    | 'invalid-argument'
    | 'outside-vault'
    | 'not-found'
    | 'exists'
    | 'conflict'
    | 'vault-changed'
    | 'io'
    | 'internal'
    | 'unauthorized';
  message: string;
}

/** What the Electron preload exposes as `window.atlasBridge` through contextBridge. */
export interface AtlasBridge {
  api: AtlasApi;
  /** Subscribes to a backend event; returns the unsubscribe function. */
  on<E extends AtlasEventName>(event: E, listener: (payload: AtlasEvents[E]) => void): () => void;
}
