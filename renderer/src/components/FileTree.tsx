/**
 * The file tree region: folders (expandable), notes (named by title) and attachments, with "New note", "New folder",
 * "Rename" (a name containing `/` moves: it is a vault path) and "Delete" (confirmed in the page; the backend moves
 * the file to `.trash`). Notes can be dragged onto a folder (or the vault root) to move them. Names are asked for in
 * a small inline form, never `window.prompt`.
 */
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { FileEntry } from '../../../electron/shared/api.ts';
import { baseName, extOf, joinPath, parentFolder, pathFromInput, titleOf } from '../paths.ts';

export interface FileTreeProps {
  files: FileEntry[];
  currentPath: string | null;
  /** Bumped by Ctrl/Cmd+N to open the "New note" form. */
  newNoteSignal: number;
  /** Opens a note; `newTab` for Ctrl/Cmd-click or a middle click (Obsidian). */
  onOpen(path: string, newTab?: boolean): void;
  onCreateNote(path: string): Promise<void>;
  onCreateFolder(path: string): Promise<void>;
  onRename(from: string, to: string): Promise<void>;
  onDelete(path: string): Promise<void>;
}

interface TreeNode {
  name: string;
  path: string;
  kind: FileEntry['kind'];
  children: TreeNode[];
}

function buildTree(files: FileEntry[]): TreeNode[] {
  const root: TreeNode = { name: '', path: '', kind: 'folder', children: [] };
  const folders = new Map<string, TreeNode>([['', root]]);
  const folderNode = (path: string): TreeNode => {
    let f = folders.get(path);
    if (f) return f;
    f = { name: baseName(path), path, kind: 'folder', children: [] };
    folders.set(path, f);
    folderNode(parentFolder(path)).children.push(f);
    return f;
  };
  for (const f of files) {
    // Dot-folders (.trash, .obsidian, the app's cache) are not part of the vault's content.
    if (f.path.split('/').some((seg) => seg.startsWith('.'))) continue;
    if (f.kind === 'folder') folderNode(f.path);
    else
      folderNode(parentFolder(f.path)).children.push({
        name: baseName(f.path),
        path: f.path,
        kind: f.kind,
        children: [],
      });
  }
  const sort = (n: TreeNode) => {
    n.children.sort((a, b) =>
      (a.kind === 'folder') !== (b.kind === 'folder')
        ? a.kind === 'folder'
          ? -1
          : 1
        : a.name.localeCompare(b.name, undefined, { numeric: true, sensitivity: 'base' }),
    );
    n.children.forEach(sort);
  };
  sort(root);
  return root.children;
}

type Form = { mode: 'note' | 'folder' | 'rename'; target: string; value: string };

export function FileTree(props: FileTreeProps) {
  const tree = useMemo(() => buildTree(props.files), [props.files]);
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const initialised = useRef(false);
  const [selected, setSelected] = useState<{ path: string; kind: FileEntry['kind'] } | null>(null);
  const [form, setForm] = useState<Form | null>(null);
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  // Small vaults start fully expanded; big ones collapsed (thousands of rows help nobody).
  useEffect(() => {
    if (initialised.current || props.files.length === 0) return;
    initialised.current = true;
    if (props.files.length <= 400) {
      setExpanded(new Set(props.files.filter((f) => f.kind === 'folder').map((f) => f.path)));
    }
  }, [props.files]);

  // Follow the active note: select it and expand its folders.
  useEffect(() => {
    const p = props.currentPath;
    if (!p) return;
    setSelected({ path: p, kind: 'note' });
    setExpanded((s) => {
      const n = new Set(s);
      for (let f = parentFolder(p); f; f = parentFolder(f)) n.add(f);
      return n.size === s.size ? s : n;
    });
  }, [props.currentPath]);

  useEffect(() => {
    if (props.newNoteSignal > 0) openForm('note');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.newNoteSignal]);

  useEffect(() => {
    if (form) inputRef.current?.focus();
  }, [form?.mode, form?.target]);

  /** Folder new items go into: the selected folder, or the selected file's folder. */
  const baseFolder = selected ? (selected.kind === 'folder' ? selected.path : parentFolder(selected.path)) : '';

  function openForm(mode: Form['mode']) {
    if (mode === 'rename') {
      if (!selected) return;
      setForm({
        mode,
        target: selected.path,
        value: selected.kind === 'note' ? titleOf(selected.path) : baseName(selected.path),
      });
    } else {
      setForm({ mode, target: baseFolder, value: '' });
    }
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!form || !form.value.trim()) return;
    setBusy(true);
    try {
      if (form.mode === 'note') await props.onCreateNote(pathFromInput(form.value, form.target, '.md'));
      else if (form.mode === 'folder') await props.onCreateFolder(pathFromInput(form.value, form.target, ''));
      else {
        const kind = props.files.find((f) => f.path === form.target)?.kind ?? 'note';
        const ext = kind === 'folder' ? '' : extOf(form.target);
        const to = pathFromInput(form.value, parentFolder(form.target), ext);
        if (to !== form.target) await props.onRename(form.target, to);
      }
      setForm(null);
    } catch {
      // The app shows the error as an alert; the form stays so the name can be corrected.
    } finally {
      setBusy(false);
    }
  }

  async function move(from: string, folder: string) {
    const to = joinPath(folder, baseName(from));
    if (to === from || folder === from || folder.startsWith(`${from}/`)) return;
    try {
      await props.onRename(from, to);
    } catch {
      /* shown as an alert by the app */
    }
  }

  function toggle(path: string) {
    setExpanded((s) => {
      const n = new Set(s);
      if (n.has(path)) n.delete(path);
      else n.add(path);
      return n;
    });
  }

  function renderNode(node: TreeNode, level: number) {
    const isSel = selected?.path === node.path;
    if (node.kind === 'folder') {
      const open = expanded.has(node.path);
      return (
        <li key={node.path} role="none">
          <button
            type="button"
            role="treeitem"
            aria-level={level}
            aria-expanded={open}
            aria-selected={isSel}
            className={`tree-item folder${isSel ? ' selected' : ''}`}
            style={{ paddingLeft: `${(level - 1) * 12 + 4}px` }}
            onClick={() => {
              toggle(node.path);
              setSelected({ path: node.path, kind: 'folder' });
            }}
            onDragOver={(e) => {
              if (e.dataTransfer.types.includes('application/x-atlas-path')) e.preventDefault();
            }}
            onDrop={(e) => {
              e.preventDefault();
              e.stopPropagation();
              void move(e.dataTransfer.getData('application/x-atlas-path'), node.path);
            }}
            draggable
            onDragStart={(e) => e.dataTransfer.setData('application/x-atlas-path', node.path)}
          >
            <span aria-hidden="true" className="twisty">
              {open ? '▾' : '▸'}
            </span>
            {node.name}
          </button>
          {open ? <ul role="group">{node.children.map((c) => renderNode(c, level + 1))}</ul> : null}
        </li>
      );
    }
    const label = node.kind === 'note' ? titleOf(node.path) : node.name;
    return (
      <li key={node.path} role="none">
        <button
          type="button"
          role="treeitem"
          aria-level={level}
          aria-selected={isSel}
          aria-current={props.currentPath === node.path ? 'page' : undefined}
          className={`tree-item ${node.kind}${isSel ? ' selected' : ''}${props.currentPath === node.path ? ' current' : ''}`}
          style={{ paddingLeft: `${(level - 1) * 12 + 18}px` }}
          title={node.path}
          draggable
          onDragStart={(e) => e.dataTransfer.setData('application/x-atlas-path', node.path)}
          onClick={(e) => {
            setSelected({ path: node.path, kind: node.kind });
            props.onOpen(node.path, e.ctrlKey || e.metaKey);
          }}
        >
          {label}
        </button>
      </li>
    );
  }

  const formLabel = form?.mode === 'note' ? 'New note' : form?.mode === 'folder' ? 'New folder' : 'Rename';
  return (
    <section aria-label="File tree" className="pane file-tree">
      <div className="toolbar">
        <button type="button" onClick={() => openForm('note')} title="New note (Ctrl+N)">
          New note
        </button>
        <button type="button" onClick={() => openForm('folder')}>
          New folder
        </button>
        <button type="button" onClick={() => openForm('rename')} disabled={!selected}>
          Rename
        </button>
        <button type="button" onClick={() => selected && setConfirmDelete(selected.path)} disabled={!selected}>
          Delete
        </button>
      </div>
      {form ? (
        <form className="inline-form" aria-label={formLabel} onSubmit={(e) => void submit(e)}>
          <label>
            <span className="form-caption">
              {form.mode === 'rename'
                ? `Rename ${baseName(form.target)} to`
                : `${formLabel} in ${form.target || 'vault root'}`}
            </span>
            <input
              ref={inputRef}
              aria-label={form.mode === 'rename' ? 'New name' : 'Name'}
              value={form.value}
              onChange={(e) => setForm({ ...form, value: e.target.value })}
              onKeyDown={(e) => {
                if (e.key === 'Escape') setForm(null);
              }}
              placeholder={form.mode === 'folder' ? 'Folder name' : 'Note name, or folder/name'}
            />
          </label>
          <button type="submit" disabled={busy}>
            {form.mode === 'rename' ? 'Rename' : 'Create'}
          </button>
          <button type="button" onClick={() => setForm(null)}>
            Cancel
          </button>
        </form>
      ) : null}
      {confirmDelete ? (
        <div role="dialog" aria-label="Confirm delete" className="inline-form confirm">
          <p>Delete “{baseName(confirmDelete)}”? It is moved to the vault’s .trash folder.</p>
          <button
            type="button"
            onClick={() => {
              const p = confirmDelete;
              setConfirmDelete(null);
              // Back to the open note (if it survives), so Rename/Delete keep working on it.
              const cur = props.currentPath;
              setSelected(cur && cur !== p && !cur.startsWith(`${p}/`) ? { path: cur, kind: 'note' } : null);
              void props.onDelete(p).catch(() => undefined);
            }}
          >
            Delete
          </button>
          <button type="button" onClick={() => setConfirmDelete(null)}>
            Cancel
          </button>
        </div>
      ) : null}
      <ul
        role="tree"
        aria-label="Vault files"
        className="tree"
        onDragOver={(e) => {
          if (e.dataTransfer.types.includes('application/x-atlas-path')) e.preventDefault();
        }}
        onDrop={(e) => {
          e.preventDefault();
          void move(e.dataTransfer.getData('application/x-atlas-path'), '');
        }}
      >
        {tree.map((n) => renderNode(n, 1))}
      </ul>
    </section>
  );
}
