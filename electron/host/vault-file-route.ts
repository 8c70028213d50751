/**
 * The browser host's attachment route: `GET|HEAD /vault-file/<percent-encoded vault path>?token=<token>` (or the
 * header `Authorization: Bearer <token>`). The query form exists because `<img>`, `<audio>` and `<video>` cannot
 * send headers.
 *
 * Answers: 200 with the file (type from the extension, `nosniff`, a sandboxing CSP of its own, see
 * electron/services/vault-file.ts), 206 for a satisfiable single `Range` (media seeking), 416 for an unsatisfiable
 * one, 400 bad path encoding, 401 missing/wrong token, 403 outside the vault (symlinks included) or wrong Host,
 * 404 missing, hidden (dot) path or not a file, 405 other methods. Error bodies are plain text.
 */
import fs from 'node:fs';
import type http from 'node:http';
import { toApiError } from '../services/errors.ts';
import { openVaultFile, parseRange, vaultFileHeaders } from '../services/vault-file.ts';

/** URL prefix of the route. */
export const VAULT_FILE_PREFIX = '/vault-file/';

function sendText(res: http.ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

const STATUS: Record<string, number> = { 'outside-vault': 403, 'not-found': 404, 'invalid-argument': 400 };

/**
 * Serves one vault file. `authorised` says whether the request carried the right token (checked by the caller in
 * constant time); `vaultRoot` gives the current vault folder (absolute).
 */
export async function serveVaultFile(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  pathname: string,
  authorised: boolean,
  vaultRoot: () => Promise<string>,
): Promise<void> {
  if (!authorised) return sendText(res, 401, 'Missing or wrong token');
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return sendText(res, 405, 'Method not allowed');
  }
  let rel: string;
  try {
    rel = pathname.slice(VAULT_FILE_PREFIX.length).split('/').map(decodeURIComponent).join('/');
  } catch {
    return sendText(res, 400, 'Bad path');
  }
  let file: Awaited<ReturnType<typeof openVaultFile>>;
  try {
    file = await openVaultFile(await vaultRoot(), rel);
  } catch (e) {
    const err = toApiError(e);
    return sendText(
      res,
      STATUS[err.code] ?? 500,
      err.code === 'outside-vault'
        ? 'Outside the vault'
        : err.code === 'not-found'
          ? 'Not found'
          : 'Cannot read the file',
    );
  }
  const headers: Record<string, string> = vaultFileHeaders(file.contentType);
  const range = parseRange(typeof req.headers.range === 'string' ? req.headers.range : undefined, file.size);
  if (range === 'unsatisfiable') {
    fs.closeSync(file.fd);
    res.writeHead(416, { ...headers, 'Content-Range': `bytes */${file.size}` });
    res.end();
    return;
  }
  const start = range ? range.start : 0;
  const end = range ? range.end : file.size - 1;
  res.writeHead(range ? 206 : 200, {
    ...headers,
    'Content-Length': String(Math.max(0, end - start + 1)),
    ...(range ? { 'Content-Range': `bytes ${start}-${end}/${file.size}` } : {}),
  });
  if (req.method === 'HEAD' || file.size === 0) {
    fs.closeSync(file.fd);
    res.end();
    return;
  }
  const stream = fs.createReadStream('', { fd: file.fd, start, end, autoClose: true });
  // A client that goes away (a media element seeking elsewhere) must not leave the descriptor open.
  res.on('close', () => stream.destroy());
  stream.on('error', () => res.destroy()).pipe(res);
}
