/**
 * What the queries of the index answer: note info, backlinks, outgoing links, unlinked mentions, tags, search
 * hits, and the note and link records the learning engine and `atlas export` read.
 *
 * Domain types of the core (runtime-neutral, types only), re-exported unchanged by the API contract
 * (electron/shared/api.ts). Paths are vault-relative with `/` separators; lines are 1-based; durations ms.
 */

import type { LinkKind, ResolvedBy } from './link.ts';
import type { HeadingFact } from './note.ts';

/** A heading of a note: level 1–6, its text and 1-based line. */
export type HeadingInfo = HeadingFact;

export interface NoteInfo {
  path: string;
  title: string;
  aliases: string[];
  tags: string[];
  headings: HeadingInfo[];
  blocks: string[];
  properties: Record<string, unknown>;
}

export interface BacklinkInfo {
  source: string;
  line: number;
  kind: LinkKind;
  context: string;
}

export interface OutgoingLinkInfo {
  raw: string;
  kind: LinkKind;
  /** Resolved vault path, or null when unresolved. */
  target: string | null;
  heading: string | null;
  block: string | null;
  alias: string | null;
  line: number;
  relation: string | null;
  resolvedBy: ResolvedBy | null;
}

export interface MentionInfo {
  source: string;
  line: number;
  text: string;
}

export interface TagInfo {
  /** Full tag, e.g. `lang/go`. */
  tag: string;
  /** Notes carrying exactly this tag or a nested one below it. */
  count: number;
  children: TagInfo[];
}

export interface SearchHit {
  path: string;
  title: string;
  snippet: string;
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
  kind: LinkKind;
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
  resolvedBy: ResolvedBy | null;
}

/** Exactly the JSON printed by `atlas export` (foundation issue). */
export interface VaultExport {
  notes: NoteInfo[];
  files: { path: string }[];
  links: Omit<LinkRecord, 'targetText' | 'context'>[];
  problems: { path: string; kind: string; message: string }[];
}

// ---------- search pane: all results with match lines (nav, issue 12) ----------

/** One matching line of a note: its text (cut around the matches) and where the query terms are in that text. */
export interface SearchMatch {
  /** 1-based line of the whole file (frontmatter included). */
  line: number;
  /** The line, whitespace collapsed, cut to ≤ 200 characters around the first match with `…` where cut. */
  text: string;
  /** Matches in `text`, as [start, end) UTF-16 offsets, ascending, non-overlapping. */
  ranges: [number, number][];
}

export interface SearchResultNote {
  path: string;
  title: string;
  /** Matching lines counted in the note (up to {@link SearchResults} `lineCap`). */
  matchCount: number;
  /** The first matching lines (at most 5); empty for a query of only filters (`tag:`, `path:`, `file:`). */
  matches: SearchMatch[];
}

export interface SearchResults {
  /** Notes matching, best first (title/alias hits first, then by a text score). */
  notes: SearchResultNote[];
  /** Notes matching in all (may exceed `notes.length` when `truncated`). */
  total: number;
  /** True when more notes matched than were returned (the result cap). */
  truncated: boolean;
  /** Why the query could not be read (e.g. parentheses nested too deep); then `notes` is empty. */
  error?: string;
}
