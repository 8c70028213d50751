/**
 * Path confinement: every path that arrives from the renderer (IPC or HTTP) goes through here before it touches the
 * disk or the index.
 *
 * A valid path is vault-relative with `/` separators. Refused with `outside-vault`: absolute paths (`/x`, `C:/x`,
 * `//host`), `..` segments, NUL bytes, backslashes (they are path separators or escapes on other systems, so a name
 * containing one is ambiguous), and anything whose realpath (symlinks followed, for the deepest existing ancestor)
 * leads outside the vault's realpath. Segments made only of dots and spaces (`...`, `.. `) are refused too: Windows
 * trims trailing dots and spaces, so they can mean `..` there.
 *
 * Writes (`write: true`) into `.atlas` (app data), `.git` and `.obsidian` (Obsidian's configuration) are refused with
 * `invalid-argument`, compared case-insensitively (macOS and Windows file systems are), and so is any other name
 * starting with a dot (`.trash`, `.hidden.md`): the index skips dot names like Obsidian does, so a note written
 * there would vanish from the app; so is a name with control characters (newline, tab: Windows refuses them). The
 * check applies to the realpath as well, so a symlink `cfg -> .git` does not open a way in.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AtlasError } from './errors.ts';
import { diskSpelling, twinFree } from '../core/files/unicode-names.ts';

/** Top-level folders the app never writes into through the API. */
export const PROTECTED_FOLDERS: readonly string[] = ['.atlas', '.git', '.obsidian'];

export interface VaultPath {
  /** Normalised vault-relative path (`a/b.md`), '' for the vault root. */
  rel: string;
  /**
   * Absolute path under the vault root (symlinks not followed), with the on-disk spelling of a name the index knows
   * in another Unicode form (an NFD name on a Linux disk opened by its NFC path).
   */
  abs: string;
}

/** Longest file or folder name accepted, UTF-8 bytes (the limit of ext4 and APFS). */
export const MAX_NAME_BYTES = 255;

/** True for a segment that may mean `..` on some system (`...`, `.. `, ` .`), besides `.` and `..` themselves. */
const DOTS_AND_SPACES = /^[. ]+$/;

function outside(p: string): AtlasError {
  return new AtlasError('outside-vault', `Path is outside the vault: ${JSON.stringify(p)}`);
}

/**
 * Lexical checks only (no disk access): for names that may be a path or a note name (plan targets, link targets).
 * Returns the normalised relative path. Throws `outside-vault` / `invalid-argument`.
 */
export function normaliseRelative(p: string, opts: { allowRoot?: boolean } = {}): string {
  if (typeof p !== 'string') throw new AtlasError('invalid-argument', 'Path must be a string');
  if (p.includes('\0') || p.includes('\\')) throw outside(p);
  if (p.startsWith('/') || /^[A-Za-z]:/.test(p) || path.isAbsolute(p)) throw outside(p);
  const parts: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..' || DOTS_AND_SPACES.test(seg)) throw outside(p);
    // every common file system limits a name to 255 bytes (ext4, APFS, NTFS in UTF-16 units): say so, not `io`
    if (Buffer.byteLength(seg, 'utf8') > MAX_NAME_BYTES) {
      throw new AtlasError(
        'invalid-argument',
        `Name too long (over ${MAX_NAME_BYTES} bytes): ${JSON.stringify(seg.slice(0, 40))}…`,
      );
    }
    parts.push(seg);
  }
  const rel = parts.join('/');
  if (rel === '' && !opts.allowRoot) throw new AtlasError('invalid-argument', 'Path must not be empty');
  return rel;
}

/** True when `child` is `parent` or inside it (both absolute, normalised). */
function within(parent: string, child: string): boolean {
  const r = path.relative(parent, child);
  return r === '' || (!r.startsWith('..' + path.sep) && r !== '..' && !path.isAbsolute(r));
}

/** Resolves and confines vault paths for one vault root. */
export class VaultPaths {
  readonly root: string;
  readonly realRoot: string;

  constructor(root: string) {
    this.root = path.resolve(root);
    this.realRoot = fs.realpathSync(this.root);
  }

  /**
   * Confines `p` to the vault. `write: true` also refuses the protected folders and the vault root itself.
   * Throws `outside-vault` or `invalid-argument`; does not require the path to exist.
   */
  resolve(p: string, opts: { write?: boolean; allowRoot?: boolean } = {}): VaultPath {
    const rel = normaliseRelative(p, { allowRoot: opts.allowRoot && !opts.write });
    if (opts.write) refuseHidden(rel, p);
    let abs = rel === '' ? this.root : path.join(this.root, ...rel.split('/'));
    // a name the index knows by its NFC form but stored in another on disk (NFD on a Linux disk), or a Unicode twin:
    // the file it names (electron/core/files/unicode-names.ts)
    if (!twinFree(rel) && !fs.existsSync(abs)) {
      const disk = diskSpelling(this.root, rel);
      if (disk !== null) abs = path.join(this.root, ...disk.split('/'));
    }
    // Follow symlinks on the deepest part that exists: a link inside the vault may point anywhere.
    let probe = abs;
    for (;;) {
      let real: string | null = null;
      try {
        real = fs.realpathSync(probe);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code !== 'ENOENT' && code !== 'ENOTDIR') throw e;
      }
      if (real !== null) {
        if (!within(this.realRoot, real)) throw outside(p);
        if (opts.write) refuseHidden(path.relative(this.realRoot, real).split(path.sep).join('/'), p);
        break;
      }
      // A dangling symlink has no realpath; refuse it if it points outside.
      const link = readLinkOrNull(probe);
      if (link !== null) {
        const target = path.resolve(path.dirname(probe), link);
        if (!within(this.realRoot, target) && !within(this.root, target)) throw outside(p);
      }
      const parent = path.dirname(probe);
      if (parent === probe || !within(this.root, parent)) break;
      probe = parent;
    }
    return { rel, abs };
  }

  /**
   * Checks a path that is about to be written *after* following symlinks (e.g. the target of a symlinked note):
   * it must exist inside the vault's realpath and not be hidden. Returns the realpath. Throws `outside-vault` /
   * `invalid-argument`.
   */
  confineReal(abs: string, shown: string): string {
    const real = fs.realpathSync(abs);
    if (!within(this.realRoot, real)) throw outside(shown);
    refuseHidden(path.relative(this.realRoot, real).split(path.sep).join('/'), shown);
    return real;
  }

  /** The vault-relative path of an absolute path under the root. */
  relative(abs: string): string {
    return path.relative(this.root, abs).split(path.sep).join('/');
  }
}

/** Refuses a write path in a protected folder or with a dot name (see the module comment). */
function refuseHidden(rel: string, shown: string): void {
  if (rel === '') return;
  const segs = rel.split('/');
  const top = segs[0].toLowerCase();
  if (PROTECTED_FOLDERS.includes(top)) {
    throw new AtlasError('invalid-argument', `The app does not write inside ${top}/: ${JSON.stringify(shown)}`);
  }
  if (hasControlCharacter(rel)) {
    throw new AtlasError('invalid-argument', `Names must not contain control characters: ${JSON.stringify(shown)}`);
  }
  const hidden = segs.find((s) => s.startsWith('.'));
  if (hidden !== undefined) {
    throw new AtlasError(
      'invalid-argument',
      `Names starting with a dot are hidden from the vault (${JSON.stringify(hidden)}): ${JSON.stringify(shown)}`,
    );
  }
}

function readLinkOrNull(p: string): string | null {
  try {
    return fs.readlinkSync(p);
  } catch {
    return null;
  }
}

/** True when `s` holds a C0 control character other than NUL (U+0001–U+001F) or DEL (U+007F); NUL is refused earlier. */
function hasControlCharacter(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x01 && c <= 0x1f) || c === 0x7f) return true;
  }
  return false;
}
