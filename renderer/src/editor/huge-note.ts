/**
 * CodeMirror's markdown language (its lezer syntax tree: highlighting, the list-continuing Enter, folding) only for
 * notes up to {@link HUGE_NOTE_CHARS}; a longer note is edited without it, and Live Preview (live-preview.ts, which
 * reads the grammar for the visible lines only) still hides the marks, sizes the headings and styles links, tags,
 * bold, code. The language comes back when the note shrinks under {@link BACK_UNDER_CHARS}.
 *
 * Why: the lezer markdown parser re-parses from the note's start on every edit, reusing what it can; in a 1 MB note
 * that reuse alone took 14–16 ms per keystroke (node, `@lezer/markdown` 1.8 incremental parse after one inserted
 * character at the end, load ~16), within CodeMirror's 20 ms per-transaction parse budget, so every keystroke paid
 * it; and the note's first full parse took 1.25 s of background work. The keystroke-to-paint target is 16 ms.
 */
import { Compartment, EditorState, type Extension } from '@codemirror/state';

/** Longest note (characters) edited with the markdown syntax tree. */
export const HUGE_NOTE_CHARS = 300_000;
/** A huge note gets the markdown language back when it shrinks under this (characters; no flapping at the edge). */
export const BACK_UNDER_CHARS = 250_000;

/**
 * `language` (created once per note) while the note is at most {@link HUGE_NOTE_CHARS} long, nothing while it is
 * longer; switched by the edit that crosses the limit.
 */
export function markdownUnlessHuge(language: Extension, initialLength: number): Extension {
  const slot = new Compartment();
  const none: Extension = [];
  return [
    slot.of(initialLength > HUGE_NOTE_CHARS ? none : language),
    EditorState.transactionExtender.of((tr) => {
      if (!tr.docChanged) return null;
      const huge = slot.get(tr.startState) === none;
      const length = tr.newDoc.length;
      if (!huge && length > HUGE_NOTE_CHARS) return { effects: slot.reconfigure(none) };
      if (huge && length < BACK_UNDER_CHARS) return { effects: slot.reconfigure(language) };
      return null;
    }),
  ];
}
