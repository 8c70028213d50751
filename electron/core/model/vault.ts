/**
 * The vault, its files and notes as files: info, index status, file entries, note contents, write and rename results.
 *
 * Domain types of the core (runtime-neutral, types only), re-exported unchanged by the API contract
 * (electron/shared/api.ts). Paths are vault-relative with `/` separators; lines are 1-based; durations ms.
 */

export interface VaultInfo {
  /** Absolute path of the vault folder. */
  root: string;
  /** Folder name, shown in the title bar. */
  name: string;
  noteCount: number;
  fileCount: number;
}

export interface IndexStatus {
  state: 'idle' | 'indexing' | 'error';
  /** Files done and total during indexing. */
  done: number;
  total: number;
  message?: string;
  /** Duration of the last full or warm index, ms. */
  lastIndexMs?: number;
}

export interface FileEntry {
  path: string;
  kind: 'note' | 'attachment' | 'folder';
  /** Modified time as last indexed, ms since epoch (files only; absent for folders or when unknown). */
  mtimeMs?: number;
}

export interface NoteContent {
  path: string;
  content: string;
  /** mtime of the file when read, ms since epoch. */
  mtimeMs: number;
  /** sha256 hex of the content; pass back to writeNote to detect changes on disk. */
  hash: string;
}

export interface WriteResult {
  path: string;
  mtimeMs: number;
  hash: string;
}

export interface RenameResult {
  from: string;
  to: string;
  /** Notes whose links were rewritten. */
  rewritten: string[];
  /**
   * Notes whose links to the moved files could not be rewritten (left as they were, so those links are now broken),
   * each with the reason: not writable, outside the vault, or changed by another program on every try.
   */
  failed: { path: string; reason: string }[];
}
