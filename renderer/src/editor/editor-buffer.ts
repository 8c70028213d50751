/**
 * A document's text as CodeMirror holds it, for the DocumentStore (documents/document-store.ts): its own
 * `EditorState` while its tab is hidden, the view's state while it is shown (so undo history survives tab switches).
 */
import { Annotation, type EditorState, type Text } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import type { TextBuffer } from '../documents/document-store.ts';

const texts = new WeakMap<Text, string>();

/**
 * The text of a CodeMirror document as one string, built once per document version (a 1 MB note costs a 1 MB join
 * each time it is asked for; the panes, the autosave and Live Preview ask for the same version several times).
 */
export function docText(doc: Text): string {
  let s = texts.get(doc);
  if (s === undefined) {
    s = doc.toString();
    texts.set(doc, s);
  }
  return s;
}

/** Marks transactions that load disk content, so they are not taken for user edits. */
export const fromDisk = Annotation.define<boolean>();

export class EditorBuffer implements TextBuffer {
  state: EditorState;
  readonly #path: string;
  readonly #shownView: (path: string) => EditorView | null;

  /** `shownView(path)` is the view when it shows `path`, else null. */
  constructor(path: string, state: EditorState, shownView: (path: string) => EditorView | null) {
    this.#path = path;
    this.state = state;
    this.#shownView = shownView;
  }

  /** The current state: the view's while shown, else the kept one. */
  live(): EditorState {
    return this.#shownView(this.#path)?.state ?? this.state;
  }

  read(): string {
    return docText(this.live().doc);
  }

  /** Replaces the whole text with content from disk (annotated `fromDisk`, so not an edit). */
  replace(text: string): void {
    const st = this.live();
    const spec = { changes: { from: 0, to: st.doc.length, insert: text }, annotations: fromDisk.of(true) };
    const view = this.#shownView(this.#path);
    if (view) view.dispatch(spec);
    else this.state = st.update(spec).state;
  }

  /**
   * Replaces [from, to) with `insert` as one undoable user edit (`userEvent`); false when the range is outside the
   * text. Returns whether the edit went through the view (its update listener then reports it) or the kept state.
   */
  edit(c: { from: number; to: number; insert: string }, userEvent: string): 'view' | 'state' | false {
    const st = this.live();
    if (c.from < 0 || c.to > st.doc.length || c.from > c.to) return false;
    const spec = { changes: c, userEvent };
    const view = this.#shownView(this.#path);
    if (view) {
      view.dispatch(spec);
      return 'view';
    }
    this.state = st.update(spec).state;
    return 'state';
  }
}
