/**
 * Serves the built renderer (`out/renderer/`) to the browser: `/` is `index.html`, other paths are files below the
 * folder with their MIME type. Paths are decoded once and must stay inside the folder after resolving `..` and
 * symlinks (no directory traversal). The page carries no vault data, so it needs no token; it is sent with the
 * app's Content-Security-Policy and `X-Content-Type-Options: nosniff`.
 */
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { contentSecurityPolicy } from '../shared/csp.ts';
import { assetType } from '../services/protocol-handlers.ts';

/** The app's CSP (electron/shared/csp.ts) for the browser host: `connect-src` allows the host's own WebSocket. */
export const HOST_CSP = contentSecurityPolicy('browser-host');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': HOST_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function within(parent: string, child: string): boolean {
  const r = path.relative(parent, child);
  return r === '' || (!r.startsWith('..') && !path.isAbsolute(r));
}

function sendText(res: http.ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

/** Answers a GET/HEAD for a static file of `root` (an absolute folder). */
export function serveStatic(root: string, pathname: string, req: http.IncomingMessage, res: http.ServerResponse): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    sendText(res, 405, 'Method not allowed');
    return;
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    sendText(res, 400, 'Bad path');
    return;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) {
    sendText(res, 400, 'Bad path');
    return;
  }
  const rel = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const file = path.resolve(root, rel);
  if (!within(root, file)) {
    sendText(res, 404, 'Not found');
    return;
  }
  let real: string;
  let st: fs.Stats;
  try {
    real = fs.realpathSync(file);
    st = fs.statSync(real);
  } catch {
    if (!fs.existsSync(path.join(root, 'index.html'))) {
      sendText(res, 503, 'The renderer is not built: run `npm run build:web`.');
      return;
    }
    sendText(res, 404, 'Not found');
    return;
  }
  let realRoot: string;
  try {
    realRoot = fs.realpathSync(root);
  } catch {
    sendText(res, 503, 'The renderer is not built: run `npm run build:web`.');
    return;
  }
  if (!within(realRoot, real) || !st.isFile()) {
    sendText(res, 404, 'Not found');
    return;
  }
  const isHtml = real.endsWith('.html');
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    // one table of types for both hosts (electron/services/protocol-handlers.ts)
    'Content-Type': assetType(real),
    'Content-Length': String(st.size),
    // Hashed asset names may be cached; the page itself must always be fresh.
    'Cache-Control': isHtml ? 'no-store' : 'public, max-age=3600',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  fs.createReadStream(real)
    .on('error', () => res.destroy())
    .pipe(res);
}
