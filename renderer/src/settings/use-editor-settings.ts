/**
 * The editor's settings (#12), as hooks for components/Editor.tsx: the autosave delay applied to its DocumentStore,
 * and "Default view for new tabs" (Obsidian's setting): a note that appears in the pane's tabs for the first time
 * opens in the Reading view when the setting says so — unless it was opened at a line or in the editing view on
 * purpose (a new note, a search hit, a health entry: those want the cursor there).
 */
import { useEffect, useRef } from 'react';
import type { RevealRequest } from '../navigation/reveal.ts';
import { isViewTab } from '../workspace/view-tab.ts';
import { useSettings } from './store.ts';

export function useAutosaveDelay(store: { autosaveMs: number }): void {
  const ms = useSettings().values.autosaveDelayMs;
  useEffect(() => {
    store.autosaveMs = ms;
  }, [store, ms]);
}

export function useDefaultViewForNewTabs(
  tabs: readonly string[],
  reveal: RevealRequest | null,
  setReadingFor: (path: string, on: boolean) => void,
): void {
  const { values, loaded } = useSettings();
  const seen = useRef(new Set<string>());
  useEffect(() => {
    // before the settings are read, nothing counts as seen (the first note opens while they load)
    if (!loaded) return;
    for (const id of tabs) {
      if (seen.current.has(id)) continue;
      seen.current.add(id);
      if (values.defaultView !== 'reading' || isViewTab(id)) continue;
      const explicit = reveal?.path === id && (reveal.mode !== undefined || reveal.line !== undefined);
      if (!explicit) setReadingFor(id, true);
    }
  }, [tabs, reveal, loaded, values.defaultView, setReadingFor]);
}
