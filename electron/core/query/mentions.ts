/**
 * Unlinked mentions: places in other notes where a note's title or one of its aliases appears as plain text.
 * Matching is case-insensitive substring matching (so Chinese, written without spaces, works); a term that starts
 * or ends with a Latin letter or digit must stand at a word boundary on that side (`Go` does not match `Google`).
 * Links, embeds, code and comments never count: matching runs on the parser's `mentionText`, where they are blanked.
 * Like Obsidian, notes that already link to the note still list their plain-text mentions.
 *
 * Longest match (the grammar's matchTerms, electron/core/markdown/mentions.ts): where a longer title or alias of
 * another note covers the match (`channel` inside `buffered channel`, `通道` inside `有缓冲通道`), the mention is
 * that other note's, not this one's.
 */
import { matchTerms, type MentionTerm } from '../markdown/index.ts';
import { titleOf } from '../markdown/text.ts';
import type { MentionInfo } from '../model.ts';
import type { GraphStore } from '../store/graph-store.ts';

const WORD = String.raw`[\p{Script=Latin}\p{N}_]`;
const WORD_RE = new RegExp(`^${WORD}$`, 'u');

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A case-insensitive matcher for `term`, with word boundaries on Latin-script edges. */
export function mentionPattern(term: string): RegExp {
  const chars = [...term];
  const pre = WORD_RE.test(chars[0]) ? `(?<!${WORD})` : '';
  const post = WORD_RE.test(chars[chars.length - 1]) ? `(?!${WORD})` : '';
  return new RegExp(`${pre}${escapeRegExp(term)}${post}`, 'iu');
}

/** Terms longer than this (UTF-16 units) are matched by `indexOf` instead of a regex (V8 refuses huge patterns). */
const MAX_REGEX_TERM = 256;

/**
 * A test for one term on one line: the regex of `mentionPattern`, or for a long term a linear case-insensitive
 * `indexOf` scan with the same word-boundary rule.
 */
export function mentionMatcher(term: string): (line: string) => boolean {
  if (term.length <= MAX_REGEX_TERM) {
    const re = mentionPattern(term);
    return (line) => re.test(line);
  }
  const needle = term.toLowerCase();
  const chars = [...term];
  const pre = WORD_RE.test(chars[0]);
  const post = WORD_RE.test(chars[chars.length - 1]);
  const wordAt = (s: string, i: number): boolean =>
    i >= 0 && i < s.length && WORD_RE.test(String.fromCodePoint(s.codePointAt(i) as number));
  return (line) => {
    if (line.length < needle.length) return false;
    const hay = line.toLowerCase();
    for (let i = hay.indexOf(needle); i !== -1; i = hay.indexOf(needle, i + 1)) {
      if (pre && wordAt(hay, i - 1)) continue;
      if (post && wordAt(hay, i + needle.length)) continue;
      return true;
    }
    return false;
  };
}

/**
 * The terms that decide a note's unlinked mentions: its own title and aliases (owner: its path), and the longer
 * titles and aliases of other notes that contain one of them (case-insensitively) — the only terms that can take a
 * match away by longest match. Terms are NFC and trimmed; duplicates dropped.
 */
export function mentionTerms(store: GraphStore, path: string): { own: string[]; terms: MentionTerm[] } | null {
  const note = store.note(path);
  if (!note) return null;
  const own: string[] = [];
  for (const t of [note.title, ...note.aliases]) {
    const term = t.normalize('NFC').trim();
    if (term && !own.some((x) => x.toLowerCase() === term.toLowerCase())) own.push(term);
  }
  const terms: MentionTerm[] = own.map((term) => ({ term, owner: path }));
  if (!own.length) return { own, terms };
  const lowerOwn = own.map((t) => t.toLowerCase());
  const consider = (other: string, owner: string) => {
    const t = other.normalize('NFC').trim();
    const lower = t.toLowerCase();
    if (lowerOwn.some((o) => lower.length > o.length && lower.includes(o))) terms.push({ term: t, owner });
  };
  const aliases = new Map(store.allAliases().map((a) => [a.path, a.aliases] as const));
  for (const p of store.notePaths()) {
    if (p === path) continue;
    consider(titleOf(p), p);
    for (const a of aliases.get(p) ?? []) consider(a, p);
  }
  return { own, terms };
}

export function mentions(store: GraphStore, path: string, limit = 500): MentionInfo[] {
  const found = mentionTerms(store, path);
  if (!found || !found.own.length) return [];
  const terms = found.own;
  const patterns = terms.map(mentionMatcher);
  // longest match needs the other notes' terms only when there are any that contain one of ours
  const contested = found.terms.length > terms.length;
  const out: MentionInfo[] = [];
  for (const c of store.mentionCandidates(terms, path)) {
    const lines = c.mentionText.split('\n');
    let bodyLines: string[] | null = null;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i].normalize('NFC');
      if (!patterns.some((p) => p(line))) continue;
      if (contested && !matchTerms(line, found.terms).some((m) => m.owner === path)) continue;
      bodyLines ??= store.body(c.id).split('\n');
      const original = bodyLines[i - c.frontmatterLines] ?? line;
      out.push({ source: c.path, line: i + 1, text: original.replace(/\r$/, '').trim() });
      if (out.length >= limit) return out;
    }
  }
  return out;
}
