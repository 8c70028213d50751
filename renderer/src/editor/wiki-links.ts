/**
 * CodeMirror glue for the grammar's editor helpers (electron/core/markdown/spans.ts): the link under a position
 * (Ctrl/Cmd-click) and the completion context (link marks and Live Preview: live-preview.ts). No link rule lives
 * here: what is a link, where it starts and ends and what it names is the grammar's answer.
 */
import type { EditorState } from '@codemirror/state';
import { docText } from './editor-buffer.ts';
import { completionContext, linkAt, type CompletionContext, type Span } from '../../../electron/core/markdown/index.ts';

const MARKED: ReadonlySet<Span['kind']> = new Set(['wiki', 'embed', 'property']);

/** The wiki link, embed or property link at a document position, or null (tags and markdown links are not followed). */
export function wikiLinkAt(state: EditorState, pos: number): Span | null {
  const s = linkAt(docText(state.doc), pos);
  return s && MARKED.has(s.kind) ? s : null;
}

/** The grammar's completion context at `pos` (the text of its line before it), or null. */
export function completionAt(state: EditorState, pos: number): CompletionContext | null {
  const line = state.doc.lineAt(pos);
  const ctx = completionContext(line.text.slice(0, pos - line.from));
  if (!ctx) return null;
  return { ...ctx, from: ctx.from + line.from };
}
