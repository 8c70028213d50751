/** The vault's note names for the quick switcher, `[[` completion and the properties pane: title and aliases. */
import { useMemo } from 'react';
import type { FileEntry, GraphData } from '../../../electron/shared/api.ts';
import type { SwitcherNote } from '../palette/QuickSwitcher.tsx';
import { titleOf } from '../paths.ts';

export interface NoteNames {
  /** Every note: path, title (file name without `.md`) and aliases (from the graph's nodes). */
  notes: SwitcherNote[];
  /** Titles only. */
  titles: string[];
  /** Title, aliases and path (for `[[` completion: the same list as `notes`, so it shares the switcher's targets). */
  completions: { title: string; aliases: string[]; path: string }[];
}

export function useNoteNames(files: FileEntry[], graph: GraphData | null): NoteNames {
  return useMemo(() => {
    const aliases = new Map((graph?.nodes ?? []).map((n) => [n.id, n.aliases ?? []]));
    const notes = files
      .filter((f) => f.kind === 'note')
      .map((f) => ({ path: f.path, title: titleOf(f.path), aliases: aliases.get(f.path) ?? [] }));
    return {
      notes,
      titles: notes.map((n) => n.title),
      completions: notes,
    };
  }, [files, graph]);
}
