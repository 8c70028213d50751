/**
 * The file tree's remembered state as React state: the expanded folders and the sort order of the vault at
 * `vaultRoot`, loaded when its root is known (and again when another vault is opened) and saved on every change
 * (`tree-prefs.ts`, localStorage). Folders expanded before the root was known (the open note's, the user's) stay
 * expanded.
 */
import { useCallback, useEffect, useState } from 'react';
import type { SortOrder } from './tree-model.ts';
import { loadTreePrefs, saveTreePrefs } from './tree-prefs.ts';

export interface TreePrefsState {
  expanded: ReadonlySet<string>;
  sort: SortOrder;
  /** Updates the expanded set; returning the same set changes nothing. Stable across renders. */
  setExpanded(f: (s: ReadonlySet<string>) => ReadonlySet<string>): void;
  setSort(sort: SortOrder): void;
}

export function useTreePrefs(vaultRoot: string | null): TreePrefsState {
  const [prefs, setPrefs] = useState<{ root: string | null; expanded: ReadonlySet<string>; sort: SortOrder }>(() => ({
    root: null,
    expanded: new Set(),
    sort: 'name-asc',
  }));
  // Load the vault's remembered state once its root is known (and again if another vault is opened).
  if (vaultRoot && prefs.root !== vaultRoot) {
    const p = loadTreePrefs(vaultRoot);
    // Folders opened before the vault's root was known (the open note's, the user's) stay open.
    setPrefs({
      root: vaultRoot,
      expanded: new Set([...p.expanded, ...(prefs.root === null ? prefs.expanded : [])]),
      sort: p.sort,
    });
  }
  useEffect(() => {
    if (prefs.root) saveTreePrefs(prefs.root, { expanded: [...prefs.expanded], sort: prefs.sort });
  }, [prefs]);
  const setExpanded = useCallback(
    (f: (s: ReadonlySet<string>) => ReadonlySet<string>) =>
      setPrefs((p) => {
        const next = f(p.expanded);
        return next === p.expanded ? p : { ...p, expanded: next };
      }),
    [],
  );
  const setSort = useCallback((sort: SortOrder) => setPrefs((p) => ({ ...p, sort })), []);
  return { expanded: prefs.expanded, sort: prefs.sort, setExpanded, setSort };
}
