import { useEffect } from 'react';
import { eventShortcut } from './keys.ts';
import { commandForShortcut, isEnabled, runCommand } from './registry.ts';

/**
 * The one keyboard listener for the commands' shortcuts: on the window in the capture phase (so CodeMirror's own
 * bindings and the browser's defaults — print, open, new window — do not swallow them). Only combinations with Mod or
 * Alt, or function keys, are global; plain keys belong to the focused widget.
 */
export function useCommandShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.isComposing) return;
      if (!(e.ctrlKey || e.metaKey || e.altKey) && !/^F\d+$/.test(e.key)) return;
      const cmd = commandForShortcut(eventShortcut(e));
      if (!cmd || !isEnabled(cmd)) return;
      e.preventDefault();
      e.stopPropagation();
      runCommand(cmd);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
}
