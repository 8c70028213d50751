/**
 * Full-text search: title and alias matches first (exact, then prefix, then substring), then notes whose text
 * contains every term. Candidates come from the FTS5 trigram index (which makes Chinese searchable without word
 * breaks; 1–2 character terms such as `通道` go through the trigram vocabulary, see `GraphStore.matchNotes`) and
 * are ranked here by a cheap score (whole query present, term counts, terms in the title): bm25 over every match of
 * a common term costs tens of ms on a 10k-note vault, this stays within a few.
 *
 * `tag:x` terms (Obsidian's tag search: `tag:#go/concurrency`, `tag:go`, `tag:并发`) keep only notes carrying tag x
 * or a tag nested below it (case-insensitive); several must all hold. With text terms beside them (`tag:go channel`)
 * the tagged notes must also contain every term, and the snippet is the first line holding one; with tags only,
 * every tagged note is listed by title and the snippet is its tag list.
 *
 * The frontmatter's text is searched too (Obsidian matches the whole file): a note whose only match is in a property
 * is found, and its snippet is that property's line.
 *
 * A query using the search pane's other operators (`OR`, `( … )`, `-exclude`, `path:`, `file:`, `[property:value]`;
 * search-query.ts) is answered by the pane's search (`searchAll`), the snippet being its first matching line: one
 * query language for the pane, the CLI (`atlas search`) and the API.
 */
import type { SearchHit } from '../model.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { searchAll } from './search-all.ts';
import { parseSearch, type SearchNode } from './search-query.ts';
import { makeSnippet } from './snippet.ts';

/** Body candidates ranked per query (the first this many matches of the index). */
const CANDIDATES = 200;

function nameRank(needle: string, title: string, aliases: string): number {
  const t = title.normalize('NFC').toLowerCase();
  const as = aliases ? aliases.split('\n') : [];
  if (t === needle) return 0;
  if (as.includes(needle)) return 1;
  if (t.startsWith(needle)) return 2;
  if (as.some((a) => a.startsWith(needle))) return 3;
  return 4;
}

function count(hay: string, needle: string, max: number): number {
  let n = 0;
  for (let i = hay.indexOf(needle); i >= 0 && n < max; i = hay.indexOf(needle, i + needle.length)) n++;
  return n;
}

/** Rank of a body match; `lower` is the lower-cased body. */
function bodyScore(needle: string, terms: string[], title: string, lower: string): number {
  const t = title.toLowerCase();
  let score = terms.length > 1 && lower.includes(needle) ? 50 : 0;
  for (const term of terms) score += count(lower, term, 20) + (t.includes(term) ? 30 : 0);
  // shorter notes with the same hits rank higher
  return score / Math.log2(8 + lower.length / 500);
}

/** Splits off `tag:` terms: the tags (without `#`, NFC, lower case) and the remaining text. */
export function parseTagQuery(query: string): { tags: string[]; text: string } {
  const tags: string[] = [];
  const rest: string[] = [];
  for (const term of query.normalize('NFC').trim().split(/\s+/)) {
    const m = /^tag:(.*)$/i.exec(term);
    if (!m) {
      if (term) rest.push(term);
      continue;
    }
    const tag = m[1].replace(/^#/, '').replace(/\/+$/, '').toLowerCase();
    if (tag) tags.push(tag);
  }
  return { tags: [...new Set(tags)], text: rest.join(' ') };
}

/**
 * The lower-cased search terms of free text: whitespace separates terms, and a `"quoted phrase"` (Obsidian's exact
 * match syntax) is one term without its quotes; a stray `"` is dropped. Every other character is literal, so FTS5
 * syntax (`*`, `-`, `OR`, `(`) is searched as written and never reaches the query parser. `needle` is the whole
 * query without quotes, for title/alias matching.
 */
export function queryTerms(text: string): { needle: string; terms: string[] } {
  const lower = text.normalize('NFC').trim().toLowerCase();
  const terms: string[] = [];
  for (const m of lower.matchAll(/"([^"]*)"?|[^\s"]+/g)) {
    const term = (m[1] ?? m[0]).trim().replace(/\s+/g, ' ');
    if (term) terms.push(term);
  }
  return { needle: lower.replace(/"/g, '').trim().replace(/\s+/g, ' '), terms: [...new Set(terms)] };
}

/** The first line of `body` holding one of `needles` (lower-cased), cut to ≤ 160 chars around the match. */
function lineSnippet(body: string, needles: string[]): string {
  const lines = body.split('\n');
  for (const n of needles) {
    const line = lines.find((l) => l.toLowerCase().includes(n));
    if (line !== undefined) return makeSnippet(line, [n]);
  }
  return makeSnippet(body, needles);
}

/**
 * The snippet of a hit: around the first match in the body, or — when no term occurs in the body (`bodyLc`, the
 * lower-cased body) but one does in the frontmatter's YAML — the first property line holding one (Obsidian's search
 * matches the whole file, properties included).
 */
function hitSnippet(body: string, bodyLc: string, frontmatter: string, needles: string[], terms: string[]): string {
  if (frontmatter !== '' && !terms.some((t) => bodyLc.includes(t))) {
    const fmLc = frontmatter.toLowerCase();
    if (terms.some((t) => fmLc.includes(t))) return lineSnippet(frontmatter, needles);
  }
  return makeSnippet(body, needles);
}

/** Tag search: notes carrying every tag in `tags` (or a nested one), filtered by `text` when given. */
function searchTagged(store: GraphStore, tags: string[], text: string, limit: number): SearchHit[] {
  let tagged = store.taggedNotes(tags[0]);
  for (const t of tags.slice(1)) {
    const also = new Set(store.taggedNotes(t).map((n) => n.id));
    tagged = tagged.filter((n) => also.has(n.id));
  }
  if (!text) {
    return tagged
      .sort((a, b) => a.title.localeCompare(b.title) || (a.path < b.path ? -1 : 1))
      .slice(0, limit)
      .map((n) => ({ path: n.path, title: n.title, snippet: n.tags.map((t) => `#${t}`).join(' ') }));
  }
  const { needle, terms } = queryTerms(text);
  if (!terms.length) return [];
  const byId = new Set(tagged.map((n) => n.id));
  // the text index gives ids only (cheap even for a common term); bodies are read for tagged matches alone
  const ids = store.matchNotes(terms, 1_000_000).filter((id) => byId.has(id));
  return store
    .noteTexts(ids.slice(0, CANDIDATES))
    .map((r) => {
      const bodyLc = r.body.toLowerCase();
      return { ...r, bodyLc, score: bodyScore(needle, terms, r.title, bodyLc) };
    })
    .sort((a, b) => b.score - a.score || (a.path < b.path ? -1 : 1))
    .slice(0, limit)
    .map((r) => ({
      path: r.path,
      title: r.title,
      snippet:
        r.frontmatter !== '' && !terms.some((t) => r.bodyLc.includes(t))
          ? hitSnippet(r.body, r.bodyLc, r.frontmatter, [needle, ...terms], terms)
          : lineSnippet(r.body, [needle, ...terms]),
    }));
}

/** Does a parsed query use more than words, phrases and `tag:` terms ANDed (what this module ranks itself)? */
function usesOperators(expr: SearchNode | null): boolean {
  if (!expr) return false;
  if (expr.kind === 'and') return expr.items.some(usesOperators);
  return expr.kind !== 'text' && expr.kind !== 'tag';
}

/**
 * At most `limit` hits, each with a snippet of ≤ 160 chars around the first match (see the module comment for
 * `tag:` terms).
 */
export function search(store: GraphStore, query: string, limit = 50): SearchHit[] {
  if (limit <= 0) return [];
  let expr: SearchNode | null = null;
  try {
    expr = parseSearch(query).expr;
  } catch {
    return []; // nested too deep (SearchSyntaxError): nothing is searched, as in the pane
  }
  if (usesOperators(expr))
    return searchAll(store, query, limit).notes.map((n) => ({
      path: n.path,
      title: n.title,
      snippet: n.matches[0]?.text ?? '',
    }));
  if (/(^|\s)tag:/i.test(query)) {
    const { tags, text } = parseTagQuery(query);
    if (tags.length) return searchTagged(store, tags, text, limit);
  }
  const { needle, terms } = queryTerms(query);
  if (!needle || !terms.length) return [];
  const needles = [needle, ...terms];
  const out: SearchHit[] = [];
  const seen = new Set<string>();

  const named = store
    .searchNames(needle, Math.max(limit * 4, 200))
    .map((r) => ({ ...r, rank: nameRank(needle, r.title, r.aliases) }))
    .sort((a, b) => a.rank - b.rank || a.title.length - b.title.length || (a.path < b.path ? -1 : 1))
    .slice(0, limit);
  const namedTexts = new Map(store.noteTexts(named.map((r) => r.id)).map((r) => [r.id, r.body]));
  for (const r of named) {
    seen.add(r.path);
    out.push({ path: r.path, title: r.title, snippet: makeSnippet(namedTexts.get(r.id) ?? '', needles) });
  }
  if (out.length >= limit) return out;

  // one pass reads each candidate body once and lower-cases it once (matchTexts), for verifying and ranking alike
  const ranked = store
    .matchTexts(terms, CANDIDATES + seen.size)
    .filter((r) => !seen.has(r.path))
    .map((r) => ({ ...r, score: bodyScore(needle, terms, r.title, r.bodyLc) }))
    .sort((a, b) => b.score - a.score || (a.path < b.path ? -1 : 1));
  for (const r of ranked) {
    if (out.length >= limit) break;
    out.push({ path: r.path, title: r.title, snippet: hitSnippet(r.body, r.bodyLc, r.frontmatter, needles, terms) });
  }
  return out;
}
