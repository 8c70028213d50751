/**
 * "A note's text changed in the editor" notifications for panes that follow the live text (Properties), debounced
 * per note ({@link DOC_CHANGE_DEBOUNCE_MS}) so typing costs nothing but a timer reset.
 */
export const DOC_CHANGE_DEBOUNCE_MS = 250;

const listeners = new Set<(path: string) => void>();
const timers = new Map<string, ReturnType<typeof setTimeout>>();

/** Called by the editor on every text change of `path` (edits and disk reloads). */
export function docChanged(path: string): void {
  clearTimeout(timers.get(path));
  timers.set(
    path,
    setTimeout(() => {
      timers.delete(path);
      for (const l of listeners) l(path);
    }, DOC_CHANGE_DEBOUNCE_MS),
  );
}

/** Subscribes to debounced text changes; returns the unsubscribe function. */
export function onDocChanged(fn: (path: string) => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}
