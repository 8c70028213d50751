/**
 * Where each note of a pane was left: the editor's cursor and first visible line, and the Reading view's scroll
 * offset. Switching back to a tab returns to its place, and Back/Forward show a note where it was left even after
 * its document was closed (Obsidian keeps a history entry's scroll and cursor, as a browser does).
 *
 * Only the last {@link PLACES_LIMIT} notes are kept (least recently touched dropped first). Each pane has its own
 * places ({@link placesOf}: a note open in both panes has a place in each, as Obsidian keeps them per tab), kept per
 * vault in localStorage (`atlas.places:<vault root>`, `…#1` for the second pane), so the tabs restored after a
 * reload or restart (shell/kept-workspace.ts) show their notes where they were left.
 */
import type { EditorView } from '@codemirror/view';

/** Where a note was left. Offsets are in the editor's text (`\n` line breaks); `topPx` and `readingTop` are CSS px. */
export interface Place {
  /** The main selection's anchor and head. */
  anchor: number;
  head: number;
  /** Start offset of the first line visible at the top of the editor. */
  top: number;
  /**
   * How far that line is scrolled past the editor's top, px (≥ 0): a long wrapped line half scrolled away comes back
   * as it was, not snapped to its start (CodeMirror's own `scrollSnapshot` keeps the same pair).
   */
  topPx: number;
  /** The Reading view's `scrollTop`, px. */
  readingTop: number;
}

/** Most notes a pane remembers a place for. */
export const PLACES_LIMIT = 200;

const NOWHERE: Place = { anchor: 0, head: 0, top: 0, topPx: 0, readingTop: 0 };

/** `p` after renaming the note or folder `from` to `to`, or null when the rename does not touch it. */
const renamed = (p: string, from: string, to: string): string | null =>
  p === from ? to : p.startsWith(`${from}/`) ? to + p.slice(from.length) : null;

const storageKey = (root: string, pane: number) => `atlas.places:${root}${pane ? `#${pane}` : ''}`;
const isOffset = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

export class Places {
  readonly #places = new Map<string, Place>();
  readonly #pane: number;
  #root: string | null = null;

  /** `pane`: the pane's index (its storage key). */
  constructor(pane = 0) {
    this.#pane = pane;
  }
  /** Notes to show at their kept place the first time they are shown (the tabs a reload restored). */
  readonly #restore = new Set<string>();

  /**
   * Reads the places kept for the vault at `root` (replacing these), and marks `restore` (note paths) to come back
   * to their place when first shown. Unreadable or foreign values are skipped.
   */
  load(root: string, restore: Iterable<string>): void {
    this.#root = root;
    this.#places.clear();
    this.#restore.clear();
    try {
      const kept = JSON.parse(localStorage.getItem(storageKey(root, this.#pane)) ?? '[]') as unknown;
      if (Array.isArray(kept))
        for (const e of kept.slice(-PLACES_LIMIT)) {
          if (!Array.isArray(e) || typeof e[0] !== 'string') continue;
          // rows kept before `topPx` have five fields (0 px then)
          const [path, anchor, head, top, readingTop, topPx = 0] = e as unknown[];
          if ([anchor, head, top, readingTop, topPx].every(isOffset))
            this.#places.set(path as string, { anchor, head, top, topPx, readingTop } as Place);
        }
    } catch {
      /* nothing kept */
    }
    for (const p of restore) this.#restore.add(p);
  }

  /** Stores the places for the vault given to {@link load} (nothing before). A full storage keeps them in memory. */
  save(): void {
    if (!this.#root) return;
    const rows = [...this.#places].map(([p, x]) => [p, x.anchor, x.head, x.top, x.readingTop, x.topPx]);
    try {
      localStorage.setItem(storageKey(this.#root, this.#pane), JSON.stringify(rows));
    } catch {
      /* storage full or unavailable */
    }
  }

  /** Whether `path` is a restored tab's note shown for the first time (then it returns to its place); asked once. */
  takeRestore(path: string): boolean {
    return this.#restore.delete(path);
  }

  /** The place `path` was left, or undefined when this pane never showed it (or forgot it). */
  get(path: string): Place | undefined {
    return this.#places.get(path);
  }

  /** Records part of where `path` is now (the rest is kept). */
  update(path: string, patch: Partial<Place>): void {
    const place = { ...(this.#places.get(path) ?? NOWHERE), ...patch };
    this.#places.delete(path);
    this.#places.set(path, place);
    if (this.#places.size > PLACES_LIMIT) this.#places.delete(this.#places.keys().next().value as string);
  }

  /** A note or folder was renamed from `from` to `to`: its places move along. */
  moved(from: string, to: string): void {
    for (const [p, place] of [...this.#places]) {
      const next = renamed(p, from, to);
      if (next === null) continue;
      this.#places.delete(p);
      this.#places.set(next, place);
    }
    for (const p of [...this.#restore]) {
      const next = renamed(p, from, to);
      if (next === null) continue;
      this.#restore.delete(p);
      this.#restore.add(next);
    }
  }
}

const panes = [new Places(0), new Places(1)];

/** The places of pane `pane` (0 or 1; the main area has at most two panes), kept per vault. */
export function placesOf(pane: number): Places {
  return panes[pane] ?? panes[0];
}

/**
 * The line at the top of `view`'s visible area: its start offset (`top`) and how far it is scrolled past the top
 * (`topPx`, whole px); both 0 when the view is not laid out.
 */
export function topOf(view: EditorView): Pick<Place, 'top' | 'topPx'> {
  const box = view.scrollDOM.getBoundingClientRect();
  if (box.height === 0) return { top: 0, topPx: 0 };
  const y = Math.max(0, box.top - view.documentTop);
  const block = view.lineBlockAtHeight(y);
  // measured from where the line's first character is drawn, as `scrollIntoView(top, { y: 'start' })` aligns it
  const start = view.coordsAtPos(block.from, 1)?.top ?? view.documentTop + block.top;
  return { top: block.from, topPx: Math.max(0, Math.round(box.top - start)) };
}
