/**
 * The one registry of commands. The menus and toolbar buttons, the keyboard shortcuts and the command palette all run
 * commands from here (Obsidian's model: every action is a named command with an optional hotkey).
 *
 * Adding a command: a file in this folder that calls {@link registerCommand} at module load, imported from
 * `./index.ts` (one line), e.g.
 *   registerCommand({ id: 'review:open', name: 'Review', shortcut: 'Mod+Shift+R', run: (app) => app.openView('review') });
 * Commands that need a component's state register while it is mounted with {@link useCommands}.
 */
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { normalizeShortcut } from './keys.ts';
import type { AppContext } from './context.ts';

export interface Command {
  /** Stable id, `area:verb` (`app:save`, `history:back`). */
  id: string;
  /** What the palette shows, as a verb phrase (`Save current note`). */
  name: string;
  /** Default shortcut(s), see keys.ts (`Mod+Shift+P`); the first is shown in the palette. */
  shortcut?: string | string[];
  /** Runs the command; errors (also rejected promises) are shown to the user as an alert. */
  run(app: AppContext): void | Promise<void>;
  /** When false the command is greyed in the palette and its shortcut does nothing (default: always available). */
  enabled?(app: AppContext): boolean;
  /** Hidden from the command palette (e.g. the palette's own command would be pointless there). Default false. */
  hidden?: boolean;
}

const registered = new Map<string, Command>();
const listeners = new Set<() => void>();
let snapshot: Command[] = [];
let context: AppContext | null = null;

function changed() {
  snapshot = [...registered.values()];
  for (const l of listeners) l();
}

/** Adds (or replaces, by id) a command; returns a function removing it again. */
export function registerCommand(cmd: Command): () => void {
  registered.set(cmd.id, cmd);
  changed();
  return () => {
    if (registered.get(cmd.id) === cmd) {
      registered.delete(cmd.id);
      changed();
    }
  };
}

/** Every registered command, in registration order. */
export function allCommands(): readonly Command[] {
  return snapshot;
}

/** The shortcuts of a command, normalised (see keys.ts). */
export function shortcutsOf(cmd: Command): string[] {
  const s = cmd.shortcut;
  return (s === undefined ? [] : Array.isArray(s) ? s : [s]).map(normalizeShortcut);
}

/** The command bound to a normalised shortcut, or undefined (the last registered wins, so a plugin can override). */
export function commandForShortcut(shortcut: string): Command | undefined {
  let found: Command | undefined;
  for (const c of snapshot) if (shortcutsOf(c).includes(shortcut)) found = c;
  return found;
}

/** The app's actions as the commands see them; set once by App. */
export function setAppContext(app: AppContext | null): void {
  context = app;
}

export function appContext(): AppContext | null {
  return context;
}

/** Whether a command can run now. */
export function isEnabled(cmd: Command): boolean {
  if (!context) return false;
  try {
    return cmd.enabled ? cmd.enabled(context) : true;
  } catch {
    return false;
  }
}

/**
 * Runs a command by id (or object). Returns false when it is unknown or disabled. Errors go to the app's alert list.
 * `override` runs it as if that were the app's state, e.g. `{ activePath: 'a.md' }` runs a note command for a note
 * picked in the file tree's context menu (as VS Code passes the explorer's resource to a command).
 */
export function runCommand(idOrCmd: string | Command, override?: Pick<AppContext, 'activePath'>): boolean {
  const cmd = typeof idOrCmd === 'string' ? registered.get(idOrCmd) : idOrCmd;
  const app = context && override ? { ...context, ...override } : context;
  if (!cmd || !app) return false;
  try {
    if (cmd.enabled && !cmd.enabled(app)) return false;
  } catch {
    return false;
  }
  try {
    const r = cmd.run(app);
    if (r && typeof (r as Promise<void>).catch === 'function') (r as Promise<void>).catch((e) => app.showError(e));
  } catch (e) {
    app.showError(e);
  }
  return true;
}

/** The registered commands, re-rendering when the list changes. */
export function useCommandList(): readonly Command[] {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => snapshot,
  );
}

/**
 * Registers commands while the calling component is mounted. `run`/`enabled` may close over fresh state: the latest
 * render's functions are called. The list of ids is read once per change of `ids` (pass a stable list).
 */
export function useCommands(cmds: Command[]): void {
  const latest = useRef(cmds);
  latest.current = cmds;
  // What registration depends on (ids, names, shortcuts); `run`/`enabled` are looked up in `latest` at call time.
  const specs = JSON.stringify(cmds.map(({ id, name, shortcut, hidden }) => ({ id, name, shortcut, hidden })));
  useEffect(() => {
    const list = JSON.parse(specs) as Pick<Command, 'id' | 'name' | 'shortcut' | 'hidden'>[];
    const offs = list.map((c) =>
      registerCommand({
        ...c,
        run: (app) => latest.current.find((x) => x.id === c.id)?.run(app),
        enabled: (app) => {
          const cur = latest.current.find((x) => x.id === c.id);
          return cur?.enabled ? cur.enabled(app) : true;
        },
      }),
    );
    return () => {
      for (const off of offs) off();
    };
  }, [specs]);
}
