/**
 * Which tabs of a pane are in the Reading view (per tab, as Obsidian keeps the mode per pane). Switching moves the
 * keyboard focus along: back in the editor the cursor is where it was; into the Reading view from a focused editor
 * the focus goes to the rendered note (it would fall to <body>), so the keys scroll it.
 */
import { type RefObject, useCallback, useRef, useState } from 'react';
import type { EditorView } from '@codemirror/view';
import { focusUnlessModal } from '../focus-guard.ts';

export interface ReadingModes {
  reading: ReadonlySet<string>;
  /** Whether `path` is in the Reading view now (also from callbacks between renders). */
  isReading(path: string): boolean;
  setReadingFor(path: string, on: boolean): void;
}

/** `shown` holds the path the view shows; `host` is the editor's element (the reading view is its sibling). */
export function useReadingModes(
  view: RefObject<EditorView | null>,
  shown: RefObject<string | null>,
  host: RefObject<HTMLElement | null>,
): ReadingModes {
  const [reading, setReading] = useState<ReadonlySet<string>>(new Set());
  const latest = useRef(reading);
  latest.current = reading;
  const isReading = useCallback((path: string) => latest.current.has(path), []);
  const setReadingFor = useCallback(
    (path: string, on: boolean) => {
      setReading((s) => {
        if (s.has(path) === on) return s;
        const n = new Set(s);
        if (on) n.add(path);
        else n.delete(path);
        return n;
      });
      if (!on)
        requestAnimationFrame(() => {
          if (shown.current === path) focusUnlessModal(view.current);
        });
      else if (view.current?.hasFocus) {
        requestAnimationFrame(() =>
          focusUnlessModal(host.current?.parentElement?.querySelector<HTMLElement>('.reading-view')),
        );
      }
    },
    [view, shown, host],
  );
  return { reading, isReading, setReadingFor };
}
