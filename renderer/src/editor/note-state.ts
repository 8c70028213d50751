/**
 * The CodeMirror state of one note: markdown with YAML frontmatter, wiki-link marks, `[[` completion, the
 * navigation flash, link mouse handlers, the keymaps and the theme. Add editor features to `extensions` here.
 */
import {
  autocompletion,
  type CompletionContext,
  type CompletionResult,
  completionKeymap,
} from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { markdown } from '@codemirror/lang-markdown';
import { yamlFrontmatter } from '@codemirror/lang-yaml';
import { defaultHighlightStyle, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { languages } from '@codemirror/language-data';
import { highlightSelectionMatches, searchKeymap } from '@codemirror/search';
import { EditorState, type Extension } from '@codemirror/state';
import { drawSelection, dropCursor, EditorView, highlightActiveLine, keymap } from '@codemirror/view';
import type { OpenOptions } from '../commands/context.ts';
import { flashExtension } from '../navigation/reveal.ts';
import { titleOf } from '../paths.ts';
import { fromDisk } from './editor-buffer.ts';
import { linkMouseHandlers } from './link-mouse.ts';
import { highlight, theme } from './theme.ts';
import { completionAt, wikiLinkMarks } from './wiki-links.ts';

export interface NoteStateHooks {
  /** Notes for `[[` completion (read at each completion): title and aliases (`[[title|alias]]`, as Obsidian does). */
  titles(): { title: string; aliases: string[] }[];
  /** Opens the target of a wiki link written in the note (Ctrl/Cmd-click). */
  followLink(fromPath: string, target: string, opts?: OpenOptions): void;
  /** The text changed; `byUser` is false for content loaded from disk. */
  changed(byUser: boolean): void;
}

/** `[[` completion: note titles, then each alias as `[[title|alias]]`. */
function completeTitles(hooks: NoteStateHooks) {
  return (ctx: CompletionContext): CompletionResult | null => {
    const c = completionAt(ctx.state, ctx.pos);
    if (c?.kind !== 'link') return null;
    return {
      from: c.from,
      options: hooks
        .titles()
        .flatMap(({ title, aliases }) => [
          { label: title, apply: `${title}]]` },
          ...aliases.map((alias) => ({ label: alias, detail: title, apply: `${title}|${alias}]]` })),
        ]),
      validFor: /^[^\]\n|#]*$/,
    };
  };
}

/** A fresh state for the note at `path` holding `text`. */
export function createNoteState(path: string, text: string, hooks: NoteStateHooks): EditorState {
  const extensions: Extension[] = [
    history(),
    drawSelection(),
    dropCursor(),
    indentOnInput(),
    highlightActiveLine(),
    highlightSelectionMatches(),
    EditorView.lineWrapping,
    // Frontmatter is YAML (Obsidian properties); without this, `key: v` + `---` would parse as a setext heading.
    yamlFrontmatter({ content: markdown({ codeLanguages: languages }) }),
    syntaxHighlighting(highlight),
    syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
    wikiLinkMarks,
    flashExtension,
    autocompletion({ override: [completeTitles(hooks)], activateOnTyping: true }),
    keymap.of([...completionKeymap, ...defaultKeymap, ...historyKeymap, ...searchKeymap, indentWithTab]),
    theme,
    EditorView.contentAttributes.of({ 'aria-label': `Content of ${titleOf(path)}` }),
    EditorView.updateListener.of((u) => {
      if (u.docChanged) hooks.changed(!u.transactions.every((tr) => tr.annotation(fromDisk)));
    }),
    linkMouseHandlers(path, hooks.followLink),
  ];
  return EditorState.create({ doc: text, extensions });
}
