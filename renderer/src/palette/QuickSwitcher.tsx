/**
 * The quick switcher (Ctrl/Cmd+O), a dialog named "Quick switcher", as Obsidian's: fuzzy over every note's title,
 * aliases and vault path (fuzzysort; Chinese matches by characters and by pinyin initials), matched characters
 * in `<mark>`, recently opened notes first. Enter opens the selected note, Ctrl/Cmd+Enter opens it in a new tab,
 * Shift+Enter (or Enter with no match) creates a note named as typed.
 *
 * Cost per keystroke: one fuzzysort pass over prepared targets (a few per note), the query capped at
 * {@link SWITCHER_MAX_QUERY} characters, at most {@link SWITCHER_LIMIT} results rendered.
 */
import fuzzysort, { type Prepared } from 'fuzzysort';
import { useCallback, useMemo } from 'react';
import { highlightIndexes } from './highlight.tsx';
import { pinyinInitials, resetPinyinBudget } from './pinyin-initials.ts';
import { Picker, type ChooseEvent, type PickerItem } from './Picker.tsx';

export const SWITCHER_MAX_QUERY = 200;
export const SWITCHER_LIMIT = 50;
/** Performance measure name of one search pass (see scripts/measure-nav.ts). */
export const SWITCHER_MEASURE = 'atlas-switcher-search';

export interface SwitcherNote {
  path: string;
  title: string;
  aliases: string[];
}

interface Target {
  note: SwitcherNote;
  /** What is matched: the title, an alias, the path, or pinyin initials of the title or an alias. */
  kind: 'title' | 'alias' | 'path' | 'pinyin';
  /** The string shown for the match (the alias, or for pinyin the title/alias it spells). */
  shown: string;
  prepared: Prepared;
}

interface Item extends PickerItem {
  note: SwitcherNote;
}

/** Builds the prepared targets for the notes (once per vault change). */
export function switcherTargets(notes: SwitcherNote[]): Target[] {
  const out: Target[] = [];
  resetPinyinBudget();
  for (const note of notes) {
    out.push({ note, kind: 'title', shown: note.title, prepared: fuzzysort.prepare(note.title) });
    const titlePy = pinyinInitials(note.title);
    if (titlePy) out.push({ note, kind: 'pinyin', shown: note.title, prepared: fuzzysort.prepare(titlePy) });
    for (const a of note.aliases) {
      out.push({ note, kind: 'alias', shown: a, prepared: fuzzysort.prepare(a) });
      const py = pinyinInitials(a);
      if (py) out.push({ note, kind: 'pinyin', shown: a, prepared: fuzzysort.prepare(py) });
    }
    // The path without `.md`: `concepts/chan` finds concepts/channel.md.
    out.push({ note, kind: 'path', shown: note.path, prepared: fuzzysort.prepare(note.path.replace(/\.md$/i, '')) });
  }
  return out;
}

/** Ranking bonus of a recently opened note (added to fuzzysort's 0..1 score), by its place in `recent`. */
function recentBonus(rank: number): number {
  return rank < 0 ? 0 : 0.15 * (1 - rank / 50);
}
/** Kind preference for equal scores: a title hit beats an alias, an alias the path. */
const KIND_BONUS: Record<Target['kind'], number> = { title: 0.02, alias: 0.01, pinyin: 0.005, path: 0 };

/**
 * The best-matching notes for a query: one entry per note (its best target), recent notes boosted; on an empty query
 * the recent notes, then the rest by title. Pure (no React), so it can be measured and tested.
 */
export function searchNotes(
  query: string,
  targets: Target[],
  notes: SwitcherNote[],
  recent: string[],
  limit = SWITCHER_LIMIT,
): { note: SwitcherNote; target: Target | null; indexes: readonly number[] }[] {
  const q = query.trim().slice(0, SWITCHER_MAX_QUERY);
  const rank = new Map(recent.map((p, i) => [p, i]));
  if (!q) {
    const byPath = new Map(notes.map((n) => [n.path, n]));
    const first = recent.map((p) => byPath.get(p)).filter((n): n is SwitcherNote => !!n);
    const seen = new Set(first.map((n) => n.path));
    const rest: SwitcherNote[] = [];
    for (const n of notes) {
      if (rest.length + first.length >= limit) break;
      if (!seen.has(n.path)) rest.push(n);
    }
    return [...first, ...rest].slice(0, limit).map((note) => ({ note, target: null, indexes: [] }));
  }
  const results = fuzzysort.go(q, targets, { key: 'prepared', threshold: 0, limit: limit * 8 });
  const best = new Map<string, { note: SwitcherNote; target: Target; indexes: readonly number[]; score: number }>();
  for (const r of results) {
    const t = r.obj;
    const score = r.score + recentBonus(rank.get(t.note.path) ?? -1) + KIND_BONUS[t.kind];
    const cur = best.get(t.note.path);
    if (!cur || score > cur.score) best.set(t.note.path, { note: t.note, target: t, indexes: r.indexes, score });
  }
  return [...best.values()].sort((a, b) => b.score - a.score).slice(0, limit);
}

export function QuickSwitcher(props: {
  notes: SwitcherNote[];
  recent: string[];
  onOpen(path: string, newTab: boolean): void;
  onCreate(name: string): void;
  onClose(): void;
}) {
  const targets = useMemo(() => switcherTargets(props.notes), [props.notes]);

  const { notes, recent } = props;
  const search = useCallback(
    (q: string): Item[] => {
      const t0 = performance.now();
      const found = searchNotes(q, targets, notes, recent);
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
    [targets, notes, recent],
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
