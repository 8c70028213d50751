import { useEffect, useState } from 'react';

/**
 * Runs an API call whenever `deps` change and keeps its latest result; a stale answer (deps changed meanwhile) is
 * dropped. `load` returning null means "nothing to load" (data becomes null).
 */
export function useApiData<T>(load: () => Promise<T> | null, deps: readonly unknown[]): { data: T | null; error: Error | null } {
  const [state, setState] = useState<{ data: T | null; error: Error | null }>({ data: null, error: null });
  useEffect(() => {
    let live = true;
    const p = load();
    if (!p) { setState({ data: null, error: null }); return; }
    p.then(
      (data) => { if (live) setState({ data, error: null }); },
      (error: Error) => { if (live) setState((s) => ({ data: s.data, error })); },
    );
    return () => { live = false; };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return state;
}
