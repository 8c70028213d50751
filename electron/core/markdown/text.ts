/**
 * Small text helpers of the grammar and the note parser: titles, word/CJK counts, line lookups, NFC.
 * Everything here is a hand-written loop or a sticky regex: it runs over every byte of a vault.
 */

/** True for `.md` paths (case-insensitive), which are notes; every other file is an attachment. */
export function isNotePath(path: string): boolean {
  return /\.md$/i.test(path);
}

/** File name without `.md` (either separator), e.g. `runtime/GMP model.md` → `GMP model`. */
export function titleOf(path: string): string {
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  const name = path.slice(slash + 1);
  return name.length > 3 && name.slice(-3).toLowerCase() === '.md' ? name.slice(0, -3) : name;
}

function isAsciiWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Latin letters beyond ASCII (Latin-1 letters, Latin Extended-A/B, IPA, Latin Extended Additional) and combining marks. */
function isLatinExtra(c: number): boolean {
  return (
    (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) ||
    (c >= 0x250 && c <= 0x2af) ||
    (c >= 0x300 && c <= 0x36f) ||
    (c >= 0x1e00 && c <= 0x1eff)
  );
}

/** CJK ideographs, kana and Hangul syllables in the Basic Multilingual Plane. */
function isCjkBmp(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x3040 && c <= 0x30ff) ||
    (c >= 0xac00 && c <= 0xd7af) ||
    (c >= 0xf900 && c <= 0xfaff)
  );
}

/**
 * Latin-script words and CJK characters, for reading-time estimates. A word is a run of Latin letters and digits
 * (an apostrophe inside a word keeps it whole: `don't` is one word). Every CJK ideograph, kana or Hangul syllable
 * counts once, including the supplementary ideograph planes (U+20000–U+3134F).
 */
export function textStats(body: string): { words: number; cjkChars: number } {
  let words = 0;
  let cjkChars = 0;
  let inWord = false;
  const n = body.length;
  for (let i = 0; i < n; i++) {
    const c = body.charCodeAt(i);
    if (c < 128) {
      if (isAsciiWordChar(c)) {
        if (!inWord) {
          words++;
          inWord = true;
        }
      } else if (!(inWord && c === 39 && i + 1 < n && isAsciiWordChar(body.charCodeAt(i + 1)))) {
        inWord = false;
      }
    } else if (isLatinExtra(c)) {
      if (!inWord) {
        words++;
        inWord = true;
      }
    } else if (c === 0x2019 && inWord && i + 1 < n && isAsciiWordChar(body.charCodeAt(i + 1))) {
      // ’ inside a word
    } else {
      inWord = false;
      if (isCjkBmp(c)) cjkChars++;
      else if (c >= 0xd840 && c <= 0xd884 && i + 1 < n) {
        const lo = body.charCodeAt(i + 1);
        if (lo >= 0xdc00 && lo <= 0xdfff) {
          cjkChars++;
          i++;
        }
      }
    }
  }
  return { words, cjkChars };
}

/** Every index of `needle` in `s`, ascending. */
export function positionsOf(s: string, needle: string): number[] {
  const out: number[] = [];
  let i = s.indexOf(needle);
  while (i !== -1) {
    out.push(i);
    i = s.indexOf(needle, i + needle.length);
  }
  return out;
}

/** The line of `s` that holds offset `at` (without its `\n`). */
export function lineAround(s: string, at: number): { start: number; end: number } {
  const start = at > 0 ? s.lastIndexOf('\n', at - 1) + 1 : 0;
  let end = s.indexOf('\n', at);
  if (end === -1) end = s.length;
  return { start, end };
}

/** Longest backlink context kept whole; a longer line gives a window around the link. */
export const CONTEXT_MAX = 600;
const CONTEXT_SIDE = 250;

/**
 * The backlink context of a link at s[at, end) on the line s[lineStart, lineEnd): the whole line, trimmed, or for a
 * line longer than CONTEXT_MAX (a long paragraph on one line, common in Chinese notes) about CONTEXT_SIDE characters
 * either side of the link, with `…` where it was cut.
 */
export function contextOf(s: string, lineStart: number, lineEnd: number, at: number, end: number): string {
  if (lineEnd - lineStart <= CONTEXT_MAX) return s.slice(lineStart, lineEnd).trim();
  let a = Math.max(lineStart, at - CONTEXT_SIDE);
  let b = Math.min(lineEnd, Math.max(end, at) + CONTEXT_SIDE);
  // never split a surrogate pair
  if (a > lineStart && isLowSurrogate(s.charCodeAt(a))) a--;
  if (b < lineEnd && isLowSurrogate(s.charCodeAt(b))) b++;
  return (a > lineStart ? '…' : '') + s.slice(a, b).trim() + (b < lineEnd ? '…' : '');
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Sorted offsets of line starts, for many line lookups in one text. */
export function lineStarts(s: string): number[] {
  const out = [0];
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) out.push(i + 1);
  return out;
}

/**
 * True when every line break of `text` is CRLF (a Windows-written note): what is edited with `\n` breaks is written
 * back with CRLF. Mixed endings count as `\n`.
 */
export function isCrlfOnly(text: string): boolean {
  return text.indexOf('\r\n') !== -1 && !/(^|[^\r])\n/.test(text);
}

/** 0-based line of `offset`, given lineStarts(s). */
export function lineIndexOf(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const NON_ASCII = /[^\p{ASCII}]/u;

/** NFC-normalises only when needed (ASCII is already NFC). */
export function nfc(s: string): string {
  return NON_ASCII.test(s) ? s.normalize('NFC') : s;
}
