/**
 * Hardening of the browser host, in-process over real HTTP: Origin checks on the API and the WebSocket, tokens of the
 * right length but wrong content, CSP.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { createAtlasService, type AtlasService } from '../../electron/services/atlas-service.ts';
import { startHost, type Host } from '../../electron/host/server.ts';
import { tempVault, type TempVault } from '../services/helpers.ts';
import { request } from './helpers.ts';

let vault: TempVault;
let service: AtlasService;
let host: Host;

before(async () => {
  vault = tempVault();
  service = await createAtlasService({ vaultRoot: vault.root, dbPath: vault.dbPath, watch: false, workers: 0 });
  await service.ready;
  host = await startHost({ service, port: 0, staticDir: vault.tmp });
});

after(async () => {
  await host.close();
  await service.close();
  vault.cleanup();
});

test('an API call from another origin is refused even with the token; the own origin is served', async () => {
  const call = (origin?: string) =>
    request({
      port: host.port,
      path: '/api/readNote',
      method: 'POST',
      headers: { Authorization: `Bearer ${host.token}`, ...(origin ? { Origin: origin } : {}) },
      body: JSON.stringify({ args: ['notes/ref.md'] }),
    });
  const evil = await call('http://evil.example');
  assert.equal(evil.status, 403);
  assert.doesNotMatch(evil.body, /Markdown link/);
  assert.equal(JSON.parse(evil.body).error.code, 'unauthorized');
  assert.equal((await call(`http://127.0.0.1:${host.port + 1}`)).status, 403);
  assert.equal((await call(`http://127.0.0.1:${host.port}`)).status, 200);
  assert.equal((await call()).status, 200);
});

test('a token of the right length but wrong content is 401', async () => {
  const wrong = host.token.replace(/^./, (c) => (c === '0' ? '1' : '0'));
  assert.equal(wrong.length, host.token.length);
  const r = await request({ port: host.port, path: '/api/health', headers: { Authorization: `Bearer ${wrong}` } });
  assert.equal(r.status, 401);
});

test('WebSocket from another origin is refused with 403 even with the token', async () => {
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}/events?token=${host.token}`, { origin: 'http://evil.example' });
  const status = await new Promise<number>((resolve) => {
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('open', () => resolve(101));
    ws.on('error', () => resolve(-1));
  });
  assert.equal(status, 403);
});

test('the CSP forbids form submissions as well as frames, plugins and base changes', async () => {
  const r = await request({ port: host.port, path: '/' });
  const csp = String(r.headers['content-security-policy']);
  for (const d of [
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "script-src 'self'",
  ]) {
    assert.ok(csp.includes(d), d);
  }
});
