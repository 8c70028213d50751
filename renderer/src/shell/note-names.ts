/** The vault's note names for the quick switcher, `[[` completion and the properties pane: title and aliases. */
import { useMemo, useRef } from 'react';
import type { FileEntry, GraphData } from '../../../electron/shared/api.ts';
import type { SwitcherNote } from '../palette/QuickSwitcher.tsx';
import { sameNotes } from '../palette/switcher-index.ts';
import { titleOf } from '../paths.ts';

export interface NoteNames {
  /** Every note: path, title (file name without `.md`) and aliases (from the graph's nodes). */
  notes: SwitcherNote[];
  /** Titles only. */
  titles: string[];
  /** Title, aliases and path (for `[[` completion: the same list as `notes`, so it shares the switcher's targets). */
  completions: { title: string; aliases: string[]; path: string }[];
}

/**
 * The note names of `files` with the aliases of `graph`'s nodes. The same object while they hold the same names: the
 * whole graph changes with every save (its edges), the names rarely, and a new object rebuilds the quick switcher's
 * and `[[` completion's targets (fuzzysort-prepared strings of every title, alias and path).
 */
export function useNoteNames(files: FileEntry[], graph: GraphData | null): NoteNames {
  const last = useRef<NoteNames | null>(null);
  return useMemo(() => {
    const aliases = new Map((graph?.nodes ?? []).map((n) => [n.id, n.aliases ?? []]));
    const notes = files
      .filter((f) => f.kind === 'note')
      .map((f) => ({ path: f.path, title: titleOf(f.path), aliases: aliases.get(f.path) ?? [] }));
    const prev = last.current;
    if (prev && sameNotes(prev.notes, notes)) return prev;
    const next = { notes, titles: notes.map((n) => n.title), completions: notes };
    last.current = next;
    return next;
  }, [files, graph]);
}
