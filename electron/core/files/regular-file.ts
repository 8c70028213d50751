/**
 * Reading files that may be anything: a name in the vault can be a FIFO, a socket or a device (swapped in between a
 * scan and the read), and `readFileSync` on a FIFO blocks its thread forever. These open with `O_NONBLOCK` (which
 * returns at once for a FIFO without a writer), `fstat` the open descriptor, and refuse anything that is not a
 * regular file with the error code `ENOTREG`, before reading a byte.
 */
import fs from 'node:fs';

/** Error code of `readRegularFile*` for a path that is not a regular file. */
export const NOT_REGULAR = 'ENOTREG';

// O_NONBLOCK is POSIX; Windows has no FIFOs in the file system and no such flag
const FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);
// O_NOFOLLOW (POSIX): a symlink as the last component fails with ELOOP instead of being read through
const NO_FOLLOW = FLAGS | (fs.constants.O_NOFOLLOW ?? 0);

function notRegular(p: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`Not a regular file: ${p}`), { code: NOT_REGULAR, path: p });
}

/**
 * The whole file. Throws the open/read error (ENOENT, EACCES, EISDIR…) or `ENOTREG`. With `noFollow`, a symlink (as
 * the last path component) is not read through: `ELOOP` (the indexer never follows symlinks, even one swapped in
 * between its scan and the read).
 */
export function readRegularFileSync(p: string, opts: { noFollow?: boolean } = {}): Buffer {
  const fd = fs.openSync(p, opts.noFollow ? NO_FOLLOW : FLAGS);
  try {
    if (!fs.fstatSync(fd).isFile()) throw notRegular(p);
    return fs.readFileSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Async variant of `readRegularFileSync`; with `encoding`, the text. */
export async function readRegularFile(p: string): Promise<Buffer>;
export async function readRegularFile(p: string, encoding: 'utf8'): Promise<string>;
export async function readRegularFile(p: string, encoding?: 'utf8'): Promise<Buffer | string> {
  const h = await fs.promises.open(p, FLAGS);
  try {
    if (!(await h.stat()).isFile()) throw notRegular(p);
    const bytes = await h.readFile();
    return encoding ? bytes.toString(encoding) : bytes;
  } finally {
    await h.close();
  }
}
