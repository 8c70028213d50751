/**
 * The editing mode of every editor: Live Preview (Obsidian's default: formatting hidden off the cursor line) or
 * Source mode (the markdown as written). One app-wide switch, kept in localStorage (`atlas.sourceMode` = '1' for
 * Source mode), toggled by the command "Toggle Live Preview/Source mode" (Obsidian's name for it).
 */
const KEY = 'atlas.sourceMode';
const listeners = new Set<() => void>();

function read(): boolean {
  try {
    return localStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

let source = read();

/** True in Source mode, false in Live Preview. */
export function isSourceMode(): boolean {
  return source;
}

/** Switches every editor to Source mode (true) or Live Preview (false), and remembers it. */
export function setSourceMode(on: boolean): void {
  if (on === source) return;
  source = on;
  try {
    localStorage.setItem(KEY, on ? '1' : '0');
  } catch {
    // storage unavailable (private mode): the switch still holds for this session
  }
  for (const l of listeners) l();
}

/** Calls `listener` when the mode changes; returns the unsubscribe function. */
export function onSourceModeChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
