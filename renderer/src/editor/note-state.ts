/**
 * The CodeMirror state of one note: markdown with YAML frontmatter, Live Preview (callouts, tables and math drawn
 * rendered by the reading view's path: block-render.tsx), or Source mode's link marks,
 * completion (`[[`, `[[Note#`, `[[Note#^`, `#tags`, ` ^`), auto-paired brackets, the navigation flash, link mouse
 * handlers, the keymaps and the theme. Add editor features to `extensions` here.
 */
import { autocompletion, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { markdown } from '@codemirror/lang-markdown';
import { defaultHighlightStyle, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { languages } from '@codemirror/language-data';
import { highlightSelectionMatches, searchKeymap } from '@codemirror/search';
import { EditorState, type Extension } from '@codemirror/state';
import { drawSelection, dropCursor, EditorView, highlightActiveLine, keymap } from '@codemirror/view';
import type { OpenOptions } from '../commands/context.ts';
import { flashExtension } from '../navigation/reveal.ts';
import { titleOf } from '../paths.ts';
import { findFrontmatter } from '../../../electron/core/markdown/index.ts';
import { fromDisk } from './editor-buffer.ts';
import { linkMouseHandlers } from './link-mouse.ts';
import { highlight, theme } from './theme.ts';
import { requestSearch, tagQuery } from '../navigation/search-request.ts';
import { acceptWhenAnswered, type LinkNote, linkBrackets, noteCompletion } from './completion.ts';
import { frontmatterSyntax } from './frontmatter-syntax.ts';
import { blockRenderer } from './block-render.tsx';
import { livePreview } from './live-preview.ts';
import { linkStates } from './link-states.ts';
import { markdownUnlessHuge } from './huge-note.ts';
import { tabSourceMode } from './source-mode.ts';

export interface NoteStateHooks {
  /** Notes for `[[` completion (read at each completion): title and aliases (`[[title|alias]]`, as Obsidian does). */
  titles(): readonly LinkNote[];
  /** Opens the target of a wiki link written in the note (Ctrl/Cmd-click). */
  followLink(fromPath: string, target: string, opts?: OpenOptions): void;
  /** The text changed; `byUser` is false for content loaded from disk. */
  changed(byUser: boolean): void;
  /** The tab's own editing mode (true Source mode, false Live Preview); null or absent: the vault's default. */
  sourceMode?: boolean | null;
}

/** A fresh state for the note at `path` holding `text`. */
export function createNoteState(path: string, text: string, hooks: NoteStateHooks): EditorState {
  const extensions: Extension[] = [
    tabSourceMode.init(() => hooks.sourceMode ?? null),
    history(),
    drawSelection(),
    dropCursor(),
    indentOnInput(),
    highlightActiveLine(),
    highlightSelectionMatches(),
    EditorView.lineWrapping,
    // Frontmatter is YAML (Obsidian properties), a block of the markdown tree (frontmatter-syntax.ts).
    // markdown() also makes a URL pasted over selected text a link `[text](url)` (its pasteURLAsLink, as Obsidian).
    // Not in a note over 300,000 characters (huge-note.ts: its incremental parse cost every keystroke 15 ms).
    markdownUnlessHuge(markdown({ codeLanguages: languages, extensions: [frontmatterSyntax] }), text.length),
    syntaxHighlighting(highlight),
    syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
    livePreview({
      follow: (span) => {
        if (span.kind === 'markdown' && span.url && /^[a-z][a-z0-9+.-]*:/i.test(span.url)) {
          // an external link opens in the browser (http/mailto only); other schemes are not followed
          if (/^(https?|mailto):/i.test(span.url)) window.open(span.url, '_blank', 'noopener,noreferrer');
          return;
        }
        const parts = span.parts;
        if (parts)
          hooks.followLink(path, parts.target, {
            heading: parts.heading ?? undefined,
            block: parts.block ?? undefined,
          });
      },
      openTag: (tag) => requestSearch(tagQuery(tag)),
      links: linkStates(path),
      renderBlock: blockRenderer(path, hooks.followLink),
    }),
    flashExtension,
    linkBrackets(),
    autocompletion({
      override: [noteCompletion({ path, titles: hooks.titles })],
      activateOnTyping: true,
      // the list opens in the task after the key (CodeMirror's default waits 100 ms for typing to pause: `[[` took
      // 240-257 ms to a list); every source is cheap to ask (completionAt, then cached answers; `[[` asks the
      // note-search worker, which skips a query made stale by a later key)
      activateOnTypingDelay: 0,
    }),
    acceptWhenAnswered,
    keymap.of([...completionKeymap, ...defaultKeymap, ...historyKeymap, ...searchKeymap, indentWithTab]),
    theme,
    EditorView.contentAttributes.of({ 'aria-label': `Content of ${titleOf(path)}` }),
    EditorView.updateListener.of((u) => {
      if (u.docChanged) hooks.changed(!u.transactions.every((tr) => tr.annotation(fromDisk)));
    }),
    linkMouseHandlers(path, hooks.followLink),
  ];
  return EditorState.create({ doc: text, extensions, selection: { anchor: bodyStart(text) } });
}

/**
 * Where the cursor starts in a note: the first character after its frontmatter (as Obsidian, whose Properties stay
 * drawn when a note opens; at 0 Live Preview showed every note's `---` block as source), else 0.
 */
function bodyStart(text: string): number {
  const fm = findFrontmatter(text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text);
  return fm ? fm.bodyStart : 0;
}
