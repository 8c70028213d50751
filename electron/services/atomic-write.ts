/**
 * Atomic file writes: the content goes to `<dir>/.<name>.tmp-<random hex>` (a dotfile, so the index and Obsidian
 * ignore it), is flushed, then renamed over the target. A reader or a crash sees the old file or the new one, never a
 * half-written one. On failure the temp file is removed.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** sha256 hex of bytes (content strings are hashed as UTF-8). */
export function sha256(data: string | Uint8Array): string {
  return crypto.createHash('sha256').update(data).digest('hex');
}

/** Writes `data` to `file` atomically. Creates missing parent folders when `mkdir` is set. */
export async function writeFileAtomic(file: string, data: string | Uint8Array, opts: { mkdir?: boolean } = {}): Promise<void> {
  const dir = path.dirname(file);
  if (opts.mkdir) await fs.promises.mkdir(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(file)}.tmp-${crypto.randomBytes(6).toString('hex')}`);
  let handle: fs.promises.FileHandle | null = null;
  try {
    handle = await fs.promises.open(tmp, 'wx');
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = null;
    await fs.promises.rename(tmp, file);
  } catch (e) {
    if (handle) await handle.close().catch(() => {});
    await fs.promises.rm(tmp, { force: true }).catch(() => {});
    throw e;
  }
}

/** Synchronous variant, for small state files written at shutdown (window bounds, last vault). */
export function writeFileAtomicSync(file: string, data: string): void {
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(file)}.tmp-${crypto.randomBytes(6).toString('hex')}`);
  try {
    fs.writeFileSync(tmp, data, { flag: 'wx' });
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}
