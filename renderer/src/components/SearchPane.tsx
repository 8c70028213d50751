import { useEffect, useState, type Ref } from 'react';
import type { SearchHit } from '../../../electron/shared/api.ts';
import { api } from '../client.ts';

/**
 * Full-text search through the backend, which also answers Obsidian's `tag:x` terms (notes tagged x or a nested tag,
 * optionally with text terms: `tag:go channel`). Snippets are rendered as text, never as HTML.
 */
export function SearchPane(props: { query: string; onQuery(q: string): void; onOpen(path: string): void; inputRef?: Ref<HTMLInputElement> }) {
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const q = props.query.trim();

  useEffect(() => {
    if (!q) { setHits(null); setError(null); return; }
    let live = true;
    const timer = setTimeout(() => {
      api.search(q).then(
        (h) => { if (live) { setHits(h); setError(null); } },
        (e: Error) => { if (live) setError(e.message); },
      );
    }, 200);
    return () => { live = false; clearTimeout(timer); };
  }, [q]);

  return (
    <section aria-label="Search" className="pane search-pane">
      <input
        ref={props.inputRef}
        type="search"
        aria-label="Search"
        placeholder="Search notes (Ctrl+P)"
        value={props.query}
        onChange={(e) => props.onQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && hits && hits[0]) props.onOpen(hits[0].path);
          if (e.key === 'Escape') props.onQuery('');
        }}
      />
      {error ? <p className="muted">{error}</p> : null}
      {hits ? (
        <ul className="link-list search-results" aria-label="Search results">
          {hits.length === 0 ? <li className="muted">No results.</li> : null}
          {hits.map((h) => (
            <li key={h.path}>
              <button className="link-item" onClick={() => props.onOpen(h.path)} title={h.path}>
                <span className="link-title">{h.title}</span>
                <span className="context">{h.snippet}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
