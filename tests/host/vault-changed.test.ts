/**
 * The browser host's guard for a window that missed a vault switch (#12, electron/host/vault-header.ts), over real
 * services on real temp vaults: every answer names the vault served (`X-Atlas-Vault`); after "Open vault…" a write
 * sent with the old vault's root is refused with 409 `vault-changed` and nothing is written into the new vault,
 * while the same write naming the new vault, or sent without the header (a script), goes through; reads are not
 * refused. A root with spaces and non-ASCII characters travels encoded.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createAtlasService } from '../../electron/services/atlas-service.ts';
import type { AtlasServiceHandle } from '../../electron/services/service-thread.ts';
import { startVaultSwitcher } from '../../electron/services/vault-switcher.ts';
import { startHost } from '../../electron/host/server.ts';
import { request } from './helpers.ts';
import { tempDir } from '../support/temp-dir.ts';

function vault(root: string, files: Record<string, string>): string {
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return root;
}

test('a write from a window loaded with the old vault is refused after a switch (409 vault-changed)', async () => {
  const tmp = fs.realpathSync(tempDir('vault-changed'));
  const a = vault(path.join(tmp, 'vault a 知识'), { 'note.md': '# note in a\n' });
  const b = vault(path.join(tmp, 'vault-b'), { 'note.md': '# note in b\n' });
  const start = async (vaultRoot: string): Promise<AtlasServiceHandle> => {
    const s = await createAtlasService({
      vaultRoot,
      dbPath: path.join(tmp, `${path.basename(vaultRoot)}.db`),
      watch: false,
      workers: 0,
    });
    return { api: s.api, events: s.events, ready: s.ready, close: () => s.close() };
  };
  const service = await startVaultSwitcher({ vaultRoot: a, start });
  const host = await startHost({ service, port: 0, staticDir: tmp, vaultRoot: () => service.root() });
  const post = async (method: string, args: unknown[], loaded?: string) => {
    const headers: Record<string, string> = {
      Authorization: `Bearer ${host.token}`,
      'Content-Type': 'application/json',
    };
    if (loaded !== undefined) headers['X-Atlas-Vault'] = encodeURIComponent(loaded);
    const r = await request({
      port: host.port,
      path: `/api/${method}`,
      method: 'POST',
      headers,
      body: JSON.stringify({ args }),
    });
    return {
      status: r.status,
      vault: decodeURIComponent(String(r.headers['x-atlas-vault'])),
      body: JSON.parse(r.body),
    };
  };
  try {
    await service.ready;
    const first = await post('readNote', ['note.md']);
    assert.equal(first.status, 200);
    assert.equal(first.vault, a, 'the answer names the vault served, decoded');
    const loaded = first.vault;
    const before = await post('writeNote', ['note.md', '# note in a\n\nedited\n', first.body.result.hash], loaded);
    assert.equal(before.status, 200, 'before a switch the window writes to its vault');

    await service.api.openVault(b);
    const bBefore = fs.readFileSync(path.join(b, 'note.md'), 'utf8');
    const read = await post('readNote', ['note.md'], loaded);
    assert.equal(read.status, 200, 'reads are not refused');
    assert.equal(read.vault, b, 'and name the new vault');
    const refused = await post('writeNote', ['note.md', 'from the old window\n', read.body.result.hash], loaded);
    assert.equal(refused.status, 409);
    assert.equal(refused.body.error.code, 'vault-changed');
    assert.match(refused.body.error.message, /opened on the vault .*vault a 知识.*now serves .*vault-b/);
    const created = await post('createNote', ['from-old-window.md', 'x'], loaded);
    assert.equal(created.body.error?.code, 'vault-changed', 'every vault write is guarded');
    assert.equal(fs.readFileSync(path.join(b, 'note.md'), 'utf8'), bBefore, 'nothing written into the new vault');
    assert.equal(fs.existsSync(path.join(b, 'from-old-window.md')), false);
    assert.equal(fs.existsSync(path.join(a, 'from-old-window.md')), false);

    const mine = await post('writeNote', ['note.md', '# note in b\n\nmine\n', read.body.result.hash], b);
    assert.equal(mine.status, 200, 'a window of the new vault writes');
    const script = await post('createNote', ['scripted.md', 'y']);
    assert.equal(script.status, 200, 'a call without the header is not checked');
  } finally {
    await host.close();
    await service.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
