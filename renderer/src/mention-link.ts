/**
 * Turning an unlinked mention into a wiki link (Obsidian's "Link" button in the unlinked mentions pane).
 * Matching follows electron/core/query/mentions.ts: case-insensitive; a term starting or ending with a Latin letter or
 * digit must stand at a word boundary on that side (so Chinese terms match inside running text). Text already inside
 * a link, an embed or inline code is never matched.
 */
const WORD = String.raw`[\p{Script=Latin}\p{N}_]`;
const WORD_RE = new RegExp(`^${WORD}$`, 'u');

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function termPattern(term: string): RegExp {
  const chars = [...term];
  const pre = WORD_RE.test(chars[0]) ? `(?<!${WORD})` : '';
  const post = WORD_RE.test(chars[chars.length - 1]) ? `(?!${WORD})` : '';
  return new RegExp(`${pre}${escapeRegExp(term)}${post}`, 'giu');
}

/**
 * Links the first plain-text mention of `title` or one of `aliases` in `line`: `[[title]]` when the text is the
 * title as written, else `[[title|text]]` (keeps the sentence as it reads). Returns null when no mention is left.
 */
export function linkMentionInLine(line: string, title: string, aliases: string[]): string | null {
  const blocked: [number, number][] = [];
  for (const m of line.matchAll(/!?\[\[[^\]\n]*\]\]|`[^`\n]*`|\[[^\]\n]*\]\([^)\n]*\)/g)) blocked.push([m.index, m.index + m[0].length]);
  let best: { at: number; text: string } | null = null;
  // Longer terms first, so "Go modules" wins over "Go" at the same place.
  const terms = [title, ...aliases].filter((t) => t.trim()).sort((a, b) => b.length - a.length);
  for (const term of terms) {
    for (const m of line.matchAll(termPattern(term.trim()))) {
      const end = m.index + m[0].length;
      if (blocked.some(([s, e]) => m.index < e && end > s)) continue;
      if (!best || m.index < best.at) best = { at: m.index, text: m[0] };
      break;
    }
  }
  if (!best) return null;
  const link = best.text === title ? `[[${title}]]` : `[[${title}|${best.text}]]`;
  return line.slice(0, best.at) + link + line.slice(best.at + best.text.length);
}
