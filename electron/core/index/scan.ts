/**
 * Walking a vault: every note (`.md`), attachment and folder, with mtime and size (one stat per file).
 *
 * Skipped like Obsidian does: dot files and dot folders (`.obsidian`, `.git`, `.trash`, `.atlas`, …) and
 * `node_modules`. Symlinks are never followed, to files or to folders: that is how a vault escapes itself (a link to
 * `/etc/passwd` would show its text in search, export and plans), loops, or shows one note twice. Each one is
 * reported as a `symlink` problem saying where it points; a note reached through a symlink inside the vault is
 * indexed once, at its real path. (Obsidian follows symlinks and warns against links into the vault itself; we
 * confine the index like every other path of the app: electron/services/vault-paths.ts.)
 * Paths are returned NFC with `/` (but for Unicode twins, see electron/core/files/unicode-names.ts); `diskPath`
 * keeps the on-disk spelling (NFD names on macOS) for reading.
 */
import path from 'node:path';
import type { ProblemRow } from '../store/graph-store.ts';
import { isNotePath } from '../resolve/keys.ts';
import type { VaultFs } from './vault-fs.ts';
import { folderTwins, indexNames, normalForm } from '../files/unicode-names.ts';

export interface ScanEntry {
  /** Vault-relative index path: NFC (a Unicode twin keeps its own spelling: electron/core/files/unicode-names.ts). */
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

/** The `unicode-twin` problem of `indexPath` (disk name `name`) whose folder also holds `twins`. */
function twinProblem(indexPath: string, name: string, twins: string[], known: Map<string, string>): ProblemRow {
  const all = [name, ...twins]
    .sort()
    .map(
      (n) =>
        `"${n}" (${normalForm(n)}${known.get(n) === n ? '' : `, indexed as ${normalForm(known.get(n) as string)}`})`,
    );
  const nfcName = name.normalize('NFC');
  const owner = [name, ...twins].find((n) => known.get(n) === nfcName) ?? name;
  return {
    path: indexPath,
    kind: 'unicode-twin',
    message: `names differ only in Unicode normal form: ${all.join(', ')}; each is indexed under its own spelling, and links to the name resolve to the ${normalForm(owner)} one ("${owner}")`,
    line: null,
  };
}

/**
 * Walks `root` (absolute) from the vault-relative folder `under` ('' = whole vault; on-disk spelling), whose index
 * path is `underIndex` (default: its NFC form). Never throws for problems inside the vault: unreadable folders,
 * broken symlinks and loops become `problems`. Names are indexed by the Unicode twin rule of
 * electron/core/files/unicode-names.ts (NFC, unless a twin holds the NFC name); each twin is a `unicode-twin` problem.
 */
export function scanVault(fsx: VaultFs, root: string, under = '', underIndex = under.normalize('NFC')): ScanResult {
  const out: ScanResult = { files: [], folders: [], problems: [] };
  const stack: [string, string][] = [[under, underIndex]];
  while (stack.length) {
    const [relDisk, relIndex] = stack.pop() as [string, string];
    const absDir = relDisk ? path.join(root, relDisk) : root;
    let entries: ReturnType<VaultFs['readdir']>;
    try {
      entries = fsx.readdir(absDir);
    } catch (e) {
      if (errCode(e) !== 'ENOENT') {
        out.problems.push({
          path: relIndex,
          kind: 'unreadable',
          message: `cannot list folder (${errCode(e)})`,
          line: null,
        });
      }
      continue;
    }
    const diskNames = entries.filter((e) => !isIgnoredName(e.name)).map((e) => e.name);
    const known = indexNames(diskNames);
    const twinsHere = folderTwins(diskNames);
    for (const ent of entries) {
      if (isIgnoredName(ent.name)) continue;
      const rel = relDisk ? `${relDisk}/${ent.name}` : ent.name;
      const abs = path.join(absDir, ent.name);
      const indexName = known.get(ent.name) as string;
      const nfc = relIndex ? `${relIndex}/${indexName}` : indexName;
      const twins = twinsHere.get(ent.name);
      if (twins) out.problems.push(twinProblem(nfc, ent.name, twins, known));
      const kind = ent.kind;
      let st: ReturnType<VaultFs['lstat']>;
      try {
        if (kind === 'dir') {
          out.folders.push({ path: nfc, diskPath: rel });
          stack.push([rel, nfc]);
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
