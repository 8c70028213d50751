/**
 * Flashcards written in notes, in the syntax of the Obsidian Spaced Repetition plugin (st3v3nmw/obsidian-spaced-
 * repetition, `src/parser.ts` and docs "Flashcards"), so that existing vaults work unchanged:
 *
 * - `Question::Answer` on one line (single-line basic); `Question:::Answer` (single-line reversed: two cards);
 * - a paragraph `Question` / a line `?` / `Answer` (multi-line basic); `??` instead of `?` (reversed: two cards);
 *   both sides "touch" the separator: a card is the run of non-blank lines around it;
 * - cloze deletions `==hidden==` (the plugin's default); `**bold**` and `{{curly}}` clozes when enabled
 *   (`CardOptions`, off by default here as they are optional settings in the plugin). Each deletion of a paragraph
 *   is one card: that deletion hidden, the others shown.
 *
 * As in the plugin, cards are separated by blank lines; only notes tagged `#flashcards` (or a nested `#flashcards/…`,
 * in the frontmatter or inline; the tag is configurable) have cards, and here also notes of `type: quiz`
 * (`noteHasCards`). So an inline field such as `prerequisites:: [[x]]` in any other note stays a field. Two further
 * rules of ours: a `prerequisites::`/`concepts::` line whose value is only wiki links is a field even in a card note,
 * and separators inside code (fenced, indented, inline spans) or comments (`%% %%`, `<!-- -->`) make no card.
 * The plugin's scheduling comments `<!--SR:…-->` are ignored (we keep review state in `.atlas/review.json`).
 *
 * Runtime-neutral (no `node:` imports): used by the indexer (which stores the cards) and importable by the renderer.
 * Cost is linear in the note: one pass over its lines; at most `MAX_CARDS_PER_NOTE` cards, each side cut to
 * `MAX_SIDE_CHARS`.
 */
import type { CardFact, CardKind } from '../model.ts';
import { stripComments } from './comments.ts';

export type { CardFact, CardKind } from '../model.ts';

export interface CardOptions {
  /** Tags that mark a note as holding cards, without `#` (nested tags below them count). Default `['flashcards']`. */
  tags?: string[];
  /** `==highlight==` clozes (default true). */
  clozeHighlight?: boolean;
  /** `**bold**` clozes (default false). */
  clozeBold?: boolean;
  /** `{{curly}}` clozes (default false). */
  clozeCurly?: boolean;
}

export const DEFAULT_CARD_TAGS = ['flashcards'];
export const MAX_CARDS_PER_NOTE = 1000;
export const MAX_SIDE_CHARS = 4000;
/** Lines longer than this are text only (no separators or clozes looked for). */
export const MAX_LINE_CHARS = 2 * MAX_SIDE_CHARS;

/** Inline fields that the atlas itself reads (relations): never cards when their value is only wiki links. */
const RELATION_FIELDS = new Set(['prerequisites', 'prerequisite', 'concepts', 'practises', 'practices']);
const ONLY_WIKI_LINKS = /^\s*(?:!?\[\[[^\]\n]*\]\]\s*[,，、;]?\s*)+$/u;
const LIST_OR_QUOTE = /^[ \t]*(?:>[ \t]*)*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?(?:\[.\][ \t]+)?/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * True when a note holds cards: tagged with one of `tags` (or a tag nested below one, `flashcards/go`), compared
 * case-insensitively as Obsidian compares tags, or of `type: quiz`.
 */
export function noteHasCards(
  tags: readonly string[],
  properties: Record<string, unknown>,
  cardTags: readonly string[] = DEFAULT_CARD_TAGS,
): boolean {
  const type = properties.type;
  if (typeof type === 'string' && type.trim().toLowerCase() === 'quiz') return true;
  const wanted = cardTags.map((t) => t.replace(/^#/, '').toLowerCase()).filter((t) => t !== '');
  for (const tag of tags) {
    const t = tag.replace(/^#/, '').toLowerCase();
    for (const w of wanted) if (t === w || t.startsWith(w + '/')) return true;
  }
  return false;
}

/**
 * A stable 53-bit hash of a string, as 11 base-36 digits (cyrb53, public domain: two multiplicative 32-bit lanes).
 * Not cryptographic; used for card ids, which only need to be stable and rarely collide within one note.
 */
export function stableHash(s: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const n = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return n.toString(36).padStart(11, '0');
}

/** The id of a card: its note and the hash of its question (NFC, whitespace collapsed, trimmed). */
export function cardId(notePath: string, question: string): string {
  return `${notePath}#${stableHash(question.normalize('NFC').replace(/\s+/g, ' ').trim())}`;
}

/** Start offsets of code spans' contents are irrelevant: true when `at` lies inside an inline code span of `line`. */
function inCodeSpan(line: string, at: number): boolean {
  let i = line.indexOf('`');
  while (i !== -1 && i < at) {
    let e = i;
    while (line.charCodeAt(e) === 96) e++;
    const run = e - i;
    // find the closing run of the same length
    let j = line.indexOf('`', e);
    let close = -1;
    while (j !== -1) {
      let k = j;
      while (line.charCodeAt(k) === 96) k++;
      if (k - j === run) {
        close = j;
        break;
      }
      j = line.indexOf('`', k);
    }
    if (close === -1) return false;
    if (at < close) return true;
    i = line.indexOf('`', close + run);
  }
  return false;
}

/** The first `sep` in `line` outside inline code, or -1. For `::`, a `:::` never counts. */
function findSeparator(line: string, sep: '::' | ':::'): number {
  let i = line.indexOf(sep);
  while (i !== -1) {
    const tripleHere = sep === '::' && (line.charCodeAt(i + 2) === 58 || (i > 0 && line.charCodeAt(i - 1) === 58));
    if (!tripleHere && !inCodeSpan(line, i)) return i;
    // skip the whole run of colons
    let e = i;
    while (line.charCodeAt(e) === 58) e++;
    i = line.indexOf(sep, e);
  }
  return -1;
}

interface ClozeMark {
  open: string;
  close: string;
}

/** Deletions [start, end) (outer, markers included) of one text, for the enabled markers, in order, not overlapping. */
function findClozes(text: string, marks: ClozeMark[]): Array<[number, number, number, number]> {
  const out: Array<[number, number, number, number]> = [];
  for (const m of marks) {
    let i = text.indexOf(m.open);
    while (i !== -1) {
      const innerStart = i + m.open.length;
      const close = text.indexOf(m.close, innerStart);
      if (close === -1) break;
      const inner = text.slice(innerStart, close);
      if (
        inner.trim() !== '' &&
        inner.indexOf('\n') === -1 &&
        !inCodeSpan(text.slice(text.lastIndexOf('\n', i) + 1), i - (text.lastIndexOf('\n', i) + 1))
      ) {
        out.push([i, close + m.close.length, innerStart, close]);
      }
      i = text.indexOf(m.open, close + m.close.length);
    }
  }
  out.sort((a, b) => a[0] - b[0]);
  const kept: Array<[number, number, number, number]> = [];
  let end = -1;
  for (const c of out)
    if (c[0] >= end) {
      kept.push(c);
      end = c[1];
    }
  return kept;
}

function cut(s: string): string {
  return s.length > MAX_SIDE_CHARS ? s.slice(0, MAX_SIDE_CHARS) + '…' : s;
}

interface LineInfo {
  /** The line with comments removed. */
  text: string;
  /** Inside fenced or indented code: never a separator. */
  code: boolean;
  /** The line was nothing but a comment (e.g. `<!--SR:…-->`): skipped, neither text nor a blank line. */
  commentOnly: boolean;
}

/** Classifies the body's lines: comments removed, code marked. Linear. */
function classify(body: string): LineInfo[] {
  const stripped = stripComments(body).split('\n');
  const original = body.split('\n');
  const out: LineInfo[] = [];
  let fence: string | null = null;
  let indented = false;
  let prevBlank = true;
  for (let i = 0; i < stripped.length; i++) {
    const text = stripped[i];
    const blank = text.trim() === '';
    const commentOnly = blank && (original[i] ?? '').trim() !== '' && fence === null;
    if (commentOnly) {
      out.push({ text: '', code: false, commentOnly: true });
      continue;
    }
    if (fence !== null) {
      const m = FENCE.exec(text);
      if (m && m[1][0] === fence[0] && m[1].length >= fence.length && text.trim() === m[1]) fence = null;
      out.push({ text, code: true, commentOnly: false });
      prevBlank = false;
      continue;
    }
    const m = FENCE.exec(text);
    if (m) {
      fence = m[1];
      out.push({ text, code: true, commentOnly: false });
      prevBlank = false;
      indented = false;
      continue;
    }
    if (blank) {
      out.push({ text, code: indented, commentOnly: false });
      prevBlank = true;
      continue;
    }
    const indent = /^(?: {4}|\t)/.test(text);
    if (indent && (indented || prevBlank)) indented = true;
    else indented = false;
    out.push({ text, code: indented, commentOnly: false });
    prevBlank = false;
  }
  return out;
}

/** Removes the card tags (`#flashcards`, `#flashcards/go`) from card text, as the plugin's deck tags are not content. */
function withoutCardTags(s: string, tags: readonly string[]): string {
  let out = s;
  for (const t of tags) {
    const esc = t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    out = out.replace(new RegExp(`(^|\\s)#${esc}(?:/[^\\s#]*)?(?=\\s|$)`, 'giu'), '$1');
  }
  return out.replace(/[ \t]+$/gm, '').trim();
}

/** A single-line side: list/quote markers dropped, trimmed. */
function side(s: string): string {
  return s.replace(LIST_OR_QUOTE, '').trim();
}

/**
 * The cards of one note body (the text after the frontmatter). `lineOffset` is the number of frontmatter lines
 * (body line N is file line N + lineOffset). Call only for notes that `noteHasCards`.
 */
export function parseCards(notePath: string, body: string, lineOffset = 0, options: CardOptions = {}): CardFact[] {
  const tags = options.tags ?? DEFAULT_CARD_TAGS;
  const marks: ClozeMark[] = [];
  if (options.clozeHighlight !== false) marks.push({ open: '==', close: '==' });
  if (options.clozeBold) marks.push({ open: '**', close: '**' });
  if (options.clozeCurly) marks.push({ open: '{{', close: '}}' });

  const lines = classify(
    body.charCodeAt(0) === 0xfeff ? body.slice(1).replace(/\r\n?/g, '\n') : body.replace(/\r\n?/g, '\n'),
  );
  const cards: CardFact[] = [];
  const seen = new Map<string, number>();
  const fileLine = (i: number) => i + 1 + lineOffset;

  const emit = (kind: CardKind, reversed: boolean, question: string, answer: string, from: number, to: number) => {
    if (cards.length >= MAX_CARDS_PER_NOTE) return;
    const q = cut(withoutCardTags(question, tags));
    const a = cut(withoutCardTags(answer, tags));
    if (q === '' || (a === '' && kind !== 'cloze')) return;
    let id = cardId(notePath, q);
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    if (n > 1) id = `${id}-${n}`;
    cards.push({
      id,
      note: notePath,
      kind,
      reversed,
      question: q,
      answer: a,
      line: fileLine(from),
      endLine: fileLine(to),
    });
  };

  // The paragraph being read (plugin: `cardText` since the last blank line or single-line card).
  let start = -1;
  let sepLine = -1;
  let sepReversed = false;
  let clozeLine = -1;
  const textOf = (from: number, to: number) => {
    const parts: string[] = [];
    for (let k = from; k <= to; k++) if (!lines[k].commentOnly) parts.push(lines[k].text);
    return parts.join('\n').trim();
  };
  const flush = (end: number) => {
    if (start !== -1 && end >= start) {
      if (sepLine !== -1) {
        const q = textOf(start, sepLine - 1);
        const a = textOf(sepLine + 1, end);
        emit('multi', false, q, a, start, end);
        if (sepReversed) emit('multi', true, a, q, start, end);
      } else if (clozeLine !== -1) {
        const text = textOf(start, end);
        const dels = findClozes(text, marks);
        for (let d = 0; d < dels.length; d++) {
          let q = '';
          let a = '';
          let last = 0;
          for (let e = 0; e < dels.length; e++) {
            const [o, c, is, ie] = dels[e];
            q += text.slice(last, o) + (e === d ? '[...]' : text.slice(is, ie));
            a += text.slice(last, o) + (e === d ? `==${text.slice(is, ie)}==` : text.slice(is, ie));
            last = c;
          }
          q += text.slice(last);
          a += text.slice(last);
          emit('cloze', false, q, a, start, end);
        }
      }
    }
    start = -1;
    sepLine = -1;
    sepReversed = false;
    clozeLine = -1;
  };

  for (let i = 0; i < lines.length; i++) {
    const info = lines[i];
    if (info.commentOnly) continue;
    const t = info.text;
    if (!info.code && t.trim() === '') {
      flush(i - 1);
      continue;
    }
    if (start === -1) start = i;
    // code, and over-long lines (a side is cut at MAX_SIDE_CHARS anyway), hold no separators: keeps this linear
    if (info.code || t.length > MAX_LINE_CHARS) continue;
    const triple = findSeparator(t, ':::');
    const double = triple === -1 ? findSeparator(t, '::') : -1;
    if (triple !== -1 || double !== -1) {
      const at = triple !== -1 ? triple : double;
      const q = side(t.slice(0, at));
      const a = t.slice(at + (triple !== -1 ? 3 : 2)).trim();
      const isField = triple === -1 && RELATION_FIELDS.has(q.toLowerCase()) && ONLY_WIKI_LINKS.test(a);
      // the paragraph so far ends before this line (the plugin resets its card text at a single-line card)
      flush(i - 1);
      if (!isField) {
        emit('single', false, q, a, i, i);
        if (triple !== -1) emit('single', true, a, q, i, i);
      }
      continue;
    }
    const trimmed = t.trim();
    if (trimmed === '?' || trimmed === '??') {
      if (sepLine === -1 && start < i) {
        sepLine = i;
        sepReversed = trimmed === '??';
      }
      continue;
    }
    if (sepLine === -1 && clozeLine === -1 && marks.length > 0 && findClozes(t, marks).length > 0) clozeLine = i;
  }
  flush(lines.length - 1);
  return cards;
}
