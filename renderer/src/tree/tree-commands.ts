/**
 * The file tree's commands (`file-explorer:*`) in the one registry: the context menu, the tree's keys and the command
 * palette run these. Each acts on the row the menu was opened on, else the focused row, else the open note
 * (`FileTreeCommandContext.target`); the tree registers them while it is mounted (`useCommands`).
 */
import { makeWikiLink } from '../../../electron/core/markdown/rewrite.ts';
import type { FileEntry } from '../../../electron/shared/api.ts';
import type { Command } from '../commands/registry.ts';
import type { AppContext } from '../commands/context.ts';
import { titleOf } from '../paths.ts';

/** What the commands need of the tree. */
export interface FileTreeCommandContext {
  /** The path a command acts on: the menu's row, else the focused row, else the app's open note (or null). */
  target(app: AppContext): string | null;
  /** Kind of every vault path (files and folders). */
  kindOf: ReadonlyMap<string, FileEntry['kind']>;
  files: readonly FileEntry[];
  /** The folder new items go into for a row ('' = the vault root). */
  baseFolderOf(path: string | null): string;
  openForm(mode: 'note' | 'folder', folder: string): void;
  /** Reveals the row and opens its in-place rename field. */
  startRename(path: string): void;
  /** Asks whether to delete the row (the delete dialog). */
  askDelete(path: string): void;
  onOpen(path: string, opts: { newTab?: boolean; split?: boolean }): void;
  onRevealInGraph(path: string): void;
  collapseAll(): void;
  /** Expands the folders of `path`, scrolls its row into view and focuses it. */
  reveal(path: string): void;
  /** Moves the keyboard focus into the tree (its focused row). */
  focus(): void;
}

/** The shortest wiki link naming a note: its title when no other note has that title, else its path. */
export function wikiLinkTo(path: string, files: readonly FileEntry[]): string {
  const title = titleOf(path);
  const twins = files.filter((f) => f.kind === 'note' && titleOf(f.path) === title).length;
  return makeWikiLink(twins > 1 ? path.replace(/\.md$/i, '') : title);
}

export function fileTreeCommands(ctx: FileTreeCommandContext): Command[] {
  const { kindOf } = ctx;
  const fileTarget = (app: AppContext) => {
    const t = ctx.target(app);
    return t && kindOf.has(t) ? t : null;
  };
  return [
    {
      id: 'file-explorer:new-note',
      name: 'New note in the selected folder',
      run: (app) => ctx.openForm('note', ctx.baseFolderOf(ctx.target(app))),
    },
    {
      id: 'file-explorer:new-folder',
      name: 'New folder',
      run: (app) => ctx.openForm('folder', ctx.baseFolderOf(ctx.target(app))),
    },
    {
      id: 'file-explorer:rename',
      name: 'Rename file',
      enabled: (app) => !!fileTarget(app),
      run: (app) => {
        const t = fileTarget(app);
        if (t) ctx.startRename(t);
      },
    },
    {
      id: 'file-explorer:delete',
      name: 'Delete file',
      enabled: (app) => !!fileTarget(app),
      run: (app) => {
        const t = fileTarget(app);
        if (t) ctx.askDelete(t);
      },
    },
    {
      id: 'file-explorer:open-new-tab',
      name: 'Open in new tab',
      enabled: (app) => {
        const t = fileTarget(app);
        return !!t && kindOf.get(t) !== 'folder';
      },
      run: (app) => {
        const t = fileTarget(app);
        if (t) ctx.onOpen(t, { newTab: true });
      },
    },
    {
      id: 'file-explorer:open-right',
      name: 'Open to the right',
      enabled: (app) => {
        const t = fileTarget(app);
        return !!t && kindOf.get(t) !== 'folder';
      },
      run: (app) => {
        const t = fileTarget(app);
        if (t) ctx.onOpen(t, { split: true });
      },
    },
    {
      id: 'file-explorer:reveal-in-graph',
      name: 'Reveal in graph',
      enabled: (app) => {
        const t = fileTarget(app);
        return !!t && kindOf.get(t) === 'note';
      },
      run: (app) => {
        const t = fileTarget(app);
        if (t) ctx.onRevealInGraph(t);
      },
    },
    {
      id: 'file-explorer:copy-path',
      name: 'Copy file path',
      enabled: (app) => !!fileTarget(app),
      run: async (app) => {
        const t = fileTarget(app);
        if (t) await navigator.clipboard.writeText(t);
      },
    },
    {
      id: 'file-explorer:copy-link',
      name: 'Copy wiki link to note',
      enabled: (app) => {
        const t = fileTarget(app);
        return !!t && kindOf.get(t) === 'note';
      },
      run: async (app) => {
        const t = fileTarget(app);
        if (t) await navigator.clipboard.writeText(wikiLinkTo(t, ctx.files));
      },
    },
    {
      id: 'file-explorer:collapse-all',
      name: 'Collapse all folders',
      run: () => ctx.collapseAll(),
    },
    {
      id: 'file-explorer:reveal-active-file',
      name: 'Reveal current file in the file tree',
      enabled: (app) => !!app.activePath,
      run: (app) => {
        if (app.activePath) ctx.reveal(app.activePath);
      },
    },
    {
      id: 'file-explorer:focus',
      name: 'Focus the file tree',
      run: () => ctx.focus(),
    },
  ];
}
