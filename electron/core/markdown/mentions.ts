/**
 * Unlinked mentions in the grammar: which text is prose (a mention can only be there), how a note's title or alias
 * matches it, and turning a mention into a wiki link.
 *
 * Prose excludes the frontmatter, `%% %%`/`<!-- -->` comments, code (fenced, indented, inline), math, HTML, wiki
 * links, embeds, markdown links and images, link definitions and bare URLs: the same node types the index blanks
 * in `mentionText` ({@link NON_PROSE}).
 *
 * Matching: case-insensitive substring matching (Chinese is written without spaces); a term that starts or ends with
 * a Latin letter, digit or `_` must stand at a word boundary on that side (`Go` does not match `Google`). Longest
 * match: where terms of several notes overlap, the leftmost match wins, and of those starting there the longest —
 * `channel` inside `buffered channel` (the title or alias of another note) is a mention of that other note.
 */
import { cutComments } from './comments.ts';
import { findFrontmatter } from './frontmatter.ts';
import type { MdNode } from './nodes.ts';
import { needsGfm, parseBody } from './processor.ts';
import { makeWikiLink } from './rewrite.ts';

/** mdast node types that are not prose: never a mention, never rewritten by "Link". */
export const NON_PROSE: ReadonlySet<string> = new Set([
  'code',
  'inlineCode',
  'html',
  'math',
  'inlineMath',
  'wikiLink',
  'wikiEmbed',
  'link',
  'image',
  'linkReference',
  'imageReference',
  'definition',
]);

/** URL scheme characters, scanning back from `://`. */
const SCHEME_CHAR = /[A-Za-z0-9+.-]/;

/**
 * Bare URLs (`https://go.dev/x`) in `src[from, to)`: [start, end) pairs appended to `out`. A URL runs from its scheme
 * to the next space, `<`, `>` or ideographic space. `cursor` remembers the next `://` across calls in document
 * order (keeps a whole walk linear); pass the same object for every text node of one source.
 */
export function scanBareUrls(src: string, from: number, to: number, out: number[], cursor: { next: number }): void {
  if (cursor.next !== -1 && cursor.next < from) cursor.next = src.indexOf('://', from);
  while (cursor.next !== -1 && cursor.next < to) {
    const at = cursor.next;
    let a = at;
    while (a > from && SCHEME_CHAR.test(src[a - 1])) a--;
    let b = at + 3;
    if (a !== at) {
      while (b < to) {
        const c = src.charCodeAt(b);
        if (c === 32 || c === 9 || c === 10 || c === 60 || c === 62 || c === 0x3000) break;
        b++;
      }
      out.push(a, b);
    }
    cursor.next = src.indexOf('://', Math.max(b, at + 3));
  }
}

/** The prose of a note: the text with everything else blanked (same length, line endings kept), and its table rows. */
export interface ProseMask {
  /** `text` with every non-prose character (see module comment) replaced by a space; `\n` kept. */
  text: string;
  /** [start, end) ranges of GFM table rows (a link written there needs `\|`). */
  tableRows: Array<[number, number]>;
}

function collectBlanks(node: MdNode, src: string, out: number[], rows: number[], urls: { next: number }): void {
  const p = node.position;
  if (NON_PROSE.has(node.type)) {
    if (p) out.push(p.start.offset!, p.end.offset!);
    return;
  }
  if (node.type === 'text') {
    if (p && urls.next !== -1) scanBareUrls(src, p.start.offset!, p.end.offset!, out, urls);
    return;
  }
  if (node.type === 'tableRow' && p) rows.push(p.start.offset!, p.end.offset!);
  const kids = node.children;
  if (kids) for (let i = 0; i < kids.length; i++) collectBlanks(kids[i], src, out, rows, urls);
}

function blankInto(chars: string[], text: string, a: number, b: number): void {
  for (let i = a; i < b; i++) if (text.charCodeAt(i) !== 10) chars[i] = ' ';
}

/**
 * The prose mask of a whole note (`\n` line endings). Linear: one comment scan, one parse of the body. Offsets are
 * those of `text` (comments are parsed around, not removed).
 */
export function proseMask(text: string): ProseMask {
  const fm = text.startsWith('---') ? findFrontmatter(text) : null;
  const bodyStart = fm ? fm.bodyStart : 0;
  const out = text.split('');
  if (fm) blankInto(out, text, 0, bodyStart);
  const body = text.slice(bodyStart);
  // comments: blank them, parse the body without them, map the parse's offsets back
  const { src, ranges, back: backInBody } = cutComments(body);
  for (const [a, b] of ranges) blankInto(out, text, bodyStart + a, bodyStart + b);
  const back = (o: number): number => bodyStart + backInBody(o);
  const blanks: number[] = [];
  const rows: number[] = [];
  collectBlanks(parseBody(src, needsGfm(src)), src, blanks, rows, { next: src.indexOf('://') });
  for (let i = 0; i < blanks.length; i += 2) {
    if (blanks[i + 1] <= blanks[i]) continue;
    blankInto(out, text, back(blanks[i]), back(blanks[i + 1] - 1) + 1);
  }
  const tableRows: Array<[number, number]> = [];
  for (let i = 0; i < rows.length; i += 2) tableRows.push([back(rows[i]), back(rows[i + 1] - 1) + 1]);
  return { text: out.join(''), tableRows };
}

const WORD_CHAR = /[\p{Script=Latin}\p{N}_]/u;

function isWordAt(s: string, i: number): boolean {
  if (i < 0 || i >= s.length) return false;
  const c = s.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
  // the code point that ends at i (low surrogate) or starts at i
  const cp = c >= 0xdc00 && c <= 0xdfff && i > 0 ? s.codePointAt(i - 1)! : s.codePointAt(i)!;
  return WORD_CHAR.test(String.fromCodePoint(cp));
}

/** One match of a term in a text: [start, end) offsets, the owner given with the term, the text as written there. */
export interface TermMatch {
  start: number;
  end: number;
  owner: string;
  text: string;
}

/** A term to look for (a title or alias) and whose it is (e.g. the note's path). */
export interface MentionTerm {
  term: string;
  owner: string;
}

/**
 * Every occurrence of each term in `text` under the mention rules (case-insensitive, word boundaries on Latin
 * edges), then reduced to leftmost-longest non-overlapping matches. Cost: one forward `indexOf` scan of the text per
 * term (a rejected occurrence inside a word skips to the word's end).
 */
export function matchTerms(text: string, terms: readonly MentionTerm[]): TermMatch[] {
  const lower = text.toLowerCase();
  // toLowerCase may change lengths (rare: e.g. `İ`); then offsets would not line up, so compare per character
  const sameLength = lower.length === text.length;
  const hay = sameLength ? lower : text;
  const all: TermMatch[] = [];
  for (const { term, owner } of terms) {
    const t = term.normalize('NFC').trim();
    if (!t) continue;
    const needle = sameLength ? t.toLowerCase() : t;
    if (needle.length !== t.length && sameLength) continue;
    const pre = isWordAt(t, 0);
    const post = isWordAt(t, t.length - 1);
    let i = hay.indexOf(needle);
    while (i !== -1) {
      let next = i + 1;
      if (pre && isWordAt(text, i - 1)) {
        // inside a word: the next candidate starts after the word ends (keeps periodic text like `aaaa…` linear)
        while (next < text.length && isWordAt(text, next - 1)) next++;
      } else if (!(post && isWordAt(text, i + needle.length))) {
        all.push({ start: i, end: i + needle.length, owner, text: text.slice(i, i + needle.length) });
        // overlapping occurrences of one term can never both be taken
        next = i + needle.length;
      }
      i = hay.indexOf(needle, next);
    }
  }
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: TermMatch[] = [];
  let end = 0;
  for (const m of all) {
    if (m.start < end) continue;
    out.push(m);
    end = m.end;
  }
  return out;
}

/** What "Link" / "Link all" did to one note. */
export interface LinkedText {
  text: string;
  linked: number;
}

/**
 * Links the unlinked mentions of `owner` in a note's text: each matched span (leftmost-longest among `terms`, in
 * prose only) becomes `[[linkTarget]]`, or `[[linkTarget|as written]]` when the text differs from `linkTarget`
 * (`\|` inside a table row). `lines`: only on these 1-based lines (none given: everywhere, "Link all").
 * Nothing outside the matched spans changes.
 */
export function linkMentions(
  text: string,
  terms: readonly MentionTerm[],
  owner: string,
  linkTarget: string,
  lines?: readonly number[],
): LinkedText {
  const mask = proseMask(text);
  // a match must be prose from end to end (never reaching into a blanked link, code span or comment)
  const matches = matchTerms(mask.text, terms).filter(
    (m) => m.owner === owner && text.slice(m.start, m.end) === m.text,
  );
  if (matches.length === 0) return { text, linked: 0 };
  let lineSet: Set<number> | null = null;
  let lineStarts: number[] | null = null;
  if (lines) {
    lineSet = new Set(lines);
    lineStarts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  }
  const lineOf = (o: number): number => {
    let lo = 0;
    let hi = lineStarts!.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts![mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  let out = '';
  let last = 0;
  let linked = 0;
  let row = 0;
  for (const m of matches) {
    if (lineSet && !lineSet.has(lineOf(m.start))) continue;
    while (row < mask.tableRows.length && mask.tableRows[row][1] <= m.start) row++;
    const inTable = row < mask.tableRows.length && mask.tableRows[row][0] <= m.start;
    out += text.slice(last, m.start) + makeWikiLink(linkTarget, m.text, { inTable });
    last = m.end;
    linked++;
  }
  return { text: out + text.slice(last), linked };
}
