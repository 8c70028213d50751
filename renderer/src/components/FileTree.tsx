/**
 * The file tree region ("File tree"): the vault's folders, notes (named by title) and attachments as a WAI-ARIA tree
 * view (role=tree/treeitem with aria-level/-setsize/-posinset/-expanded/-selected), built as VS Code's explorer is: a
 * flat virtualised list of the visible rows (@tanstack/react-virtual), so a 10,000-note vault renders only the rows
 * on screen; folders start collapsed, the expanded set and the sort order are remembered per vault
 * (`tree/tree-prefs.ts`); the open note is revealed (its folders expanded, scrolled into view).
 *
 * Keyboard (WAI-ARIA tree pattern, one Tab stop by roving tabindex): ↑/↓ move, → expands a folder or enters it, ←
 * collapses or goes to the parent, Home/End, PageUp/PageDown, Enter opens a note or toggles a folder, Ctrl/Cmd+Enter
 * opens in a new tab, type-ahead by name (pinyin initials for Chinese names), F2 renames in place, Delete asks to
 * delete (the backend moves the file to `.trash`), Shift+F10 / the ContextMenu key open the context menu.
 * Every action is a command of the one registry (`file-explorer:*`), run for the row the menu was opened on, else the
 * focused row, else the open note. Notes can be dragged onto a folder (or the empty area: the vault root) to move them.
 */
import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual';
import {
  type FormEvent,
  type KeyboardEvent as ReactKeyboardEvent,
  useEffect,
  useEffectEvent,
  useMemo,
  useRef,
  useState,
} from 'react';
import { makeWikiLink } from '../../../electron/core/markdown/rewrite.ts';
import type { FileEntry } from '../../../electron/shared/api.ts';
import { useApiQuery } from '../backend/query.ts';
import { api } from '../client.ts';
import { runCommand, useCommands, type Command } from '../commands/registry.ts';
import { baseName, extOf, joinPath, parentFolder, pathFromInput, titleOf } from '../paths.ts';
import { DeleteDialog, type DeleteTarget } from '../tree/DeleteDialog.tsx';
import { SortMenu } from '../tree/SortMenu.tsx';
import { menuEntries, TreeContextMenu, type MenuEntry } from '../tree/TreeContextMenu.tsx';
import { ancestorsOf, buildTree, type SortOrder, type TreeNode, visibleRows } from '../tree/tree-model.ts';
import { loadTreePrefs, saveTreePrefs } from '../tree/tree-prefs.ts';
import { findTypeahead, TypeaheadBuffer } from '../tree/typeahead.ts';
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

/** Row height, px (fixed: the virtualiser needs no measuring). */
const ROW_HEIGHT = 24;
const DRAG_TYPE = 'application/x-atlas-path';

type Form = { mode: 'note' | 'folder'; target: string; value: string };

const labelOf = (n: TreeNode) => (n.kind === 'note' ? titleOf(n.path) : n.name);

export function FileTree(props: FileTreeProps) {
  const [prefs, setPrefs] = useState<{ root: string | null; expanded: Set<string>; sort: SortOrder }>(() => ({
    root: null,
    expanded: new Set(),
    sort: 'name-asc',
  }));
  // Load the vault's remembered state once its root is known (and again if another vault is opened).
  if (props.vaultRoot && prefs.root !== props.vaultRoot) {
    const p = loadTreePrefs(props.vaultRoot);
    // Folders opened before the vault's root was known (the open note's, the user's) stay open.
    setPrefs({
      root: props.vaultRoot,
      expanded: new Set([...p.expanded, ...(prefs.root === null ? prefs.expanded : [])]),
      sort: p.sort,
    });
  }
  const { expanded, sort } = prefs;
  useEffect(() => {
    if (prefs.root) saveTreePrefs(prefs.root, { expanded: [...prefs.expanded], sort: prefs.sort });
  }, [prefs]);
  const setExpanded = (f: (s: Set<string>) => Set<string>) =>
    setPrefs((p) => {
      const next = f(p.expanded);
      return next === p.expanded ? p : { ...p, expanded: next };
    });

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
    setPrefs((s) => {
      const missing = ancestorsOf(p).filter((f) => !s.expanded.has(f));
      return missing.length ? { ...s, expanded: new Set([...s.expanded, ...missing]) } : s;
    });
  }, [props.currentPath]);

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

  /** The shortest wiki link naming a note: its title when no other note has that title, else its path. */
  function wikiLinkTo(path: string): string {
    const title = titleOf(path);
    const twins = props.files.filter((f) => f.kind === 'note' && titleOf(f.path) === title).length;
    return makeWikiLink(twins > 1 ? path.replace(/\.md$/i, '') : title);
  }

  // ---- commands (the one registry; the context menu, the keys and the palette run these) ----
  const target = (app: { activePath: string | null }) => commandTarget.current ?? cursor ?? app.activePath;
  const fileTarget = (app: { activePath: string | null }) => {
    const t = target(app);
    return t && kindOf.has(t) ? t : null;
  };
  const commands: Command[] = [
    {
      id: 'file-explorer:new-note',
      name: 'New note in the selected folder',
      run: (app) => openForm('note', baseFolderOf(target(app))),
    },
    {
      id: 'file-explorer:new-folder',
      name: 'New folder',
      run: (app) => openForm('folder', baseFolderOf(target(app))),
    },
    {
      id: 'file-explorer:rename',
      name: 'Rename file',
      enabled: (app) => !!fileTarget(app),
      run: (app) => {
        const t = fileTarget(app);
        if (!t) return;
        restoreFocus.current = false;
        setExpanded((s) => new Set([...s, ...ancestorsOf(t)]));
        setCursor(t);
        setRenaming(t);
      },
    },
    {
      id: 'file-explorer:delete',
      name: 'Delete file',
      enabled: (app) => !!fileTarget(app),
      run: (app) => {
        const t = fileTarget(app);
        if (!t) return;
        restoreFocus.current = false;
        askDelete(t);
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
        if (t) props.onOpen(t, { newTab: true });
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
        if (t) props.onOpen(t, { split: true });
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
        if (t) props.onRevealInGraph(t);
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
        if (t) await navigator.clipboard.writeText(wikiLinkTo(t));
      },
    },
    {
      id: 'file-explorer:collapse-all',
      name: 'Collapse all folders',
      run: () => setExpanded((s) => (s.size ? new Set() : s)),
    },
    {
      id: 'file-explorer:reveal-active-file',
      name: 'Reveal current file in the file tree',
      enabled: (app) => !!app.activePath,
      run: (app) => {
        const p = app.activePath;
        if (!p) return;
        setExpanded((s) => new Set([...s, ...ancestorsOf(p)]));
        revealPending.current = p;
        focusRow(p);
      },
    },
    {
      id: 'file-explorer:focus',
      name: 'Focus the file tree',
      run: () => {
        if (cursor && indexOf.has(cursor)) focusRow(cursor);
        else scrollRef.current?.querySelector<HTMLElement>('[role="treeitem"][tabindex="0"]')?.focus();
      },
    },
  ];
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

  function onKeyDown(e: ReactKeyboardEvent<HTMLDivElement>) {
    if (e.target instanceof HTMLInputElement) return;
    const n = rows.length;
    if (n === 0) return;
    // The row the key was pressed on (focus may have been moved there without a click), else the cursor's.
    const on = (e.target as HTMLElement).closest<HTMLElement>('[role="treeitem"]')?.dataset.path;
    const i = (on !== undefined ? indexOf.get(on) : undefined) ?? Math.max(0, cursorIndex);
    const row = rows[i];
    const go = (j: number) => {
      const k = Math.max(0, Math.min(n - 1, j));
      focusRow(rows[k].node.path);
    };
    const isFolder = row.node.kind === 'folder';
    const open = isFolder && expanded.has(row.node.path);
    const mod = e.ctrlKey || e.metaKey;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
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
        go(i + page);
        break;
      case 'PageUp':
        go(i - page);
        break;
      case 'ArrowRight':
        if (isFolder && !open) toggle(row.node.path, true);
        else if (isFolder && row.node.children.length) go(i + 1);
        break;
      case 'ArrowLeft':
        if (open) toggle(row.node.path, false);
        else if (row.parent >= 0) go(row.parent);
        break;
      case 'Enter':
        if (isFolder) toggle(row.node.path);
        else props.onOpen(row.node.path, { newTab: mod });
        break;
      case 'F2':
        runFor('file-explorer:rename', row.node.path);
        break;
      case 'Delete':
        runFor('file-explorer:delete', row.node.path);
        break;
      case 'Backspace':
        if (e.metaKey) runFor('file-explorer:delete', row.node.path);
        else handled = false;
        break;
      case 'ContextMenu':
        openMenuFromKeyboard(e.target as HTMLElement);
        break;
      case 'F10':
        if (e.shiftKey) openMenuFromKeyboard(e.target as HTMLElement);
        else handled = false;
        break;
      default:
        handled = false;
        if (
          [...e.key].length === 1 &&
          !mod &&
          !e.altKey &&
          (e.key !== ' ' || typeahead.current.typing(performance.now()))
        ) {
          const labels = rows.map((r) => labelOf(r.node));
          const prefix = typeahead.current.push(e.key, performance.now());
          let j = findTypeahead(labels, i, prefix);
          if (j < 0 && prefix.length > 1) {
            // Nothing starts with the whole run: the key starts a new one (as in VS Code's list type-ahead).
            typeahead.current.reset();
            j = findTypeahead(labels, i, typeahead.current.push(e.key, performance.now()));
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

  const menuKind = menuTarget === null || menuTarget === '' ? null : (kindOf.get(menuTarget) ?? null);
  const entries = menuEntries(menuKind);
  const menuName = menuTarget ? (menuKind === 'note' ? titleOf(menuTarget) : baseName(menuTarget)) : 'vault root';

  const formLabel = form?.mode === 'note' ? 'New note' : 'New folder';
  return (
    <section aria-label="File tree" className="pane file-tree">
      <div className="toolbar">
        <button type="button" onClick={() => openForm('note', baseFolderOf(cursor))} title="New note (Ctrl+N)">
          New note
        </button>
        <button type="button" onClick={() => openForm('folder', baseFolderOf(cursor))}>
          New folder
        </button>
        <SortMenu order={sort} onChange={(s) => setPrefs((p) => ({ ...p, sort: s }))} />
        <button type="button" onClick={() => runCommand('file-explorer:collapse-all')} disabled={expanded.size === 0}>
          Collapse all
        </button>
      </div>
      {form ? (
        <form className="inline-form" aria-label={formLabel} onSubmit={(e) => void submit(e)}>
          <label>
            <span className="form-caption">
              {formLabel} in {form.target || 'vault root'}
            </span>
            <input
              ref={inputRef}
              aria-label="Name"
              value={form.value}
              onChange={(e) => setForm({ ...form, value: e.target.value })}
              onKeyDown={(e) => {
                if (e.key === 'Escape') setForm(null);
              }}
              placeholder={form.mode === 'folder' ? 'Folder name' : 'Note name, or folder/name'}
            />
          </label>
          <button type="submit" disabled={busy}>
            Create
          </button>
          <button type="button" onClick={() => setForm(null)}>
            Cancel
          </button>
        </form>
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
        }}
      >
        <div
          ref={scrollRef}
          role="tree"
          aria-label="Vault files"
          className="tree"
          onKeyDown={onKeyDown}
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
              const isOpen = isFolder && expanded.has(node.path);
              const selected = item.index === cursorIndex;
              const current = props.currentPath === node.path;
              return (
                // biome-ignore lint/a11y/useKeyWithClickEvents: the keys of all rows are handled once, by the tree (onKeyDown on role=tree, WAI-ARIA's tree pattern)
                <div
                  key={item.key}
                  role="treeitem"
                  data-index={item.index}
                  data-path={node.path}
                  tabIndex={item.index === tabStop ? 0 : -1}
                  aria-level={row.level}
                  aria-setsize={row.setSize}
                  aria-posinset={row.posInSet}
                  aria-expanded={isFolder ? isOpen : undefined}
                  aria-selected={selected}
                  aria-current={current ? 'page' : undefined}
                  title={node.path}
                  className={`tree-item ${node.kind}${selected ? ' selected' : ''}${current ? ' current' : ''}`}
                  style={{
                    transform: `translateY(${item.start}px)`,
                    height: ROW_HEIGHT,
                    paddingLeft: (row.level - 1) * 14 + 4,
                  }}
                  draggable={renaming !== node.path}
                  onDragStart={(e) => e.dataTransfer.setData(DRAG_TYPE, node.path)}
                  onDragOver={(e) => {
                    if (isFolder && e.dataTransfer.types.includes(DRAG_TYPE)) e.preventDefault();
                  }}
                  onDrop={(e) => {
                    if (!isFolder) return;
                    e.preventDefault();
                    e.stopPropagation();
                    void move(e.dataTransfer.getData(DRAG_TYPE), node.path);
                  }}
                  onClick={(e) => {
                    if (renaming === node.path) return;
                    setCursor(node.path);
                    if (isFolder) toggle(node.path);
                    else props.onOpen(node.path, { newTab: e.ctrlKey || e.metaKey });
                  }}
                  onAuxClick={(e) => {
                    if (e.button === 1 && !isFolder) props.onOpen(node.path, { newTab: true });
                  }}
                >
                  <span aria-hidden="true" className="twisty">
                    {isFolder ? (isOpen ? '▾' : '▸') : ''}
                  </span>
                  {renaming === node.path ? (
                    <RenameField
                      initial={labelOf(node)}
                      onCommit={(v) => commitRename(node.path, v)}
                      onCancel={() => {
                        setRenaming(null);
                        focusRow(node.path);
                      }}
                    />
                  ) : (
                    <span className="tree-label">{labelOf(node)}</span>
                  )}
                </div>
              );
            })}
          </div>
        </div>
      </TreeContextMenu>
    </section>
  );
}

function entryEnabled(entry: MenuEntry, target: string | null, kinds: ReadonlyMap<string, FileEntry['kind']>) {
  if (entry.command.startsWith('file-explorer:new-') || entry.command === 'file-explorer:collapse-all') return true;
  return !!target && kinds.has(target);
}

/** The in-place rename field: Enter or leaving it commits, Escape cancels (VS Code and Obsidian). */
function RenameField(props: { initial: string; onCommit(value: string): Promise<boolean>; onCancel(): void }) {
  const [value, setValue] = useState(props.initial);
  const done = useRef(false);
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);
  const commit = () => {
    if (done.current) return;
    done.current = true;
    // Only a failed rename re-arms the field (for a correction): after a success the field is leaving, and the blur of
    // its unmount must not rename the old path a second time (that raised a "Not found" alert).
    void props.onCommit(value).then((ok) => {
      if (!ok) done.current = false;
    });
  };
  return (
    <input
      ref={ref}
      className="tree-rename"
      aria-label="New name"
      value={value}
      onChange={(e) => setValue(e.target.value)}
      onClick={(e) => e.stopPropagation()}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') {
          e.preventDefault();
          commit();
        } else if (e.key === 'Escape') {
          e.preventDefault();
          done.current = true;
          props.onCancel();
        }
      }}
      onBlur={() => {
        if (!done.current) commit();
      }}
    />
  );
}
