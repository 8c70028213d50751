/**
 * The file tree's data: the vault's files as a sorted folder tree, and the rows a virtualised list shows (only the
 * children of expanded folders), each with its ARIA position (`aria-level`, `aria-setsize`, `aria-posinset`, 1-based)
 * and the index of its parent row. Pure functions: building is O(n log n) in the number of files, flattening O(rows
 * shown), so a 10,000-note vault with collapsed folders costs a few hundred rows, not 10,000.
 */
import type { FileEntry } from '../../../electron/shared/api.ts';
import { baseName, parentFolder } from '../paths.ts';

/**
 * Sort orders of Obsidian's file explorer ("Change sort order"): file name A→Z / Z→A, modified time new→old /
 * old→new, created time new→old / old→new. Folders always come before files; under the time orders folders keep
 * A→Z, as in Obsidian (a folder has no modified time of its own).
 */
export type SortOrder = 'name-asc' | 'name-desc' | 'mtime-desc' | 'mtime-asc' | 'ctime-desc' | 'ctime-asc';

export const SORT_ORDERS: readonly { order: SortOrder; label: string }[] = [
  { order: 'name-asc', label: 'File name (A to Z)' },
  { order: 'name-desc', label: 'File name (Z to A)' },
  { order: 'mtime-desc', label: 'Modified time (new to old)' },
  { order: 'mtime-asc', label: 'Modified time (old to new)' },
  { order: 'ctime-desc', label: 'Created time (new to old)' },
  { order: 'ctime-asc', label: 'Created time (old to new)' },
];

export function isSortOrder(v: unknown): v is SortOrder {
  return SORT_ORDERS.some((s) => s.order === v);
}

export interface TreeNode {
  /** File or folder name (with extension). */
  name: string;
  /** Vault path; '' only for the root. */
  path: string;
  kind: FileEntry['kind'];
  /** Modified / created time, ms since epoch (files only; 0 when unknown). */
  mtimeMs: number;
  ctimeMs: number;
  children: TreeNode[];
}

export interface TreeRow {
  node: TreeNode;
  /** 1-based depth (`aria-level`). */
  level: number;
  /** Number of siblings including this one (`aria-setsize`) and this one's 1-based position (`aria-posinset`). */
  setSize: number;
  posInSet: number;
  /** Index of the parent folder's row, -1 at the top level. */
  parent: number;
}

/** Whether a path lies in a dot-folder or is a dot-file (`.trash`, `.obsidian`, the app's `.atlas`): not shown. */
export function isHidden(path: string): boolean {
  return path.split('/').some((seg) => seg.startsWith('.'));
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function comparator(order: SortOrder): (a: TreeNode, b: TreeNode) => number {
  const byName = (a: TreeNode, b: TreeNode) => collator.compare(a.name, b.name);
  return (a, b) => {
    const af = a.kind === 'folder';
    if (af !== (b.kind === 'folder')) return af ? -1 : 1;
    if (order === 'name-desc') return -byName(a, b);
    if (af || order === 'name-asc') return byName(a, b);
    const key = order.startsWith('mtime') ? 'mtimeMs' : 'ctimeMs';
    const d = order.endsWith('desc') ? b[key] - a[key] : a[key] - b[key];
    return d || byName(a, b);
  };
}

/**
 * The vault's files as a tree under a root node (path ''), sorted by `order` (each folder's children are sorted the
 * first time {@link visibleRows} shows them). Dot-folders and dot-files are left out; folders missing from `files`
 * but implied by a file's path are created.
 */
export function buildTree(
  files: readonly FileEntry[],
  order: SortOrder = 'name-asc',
  times?: ReadonlyMap<string, { mtimeMs?: number; ctimeMs?: number }>,
): TreeNode {
  const root: TreeNode = { name: '', path: '', kind: 'folder', mtimeMs: 0, ctimeMs: 0, children: [] };
  const folders = new Map<string, TreeNode>([['', root]]);
  const folderNode = (path: string): TreeNode => {
    let f = folders.get(path);
    if (f) return f;
    f = { name: baseName(path), path, kind: 'folder', mtimeMs: 0, ctimeMs: 0, children: [] };
    folders.set(path, f);
    folderNode(parentFolder(path)).children.push(f);
    return f;
  };
  for (const f of files) {
    if (isHidden(f.path)) continue;
    if (f.kind === 'folder') {
      folderNode(f.path);
      continue;
    }
    const t = times?.get(f.path);
    folderNode(parentFolder(f.path)).children.push({
      name: baseName(f.path),
      path: f.path,
      kind: f.kind,
      mtimeMs: t?.mtimeMs ?? f.mtimeMs ?? 0,
      ctimeMs: t?.ctimeMs ?? 0,
      children: [],
    });
  }
  // Folders are sorted when first shown (visibleRows), so a collapsed 10,000-note vault sorts only its top level.
  comparators.set(root, comparator(order));
  return root;
}

/** The sort comparator of each built tree, and the folders already sorted with it. */
const comparators = new WeakMap<TreeNode, (a: TreeNode, b: TreeNode) => number>();
const sortedFolders = new WeakSet<TreeNode>();

function sortedChildren(root: TreeNode, n: TreeNode): TreeNode[] {
  if (!sortedFolders.has(n)) {
    const cmp = comparators.get(root);
    if (cmp) n.children.sort(cmp);
    sortedFolders.add(n);
  }
  return n.children;
}

/** The rows shown: depth-first, descending only into folders in `expanded` (iterative; depth is unbounded). */
export function visibleRows(root: TreeNode, expanded: ReadonlySet<string>): TreeRow[] {
  const rows: TreeRow[] = [];
  const stack: { nodes: TreeNode[]; i: number; level: number; parent: number }[] = [
    { nodes: sortedChildren(root, root), i: 0, level: 1, parent: -1 },
  ];
  while (stack.length) {
    const top = stack[stack.length - 1];
    if (top.i >= top.nodes.length) {
      stack.pop();
      continue;
    }
    const node = top.nodes[top.i++];
    const index = rows.length;
    rows.push({ node, level: top.level, setSize: top.nodes.length, posInSet: top.i, parent: top.parent });
    if (node.kind === 'folder' && node.children.length && expanded.has(node.path)) {
      stack.push({ nodes: sortedChildren(root, node), i: 0, level: top.level + 1, parent: index });
    }
  }
  return rows;
}

/** The folders that contain `path` (nearest last), e.g. `a/b/c.md` → `['a', 'a/b']`. */
export function ancestorsOf(path: string): string[] {
  const out: string[] = [];
  for (let f = parentFolder(path); f; f = parentFolder(f)) out.unshift(f);
  return out;
}
