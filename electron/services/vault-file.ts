/**
 * Attachments for the reading view (images, audio, video, PDF embedded in notes), read from inside the vault only.
 * Shared by the browser host's `GET /vault-file/<path>` route (electron/host/vault-file-route.ts) and Electron's
 * `atlas-vault:` protocol (electron/services/protocol-handlers.ts, registered by electron/main/protocols.ts).
 *
 * Confinement: the path goes through {@link VaultPaths.resolve} (no absolute paths, `..`, NUL, backslashes; the
 * realpath, symlinks followed, must stay inside the vault's realpath), and no segment of the path or of its realpath
 * may start with a dot (`.git`, `.obsidian`, `.atlas`, `.trash`: the index skips them, so the app never shows them).
 * The file is opened by its realpath with `O_NOFOLLOW` and checked again with `fstat`, so a symlink swapped in between
 * check and open is not followed.
 *
 * Response headers ({@link vaultFileHeaders}): the type from the extension (never sniffed: `nosniff`), and a CSP of
 * its own: `default-src 'none'` plus `sandbox` for everything except PDF, so an SVG or HTML file opened directly runs
 * no script in the app's origin (Chromium's PDF viewer does not run in a sandboxed document; a PDF runs no script in
 * the origin anyway).
 */
import fs from 'node:fs';
import path from 'node:path';
import { AtlasError } from './errors.ts';
import { VaultPaths } from './vault-paths.ts';

/** Content types of the files a note can embed (Obsidian's accepted formats), by lower-case extension. */
export const ATTACHMENT_TYPES: Readonly<Record<string, string>> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.bmp': 'image/bmp',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.m4a': 'audio/mp4',
  '.ogg': 'audio/ogg',
  '.oga': 'audio/ogg',
  '.flac': 'audio/flac',
  '.3gp': 'video/3gpp',
  '.webm': 'video/webm',
  '.mp4': 'video/mp4',
  '.m4v': 'video/mp4',
  '.mov': 'video/quicktime',
  '.ogv': 'video/ogg',
  '.mkv': 'video/x-matroska',
  '.pdf': 'application/pdf',
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

/** Content type of a vault file by its extension; `application/octet-stream` for anything unknown. */
export function attachmentType(file: string): string {
  return ATTACHMENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** An opened vault file: read it through `fd` (the caller closes it). */
export interface OpenedVaultFile {
  /** Vault-relative path as requested (normalised). */
  rel: string;
  /** Realpath of the file. */
  real: string;
  fd: number;
  /** Size, bytes. */
  size: number;
  mtimeMs: number;
  contentType: string;
}

const roots = new Map<string, VaultPaths>();

/** The {@link VaultPaths} of a vault root (cached: the realpath of the root is taken once). */
export function vaultPathsFor(root: string): VaultPaths {
  let p = roots.get(root);
  if (!p) {
    p = new VaultPaths(root);
    if (roots.size > 16) roots.clear();
    roots.set(root, p);
  }
  return p;
}

function hiddenSegment(rel: string): boolean {
  return rel.split('/').some((s) => s.startsWith('.'));
}

function within(parent: string, child: string): boolean {
  const r = path.relative(parent, child);
  return r === '' || (!r.startsWith('..' + path.sep) && r !== '..' && !path.isAbsolute(r));
}

/**
 * Opens the vault file `rel` (vault-relative, `/` separators, already percent-decoded) for reading.
 * Throws `AtlasError`: `outside-vault` (escapes the vault, symlinks included), `not-found` (missing, a folder, a
 * hidden path, not a regular file), `io` (other read errors).
 */
export async function openVaultFile(root: string, rel: string): Promise<OpenedVaultFile> {
  const paths = vaultPathsFor(root);
  const resolved = paths.resolve(rel);
  if (resolved.rel === '' || hiddenSegment(resolved.rel)) throw new AtlasError('not-found', `Not found: ${rel}`);
  let real: string;
  try {
    real = await fs.promises.realpath(resolved.abs);
  } catch {
    throw new AtlasError('not-found', `Not found: ${resolved.rel}`);
  }
  if (!within(paths.realRoot, real))
    throw new AtlasError('outside-vault', `Path is outside the vault: ${JSON.stringify(rel)}`);
  if (hiddenSegment(path.relative(paths.realRoot, real).split(path.sep).join('/'))) {
    throw new AtlasError('not-found', `Not found: ${resolved.rel}`);
  }
  let fd: number;
  try {
    // A raw descriptor (callback API), not a FileHandle: the caller's stream closes it, and a FileHandle would close
    // it once more when garbage-collected.
    fd = await new Promise<number>((resolve, reject) => {
      fs.open(real, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0), (e, n) => (e ? reject(e) : resolve(n)));
    });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ELOOP' || code === 'EISDIR')
      throw new AtlasError('not-found', `Not found: ${resolved.rel}`);
    throw new AtlasError('io', `Cannot read ${resolved.rel}: ${code ?? 'error'}`);
  }
  const st = fs.fstatSync(fd);
  if (!st.isFile()) {
    fs.closeSync(fd);
    throw new AtlasError('not-found', `Not found: ${resolved.rel}`);
  }
  return { rel: resolved.rel, real, fd, size: st.size, mtimeMs: st.mtimeMs, contentType: attachmentType(real) };
}

/** CSP of a served vault file: nothing may load, and no script runs in the app's origin (see the module comment). */
export function vaultFileCsp(contentType: string): string {
  const base = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; frame-ancestors 'self'";
  return contentType === 'application/pdf' ? base : `${base}; sandbox`;
}

/** Headers every served vault file carries (besides length/range). */
export function vaultFileHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': vaultFileCsp(contentType),
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'private, no-cache',
    'Accept-Ranges': 'bytes',
  };
}

/**
 * Parses a `Range: bytes=a-b` header (one range; RFC 9110) against a file of `size` bytes. Returns the inclusive
 * byte range, `null` for no/unsupported header (serve the whole file), or `'unsatisfiable'` (answer 416).
 */
export function parseRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | null | 'unsatisfiable' {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  let start: number;
  let end: number;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0) return 'unsatisfiable';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}
