/**
 * State of the page preview (Obsidian's "Page preview" core plugin): which link is hovered, with show and hide
 * delays so passing the mouse over a link does not flash a popover, and moving from the link into the popover keeps
 * it open. The popover itself (HoverPreview.tsx) is mounted on first use in a root of its own on `document.body`, so
 * the reading view and the editor (Ctrl/Cmd-hover) share it without any wiring through the app.
 */

/** A hovered wiki link: what it points to, written in which note, and where it is on screen. */
export interface PreviewRequest {
  fromPath: string;
  target: string;
  heading: string | null;
  block: string | null;
  /** Viewport rectangle of the link (or of the mouse position in the editor). */
  rect: { left: number; top: number; right: number; bottom: number };
  /** Increases with every request, so a new link replaces the popover. */
  seq: number;
}

/** Hover time before the preview opens, ms (Obsidian waits a moment too). */
export const SHOW_DELAY_MS = 300;
/** Time the pointer may spend between link and popover before it closes, ms. */
export const HIDE_DELAY_MS = 300;

let current: PreviewRequest | null = null;
let seq = 0;
let showTimer: ReturnType<typeof setTimeout> | undefined;
let hideTimer: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<() => void>();
let mounter: (() => void) | null = null;
let pending: Omit<PreviewRequest, 'seq'> | null = null;

function emit(): void {
  for (const l of listeners) l();
}

export function subscribePreview(l: () => void): () => void {
  listeners.add(l);
  return () => {
    listeners.delete(l);
  };
}

export function currentPreview(): PreviewRequest | null {
  return current;
}

/** HoverPreview.tsx registers how to mount the popover (this module does not import it: no cycle). */
export function setPreviewMounter(fn: () => void): void {
  mounter = fn;
}

function mount(): void {
  mounter?.();
}

/** Opens the preview for a link after {@link SHOW_DELAY_MS} (at once when a preview is already open). */
export function showPreview(req: Omit<PreviewRequest, 'seq'>): void {
  mount();
  clearTimeout(hideTimer);
  const same = (r: Omit<PreviewRequest, 'seq'> | null) =>
    !!r && r.fromPath === req.fromPath && r.target === req.target && r.heading === req.heading && r.block === req.block;
  if (same(current)) return;
  if (showTimer !== undefined && same(pending)) return;
  clearTimeout(showTimer);
  pending = req;
  const open = () => {
    showTimer = undefined;
    pending = null;
    current = { ...req, seq: ++seq };
    emit();
  };
  if (current) open();
  else {
    showTimer = setTimeout(open, SHOW_DELAY_MS);
    cancelOnPress();
  }
}

/**
 * A press anywhere before a pending preview opens cancels it (as in Obsidian): a link clicked while its hover delay
 * runs opens its note, and no preview of it pops up afterwards over the new view.
 */
let pressListener = false;
function cancelOnPress(): void {
  if (pressListener) return;
  pressListener = true;
  const cancel = () => {
    pressListener = false;
    if (showTimer === undefined) return;
    clearTimeout(showTimer);
    showTimer = undefined;
    pending = null;
  };
  document.addEventListener('pointerdown', cancel, { capture: true, once: true });
}

/** Keeps the open preview (the pointer entered it). */
export function keepPreview(): void {
  clearTimeout(hideTimer);
}

/** Closes the preview after {@link HIDE_DELAY_MS} unless the pointer comes back. */
export function hidePreviewSoon(): void {
  clearTimeout(showTimer);
  showTimer = undefined;
  clearTimeout(hideTimer);
  hideTimer = setTimeout(hidePreview, HIDE_DELAY_MS);
}

/** Closes the preview now. */
export function hidePreview(): void {
  clearTimeout(showTimer);
  showTimer = undefined;
  clearTimeout(hideTimer);
  if (current) {
    current = null;
    emit();
  }
}
