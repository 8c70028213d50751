/**
 * The search pane's query language, as Obsidian's search:
 * - words (every one must occur) and `"exact phrase"`;
 * - `OR` (upper case) between terms, `( … )` to group (`meeting (work OR meetup)`); a space (AND) binds tighter than
 *   `OR`, so `a b OR c` is `(a b) OR c`, as in Obsidian;
 * - `-` before a term, an operator or a group excludes it (`-draft`, `-tag:x`, `-(a OR b)`);
 * - `tag:x` (notes tagged x or below it), `path:x` (vault path contains x), `file:x` (file name contains x);
 * - `[property:value]` (the property's value contains `value`; a list matches when an item does) and `[property]`
 *   (the note has the property).
 * Matching is case-insensitive on NFC text; every other character is literal (FTS syntax never reaches the index).
 *
 * Lenient, as Obsidian is, where the intent is clear: an unclosed `(` or `[` closes at the end of the query, a stray
 * `)` or an `OR` with nothing on one side is ignored, an empty group `()` is dropped. `)` closes a group only when one
 * is open (`f(x)` stays a word). Only nesting deeper than {@link MAX_DEPTH} is an error ({@link SearchSyntaxError}).
 *
 * Bounded: at most {@link MAX_TERMS} terms and operators in all (later ones are ignored), each value at most
 * {@link MAX_TERM_CHARS} characters (longer ones are cut), groups at most {@link MAX_DEPTH} deep; parsing is linear
 * in the query, evaluating a note linear in the terms, so a query's cost does not grow with its nesting.
 */

export const MAX_TERMS = 32;
export const MAX_TERM_CHARS = 200;
export const MAX_DEPTH = 8;

/** One node of a parsed query; every value is NFC and lower-cased. */
export type SearchNode =
  | { kind: 'and'; items: SearchNode[] }
  | { kind: 'or'; items: SearchNode[] }
  | { kind: 'not'; item: SearchNode }
  /** A word or phrase that must occur in the note's title, aliases, frontmatter or body. */
  | { kind: 'text'; value: string }
  /** `tag:` without `#` and trailing `/`; `path:` and `file:` substrings. */
  | { kind: 'tag' | 'path' | 'file'; value: string }
  /** `[key:value]`, or `[key]` (value null): the note has the property. */
  | { kind: 'prop'; key: string; value: string | null };

export interface ParsedSearch {
  /** The query as a tree; null when it holds nothing to search. */
  expr: SearchNode | null;
  /** The words and phrases that count as matches (not under a `-`), for match lines, highlighting and ranking. */
  terms: string[];
  /** The values of `[key:value]` terms not under a `-`: highlighted where they stand in the frontmatter. */
  propValues: string[];
}

/** A query that cannot be read (nesting deeper than {@link MAX_DEPTH}); the message is for the user. */
export class SearchSyntaxError extends Error {}

type Token = { t: '('; neg: boolean } | { t: ')' } | { t: 'or' } | { t: 'leaf'; node: SearchNode; neg: boolean };

const cut = (v: string) => v.trim().replace(/\s+/g, ' ').slice(0, MAX_TERM_CHARS);

/** A quoted value starting at `i` (on `"`): its text and the index after the closing quote (or the end). */
function quoted(s: string, i: number): { value: string; end: number } {
  const close = s.indexOf('"', i + 1);
  return close < 0 ? { value: s.slice(i + 1), end: s.length } : { value: s.slice(i + 1, close), end: close + 1 };
}

function leafOf(op: string | undefined, raw: string): SearchNode | null {
  const value = cut(raw.toLowerCase());
  if (op === 'tag') {
    const tag = value.replace(/^#/, '').replace(/\/+$/, '');
    return tag ? { kind: 'tag', value: tag } : null;
  }
  if (!value) return null;
  if (op === 'path' || op === 'file') return { kind: op, value };
  return { kind: 'text', value };
}

/** `[key]`, `[key:value]`, `[key:"value"]` (inside the brackets). */
function propOf(inner: string): SearchNode | null {
  const colon = inner.indexOf(':');
  const key = cut((colon < 0 ? inner : inner.slice(0, colon)).toLowerCase());
  if (!key) return null;
  if (colon < 0) return { kind: 'prop', key, value: null };
  let raw = inner.slice(colon + 1).trim();
  if (raw.startsWith('"')) raw = quoted(raw, 0).value;
  const value = cut(raw.toLowerCase());
  return { kind: 'prop', key, value: value || null };
}

/** Splits the query into tokens, at most {@link MAX_TERMS} leaves and operators. */
function tokenize(query: string): Token[] {
  const s = query.normalize('NFC');
  const out: Token[] = [];
  let depth = 0;
  let budget = MAX_TERMS;
  let i = 0;
  while (i < s.length && budget > 0) {
    const c = s[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const neg = c === '-' && i + 1 < s.length && !/\s/.test(s[i + 1]);
    const j = neg ? i + 1 : i;
    const d = s[j];
    if (d === '(') {
      out.push({ t: '(', neg });
      depth++;
      i = j + 1;
      continue;
    }
    if (d === ')' && !neg) {
      if (depth > 0) {
        out.push({ t: ')' });
        depth--;
      }
      i = j + 1;
      continue;
    }
    if (d === '[') {
      const close = s.indexOf(']', j + 1);
      const end = close < 0 ? s.length : close;
      const node = propOf(s.slice(j + 1, end));
      i = close < 0 ? s.length : close + 1;
      if (node) {
        out.push({ t: 'leaf', node, neg });
        budget--;
      }
      continue;
    }
    if (d === '"') {
      const q = quoted(s, j);
      i = q.end;
      const node = leafOf(undefined, q.value);
      if (node) {
        out.push({ t: 'leaf', node, neg });
        budget--;
      }
      continue;
    }
    // a word, up to whitespace or a quote; an operator's value may be quoted (`path:"my notes"`)
    let end = j;
    while (end < s.length && !/\s/.test(s[end]) && s[end] !== '"') end++;
    let word = s.slice(j, end);
    const op = /^(tag|path|file):/i.exec(word)?.[1]?.toLowerCase();
    if (op && word.length === op.length + 1 && s[end] === '"') {
      const q = quoted(s, end);
      i = q.end;
      const node = leafOf(op, q.value);
      if (node) {
        out.push({ t: 'leaf', node, neg });
        budget--;
      }
      continue;
    }
    i = end;
    if (word === 'OR' && !neg) {
      out.push({ t: 'or' });
      budget--;
      continue;
    }
    // `)` ending a word closes open groups, unless the word's own parentheses pair it (`f(x)`)
    let closes = 0;
    let open = 0;
    for (const ch of word) open += ch === '(' ? 1 : ch === ')' ? -1 : 0;
    while (word.endsWith(')') && open < 0 && closes < depth) {
      word = word.slice(0, -1);
      open++;
      closes++;
    }
    const node = leafOf(op, op ? word.slice(op.length + 1) : word);
    if (node) {
      out.push({ t: 'leaf', node, neg });
      budget--;
    }
    for (let k = 0; k < closes; k++) out.push({ t: ')' });
    depth -= closes;
  }
  return out;
}

function join(kind: 'and' | 'or', items: SearchNode[]): SearchNode | null {
  if (items.length === 0) return null;
  if (items.length === 1) return items[0];
  return { kind, items };
}

/** Recursive descent over the tokens: or := and ('OR' and)*, and := unary+, unary := '-'? (leaf | '(' or ')'). */
class Parser {
  private pos = 0;
  private readonly tokens: Token[];
  constructor(tokens: Token[]) {
    this.tokens = tokens;
  }

  top(): SearchNode | null {
    const items: SearchNode[] = [];
    while (this.pos < this.tokens.length) {
      const t = this.tokens[this.pos];
      if (t.t === ')' || t.t === 'or') {
        this.pos++; // stray: ignored
        continue;
      }
      const n = this.or(0);
      if (n) items.push(n);
    }
    return join('and', items);
  }

  private or(depth: number): SearchNode | null {
    const items: SearchNode[] = [];
    const first = this.and(depth);
    if (first) items.push(first);
    while (this.tokens[this.pos]?.t === 'or') {
      this.pos++;
      const n = this.and(depth);
      if (n) items.push(n);
    }
    return join('or', items);
  }

  private and(depth: number): SearchNode | null {
    const items: SearchNode[] = [];
    for (;;) {
      const t = this.tokens[this.pos];
      if (!t || t.t === 'or' || t.t === ')') break;
      this.pos++;
      let n: SearchNode | null;
      if (t.t === '(') {
        if (depth + 1 > MAX_DEPTH) throw new SearchSyntaxError(`Too many nested parentheses (at most ${MAX_DEPTH}).`);
        n = this.or(depth + 1);
        if (this.tokens[this.pos]?.t === ')') this.pos++; // unclosed: closes at the end
      } else n = t.node;
      if (n) items.push(t.neg ? { kind: 'not', item: n } : n);
    }
    return join('and', items);
  }
}

function collect(n: SearchNode, positive: boolean, terms: Set<string>, props: Set<string>): void {
  if (n.kind === 'and' || n.kind === 'or') for (const c of n.items) collect(c, positive, terms, props);
  else if (n.kind === 'not') collect(n.item, !positive, terms, props);
  else if (positive && n.kind === 'text') terms.add(n.value);
  else if (positive && n.kind === 'prop' && n.value !== null) props.add(n.value);
}

/**
 * Parses a search query (see the module comment) into `{ expr, terms, propValues }`: e.g. `tag:#go (channel OR
 * select) -draft` → and(tag go, or(text channel, text select), not(text draft)), terms [channel, select]. Throws
 * {@link SearchSyntaxError} only for nesting deeper than {@link MAX_DEPTH}.
 */
export function parseSearch(query: string): ParsedSearch {
  const expr = new Parser(tokenize(query)).top();
  const terms = new Set<string>();
  const props = new Set<string>();
  if (expr) collect(expr, true, terms, props);
  return { expr, terms: [...terms], propValues: [...props] };
}

/**
 * True when the query has a positive condition somewhere (a query of only exclusions matches nothing, as in
 * Obsidian).
 */
export function hasCondition(q: ParsedSearch): boolean {
  const positive = (n: SearchNode, pos: boolean): boolean =>
    n.kind === 'and' || n.kind === 'or'
      ? n.items.some((c) => positive(c, pos))
      : n.kind === 'not'
        ? positive(n.item, !pos)
        : pos;
  return q.expr !== null && positive(q.expr, true);
}
