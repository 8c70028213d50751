/**
 * What the file tree, the quick switcher and links do to the vault's files: create, rename, delete, and follow a
 * wiki link (creating its note when it does not resolve, as Obsidian does). Each shows its error as an alert; the
 * tree's actions also rethrow it (the tree keeps its inline editor open then).
 */
import { useCallback, useMemo } from 'react';
import type { OpenOptions } from '../commands/context.ts';
import { api } from '../client.ts';
import * as W from '../workspace/tabs.ts';
import type { WorkspaceState } from './workspace-state.ts';

export interface FileActions {
  /** Creates an empty note (the backend may normalise the name, e.g. append `.md`) and opens it, cursor on line 1. */
  createAndOpen(path: string): Promise<void>;
  createFolder(path: string): Promise<void>;
  /** Saves open edits, renames (rewriting links) and moves the tabs along; notes whose links failed are reported. */
  rename(from: string, to: string): Promise<void>;
  /** Saves open edits, deletes the file or folder and closes its tabs. */
  remove(path: string): Promise<void>;
  /** Opens the target of a wiki link written in `fromPath` (`''` target: the note itself), creating it if missing. */
  followLink(fromPath: string, target: string, opts?: OpenOptions): Promise<void>;
}

export function useFileActions(
  workspace: Pick<WorkspaceState, 'openNote' | 'setWs' | 'flushAll' | 'moved'>,
  showError: (e: unknown) => void,
): FileActions {
  const { openNote, setWs, flushAll, moved } = workspace;

  const createAndOpen = useCallback(
    async (path: string) => {
      try {
        const created = await api.createNote(path, '');
        // Line 1 also puts the keyboard focus in the editor, so the new note can be typed into at once (Obsidian).
        openNote(created.path, 1);
      } catch (e) {
        showError(e);
        throw e;
      }
    },
    [openNote, showError],
  );

  const followLink = useCallback(
    async (fromPath: string, target: string, opts?: OpenOptions) => {
      try {
        // `[[#heading]]` points into the note itself.
        const resolved = target.trim() === '' ? fromPath : await api.resolveLink(fromPath, target);
        if (resolved) {
          openNote(resolved, opts);
          return;
        }
        // Obsidian's default for a new note from an unresolved link: the vault root, named as the link target.
        const created = await api.createNote(`${target}.md`, '');
        openNote(created.path, 1);
      } catch (e) {
        showError(e);
      }
    },
    [openNote, showError],
  );

  const createFolder = useCallback(
    async (path: string) => {
      try {
        await api.createFolder(path);
      } catch (e) {
        showError(e);
        throw e;
      }
    },
    [showError],
  );

  const rename = useCallback(
    async (from: string, to: string) => {
      try {
        await flushAll();
        const r = await api.renamePath(from, to);
        setWs((w) => W.remap(w, r.from, r.to));
        moved(r.from, r.to);
        // honest rename (issue 10): notes whose links could not be rewritten are named, never silently skipped
        if (r.failed.length) {
          showError(
            new Error(
              `Renamed to ${r.to}, but links in ${r.failed.length} note(s) could not be updated: ` +
                r.failed.map((f) => `${f.path} (${f.reason})`).join('; '),
            ),
          );
        }
      } catch (e) {
        showError(e);
        throw e;
      }
    },
    [flushAll, setWs, moved, showError],
  );

  const remove = useCallback(
    async (path: string) => {
      try {
        await flushAll();
        await api.deletePath(path);
        // Like closing a tab: a neighbouring tab becomes active rather than an empty editor.
        setWs((w) => W.forget(w, (p) => p === path || p.startsWith(`${path}/`)));
      } catch (e) {
        showError(e);
        throw e;
      }
    },
    [flushAll, setWs, showError],
  );

  return useMemo(
    () => ({ createAndOpen, createFolder, rename, remove, followLink }),
    [createAndOpen, createFolder, rename, remove, followLink],
  );
}
