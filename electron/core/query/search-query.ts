/**
 * The search pane's query language, as Obsidian's search: words (every one must occur), `"exact phrase"`, `-word` /
 * `-"phrase"` (must not occur), `tag:x` (notes tagged x or below it), `path:x` (vault path contains x), `file:x` (file
 * name contains x); operators also negate (`-tag:x`, `-path:x`, `-file:x`). Matching is case-insensitive on NFC text;
 * every other character is literal (FTS syntax never reaches the index).
 *
 * Bounded: at most {@link MAX_TERMS} terms of each kind, each at most {@link MAX_TERM_CHARS} characters (longer
 * ones are cut), so a query's cost does not grow with its length.
 */

export const MAX_TERMS = 16;
export const MAX_TERM_CHARS = 200;

export interface ParsedSearch {
  /** Words and phrases that must all occur (lower-cased). */
  terms: string[];
  /** Words and phrases that must not occur. */
  excludes: string[];
  tags: string[];
  excludeTags: string[];
  paths: string[];
  excludePaths: string[];
  files: string[];
  excludeFiles: string[];
}

function push(list: string[], v: string) {
  const t = v.slice(0, MAX_TERM_CHARS);
  if (t && list.length < MAX_TERMS && !list.includes(t)) list.push(t);
}

export function parseSearch(query: string): ParsedSearch {
  const q: ParsedSearch = {
    terms: [],
    excludes: [],
    tags: [],
    excludeTags: [],
    paths: [],
    excludePaths: [],
    files: [],
    excludeFiles: [],
  };
  const text = query.normalize('NFC').toLowerCase();
  for (const m of text.matchAll(/(-?)(?:(tag|path|file):)?(?:"([^"]*)"?|([^\s"]+))/g)) {
    const neg = m[1] === '-';
    const op = m[2];
    const value = (m[3] ?? m[4] ?? '').trim().replace(/\s+/g, ' ');
    if (!value) continue;
    if (op === 'tag') push(neg ? q.excludeTags : q.tags, value.replace(/^#/, '').replace(/\/+$/, ''));
    else if (op === 'path') push(neg ? q.excludePaths : q.paths, value);
    else if (op === 'file') push(neg ? q.excludeFiles : q.files, value);
    else push(neg ? q.excludes : q.terms, value);
  }
  return q;
}

/** True when the query has any positive condition (a query of only exclusions matches nothing, as in Obsidian). */
export function hasCondition(q: ParsedSearch): boolean {
  return q.terms.length + q.tags.length + q.paths.length + q.files.length > 0;
}
