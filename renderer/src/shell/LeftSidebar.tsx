/** The left sidebar: search, the file tree and the tags pane. */
import type { RefObject } from 'react';
import type { FileEntry, TagInfo } from '../../../electron/shared/api.ts';
import type { OpenOptions } from '../commands/context.ts';
import { FileTree } from '../components/FileTree.tsx';
import { SearchPane } from '../components/SearchPane.tsx';
import { TagsPane } from '../components/TagsPane.tsx';
import type { FileActions } from './file-actions.ts';

export interface LeftSidebarProps {
  hidden: boolean;
  /** The search box's query (`tag:x` when a tag was picked in the tags pane). */
  query: string;
  onQuery(q: string): void;
  searchInput: RefObject<HTMLInputElement | null>;
  onTag(tag: string): void;
  files: FileEntry[];
  tags: TagInfo[];
  activeNote: string | null;
  /** Bumped by "Create new note" (Ctrl/Cmd+N): the tree opens its inline name editor. */
  newNoteSignal: number;
  openNote(path: string, opts?: OpenOptions): void;
  /** The vault's root folder: the file tree remembers its expanded folders and sort order under it. */
  vaultRoot: string | null;
  revealInGraph(path: string): void;
  actions: FileActions;
}

export function LeftSidebar(p: LeftSidebarProps) {
  return (
    <aside className="sidebar left" aria-label="Left sidebar" hidden={p.hidden}>
      <SearchPane
        query={p.query}
        onQuery={p.onQuery}
        onOpen={(path, o) => p.openNote(path, o ?? { search: p.query })}
        inputRef={p.searchInput}
      />
      <FileTree
        files={p.files}
        vaultRoot={p.vaultRoot}
        currentPath={p.activeNote}
        newNoteSignal={p.newNoteSignal}
        onOpen={(path, o) => p.openNote(path, o)}
        onRevealInGraph={p.revealInGraph}
        onCreateNote={p.actions.createAndOpen}
        onCreateFolder={p.actions.createFolder}
        onRename={p.actions.rename}
        onDelete={p.actions.remove}
      />
      <TagsPane tags={p.tags} onTag={p.onTag} />
    </aside>
  );
}
