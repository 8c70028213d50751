/**
 * The app frame's own commands (names follow Obsidian's command palette where it has the same action): palette,
 * quick switcher, save, new note, close tab, history back/forward, sidebars, split panes, reading view, search. Also
 * mouse buttons 4 and 5 (MouseEvent.button 3 and 4) for back and forward, as in Obsidian and browsers.
 */
import { useEffect, type RefObject } from 'react';
import type { PanelImperativeHandle } from 'react-resizable-panels';
import { runCommand, useCommands, type Command } from '../commands/registry.ts';
import * as W from '../workspace/tabs.ts';
import type { WorkspaceState } from './workspace-state.ts';

export interface AppCommandDeps {
  workspace: WorkspaceState;
  /** The note of the active tab, or null. */
  activeNote: string | null;
  openPicker(which: 'palette' | 'switcher'): void;
  /** Asks the file tree for a new note (it opens its inline name editor). */
  requestNewNote(): void;
  leftPanel: RefObject<PanelImperativeHandle | null>;
  rightPanel: RefObject<PanelImperativeHandle | null>;
  searchInput: RefObject<HTMLInputElement | null>;
}

function togglePanel(p: RefObject<PanelImperativeHandle | null>): void {
  const h = p.current;
  if (!h) return;
  if (h.isCollapsed()) h.expand();
  else h.collapse();
}

export function useAppCommands(d: AppCommandDeps): void {
  const { workspace: w, activeNote } = d;
  const active = W.activeId(w.ws);
  const { setWs } = w;
  const commands: Command[] = [
    {
      id: 'app:command-palette',
      name: 'Open command palette',
      shortcut: ['Mod+Shift+P', 'Mod+P'],
      hidden: true,
      run: () => d.openPicker('palette'),
    },
    {
      id: 'editor:save',
      name: 'Save current note',
      shortcut: 'Mod+S',
      enabled: () => !!activeNote,
      run: () => w.activeEditor()?.saveNow(),
    },
    { id: 'file:new-note', name: 'Create new note', shortcut: 'Mod+N', run: d.requestNewNote },
    {
      id: 'workspace:close-tab',
      name: 'Close current tab',
      shortcut: 'Mod+W',
      enabled: () => !!active,
      run: () => {
        if (active) void w.closeTab(active);
      },
    },
    // History of the focused tab (Obsidian: Navigate back/forward, Ctrl/Cmd+Alt+←/→; Alt+←/→ as in browsers).
    {
      id: 'history:back',
      name: 'Navigate back',
      shortcut: ['Mod+Alt+ArrowLeft', 'Alt+ArrowLeft'],
      enabled: () => W.canGo(w.current(), -1),
      run: () => w.go(-1),
    },
    {
      id: 'history:forward',
      name: 'Navigate forward',
      shortcut: ['Mod+Alt+ArrowRight', 'Alt+ArrowRight'],
      enabled: () => W.canGo(w.current(), 1),
      run: () => w.go(1),
    },
    { id: 'workspace:toggle-left-sidebar', name: 'Toggle left sidebar', run: () => togglePanel(d.leftPanel) },
    { id: 'workspace:toggle-right-sidebar', name: 'Toggle right sidebar', run: () => togglePanel(d.rightPanel) },
    { id: 'workspace:split-vertical', name: 'Split right', shortcut: 'Mod+\\', run: () => setWs(W.split) },
    {
      id: 'workspace:unsplit',
      name: 'Close split',
      enabled: () => w.current().panes.length > 1,
      run: () => setWs(W.unsplit),
    },
    {
      id: 'workspace:focus-other-pane',
      name: 'Focus other pane',
      enabled: () => w.current().panes.length > 1,
      run: () => setWs((x) => W.focusPane(x, 1 - x.activePane)),
    },
    // Obsidian: Ctrl/Cmd+E toggles the Reading view of the active tab.
    {
      id: 'editor:toggle-reading',
      name: 'Toggle reading view',
      shortcut: 'Mod+E',
      enabled: () => !!activeNote,
      run: () => w.activeEditor()?.toggleReading(),
    },
    // Obsidian's command (no default hotkey there either): the current tab only; the default is in Settings.
    {
      id: 'editor:toggle-source-mode',
      name: 'Toggle Live Preview/Source mode',
      enabled: () => !!activeNote,
      run: () => {
        w.activeEditor()?.toggleSourceMode();
      },
    },
    {
      id: 'search:open',
      name: 'Search in all notes',
      shortcut: 'Mod+Shift+F',
      run: () => {
        d.searchInput.current?.focus();
        d.searchInput.current?.select();
      },
    },
    { id: 'switcher:open', name: 'Open quick switcher', shortcut: 'Mod+O', run: () => d.openPicker('switcher') },
  ];
  useCommands(commands);

  useEffect(() => {
    const onUp = (e: MouseEvent) => {
      if (e.button !== 3 && e.button !== 4) return;
      e.preventDefault();
      runCommand(e.button === 3 ? 'history:back' : 'history:forward');
    };
    window.addEventListener('mouseup', onUp);
    return () => window.removeEventListener('mouseup', onUp);
  }, []);
}
