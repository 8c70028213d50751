/**
 * Inline tags (Obsidian): `#tag`, `#nested/tag`, `#标签`, after the start of a text or whitespace. A tag holds letters
 * of any script, marks, digits, `_`, `-`, `/` and emoji, and is not all digits (`#123` is no tag, `#2024/01` is one).
 */

/** True for a character that may stand before an inline `#tag` (Obsidian: start of text or whitespace). */
export function isTagBoundary(c: number): boolean {
  if (c === 32 || c === 9 || c === 10 || c === 13) return true;
  if (c < 128) return false;
  return (
    c === 0xa0 ||
    c === 0x3000 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0xfeff
  );
}

/** The characters of a tag after `#`: letters (any script), marks, digits, `_`, `-`, `/`, emoji. Sticky: set lastIndex. */
export const TAG_BODY = /(?:[\p{L}\p{M}\p{N}_\-/\p{Extended_Pictographic}]|\u200d|\ufe0f)+/uy;
/** Obsidian: "at least one non-numerical character"; `_`, `-` and `/` count (`#2024/01`, `#3d_printing` are tags). */
const HAS_NON_DIGIT = /[^\p{N}]/u;

/**
 * Normalises a tag as written (with or without a leading `#`): trims, drops the `#`, drops trailing `/`.
 * Returns null when it is not a tag: empty, starting with `/`, or all digits (`#123`).
 */
export function cleanTag(raw: string): string | null {
  let t = raw.trim();
  if (t.startsWith('#')) t = t.slice(1);
  while (t.endsWith('/')) t = t.slice(0, -1);
  if (t === '' || t.startsWith('/') || !HAS_NON_DIGIT.test(t)) return null;
  return t;
}

/** One inline tag found in a text: `src.slice(start, end)` is `#` + the tag as written; `tag` is cleaned (cleanTag). */
export interface TagSpan {
  start: number;
  end: number;
  tag: string;
}

/**
 * True for a mark that may stand right before a `#tag`: a run of `*`, `_`, `=` or `|` that itself follows whitespace,
 * the start of the text or another such mark (`**#tag**`, `_#tag_`, `==#tag==`, a table cell's `|#tag|` are tags in
 * Obsidian; `a*#b` is not). Read from the text alone, so the index and the reading view agree however their parses
 * split text nodes. Not `~~`: the index parses strikethrough only in notes that need GFM (processor.ts needsGfm).
 */
function isMark(c: number): boolean {
  return c === 42 || c === 95 || c === 61 || c === 124;
}

function afterMarkRun(src: string, i: number): boolean {
  const c = src.charCodeAt(i);
  if (!isMark(c)) return false;
  let j = i;
  while (j >= 0 && src.charCodeAt(j) === c) j--;
  return j < 0 || isTagBoundary(src.charCodeAt(j)) || isMark(src.charCodeAt(j));
}

/**
 * The inline tags in `src[from, to)` (a text node's range in the parsed source), in order. Linear in `to - from`.
 * The character before `from` counts as the boundary before a `#` at `from`, so a caller passes text-node ranges;
 * a `#` right after an emphasis, highlight or table-cell mark starts a tag too (afterMarkRun).
 */
export function scanTags(src: string, from: number, to: number, out: TagSpan[] = []): TagSpan[] {
  let h = src.indexOf('#', from);
  while (h !== -1 && h < to) {
    if (h === 0 || isTagBoundary(src.charCodeAt(h - 1)) || afterMarkRun(src, h - 1)) {
      TAG_BODY.lastIndex = h + 1;
      const m = TAG_BODY.exec(src);
      if (m) {
        const body = m[0].length > to - h - 1 ? m[0].slice(0, to - h - 1) : m[0];
        const tag = cleanTag(body);
        if (tag !== null) out.push({ start: h, end: h + 1 + body.length, tag });
        h = src.indexOf('#', h + 1 + body.length);
        continue;
      }
    }
    h = src.indexOf('#', h + 1);
  }
  return out;
}
