/**
 * The quick switcher (Ctrl/Cmd+O), a dialog named "Quick switcher", as Obsidian's: fuzzy over every note's title,
 * aliases and vault path (fuzzysort; Chinese matches by characters and by pinyin initials), matched characters
 * in `<mark>`, recently opened notes first. Enter opens the selected note, Ctrl/Cmd+Enter opens it in a new tab,
 * Shift+Enter (or Enter with no match) creates a note named as typed.
 *
 * Cost per keystroke: see switcher-search.ts (bounded candidates for short queries, the query capped, at most 50
 * results rendered). The targets are prepared at idle before it opens (switcher-index.ts).
 */
import { useCallback, useMemo } from 'react';
import { highlightIndexes } from './highlight.tsx';
import { Picker, type ChooseEvent, type PickerItem } from './Picker.tsx';
import {
  newSearchMemo,
  SWITCHER_MAX_QUERY,
  SWITCHER_MEASURE,
  searchNotes,
  type SwitcherNote,
} from './switcher-search.ts';
import { targetsFor } from './switcher-index.ts';

export type { SwitcherNote } from './switcher-search.ts';

interface Item extends PickerItem {
  note: SwitcherNote;
}

export function QuickSwitcher(props: {
  notes: SwitcherNote[];
  recent: string[];
  onOpen(path: string, newTab: boolean): void;
  onCreate(name: string): void;
  onClose(): void;
}) {
  const targets = useMemo(() => targetsFor(props.notes), [props.notes]);
  // the previous query's matches, so typing on narrows them (switcher-search.ts)
  const memo = useMemo(newSearchMemo, []);

  const { notes, recent } = props;
  const search = useCallback(
    (q: string): Item[] => {
      const t0 = performance.now();
      const found = searchNotes(q, targets, notes, recent, undefined, { memo });
      const items = found.map(({ note, target, indexes }): Item => {
        const titleMarks =
          target?.kind === 'title' || (target?.kind === 'pinyin' && target.shown === note.title) ? indexes : [];
        const aliasShown =
          target && (target.kind === 'alias' || (target.kind === 'pinyin' && target.shown !== note.title))
            ? target.shown
            : null;
        return {
          key: note.path,
          note,
          label: aliasShown ? `${aliasShown} → ${note.title}` : note.title,
          content: (
            <>
              <span className="picker-title">
                {aliasShown ? (
                  <>
                    {highlightIndexes(aliasShown, indexes)} <span className="muted">→ {note.title}</span>
                  </>
                ) : (
                  highlightIndexes(note.title, titleMarks)
                )}
              </span>
              <span className="picker-detail" title={note.path}>
                {highlightIndexes(note.path, target?.kind === 'path' ? indexes : [])}
              </span>
            </>
          ),
        };
      });
      performance.measure(SWITCHER_MEASURE, { start: t0, end: performance.now() });
      return items;
    },
    [targets, notes, recent, memo],
  );

  function choose(item: Item | null, query: string, how: ChooseEvent) {
    const name = query.trim();
    if ((how.shift || !item) && name) {
      props.onClose();
      props.onCreate(name);
      return;
    }
    if (!item) return;
    props.onClose();
    props.onOpen(item.note.path, how.mod);
  }

  return (
    <Picker<Item>
      label="Quick switcher"
      placeholder="Find or create a note…"
      maxLength={SWITCHER_MAX_QUERY}
      search={search}
      onChoose={choose}
      onClose={props.onClose}
      empty="No matching note. Enter creates it."
      footer={
        <>
          <kbd>↵</kbd> open · <kbd>Ctrl ↵</kbd> new tab · <kbd>Shift ↵</kbd> create · <kbd>esc</kbd> dismiss
        </>
      }
    />
  );
}
