import { useEffect, useState } from 'react';

/** Most notes the recent list keeps. */
export const RECENT_LIMIT = 50;

/**
 * Recently opened notes of a vault, newest first, kept in localStorage per vault root (`atlas.recent:<root>`), as
 * Obsidian's quick switcher lists recent files first. `current` is pushed to the front whenever it changes.
 */
export function useRecentNotes(vaultRoot: string | null, current: string | null): string[] {
  const key = vaultRoot ? `atlas.recent:${vaultRoot}` : null;
  const [recent, setRecent] = useState<string[]>([]);
  useEffect(() => {
    if (!key) return;
    try {
      const v = JSON.parse(localStorage.getItem(key) ?? '[]');
      setRecent(Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').slice(0, RECENT_LIMIT) : []);
    } catch {
      setRecent([]);
    }
  }, [key]);
  useEffect(() => {
    if (!key || !current) return;
    setRecent((r) => {
      if (r[0] === current) return r;
      const next = [current, ...r.filter((p) => p !== current)].slice(0, RECENT_LIMIT);
      try {
        localStorage.setItem(key, JSON.stringify(next));
      } catch {
        /* storage full: keep it in memory */
      }
      return next;
    });
  }, [key, current]);
  return recent;
}
