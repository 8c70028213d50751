/**
 * Removes comments before the markdown parse: Obsidian's `%% … %%` and HTML `<!-- … -->`, on one line or across
 * lines. Real vaults comment out whole blocks of embeds this way, and `%%` is not markdown at all, so the parser
 * would otherwise see links and tags inside them.
 *
 * A comment's characters are removed but its line endings are kept, so line N of the result is line N of the input
 * (text after a comment on the same line moves left, as it does when the comment is hidden). Comment markers inside
 * fenced code blocks (``` and ~~~), indented code blocks (outside lists) and inline code spans are code, not comments. An unclosed `%%` hides the rest of
 * the note (as Obsidian does); an unclosed `<!--` does so only at the start of a line (an HTML block), otherwise it
 * is text.
 */

/** Opening code fence, possibly inside block quotes and list items. Group 1: the fence, group 2: the info string. */
const FENCE_OPEN = /^(?:[ \t]*>)*[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)*(`{3,}|~{3,})(.*)$/;
const FENCE_CLOSE = /^(?:[ \t]*>)*[ \t]*(`{3,}|~{3,})[ \t]*$/;
/** What the scanner stops at outside code: a backtick run, `%%`, `<!--`. */
const SPECIAL = /`+|%%|<!--/g;
const BLANK_LINE = /\n[ \t]*(?:\n|$)/g;

/** True when src may hold a comment (cheap pre-check; the scanner decides). */
export function mayHaveComments(src: string): boolean {
  return src.indexOf('%%') !== -1 || src.indexOf('<!--') !== -1;
}

/** Where the paragraph holding `start` ends (its next blank line), cached: scans go forward. */
interface ParagraphEnd {
  from: number;
  end: number;
}

function paragraphEnd(src: string, start: number, cache: ParagraphEnd): number {
  if (start >= cache.from && start < cache.end) return cache.end;
  BLANK_LINE.lastIndex = start;
  const blank = BLANK_LINE.exec(src);
  cache.from = start;
  cache.end = blank ? blank.index : src.length;
  return cache.end;
}

/** End (exclusive) of the inline code span whose opening backtick run is src[start, start+len), or -1 when unclosed. */
function codeSpanEnd(src: string, start: number, len: number, cache: ParagraphEnd): number {
  const limit = paragraphEnd(src, start, cache);
  let i = src.indexOf('`', start + len);
  while (i !== -1 && i < limit) {
    let e = i;
    while (src.charCodeAt(e) === 96) e++;
    if (e - i === len) return e;
    i = src.indexOf('`', e);
  }
  return -1;
}

/** Line-by-line state for recognising indented code blocks (CommonMark 4.4) without a full block parse. */
interface BlockState {
  /** The previous line was blank (or this is the first line). */
  prevBlank: boolean;
  /** Inside an indented code block. */
  inCode: boolean;
  /** A list item is open: its indented lines are list content, not code. */
  inList: boolean;
}

/**
 * True when the line [pos, lineEnd) is indented code: 4+ columns of indent after a blank line (or inside an
 * indented code block), outside a list. `%%` in such a line (`printf("100%%")`) is code, not a comment opener.
 * Also updates `st` for the line.
 */
function isIndentedCodeLine(src: string, pos: number, lineEnd: number, c0: number, st: BlockState): boolean {
  let i = pos;
  let cols = 0;
  if (c0 === 32 || c0 === 9) {
    while (i < lineEnd) {
      const c = src.charCodeAt(i);
      if (c === 32) cols++;
      else if (c === 9) cols += 4 - (cols % 4);
      else break;
      i++;
    }
  }
  if (i >= lineEnd || (src.charCodeAt(i) === 13 && i + 1 >= lineEnd)) {
    st.prevBlank = true;
    return false;
  }
  if (cols >= 4 && (st.inCode || (st.prevBlank && !st.inList))) {
    st.inCode = true;
    st.prevBlank = false;
    return true;
  }
  const c = src.charCodeAt(i);
  const marker =
    ((c === 45 || c === 42 || c === 43) && isSpaceOrEnd(src, i + 1, lineEnd)) ||
    (c >= 48 && c <= 57 && /^\d{1,9}[.)](?:[ \t]|$)/.test(src.slice(i, Math.min(lineEnd, i + 12))));
  if (marker) st.inList = true;
  else if (cols === 0 && st.prevBlank) st.inList = false;
  st.inCode = false;
  st.prevBlank = false;
  return false;
}

function isSpaceOrEnd(src: string, i: number, lineEnd: number): boolean {
  if (i >= lineEnd) return true;
  const c = src.charCodeAt(i);
  return c === 32 || c === 9 || c === 13;
}

/** Comment ranges [start, end) in src, in order, outside code. */
export function findComments(src: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const n = src.length;
  let pos = 0;
  let atLineStart = true;
  let fence: { ch: number; len: number } | null = null;
  let next: RegExpExecArray | null = null;
  let nextValid = false;
  const para: ParagraphEnd = { from: -1, end: -1 };
  // Once a search for `-->` failed from some offset, every later one fails too (keeps this linear).
  let noHtmlCloseFrom = n + 1;
  const block: BlockState = { prevBlank: true, inCode: false, inList: false };
  while (pos < n) {
    let lineEnd = src.indexOf('\n', pos);
    if (lineEnd === -1) lineEnd = n;
    if (atLineStart) {
      const c0 = src.charCodeAt(pos);
      if (fence === null && isIndentedCodeLine(src, pos, lineEnd, c0, block)) {
        pos = lineEnd + 1;
        continue;
      }
      // Fence lines only need the regexes when the line can hold a fence at all.
      const mayFence =
        fence !== null ||
        c0 === 96 ||
        c0 === 126 ||
        c0 === 32 ||
        c0 === 9 ||
        c0 === 62 ||
        c0 === 45 ||
        c0 === 42 ||
        c0 === 43 ||
        (c0 >= 48 && c0 <= 57);
      if (mayFence) {
        const line = src.slice(pos, lineEnd);
        if (fence) {
          const m = FENCE_CLOSE.exec(line);
          if (m && m[1].charCodeAt(0) === fence.ch && m[1].length >= fence.len) {
            fence = null;
            // no paragraph is open after a fence: an indented line may start code at once
            block.prevBlank = true;
            block.inCode = false;
          }
          pos = lineEnd + 1;
          continue;
        }
        const m = FENCE_OPEN.exec(line);
        if (m && !(m[1].charCodeAt(0) === 96 && m[2].indexOf('`') !== -1)) {
          fence = { ch: m[1].charCodeAt(0), len: m[1].length };
          pos = lineEnd + 1;
          continue;
        }
      }
    }
    if (!nextValid || (next !== null && next.index < pos)) {
      SPECIAL.lastIndex = pos;
      next = SPECIAL.exec(src);
      nextValid = true;
    }
    if (next === null) break;
    if (next.index >= lineEnd) {
      pos = lineEnd + 1;
      atLineStart = true;
      continue;
    }
    const at = next.index;
    const tok = next[0];
    let end: number;
    if (tok.charCodeAt(0) === 96) {
      // Backtick run: an escaped backtick is literal; otherwise skip the code span if it closes.
      const escaped = at > 0 && src.charCodeAt(at - 1) === 92;
      const close = escaped ? -1 : codeSpanEnd(src, at, tok.length, para);
      end = close === -1 ? at + tok.length : close;
    } else if (tok === '%%') {
      const close = src.indexOf('%%', at + 2);
      end = close === -1 ? n : close + 2;
      out.push([at, end]);
    } else {
      let close: number;
      if (src.startsWith('>', at + 4)) close = at + 5;
      else if (src.startsWith('->', at + 4)) close = at + 6;
      else {
        const c = at + 4 >= noHtmlCloseFrom ? -1 : src.indexOf('-->', at + 4);
        if (c === -1) noHtmlCloseFrom = Math.min(noHtmlCloseFrom, at + 4);
        close = c === -1 ? -1 : c + 3;
      }
      if (close === -1) {
        const lineStart = src.lastIndexOf('\n', at - 1) + 1;
        if (src.slice(lineStart, at).trim() === '') {
          end = n;
          out.push([at, end]);
        } else end = at + 4;
      } else {
        end = close;
        out.push([at, end]);
      }
    }
    pos = end;
    atLineStart = false;
    if (pos > lineEnd) {
      // The span ran onto later lines: carry on mid-line there (no fence can open mid-line).
      if (src.charCodeAt(pos - 1) === 10) atLineStart = true;
    }
  }
  return out;
}

/**
 * Removes the comments in src, keeping line endings (see the module comment). Returns src itself when there are none.
 */
export function stripComments(src: string): string {
  if (!mayHaveComments(src)) return src;
  const ranges = findComments(src);
  if (ranges.length === 0) return src;
  let out = '';
  let last = 0;
  for (const [a, b] of ranges) {
    out += src.slice(last, a);
    let k = src.indexOf('\n', a);
    while (k !== -1 && k < b) {
      out += '\n';
      k = src.indexOf('\n', k + 1);
    }
    last = b;
  }
  return out + src.slice(last);
}

/** Text with its comments cut (line endings kept, as stripComments) and the way back to offsets of the original. */
export interface CutComments {
  /** The text without comments. */
  src: string;
  /** The comment ranges [start, end) in the original, in order. */
  ranges: Array<[number, number]>;
  /** Offset in `src` → offset in the original text. */
  back(offset: number): number;
}

/**
 * Cuts the comments out of `text` like stripComments, keeping a map back to the original offsets (for editors and
 * linking, which must point into the text as written). Linear; `back` is a binary search.
 */
export function cutComments(text: string): CutComments {
  const ranges = mayHaveComments(text) ? findComments(text) : [];
  if (ranges.length === 0) return { src: text, ranges, back: (o) => o };
  // kept segments: start in src, start in text
  const segS: number[] = [];
  const segO: number[] = [];
  let src = '';
  let last = 0;
  const keep = (a: number, b: number) => {
    if (b <= a) return;
    segS.push(src.length);
    segO.push(a);
    src += text.slice(a, b);
  };
  for (const [a, b] of ranges) {
    keep(last, a);
    for (let k = text.indexOf('\n', a); k !== -1 && k < b; k = text.indexOf('\n', k + 1)) keep(k, k + 1);
    last = b;
  }
  keep(last, text.length);
  if (segS.length === 0) {
    segS.push(0);
    segO.push(0);
  }
  return {
    src,
    ranges,
    back(o: number): number {
      let lo = 0;
      let hi = segS.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (segS[mid] <= o) lo = mid;
        else hi = mid - 1;
      }
      return segO[lo] + (o - segS[lo]);
    },
  };
}
