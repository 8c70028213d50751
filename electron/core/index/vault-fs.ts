/**
 * File access of the indexer, behind a small interface so the core stays Electron-free and testable.
 * The indexer only reads: nothing here writes to the vault.
 */
import fs from 'node:fs';
import { readRegularFileSync } from '../files/regular-file.ts';

export interface FsStat {
  kind: 'file' | 'dir' | 'symlink' | 'other';
  /** ms since epoch */
  mtimeMs: number;
  /** bytes */
  size: number;
}

export interface FsEntry {
  /** Name as on disk (may be NFD on macOS). */
  name: string;
  kind: FsStat['kind'];
}

export interface VaultFs {
  /** Entries of a folder. Throws the fs error (ENOENT, EACCES, ENOTDIR…). */
  readdir(absPath: string): FsEntry[];
  /** Follows symlinks; null when the path (or a symlink's target) does not exist. Throws other errors. */
  stat(absPath: string): FsStat | null;
  /** Does not follow symlinks; null when missing. */
  lstat(absPath: string): FsStat | null;
  /** Canonical absolute path (symlinks resolved). Throws ELOOP for a symlink loop. */
  realpath(absPath: string): string;
  /**
   * The whole file, never through a symlink. Throws ENOENT, EACCES, EISDIR…, `ENOTREG` for a FIFO, socket or device
   * (never blocks), and `ELOOP` for a symlink.
   */
  readFile(absPath: string): Uint8Array;
}

function kindOf(s: fs.Stats | fs.Dirent): FsStat['kind'] {
  if (s.isSymbolicLink()) return 'symlink';
  if (s.isFile()) return 'file';
  if (s.isDirectory()) return 'dir';
  return 'other';
}

function toStat(s: fs.Stats | undefined): FsStat | null {
  return s ? { kind: kindOf(s), mtimeMs: s.mtimeMs, size: s.size } : null;
}

/** `VaultFs` on node:fs (synchronous calls: a stat-heavy walk is fastest that way). */
export const nodeVaultFs: VaultFs = {
  readdir: (p) => fs.readdirSync(p, { withFileTypes: true }).map((d) => ({ name: d.name, kind: kindOf(d) })),
  stat: (p) => {
    try {
      return toStat(fs.statSync(p, { throwIfNoEntry: false }));
    } catch (e) {
      // a dangling symlink or a loop is "not there" for stat; other errors propagate
      if ((e as NodeJS.ErrnoException).code === 'ELOOP') return null;
      throw e;
    }
  },
  lstat: (p) => toStat(fs.lstatSync(p, { throwIfNoEntry: false })),
  realpath: (p) => fs.realpathSync.native(p),
  readFile: (p) => readRegularFileSync(p, { noFollow: true }),
};
