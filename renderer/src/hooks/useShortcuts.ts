import { useEffect, useRef } from 'react';

/** Handlers for the app-wide shortcuts; keys are lower-case letters pressed with Ctrl (Cmd on macOS). */
export type Shortcuts = Partial<Record<'s' | 'p' | 'o' | 'n' | 'w' | 'g' | 'e', () => void>>;

/**
 * Listens for Ctrl/Cmd+<key> on the window (capture phase, so CodeMirror's own bindings do not swallow them) and calls
 * the handler, preventing the browser's default (print, open, new window, close tab).
 */
export function useShortcuts(shortcuts: Shortcuts): void {
  const ref = useRef(shortcuts);
  ref.current = shortcuts;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
      const fn = ref.current[e.key.toLowerCase() as keyof Shortcuts];
      if (!fn) return;
      e.preventDefault();
      e.stopPropagation();
      fn();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
}
