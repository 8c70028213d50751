/**
 * The workspace model: the main area is one or two panes (split side by side); each pane has tabs; each tab has its
 * own back/forward history of what it showed (note paths, or view tab ids such as `\0view:graph`). Pure functions
 * over immutable values, so App keeps it in one `useState` and tests can drive it directly.
 *
 * Rules (Obsidian's): opening a note navigates the active tab (pushing history) unless asked for a new tab; a note
 * already open in another tab of the pane is focused instead. A pane never shows one path in two tabs (the editor keys
 * documents by path), so navigating a tab onto a path another tab shows closes that other tab.
 */

export interface Tab {
  /** Unique, stable id. */
  key: number;
  /** What the tab showed, oldest first; `history[index]` is shown now. */
  history: string[];
  index: number;
}

export interface Pane {
  tabs: Tab[];
  /** Key of the active tab, or null when the pane is empty. */
  active: number | null;
}

export interface Workspace {
  panes: Pane[];
  /** Index of the pane that has the focus (where notes open). */
  activePane: number;
  nextKey: number;
}

/** Most entries a tab's history keeps (older ones are dropped). */
export const HISTORY_LIMIT = 100;

export const emptyWorkspace: Workspace = { panes: [{ tabs: [], active: null }], activePane: 0, nextKey: 1 };

export const current = (t: Tab): string => t.history[t.index];

export function activeTab(p: Pane): Tab | undefined {
  return p.tabs.find((t) => t.key === p.active);
}

/** What the focused pane's active tab shows, or null. */
export function activeId(ws: Workspace): string | null {
  const t = activeTab(ws.panes[ws.activePane]);
  return t ? current(t) : null;
}

function setPane(ws: Workspace, i: number, pane: Pane, extra: Partial<Workspace> = {}): Workspace {
  return { ...ws, ...extra, panes: ws.panes.map((p, j) => (j === i ? pane : p)) };
}

/** Drops other tabs of `pane` that show `id` (keeping `keep`). */
function dedupe(pane: Pane, keep: number, id: string): Pane {
  const tabs = pane.tabs.filter((t) => t.key === keep || current(t) !== id);
  return { ...pane, tabs };
}

/**
 * Opens `id` in the focused pane (or pane `opts.pane`): focuses a tab already showing it; else, with `newTab` or when
 * the pane is empty, adds a tab after the active one; else navigates the active tab (its forward history is dropped).
 */
export function open(ws: Workspace, id: string, opts: { newTab?: boolean; pane?: number } = {}): Workspace {
  const pi = opts.pane ?? ws.activePane;
  const pane = ws.panes[pi] ?? ws.panes[0];
  const existing = pane.tabs.find((t) => current(t) === id);
  if (existing) return setPane(ws, pi, { ...pane, active: existing.key }, { activePane: pi });
  const act = activeTab(pane);
  if (opts.newTab || !act) {
    const tab: Tab = { key: ws.nextKey, history: [id], index: 0 };
    const at = act ? pane.tabs.indexOf(act) + 1 : pane.tabs.length;
    const tabs = [...pane.tabs.slice(0, at), tab, ...pane.tabs.slice(at)];
    return setPane(ws, pi, { tabs, active: tab.key }, { activePane: pi, nextKey: ws.nextKey + 1 });
  }
  const history = [...act.history.slice(0, act.index + 1), id].slice(-HISTORY_LIMIT);
  const tab: Tab = { ...act, history, index: history.length - 1 };
  return setPane(ws, pi, { ...pane, tabs: pane.tabs.map((t) => (t === act ? tab : t)) }, { activePane: pi });
}

/** Whether the focused tab can go back (`-1`) or forward (`+1`). */
export function canGo(ws: Workspace, dir: -1 | 1): boolean {
  const t = activeTab(ws.panes[ws.activePane]);
  return !!t && t.index + dir >= 0 && t.index + dir < t.history.length;
}

/** Back (`-1`) or forward (`+1`) in the focused tab's history. */
export function go(ws: Workspace, dir: -1 | 1): Workspace {
  if (!canGo(ws, dir)) return ws;
  const pane = ws.panes[ws.activePane];
  const act = activeTab(pane)!;
  const tab = { ...act, index: act.index + dir };
  const next = { ...pane, tabs: pane.tabs.map((t) => (t === act ? tab : t)) };
  return setPane(ws, ws.activePane, dedupe(next, tab.key, current(tab)));
}

/** Activates a tab by key (and its pane). */
export function activate(ws: Workspace, key: number): Workspace {
  const pi = ws.panes.findIndex((p) => p.tabs.some((t) => t.key === key));
  if (pi < 0) return ws;
  return setPane(ws, pi, { ...ws.panes[pi], active: key }, { activePane: pi });
}

/** Closes a tab; its right (else left) neighbour becomes active. An emptied second pane closes (unsplits). */
export function close(ws: Workspace, key: number): Workspace {
  const pi = ws.panes.findIndex((p) => p.tabs.some((t) => t.key === key));
  if (pi < 0) return ws;
  const pane = ws.panes[pi];
  const i = pane.tabs.findIndex((t) => t.key === key);
  const tabs = pane.tabs.filter((t) => t.key !== key);
  const active = pane.active === key ? (tabs[Math.min(i, tabs.length - 1)]?.key ?? null) : pane.active;
  const out = setPane(ws, pi, { tabs, active });
  if (tabs.length === 0 && out.panes.length > 1) return unsplitPane(out, pi);
  return out;
}

function unsplitPane(ws: Workspace, pi: number): Workspace {
  const panes = ws.panes.filter((_, j) => j !== pi);
  return { ...ws, panes, activePane: Math.min(ws.activePane, panes.length - 1) };
}

/** Splits the main area: a second pane to the right showing what the focused tab shows (or focuses it if split). */
export function split(ws: Workspace): Workspace {
  const id = activeId(ws);
  if (ws.panes.length > 1) return { ...ws, activePane: 1 - ws.activePane };
  const tab: Tab | null = id ? { key: ws.nextKey, history: [id], index: 0 } : null;
  return {
    panes: [...ws.panes, { tabs: tab ? [tab] : [], active: tab?.key ?? null }],
    activePane: 1,
    nextKey: ws.nextKey + 1,
  };
}

/** Back to one pane: the other pane's tabs move into the focused one (duplicates dropped). */
export function unsplit(ws: Workspace): Workspace {
  if (ws.panes.length < 2) return ws;
  const keep = ws.panes[ws.activePane];
  const other = ws.panes[1 - ws.activePane];
  const shown = new Set(keep.tabs.map(current));
  const tabs = [...keep.tabs, ...other.tabs.filter((t) => !shown.has(current(t)))];
  return { ...ws, panes: [{ tabs, active: keep.active ?? tabs[0]?.key ?? null }], activePane: 0 };
}

/** Focuses a pane (clicking into it). */
export function focusPane(ws: Workspace, pi: number): Workspace {
  return pi === ws.activePane || !ws.panes[pi] ? ws : { ...ws, activePane: pi };
}

/** Rewrites every history entry after a rename of `from` (a file or folder) to `to`. */
export function remap(ws: Workspace, from: string, to: string): Workspace {
  const map = (p: string) => (p === from ? to : p.startsWith(`${from}/`) ? to + p.slice(from.length) : p);
  return {
    ...ws,
    panes: ws.panes.map((pane) => {
      let out: Pane = { ...pane, tabs: pane.tabs.map((t) => ({ ...t, history: t.history.map(map) })) };
      for (const t of out.tabs) out = dedupe(out, t.key, current(t));
      if (!out.tabs.some((t) => t.key === out.active)) out = { ...out, active: out.tabs[0]?.key ?? null };
      return out;
    }),
  };
}

/**
 * Forgets deleted paths (`gone(id)` true): a tab showing one closes (like closing it: a neighbour becomes active);
 * they leave every other tab's history.
 */
export function forget(ws: Workspace, gone: (id: string) => boolean): Workspace {
  let out = ws;
  for (const pane of ws.panes) {
    for (const t of pane.tabs) {
      if (gone(current(t))) {
        out = close(out, t.key);
        continue;
      }
      if (!t.history.some(gone)) continue;
      const history = t.history.filter((h) => !gone(h));
      const index = history.indexOf(current(t));
      out = {
        ...out,
        panes: out.panes.map((p) => ({
          ...p,
          tabs: p.tabs.map((x) => (x.key === t.key ? { ...x, history, index } : x)),
        })),
      };
    }
  }
  return out;
}
