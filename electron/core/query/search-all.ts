/**
 * The search pane's search (nav, issue 12): every matching note (up to {@link RESULT_CAP}), each with its first
 * matching lines and where the terms are in them, for snippets with `<mark>` and for opening the note at a match.
 * Query language: see search-query.ts. Candidates come from the trigram index (`GraphStore.matchNotes`, every term
 * present); filters and exclusions are checked on the note's path, title and text here. The text is the whole file's,
 * as Obsidian's search reads it: the frontmatter's YAML (file lines 2…) and the body.
 *
 * Bounded cost: at most {@link CANDIDATE_CAP} candidate notes are read; per note at most {@link LINE_CAP} matching
 * lines are counted and {@link SHOWN_MATCHES} returned; line texts are cut to {@link LINE_CHARS} characters.
 */
import type { SearchMatch, SearchResultNote, SearchResults } from '../model.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { hasCondition, parseSearch, type ParsedSearch } from './search-query.ts';

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

export function searchAll(store: GraphStore, query: string, cap = RESULT_CAP): SearchResults {
  const q = parseSearch(query);
  if (!hasCondition(q)) return { notes: [], total: 0, truncated: false };

  // candidates: the index for text terms, else the tag lists, else every note (path/file filters only)
  let ids: number[] | null = null;
  if (q.terms.length) ids = store.matchNotes(q.terms, CANDIDATE_CAP + 1);
  for (const tag of q.tags) {
    const tagged = store.taggedNotes(tag).map((n) => n.id);
    if (ids === null) ids = tagged;
    else {
      const s = new Set(tagged);
      ids = ids.filter((id) => s.has(id));
    }
  }
  if (ids === null) ids = store.allNotes().map((n) => n.id);
  let truncated = ids.length > CANDIDATE_CAP;
  ids = ids.slice(0, CANDIDATE_CAP);

  const excludedTagged = new Set<number>();
  for (const tag of q.excludeTags) for (const n of store.taggedNotes(tag)) excludedTagged.add(n.id);

  const out: (SearchResultNote & { score: number })[] = [];
  const fmLines = store.frontmatterLines(ids);
  // read bodies in slices so a common term does not hold thousands of bodies at once
  for (let i = 0; i < ids.length; i += 500) {
    for (const r of store.noteTexts(ids.slice(i, i + 500))) {
      if (excludedTagged.has(r.id)) continue;
      const path = r.path.toLowerCase();
      if (!q.paths.every((p) => path.includes(p)) || q.excludePaths.some((p) => path.includes(p))) continue;
      const file = fileName(r.path);
      if (!q.files.every((f) => file.includes(f)) || q.excludeFiles.some((f) => file.includes(f))) continue;
      if (q.excludes.length) {
        const all = `${r.title}\n${r.body}\n${r.frontmatter}`.toLowerCase();
        if (q.excludes.some((x) => all.includes(x))) continue;
      }
      const fm = fmLines.get(r.id) ?? 0;
      // the frontmatter's YAML starts on file line 2 (after `---`), the body after the frontmatter's lines
      const acc = matchLines({ count: 0, matches: [] }, r.frontmatter, q.terms, 2);
      const { count, matches } = matchLines(acc, r.body, q.terms, fm + 1);
      out.push({
        path: r.path,
        title: r.title,
        matchCount: count,
        matches,
        score: textScore(q, r.title, count, r.body.length),
      });
    }
  }
  out.sort((a, b) => b.score - a.score || (a.path < b.path ? -1 : 1));
  const total = out.length;
  if (total > cap) truncated = true;
  return { notes: out.slice(0, cap).map(({ score: _s, ...n }) => n), total, truncated };
}
