/**
 * Which files a re-index of some paths touches (`Indexer.update`, after watcher events and saves): each path is
 * located on disk under its NFC index path or its own spelling, folders are scanned, and Unicode twins (names that
 * share an NFC form, electron/core/files/unicode-names.ts) are re-indexed as a group.
 */
import path from 'node:path';
import { isNotePath } from '../resolve/keys.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { indexNames, twinFree } from '../files/unicode-names.ts';
import { isIgnoredName, isIgnoredPath, scanVault, type ScanEntry } from './scan.ts';
import type { VaultFs } from './vault-fs.ts';

/** The vault a re-index looks at: its store (what was indexed), file system and absolute root. */
export interface PathContext {
  store: Pick<GraphStore, 'fileStat' | 'pathsUnder'>;
  fs: VaultFs;
  root: string;
}

export interface PathChanges {
  /** Files on disk now, each once (index path, on-disk path, kind, mtime ms, size bytes). */
  files: ScanEntry[];
  folders: { path: string; diskPath: string }[];
  /** Stored index paths with nothing on disk any more. */
  deleted: string[];
}

/** Finds the on-disk relative spelling of an NFC path (NFD names), or null when nothing is there. */
function locate(at: PathContext, nfc: string, asGiven: string): string | null {
  const { store, fs: fsx, root } = at;
  const tries = [store.fileStat(nfc)?.diskPath, asGiven, nfc].filter((x): x is string => !!x);
  for (const rel of tries) if (fsx.lstat(path.join(root, rel))) return rel;
  // a new file whose on-disk name is not NFC: match its folder's entries by their NFC form
  const dir = nfc.includes('/')
    ? locate(at, nfc.slice(0, nfc.lastIndexOf('/')), asGiven.slice(0, Math.max(0, asGiven.lastIndexOf('/'))))
    : '';
  if (dir === null) return null;
  try {
    const base = nfc.slice(nfc.lastIndexOf('/') + 1);
    const hit = fsx.readdir(dir ? path.join(root, dir) : root).find((e) => e.name.normalize('NFC') === base);
    return hit ? (dir ? `${dir}/${hit.name}` : hit.name) : null;
  } catch {
    return null;
  }
}

/**
 * The entries of `given`'s folder whose names share its NFC form (Unicode twins, or just one name in
 * another spelling), each with its index path by the rule of electron/core/files/unicode-names.ts; `given` may be
 * an index path or an on-disk spelling. Adds them to `files`/`folders`, and to `deleted` the stored paths of that
 * name that no longer belong to an entry on disk. Symlinks count as absent (scan.ts).
 */
function addTwinGroup(
  at: PathContext,
  given: string,
  files: ScanEntry[],
  folders: { path: string; diskPath: string }[],
  deleted: Set<string>,
): void {
  const { store, fs: fsx, root } = at;
  const list = (rel: string): string[] | null => {
    try {
      return fsx
        .readdir(rel ? path.join(root, rel) : root)
        .map((e) => e.name)
        .filter((n) => !isIgnoredName(n));
    } catch {
      return null;
    }
  };
  const segs = given.split('/');
  const base = segs.pop() as string;
  let parentDisk = '';
  let parentIndex = '';
  let names: string[] | null = list('');
  for (const seg of segs) {
    const known = names ? indexNames(names) : null;
    const hit =
      names && known
        ? names.includes(seg)
          ? seg
          : names.find((n) => known.get(n) === seg || known.get(n) === seg.normalize('NFC'))
        : undefined;
    if (hit === undefined || !known) {
      // the folder is gone: whatever was stored under the name goes
      for (const p of [...store.pathsUnder(given), ...store.pathsUnder(given.normalize('NFC'))]) deleted.add(p);
      return;
    }
    parentDisk = parentDisk ? `${parentDisk}/${hit}` : hit;
    parentIndex = parentIndex ? `${parentIndex}/${known.get(hit)}` : (known.get(hit) as string);
    names = list(parentDisk);
  }
  const join = (dir: string, name: string) => (dir ? `${dir}/${name}` : name);
  const nfcBase = base.normalize('NFC');
  const group = (names ?? []).filter((n) => n.normalize('NFC') === nfcBase);
  const known = indexNames(names ?? []);
  const live = new Set<string>();
  for (const name of group) {
    const member = { path: join(parentIndex, known.get(name) as string), diskPath: join(parentDisk, name) };
    let st: ReturnType<VaultFs['lstat']> = null;
    try {
      st = fsx.lstat(path.join(root, member.diskPath));
    } catch {
      st = null;
    }
    if (!st || st.kind === 'symlink') continue;
    if (st.kind === 'file') {
      live.add(member.path);
      files.push({
        ...member,
        kind: isNotePath(member.path) ? 'note' : 'attachment',
        mtimeMs: st.mtimeMs,
        size: st.size,
      });
    } else if (st.kind === 'dir') {
      live.add(member.path);
      folders.push(member);
      const sub = scanVault(fsx, root, member.diskPath, member.path);
      files.push(...sub.files);
      folders.push(...sub.folders);
      const present = new Set([member.path, ...sub.files.map((f) => f.path), ...sub.folders.map((f) => f.path)]);
      for (const p of store.pathsUnder(member.path)) if (!present.has(p)) deleted.add(p);
    }
  }
  // the index paths this name may have had: its NFC form, and the own spellings of the names (given and on disk)
  for (const old of new Set([nfcBase, base, ...group].map((n) => join(parentIndex, n))))
    if (!live.has(old)) for (const p of store.pathsUnder(old)) deleted.add(p);
}

/**
 * What re-indexing `paths` (vault-relative, or absolute inside the vault; files or folders) means on disk: the files
 * and folders there now (a folder with everything under it, scanned) and the stored paths that are gone (a missing
 * path = deleted, with everything stored under it). Paths outside the vault, `..` and ignored names are skipped;
 * non-ASCII names bring their Unicode twins (`addTwinGroup`). Symlinks count as absent (scan.ts). Throws only what
 * the store throws.
 */
export function changesAt(at: PathContext, paths: Iterable<string>): PathChanges {
  const { store, fs: fsx, root } = at;
  const files: ScanEntry[] = [];
  const folders: { path: string; diskPath: string }[] = [];
  const deleted = new Set<string>();
  for (const given of new Set(paths)) {
    // absolute paths inside the vault are accepted; anything that climbs out of it is ignored
    const rel = path.isAbsolute(given) ? path.relative(root, given).split(path.sep).join('/') : given;
    const asGiven = rel
      .replace(/\\/g, '/')
      .replace(/^\.?\/+/, '')
      .replace(/\/+$/, '');
    const nfc = asGiven.normalize('NFC');
    if (nfc === '' || nfc.split('/').includes('..') || isIgnoredPath(nfc)) continue;
    if (!twinFree(asGiven)) {
      // non-ASCII names may have Unicode twins: re-index the whole group of names sharing this one's NFC form
      addTwinGroup(at, asGiven, files, folders, deleted);
      continue;
    }
    const disk = locate(at, nfc, asGiven);
    let st = null;
    try {
      // symlinks are never followed (scan.ts): one counts as absent here, and the next full walk reports it
      st = disk === null ? null : fsx.lstat(path.join(root, disk));
      if (st?.kind === 'symlink') st = null;
    } catch {
      st = null;
    }
    if (!st || disk === null) {
      for (const p of store.pathsUnder(nfc)) deleted.add(p);
      continue;
    }
    if (st.kind === 'file') {
      files.push({
        path: nfc,
        diskPath: disk,
        kind: /\.md$/i.test(nfc) ? 'note' : 'attachment',
        mtimeMs: st.mtimeMs,
        size: st.size,
      });
    } else if (st.kind === 'dir') {
      folders.push({ path: nfc, diskPath: disk });
      const sub = scanVault(fsx, root, disk);
      files.push(...sub.files);
      folders.push(...sub.folders);
      const present = new Set([nfc, ...sub.files.map((f) => f.path), ...sub.folders.map((f) => f.path)]);
      for (const p of store.pathsUnder(nfc)) if (!present.has(p)) deleted.add(p);
    }
  }
  // a path named twice (e.g. both spellings of a Unicode twin) is indexed once; what is on disk is not deleted
  const uniqueFiles = [...new Map(files.map((f) => [f.path, f])).values()];
  const uniqueFolders = [...new Map(folders.map((f) => [f.path, f])).values()];
  for (const f of [...uniqueFiles, ...uniqueFolders]) deleted.delete(f.path);
  return { files: uniqueFiles, folders: uniqueFolders, deleted: [...deleted] };
}
