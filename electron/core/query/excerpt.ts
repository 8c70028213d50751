/**
 * What an embed `![[note]]`, `![[note#heading]]` or `![[note#^block]]` shows (Obsidian's rules), as a slice of the
 * target note's lines. Pure and runtime-neutral: it works on the note's text and its parsed headings and block ids
 * (electron/core/parse), so code blocks, comments and frontmatter are judged by the one grammar.
 *
 * - Whole note: the body (frontmatter left out, as Obsidian's embeds show no properties).
 * - Heading: the heading line and everything below it up to the next heading of the same or a higher level
 *   (`#A#B` arrives as its last part). Headings compare by `headingKey` (case, spaces and punctuation insignificant).
 * - Block: the paragraph or list item whose last line carries ` ^id`: upwards to a blank line, a heading, or the
 *   line of the list item the id stands in; a list item keeps its more-indented continuation lines. An id alone on its
 *   own line after a blank line (Obsidian's form for tables, quotes, callouts and lists) names the block above it.
 */
import type { ParsedNote } from '../model.ts';
import { blockKey, headingKey } from '../resolve/keys.ts';

/** Largest excerpt returned, UTF-16 units; longer ones are cut at a line end and flagged `truncated`. */
export const MAX_EXCERPT_CHARS = 512 * 1024;

export interface Excerpt {
  /** The markdown shown. */
  text: string;
  /** 1-based line of the file where `text` starts. */
  line: number;
  /** Set when the heading or block asked for does not exist (then `text` is ''). */
  missing: 'heading' | 'block' | null;
  truncated: boolean;
}

const LIST_ITEM = /^(\s*)(?:[-*+]|\d{1,9}[.)])(?:\s|$)/;
const ATX_HEADING = /^ {0,3}#{1,6}(?:\s|$)/;

function indentOf(line: string): number {
  return /^\s*/.exec(line)![0].length;
}

function finish(lines: string[], from: number, to: number): Excerpt {
  // from/to: 0-based inclusive indexes into `lines`
  let text = lines.slice(from, to + 1).join('\n');
  let truncated = false;
  if (text.length > MAX_EXCERPT_CHARS) {
    const cut = text.lastIndexOf('\n', MAX_EXCERPT_CHARS);
    text = text.slice(0, cut > 0 ? cut : MAX_EXCERPT_CHARS);
    truncated = true;
  }
  return { text, line: from + 1, missing: null, truncated };
}

/** The block whose id is on 0-based line `idx`: see the module comment. Returns 0-based inclusive bounds. */
export function blockBounds(lines: readonly string[], idx: number, floor = 0): [number, number] {
  const own = lines[idx].trim();
  let end = idx;
  // `^id` alone on its line after a blank line: the block above it.
  if (/^\^[\w-]+$/.test(own) && idx > floor && lines[idx - 1].trim() === '') {
    end = idx - 1;
    while (end > floor && lines[end].trim() === '') end--;
  }
  let start = end;
  if (!LIST_ITEM.test(lines[end])) {
    while (start > floor) {
      const prev = lines[start - 1];
      if (prev.trim() === '' || ATX_HEADING.test(prev)) break;
      start--;
      if (LIST_ITEM.test(prev)) break;
    }
  }
  // A list item (the block starts at one): keep its nested lines.
  const item = LIST_ITEM.exec(lines[start]);
  if (item) {
    const base = item[1].length;
    let last = end;
    while (last + 1 < lines.length) {
      const next = lines[last + 1];
      if (next.trim() === '' || indentOf(next) <= base) break;
      last++;
    }
    end = last;
  }
  return [start, end];
}

/**
 * The excerpt of `text` (the whole file, `\n` or `\r\n` lines) for an embed of `heading` or `block` (at most one
 * given; both null = the whole note). `parsed` is `parseNote` of the same text.
 */
export function noteExcerpt(
  text: string,
  parsed: Pick<ParsedNote, 'headings' | 'blocks' | 'frontmatterLines'>,
  heading: string | null,
  block: string | null,
): Excerpt {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const bodyStart = Math.min(parsed.frontmatterLines, lines.length);
  if (block) {
    const key = blockKey(block);
    const b = parsed.blocks.find((x) => blockKey(x.id) === key);
    if (!b || b.line < 1 || b.line > lines.length) return { text: '', line: 1, missing: 'block', truncated: false };
    const [from, to] = blockBounds(lines, b.line - 1, bodyStart);
    return finish(lines, from, to);
  }
  if (heading) {
    const key = headingKey(heading);
    const i = parsed.headings.findIndex((h) => headingKey(h.text) === key);
    if (i < 0) return { text: '', line: 1, missing: 'heading', truncated: false };
    const h = parsed.headings[i];
    const next = parsed.headings.slice(i + 1).find((x) => x.level <= h.level);
    const to = (next ? next.line - 1 : lines.length) - 1;
    return finish(lines, h.line - 1, Math.max(h.line - 1, to));
  }
  let from = bodyStart;
  while (from < lines.length - 1 && lines[from].trim() === '') from++;
  return finish(lines, from, lines.length - 1);
}
