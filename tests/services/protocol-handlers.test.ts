/**
 * The Electron shell's protocols as plain request handlers (issue 9 / issue 10 item 9; Electron itself cannot run
 * here): `app://atlas/` serves the built renderer with the Electron CSP header, its `index.html` with a `<meta>` policy
 * that has no `ws:`, and nothing outside its folder; `atlas-vault://vault/` serves vault attachments confined to the
 * vault (403 outside through a symlink, 404 hidden), with byte ranges.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { contentSecurityPolicy } from '../../electron/shared/csp.ts';
import { APP_URL, appAssetHandler, ELECTRON_CSP, vaultFileHandler } from '../../electron/services/protocol-handlers.ts';
import { tempDir } from '../support/temp-dir.ts';

/** A renderer build as Vite writes it: index.html with the page-meta policy, hashed assets. */
function fakeRenderer(): { root: string; outside: string } {
  const work = tempDir('proto');
  const root = path.join(work, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(
    path.join(root, 'index.html'),
    `<!doctype html><html><head><meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy('page-meta')}" />\n<script type="module" src="./assets/index-abc.js"></script></head><body><div id="root"></div></body></html>\n`,
  );
  fs.writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'console.log("app")\n');
  fs.writeFileSync(path.join(root, 'assets', 'style.css'), 'body{}\n');
  const outside = path.join(work, 'secret.txt');
  fs.writeFileSync(outside, 'secret');
  fs.symlinkSync(outside, path.join(root, 'assets', 'leak.txt'));
  return { root, outside };
}

const get = (url: string, init?: RequestInit) => new Request(url, init);

test('app:// serves the renderer with the Electron CSP header; index.html carries a <meta> policy without ws:', async () => {
  const { root } = fakeRenderer();
  const handle = appAssetHandler(root);
  assert.equal(APP_URL, 'app://atlas/index.html');
  assert.doesNotMatch(ELECTRON_CSP, /ws:/);
  assert.match(ELECTRON_CSP, /frame-ancestors 'none'/);
  assert.match(ELECTRON_CSP, /img-src [^;]*atlas-vault:/);
  // the page template states its policy in the shape the handler replaces (else the swap would silently not happen)
  const template = fs.readFileSync(new URL('../../renderer/index.html', import.meta.url), 'utf8');
  assert.match(template, /<meta http-equiv="Content-Security-Policy" content="%ATLAS_PAGE_CSP%"/);
  // the built page's own policy allows the browser host's WebSocket: that is what the Electron page must not keep
  assert.match(fs.readFileSync(path.join(root, 'index.html'), 'utf8'), /ws:\/\/127\.0\.0\.1/);

  for (const url of [APP_URL, 'app://atlas/', 'app://atlas']) {
    const res = await handle(get(url));
    assert.equal(res.status, 200, url);
    assert.equal(res.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.equal(res.headers.get('content-security-policy'), ELECTRON_CSP);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    const html = await res.text();
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? '';
    assert.equal(meta, contentSecurityPolicy('electron-page-meta'));
    assert.doesNotMatch(html, /ws:/);
    assert.match(meta, /connect-src 'self'/);
    assert.doesNotMatch(meta, /frame-ancestors/, 'a <meta> policy cannot carry frame-ancestors');
    assert.equal(Number(res.headers.get('content-length')), Buffer.byteLength(html));
  }
  const js = await handle(get('app://atlas/assets/index-abc.js'));
  assert.equal(js.status, 200);
  assert.equal(js.headers.get('content-type'), 'text/javascript; charset=utf-8');
  assert.equal(js.headers.get('content-security-policy'), ELECTRON_CSP);
  assert.equal(await js.text(), 'console.log("app")\n');
  const head = await handle(get('app://atlas/assets/style.css', { method: 'HEAD' }));
  assert.equal(head.status, 200);
  assert.equal(head.headers.get('content-length'), '7');
  assert.equal(await head.text(), '');
});

test('app:// refuses paths outside its folder, symlinks out, bad encodings, other hosts and methods', async () => {
  const { root } = fakeRenderer();
  const handle = appAssetHandler(root);
  const status = async (url: string, init?: RequestInit) => (await handle(get(url, init))).status;
  assert.equal(await status('app://atlas/../secret.txt'), 404); // URL parsing drops the `..`
  assert.equal(await status('app://atlas/%2e%2e/secret.txt'), 404);
  assert.equal(await status('app://atlas/assets/%2e%2e%2f%2e%2e%2fsecret.txt'), 404);
  assert.equal(await status('app://atlas/assets/leak.txt'), 404, 'a symlink out of the folder');
  assert.equal(await status('app://atlas/assets/'), 404, 'a folder');
  assert.equal(await status('app://atlas/missing.js'), 404);
  assert.equal(await status('app://atlas/a%00b'), 400);
  assert.equal(await status('app://atlas/a%5cb'), 400);
  assert.equal(await status('app://atlas/%E0%A4%A'), 400);
  assert.equal(await status('app://evil/index.html'), 404);
  assert.equal(await status(APP_URL, { method: 'POST', body: 'x' }), 405);
  const refused = await handle(get('app://atlas/missing.js'));
  assert.equal(refused.headers.get('content-security-policy'), ELECTRON_CSP);
  assert.doesNotMatch(await refused.text(), /secret/);
});

test('atlas-vault:// serves vault attachments only from inside the vault, with ranges', async () => {
  const work = tempDir('proto');
  const vault = path.join(work, 'vault');
  fs.mkdirSync(path.join(vault, '图片'), { recursive: true });
  fs.mkdirSync(path.join(vault, '.git'));
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4, 5, 6]);
  fs.writeFileSync(path.join(vault, '图片', 'a b.png'), png);
  fs.writeFileSync(path.join(vault, '.git', 'config'), 'secret');
  fs.writeFileSync(path.join(work, 'outside.png'), 'secret');
  fs.symlinkSync(path.join(work, 'outside.png'), path.join(vault, 'out.png'));
  let open: string | null = vault;
  const handle = vaultFileHandler(async () => {
    if (!open) throw new Error('no vault open');
    return open;
  });
  const url = `atlas-vault://vault/${encodeURIComponent('图片')}/${encodeURIComponent('a b.png')}`;
  const res = await handle(get(url));
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'image/png');
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
  assert.match(res.headers.get('content-security-policy') ?? '', /sandbox/);
  assert.deepEqual(Buffer.from(await res.arrayBuffer()), png);

  const part = await handle(get(url, { headers: { Range: 'bytes=2-5' } }));
  assert.equal(part.status, 206);
  assert.equal(part.headers.get('content-range'), 'bytes 2-5/10');
  assert.deepEqual(Buffer.from(await part.arrayBuffer()), png.subarray(2, 6));
  assert.equal((await handle(get(url, { headers: { Range: 'bytes=50-' } }))).status, 416);
  const head = await handle(get(url, { method: 'HEAD' }));
  assert.equal(head.status, 200);
  assert.equal(head.headers.get('content-length'), '10');

  const status = async (u: string, init?: RequestInit) => (await handle(get(u, init))).status;
  assert.equal(await status('atlas-vault://vault/out.png'), 403, 'a symlink out of the vault');
  assert.equal(await status('atlas-vault://vault/x%2f..%2f..%2foutside.png'), 403, 'an encoded climb');
  assert.equal(await status('atlas-vault://vault/.git/config'), 404, 'hidden');
  assert.equal(await status('atlas-vault://vault/none.png'), 404);
  assert.equal(await status('atlas-vault://vault/%E0%A4%A'), 400);
  assert.equal(await status('atlas-vault://other/图片/a.png'), 400);
  assert.equal(await status(url, { method: 'POST', body: 'x' }), 400);
  open = null;
  assert.equal(await status(url), 404, 'no vault open');
});
