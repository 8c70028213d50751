/**
 * The browser host's attachment route `GET /vault-file/<path>?token=`: files inside the vault are served with their
 * type, nosniff and a sandboxing CSP; everything outside the vault (`..`, encoded `..`, absolute paths, backslashes,
 * symlinks to files or folders outside), hidden folders, folders and missing files are refused; the token is
 * required. Real HTTP against a real host and service on a temp vault.
 */
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
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a3b1c1d40000000049454e44ae426082',
  'hex',
);
const SECRET = 'secret outside the vault';

before(async () => {
  vault = tempVault();
  fs.mkdirSync(path.join(vault.root, 'img 图'), { recursive: true });
  fs.writeFileSync(path.join(vault.root, 'img 图', 'pic 1.png'), PNG);
  fs.writeFileSync(
    path.join(vault.root, 'draw.svg'),
    '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
  );
  fs.writeFileSync(path.join(vault.root, 'doc.pdf'), '%PDF-1.4\n%%EOF\n');
  fs.mkdirSync(path.join(vault.root, '.obsidian'), { recursive: true });
  fs.writeFileSync(path.join(vault.root, '.obsidian', 'app.json'), '{}');
  fs.writeFileSync(path.join(vault.tmp, 'secret.txt'), SECRET);
  fs.mkdirSync(path.join(vault.tmp, 'outside-dir'));
  fs.writeFileSync(path.join(vault.tmp, 'outside-dir', 'x.png'), PNG);
  fs.symlinkSync(path.join(vault.tmp, 'secret.txt'), path.join(vault.root, 'leak.txt'));
  fs.symlinkSync(path.join(vault.tmp, 'outside-dir'), path.join(vault.root, 'linked-dir'));
  fs.symlinkSync(path.join(vault.root, 'img 图', 'pic 1.png'), path.join(vault.root, 'alias.png'));
  fs.symlinkSync(path.join(vault.root, '.obsidian', 'app.json'), path.join(vault.root, 'cfg.json'));
  service = await createAtlasService({ vaultRoot: vault.root, dbPath: vault.dbPath, watch: false, workers: 0 });
  await service.ready;
  // The renderer folder is an empty one, so nothing but the route can answer with a file.
  fs.mkdirSync(path.join(vault.tmp, 'renderer'));
  host = await startHost({ service, port: 0, staticDir: path.join(vault.tmp, 'renderer') });
});

after(async () => {
  await host?.close();
  await service?.close();
  vault?.cleanup();
});

const get = (p: string, opts: { token?: string | null; method?: string; headers?: Record<string, string> } = {}) => {
  const token = opts.token === undefined ? host.token : opts.token;
  const q = token === null ? '' : `${p.includes('?') ? '&' : '?'}token=${token}`;
  return request({ port: host.port, path: `/vault-file/${p}${q}`, method: opts.method, headers: opts.headers });
};

test('a vault file is served with its type, nosniff and a sandboxing CSP', async () => {
  const r = await get(`${encodeURIComponent('img 图')}/${encodeURIComponent('pic 1.png')}`);
  assert.equal(r.status, 200);
  assert.equal(r.headers['content-type'], 'image/png');
  assert.equal(r.headers['x-content-type-options'], 'nosniff');
  assert.match(String(r.headers['content-security-policy']), /default-src 'none'.*sandbox/);
  assert.equal(Number(r.headers['content-length']), PNG.length);

  const svg = await get('draw.svg');
  assert.equal(svg.status, 200);
  assert.equal(svg.headers['content-type'], 'image/svg+xml');
  assert.match(
    String(svg.headers['content-security-policy']),
    /sandbox/,
    'an SVG opened directly runs no script in the origin',
  );

  const pdf = await get('doc.pdf');
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  assert.match(String(pdf.headers['content-security-policy']), /default-src 'none'/);
});

test('the token is required: none or a wrong one is 401 and leaks nothing', async () => {
  assert.equal((await get('draw.svg', { token: null })).status, 401);
  const wrong = host.token.replace(/^./, (c) => (c === '0' ? '1' : '0'));
  const r = await get('draw.svg', { token: wrong });
  assert.equal(r.status, 401);
  assert.doesNotMatch(r.body, /svg/);
  assert.equal(
    (await get('draw.svg', { token: null, headers: { Authorization: `Bearer ${host.token}` } })).status,
    200,
  );
});

test('paths outside the vault are refused, symlinks included', async () => {
  for (const p of [
    '..%2Fsecret.txt',
    '%2E%2E/secret.txt',
    '../secret.txt',
    'img%20%E5%9B%BE/..%2F..%2Fsecret.txt',
    '%2Fetc%2Fpasswd',
    'a%5C..%5C..%5Csecret.txt',
    'leak.txt',
    'linked-dir/x.png',
    'x%00.png',
  ]) {
    const r = await get(p);
    // (`%2E%2E/` is a `..` segment to the URL parser: that request never reaches the route, and the static server refuses it.)
    assert.ok(r.status >= 400 && r.status < 600, `${p}: ${r.status}`);
    assert.doesNotMatch(r.body, new RegExp(SECRET), p);
  }
  assert.equal((await get('leak.txt')).status, 403);
  assert.equal((await get('linked-dir/x.png')).status, 403);
});

test('hidden folders, folders and missing files are 404; a symlink to a file inside the vault is served', async () => {
  assert.equal((await get('.obsidian/app.json')).status, 404);
  assert.equal((await get('cfg.json')).status, 404, 'a link into a hidden folder');
  assert.equal((await get(encodeURIComponent('img 图'))).status, 404);
  assert.equal((await get('nope.png')).status, 404);
  const r = await get('alias.png');
  assert.equal(r.status, 200);
  assert.equal(r.headers['content-type'], 'image/png');
});

test('HEAD, a byte range and other methods', async () => {
  const head = await get('doc.pdf', { method: 'HEAD' });
  assert.equal(head.status, 200);
  assert.equal(head.body, '');
  const part = await get('doc.pdf', { headers: { Range: 'bytes=1-3' } });
  assert.equal(part.status, 206);
  assert.equal(part.body, 'PDF');
  assert.equal(part.headers['content-range'], `bytes 1-3/${'%PDF-1.4\n%%EOF\n'.length}`);
  assert.equal((await get('doc.pdf', { headers: { Range: 'bytes=999-' } })).status, 416);
  assert.equal((await get('doc.pdf', { method: 'POST' })).status, 405);
});

test('a wrong Host header is refused before anything is read', async () => {
  const r = await request({
    port: host.port,
    path: `/vault-file/draw.svg?token=${host.token}`,
    headers: { Host: 'evil.example' },
  });
  assert.equal(r.status, 403);
});
