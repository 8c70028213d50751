/**
 * Applies the appearance settings to the page: the colour scheme as `data-theme` on <html> (`light` / `dark`; none
 * for "Adapt to system", where styles.css follows `prefers-color-scheme` through `light-dark()`), the text size as
 * `--text-size` and the readable line length as `--readable-width` (`none` when off), read by the editor theme
 * (editor/theme.ts) and the reading view (styles.css).
 */
import type { VaultSettings } from '../../../electron/shared/settings.ts';

/** Obsidian's readable line length is ~700 px; ours, as before settings existed. */
export const READABLE_WIDTH = '52rem';

export function applyAppearance(s: Pick<VaultSettings, 'theme' | 'fontSize' | 'readableLineWidth'>): void {
  const root = document.documentElement;
  if (s.theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = s.theme;
  root.style.setProperty('--text-size', `${s.fontSize}px`);
  root.style.setProperty('--readable-width', s.readableLineWidth ? READABLE_WIDTH : 'none');
}

/** Whether the page is dark now (the theme setting, or the system's scheme under "Adapt to system"). */
export function isDark(): boolean {
  const t = document.documentElement.dataset.theme;
  if (t === 'dark') return true;
  if (t === 'light') return false;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
}

/**
 * Calls `onChange` whenever theme colours may have changed (graph views, legend, mermaid diagrams): the Theme setting (`data-theme` on <html>, set by
 * settings/appearance.ts) or, under "Adapt to system", the system's colour scheme. Returns the unsubscribe function.
 */
export function onThemeChange(onChange: () => void): () => void {
  const mo = new MutationObserver(onChange);
  mo.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  const mq = window.matchMedia?.('(prefers-color-scheme: dark)');
  mq?.addEventListener('change', onChange);
  return () => {
    mo.disconnect();
    mq?.removeEventListener('change', onChange);
  };
}
