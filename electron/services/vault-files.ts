/**
 * Note and folder operations on the vault's files (no index, no events: `atlas-service.ts` re-indexes and emits).
 *
 * Every path is confined by `VaultPaths` first. Writes are atomic (electron/core/files/atomic-write.ts). Deleting moves to
 * `<vault>/.trash/` like Obsidian's "Move to Obsidian trash" setting, so nothing is lost. Missing folders are created
 * below the vault root only (`mkdirWithin`): a vault folder renamed or deleted while the app runs is never recreated.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { NoteContent, WriteResult } from '../shared/api.ts';
import { mkdirWithin, sha256, writeFileAtomic } from '../core/files/atomic-write.ts';
import { MAX_NOTE_BYTES } from '../core/limits.ts';
import { NOT_REGULAR, readRegularFile } from '../core/files/regular-file.ts';
import { AtlasError } from './errors.ts';
import type { VaultPaths } from './vault-paths.ts';

export const TRASH_FOLDER = '.trash';

function requireNotePath(rel: string): void {
  if (!rel.toLowerCase().endsWith('.md'))
    throw new AtlasError('invalid-argument', `Not a note (a .md file): ${JSON.stringify(rel)}`);
}

async function statOrNull(abs: string): Promise<fs.Stats | null> {
  try {
    return await fs.promises.stat(abs);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw e;
  }
}

/**
 * Refuses a new path one of whose missing segments differs from an existing name only in letter case or Unicode
 * normal form (NFC/NFD, e.g. `café` typed on macOS vs Linux): on macOS and Windows they are the same file, and
 * Obsidian's links resolve names case-insensitively, so a second one would be ambiguous or clobbered on sync.
 * `except` (vault-relative) is a name that may match, e.g. the file being renamed. Throws `exists`.
 */
export async function refuseLookalike(paths: VaultPaths, rel: string, except?: string): Promise<void> {
  const fold = (s: string): string => s.normalize('NFC').toLowerCase();
  const segs = rel.split('/');
  let dirRel = '';
  for (const seg of segs) {
    const here = dirRel ? `${dirRel}/${seg}` : seg;
    let names: string[];
    try {
      names = await fs.promises.readdir(dirRel ? path.join(paths.root, ...dirRel.split('/')) : paths.root);
    } catch {
      return; // the folder does not exist yet: nothing below it can clash
    }
    if (!names.includes(seg)) {
      const clash = names.find((n) => fold(n) === fold(seg) && (dirRel ? `${dirRel}/${n}` : n) !== except);
      if (clash !== undefined) {
        throw new AtlasError(
          'exists',
          `Already exists with a different case or Unicode form: ${dirRel ? `${dirRel}/${clash}` : clash}`,
        );
      }
      return;
    }
    dirRel = here;
  }
}

/**
 * Reads a note: UTF-8 content, mtime (ms) and the sha256 of the bytes on disk. Throws `not-found`, and
 * `invalid-argument` for a note over `MAX_NOTE_BYTES`.
 */
export async function readNote(paths: VaultPaths, p: string): Promise<NoteContent> {
  const { rel, abs } = paths.resolve(p);
  requireNotePath(rel);
  const st = await statOrNull(abs);
  if (!st || !st.isFile()) throw new AtlasError('not-found', `Note not found: ${rel}`);
  // A note the editor could not save back (writeNote's limit) is not opened.
  if (st.size > MAX_NOTE_BYTES) {
    throw new AtlasError(
      'invalid-argument',
      `Note too large to open: ${rel} (${st.size} bytes; the limit is ${MAX_NOTE_BYTES})`,
    );
  }
  let bytes: Buffer;
  try {
    bytes = await readRegularFile(abs);
  } catch (e) {
    // replaced by a FIFO or device since the stat: never block on it
    if ((e as NodeJS.ErrnoException).code === NOT_REGULAR) throw new AtlasError('not-found', `Note not found: ${rel}`);
    throw e;
  }
  return { path: rel, content: bytes.toString('utf8'), mtimeMs: st.mtimeMs, hash: sha256(bytes) };
}

/** The UTF-8 bytes of a note's content; `invalid-argument` (nothing written) over `MAX_NOTE_BYTES`. */
function noteBytes(rel: string, content: string): Buffer {
  const bytes = Buffer.from(content, 'utf8');
  if (bytes.length > MAX_NOTE_BYTES) {
    throw new AtlasError(
      'invalid-argument',
      `Note too large to save: ${rel} (${bytes.length} bytes; the limit is ${MAX_NOTE_BYTES})`,
    );
  }
  return bytes;
}

/**
 * Writes a note atomically (creating missing folders). With `expectedHash`, the file on disk must still have that
 * sha256 (a missing file counts as changed), else `conflict` and nothing is written.
 */
export async function writeNote(
  paths: VaultPaths,
  p: string,
  content: string,
  expectedHash?: string,
): Promise<WriteResult> {
  const { rel, abs } = paths.resolve(p, { write: true });
  requireNotePath(rel);
  // Write through a symlinked note to its target, so the link itself survives.
  const st = await statOrNull(abs);
  if (st && !st.isFile()) throw new AtlasError('invalid-argument', `Not a file: ${rel}`);
  // The symlink's target must itself be a writable vault path (not `.git/…`, not outside), checked right before use.
  const target = st ? paths.confineReal(abs, rel) : abs;
  if (!st) await refuseLookalike(paths, rel);
  if (expectedHash !== undefined) {
    const disk = st ? sha256(await readRegularFile(target)) : null;
    if (disk !== expectedHash) {
      throw new AtlasError(
        'conflict',
        disk === null
          ? `The note was deleted on disk since it was opened: ${rel}`
          : `The note was changed on disk since it was opened: ${rel}`,
      );
    }
  }
  const bytes = noteBytes(rel, content);
  // an existing note's folder exists; a new one's missing folders are made below the vault root only
  await writeFileAtomic(target, bytes, st ? {} : { mkdirWithin: paths.root });
  const after = await fs.promises.stat(target);
  return { path: rel, mtimeMs: after.mtimeMs, hash: sha256(bytes) };
}

/**
 * Creates a note and its missing folders, atomically (the complete file appears at once). A name not ending in `.md`
 * gets `.md` appended, as Obsidian's "new note" does with the title typed (`Go 1.22` → `Go 1.22.md`).
 * Throws `exists` when a file or folder is already there (or one differing only in case / Unicode form).
 */
export async function createNote(paths: VaultPaths, p: string, content = ''): Promise<WriteResult> {
  let { rel } = paths.resolve(p, { write: true });
  if (!/\.md$/i.test(rel)) rel += '.md';
  const { abs } = paths.resolve(rel, { write: true });
  requireNotePath(rel);
  if (await fs.promises.lstat(abs).catch(() => null)) throw new AtlasError('exists', `Already exists: ${rel}`);
  await refuseLookalike(paths, rel);
  await mkdirWithin(paths.root, path.dirname(abs));
  const bytes = noteBytes(rel, content);
  // Exclusive: a file that appeared meanwhile is not overwritten.
  try {
    await writeFileAtomic(abs, bytes, { exclusive: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new AtlasError('exists', `Already exists: ${rel}`);
    throw e;
  }
  const st = await fs.promises.stat(abs);
  return { path: rel, mtimeMs: st.mtimeMs, hash: sha256(bytes) };
}

/** Creates a folder (and parents). Throws `exists` when a file or folder is already there. */
export async function createFolder(paths: VaultPaths, p: string): Promise<string> {
  const { rel, abs } = paths.resolve(p, { write: true });
  if (await fs.promises.lstat(abs).catch(() => null)) throw new AtlasError('exists', `Already exists: ${rel}`);
  await refuseLookalike(paths, rel);
  await mkdirWithin(paths.root, abs);
  return rel;
}

/** Every file below a folder (vault-relative), or the path itself for a file. Skips nothing: the caller filters. */
export async function filesUnder(paths: VaultPaths, rel: string): Promise<string[]> {
  const abs = paths.resolve(rel, { allowRoot: true }).abs;
  const st = await fs.promises.lstat(abs);
  if (!st.isDirectory()) return [rel];
  const out: string[] = [];
  const entries = await fs.promises.readdir(abs, { recursive: true, withFileTypes: true });
  for (const e of entries) {
    if (e.isDirectory()) continue;
    out.push(paths.relative(path.join(e.parentPath, e.name)));
  }
  return out.sort();
}

/** A free name in `dir` for `base` (`name.md`, `name 1.md`, `name 2.md`, …), as Obsidian numbers duplicates. */
async function freeName(dir: string, base: string): Promise<string> {
  const ext = path.extname(base);
  const stem = ext ? base.slice(0, -ext.length) : base;
  for (let i = 0; ; i++) {
    const name = i === 0 ? base : `${stem} ${i}${ext}`;
    if (!(await statOrNull(path.join(dir, name)))) return name;
  }
}

/**
 * Moves a note, attachment or folder to `<vault>/.trash/<name>` (numbered when taken). Returns the vault-relative
 * files that disappeared from their old place. Throws `not-found`.
 */
export async function deletePath(
  paths: VaultPaths,
  p: string,
): Promise<{ rel: string; removed: string[]; trashed: string }> {
  const { rel, abs } = paths.resolve(p, { write: true });
  if (rel === TRASH_FOLDER || rel.startsWith(TRASH_FOLDER + '/')) {
    throw new AtlasError('invalid-argument', `Already in the trash: ${rel}`);
  }
  const st = await fs.promises.lstat(abs).catch(() => null);
  if (!st) throw new AtlasError('not-found', `Not found: ${rel}`);
  const removed = await filesUnder(paths, rel);
  // Confined like any path: a `.trash` symlink leading out of the vault must not carry notes away.
  const trashDir = paths.resolve(TRASH_FOLDER).abs;
  await mkdirWithin(paths.root, trashDir);
  const name = await freeName(trashDir, path.basename(abs));
  await fs.promises.rename(abs, path.join(trashDir, name));
  return { rel, removed, trashed: `${TRASH_FOLDER}/${name}` };
}
