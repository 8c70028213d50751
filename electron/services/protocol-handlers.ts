/**
 * The Electron shell's two custom protocols as plain request handlers (Fetch API `Request` → `Response`), so they
 * run and are tested in Node without Electron; electron/main/protocols.ts only registers them with `protocol.handle`.
 *
 * - `app://atlas/<path>` ({@link appAssetHandler}): the built renderer. The window loads the app from this
 *   privileged scheme instead of `file://`, as Electron's security checklist advises ("Avoid usage of the file://
 *   protocol and prefer usage of custom protocols"): Chromium applies no response headers to `file://` pages, so
 *   there only the page's `<meta>` policy was in force, and that one (built for both hosts) allows the browser
 *   host's `ws://127.0.0.1:*`. Here every response carries the Electron policy as a header, and `index.html` is
 *   served with its `<meta>` policy replaced by `electron-page-meta` (electron/shared/csp.ts): no policy of the
 *   Electron page allows `ws:`. Paths are decoded once, refused with NUL or backslash, and must stay inside the folder
 *   after `..` and symlinks; GET/HEAD only; other hosts than `atlas` are refused.
 * - `atlas-vault://vault/<percent-encoded vault path>` ({@link vaultFileHandler}): attachments of the open vault for
 *   the reading view, through the confinement of vault-file.ts (the browser host's `/vault-file/` route uses the same):
 *   403 outside the vault (symlinks included), 404 hidden or missing, byte ranges for audio and video seeking.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { contentSecurityPolicy } from '../shared/csp.ts';
import { toApiError } from './errors.ts';
import { openVaultFile, parseRange, vaultFileHeaders } from './vault-file.ts';

/** The app's scheme and host: the renderer is `app://atlas/index.html`. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'atlas';
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;
/** The attachments' scheme: `atlas-vault://vault/<path>`. */
export const VAULT_SCHEME = 'atlas-vault';

/** The Electron page's policy (header), and the `<meta>` policy its `index.html` is served with. */
export const ELECTRON_CSP = contentSecurityPolicy('electron');
const ELECTRON_META_CSP = contentSecurityPolicy('electron-page-meta');

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** Content type of a renderer asset by its extension (used by both hosts); `application/octet-stream` otherwise. */
export function assetType(file: string): string {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Headers of every `app://` response. */
const APP_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': ELECTRON_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

const META_CSP = /(<meta\s+http-equiv=["']Content-Security-Policy["']\s+content=")[^"]*(")/i;

function text(status: number, body: string, extra: Record<string, string> = {}): Response {
  return new Response(body, {
    status,
    headers: { ...APP_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...extra },
  });
}

function within(parent: string, child: string): boolean {
  const r = path.relative(parent, child);
  return r === '' || (r !== '..' && !r.startsWith(`..${path.sep}`) && !path.isAbsolute(r));
}

/**
 * The `app://atlas/…` handler serving the built renderer in `root` (an absolute folder, e.g. out/renderer/):
 * `/` is `index.html` (its `<meta>` policy replaced, see the module comment), other paths files below `root` with
 * their type. 400 bad path, 404 missing or outside (after symlinks), 405 other methods than GET/HEAD.
 */
export function appAssetHandler(root: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return text(405, 'Method not allowed', { Allow: 'GET, HEAD' });
    const url = new URL(request.url);
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return text(404, 'Not found');
    let decoded: string;
    try {
      decoded = decodeURIComponent(url.pathname);
    } catch {
      return text(400, 'Bad path');
    }
    if (decoded.includes('\0') || decoded.includes('\\')) return text(400, 'Bad path');
    const rel = decoded.replace(/^\/+/, '') || 'index.html';
    const file = path.resolve(root, rel);
    if (!within(root, file)) return text(404, 'Not found');
    let real: string;
    let realRoot: string;
    try {
      real = await fs.promises.realpath(file);
      realRoot = await fs.promises.realpath(root);
    } catch {
      return text(404, 'Not found');
    }
    if (!within(realRoot, real)) return text(404, 'Not found');
    let bytes: Buffer;
    try {
      bytes = await fs.promises.readFile(real);
    } catch {
      return text(404, 'Not found'); // a folder, or gone meanwhile
    }
    const isHtml = real.endsWith('.html');
    const body = isHtml ? Buffer.from(bytes.toString('utf8').replace(META_CSP, `$1${ELECTRON_META_CSP}$2`)) : bytes;
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: {
        ...APP_HEADERS,
        'Content-Type': assetType(real),
        'Content-Length': String(body.length),
        'Cache-Control': isHtml ? 'no-store' : 'no-cache',
      },
    });
  };
}

/**
 * The `atlas-vault://vault/…` handler. `vaultRoot` gives the open vault's folder (absolute) or rejects when none is
 * open (answered 404). 400 for another host, method or a badly encoded path; 403 outside the vault; 404 hidden,
 * missing or not a file; 206/416 for byte ranges.
 */
export function vaultFileHandler(vaultRoot: () => Promise<string>): (request: Request) => Promise<Response> {
  return async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'vault' || (request.method !== 'GET' && request.method !== 'HEAD'))
      return new Response('Bad request', { status: 400 });
    let rel: string;
    try {
      rel = url.pathname.replace(/^\/+/, '').split('/').map(decodeURIComponent).join('/');
    } catch {
      return new Response('Bad path', { status: 400 });
    }
    let file: Awaited<ReturnType<typeof openVaultFile>>;
    try {
      file = await openVaultFile(await vaultRoot(), rel);
    } catch (e) {
      const outside = toApiError(e).code === 'outside-vault';
      return new Response(outside ? 'Outside the vault' : 'Not found', { status: outside ? 403 : 404 });
    }
    const headers = vaultFileHeaders(file.contentType);
    const range = parseRange(request.headers.get('range') ?? undefined, file.size);
    if (range === 'unsatisfiable') {
      fs.closeSync(file.fd);
      return new Response(null, { status: 416, headers: { ...headers, 'Content-Range': `bytes */${file.size}` } });
    }
    const { start, end } = range ?? { start: 0, end: file.size - 1 };
    const length = file.size === 0 ? 0 : end - start + 1;
    if (request.method === 'HEAD' || length === 0) {
      fs.closeSync(file.fd);
      return new Response(null, {
        status: range ? 206 : 200,
        headers: { ...headers, 'Content-Length': String(length) },
      });
    }
    const stream = fs.createReadStream('', { fd: file.fd, autoClose: true, start, end });
    return new Response(Readable.toWeb(stream) as unknown as ReadableStream, {
      status: range ? 206 : 200,
      headers: {
        ...headers,
        'Content-Length': String(length),
        ...(range ? { 'Content-Range': `bytes ${start}-${end}/${file.size}` } : {}),
      },
    });
  };
}
