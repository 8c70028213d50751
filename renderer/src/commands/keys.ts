/**
 * Keyboard shortcuts as strings: `Mod+Shift+P`, `Alt+ArrowLeft`, `Mod+,`. `Mod` is Cmd on macOS and Ctrl elsewhere
 * (Obsidian's convention); the key is a lower-case letter or digit, a punctuation character, or a `KeyboardEvent.key`
 * name (`ArrowLeft`, `F2`, `Enter`). Matching uses the physical key (`KeyboardEvent.code`) for letters, digits and
 * punctuation, so Shift or Alt (which change `key`, e.g. Shift+, → `<`) do not break a binding.
 */

export const isMac =
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

const CODE_KEYS: Record<string, string> = {
  Comma: ',',
  Period: '.',
  Slash: '/',
  Backslash: '\\',
  Semicolon: ';',
  Quote: "'",
  BracketLeft: '[',
  BracketRight: ']',
  Minus: '-',
  Equal: '=',
  Backquote: '`',
  Space: 'Space',
};

/** The key part of a shortcut for a keyboard event (`p`, `,`, `ArrowLeft`). */
export function eventKey(e: Pick<KeyboardEvent, 'key' | 'code'>): string {
  const code = e.code ?? '';
  if (/^Key[A-Z]$/.test(code)) return code.slice(3).toLowerCase();
  if (/^Digit\d$/.test(code)) return code.slice(5);
  if (CODE_KEYS[code]) return CODE_KEYS[code];
  return e.key.length === 1 ? e.key.toLowerCase() : e.key;
}

/** The shortcut string of a keyboard event, in the canonical order Mod, Ctrl (macOS only), Alt, Shift, key. */
export function eventShortcut(e: KeyboardEvent): string {
  const mod = isMac ? e.metaKey : e.ctrlKey || e.metaKey;
  const parts: string[] = [];
  if (mod) parts.push('Mod');
  if (isMac && e.ctrlKey) parts.push('Ctrl');
  if (e.altKey) parts.push('Alt');
  if (e.shiftKey) parts.push('Shift');
  parts.push(eventKey(e));
  return parts.join('+');
}

/** Canonical form of a written shortcut (`shift+mod+p` → `Mod+Shift+P` order, key lower-cased when one character). */
export function normalizeShortcut(s: string): string {
  const bits = s.split('+');
  // `Mod++` would be a plus key; not used, but keep it intact.
  const key = s.endsWith('++') ? '+' : bits[bits.length - 1];
  const mods = new Set(bits.slice(0, s.endsWith('++') ? -2 : -1).map((m) => m.toLowerCase()));
  const parts: string[] = [];
  if (mods.has('mod') || mods.has('cmd') || (!isMac && mods.has('ctrl'))) parts.push('Mod');
  if (isMac && mods.has('ctrl')) parts.push('Ctrl');
  if (mods.has('alt')) parts.push('Alt');
  if (mods.has('shift')) parts.push('Shift');
  parts.push(key.length === 1 ? key.toLowerCase() : key);
  return parts.join('+');
}

const ARROWS: Record<string, string> = { ArrowLeft: '←', ArrowRight: '→', ArrowUp: '↑', ArrowDown: '↓' };

/** How a shortcut is shown: `⌘⇧P` on macOS, `Ctrl+Shift+P` elsewhere. */
export function formatShortcut(s: string): string {
  const bits = normalizeShortcut(s).split('+');
  const key = bits.pop()!;
  const k = ARROWS[key] ?? (key.length === 1 ? key.toUpperCase() : key);
  if (isMac) {
    const sym: Record<string, string> = { Mod: '⌘', Ctrl: '⌃', Alt: '⌥', Shift: '⇧' };
    return bits.map((b) => sym[b] ?? b).join('') + k;
  }
  return [...bits.map((b) => (b === 'Mod' ? 'Ctrl' : b)), k].join('+');
}
