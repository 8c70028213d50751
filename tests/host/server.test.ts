/** The host in-process: bound address, static files (MIME, index.html, no traversal). */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createAtlasService, type AtlasService } from '../../electron/services/atlas-service.ts';
import { startHost, type Host } from '../../electron/host/server.ts';
import { tempVault, type TempVault } from '../services/helpers.ts';
import { request } from './helpers.ts';

let vault: TempVault;
let service: AtlasService;
let host: Host;
let staticDir: string;

before(async () => {
  vault = tempVault();
  staticDir = path.join(vault.tmp, 'static');
  fs.mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Concept Atlas</title>');
  fs.writeFileSync(path.join(staticDir, 'assets/app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(staticDir, 'assets/app.css'), 'body{}');
  fs.writeFileSync(path.join(vault.tmp, 'private.txt'), 'private');
  fs.symlinkSync(path.join(vault.tmp, 'private.txt'), path.join(staticDir, 'assets/leak.txt'));
  service = await createAtlasService({ vaultRoot: vault.root, dbPath: vault.dbPath, watch: false, workers: 0 });
  host = await startHost({ service, port: 0, staticDir });
});

after(async () => {
  await host.close();
  await service.close();
  vault.cleanup();
});

test('bound to 127.0.0.1', () => {
  const a = host.server.address();
  assert.ok(a && typeof a === 'object');
  assert.equal(a.address, '127.0.0.1');
  assert.equal(host.url, `http://127.0.0.1:${host.port}/?token=${host.token}`);
});

test('static files: index.html for /, MIME types, security headers', async () => {
  const page = await request({ port: host.port, path: '/?token=x' });
  assert.equal(page.status, 200);
  assert.equal(page.headers['content-type'], 'text/html; charset=utf-8');
  assert.match(page.body, /Concept Atlas/);
  assert.match(String(page.headers['content-security-policy']), /frame-ancestors 'none'/);
  assert.equal(page.headers['x-content-type-options'], 'nosniff');
  assert.equal(
    (await request({ port: host.port, path: '/assets/app.js' })).headers['content-type'],
    'text/javascript; charset=utf-8',
  );
  assert.equal(
    (await request({ port: host.port, path: '/assets/app.css' })).headers['content-type'],
    'text/css; charset=utf-8',
  );
  assert.equal((await request({ port: host.port, path: '/assets/missing.js' })).status, 404);
});

test('no directory traversal out of the static folder', async () => {
  for (const p of [
    '/../private.txt',
    '/assets/../../private.txt',
    '/%2e%2e/private.txt',
    '/assets/%2e%2e%2f%2e%2e%2fprivate.txt',
    '/..%5cprivate.txt',
    '/assets/leak.txt',
  ]) {
    const r = await request({ port: host.port, path: p });
    assert.notEqual(r.status, 200, p);
    assert.doesNotMatch(r.body, /private/, p);
  }
});
