/**
 * The editor region: tabs of notes over one CodeMirror 6 view (each tab keeps its own EditorState, so undo history
 * survives tab switches).
 *
 * Documents, autosave, the save queue and conflicts are the `DocumentStore`'s (documents/document-store.ts): this
 * component binds it to CodeMirror (each document's text is an `EditorBuffer`) and renders its snapshot (dirty
 * marks, the conflict dialog). Changes on disk (`change` prop, from the `vault-changed` event) go to
 * `store.diskChanged`; the file on disk is never overwritten without the user's choice.
 */
import {
  useCallback,
  useEffect,
  useEffectEvent,
  useImperativeHandle,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactNode,
  type Ref,
} from 'react';
import { Annotation, EditorState, type Extension } from '@codemirror/state';
import { EditorView, drawSelection, dropCursor, highlightActiveLine, keymap } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { searchKeymap, highlightSelectionMatches } from '@codemirror/search';
import {
  autocompletion,
  completionKeymap,
  type CompletionContext,
  type CompletionResult,
} from '@codemirror/autocomplete';
import { HighlightStyle, indentOnInput, syntaxHighlighting, defaultHighlightStyle } from '@codemirror/language';
import { markdown } from '@codemirror/lang-markdown';
import { yamlFrontmatter } from '@codemirror/lang-yaml';
import { languages } from '@codemirror/language-data';
import { tags as t } from '@lezer/highlight';
import { api } from '../client.ts';
import { AUTOSAVE_MS, DocumentStore, type TextBuffer } from '../documents/document-store.ts';
import { useIndexVersion } from '../backend/vault-events.ts';
import { titleOf } from '../paths.ts';
import { completionAt, wikiLinkAt, wikiLinkMarks } from '../editor/wiki-links.ts';
import { ConflictDialog } from './ConflictDialog.tsx';
import { ReadingView } from './ReadingView.tsx';
import { docChanged } from '../workspace/doc-events.ts';
import { isViewTab, VIEW_TAB } from '../workspace/view-tab.ts';
import type { OpenOptions } from '../commands/context.ts';
import { flashExtension, revealEditorLine, targetLine } from '../navigation/reveal.ts';
import { hidePreview, hidePreviewSoon, showPreview } from '../markdown/hover-store.ts';

export { AUTOSAVE_MS };

export interface EditorHandle {
  /** Saves the active tab now (Ctrl/Cmd+S). */
  saveNow(): Promise<void>;
  /** Saves `path` (or every open tab) if it has unsaved edits, and waits for the writes. */
  flush(path?: string): Promise<void>;
  /** Switches the active tab between the source editor and the Reading view (Obsidian's Ctrl/Cmd+E). */
  toggleReading(): void;
  /** The live text of an open note (with unsaved edits), or null when it is not loaded here. */
  textOf(path: string): string | null;
  /**
   * Replaces [from, to) of an open note's live text with `insert` as one undoable edit (autosaved like typing); false
   * when the note is not loaded here. Offsets are in the editor's text (`\n` line breaks).
   */
  change(path: string, c: { from: number; to: number; insert: string }): boolean;
}

export interface EditorProps {
  tabs: string[];
  active: string | null;
  /** Scroll request: scroll `path` to a line, heading, block or search words once it shows, and flash the target. */
  reveal: ({ path: string; seq: number } & OpenOptions) | null;
  /** The last `vault-changed` event; `changed` empty means "anything may have changed" (after a reconnect). */
  change: { changed: string[]; deleted: string[]; seq: number } | null;
  /** Notes for `[[` completion: each title, and its aliases (inserted as `[[title|alias]]`, as Obsidian does). */
  titles: { title: string; aliases: string[] }[];
  onActivate(path: string): void;
  onClose(path: string): void;
  /** Opens the target of a wiki link written in `fromPath` (Ctrl/Cmd-click). */
  onFollowLink(fromPath: string, target: string, opts?: OpenOptions): void;
  onError(e: unknown): void;
  /**
   * Tabs whose id starts with `view:` show a registered view (workspace/views.ts), not a note: their title and content.
   */
  viewTab?: { title(kind: string): string; render(kind: string, visible: boolean): ReactNode };
  ref?: Ref<EditorHandle>;
}

/** Marks transactions that load disk content, so they are not taken for user edits. */
const fromDisk = Annotation.define<boolean>();

/**
 * A document's text as CodeMirror holds it: its own `EditorState` while its tab is hidden, the view's state while it
 * is shown (so undo history survives tab switches).
 */
class EditorBuffer implements TextBuffer {
  state: EditorState;
  readonly #path: string;
  readonly #shownView: (path: string) => EditorView | null;

  constructor(path: string, state: EditorState, shownView: (path: string) => EditorView | null) {
    this.#path = path;
    this.state = state;
    this.#shownView = shownView;
  }

  live(): EditorState {
    return this.#shownView(this.#path)?.state ?? this.state;
  }

  read(): string {
    return this.live().doc.toString();
  }

  replace(text: string): void {
    const st = this.live();
    const spec = { changes: { from: 0, to: st.doc.length, insert: text }, annotations: fromDisk.of(true) };
    const view = this.#shownView(this.#path);
    if (view) view.dispatch(spec);
    else this.state = st.update(spec).state;
  }
}

const highlight = HighlightStyle.define([
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

const theme = EditorView.theme({
  '&': { height: '100%', color: 'var(--fg)', backgroundColor: 'var(--bg)' },
  '.cm-scroller': { fontFamily: 'var(--font)', lineHeight: '1.6' },
  '.cm-content': { caretColor: 'var(--fg)', padding: '12px 16px', maxWidth: '52rem' },
  '&.cm-focused .cm-cursor': { borderLeftColor: 'var(--fg)' },
  '.cm-activeLine': { backgroundColor: 'var(--active-line)' },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground': {
    backgroundColor: 'var(--selection)',
  },
  '.cm-wikilink': { color: 'var(--accent)', textDecoration: 'underline', cursor: 'pointer' },
  '.cm-tooltip': { backgroundColor: 'var(--panel)', color: 'var(--fg)', border: '1px solid var(--border)' },
  // `[[` completion in the app's font and accent (CodeMirror's default is monospace on a fixed blue); the extra
  // classes outrank the base theme's `&light`/`&dark` rules.
  '&.cm-editor .cm-tooltip.cm-tooltip-autocomplete > ul': { fontFamily: 'var(--font)' },
  '&.cm-editor .cm-tooltip.cm-tooltip-autocomplete > ul > li[aria-selected]': {
    backgroundColor: 'var(--accent)',
    color: '#fff',
  },
});

export function Editor(props: EditorProps) {
  const { tabs, active, reveal, change, ref } = props;
  const hostRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const shown = useRef<string | null>(null);
  const reportError = useEffectEvent((e: unknown) => props.onError(e));
  const [store] = useState(() => new DocumentStore<EditorBuffer>(api, { onError: (e) => reportError(e) }));
  const { dirty, conflicts } = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const shownView = (path: string) => (shown.current === path ? viewRef.current : null);
  /** Link states and embeds of the Reading view are looked up again when the index changes. */
  const indexVersion = useIndexVersion();
  const activeRef = useRef(active);
  activeRef.current = active;
  const propsRef = useRef(props);
  propsRef.current = props;
  const pendingReveal = useRef<EditorProps['reveal']>(null);
  const lastHoverCheck = useRef(0);
  const [loadError, setLoadError] = useState<string | null>(null);
  /** The tab the view shows; differs from `active` while that note loads (the view is hidden meanwhile). */
  const [shownPath, setShownPath] = useState<string | null>(null);
  /** Tabs in Reading view (per tab, as Obsidian keeps the mode per pane). */
  const [reading, setReading] = useState<ReadonlySet<string>>(new Set());
  const readingRef = useRef(reading);
  readingRef.current = reading;
  /** Bumped when a tab in Reading view changes text (disk reload, conflict choice) so the view re-renders. */
  const [, setTextTick] = useState(0);
  // The target opens in the view its tab already has (a new tab: the editing view), scrolled to the heading/block.
  const followFromReading = useCallback(
    (from: string, target: string, opts?: OpenOptions) => propsRef.current.onFollowLink(from, target, opts),
    [],
  );
  /** The line the reading view of the shown tab scrolls to (and flashes), from `reveal`. */
  const [readingReveal, setReadingReveal] = useState<{ path: string; line: number; seq: number } | null>(null);

  function setReadingFor(path: string, on: boolean) {
    setReading((s) => {
      if (s.has(path) === on) return s;
      const n = new Set(s);
      if (on) n.add(path);
      else n.delete(path);
      return n;
    });
    // Back in the editor, keep typing where the cursor was.
    if (!on)
      requestAnimationFrame(() => {
        if (shown.current === path) viewRef.current?.focus();
      });
    // Into the Reading view from the editor (Ctrl+E): the focus moves along, so the keys scroll it (it fell to <body>).
    else if (viewRef.current?.hasFocus) {
      requestAnimationFrame(() => hostRef.current?.parentElement?.querySelector<HTMLElement>('.reading-view')?.focus());
    }
  }

  const save = (path: string) => store.save(path);

  function completeTitles(ctx: CompletionContext): CompletionResult | null {
    const c = completionAt(ctx.state, ctx.pos);
    if (!c || c.kind !== 'link') return null;
    return {
      from: c.from,
      options: propsRef.current.titles.flatMap(({ title, aliases }) => [
        { label: title, apply: `${title}]]` },
        ...aliases.map((alias) => ({ label: alias, detail: title, apply: `${title}|${alias}]]` })),
      ]),
      validFor: /^[^\]\n|#]*$/,
    };
  }

  function makeState(path: string, text: string): EditorState {
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
      autocompletion({ override: [completeTitles], activateOnTyping: true }),
      keymap.of([...completionKeymap, ...defaultKeymap, ...historyKeymap, ...searchKeymap, indentWithTab]),
      theme,
      EditorView.contentAttributes.of({ 'aria-label': `Content of ${titleOf(path)}` }),
      EditorView.updateListener.of((u) => {
        if (u.docChanged) docChanged(path);
        if (u.docChanged && readingRef.current.has(path)) setTextTick((n) => n + 1);
        if (!u.docChanged || u.transactions.every((tr) => tr.annotation(fromDisk))) return;
        store.edited(path);
      }),
      EditorView.domEventHandlers({
        mousedown(e, view) {
          if (!(e.ctrlKey || e.metaKey) || e.button !== 0) return false;
          const pos = view.posAtCoords({ x: e.clientX, y: e.clientY });
          const link = pos == null ? null : wikiLinkAt(view.state, pos);
          if (link == null) return false;
          e.preventDefault();
          const parts = link.parts;
          hidePreview();
          if (parts)
            propsRef.current.onFollowLink(path, parts.target, {
              heading: parts.heading ?? undefined,
              block: parts.block ?? undefined,
            });
          return true;
        },
        // Ctrl/Cmd-hover over a wiki link: the page preview (as in Obsidian's source mode).
        mousemove(e, view) {
          if (!(e.ctrlKey || e.metaKey)) return false;
          // linkAt reads the text around the pointer: at most every 100 ms.
          const now = performance.now();
          if (now - lastHoverCheck.current < 100) return false;
          lastHoverCheck.current = now;
          const pos = view.posAtCoords({ x: e.clientX, y: e.clientY });
          const parts = pos == null ? null : (wikiLinkAt(view.state, pos)?.parts ?? null);
          if (!parts || pos == null) {
            hidePreviewSoon();
            return false;
          }
          const { left, right, top, bottom } = view.coordsAtPos(pos) ?? {
            left: e.clientX,
            right: e.clientX,
            top: e.clientY,
            bottom: e.clientY,
          };
          showPreview({
            fromPath: path,
            target: parts.target,
            heading: parts.heading,
            block: parts.block,
            rect: { left, right, top, bottom },
          });
          return false;
        },
        mouseleave() {
          hidePreviewSoon();
          return false;
        },
      }),
    ];
    return EditorState.create({ doc: text, extensions });
  }

  function applyReveal() {
    const r = pendingReveal.current;
    const view = viewRef.current;
    if (!r || !view || shown.current !== r.path) return;
    pendingReveal.current = null;
    if (r.mode) setReadingFor(r.path, r.mode === 'reading');
    const inReading = r.mode ? r.mode === 'reading' : readingRef.current.has(r.path);
    const go = (line: number | null) => {
      if (shown.current !== r.path || viewRef.current !== view) return;
      if (inReading) {
        if (line !== null) setReadingReveal({ path: r.path, line, seq: r.seq });
        return;
      }
      if (line === null) return;
      const pos = revealEditorLine(view, line, r.select);
      // A note that just loaded is still hidden (display: none) until React commits `shownPath`; focus and scroll
      // then, or the keyboard focus is lost (e.g. a new note could not be typed into).
      if (hostRef.current?.hidden) revealAfterShow.current = pos;
      else view.focus();
    };
    // A plain line needs no lookup: reveal at once (a new note's cursor must be there before the user types).
    if (!r.heading && !r.block && !r.search) go(r.line ?? null);
    else void targetLine(r.path, view.state.doc.toString(), r).then(go);
  }

  const revealAfterShow = useRef<number | null>(null);
  // Once React has shown the note (`shownPath` committed), a reveal that waited for it scrolls and focuses.
  const revealWhenShown = useEffectEvent((_shown: string | null) => {
    const view = viewRef.current;
    const pos = revealAfterShow.current;
    if (!view || pos === null || hostRef.current?.hidden) return;
    revealAfterShow.current = null;
    if (pos <= view.state.doc.length) view.dispatch({ effects: EditorView.scrollIntoView(pos, { y: 'center' }) });
    view.focus();
  });
  useEffect(() => revealWhenShown(shownPath), [shownPath]);

  function show(path: string | null) {
    const view = viewRef.current;
    if (!view) return;
    const prev = shown.current ? store.buffer(shown.current) : undefined;
    if (prev && shown.current !== path) prev.state = view.state;
    const doc = path ? store.buffer(path) : undefined;
    if (!path || !doc) {
      shown.current = null;
      setShownPath(null);
      return;
    }
    if (shown.current !== path) {
      view.setState(doc.state);
      shown.current = path;
    }
    setShownPath(path);
    applyReveal();
  }

  useEffect(() => {
    const view = new EditorView({ parent: hostRef.current! });
    viewRef.current = view;
    return () => {
      view.destroy();
      viewRef.current = null;
      shown.current = null;
    };
  }, []);

  // Show (loading if needed) the active tab.
  const showActive = useEffectEvent((path: string | null): (() => void) | undefined => {
    setLoadError(null);
    if (!path || isViewTab(path)) {
      show(null);
      return;
    }
    if (store.has(path)) {
      show(path);
      return;
    }
    show(null);
    let live = true;
    store
      .open(path, (text) => new EditorBuffer(path, makeState(path, text), shownView))
      .then(
        () => {
          if (live && activeRef.current === path) show(path);
        },
        (e) => {
          if (live) {
            setLoadError((e as Error).message);
            reportError(e);
          }
        },
      );
    return () => {
      live = false;
    };
  });
  useEffect(() => showActive(active), [active]);

  // Closed tabs: save what is unsaved, then forget the document.
  // The Reading/Editing mode of a note is kept when its tab navigates away, so Back returns to it as it was.
  const closeDocuments = useEffectEvent((open: readonly string[]) => {
    for (const path of store.paths()) {
      if (open.includes(path)) continue;
      void store.close(path);
      if (shown.current === path) show(null);
    }
  });
  useEffect(() => closeDocuments(tabs), [tabs]);

  // In a narrow window the tab strip scrolls sideways: keep the active tab in view (it was cut off at 1280 px).
  const scrollTabIntoView = useEffectEvent((_active: string | null, _tabs: readonly string[]) => {
    hostRef.current?.parentElement
      ?.querySelector('.tabs [role="tab"][aria-selected="true"]')
      ?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  });
  useEffect(() => scrollTabIntoView(active, tabs), [active, tabs]);

  // A new scroll request (its `seq` changes; the object may be rebuilt by a parent render meanwhile).
  const revealSeq = reveal?.seq;
  const onReveal = useEffectEvent((seq: number | undefined) => {
    if (seq === undefined || !reveal) return;
    pendingReveal.current = reveal;
    applyReveal();
  });
  useEffect(() => onReveal(revealSeq), [revealSeq]);

  // Files changed on disk (each coalesced `vault-changed` is a new object).
  useEffect(() => {
    if (!change) return;
    const everything = change.changed.length === 0 && change.deleted.length === 0;
    void store.diskChanged(everything ? null : change.changed);
  }, [change, store]);

  useImperativeHandle(ref, () => ({
    saveNow: () => (activeRef.current ? save(activeRef.current) : Promise.resolve()),
    flush: (path?: string) => store.flush(path),
    toggleReading: () => {
      const path = activeRef.current;
      if (path) setReadingFor(path, !readingRef.current.has(path));
    },
    textOf: (path: string) => store.buffer(path)?.read() ?? null,
    change: (path: string, c: { from: number; to: number; insert: string }) => {
      const buf = store.buffer(path);
      if (!buf) return false;
      const st = buf.live();
      if (c.from < 0 || c.to > st.doc.length || c.from > c.to) return false;
      const spec = { changes: c, userEvent: 'input.properties' };
      const view = shown.current === path ? viewRef.current : null;
      // shown: the view's update listener marks it edited; hidden: the same, by hand
      if (view) view.dispatch(spec);
      else {
        buf.state = st.update(spec).state;
        store.edited(path);
        docChanged(path);
      }
      return true;
    },
  }));

  const isReading = active != null && reading.has(active);
  const activeView = isViewTab(active) ? active.slice(VIEW_TAB.length) : null;
  const tabTitle = (id: string) =>
    isViewTab(id) ? (props.viewTab?.title(id.slice(VIEW_TAB.length)) ?? id) : titleOf(id);

  return (
    <section aria-label="Editor" className="editor-region">
      <div className="editor-bar">
        <div role="tablist" aria-label="Open notes" className="tabs">
          {tabs.map((path) => (
            <div key={path} className={`tab${path === active ? ' active' : ''}`}>
              <button
                type="button"
                role="tab"
                aria-selected={path === active}
                title={isViewTab(path) ? tabTitle(path) : path}
                onClick={() => props.onActivate(path)}
                onAuxClick={(e) => {
                  if (e.button === 1) props.onClose(path);
                }}
              >
                {tabTitle(path)}
                {dirty.has(path) ? (
                  <span className="dirty" aria-label="unsaved edits">
                    {' '}
                    ●
                  </span>
                ) : null}
              </button>
              <button
                type="button"
                className="tab-close"
                aria-label={`Close ${tabTitle(path)}`}
                onClick={() => props.onClose(path)}
              >
                ×
              </button>
            </div>
          ))}
        </div>
        {active && !activeView ? (
          <div role="group" aria-label="View mode" className="view-toggle">
            <button
              type="button"
              aria-pressed={!isReading}
              onClick={() => setReadingFor(active, false)}
              title="Edit the markdown source (Ctrl+E toggles)"
            >
              Editing view
            </button>
            <button
              type="button"
              aria-pressed={isReading}
              onClick={() => setReadingFor(active, true)}
              title="Show the rendered note (Ctrl+E toggles)"
            >
              Reading view
            </button>
          </div>
        ) : null}
      </div>
      {active && dirty.has(active) ? <span className="sr-only">Unsaved edits</span> : null}
      <div className="editor-host" ref={hostRef} hidden={!active || shownPath !== active || isReading} />
      {isReading && shownPath === active && viewRef.current ? (
        <ReadingView
          path={active}
          text={viewRef.current.state.doc.toString()}
          refreshKey={indexVersion}
          reveal={readingReveal?.path === active ? readingReveal : null}
          onFollowLink={followFromReading}
        />
      ) : null}
      {tabs.filter(isViewTab).map((id) => (
        <div key={id} className="view-tab-host" hidden={id !== active}>
          {props.viewTab?.render(id.slice(VIEW_TAB.length), id === active)}
        </div>
      ))}
      {!active ? <p className="empty">Open a note from the file tree, the graph or search (Ctrl+P).</p> : null}
      {loadError && active ? (
        <p className="empty">
          Cannot open {active}: {loadError}
        </p>
      ) : null}
      {conflicts[0] ? (
        <ConflictDialog
          conflict={conflicts[0]}
          onKeepMine={() => void store.resolveConflict(conflicts[0].path, true)}
          onLoadDisk={() => void store.resolveConflict(conflicts[0].path, false)}
        />
      ) : null}
    </section>
  );
}
