/**
 * Editor completion (Obsidian's suggestions), driven by the grammar's `completionContext` (no link or tag rule
 * here):
 * - `[[` / `![[`: notes by title and alias (an alias inserts `[[Title|alias]]`, as Obsidian does);
 * - `[[Note#`: the headings of Note (`[[#` this note's), `[[Note#^`: its block ids, from the index (`noteInfo`);
 * - `#`: the vault's tags from the index (nested tags as `a/b`, Chinese included);
 * - ` ^` at the end of a line: a fresh block id for that line.
 * Accepting an entry inside `[[…` closes the link with `]]` unless `]]` already follows (typing `[[` auto-closes it,
 * see {@link linkBrackets}), so the brackets never double.
 *
 * Cost per keystroke of `[[` (a 10,000-note vault has ~12,000 titles and aliases): none of the search is on this
 * thread. The notes are matched by the quick switcher's search in its worker (palette/search-client.ts, channel
 * 'link': the worker's prepared targets, a query that extends the last one narrowed from its matches, at most 1,500
 * scored, a stale query skipped), and only the best {@link LINK_OPTIONS} are handed to CodeMirror, unfiltered
 * (`filter: false`). On each key the result's `update` gives up when the query changed, so CodeMirror asks the source
 * again (the list stays shown, dimmed, until the answer: {@link acceptWhenAnswered} handles Enter meanwhile).
 * CodeMirror's own filter would fuzzy-match and sort (with `localeCompare`) every option on every key.
 */
import {
  acceptCompletion,
  type Completion,
  type CompletionContext,
  type CompletionResult,
  type CompletionSource,
  closeBrackets,
  closeBracketsKeymap,
  completionStatus,
  selectedCompletion,
} from '@codemirror/autocomplete';
import { insertNewlineAndIndent } from '@codemirror/commands';
import { EditorState, type Extension, Prec } from '@codemirror/state';
import { type EditorView, keymap, ViewPlugin, type ViewUpdate } from '@codemirror/view';
import { api } from '../client.ts';
import { cachedFetch } from '../backend/fetch-cache.ts';
import { getSnapshot } from '../backend/vault-events.ts';
import type { TagInfo } from '../../../electron/shared/api.ts';
import { completionAt } from './wiki-links.ts';
import type { SwitcherNote } from '../palette/switcher-search.ts';
import { type FoundNote, findNotes, findNotesNow, setSearchNotes } from '../palette/search-client.ts';

/**
 * Most notes offered after `[[` at a time (CodeMirror renders every option it is given, up to 100): 20, as the list
 * shows about 10 at once and typing narrows it; with 50 the list's DOM update was 14 ms per key on a 10k vault
 * (CPU profile of bench-editor's completion phase, load 16).
 */
export const LINK_OPTIONS = 20;

export interface CompletionDeps {
  /** Vault path of the note being edited. */
  path: string;
  /** Notes for `[[`: each title and its aliases, and its vault path when known (matched too, as Obsidian does). */
  titles(): readonly LinkNote[];
}

export interface LinkNote {
  title: string;
  aliases: string[];
  path?: string;
}

/** The notes as the switcher's search takes them (a list without paths keyed by title), per list. */
const asNotes = new WeakMap<readonly LinkNote[], readonly SwitcherNote[]>();
function switcherNotes(list: readonly LinkNote[]): readonly SwitcherNote[] {
  if (list.every((n) => n.path !== undefined)) return list as readonly SwitcherNote[];
  let notes = asNotes.get(list);
  if (!notes) {
    notes = list.map((n) => ({ path: n.path ?? n.title, title: n.title, aliases: n.aliases }));
    asNotes.set(list, notes);
  }
  return notes;
}

/** Character indexes → CodeMirror's matched ranges `[from, to, from, to, …]`. */
function ranges(indexes: readonly number[]): number[] {
  const out: number[] = [];
  for (const i of [...indexes].sort((a, b) => a - b)) {
    if (out.length && out[out.length - 1] === i) out[out.length - 1] = i + 1;
    else out.push(i, i + 1);
  }
  return out;
}

/**
 * The `[[` completion for `query` at `from` from the search's answer. Valid while the query stays the same: on a key
 * that changes it, `update` gives up and CodeMirror asks the source again (the worker answers).
 */
function linkResult(found: readonly FoundNote[], from: number, query: string): CompletionResult {
  const matched = new Map<Completion, readonly number[]>();
  const options: Completion[] = [];
  for (const { note, target, indexes } of found) {
    const alias = target && (target.kind === 'alias' || (target.kind === 'pinyin' && target.shown !== note.title));
    const option: Completion = alias
      ? { label: target.shown, detail: note.title, apply: applyClosing(`${note.title}|${target.shown}`) }
      : {
          label: note.title,
          detail: target?.kind === 'path' ? note.path : undefined,
          apply: applyClosing(note.title),
        };
    matched.set(option, target?.kind === 'path' ? [] : ranges(indexes));
    linkOptions.add(option);
    options.push(option);
  }
  return {
    from,
    options,
    filter: false,
    getMatch: (c) => matched.get(c) ?? [],
    // Typing on inside the same `[[`: answered in the key's own transaction from the search's pool of few matches
    // (findNotesNow), so the list is painted in the key's frame; otherwise (null) CodeMirror asks the source again,
    // which it does in a timer that Chromium runs only after the frame following the key.
    update: (current, start, _to, ctx) => {
      if (start !== from) return null;
      const text = ctx.state.sliceDoc(start, ctx.pos);
      if (text === query) return current;
      const c = completionAt(ctx.state, ctx.pos);
      if (!c || c.kind !== 'link' || c.from !== from) return null;
      const found = findNotesNow('link', text, [], LINK_OPTIONS);
      return found && found.length > 0 ? linkResult(found, from, text) : null;
    },
  };
}

/** The `[[` options made by {@link linkResult} (only they are accepted from a dimmed list). */
const linkOptions = new WeakSet<Completion>();

/** Does `query` occur in order (case-insensitive) in the option's label or detail? */
function stillMatches(option: Completion, query: string): boolean {
  const hay = `${option.label} ${option.detail ?? ''}`.toLowerCase();
  let i = 0;
  for (const ch of query.toLowerCase()) {
    if (ch === ' ') continue;
    i = hay.indexOf(ch, i);
    if (i < 0) return false;
    i++;
  }
  return true;
}

/**
 * Enter while the `[[` list is dimmed, waiting for the worker's answer to the query typed (CodeMirror's acceptCompletion
 * refuses a pending list, so Enter would insert a line break): the option shown selected is accepted when the query
 * typed still occurs in it in order (what the user saw is what Enter takes, and a key typed right after Enter cannot
 * overtake it); otherwise the Enter is kept and the answer's selected option accepted once it is shown (or, where
 * CodeMirror refuses, a line break inserted as Enter would have). An edit or cursor move meanwhile drops it.
 */
export const acceptWhenAnswered: Extension = (() => {
  const plugin = ViewPlugin.fromClass(
    class {
      /** The selected option of the `[[` list last shown undimmed; kept while its source is asked again. */
      shown: Completion | null = null;
      enterPending = false;
      readonly view: EditorView;
      constructor(view: EditorView) {
        this.view = view;
      }
      update(u: ViewUpdate) {
        const status = completionStatus(u.state);
        const selected = selectedCompletion(u.state);
        if (selected) this.shown = linkOptions.has(selected) ? selected : null;
        else if (status !== 'pending') this.shown = null;
        if (!this.enterPending) return;
        if (u.docChanged || u.selectionSet || status === null) this.enterPending = false;
        else if (status === 'active' && selected) {
          this.enterPending = false;
          // not inside an update (both dispatch); refused (CodeMirror's interactionDelay: an Enter within 75 ms
          // of the list opening), the Enter does what it would have done
          queueMicrotask(() => acceptCompletion(this.view) || insertNewlineAndIndent(this.view));
        }
      }
    },
  );
  const enter = (view: EditorView) => {
    const p = view.plugin(plugin);
    if (!p?.shown || completionStatus(view.state) !== 'pending') return false;
    const pos = view.state.selection.main.head;
    const c = completionAt(view.state, pos);
    if (!c || c.kind !== 'link') return false;
    const apply = p.shown.apply;
    if (typeof apply === 'function' && stillMatches(p.shown, view.state.sliceDoc(c.from, pos))) {
      apply(view, p.shown, c.from, pos);
      return true;
    }
    p.enterPending = true;
    return true;
  };
  return [plugin, Prec.highest(keymap.of([{ key: 'Enter', run: enter }]))];
})();

/** Inserts `text` over [from, to) and the closing `]]` unless it already follows; the cursor ends after `]]`. */
function applyClosing(text: string) {
  return (view: EditorView, _c: Completion, from: number, to: number) => {
    const closed = view.state.sliceDoc(to, to + 2) === ']]';
    const insert = closed ? text : `${text}]]`;
    view.dispatch({
      changes: { from, to, insert },
      selection: { anchor: from + text.length + 2 },
      userEvent: 'input.complete',
    });
  };
}

/** One fetch per key and index version (tags, a note's headings and blocks), through the renderer's query cache. */
function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  return cachedFetch(`completion:${key}`, getSnapshot().version, load);
}

function flattenTags(tags: readonly TagInfo[], out: { tag: string; count: number }[] = []) {
  for (const t of tags) {
    out.push({ tag: t.tag, count: t.count });
    flattenTags(t.children, out);
  }
  return out;
}

/** The headings and block ids of the note `target` names from `path` ('' = `path` itself); null if unresolved. */
async function anchorsOf(deps: CompletionDeps, target: string) {
  const resolved =
    target === ''
      ? deps.path
      : await cached(`resolve:${deps.path}:${target}`, () => api.resolveLink(deps.path, target));
  if (!resolved) return null;
  return cached(`noteInfo:${resolved}`, () => api.noteInfo(resolved));
}

/** A block id as Obsidian generates them: 6 characters of [a-z0-9]. */
export function newBlockId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return Array.from(bytes, (b) => '0123456789abcdefghijklmnopqrstuvwxyz'[b % 36]).join('');
}

/** The completion source for a note's editor. */
export function noteCompletion(deps: CompletionDeps): CompletionSource {
  /** Where the last `[[` query started: a new `[[` starts a fresh search session (no narrowing from the last). */
  let lastFrom = -1;
  return async (ctx: CompletionContext): Promise<CompletionResult | null> => {
    const c = completionAt(ctx.state, ctx.pos);
    if (!c) return null;
    switch (c.kind) {
      case 'link': {
        // the search's notes are the vault's (the quick switcher's list, already sent: then this costs nothing)
        const notes = deps.titles();
        if (notes.length > 0) setSearchNotes(switcherNotes(notes));
        const query = ctx.state.sliceDoc(c.from, ctx.pos);
        const fresh = c.from !== lastFrom;
        lastFrom = c.from;
        const found = await findNotes('link', query, [], LINK_OPTIONS, fresh);
        // null: a later `[[` query (another editor's) superseded this one
        if (!found || ctx.aborted) return null;
        return linkResult(found, c.from, query);
      }
      case 'heading': {
        const info = await anchorsOf(deps, c.target);
        if (!info || ctx.aborted) return null;
        return {
          from: c.from,
          options: info.headings.map((h) => ({
            label: h.text,
            detail: `H${h.level}`,
            type: 'heading',
            apply: applyClosing(h.text),
          })),
          // not once `^` follows the `#`: `[[Note#^` asks for its blocks (a heading answer arriving after the `^`
          // was typed kept the headings listed)
          validFor: /^(?!\^)[^\]\n|#]*$/,
        };
      }
      case 'block': {
        const info = await anchorsOf(deps, c.target);
        if (!info || ctx.aborted) return null;
        return {
          from: c.from,
          options: info.blocks.map((id) => ({ label: id, detail: 'block', apply: applyClosing(id) })),
          validFor: /^[^\]\n|#^]*$/,
        };
      }
      case 'tag': {
        const tags = await cached('tags', () => api.tags());
        if (ctx.aborted) return null;
        return {
          from: c.from,
          options: flattenTags(tags).map((t) => ({ label: t.tag, detail: String(t.count), type: 'tag' })),
          validFor: /^[^\s#,;:!?()[\]{}"'`]*$/u,
        };
      }
      case 'blockId':
        if (c.query !== '') return null;
        return { from: c.from, options: [{ label: newBlockId(), detail: 'new block id' }], filter: false };
    }
  };
}

/**
 * Auto-paired brackets (CodeMirror's closeBrackets, as Obsidian's "Auto pair brackets"): `(`, `[`, `{`. Typing
 * `[[` gives `[[]]` with the cursor inside; typing `]]` there steps over the closing pair instead of doubling it.
 */
export function linkBrackets(): Extension {
  return [
    Prec.high(EditorState.languageData.of(() => [{ closeBrackets: { brackets: ['(', '[', '{'] } }])),
    closeBrackets(),
    Prec.high(keymap.of(closeBracketsKeymap)),
  ];
}
