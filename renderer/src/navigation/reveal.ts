/**
 * Scrolling to a target inside a note, and the brief highlight that shows where it landed (Obsidian flashes the
 * target of a heading/block link). Used by `openNote(path, { line | heading | block | search })` (App) through the
 * editor region, for both the editing view (CodeMirror) and the reading view.
 *
 * A heading or block is turned into its 1-based line by the backend (`api.embed(path, '', heading, block)`, which
 * resolves them with the same rules as links and embeds); search words are looked up in the note's current text.
 */
import { StateEffect, StateField, type Extension } from '@codemirror/state';
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view';
import { api } from '../client.ts';
import type { OpenOptions } from '../commands/context.ts';

/** How long the highlight stays, ms. */
export const FLASH_MS = 1600;

/** Class put on the reading-view element (and CodeMirror line) that was scrolled to. */
export const FLASH_CLASS = 'nav-flash';

/** A scroll request of `openNote`: `path` to a line, heading, block or search words; `seq` tells requests apart. */
export type RevealRequest = { path: string; seq: number } & OpenOptions;

/** True when the options ask to scroll somewhere. */
export function hasTarget(o: OpenOptions | undefined): boolean {
  return !!o && (!!o.line || !!o.heading || !!o.block || !!o.search);
}

/**
 * The first 1-based line of `text` containing one of the words of `query` (case-insensitive), or null. The search
 * language's operators are not words: `OR`, the parentheses around words, `-excluded`, `tag:`/`path:`/`file:` terms
 * and `[property:value]` (the backend's match line is the fallback for those).
 */
export function searchLine(text: string, query: string): number | null {
  const words = query
    .replace(/\[[^\]]*\]?/g, ' ')
    .split(/\s+/)
    .filter((w) => w && w !== 'OR' && !w.startsWith('-'))
    .map((w) => w.replace(/^\(+/, '').replace(/\)+$/, ''))
    .filter((w) => !/^(tag|path|file):/i.test(w))
    .map((w) => w.toLowerCase().replace(/^"|"$/g, ''))
    .filter(Boolean);
  if (!words.length) return null;
  const lines = text.toLowerCase().split('\n');
  // Prefer a line holding the whole query, then any word.
  const whole = words.join(' ');
  let i = lines.findIndex((l) => l.includes(whole));
  if (i < 0) i = lines.findIndex((l) => words.some((w) => l.includes(w)));
  return i < 0 ? null : i + 1;
}

/**
 * The 1-based line a target stands on in note `path` whose current text is `text`; null when it cannot be found
 * (a missing heading/block: the note then opens at its top, as in Obsidian).
 */
export async function targetLine(path: string, text: string, o: OpenOptions): Promise<number | null> {
  if (o.heading || o.block) {
    try {
      const e = await api.embed(path, '', o.block ? null : (o.heading ?? null), o.block ?? null);
      return e.missing ? null : e.line;
    } catch {
      return null;
    }
  }
  if (o.search) return searchLine(text, o.search) ?? o.line ?? null;
  return o.line ?? null;
}

// ---------- CodeMirror: a line decoration that fades out ----------

const setFlash = StateEffect.define<number | null>();

const flashField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(deco, tr) {
    let next = deco.map(tr.changes);
    for (const e of tr.effects) {
      if (!e.is(setFlash)) continue;
      next =
        e.value === null ? Decoration.none : Decoration.set([Decoration.line({ class: FLASH_CLASS }).range(e.value)]);
    }
    return next;
  },
  provide: (f) => EditorView.decorations.from(f),
});

/** The editor extension that draws the highlight (add it to every note's state). */
export const flashExtension: Extension = flashField;

/**
 * Puts the cursor on line `line` (1-based, clamped) of the editor — or selects `select` on it (case-insensitive, first
 * occurrence) — scrolls it to the centre and highlights it briefly.
 */
export function revealEditorLine(view: EditorView, line: number, select?: string): number {
  const n = Math.min(Math.max(1, line), view.state.doc.lines);
  const l = view.state.doc.line(n);
  const at = select ? l.text.toLowerCase().indexOf(select.toLowerCase()) : -1;
  const effects: StateEffect<unknown>[] = [EditorView.scrollIntoView(l.from, { y: 'center' })];
  if (view.state.field(flashField, false) !== undefined) effects.push(setFlash.of(l.from));
  view.dispatch({
    selection: at >= 0 ? { anchor: l.from + at, head: l.from + at + select!.length } : { anchor: l.from },
    effects,
  });
  if (view.state.field(flashField, false) !== undefined) {
    setTimeout(() => {
      if (view.dom.isConnected) view.dispatch({ effects: setFlash.of(null) });
    }, FLASH_MS);
  }
  return l.from;
}

// ---------- Reading view: the element drawn from a source line ----------

/**
 * The element of a reading view rendered from source line `line` (1-based, file lines): the deepest element whose
 * `data-line` is the greatest value ≤ `line` (elements carry the first source line of their block).
 */
export function elementForLine(root: Element, line: number): HTMLElement | null {
  let best: HTMLElement | null = null;
  let bestLine = -1;
  for (const el of root.querySelectorAll<HTMLElement>('[data-line]')) {
    // Lines inside an embed belong to another note.
    const embed = el.closest('.markdown-embed');
    if (embed && embed !== root && root.contains(embed)) continue;
    const l = Number(el.dataset.line);
    if (l <= line && l >= bestLine) {
      best = el;
      bestLine = l;
    }
  }
  return best;
}

/** Scrolls a reading view to the element of source line `line` and highlights it briefly; false if none. */
export function revealReadingLine(root: Element, line: number): boolean {
  const el = elementForLine(root, line);
  if (!el) return false;
  el.scrollIntoView({ block: 'center' });
  el.classList.remove(FLASH_CLASS);
  // Restart the animation when the same element is flashed twice.
  void el.offsetWidth;
  el.classList.add(FLASH_CLASS);
  setTimeout(() => el.classList.remove(FLASH_CLASS), FLASH_MS);
  return true;
}

/**
 * Calls `then` once the markdown directly inside `body` is fully drawn (it renders in a worker, then slice by slice:
 * Markdown.tsx sets `data-complete`), or is shown as plain text; gives up after `timeoutMs`. Returns a cancel function.
 */
export function whenRendered(body: Element, then: () => void, timeoutMs = 30_000): () => void {
  let frame = 0;
  const started = performance.now();
  const attempt = () => {
    const done = body.querySelector(
      ':scope > .markdown-rendered[data-complete="true"], :scope > .plain-fallback:not([data-reason="pending"])',
    );
    if (done) {
      then();
      return;
    }
    if (performance.now() - started < timeoutMs) frame = requestAnimationFrame(attempt);
  };
  attempt();
  return () => cancelAnimationFrame(frame);
}
