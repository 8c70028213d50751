/**
 * The open tabs of a vault, kept across reloads and restarts as Obsidian keeps its workspace (`.obsidian/workspace.json`):
 * panes, their tabs with each tab's back/forward history, the active tab and pane. Stored in localStorage under
 * `atlas.workspace:<vault root>` (like the file tree's state, tree/tree-prefs.ts).
 *
 * On restore, history entries whose note was deleted or renamed meanwhile (or a view no longer registered) are dropped,
 * and a tab left with nothing closes; unreadable or foreign values restore nothing. A full storage keeps the
 * workspace for this session only.
 */
import { current, HISTORY_LIMIT, type Pane, type Tab, type Workspace } from './tabs.ts';

/** Most tabs restored per pane (a bounded stored value). */
export const MAX_SAVED_TABS = 50;

interface SavedTab {
  history: string[];
  index: number;
}
interface SavedPane {
  tabs: SavedTab[];
  /** Index of the active tab in `tabs`, or -1. */
  active: number;
}
interface Saved {
  panes: SavedPane[];
  activePane: number;
}

const key = (root: string) => `atlas.workspace:${root}`;

/** Stores `ws` for the vault at `root` (tab keys are not stored: they are renumbered on restore). */
export function saveWorkspace(root: string, ws: Workspace): void {
  const saved: Saved = {
    activePane: ws.activePane,
    panes: ws.panes.map((p) => {
      const tabs = p.tabs.slice(0, MAX_SAVED_TABS);
      return {
        tabs: tabs.map((t) => ({ history: t.history.slice(-HISTORY_LIMIT), index: t.index })),
        active: tabs.findIndex((t) => t.key === p.active),
      };
    }),
  };
  try {
    localStorage.setItem(key(root), JSON.stringify(saved));
  } catch {
    /* storage full or unavailable: kept for this session only */
  }
}

/**
 * The workspace stored for the vault at `root`, keeping only the entries `exists(id)` accepts (a note path, or a view
 * tab id); null when nothing was stored, it cannot be read, or no tab is left.
 */
export function loadWorkspace(root: string, exists: (id: string) => boolean): Workspace | null {
  let saved: Saved;
  try {
    saved = JSON.parse(localStorage.getItem(key(root)) ?? 'null') as Saved;
  } catch {
    return null;
  }
  if (!saved || !Array.isArray(saved.panes)) return null;
  let nextKey = 1;
  const panes: Pane[] = [];
  for (const sp of saved.panes.slice(0, 2)) {
    if (!sp || !Array.isArray(sp.tabs)) continue;
    const tabs: Tab[] = [];
    let active: number | null = null;
    sp.tabs.slice(0, MAX_SAVED_TABS).forEach((st, i) => {
      const tab = restoreTab(st, nextKey, exists);
      // a pane never shows one id in two tabs (workspace/tabs.ts)
      if (!tab || tabs.some((t) => current(t) === current(tab))) return;
      tabs.push(tab);
      nextKey++;
      if (i === sp.active) active = tab.key;
    });
    if (tabs.length) panes.push({ tabs, active: active ?? tabs[0].key });
  }
  if (!panes.length) return null;
  const activePane = Number.isInteger(saved.activePane) ? Math.min(Math.max(saved.activePane, 0), panes.length - 1) : 0;
  return { panes, activePane, nextKey };
}

/** A stored tab, its entries filtered by `exists`; null when none is left. */
function restoreTab(st: SavedTab, key: number, exists: (id: string) => boolean): Tab | null {
  if (!st || !Array.isArray(st.history)) return null;
  const shownAt = Number.isInteger(st.index) ? st.index : st.history.length - 1;
  const history: string[] = [];
  let index = 0;
  for (let i = Math.max(0, st.history.length - HISTORY_LIMIT); i < st.history.length; i++) {
    const id = st.history[i];
    if (typeof id !== 'string' || !exists(id)) continue;
    // two entries that a dropped one separated become one
    if (history[history.length - 1] !== id) history.push(id);
    if (i <= shownAt) index = history.length - 1;
  }
  return history.length ? { key, history, index } : null;
}
