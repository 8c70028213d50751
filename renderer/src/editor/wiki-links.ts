/**
 * CodeMirror glue for the grammar's editor helpers (electron/core/markdown/spans.ts): wiki-link marks on the
 * visible lines, the link under a position (Ctrl/Cmd-click), and the `[[` completion context. No link rule lives
 * here: what is a link, where it starts and ends and what it names is the grammar's answer.
 */
import type { EditorState } from '@codemirror/state';
import { Decoration, ViewPlugin, type DecorationSet, type EditorView, type ViewUpdate } from '@codemirror/view';
import {
  completionContext,
  linkAt,
  spansIn,
  type CompletionContext,
  type Span,
} from '../../../electron/core/markdown/index.ts';

const linkMark = Decoration.mark({ class: 'cm-wikilink' });
const MARKED: ReadonlySet<Span['kind']> = new Set(['wiki', 'embed', 'property']);

/** Characters of visible text marked at most (a hidden editor reports the whole document as visible). */
const MARK_WINDOW = 50_000;

function marks(view: EditorView): DecorationSet {
  const text = view.state.doc.toString();
  const ranges = [];
  let last = -1;
  for (const { from, to: end } of view.visibleRanges) {
    const to = Math.min(end, from + MARK_WINDOW);
    for (const s of spansIn(text, from, to)) {
      if (!MARKED.has(s.kind) || s.from < last) continue;
      ranges.push(linkMark.range(s.from, s.to));
      last = s.to;
    }
  }
  return Decoration.set(ranges);
}

/** Marks wiki links, embeds and property links on the visible lines (class `cm-wikilink`). */
export const wikiLinkMarks = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = marks(view);
    }
    update(u: ViewUpdate) {
      // A hidden editor (the tab shows its reading view) is not marked: its whole text would count as visible.
      if (u.view.dom.getClientRects().length === 0) return;
      if (u.docChanged || u.viewportChanged || u.geometryChanged) this.decorations = marks(u.view);
    }
  },
  { decorations: (v) => v.decorations },
);

/** The wiki link, embed or property link at a document position, or null (tags and markdown links are not followed). */
export function wikiLinkAt(state: EditorState, pos: number): Span | null {
  const s = linkAt(state.doc.toString(), pos);
  return s && MARKED.has(s.kind) ? s : null;
}

/** The grammar's completion context at `pos` (the text of its line before it), or null. */
export function completionAt(state: EditorState, pos: number): CompletionContext | null {
  const line = state.doc.lineAt(pos);
  const ctx = completionContext(line.text.slice(0, pos - line.from));
  if (!ctx) return null;
  return { ...ctx, from: ctx.from + line.from };
}
