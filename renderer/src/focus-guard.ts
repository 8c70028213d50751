/**
 * Deferred focus that respects modal dialogs. A note that finishes loading (or a reveal that waited a frame) focuses
 * its editor; if the user opened a modal meanwhile (Quick switcher, Command palette, Settings …), moving the focus
 * would send their next keys into the note behind the dialog. As in the WAI-ARIA dialog pattern, the focus stays
 * inside an open `aria-modal` dialog until it closes.
 */

/** True while the focus is inside an open modal dialog (`[aria-modal="true"]`). */
export function focusInModal(doc: Document = document): boolean {
  const active = doc.activeElement;
  if (!active) return false;
  return !!active.closest('[aria-modal="true"]');
}

/**
 * Focuses `target` (an element or anything with `focus()`, e.g. a CodeMirror view) unless the focus is inside a modal
 * dialog. Returns whether it focused.
 */
export function focusUnlessModal(target: { focus(): void } | null | undefined): boolean {
  if (!target || focusInModal()) return false;
  target.focus();
  return true;
}
