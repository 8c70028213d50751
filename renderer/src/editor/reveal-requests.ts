/**
 * Scroll requests of `openNote` (navigation/reveal.ts) in one pane: a request waits until its note is shown, then
 * switches the mode if it asks for one and scrolls — the editor to the line (cursor there, focused), or the Reading
 * view (through `readingReveal`). A heading, block or search target is turned into its line first (`targetLine`).
 * A `restore` request (Back/Forward) goes to `onRestore` instead: the note returns to where the pane left it.
 */
import { type RefObject, useCallback, useEffect, useEffectEvent, useRef, useState } from 'react';
import { EditorView } from '@codemirror/view';
import { type RevealRequest, revealEditorLine, targetLine } from '../navigation/reveal.ts';
import type { ReadingModes } from './reading-modes.ts';
import { focusUnlessModal } from '../focus-guard.ts';

export interface RevealRequests {
  /** The line the Reading view of the shown tab scrolls to (and flashes). */
  readingReveal: { path: string; line: number; seq: number } | null;
  /** Call after the view switched to a note: a request waiting for it runs. */
  applyPending(): void;
  /** Whether a request waits for `path` to be shown. */
  pendingFor(path: string): boolean;
}

export function useRevealRequests(
  reveal: RevealRequest | null,
  view: RefObject<EditorView | null>,
  shown: RefObject<string | null>,
  host: RefObject<HTMLElement | null>,
  shownPath: string | null,
  modes: Pick<ReadingModes, 'isReading' | 'setReadingFor'>,
  onRestore: (path: string) => void,
): RevealRequests {
  const pending = useRef<RevealRequest | null>(null);
  /** A position to scroll to and focus once React has shown the note (its host is still hidden). */
  const afterShow = useRef<number | null>(null);
  const [readingReveal, setReadingReveal] = useState<RevealRequests['readingReveal']>(null);
  const { isReading, setReadingFor } = modes;

  const applyPending = useCallback(() => {
    const r = pending.current;
    const v = view.current;
    if (!r || !v || shown.current !== r.path) return;
    pending.current = null;
    if (r.restore) {
      onRestore(r.path);
      return;
    }
    if (r.mode) setReadingFor(r.path, r.mode === 'reading');
    const inReading = r.mode ? r.mode === 'reading' : isReading(r.path);
    const go = (line: number | null) => {
      if (shown.current !== r.path || view.current !== v) return;
      if (inReading) {
        if (line !== null) setReadingReveal({ path: r.path, line, seq: r.seq });
        return;
      }
      if (line === null) return;
      const pos = revealEditorLine(v, line, r.select);
      // A note that just loaded is still hidden (display: none) until React commits `shownPath`; focus and scroll
      // then, or the keyboard focus is lost (e.g. a new note could not be typed into).
      if (host.current?.hidden) afterShow.current = pos;
      else focusUnlessModal(v);
    };
    // A plain line needs no lookup: reveal at once (a new note's cursor must be there before the user types).
    if (!r.heading && !r.block && !r.search) go(r.line ?? null);
    else void targetLine(r.path, v.state.doc.toString(), r).then(go);
  }, [view, shown, host, isReading, setReadingFor, onRestore]);
  const pendingFor = useCallback((path: string) => pending.current?.path === path, []);

  // Once React has shown the note (`shownPath` committed), a reveal that waited for it scrolls and focuses.
  const revealWhenShown = useEffectEvent((_shown: string | null) => {
    const v = view.current;
    const pos = afterShow.current;
    if (!v || pos === null || host.current?.hidden) return;
    afterShow.current = null;
    if (pos <= v.state.doc.length) v.dispatch({ effects: EditorView.scrollIntoView(pos, { y: 'center' }) });
    focusUnlessModal(v);
  });
  useEffect(() => revealWhenShown(shownPath), [shownPath]);

  // A new request (its `seq` changes; the object may be rebuilt by a parent render meanwhile).
  const seq = reveal?.seq;
  const onRequest = useEffectEvent((s: number | undefined) => {
    if (s === undefined || !reveal) return;
    pending.current = reveal;
    applyPending();
  });
  useEffect(() => onRequest(seq), [seq]);

  return { readingReveal, applyPending, pendingFor };
}
