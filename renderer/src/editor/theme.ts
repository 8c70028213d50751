/** The editor's look: markdown highlighting and the CodeMirror theme, in the app's CSS variables. */
import { HighlightStyle } from '@codemirror/language';
import { EditorView } from '@codemirror/view';
import { tags as t } from '@lezer/highlight';

export const highlight = HighlightStyle.define([
  { tag: t.heading1, fontWeight: '700', fontSize: '1.45em' },
  { tag: t.heading2, fontWeight: '700', fontSize: '1.25em' },
  { tag: [t.heading3, t.heading4, t.heading5, t.heading6], fontWeight: '700' },
  { tag: t.strong, fontWeight: '700' },
  { tag: t.emphasis, fontStyle: 'italic' },
  { tag: t.strikethrough, textDecoration: 'line-through' },
  { tag: [t.link, t.url], color: 'var(--accent)' },
  { tag: [t.processingInstruction, t.meta, t.quote, t.comment], color: 'var(--muted)' },
  { tag: t.monospace, fontFamily: 'var(--mono)' },
  { tag: [t.propertyName, t.definition(t.propertyName)], color: 'var(--muted)' },
]);

export const theme = EditorView.theme({
  '&': { height: '100%', color: 'var(--fg)', backgroundColor: 'var(--bg)' },
  // text size and readable line length from the settings (renderer/src/settings/appearance.ts)
  '.cm-scroller': { fontFamily: 'var(--font)', lineHeight: '1.6', fontSize: 'var(--text-size, 14px)' },
  '.cm-content': { caretColor: 'var(--fg)', padding: '12px 16px', maxWidth: 'var(--readable-width, 52rem)' },
  '&.cm-focused .cm-cursor': { borderLeftColor: 'var(--fg)' },
  '.cm-activeLine': { backgroundColor: 'var(--active-line)' },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground': {
    backgroundColor: 'var(--selection)',
  },
  '.cm-wikilink': { color: 'var(--accent)', textDecoration: 'underline', cursor: 'pointer' },
  // a link to a note not created yet, as the Reading view draws it
  '.cm-wikilink.is-unresolved': { color: 'var(--muted)', textDecorationStyle: 'dashed' },
  '.cm-tooltip': { backgroundColor: 'var(--panel)', color: 'var(--fg)', border: '1px solid var(--border)' },
  // `[[` completion in the app's font and accent (CodeMirror's default is monospace on a fixed blue); the extra
  // classes outrank the base theme's `&light`/`&dark` rules.
  '&.cm-editor .cm-tooltip.cm-tooltip-autocomplete > ul': { fontFamily: 'var(--font)' },
  '&.cm-editor .cm-tooltip.cm-tooltip-autocomplete > ul > li[aria-selected]': {
    backgroundColor: 'var(--accent)',
    color: '#fff',
  },
});
