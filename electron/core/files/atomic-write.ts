/**
 * Atomic file writes: the content goes to `<dir>/.<name>.tmp-<random hex>` (a dotfile, so the index and Obsidian
 * ignore it), is flushed, then renamed over the target, and the folder is flushed (best effort) so the rename itself
 * survives a crash. A reader or a crash sees the old file or the new one, never a half-written one. On failure the
 * temp file is removed. An existing target keeps its permission bits (a private `0600` note stays private).
 *
 * The one atomic-write module: the services (notes, rename rewrites), the learning progress file and the app's own
 * state files all write through it.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * `<dir>/.<name>.tmp-<12 hex>`, the name cut to 40 code points: a valid 255-byte name (80 Chinese characters are 240
 * bytes) must not make its temp name too long for the file system.
 */
function tempPath(file: string): string {
  const name = [...path.basename(file)].slice(0, 40).join('');
  return path.join(path.dirname(file), `.${name}.tmp-${crypto.randomBytes(6).toString('hex')}`);
}

/** `dir`'s path below `root` as segments; throws when `dir` is not `root` or inside it. */
function segmentsBelow(root: string, dir: string): string[] {
  const rel = path.relative(root, dir);
  if (rel === '') return [];
  if (rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel))
    throw new Error(`Not inside ${root}: ${dir}`);
  return rel.split(path.sep);
}

function isExists(e: unknown): boolean {
  return (e as NodeJS.ErrnoException).code === 'EEXIST';
}

/**
 * Creates `dir` and its missing parents below `root`, but never `root` itself or anything above it: the folders are
 * made one at a time (non-recursive `mkdir`), so when `root` is gone (a vault folder renamed, deleted or unmounted
 * while the app runs) this fails with `ENOENT` and creates nothing, rather than recreating the old folder and
 * splitting the vault in two. `dir` must be `root` or inside it. Throws ENOENT, ENOTDIR, EACCES…
 */
export async function mkdirWithin(root: string, dir: string): Promise<void> {
  let at = root;
  for (const seg of segmentsBelow(root, dir)) {
    at = path.join(at, seg);
    await fs.promises.mkdir(at).catch((e: unknown) => {
      if (!isExists(e)) throw e;
    });
  }
  // `root` itself must be there (a missing root with `dir` === `root` creates nothing either)
  if (!(await fs.promises.stat(at)).isDirectory())
    throw Object.assign(new Error(`Not a folder: ${at}`), { code: 'ENOTDIR' });
}

/** `mkdirWithin`, synchronously. */
export function mkdirWithinSync(root: string, dir: string): void {
  let at = root;
  for (const seg of segmentsBelow(root, dir)) {
    at = path.join(at, seg);
    try {
      fs.mkdirSync(at);
    } catch (e) {
      if (!isExists(e)) throw e;
    }
  }
  if (!fs.statSync(at).isDirectory()) throw Object.assign(new Error(`Not a folder: ${at}`), { code: 'ENOTDIR' });
}

/** sha256 hex of bytes (content strings are hashed as UTF-8). */
export function sha256(data: string | Uint8Array): string {
  return crypto.createHash('sha256').update(data).digest('hex');
}

/**
 * Writes `data` to `file` atomically. Creates missing parent folders when `mkdir` is set; with `mkdirWithin` (a folder
 * such as the vault root) only those below it, never that folder itself (`mkdirWithin`: ENOENT when it is gone,
 * nothing created). With `exclusive`, never
 * replaces an existing file: the complete temp file is hard-linked to the name (fails with `EEXIST` when taken); on
 * file systems without hard links it is copied with `COPYFILE_EXCL` instead. With `unchangedFrom` (the bytes the
 * caller read and edited), the target is compared with them synchronously right before the rename and nothing is
 * replaced when it changed meanwhile (throws code `EAGAIN`): a concurrent edit is never overwritten.
 */
export async function writeFileAtomic(
  file: string,
  data: string | Uint8Array,
  opts: { mkdir?: boolean; mkdirWithin?: string; exclusive?: boolean; unchangedFrom?: Uint8Array } = {},
): Promise<void> {
  const dir = path.dirname(file);
  if (opts.mkdirWithin !== undefined) await mkdirWithin(opts.mkdirWithin, dir);
  else if (opts.mkdir) await fs.promises.mkdir(dir, { recursive: true });
  const tmp = tempPath(file);
  const before = opts.exclusive ? null : await fs.promises.stat(file).catch(() => null);
  let handle: fs.promises.FileHandle | null = null;
  try {
    handle = await fs.promises.open(tmp, 'wx');
    await handle.writeFile(data);
    if (before?.isFile()) await handle.chmod(before.mode & 0o7777);
    await handle.sync();
    await handle.close();
    handle = null;
    if (opts.exclusive) {
      try {
        await fs.promises.link(tmp, file);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw e;
        await fs.promises.copyFile(tmp, file, fs.constants.COPYFILE_EXCL);
      }
      await fs.promises.rm(tmp, { force: true });
    } else {
      // `unchangedFrom`: the target must still hold exactly these bytes, checked synchronously right before the
      // rename (nothing on this thread runs in between), else `EAGAIN` and nothing is replaced
      if (opts.unchangedFrom && !Buffer.from(opts.unchangedFrom).equals(fs.readFileSync(file))) {
        throw Object.assign(new Error(`Changed on disk while being rewritten: ${file}`), { code: 'EAGAIN' });
      }
      if (opts.unchangedFrom) fs.renameSync(tmp, file);
      else await fs.promises.rename(tmp, file);
    }
    await syncDir(dir);
  } catch (e) {
    if (handle) await handle.close().catch(() => {});
    await fs.promises.rm(tmp, { force: true }).catch(() => {});
    throw e;
  }
}

/** Flushes a folder's entries (the rename); not supported everywhere (Windows), so failures are ignored. */
async function syncDir(dir: string): Promise<void> {
  let h: fs.promises.FileHandle | null = null;
  try {
    h = await fs.promises.open(dir, 'r');
    await h.sync();
  } catch {
    // best effort
  } finally {
    await h?.close().catch(() => {});
  }
}

/**
 * Synchronous variant, for small files written where an await does not fit (the learning progress file, the window
 * state written at shutdown): creates missing parent folders (with `mkdirWithin`, only those below that folder, as
 * `writeFileAtomic`), keeps the target's permission bits, flushes the temp file before the rename and the folder
 * after it (best effort).
 */
export function writeFileAtomicSync(
  file: string,
  data: string | Uint8Array,
  opts: { mkdirWithin?: string } = {},
): void {
  const dir = path.dirname(file);
  if (opts.mkdirWithin !== undefined) mkdirWithinSync(opts.mkdirWithin, dir);
  else fs.mkdirSync(dir, { recursive: true });
  const tmp = tempPath(file);
  const before = fs.statSync(file, { throwIfNoEntry: false });
  let fd: number | null = null;
  try {
    fd = fs.openSync(tmp, 'wx');
    fs.writeFileSync(fd, data);
    if (before?.isFile()) fs.fchmodSync(fd, before.mode & 0o7777);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = null;
    fs.renameSync(tmp, file);
  } catch (e) {
    if (fd !== null) fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  syncDirSync(dir);
}

/** `syncDir`, synchronously. */
function syncDirSync(dir: string): void {
  let fd: number | null = null;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // best effort
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}
