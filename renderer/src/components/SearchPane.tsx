/**
 * The search pane (Ctrl/Cmd+Shift+F), region "Search", as Obsidian's: every matching note (up to the backend's cap,
 * counts shown), each with its first matching lines as text with the matches in `<mark>` (never HTML); operators
 * `OR`, `( … )`, `tag:`, `path:`, `file:`, `"phrase"`, `-exclude`, `[property:value]`, `[property]`
 * (electron/core/query/search-query.ts); property text is searched too. A note row opens the note at the first line
 * holding the query (else the first matching line), a line row at that line with the match selected. The list is virtualised
 * (@tanstack/react-virtual), so thousands of results cost one screen of DOM.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState, type ReactNode, type Ref } from 'react';
import type { SearchResults } from '../../../electron/shared/api.ts';
import { useApiQuery } from '../backend/query.ts';
import { api } from '../client.ts';
import type { OpenOptions } from '../commands/context.ts';

/** The operators, as the search box's tooltip. */
const SEARCH_HELP =
  'Words must all occur; "exact phrase"; a OR b; ( ) to group; -word, -(…) to exclude; tag:#tag, path:folder, ' +
  'file:name; [property:value], [property]. Properties are searched too.';

/** Quiet time after a keystroke before searching, ms. */
const DEBOUNCE_MS = 200;

type Row =
  | { kind: 'note'; path: string; title: string; count: number; firstLine: number | null }
  | { kind: 'match'; path: string; line: number; text: string; ranges: [number, number][] };

function marked(text: string, ranges: [number, number][]): ReactNode[] {
  const out: ReactNode[] = [];
  let pos = 0;
  for (const [a, b] of ranges) {
    if (a > pos) out.push(text.slice(pos, a));
    out.push(<mark key={a}>{text.slice(a, b)}</mark>);
    pos = b;
  }
  if (pos < text.length) out.push(text.slice(pos));
  return out;
}

export function SearchPane(props: {
  query: string;
  onQuery(q: string): void;
  onOpen(path: string, opts?: OpenOptions): void;
  inputRef?: Ref<HTMLInputElement>;
}) {
  const q = props.query.trim();
  const scrollRef = useRef<HTMLDivElement>(null);
  // The query searched: `q` after DEBOUNCE_MS of quiet ('' at once when the box is emptied).
  const [searched, setSearched] = useState(q);
  useEffect(() => {
    if (!q) {
      setSearched('');
      return;
    }
    const timer = setTimeout(() => setSearched(q), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [q]);
  // Through the cache keyed by the index version: the results follow the vault (a search typed while the vault is
  // still indexing, or notes saved since, are searched again), as Obsidian's search does. The previous results stay
  // shown while the next load; each answer carries the query it is for.
  const answer = useApiQuery<SearchResults & { query: string }>(
    searched ? ['searchAll', searched] : null,
    () => api.searchAll(searched).then((r) => ({ ...r, query: searched })),
    { keepPrevious: true },
  );
  const results = answer.data;
  const error = answer.error?.message ?? null;

  const rows = useMemo((): Row[] => {
    const out: Row[] = [];
    for (const n of results?.notes ?? []) {
      const m0 = n.matches[0];
      out.push({ kind: 'note', path: n.path, title: n.title, count: n.matchCount, firstLine: m0?.line ?? null });
      for (const m of n.matches)
        out.push({ kind: 'match', path: n.path, line: m.line, text: m.text, ranges: m.ranges });
    }
    return out;
  }, [results]);

  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (rows[i].kind === 'note' ? 24 : 36),
    overscan: 8,
  });

  function open(r: Row) {
    if (r.kind === 'match') props.onOpen(r.path, { line: r.line, select: firstMatch(r.text, r.ranges) });
    // A note row: the first line holding the whole query, else any word (navigation/reveal.ts searchLine), else the
    // first matching line (a property-only or operator-only match).
    else props.onOpen(r.path, r.firstLine ? { search: q, line: r.firstLine } : undefined);
  }

  const total = results?.total ?? 0;
  return (
    <section aria-label="Search" className="pane search-pane">
      <input
        ref={props.inputRef}
        type="search"
        aria-label="Search"
        placeholder="Search (Ctrl+Shift+F)"
        title={SEARCH_HELP}
        maxLength={1000}
        value={props.query}
        onChange={(e) => props.onQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && rows[0]) open(rows[0]);
          if (e.key === 'Escape') props.onQuery('');
        }}
      />
      {error ? <p className="muted">{error}</p> : null}
      {results?.error ? (
        <p className="search-count muted" role="alert" data-query={results.query}>
          {results.error}
        </p>
      ) : results ? (
        <p className="search-count muted" aria-live="polite" data-query={results.query}>
          {total === 0
            ? 'No results.'
            : `${total} ${total === 1 ? 'note' : 'notes'}${results.truncated ? ` (first ${results.notes.length} shown)` : ''}`}
        </p>
      ) : null}
      {results && rows.length ? (
        <div className="search-results" ref={scrollRef}>
          <ul className="search-list" aria-label="Search results" style={{ height: virtual.getTotalSize() }}>
            {virtual.getVirtualItems().map((v) => {
              const r = rows[v.index];
              return (
                <li
                  key={v.key}
                  data-index={v.index}
                  ref={virtual.measureElement}
                  className="search-row"
                  style={{ transform: `translateY(${v.start}px)` }}
                >
                  {r.kind === 'note' ? (
                    <button type="button" className="search-note" title={r.path} onClick={() => open(r)}>
                      <span className="link-title">{r.title}</span>
                      {r.count ? <span className="count">{r.count}</span> : null}
                    </button>
                  ) : (
                    <button
                      type="button"
                      className="search-match"
                      aria-label={`${r.text} (line ${r.line})`}
                      onClick={() => open(r)}
                    >
                      {marked(r.text, r.ranges)}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

function firstMatch(text: string, ranges: [number, number][]): string | undefined {
  return ranges[0] ? text.slice(ranges[0][0], ranges[0][1]) : undefined;
}
