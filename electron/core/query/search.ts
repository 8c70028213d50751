/**
 * Full-text search: title and alias matches first (exact, then prefix, then substring), then body matches ranked
 * by FTS5 bm25. Terms of 3+ characters use the trigram index (which makes Chinese searchable without word breaks);
 * 1–2 character terms (trigram cannot match them, e.g. `通道`) use LIKE over the bodies instead.
 */
import type { SearchHit } from '../../shared/api.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { makeSnippet } from './snippet.ts';

function nameRank(needle: string, title: string, aliases: string): number {
  const t = title.normalize('NFC').toLowerCase();
  const as = aliases ? aliases.split('\n') : [];
  if (t === needle) return 0;
  if (as.includes(needle)) return 1;
  if (t.startsWith(needle)) return 2;
  if (as.some((a) => a.startsWith(needle))) return 3;
  return 4;
}

export function search(store: GraphStore, query: string, limit = 50): SearchHit[] {
  const needle = query.normalize('NFC').trim().toLowerCase();
  if (!needle || limit <= 0) return [];
  const terms = [...new Set(needle.split(/\s+/).filter(Boolean))];
  const out: SearchHit[] = [];
  const seen = new Set<string>();
  const needles = [needle, ...terms];
  const add = (id: number, path: string, title: string) => {
    if (seen.has(path) || out.length >= limit) return;
    seen.add(path);
    out.push({ path, title, snippet: makeSnippet(store.body(id), needles) });
  };
  const named = store.searchNames(needle, Math.max(limit * 4, 200))
    .map((r) => ({ ...r, rank: nameRank(needle, r.title, r.aliases) }))
    .sort((a, b) => a.rank - b.rank || a.title.length - b.title.length || (a.path < b.path ? -1 : 1));
  for (const r of named) add(r.id, r.path, r.title);
  if (out.length < limit) {
    const fts = terms.filter((t) => [...t].length >= 3);
    const like = terms.filter((t) => [...t].length < 3);
    for (const r of store.searchBodies(fts, like, limit + seen.size)) add(r.id, r.path, r.title);
  }
  return out;
}
