/**
 * The browser host as a process (`node electron/host/web.ts <vault> --port 0`): URL line, token, CSP, Host check,
 * path confinement over HTTP, WebSocket events.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { tempVault, type TempVault } from '../services/helpers.ts';
import { call, request } from './helpers.ts';

const WEB = fileURLToPath(new URL('../../electron/host/web.ts', import.meta.url));

let child: ChildProcess;
let vault: TempVault;
let firstLine = '';
let port = 0;
let token = '';
let stderr = '';

before(async () => {
  vault = tempVault();
  child = spawn(process.execPath, [WEB, vault.root, '--port', '0', '--db', vault.dbPath], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const lines = readline.createInterface({ input: child.stdout! });
  firstLine = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`web.ts exited with ${code}: ${stderr}`)));
  });
  const m = /^Concept Atlas: http:\/\/127\.0\.0\.1:(\d+)\/\?token=([0-9a-f]+)$/.exec(firstLine);
  if (m) {
    port = Number(m[1]);
    token = m[2];
  }
  // Wait until the first sync is done so that queries see the whole vault.
  for (;;) {
    const s = await call(port, token, 'indexStatus', []);
    if (s.body.result?.state !== 'indexing') break;
    await new Promise((r) => setTimeout(r, 50));
  }
});

after(() => {
  child.kill('SIGTERM');
  vault.cleanup();
});

test('the first stdout line is the URL with a random token', () => {
  assert.match(firstLine, /^Concept Atlas: http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{64}$/);
  assert.ok(port > 0);
});

test('/api/* without the token or with a wrong one is 401; with it 200', async () => {
  assert.equal((await request({ port, path: '/api/health' })).status, 401);
  assert.equal((await request({ port, path: '/api/health', headers: { Authorization: 'Bearer nope' } })).status, 401);
  assert.equal(
    (await request({ port, path: '/api/health', headers: { Authorization: `Bearer ${token}x` } })).status,
    401,
  );
  const noToken = await request({
    port,
    path: '/api/readNote',
    method: 'POST',
    body: JSON.stringify({ args: ['notes/ref.md'] }),
  });
  assert.equal(noToken.status, 401);
  assert.doesNotMatch(noToken.body, /Markdown link/);
  const ok = await request({ port, path: '/api/health', headers: { Authorization: `Bearer ${token}` } });
  assert.equal(ok.status, 200);
  assert.deepEqual(JSON.parse(ok.body), { ok: true });
  const note = await call(port, token, 'readNote', ['notes/ref.md']);
  assert.equal(note.status, 200);
  assert.equal(note.body.ok, true);
  assert.match(note.body.result.content, /Markdown link/);
});

test('the page is served with the CSP and nosniff headers', async () => {
  const r = await request({ port, path: '/' });
  assert.equal(
    r.headers['content-security-policy'],
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self' ws://127.0.0.1:*; font-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  );
  assert.equal(r.headers['x-content-type-options'], 'nosniff');
});

test('a wrong Host header (DNS rebinding) is refused even with the token', async () => {
  const r = await request({
    port,
    path: '/api/health',
    headers: { Authorization: `Bearer ${token}`, Host: `evil.example:${port}` },
  });
  assert.equal(r.status, 403);
  const page = await request({ port, path: '/', headers: { Host: 'evil.example' } });
  assert.equal(page.status, 403);
  const local = await request({
    port,
    path: '/api/health',
    headers: { Authorization: `Bearer ${token}`, Host: `localhost:${port}` },
  });
  assert.equal(local.status, 200);
});

test('the host listens on 127.0.0.1 only', async () => {
  const others = Object.values(os.networkInterfaces())
    .flat()
    .filter((i) => i && !i.internal && i.family === 'IPv4')
    .map((i) => i!.address);
  for (const address of [...others, '::1']) {
    await assert.rejects(
      request({ port, path: '/api/health', host: address }),
      (e: NodeJS.ErrnoException) => e.code === 'ECONNREFUSED' || e.code === 'EADDRNOTAVAIL' || e.code === 'ENETUNREACH',
      address,
    );
  }
});

test('a path outside the vault is refused over HTTP', async () => {
  fs.writeFileSync(path.join(vault.tmp, 'secret.md'), 'secret');
  for (const p of ['../secret.md', '/etc/passwd', 'notes/../../secret.md']) {
    const r = await call(port, token, 'readNote', [p]);
    assert.equal(r.status, 403, p);
    assert.deepEqual(Object.keys(r.body.error).sort(), ['code', 'message']);
    assert.equal(r.body.error.code, 'outside-vault');
  }
  const w = await call(port, token, 'writeNote', ['../secret.md', 'pwned']);
  assert.equal(w.body.error.code, 'outside-vault');
  assert.equal(fs.readFileSync(path.join(vault.tmp, 'secret.md'), 'utf8'), 'secret');
});

test('bad requests: unknown method 404, non-JSON 400, bad arguments 400, too large 413', async () => {
  assert.equal((await call(port, token, 'nope', [])).status, 404);
  const nonJson = await request({
    port,
    path: '/api/readNote',
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
    body: '{args: [',
  });
  assert.equal(nonJson.status, 400);
  assert.equal(JSON.parse(nonJson.body).error.code, 'invalid-argument');
  const badArgs = await call(port, token, 'readNote', [1]);
  assert.equal(badArgs.status, 400);
  assert.equal(badArgs.body.error.code, 'invalid-argument');
  const big = await request({
    port,
    path: '/api/writeNote',
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
    body: Buffer.alloc(21 * 1024 * 1024, 0x20),
  }).catch((e: NodeJS.ErrnoException) => ({
    status: e.code === 'EPIPE' || e.code === 'ECONNRESET' ? 413 : 0,
    headers: {},
    body: '',
  }));
  assert.equal(big.status, 413);
});

test('WebSocket: a wrong token is refused; with the token, vault-changed arrives after a write', async () => {
  const refused = new WebSocket(`ws://127.0.0.1:${port}/events?token=wrong`);
  const status = await new Promise<number>((resolve) => {
    refused.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    refused.on('open', () => resolve(101));
    refused.on('error', () => resolve(-1));
  });
  assert.equal(status, 401);

  const ws = new WebSocket(`ws://127.0.0.1:${port}/events?token=${token}`);
  const messages: { event: string; payload: any }[] = [];
  let notify: () => void = () => {};
  ws.on('message', (data) => {
    messages.push(JSON.parse(String(data)));
    notify();
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const arrived = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no vault-changed; got ${JSON.stringify(messages)}`)), 20_000);
    notify = () => {
      if (messages.some((m) => m.event === 'vault-changed' && m.payload.changed.includes('来自网页.md'))) {
        clearTimeout(timer);
        resolve();
      }
    };
  });
  const w = await call(port, token, 'writeNote', ['来自网页.md', '# 来自网页\n\n[[通道]]\n']);
  assert.equal(w.status, 200, JSON.stringify(w.body));
  await arrived;
  assert.ok(
    messages.some((m) => m.event === 'index-status'),
    'index-status is sent on connect',
  );
  ws.close();
});
