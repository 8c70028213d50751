/**
 * The file tree's keys, handled once on role=tree (WAI-ARIA's tree view pattern, as VS Code's explorer): ↑/↓ move,
 * → expands a folder or enters it, ← collapses or goes to the parent, Home/End, PageUp/PageDown, Enter opens a note
 * or toggles a folder, Ctrl/Cmd+Enter opens in a new tab, F2 renames, Delete (Cmd+Backspace) asks to delete,
 * Shift+F10 / the ContextMenu key open the context menu, and other printable characters are type-ahead by name
 * (pinyin initials for Chinese names, `typeahead.ts`). Keys typed in a field (the rename field, the new-item form)
 * are left alone.
 */
import type { KeyboardEvent as ReactKeyboardEvent } from 'react';
import { titleOf } from '../paths.ts';
import type { TreeNode, TreeRow } from './tree-model.ts';
import { findTypeahead, type TypeaheadBuffer } from './typeahead.ts';

/** A row's name as shown: a note by its title, a folder or attachment by its file name. */
export const labelOf = (n: TreeNode) => (n.kind === 'note' ? titleOf(n.path) : n.name);

/** What the keys act on. */
export interface TreeKeyContext {
  /** The visible rows, top to bottom. */
  rows: readonly TreeRow[];
  /** Row index by path. */
  indexOf: ReadonlyMap<string, number>;
  /** The focused row's index, -1 when none. */
  cursorIndex: number;
  expanded: ReadonlySet<string>;
  /** Rows one PageUp/PageDown moves (at least 1). */
  page: number;
  typeahead: TypeaheadBuffer;
  /** Moves the cursor and the keyboard focus to a row. */
  focusRow(path: string): void;
  /** Expands (`open` true), collapses (false) or toggles a folder. */
  toggle(path: string, open?: boolean): void;
  onOpen(path: string, opts: { newTab?: boolean }): void;
  /** Runs a command of the registry for a row (`file-explorer:rename`, `file-explorer:delete`). */
  runFor(commandId: string, path: string): void;
  /** Opens the context menu on a row element, as if right-clicked below its label. */
  openMenuFromKeyboard(el: HTMLElement): void;
}

/** Handles a key pressed in the tree; a handled key is not passed on (preventDefault + stopPropagation). */
export function onTreeKeyDown(e: ReactKeyboardEvent<HTMLElement>, ctx: TreeKeyContext): void {
  if (e.target instanceof HTMLInputElement) return;
  const { rows, expanded } = ctx;
  const n = rows.length;
  if (n === 0) return;
  // The row the key was pressed on (focus may have been moved there without a click), else the cursor's.
  const on = (e.target as HTMLElement).closest<HTMLElement>('[role="treeitem"]')?.dataset.path;
  const i = (on !== undefined ? ctx.indexOf.get(on) : undefined) ?? Math.max(0, ctx.cursorIndex);
  const row = rows[i];
  const go = (j: number) => {
    const k = Math.max(0, Math.min(n - 1, j));
    ctx.focusRow(rows[k].node.path);
  };
  const isFolder = row.node.kind === 'folder';
  const open = isFolder && expanded.has(row.node.path);
  const mod = e.ctrlKey || e.metaKey;
  let handled = true;
  switch (e.key) {
    case 'ArrowDown':
      go(i + 1);
      break;
    case 'ArrowUp':
      go(i - 1);
      break;
    case 'Home':
      go(0);
      break;
    case 'End':
      go(n - 1);
      break;
    case 'PageDown':
      go(i + ctx.page);
      break;
    case 'PageUp':
      go(i - ctx.page);
      break;
    case 'ArrowRight':
      if (isFolder && !open) ctx.toggle(row.node.path, true);
      else if (isFolder && row.node.children.length) go(i + 1);
      break;
    case 'ArrowLeft':
      if (open) ctx.toggle(row.node.path, false);
      else if (row.parent >= 0) go(row.parent);
      break;
    case 'Enter':
      if (isFolder) ctx.toggle(row.node.path);
      else ctx.onOpen(row.node.path, { newTab: mod });
      break;
    case 'F2':
      ctx.runFor('file-explorer:rename', row.node.path);
      break;
    case 'Delete':
      ctx.runFor('file-explorer:delete', row.node.path);
      break;
    case 'Backspace':
      if (e.metaKey) ctx.runFor('file-explorer:delete', row.node.path);
      else handled = false;
      break;
    case 'ContextMenu':
      ctx.openMenuFromKeyboard(e.target as HTMLElement);
      break;
    case 'F10':
      if (e.shiftKey) ctx.openMenuFromKeyboard(e.target as HTMLElement);
      else handled = false;
      break;
    default:
      handled = false;
      if ([...e.key].length === 1 && !mod && !e.altKey && (e.key !== ' ' || ctx.typeahead.typing(performance.now()))) {
        const labels = rows.map((r) => labelOf(r.node));
        const prefix = ctx.typeahead.push(e.key, performance.now());
        let j = findTypeahead(labels, i, prefix);
        if (j < 0 && prefix.length > 1) {
          // Nothing starts with the whole run: the key starts a new one (as in VS Code's list type-ahead).
          ctx.typeahead.reset();
          j = findTypeahead(labels, i, ctx.typeahead.push(e.key, performance.now()));
        }
        if (j >= 0) go(j);
        handled = true;
      }
  }
  if (handled) {
    e.preventDefault();
    e.stopPropagation();
  }
}
