/**
 * Walking a vault: every note (`.md`), attachment and folder, with mtime and size (one stat per file).
 *
 * Skipped like Obsidian does: dot files and dot folders (`.obsidian`, `.git`, `.trash`, `.atlas`, …) and
 * `node_modules`. Symlinked files are read through the link; symlinked folders are never followed (that is how a
 * vault escapes itself or loops), and each one is reported as a `symlink` problem.
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

function symlinkProblem(fsx: VaultFs, root: string, abs: string, rel: string): ProblemRow {
  let message: string;
  try {
    const real = fsx.realpath(abs);
    const realRoot = fsx.realpath(root);
    const parent = fsx.realpath(path.dirname(abs));
    if (parent === real || parent.startsWith(real + path.sep))
      message = 'symlink loop: the linked folder contains the link; not followed';
    else if (real !== realRoot && !real.startsWith(realRoot + path.sep))
      message = 'symlinked folder points outside the vault; not followed';
    else message = 'symlinked folder inside the vault; not followed (its notes are indexed at their real path)';
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
      let kind = ent.kind;
      let st = null;
      try {
        if (kind === 'symlink') {
          st = fsx.stat(abs);
          if (!st || st.kind === 'dir') {
            out.problems.push(symlinkProblem(fsx, root, abs, nfc));
            continue;
          }
          kind = st.kind;
        }
        if (kind === 'dir') {
          out.folders.push({ path: nfc, diskPath: rel });
          stack.push(rel);
          continue;
        }
        if (kind !== 'file') continue;
        st ??= fsx.stat(abs);
        if (!st) continue; // deleted while walking
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
