/**
 * The quick switcher (Ctrl/Cmd+O), a dialog named "Quick switcher", as Obsidian's: fuzzy over every note's title,
 * aliases and vault path (fuzzysort; Chinese matches by characters and by pinyin initials), matched characters
 * in `<mark>`, recently opened notes first. Enter opens the selected note, Ctrl/Cmd+Enter opens it in a new tab,
 * Shift+Enter (or Enter with no match) creates a note named as typed.
 *
 * Cost per keystroke: the search runs on this thread in the keystroke's own task for a vault of up to 16,000 notes
 * (a few ms), else in a worker (search-client.ts; bounded candidates for short queries, the query capped, see
 * switcher-search.ts); the prepared targets are kept up to date at idle before the switcher opens; only the rows in
 * view of the 50 are rendered (a virtual list).
 */
import { useCallback, useRef } from 'react';
import { highlightIndexes } from './highlight.tsx';
import { Picker, type ChooseEvent, type PickerItem } from './Picker.tsx';
import { type FoundNote, findNotes } from './search-client.ts';
import { SWITCHER_LIMIT, SWITCHER_MAX_QUERY, SWITCHER_MEASURE, type SwitcherNote } from './switcher-search.ts';

export type { SwitcherNote } from './switcher-search.ts';

interface Item extends PickerItem {
  note: SwitcherNote;
}

/** One switcher row: the title (or the alias matched, then the title) and the path, matched characters marked. */
function toItem({ note, target, indexes }: FoundNote): Item {
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
}

export function QuickSwitcher(props: {
  notes: SwitcherNote[];
  recent: string[];
  onOpen(path: string, newTab: boolean): void;
  onCreate(name: string): void;
  onClose(): void;
}) {
  // the first search of this switcher starts afresh (no narrowing from an earlier switcher's query)
  const fresh = useRef(true);
  const { notes, recent } = props;
  // a new note list (a new vault's, or the same notes fetched again) searches again
  // biome-ignore lint/correctness/useExhaustiveDependencies: notes is why the search runs again
  const search = useCallback(
    (q: string): Item[] | Promise<Item[] | null> => {
      const t0 = performance.now();
      const answer = findNotes('switcher', q, recent, SWITCHER_LIMIT, fresh.current && !!q.trim());
      if (q.trim()) fresh.current = false;
      const toItems = (found: FoundNote[]) => {
        const items = found.map(toItem);
        performance.measure(SWITCHER_MEASURE, { start: t0, end: performance.now() });
        return items;
      };
      return Array.isArray(answer) ? toItems(answer) : answer.then((found) => found && toItems(found));
    },
    [notes, recent],
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
      virtual
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
