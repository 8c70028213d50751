/**
 * The file tree region ("File tree"): the vault's folders, notes (named by title) and attachments as a WAI-ARIA tree
 * view (role=tree/treeitem with aria-level/-setsize/-posinset/-expanded/-selected), built as VS Code's explorer is: a
 * flat virtualised list of the visible rows (@tanstack/react-virtual), so a 10,000-note vault renders only the rows
 * on screen; folders start collapsed, the expanded set and the sort order are remembered per vault
 * (`tree/use-tree-prefs.ts`); the open note is revealed (its folders expanded, scrolled into view).
 *
 * Keyboard (WAI-ARIA tree pattern, one Tab stop by roving tabindex; `tree/tree-keys.ts`): ↑/↓ move, → expands a
 * folder or enters it, ← collapses or goes to the parent, Home/End, PageUp/PageDown, Enter opens a note or toggles a
 * folder, Ctrl/Cmd+Enter opens in a new tab, type-ahead by name (pinyin initials for Chinese names), F2 renames in
 * place (`tree/RenameField.tsx`), Delete asks to delete (the backend moves the file to `.trash`), Shift+F10 / the
 * ContextMenu key open the context menu. Every action is a command of the one registry (`file-explorer:*`,
 * `tree/tree-commands.ts`), run for the row the menu was opened on, else the focused row, else the open note. Notes
 * can be dragged onto a folder (or the empty area: the vault root) to move them. This component holds the tree's
 * state and wires these pieces; rows are `tree/TreeRow.tsx`, the new-item form `tree/NewItemForm.tsx`.
 */
import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual';
import { type FormEvent, useEffect, useEffectEvent, useMemo, useRef, useState } from 'react';
import type { FileEntry } from '../../../electron/shared/api.ts';
import { useApiQuery } from '../backend/query.ts';
import { api } from '../client.ts';
import { runCommand, useCommands } from '../commands/registry.ts';
import { baseName, extOf, joinPath, parentFolder, pathFromInput, titleOf } from '../paths.ts';
import { DeleteDialog, type DeleteTarget } from '../tree/DeleteDialog.tsx';
import { NewItemForm } from '../tree/NewItemForm.tsx';
import { SortMenu } from '../tree/SortMenu.tsx';
import { fileTreeCommands } from '../tree/tree-commands.ts';
import { TreeContextMenu, entryEnabled, menuEntries, type MenuEntry } from '../tree/TreeContextMenu.tsx';
import { onTreeKeyDown } from '../tree/tree-keys.ts';
import { ancestorsOf, buildTree, visibleRows } from '../tree/tree-model.ts';
import { DRAG_TYPE, ROW_HEIGHT, TreeRow } from '../tree/TreeRow.tsx';
import { TypeaheadBuffer } from '../tree/typeahead.ts';
import { useTreePrefs } from '../tree/use-tree-prefs.ts';
import '../tree/tree.css';

export interface FileTreeProps {
  files: FileEntry[];
  /** The vault's root folder (the key the expanded folders and sort order are remembered under), or null. */
  vaultRoot: string | null;
  currentPath: string | null;
  /** Bumped by Ctrl/Cmd+N to open the "New note" form. */
  newNoteSignal: number;
  /** Opens a note; `newTab` for Ctrl/Cmd-click, Ctrl/Cmd+Enter or a middle click; `split` for "Open to the right". */
  onOpen(path: string, opts?: { newTab?: boolean; split?: boolean }): void;
  /** "Reveal in graph": shows the graph view centred on the note. */
  onRevealInGraph(path: string): void;
  onCreateNote(path: string): Promise<void>;
  onCreateFolder(path: string): Promise<void>;
  onRename(from: string, to: string): Promise<void>;
  onDelete(path: string): Promise<void>;
}

type Form = { mode: 'note' | 'folder'; target: string; value: string };

export function FileTree(props: FileTreeProps) {
  const { expanded, sort, setExpanded, setSort } = useTreePrefs(props.vaultRoot);

  // Creation times are asked for only while a "Created time" order is chosen (a stat of every file).
  const created = useApiQuery<Record<string, number>>(sort.startsWith('ctime') ? ['fileCreatedTimes'] : null, () =>
    api.fileCreatedTimes(),
  ).data;
  const times = useMemo(
    () => (created ? new Map(Object.entries(created).map(([p, t]) => [p, { ctimeMs: t }])) : undefined),
    [created],
  );
  const root = useMemo(() => buildTree(props.files, sort, times), [props.files, sort, times]);
  const rows = useMemo(() => visibleRows(root, expanded), [root, expanded]);
  const indexOf = useMemo(() => new Map(rows.map((r, i) => [r.node.path, i])), [rows]);
  const kindOf = useMemo(() => new Map(props.files.map((f) => [f.path, f.kind])), [props.files]);

  /** The focused (and selected) row's path: the roving tabindex target. */
  const [cursor, setCursor] = useState<string | null>(null);
  const cursorIndex = cursor === null ? -1 : (indexOf.get(cursor) ?? -1);
  const tabStop = Math.max(0, cursorIndex);
  const [renaming, setRenaming] = useState<string | null>(null);
  const renamingIndex = renaming === null ? -1 : (indexOf.get(renaming) ?? -1);
  const [form, setForm] = useState<Form | null>(null);
  const [confirmDelete, setConfirmDelete] = useState<DeleteTarget | null>(null);
  const [busy, setBusy] = useState(false);
  /** The row the context menu is open on ('' = the empty area, the vault root), null when closed. */
  const [menuTarget, setMenuTarget] = useState<string | null>(null);
  const [menuByKeyboard, setMenuByKeyboard] = useState(false);
  /** The path commands act on while one runs from the menu. */
  const commandTarget = useRef<string | null>(null);
  const restoreFocus = useRef(true);
  const inputRef = useRef<HTMLInputElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const typeahead = useRef(new TypeaheadBuffer());
  /** Set by keyboard moves: focus this row after the render that shows it. */
  const focusPending = useRef(false);
  /** Set when the open note changes: scroll it into view once its row exists. */
  const revealPending = useRef<string | null>(null);

  // The focused and the renaming row stay rendered even when scrolled away, so focus is never lost to <body>.
  const keep = useRef<number[]>([]);
  keep.current = [cursorIndex, renamingIndex].filter((i) => i >= 0);
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (i) => rows[i]?.node.path ?? i,
    rangeExtractor: (range) => {
      const out = defaultRangeExtractor(range);
      for (const k of keep.current) if (k < range.count && !out.includes(k)) out.push(k);
      return out.sort((a, b) => a - b);
    },
  });

  // Follow the open note: select it, expand its folders, scroll it into view (without taking the focus).
  useEffect(() => {
    const p = props.currentPath;
    if (!p) return;
    setCursor(p);
    revealPending.current = p;
    setExpanded((s) => {
      const missing = ancestorsOf(p).filter((f) => !s.has(f));
      return missing.length ? new Set([...s, ...missing]) : s;
    });
  }, [props.currentPath, setExpanded]);

  // Runs after the effect above in the same commit (and again when rows change, until the note's row exists).
  useEffect(() => {
    const p = revealPending.current;
    if (p === null) return;
    // Only the open note is revealed: a request for a note no longer open, or not in the vault, is dropped.
    if (p !== props.currentPath || (kindOf.size > 0 && !kindOf.has(p))) {
      revealPending.current = null;
      return;
    }
    const i = indexOf.get(p);
    if (i === undefined) return;
    revealPending.current = null;
    virtual.scrollToIndex(i, { align: 'auto' });
  }, [indexOf, kindOf, virtual, props.currentPath]);

  useEffect(() => {
    if (!focusPending.current || cursor === null || cursorIndex < 0) return;
    virtual.scrollToIndex(cursorIndex, { align: 'auto' });
    const el = scrollRef.current?.querySelector<HTMLElement>(`[data-path="${CSS.escape(cursor)}"]`);
    if (!el) return; // rendered on the next pass (the virtualiser keeps the cursor's row)
    focusPending.current = false;
    el.focus({ preventScroll: true });
  });

  const onNewNoteSignal = useEffectEvent(() => openForm('note', baseFolderOf(cursor)));
  useEffect(() => {
    if (props.newNoteSignal > 0) onNewNoteSignal();
  }, [props.newNoteSignal]);

  const formKey = form ? `${form.mode}:${form.target}` : null;
  useEffect(() => {
    if (formKey !== null) inputRef.current?.focus();
  }, [formKey]);

  /** The folder new items go into for a row: the folder itself, or a file's folder. */
  function baseFolderOf(path: string | null): string {
    if (!path) return '';
    return kindOf.get(path) === 'folder' ? path : parentFolder(path);
  }

  function openForm(mode: Form['mode'], folder: string) {
    setForm({ mode, target: folder, value: '' });
  }

  /** Moves the cursor to `path` and the keyboard focus with it (now when its row is rendered, else after render). */
  function focusRow(path: string) {
    setCursor(path);
    focusPending.current = true;
    const el = scrollRef.current?.querySelector<HTMLElement>(`[data-path="${CSS.escape(path)}"]`);
    if (el && indexOf.has(path)) {
      focusPending.current = false;
      el.focus({ preventScroll: true });
      virtual.scrollToIndex(indexOf.get(path) ?? 0, { align: 'auto' });
    }
  }
  /** The row to focus when the delete dialog closes. */
  const focusAfterDialog = useRef<string | null>(null);

  function toggle(path: string, open?: boolean) {
    setExpanded((s) => {
      const isOpen = s.has(path);
      if (open === isOpen) return s;
      const n = new Set(s);
      if (isOpen) n.delete(path);
      else n.add(path);
      return n;
    });
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!form?.value.trim()) return;
    setBusy(true);
    try {
      if (form.mode === 'note') await props.onCreateNote(pathFromInput(form.value, form.target, '.md'));
      else {
        const path = pathFromInput(form.value, form.target, '');
        await props.onCreateFolder(path);
        setExpanded((s) => new Set([...s, ...ancestorsOf(path)]));
      }
      setForm(null);
    } catch {
      // The app shows the error as an alert; the form stays so the name can be corrected.
    } finally {
      setBusy(false);
    }
  }

  /** Commits an in-place rename; false when it failed (the field stays for a correction). */
  async function commitRename(from: string, value: string): Promise<boolean> {
    const kind = kindOf.get(from) ?? 'note';
    const name = value.trim();
    const old = kind === 'note' ? titleOf(from) : baseName(from);
    if (!name || name === old) {
      setRenaming(null);
      focusRow(from);
      return true;
    }
    const to = pathFromInput(name, parentFolder(from), kind === 'folder' ? '' : extOf(from));
    try {
      await props.onRename(from, to);
      setRenaming(null);
      if (kind === 'folder' && expanded.has(from)) toggle(to, true);
      focusRow(to);
      return true;
    } catch {
      /* shown as an alert by the app; the field stays */
      return false;
    }
  }

  async function move(from: string, folder: string) {
    const to = joinPath(folder, baseName(from));
    if (!from || to === from || folder === from || folder.startsWith(`${from}/`)) return;
    try {
      await props.onRename(from, to);
    } catch {
      /* shown as an alert by the app */
    }
  }

  function askDelete(path: string) {
    const kind = kindOf.get(path) ?? 'note';
    const notesInside =
      kind === 'folder' ? props.files.filter((f) => f.kind === 'note' && f.path.startsWith(`${path}/`)).length : 0;
    setConfirmDelete({ path, kind, notesInside });
  }

  // ---- commands (the one registry; the context menu, the keys and the palette run these: tree/tree-commands.ts) ----
  const commands = fileTreeCommands({
    target: (app) => commandTarget.current ?? cursor ?? app.activePath,
    kindOf,
    files: props.files,
    baseFolderOf,
    openForm,
    startRename: (t) => {
      restoreFocus.current = false;
      setExpanded((s) => new Set([...s, ...ancestorsOf(t)]));
      setCursor(t);
      setRenaming(t);
    },
    askDelete: (t) => {
      restoreFocus.current = false;
      askDelete(t);
    },
    onOpen: props.onOpen,
    onRevealInGraph: props.onRevealInGraph,
    collapseAll: () => setExpanded((s) => (s.size ? new Set() : s)),
    reveal: (p) => {
      setExpanded((s) => new Set([...s, ...ancestorsOf(p)]));
      revealPending.current = p;
      focusRow(p);
    },
    focus: () => {
      if (cursor && indexOf.has(cursor)) focusRow(cursor);
      else scrollRef.current?.querySelector<HTMLElement>('[role="treeitem"][tabindex="0"]')?.focus();
    },
  });
  useCommands(commands);

  /** Runs a command of the registry for `path` (the menu's row); `review:*` commands get it as the active note. */
  function runFor(id: string, path: string | null) {
    if (id.startsWith('file-explorer:')) {
      commandTarget.current = path;
      try {
        runCommand(id);
      } finally {
        commandTarget.current = null;
      }
    } else if (path) runCommand(id, { activePath: path });
  }

  function openMenuFromKeyboard(el: HTMLElement) {
    const r = el.getBoundingClientRect();
    setMenuByKeyboard(true);
    el.dispatchEvent(
      new MouseEvent('contextmenu', {
        bubbles: true,
        cancelable: true,
        clientX: r.left + Math.min(40, r.width / 2),
        clientY: r.bottom,
      }),
    );
  }

  const menuKind = menuTarget === null || menuTarget === '' ? null : (kindOf.get(menuTarget) ?? null);
  const entries = menuEntries(menuKind);
  const menuName = menuTarget ? (menuKind === 'note' ? titleOf(menuTarget) : baseName(menuTarget)) : 'vault root';

  return (
    <section aria-label="File tree" className="pane file-tree">
      <div className="toolbar">
        <button type="button" onClick={() => openForm('note', baseFolderOf(cursor))} title="New note (Ctrl+N)">
          New note
        </button>
        <button type="button" onClick={() => openForm('folder', baseFolderOf(cursor))}>
          New folder
        </button>
        <SortMenu order={sort} onChange={setSort} />
        <button type="button" onClick={() => runCommand('file-explorer:collapse-all')} disabled={expanded.size === 0}>
          Collapse all
        </button>
      </div>
      {form ? (
        <NewItemForm
          mode={form.mode}
          folder={form.target}
          value={form.value}
          busy={busy}
          inputRef={inputRef}
          onChange={(value) => setForm({ ...form, value })}
          onSubmit={(e) => void submit(e)}
          onCancel={() => setForm(null)}
        />
      ) : null}
      <DeleteDialog
        target={confirmDelete}
        onCancel={() => {
          // Also called after "Delete" (Radix closes through onOpenChange): keep the row onConfirm picked.
          focusAfterDialog.current ??= confirmDelete?.path ?? null;
          setConfirmDelete(null);
        }}
        onCloseFocus={() => {
          const p = focusAfterDialog.current;
          focusAfterDialog.current = null;
          if (p && indexOf.has(p)) focusRow(p);
        }}
        onConfirm={() => {
          const t = confirmDelete;
          setConfirmDelete(null);
          if (!t) return;
          // Focus moves to the row that takes the deleted one's place (VS Code).
          const i = indexOf.get(t.path) ?? -1;
          const after = rows.slice(i + 1).find((r) => !r.node.path.startsWith(`${t.path}/`));
          const next = after ?? (i > 0 ? rows[i - 1] : undefined);
          focusAfterDialog.current = next?.node.path ?? null;
          void props.onDelete(t.path).catch(() => undefined);
        }}
      />
      <TreeContextMenu
        entries={entries}
        label={`Actions for ${menuName}`}
        focusFirst={menuByKeyboard}
        onOpenChange={(o) => {
          if (!o) {
            setMenuByKeyboard(false);
            return;
          }
          restoreFocus.current = true;
        }}
        enabled={(entry) => entryEnabled(entry, menuTarget, kindOf)}
        onChoose={(entry: MenuEntry) => runFor(entry.command, menuTarget === '' ? null : menuTarget)}
        onCloseFocus={() => {
          const t = menuTarget;
          setMenuTarget(null);
          if (restoreFocus.current && t && indexOf.has(t)) focusRow(t);
          // "Rename": the field mounted while the menu still held the focus; give it the focus once the menu is gone
          else
            requestAnimationFrame(() =>
              scrollRef.current?.querySelector<HTMLInputElement>('input.tree-rename')?.focus(),
            );
        }}
      >
        <div
          ref={scrollRef}
          role="tree"
          aria-label="Vault files"
          className="tree"
          onKeyDown={(e) =>
            onTreeKeyDown(e, {
              rows,
              indexOf,
              cursorIndex,
              expanded,
              page: Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1),
              typeahead: typeahead.current,
              focusRow,
              toggle,
              onOpen: props.onOpen,
              runFor,
              openMenuFromKeyboard,
            })
          }
          onFocus={(e) => {
            // Roving tabindex: the focused row becomes the Tab stop, however it got the focus.
            const p = (e.target as HTMLElement).dataset.path;
            if (p !== undefined && p !== cursor && e.target.getAttribute('role') === 'treeitem') setCursor(p);
          }}
          onContextMenu={(e) => {
            const rowEl = (e.target as HTMLElement).closest<HTMLElement>('[role="treeitem"]');
            const path = rowEl?.dataset.path ?? '';
            setMenuTarget(path);
            if (path) setCursor(path);
          }}
          onDragOver={(e) => {
            if (e.dataTransfer.types.includes(DRAG_TYPE)) e.preventDefault();
          }}
          onDrop={(e) => {
            e.preventDefault();
            void move(e.dataTransfer.getData(DRAG_TYPE), '');
          }}
        >
          <div className="tree-rows" style={{ height: virtual.getTotalSize() }}>
            {virtual.getVirtualItems().map((item) => {
              const row = rows[item.index];
              if (!row) return null;
              const { node } = row;
              const isFolder = node.kind === 'folder';
              return (
                <TreeRow
                  key={item.key}
                  row={row}
                  index={item.index}
                  start={item.start}
                  tabStop={item.index === tabStop}
                  selected={item.index === cursorIndex}
                  current={props.currentPath === node.path}
                  open={isFolder && expanded.has(node.path)}
                  renaming={renaming === node.path}
                  onActivate={(e) => {
                    setCursor(node.path);
                    if (isFolder) toggle(node.path);
                    else props.onOpen(node.path, { newTab: e.ctrlKey || e.metaKey });
                  }}
                  onOpenNewTab={() => props.onOpen(node.path, { newTab: true })}
                  onDropPath={(from) => void move(from, node.path)}
                  onCommitRename={(v) => commitRename(node.path, v)}
                  onCancelRename={() => {
                    setRenaming(null);
                    focusRow(node.path);
                  }}
                />
              );
            })}
          </div>
        </div>
      </TreeContextMenu>
    </section>
  );
}
