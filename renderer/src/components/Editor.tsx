/**
 * The editor region of one pane: its tab strip over one CodeMirror 6 view (each tab keeps its own EditorState, so
 * undo history survives tab switches), the Reading view of a tab, and the view tabs (graph, Review …).
 *
 * Documents, autosave, the save queue and conflicts are the `DocumentStore`'s (documents/document-store.ts): this
 * component binds it to CodeMirror (each document's text is an `EditorBuffer`, editor/editor-buffer.ts) and renders
 * its snapshot (dirty marks, the conflict dialog). Changes on disk (`change` prop, from the `vault-changed` event) go
 * to `store.diskChanged`; the file on disk is never overwritten without the user's choice. The pieces: the note's
 * CodeMirror state (editor/note-state.ts), the tab strip and mode toggle (editor/TabStrip.tsx,
 * editor/ViewModeToggle.tsx), reading modes (editor/reading-modes.ts) and scroll requests (editor/reveal-requests.ts).
 */
import {
  useEffect,
  useEffectEvent,
  useImperativeHandle,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactNode,
  type Ref,
} from 'react';
import { EditorView } from '@codemirror/view';
import { api } from '../client.ts';
import { AUTOSAVE_MS, DocumentStore } from '../documents/document-store.ts';
import { useSaveWhenVaultReturns } from '../documents/save-on-vault-return.ts';
import { baseName, isNotePath, titleOf } from '../paths.ts';
import { Attachment } from '../markdown/Embed.tsx';
import { docText, EditorBuffer } from '../editor/editor-buffer.ts';
import { toggleTaskAtLine } from '../editor/toggle-task.ts';
import type { LinkNote } from '../editor/completion.ts';
import { createNoteState } from '../editor/note-state.ts';
import { isSourceMode, migrateLegacySourceMode, setTabSourceMode } from '../editor/source-mode.ts';
import { useReadingModes } from '../editor/reading-modes.ts';
import { useAutosaveDelay, useDefaultViewForNewTabs } from '../settings/use-editor-settings.ts';
import { useRevealRequests } from '../editor/reveal-requests.ts';
import { placesOf, topOf } from '../editor/view-places.ts';
import { TabStrip } from '../editor/TabStrip.tsx';
import { ViewModeToggle } from '../editor/ViewModeToggle.tsx';
import { ConflictDialog } from './ConflictDialog.tsx';
import { ReadingView } from './ReadingView.tsx';
import { docChanged } from '../workspace/doc-events.ts';
import { isViewTab, viewKindOf } from '../workspace/view-tab.ts';
import type { OpenOptions } from '../commands/context.ts';
import type { RevealRequest } from '../navigation/reveal.ts';

export { AUTOSAVE_MS };

export interface EditorHandle {
  /** Saves the active tab now (Ctrl/Cmd+S). */
  saveNow(): Promise<void>;
  /** Saves `path` (or every open tab) if it has unsaved edits, and waits for the writes. */
  flush(path?: string): Promise<void>;
  /** Switches the active tab between the source editor and the Reading view (Obsidian's Ctrl/Cmd+E). */
  toggleReading(): void;
  /**
   * Switches the active note's editor between Live Preview and Source mode ("Toggle Live Preview/Source mode"; that
   * tab only, kept while the pane navigates away and back). False when no note is shown.
   */
  toggleSourceMode(): boolean;
  /** Notes of this pane with unsaved edits (vault paths). */
  unsaved(): string[];
  /** The live text of an open note (with unsaved edits), or null when it is not loaded here. */
  textOf(path: string): string | null;
  /**
   * Replaces [from, to) of an open note's live text with `insert` as one undoable edit (autosaved like typing); false
   * when the note is not loaded here. Offsets are in the editor's text (`\n` line breaks).
   */
  change(path: string, c: { from: number; to: number; insert: string }): boolean;
  /**
   * A note or folder was renamed from `from` to `to` (vault paths): its tabs keep their Reading view (a folder's
   * notes too), as the workspace keeps the tabs.
   */
  moved(from: string, to: string): void;
}

export interface EditorProps {
  tabs: string[];
  active: string | null;
  /** Scroll request: scroll `path` to a line, heading, block or search words once it shows, and flash the target. */
  reveal: RevealRequest | null;
  /** The last `vault-changed` event; `changed` empty means "anything may have changed" (after a reconnect). */
  change: { changed: string[]; deleted: string[]; seq: number } | null;
  /**
   * Notes for `[[` completion: each title, its aliases (inserted as `[[title|alias]]`, as Obsidian does) and path.
   * Pass the quick switcher's note list itself: the completion then uses its targets, prepared at idle.
   */
  titles: LinkNote[];
  onActivate(path: string): void;
  onClose(path: string): void;
  /** Opens the target of a wiki link written in `fromPath` (Ctrl/Cmd-click). */
  onFollowLink(fromPath: string, target: string, opts?: OpenOptions): void;
  onError(e: unknown): void;
  /**
   * Tabs whose id starts with `view:` show a registered view (workspace/views.ts), not a note: their title and content.
   */
  viewTab?: { title(kind: string): string; render(kind: string, visible: boolean): ReactNode };
  /** What the pane shows with no tab open (the welcome screen, renderer/src/workspace/WelcomeScreen.tsx). */
  empty?: ReactNode;
  /** The pane's index in the main area (0 or 1): whose kept places (editor/view-places.ts) it uses. */
  pane?: number;
  ref?: Ref<EditorHandle>;
}

export function Editor(props: EditorProps) {
  const { tabs, active, reveal, change, ref } = props;
  const hostRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const shown = useRef<string | null>(null);
  const reportError = useEffectEvent((e: unknown) => props.onError(e));
  const [store] = useState(() => new DocumentStore<EditorBuffer>(api, { onError: (e) => reportError(e) }));
  const { dirty, conflicts } = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const shownView = (path: string) => (shown.current === path ? viewRef.current : null);
  const activeRef = useRef(active);
  activeRef.current = active;
  const [loadError, setLoadError] = useState<string | null>(null);
  /** The tab the view shows; differs from `active` while that note loads (the view is hidden meanwhile). */
  const [shownPath, setShownPath] = useState<string | null>(null);
  const modes = useReadingModes(viewRef, shown, hostRef);
  const { reading, isReading, setReadingFor } = modes;
  // settings (#12): autosave delay; default view for new tabs
  useAutosaveDelay(store);
  // vault folder back after it went missing (#10): save the edits that were refused meanwhile
  useSaveWhenVaultReturns(store);
  useDefaultViewForNewTabs(tabs, reveal, setReadingFor);
  /** Bumped when a tab in Reading view changes text (disk reload, conflict choice) so the view re-renders. */
  const [, setTextTick] = useState(0);
  // Where each note was left (editor/view-places.ts): a tab switch returns there; Back/Forward too, with the cursor.
  const places = placesOf(props.pane ?? 0);
  /**
   * The note to scroll once shown: back to its place (`selection`: with its cursor, for a reloaded document), or
   * with `top` to its top (a note opened anew: the view would keep the last note's scroll offset).
   */
  const restoring = useRef<{ path: string; selection: boolean; top?: boolean } | null>(null);
  const [readingRestore, setReadingRestore] = useState<{ path: string; top: number; seq: number } | null>(null);
  // applied once: a Reading view mounted again later (Ctrl+E twice) must not jump back to it
  const [onReadingRestored] = useState(() => (seq: number) => setReadingRestore((r) => (r?.seq === seq ? null : r)));
  const [onRestore] = useState(() => (path: string) => {
    restoring.current = { path, selection: true };
  });
  const reveals = useRevealRequests(reveal, viewRef, shown, hostRef, shownPath, modes, onRestore);
  // The target opens in the view its tab already has (a new tab: the editing view), scrolled to the heading/block.
  const followLink = useEffectEvent((from: string, target: string, opts?: OpenOptions) =>
    props.onFollowLink(from, target, opts),
  );
  // A link followed in the Reading view opens its target in the Reading view (Obsidian keeps the tab's mode).
  const [followFromReading] = useState(
    () => (from: string, target: string, opts?: OpenOptions) =>
      followLink(from, target, { ...opts, mode: opts?.mode ?? 'reading' }),
  );
  const [toggleTaskFromReading] = useState(() => (line: number) => {
    const view = viewRef.current;
    if (view) toggleTaskAtLine(view, line);
  });
  const completionTitles = useEffectEvent(() => props.titles);
  /** Each note's editing mode chosen by hand in this pane (true Source mode); others follow the vault's default. */
  const chosenModes = useRef(new Map<string, boolean>());
  useEffect(migrateLegacySourceMode, []);

  const makeState = (path: string, text: string) =>
    createNoteState(path, text, {
      sourceMode: chosenModes.current.get(path) ?? null,
      titles: () => completionTitles(),
      followLink: (from, target, opts) => followLink(from, target, opts),
      changed: (byUser) => {
        docChanged(path);
        if (isReading(path)) setTextTick((n) => n + 1);
        if (byUser) store.edited(path);
      },
    });

  function show(path: string | null) {
    const view = viewRef.current;
    if (!view) return;
    const prev = shown.current ? store.buffer(shown.current) : undefined;
    if (prev && shown.current !== path) {
      prev.state = view.state;
      const { anchor, head } = view.state.selection.main;
      places.update(shown.current as string, { anchor, head });
    }
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
    reveals.applyPending();
  }

  useEffect(() => {
    const view = new EditorView({ parent: hostRef.current ?? undefined });
    viewRef.current = view;
    // the first visible line, read once per frame while scrolling (the place a tab switch or Back returns to)
    let frame = 0;
    let scrolled: string | null = null;
    const onScroll = () => {
      // the note scrolled, taken now: a scroll that goes on across a note switch must not move the next note's place
      if (frame && scrolled === shown.current) return;
      scrolled = shown.current;
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        frame = 0;
        if (scrolled && scrolled === shown.current && !hostRef.current?.hidden) places.update(scrolled, topOf(view));
      });
    };
    view.scrollDOM.addEventListener('scroll', onScroll, { passive: true });
    // leaving the page (reload, close): the shown note's cursor too, then the places are stored
    const onLeave = () => {
      const path = shown.current;
      const { anchor, head } = view.state.selection.main;
      if (path) places.update(path, { anchor, head });
      places.save();
    };
    window.addEventListener('pagehide', onLeave);
    return () => {
      window.removeEventListener('pagehide', onLeave);
      cancelAnimationFrame(frame);
      view.destroy();
      viewRef.current = null;
      shown.current = null;
    };
  }, [places]);

  // Show (loading if needed) the active tab.
  const showActive = useEffectEvent((path: string | null): (() => void) | undefined => {
    setLoadError(null);
    // a view tab, or an attachment (an image, a PDF …: drawn by the tab itself, as Obsidian opens it)
    if (!path || isViewTab(path) || !isNotePath(path)) {
      show(null);
      return;
    }
    if (store.has(path)) {
      // back on a tab: its scroll (its state kept the cursor), unless a request scrolls it elsewhere
      if (shown.current !== path && !reveals.pendingFor(path)) restoring.current = { path, selection: false };
      show(path);
      return;
    }
    show(null);
    let live = true;
    store
      .open(path, (text) => new EditorBuffer(path, makeState(path, text), shownView))
      .then(
        () => {
          if (!live || activeRef.current !== path) return;
          // a tab restored after a reload: back to its place; else a note opened anew starts at its top
          // (a request for a line, heading or search hit wins over both)
          const kept = places.takeRestore(path);
          if (!reveals.pendingFor(path))
            restoring.current = kept ? { path, selection: true } : { path, selection: false, top: true };
          show(path);
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
      const st = shown.current === path ? viewRef.current?.state : store.buffer(path)?.state;
      if (st) places.update(path, { anchor: st.selection.main.anchor, head: st.selection.main.head });
      void store.close(path);
      if (shown.current === path) show(null);
    }
  });
  useEffect(() => closeDocuments(tabs), [tabs]);

  // A note shown again (tab switch, Back/Forward) returns to its place once React has shown it.
  const restorePlace = useEffectEvent((_shown: string | null, _active: string | null, _reading: unknown) => {
    const r = restoring.current;
    const view = viewRef.current;
    if (!r || !view || r.path !== shownPath || shown.current !== r.path || active !== r.path) return;
    restoring.current = null;
    const place = places.get(r.path);
    if (isReading(r.path)) {
      setReadingRestore((x) => ({ path: r.path, top: r.top ? 0 : (place?.readingTop ?? 0), seq: (x?.seq ?? 0) + 1 }));
      return;
    }
    if (hostRef.current?.hidden) return;
    if (r.top || !place) {
      view.scrollDOM.scrollTop = 0;
      return;
    }
    const len = view.state.doc.length;
    view.dispatch({
      selection: r.selection ? { anchor: Math.min(place.anchor, len), head: Math.min(place.head, len) } : undefined,
      // the line's start at the top, scrolled on by the px it was past it (a negative margin)
      effects: EditorView.scrollIntoView(Math.min(place.top, len), { y: 'start', yMargin: -place.topPx }),
    });
  });
  useEffect(() => restorePlace(shownPath, active, reading), [shownPath, active, reading]);

  // Files changed on disk (each coalesced `vault-changed` is a new object).
  useEffect(() => {
    if (!change) return;
    const everything = change.changed.length === 0 && change.deleted.length === 0;
    void store.diskChanged(everything ? null : change.changed);
  }, [change, store]);

  useImperativeHandle(ref, () => ({
    saveNow: () => (activeRef.current ? store.save(activeRef.current) : Promise.resolve()),
    flush: (path?: string) => store.flush(path),
    toggleReading: () => {
      const path = activeRef.current;
      if (path) setReadingFor(path, !isReading(path));
    },
    moved: (from: string, to: string) => {
      places.moved(from, to);
      for (const p of reading) {
        if (p === from) setReadingFor(to, true);
        else if (p.startsWith(`${from}/`)) setReadingFor(`${to}${p.slice(from.length)}`, true);
      }
    },
    toggleSourceMode: () => {
      const path = activeRef.current;
      const view = path ? shownView(path) : null;
      if (!path || !view) return false;
      const source = !isSourceMode(view.state);
      chosenModes.current.set(path, source);
      view.dispatch({ effects: setTabSourceMode.of(source) });
      return true;
    },
    unsaved: () => [...store.getSnapshot().dirty],
    textOf: (path: string) => store.buffer(path)?.read() ?? null,
    change: (path: string, c: { from: number; to: number; insert: string }) => {
      const buf = store.buffer(path);
      if (!buf) return false;
      const how = buf.edit(c, 'input.properties');
      // through the view, its update listener marks the note edited; a hidden note's state: the same, by hand
      if (how === 'state') {
        store.edited(path);
        docChanged(path);
      }
      return how !== false;
    },
  }));

  const isReadingActive = active != null && reading.has(active);
  const activeView = isViewTab(active) ? viewKindOf(active) : null;
  const activeAttachment = active && !activeView && !isNotePath(active) ? active : null;
  const tabTitle = (id: string) => (isViewTab(id) ? (props.viewTab?.title(viewKindOf(id)) ?? id) : titleOf(id));

  return (
    <section
      aria-label="Editor"
      className="editor-region"
      onScrollCapture={(e) => {
        const el = e.target as HTMLElement;
        if (active && el.classList?.contains('reading-view')) places.update(active, { readingTop: el.scrollTop });
      }}
    >
      <div className="editor-bar">
        <TabStrip
          tabs={tabs}
          active={active}
          dirty={dirty}
          title={tabTitle}
          tooltip={(id) => (isViewTab(id) ? tabTitle(id) : id)}
          onActivate={props.onActivate}
          onClose={props.onClose}
        />
        {active && !activeView && !activeAttachment ? (
          <ViewModeToggle reading={isReadingActive} onReading={(on) => setReadingFor(active, on)} />
        ) : null}
      </div>
      {active && dirty.has(active) ? <span className="sr-only">Unsaved edits</span> : null}
      <div className="editor-host" ref={hostRef} hidden={!active || shownPath !== active || isReadingActive} />
      {isReadingActive && shownPath === active && viewRef.current ? (
        <ReadingView
          path={active}
          text={docText(viewRef.current.state.doc)}
          reveal={reveals.readingReveal?.path === active ? reveals.readingReveal : null}
          onFollowLink={followFromReading}
          onToggleTask={toggleTaskFromReading}
          restore={readingRestore?.path === active ? readingRestore : null}
          onRestored={onReadingRestored}
        />
      ) : null}
      {tabs.filter(isViewTab).map((id) => (
        <div key={id} className="view-tab-host" hidden={id !== active}>
          {props.viewTab?.render(viewKindOf(id), id === active)}
        </div>
      ))}
      {activeAttachment ? (
        <figure className="attachment-view" aria-label={baseName(activeAttachment)}>
          <Attachment path={activeAttachment} />
        </figure>
      ) : null}
      {!active
        ? (props.empty ?? <p className="empty">Open a note from the file tree, the graph or search (Ctrl+P).</p>)
        : null}
      {loadError && active ? (
        <p className="empty">
          Cannot open {active}: {loadError}
        </p>
      ) : null}
      {conflicts[0] ? (
        <ConflictDialog
          key={conflicts[0].path}
          conflict={conflicts[0]}
          onKeepMine={() => void store.resolveConflict(conflicts[0].path, true)}
          onLoadDisk={() => void store.resolveConflict(conflicts[0].path, false)}
        />
      ) : null}
    </section>
  );
}
