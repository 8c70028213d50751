/**
 * Fetches through one small cache keyed by the index version (backend/vault-events.ts): a component asks for
 * `useApiQuery(['backlinks', path], () => api.backlinks(path))` and gets the answer for the current version, fetched
 * once however many components ask; after the index changes the next version is fetched. The stale-answer guard
 * lives here only: an answer for a key or version that is no longer wanted is dropped.
 * The cache itself, with its structural sharing of equal answers, is fetch-cache.ts.
 */
import { useEffect, useEffectEvent, useState } from 'react';
import { cachedFetch } from './fetch-cache.ts';
import { useIndexVersion } from './vault-events.ts';

export interface QueryState<T> {
  /** The latest answer (kept while the next version loads); null before the first or when `key` is null. */
  data: T | null;
  error: Error | null;
}

export interface QueryOptions {
  /**
   * While the answer for a new key loads, keep showing the answer for the previous key (TanStack Query's
   * `keepPreviousData`), e.g. a graph that should not blank out while its filters change. Default false.
   */
  keepPrevious?: boolean;
}

/**
 * The answer of `load` for `key` (a JSON-serialisable list naming the call and its arguments) at the current index
 * version; `key` null means nothing to load (data null). `load` may change between renders: the key says what it asks.
 */
export function useApiQuery<T>(
  key: readonly unknown[] | null,
  load: () => Promise<T>,
  options: QueryOptions = {},
): QueryState<T> {
  const version = useIndexVersion();
  const id = key === null ? null : JSON.stringify(key);
  const [state, setState] = useState<QueryState<T> & { id: string | null }>({ id: null, data: null, error: null });
  const fetchNow = useEffectEvent((k: string, v: number) => cachedFetch(k, v, load));
  useEffect(() => {
    if (id === null) {
      setState({ id: null, data: null, error: null });
      return;
    }
    let live = true;
    fetchNow(id, version).then(
      (data) => {
        if (live) setState({ id, data, error: null });
      },
      (error: Error) => {
        if (live) setState((s) => ({ id, data: s.id === id ? s.data : null, error }));
      },
    );
    return () => {
      live = false;
    };
  }, [id, version]);
  // An answer for another key is not shown as this one's (e.g. the backlinks of the previous note), unless asked.
  if (state.id === id) return state;
  return { data: options.keepPrevious && id !== null ? state.data : null, error: null };
}
