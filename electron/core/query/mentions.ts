/**
 * Unlinked mentions: places in other notes where a note's title or one of its aliases appears as plain text.
 * Matching is case-insensitive substring matching (so Chinese, written without spaces, works); a term that starts
 * or ends with a Latin letter or digit must stand at a word boundary on that side (`Go` does not match `Google`).
 * Links, embeds, code and comments never count: matching runs on the parser's `mentionText`, where they are blanked.
 * Like Obsidian, notes that already link to the note still list their plain-text mentions.
 */
import type { MentionInfo } from '../../shared/api.ts';
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

export function mentions(store: GraphStore, path: string, limit = 500): MentionInfo[] {
  const note = store.note(path);
  if (!note) return [];
  const terms: string[] = [];
  for (const t of [note.title, ...note.aliases]) {
    const term = t.normalize('NFC').trim();
    if (term && !terms.some((x) => x.toLowerCase() === term.toLowerCase())) terms.push(term);
  }
  if (!terms.length) return [];
  const patterns = terms.map(mentionPattern);
  const out: MentionInfo[] = [];
  for (const c of store.mentionCandidates(terms, path)) {
    const lines = c.mentionText.split('\n');
    let bodyLines: string[] | null = null;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i].normalize('NFC');
      if (!patterns.some((p) => p.test(line))) continue;
      bodyLines ??= store.body(c.id).split('\n');
      const original = bodyLines[i - c.frontmatterLines] ?? line;
      out.push({ source: c.path, line: i + 1, text: original.replace(/\r$/, '').trim() });
      if (out.length >= limit) return out;
    }
  }
  return out;
}
