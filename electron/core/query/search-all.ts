/**
 * The search pane's search (nav, issue 12): every matching note (up to {@link RESULT_CAP}), each with its first
 * matching lines and where the terms are in them, for snippets with `<mark>` and for opening the note at a match.
 * Query language: see search-query.ts. Candidates come from the trigram index (the query's text terms as one FTS5
 * expression of ANDs and ORs, `GraphStore.ftsTerm`) and the id sets of its `tag:` and `[property]` terms; every
 * candidate is then checked against the whole query (`matches`) on its path, title, aliases and text. The text is the whole file's,
 * as Obsidian's search reads it: the frontmatter's YAML (file lines 2…) and the body.
 *
 * Bounded cost: at most {@link CANDIDATE_CAP} matching notes are kept and {@link READ_CAP} candidates read; per note at most {@link LINE_CAP} matching
 * lines are counted and {@link SHOWN_MATCHES} returned; line texts are cut to {@link LINE_CHARS} characters.
 */
import type { SearchMatch, SearchResultNote, SearchResults } from '../model.ts';
import type { GraphStore, SearchText } from '../store/graph-store.ts';
import { hasCondition, parseSearch, SearchSyntaxError, type ParsedSearch, type SearchNode } from './search-query.ts';

export const RESULT_CAP = 2000;
export const CANDIDATE_CAP = 5000;
export const LINE_CAP = 100;
export const SHOWN_MATCHES = 5;
export const LINE_CHARS = 200;

const fileName = (path: string) => (path.split('/').pop() ?? path).replace(/\.md$/i, '').toLowerCase();

function cut(line: string, terms: string[]): { text: string; ranges: [number, number][] } {
  const text0 = line.replace(/\s+/g, ' ').trim();
  const lower0 = text0.toLowerCase();
  let first = -1;
  for (const t of terms) {
    const i = lower0.indexOf(t);
    if (i >= 0 && (first < 0 || i < first)) first = i;
  }
  let start = 0;
  let text = text0;
  if (text0.length > LINE_CHARS) {
    start = Math.max(0, Math.min(first - 40, text0.length - LINE_CHARS));
    if (start > 0 && /[\uDC00-\uDFFF]/.test(text0[start])) start++;
    let end = Math.min(text0.length, start + LINE_CHARS);
    if (end < text0.length && /[\uD800-\uDBFF]/.test(text0[end - 1])) end--;
    text = (start > 0 ? '…' : '') + text0.slice(start, end) + (end < text0.length ? '…' : '');
  }
  const lower = text.toLowerCase();
  const raw: [number, number][] = [];
  for (const t of terms) {
    for (let i = lower.indexOf(t); i >= 0 && raw.length < 50; i = lower.indexOf(t, i + t.length))
      raw.push([i, i + t.length]);
  }
  raw.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const ranges: [number, number][] = [];
  for (const r of raw) {
    const last = ranges[ranges.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else ranges.push([r[0], r[1]]);
  }
  return { text, ranges };
}

/**
 * Adds the matching lines of `body` to `acc` (`bodyLine0` = file line of the text's first line, 1-based), up to
 * {@link LINE_CAP} counted and {@link SHOWN_MATCHES} kept in all.
 */
function matchLines(
  acc: { count: number; matches: SearchMatch[] },
  body: string,
  terms: string[],
  bodyLine0: number,
): { count: number; matches: SearchMatch[] } {
  const { matches } = acc;
  let count = acc.count;
  if (!terms.length) return acc;
  let lineNo = 0;
  let pos = 0;
  while (pos <= body.length && count < LINE_CAP) {
    const nl = body.indexOf('\n', pos);
    const end = nl < 0 ? body.length : nl;
    const line = body.slice(pos, end);
    const lower = line.toLowerCase();
    if (terms.some((t) => lower.includes(t))) {
      count++;
      if (matches.length < SHOWN_MATCHES) matches.push({ line: bodyLine0 + lineNo, ...cut(line, terms) });
    }
    if (nl < 0) break;
    pos = nl + 1;
    lineNo++;
  }
  acc.count = count;
  return acc;
}

function textScore(q: ParsedSearch, title: string, count: number, length: number): number {
  const t = title.toLowerCase();
  const whole = q.terms.join(' ');
  let s = count;
  if (whole && t === whole) s += 1000;
  else if (q.terms.some((x) => t.includes(x))) s += 100;
  return s / Math.log2(8 + length / 500);
}

/** The notes a (sub)query may match: every note, none, or those an FTS5 expression selects and/or an id set holds. */
type Candidates = { kind: 'all' } | { kind: 'none' } | { kind: 'some'; fts: string | null; ids: Set<number> | null };

const ALL: Candidates = { kind: 'all' };
const NONE: Candidates = { kind: 'none' };

/** The JSON value of a stored property as the lower-cased NFC strings it matches: a list's items, a scalar's text. */
function propertyStrings(json: string): string[] {
  let v: unknown;
  try {
    v = JSON.parse(json);
  } catch {
    v = json;
  }
  const out: string[] = [];
  const add = (x: unknown) => {
    if (out.length >= 1000) return;
    if (Array.isArray(x)) for (const y of x) add(y);
    else if (x === null || x === undefined) out.push('');
    else if (typeof x === 'object') out.push(JSON.stringify(x).normalize('NFC').toLowerCase());
    else out.push(String(x).normalize('NFC').toLowerCase());
  };
  add(v);
  return out;
}

/** Reads the id sets of the query's `tag:` and `[property]` terms, once per term. */
function leafSets(store: GraphStore, n: SearchNode, sets: Map<SearchNode, Set<number>>): void {
  if (n.kind === 'and' || n.kind === 'or') for (const c of n.items) leafSets(store, c, sets);
  else if (n.kind === 'not') leafSets(store, n.item, sets);
  else if (n.kind === 'tag') sets.set(n, new Set(store.taggedNotes(n.value).map((t) => t.id)));
  else if (n.kind === 'prop') {
    const ids = new Set<number>();
    const value = n.value;
    for (const r of store.propertyValues(n.key)) {
      if (value === null || propertyStrings(r.value).some((x) => x.includes(value))) ids.add(r.id);
    }
    sets.set(n, ids);
  }
}

function intersect(a: Set<number> | null, b: Set<number>): Set<number> {
  if (a === null) return b;
  const out = new Set<number>();
  for (const id of a) if (b.has(id)) out.add(id);
  return out;
}

/**
 * A superset of the notes `n` matches, from the text index and the leaf sets: `and` intersects, `or` unites (an
 * `or` of text alone stays one FTS5 expression; mixed with sets, its parts are read as ids, and when one part has
 * over `limit` notes the `or` is every note), a negation is every note (verification decides).
 */
function candidates(store: GraphStore, n: SearchNode, sets: Map<SearchNode, Set<number>>, limit: number): Candidates {
  switch (n.kind) {
    case 'text': {
      const m = store.ftsTerm(n.value);
      return m === 'none' ? NONE : m === 'all' ? ALL : { kind: 'some', fts: m, ids: null };
    }
    case 'tag':
    case 'prop': {
      const ids = sets.get(n) ?? new Set<number>();
      return ids.size ? { kind: 'some', fts: null, ids } : NONE;
    }
    case 'path':
    case 'file':
    case 'not':
      return ALL;
    case 'and': {
      const fts: string[] = [];
      let ids: Set<number> | null = null;
      for (const c of n.items) {
        const k = candidates(store, c, sets, limit);
        if (k.kind === 'none') return NONE;
        if (k.kind === 'all') continue;
        if (k.fts !== null) fts.push(`(${k.fts})`);
        if (k.ids !== null) ids = intersect(ids, k.ids);
      }
      if (ids !== null && ids.size === 0) return NONE;
      if (!fts.length && ids === null) return ALL;
      return { kind: 'some', fts: fts.length ? fts.join(' AND ') : null, ids };
    }
    case 'or': {
      const parts: { fts: string | null; ids: Set<number> | null }[] = [];
      for (const c of n.items) {
        const k = candidates(store, c, sets, limit);
        if (k.kind === 'all') return ALL;
        if (k.kind === 'some') parts.push(k);
      }
      if (!parts.length) return NONE;
      if (parts.every((p) => p.ids === null))
        return { kind: 'some', fts: parts.map((p) => `(${p.fts})`).join(' OR '), ids: null };
      const ids = new Set<number>();
      for (const p of parts) {
        let part: Iterable<number>;
        if (p.fts === null) part = p.ids as Set<number>;
        else {
          const found = store.ftsIds(p.fts, limit + 1);
          if (found.length > limit) return ALL;
          part = p.ids === null ? found : found.filter((id) => (p.ids as Set<number>).has(id));
        }
        for (const id of part) ids.add(id);
      }
      return ids.size ? { kind: 'some', fts: null, ids } : NONE;
    }
  }
}

/** What `matches` needs of one note; the lower-cased texts are made on first use. */
class NoteView {
  private hay: string | null = null;
  private pathLc: string | null = null;
  readonly r: SearchText;
  readonly sets: Map<SearchNode, Set<number>>;
  constructor(r: SearchText, sets: Map<SearchNode, Set<number>>) {
    this.r = r;
    this.sets = sets;
  }
  /** Title, aliases, frontmatter and body, lower-cased, one after another (a term never spans two of them). */
  text(): string {
    this.hay ??= `${this.r.title}\n${this.r.aliases}\n${this.r.frontmatter}\n${this.r.body}`.toLowerCase();
    return this.hay;
  }
  path(): string {
    this.pathLc ??= this.r.path.toLowerCase();
    return this.pathLc;
  }
}

/** True when the note satisfies `n` (Obsidian's rules: AND of terms, OR, `-` negation; see search-query.ts). */
function matches(n: SearchNode, v: NoteView): boolean {
  switch (n.kind) {
    case 'and':
      return n.items.every((c) => matches(c, v));
    case 'or':
      return n.items.some((c) => matches(c, v));
    case 'not':
      return !matches(n.item, v);
    case 'text':
      return v.text().includes(n.value);
    case 'path':
      return v.path().includes(n.value);
    case 'file':
      return fileName(v.r.path).includes(n.value);
    case 'tag':
    case 'prop':
      return v.sets.get(n)?.has(v.r.id) ?? false;
  }
}

/** Notes read at most per query (rows of the candidate superset, matching or not). */
export const READ_CAP = 4 * CANDIDATE_CAP;

/**
 * The search pane's search: `{ notes, total, truncated, error? }` (see `SearchResults`) for a query of the language in
 * search-query.ts (words, phrases, `OR`, `( … )`, `-`, `tag:`, `path:`, `file:`, `[property:value]`). Obsidian's
 * rules: the whole file's text is searched (properties included), case-insensitively; a query of only exclusions
 * finds nothing. A query that cannot be read gives no notes and `error`.
 */
export function searchAll(store: GraphStore, query: string, cap = RESULT_CAP): SearchResults {
  let q: ParsedSearch;
  try {
    q = parseSearch(query);
  } catch (e) {
    if (e instanceof SearchSyntaxError) return { notes: [], total: 0, truncated: false, error: e.message };
    throw e;
  }
  if (!hasCondition(q) || q.expr === null) return { notes: [], total: 0, truncated: false };
  const expr = q.expr;
  const sets = new Map<SearchNode, Set<number>>();
  leafSets(store, expr, sets);
  const cand = candidates(store, expr, sets, CANDIDATE_CAP);
  if (cand.kind === 'none') return { notes: [], total: 0, truncated: false };

  // frontmatter lines hold text terms and property values; the body text terms
  const fmTerms = [...new Set([...q.terms, ...q.propValues])];
  const out: (SearchResultNote & { score: number })[] = [];
  let truncated = false;
  let read = 0;
  store.scanTexts(cand.kind === 'all' ? null : cand.fts, cand.kind === 'all' ? null : cand.ids, (r) => {
    if (++read > READ_CAP || out.length >= CANDIDATE_CAP) {
      truncated = true;
      return false;
    }
    if (!matches(expr, new NoteView(r, sets))) return true;
    // the frontmatter's YAML starts on file line 2 (after `---`), the body after the frontmatter's lines
    const acc = matchLines({ count: 0, matches: [] }, r.frontmatter, fmTerms, 2);
    const { count, matches: lines } = matchLines(acc, r.body, q.terms, r.frontmatterLines + 1);
    out.push({
      path: r.path,
      title: r.title,
      matchCount: count,
      matches: lines,
      score: textScore(q, r.title, count, r.body.length),
    });
    return true;
  });
  out.sort((a, b) => b.score - a.score || (a.path < b.path ? -1 : 1));
  const total = out.length;
  if (total > cap) truncated = true;
  return { notes: out.slice(0, cap).map(({ score: _s, ...n }) => n), total, truncated };
}
