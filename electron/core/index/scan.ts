/**
 * Walking a vault: every note (`.md`), attachment and folder, with mtime and size (one stat per file).
 *
 * Skipped like Obsidian does: dot files and dot folders (`.obsidian`, `.git`, `.trash`, `.atlas`, …) and
 * `node_modules`. Symlinks are never followed, to files or to folders: that is how a vault escapes itself (a link to
 * `/etc/passwd` would show its text in search, export and plans), loops, or shows one note twice. Each one is
 * reported as a `symlink` problem saying where it points; a note reached through a symlink inside the vault is
 * indexed once, at its real path. (Obsidian follows symlinks and warns against links into the vault itself; we
 * confine the index like every other path of the app: electron/services/vault-paths.ts.)
 * Paths are returned NFC with `/`; `diskPath` keeps the on-disk spelling (NFD names on macOS) for reading.
 */
import path from 'node:path';
import type { ProblemRow } from '../store/graph-store.ts';
import { isNotePath } from '../resolve/keys.ts';
import type { VaultFs } from './vault-fs.ts';

export interface ScanEntry {
  /** Vault-relative NFC path. */
  path: string;
  /** Vault-relative path as on disk. */
  diskPath: string;
  kind: 'note' | 'attachment';
  mtimeMs: number;
  size: number;
}

export interface ScanResult {
  files: ScanEntry[];
  folders: { path: string; diskPath: string }[];
  problems: ProblemRow[];
}

/** Names the index never enters or records: dot files/folders and `node_modules`. */
export function isIgnoredName(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

/** True when a vault-relative path lies in an ignored folder or is an ignored file. */
export function isIgnoredPath(rel: string): boolean {
  return rel.split('/').some((seg) => seg !== '' && isIgnoredName(seg));
}

function errCode(e: unknown): string {
  return (e as NodeJS.ErrnoException)?.code ?? 'error';
}

/** The `symlink` problem of the link at `abs` (vault-relative `rel`): where it points and that it is not followed. */
export function symlinkProblem(fsx: VaultFs, root: string, abs: string, rel: string): ProblemRow {
  let message: string;
  try {
    const st = fsx.stat(abs);
    const real = fsx.realpath(abs); // throws ENOENT (dangling) or ELOOP
    if (!st) throw Object.assign(new Error('dangling'), { code: 'ENOENT' });
    const what = st.kind === 'dir' ? 'folder' : 'file';
    const realRoot = fsx.realpath(root);
    const parent = fsx.realpath(path.dirname(abs));
    if (st.kind === 'dir' && (parent === real || parent.startsWith(real + path.sep)))
      message = 'symlink loop: the linked folder contains the link; not followed';
    else if (real !== realRoot && !real.startsWith(realRoot + path.sep))
      message = `symlinked ${what} points outside the vault; not followed`;
    else
      message = `symlinked ${what} inside the vault; not followed (${what === 'folder' ? 'its notes are' : 'it is'} indexed at ${what === 'folder' ? 'their' : 'its'} real path)`;
  } catch (e) {
    message = errCode(e) === 'ELOOP' ? 'symlink loop; not followed' : `broken symlink (${errCode(e)})`;
  }
  return { path: rel, kind: 'symlink', message, line: null };
}

/**
 * Walks `root` (absolute) from the vault-relative folder `under` ('' = whole vault). Never throws for problems
 * inside the vault: unreadable folders, broken symlinks and loops become `problems`.
 */
export function scanVault(fsx: VaultFs, root: string, under = ''): ScanResult {
  const out: ScanResult = { files: [], folders: [], problems: [] };
  const stack: string[] = [under];
  while (stack.length) {
    const relDisk = stack.pop() as string;
    const absDir = relDisk ? path.join(root, relDisk) : root;
    let entries: ReturnType<VaultFs['readdir']>;
    try {
      entries = fsx.readdir(absDir);
    } catch (e) {
      if (errCode(e) !== 'ENOENT') {
        out.problems.push({
          path: relDisk.normalize('NFC'),
          kind: 'unreadable',
          message: `cannot list folder (${errCode(e)})`,
          line: null,
        });
      }
      continue;
    }
    for (const ent of entries) {
      if (isIgnoredName(ent.name)) continue;
      const rel = relDisk ? `${relDisk}/${ent.name}` : ent.name;
      const abs = path.join(absDir, ent.name);
      const nfc = rel.normalize('NFC');
      const kind = ent.kind;
      let st: ReturnType<VaultFs['lstat']>;
      try {
        if (kind === 'dir') {
          out.folders.push({ path: nfc, diskPath: rel });
          stack.push(rel);
          continue;
        }
        if (kind !== 'file' && kind !== 'symlink') continue;
        // lstat: a file replaced by a symlink since the listing is still not followed
        st = kind === 'file' ? fsx.lstat(abs) : null;
        if (kind === 'symlink' || st?.kind === 'symlink') {
          out.problems.push(symlinkProblem(fsx, root, abs, nfc));
          continue;
        }
        if (!st || st.kind !== 'file') continue; // deleted (or replaced) while walking
      } catch (e) {
        out.problems.push({ path: nfc, kind: 'unreadable', message: `cannot stat (${errCode(e)})`, line: null });
        continue;
      }
      out.files.push({
        path: nfc,
        diskPath: rel,
        kind: isNotePath(nfc) ? 'note' : 'attachment',
        mtimeMs: st.mtimeMs,
        size: st.size,
      });
    }
  }
  return out;
}
