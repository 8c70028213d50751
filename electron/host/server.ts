/**
 * The browser host: serves the renderer and the `AtlasApi` over HTTP + WebSocket on 127.0.0.1 only.
 *
 * Protocol (mirrored by renderer/src/client.ts):
 * - `GET /`, static files of `out/renderer/` (no token; CSP + nosniff headers, see static-files.ts).
 * - `POST /api/<method>`, header `Authorization: Bearer <token>`, JSON body `{ "args": [...] }` →
 *   200 `{ ok: true, result }`, or `{ ok: false, error: { code, message } }` with 400 (invalid-argument, bad JSON),
 *   401 (no/wrong token), 403 (outside-vault, wrong Host), 404 (unknown method, not-found), 409 (exists, conflict),
 *   409 also `vault-changed`: a write from a window loaded with another vault (`X-Atlas-Vault`, vault-header.ts),
 *   413 (body over 20 MB), 500 (io, internal). Answers name the vault served in `X-Atlas-Vault` (with `vaultRoot`).
 * - `GET /api/health` with the token → `{ ok: true }`.
 * - `GET /vault-file/<path>?token=<token>`: an attachment from inside the vault (vault-file-route.ts).
 * - `POST /api/*` with an `Origin` other than the host's own is refused with 403.
 * - WebSocket `/events?token=<token>` → messages `{ event, payload }` for every `AtlasEvents` event; the current
 *   `index-status` is sent on connect. A wrong token, Host or Origin is refused with 401/403 before the upgrade.
 * The `Host` header must be `127.0.0.1:<port>` or `localhost:<port>`, so a DNS-rebinding page cannot reach the API.
 * The token is random per run (crypto.randomBytes) and compared in constant time (sha256 digests).
 */
import crypto from 'node:crypto';
import http from 'node:http';
import type net from 'node:net';
import type { Duplex } from 'node:stream';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ApiError, AtlasEventName } from '../shared/api.ts';
import { API_EVENTS, VAULT_ROOT_HEADER } from '../shared/api-methods.ts';
import type { AtlasServiceHandle } from '../services/service-thread.ts';
import { MAX_NOTE_BYTES } from '../core/limits.ts';
import { dispatch, httpStatus, isApiMethod } from '../services/dispatch.ts';
import { SECURITY_HEADERS, serveStatic } from './static-files.ts';
import { serveVaultFile, VAULT_FILE_PREFIX } from './vault-file-route.ts';
import { vaultChanged, vaultHeaderValue } from './vault-header.ts';

/** Largest accepted request body, bytes: a note of `MAX_NOTE_BYTES` with room for its JSON escapes. */
export const MAX_BODY_BYTES = 4 * MAX_NOTE_BYTES;

/** The built renderer of this checkout. */
export const DEFAULT_STATIC_DIR = fileURLToPath(new URL('../../out/renderer/', import.meta.url));

export interface HostOptions {
  service: AtlasServiceHandle;
  /** TCP port; 0 picks a free one. */
  port: number;
  /** Folder of the built renderer; default `out/renderer/` of this checkout. */
  staticDir?: string;
  /** Token to require; default 32 random bytes, hex. */
  token?: string;
  /**
   * The vault served now (absolute root), read at each API call (#12, vault-header.ts): answers carry it in
   * `X-Atlas-Vault`, and a write from a window loaded with another vault is refused with 409 `vault-changed`.
   * Without it neither is done (a host whose service never changes vault).
   */
  vaultRoot?: () => string;
}

export interface Host {
  port: number;
  token: string;
  /** `http://127.0.0.1:<port>/?token=<token>` — the URL to open. */
  url: string;
  server: http.Server;
  /** Windows connected to the event socket now (each is asked to save its edits before a vault switch, #12). */
  windows(): number;
  /** Closes WebSocket clients and the HTTP server (not the service). */
  close(): Promise<void>;
}

const API_HEADERS = {
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
};

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...API_HEADERS, 'Content-Length': String(Buffer.byteLength(text)) });
  res.end(text);
}

function sendError(res: http.ServerResponse, status: number, code: ApiError['code'], message: string): void {
  sendJson(res, status, { ok: false, error: { code, message } });
}

/** Compares sha256 digests, so neither the content nor the length of the token leaks through timing. */
function tokenMatches(expected: Buffer, given: string | null | undefined): boolean {
  if (typeof given !== 'string') return false;
  const digest = (b: string | Buffer) => crypto.createHash('sha256').update(b).digest();
  return crypto.timingSafeEqual(digest(given), digest(expected));
}

function bearer(req: http.IncomingMessage): string | null {
  const h = req.headers.authorization;
  const m = typeof h === 'string' ? /^Bearer\s+(\S+)$/i.exec(h) : null;
  return m ? m[1] : null;
}

/** Reads the body up to `MAX_BODY_BYTES`; resolves null (after answering 413) when it is larger. */
function readBody(req: http.IncomingMessage, res: http.ServerResponse): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) {
      sendError(res, 413, 'invalid-argument', `Request body over ${MAX_BODY_BYTES} bytes`);
      req.resume();
      resolve(null);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (c: Buffer) => {
      if (over) return;
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        over = true;
        chunks.length = 0;
        res.setHeader('Connection', 'close');
        sendError(res, 413, 'invalid-argument', `Request body over ${MAX_BODY_BYTES} bytes`);
        resolve(null);
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      if (!over) resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

/** Starts the host on 127.0.0.1. Rejects when the port is taken. */
export async function startHost(opts: HostOptions): Promise<Host> {
  const { service } = opts;
  const staticDir = path.resolve(opts.staticDir ?? DEFAULT_STATIC_DIR);
  const token = opts.token ?? crypto.randomBytes(32).toString('hex');
  const tokenBuf = Buffer.from(token);
  let port = opts.port;

  const hostAllowed = (h: string | undefined): boolean => h === `127.0.0.1:${port}` || h === `localhost:${port}`;
  const originAllowed = (o: string | undefined): boolean =>
    o === undefined || o === `http://127.0.0.1:${port}` || o === `http://localhost:${port}`;

  const handleApi = async (req: http.IncomingMessage, res: http.ServerResponse, pathname: string): Promise<void> => {
    if (!tokenMatches(tokenBuf, bearer(req))) return sendError(res, 401, 'unauthorized', 'Missing or wrong token');
    if (!hostAllowed(req.headers.host)) return sendError(res, 403, 'unauthorized', 'Wrong Host header');
    // Browsers send Origin on cross-origin requests; only the app's own page may call (defence in depth over the token).
    if (!originAllowed(req.headers.origin)) return sendError(res, 403, 'unauthorized', 'Wrong Origin header');
    const method = pathname.slice('/api/'.length);
    if (method === 'health') {
      if (req.method !== 'GET' && req.method !== 'POST') return sendError(res, 405, 'invalid-argument', 'Use GET');
      return sendJson(res, 200, { ok: true });
    }
    if (!isApiMethod(method)) return sendError(res, 404, 'not-found', `Unknown method: ${method.slice(0, 100)}`);
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      return sendError(res, 405, 'invalid-argument', 'Use POST');
    }
    const body = await readBody(req, res);
    if (body === null) return;
    let args: unknown = [];
    if (body.length > 0) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(body.toString('utf8'));
      } catch {
        return sendError(res, 400, 'invalid-argument', 'The request body is not JSON');
      }
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
        return sendError(res, 400, 'invalid-argument', 'The request body must be an object { "args": [...] }');
      }
      args = (parsed as { args?: unknown }).args ?? [];
    }
    // read at once before the dispatch, which reaches the current service synchronously: no switch in between
    const root = opts.vaultRoot?.();
    if (root !== undefined) {
      res.setHeader(VAULT_ROOT_HEADER, vaultHeaderValue(root));
      const refused = vaultChanged(req, method, root);
      if (refused) return sendJson(res, httpStatus(refused.code), { ok: false, error: refused });
    }
    const r = await dispatch(service.api, method, args);
    if (r.ok) sendJson(res, 200, r);
    else sendJson(res, httpStatus(r.error.code), r);
  };

  const server = http.createServer((req, res) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://127.0.0.1');
    } catch {
      return sendError(res, 400, 'invalid-argument', 'Bad URL');
    }
    const pathname = url.pathname;
    if (pathname === '/api' || pathname.startsWith('/api/')) {
      handleApi(req, res, pathname).catch(() => {
        if (!res.headersSent) sendError(res, 500, 'internal', 'Internal error');
        else res.destroy();
      });
      return;
    }
    if (!hostAllowed(req.headers.host)) {
      res.writeHead(403, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Wrong Host header');
      return;
    }
    // Attachments of the vault for the reading view (token in the query: <img>/<video> cannot send headers).
    if (pathname.startsWith(VAULT_FILE_PREFIX)) {
      const ok = tokenMatches(tokenBuf, url.searchParams.get('token') ?? bearer(req));
      serveVaultFile(req, res, pathname, ok, async () => (await service.api.vaultInfo()).root).catch(() => {
        if (!res.headersSent) sendError(res, 500, 'internal', 'Internal error');
        else res.destroy();
      });
      return;
    }
    serveStatic(staticDir, pathname, req, res);
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const refuse = (socket: Duplex, status: number, text: string): void => {
    socket.write(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    socket.destroy();
  };
  server.on('upgrade', (req, socket, head) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://127.0.0.1');
    } catch {
      return refuse(socket, 400, 'Bad Request');
    }
    if (url.pathname !== '/events') return refuse(socket, 404, 'Not Found');
    if (!tokenMatches(tokenBuf, url.searchParams.get('token'))) return refuse(socket, 401, 'Unauthorized');
    if (!hostAllowed(req.headers.host) || !originAllowed(req.headers.origin)) return refuse(socket, 403, 'Forbidden');
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });
  wss.on('connection', (ws: WebSocket) => {
    // Clients only listen; anything they send is ignored.
    ws.on('message', () => {});
    ws.on('error', () => ws.terminate());
    service.api.indexStatus().then(
      (s) => ws.readyState === ws.OPEN && ws.send(JSON.stringify({ event: 'index-status', payload: s })),
      () => {},
    );
  });
  const unsubscribe = API_EVENTS.map((event: AtlasEventName) =>
    service.events.on(event, (payload) => {
      const msg = JSON.stringify({ event, payload });
      for (const c of wss.clients) if (c.readyState === c.OPEN) c.send(msg);
    }),
  );

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: opts.port }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as net.AddressInfo).port;

  const close = async (): Promise<void> => {
    for (const u of unsubscribe) u();
    for (const c of wss.clients) c.terminate();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };

  const windows = (): number => {
    let n = 0;
    for (const c of wss.clients) if (c.readyState === c.OPEN) n++;
    return n;
  };
  return { port, token, url: `http://127.0.0.1:${port}/?token=${token}`, server, windows, close };
}
