/**
 * "Open vault…" underneath (services/vault-switcher.ts), on real temp folders and real services: the folder is
 * checked with a clear error for each way it can be wrong, and a refused or failing vault leaves the current one
 * open; a switch sends every call to the new vault (and none to the old, whose index is closed), forwards only the
 * new vault's events, says `vault-opened`, and remembers the vault in the recent list (most recent first, capped).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAtlasService } from '../../electron/services/atlas-service.ts';
import type { AtlasServiceHandle } from '../../electron/services/service-thread.ts';
import { checkVaultFolder, MAX_RECENT, startVaultSwitcher } from '../../electron/services/vault-switcher.ts';

function setup() {
  const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-switch-')));
  const mk = (name: string, files: Record<string, string>) => {
    const root = path.join(tmp, name);
    for (const [rel, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), text);
    }
    return root;
  };
  const a = mk('vault-a', { 'alpha.md': '# alpha\n\nSee [[beta]].\n', 'beta.md': '# beta\n' });
  const b = mk('vault-b', { 'gamma.md': '# gamma\n' });
  const started: string[] = [];
  const closed: string[] = [];
  const start = async (vaultRoot: string): Promise<AtlasServiceHandle> => {
    const s = await createAtlasService({
      vaultRoot,
      dbPath: path.join(tmp, `${path.basename(vaultRoot)}.db`),
      watch: false,
      workers: 0,
    });
    started.push(path.basename(vaultRoot));
    return {
      api: s.api,
      events: s.events,
      ready: s.ready,
      close: async () => {
        closed.push(path.basename(vaultRoot));
        await s.close();
      },
    };
  };
  return { tmp, a, b, start, started, closed, recent: path.join(tmp, 'state', 'recent-vaults.json') };
}

test('checkVaultFolder: a clear error for each kind of wrong path; ~ and symlinks resolved', async () => {
  const t = setup();
  try {
    await assert.rejects(checkVaultFolder(''), { code: 'invalid-argument', message: /Give the path of a folder/ });
    await assert.rejects(checkVaultFolder('notes/vault'), { code: 'invalid-argument', message: /full path/ });
    await assert.rejects(checkVaultFolder(path.join(t.tmp, 'nope')), { code: 'not-found', message: /No folder at/ });
    await assert.rejects(checkVaultFolder(path.join(t.a, 'alpha.md')), {
      code: 'invalid-argument',
      message: /is a file, not a folder/,
    });
    await assert.rejects(checkVaultFolder(path.join(t.a, 'alpha.md', 'x')), { code: 'not-found' });
    await assert.rejects(checkVaultFolder('/'), { code: 'invalid-argument', message: /root of the file system/ });
    fs.symlinkSync(t.b, path.join(t.tmp, 'link-to-b'));
    assert.equal(await checkVaultFolder(path.join(t.tmp, 'link-to-b')), t.b);
    assert.equal(await checkVaultFolder(`  ${t.a}  `), t.a);
    assert.equal(await checkVaultFolder('~'), fs.realpathSync(os.homedir()));
    if (process.getuid?.() !== 0) {
      const locked = path.join(t.tmp, 'locked');
      fs.mkdirSync(locked, { mode: 0o000 });
      await assert.rejects(checkVaultFolder(locked), { code: 'io', message: /permission denied/ });
      fs.chmodSync(locked, 0o755);
    }
  } finally {
    fs.rmSync(t.tmp, { recursive: true, force: true });
  }
});

test('openVault switches every call to the new vault, closes the old index, forwards only the new events', async () => {
  const t = setup();
  const host = await startVaultSwitcher({ vaultRoot: t.a, start: t.start, recentFile: t.recent });
  try {
    await host.ready;
    assert.equal((await host.api.vaultInfo()).root, t.a);
    assert.equal((await host.api.readNote('alpha.md')).path, 'alpha.md');
    const events: string[] = [];
    host.events.on('vault-opened', (i) => events.push(`opened ${path.basename(i.root)}`));
    host.events.on('vault-changed', (e) => events.push(`changed ${e.changed.join(',')}`));

    const info = await host.api.openVault(t.b);
    assert.equal(info.root, t.b);
    assert.deepEqual(t.started, ['vault-a', 'vault-b']);
    assert.deepEqual(t.closed, ['vault-a'], 'the old index was closed');
    assert.deepEqual(events, ['opened vault-b']);
    assert.equal((await host.api.vaultInfo()).root, t.b);
    // paths are confined to the new vault: the old vault's notes are not reachable any more
    await assert.rejects(host.api.readNote('alpha.md'), { code: 'not-found' });
    await assert.rejects(host.api.readNote('../vault-a/alpha.md'), { code: 'outside-vault' });
    const w = await host.api.createNote('delta.md', '# delta\n');
    assert.equal(w.path, 'delta.md');
    assert.ok(fs.existsSync(path.join(t.b, 'delta.md')));
    assert.ok(!fs.existsSync(path.join(t.a, 'delta.md')));
    assert.ok(events.includes('changed delta.md'), 'events of the new vault are forwarded');
    // the same vault again is no switch
    await host.api.openVault(t.b);
    assert.deepEqual(t.started, ['vault-a', 'vault-b']);
    assert.deepEqual(await host.api.recentVaults(), [t.b, t.a]);
  } finally {
    await host.close();
    fs.rmSync(t.tmp, { recursive: true, force: true });
  }
  assert.deepEqual(t.closed, ['vault-a', 'vault-b']);
});

test('a refused or failing vault leaves the current one open; the recent list is capped and survives a restart', async () => {
  const t = setup();
  let failNext = false;
  const start = async (root: string) => {
    if (failNext) throw Object.assign(new Error(`Vault folder cannot be read: ${root}`), { code: 'io' });
    return t.start(root);
  };
  let host = await startVaultSwitcher({ vaultRoot: t.a, start, recentFile: t.recent });
  try {
    await assert.rejects(host.api.openVault(path.join(t.tmp, 'missing')), { code: 'not-found' });
    failNext = true;
    await assert.rejects(host.api.openVault(t.b), /cannot be read/);
    failNext = false;
    assert.equal((await host.api.vaultInfo()).root, t.a);
    assert.equal((await host.api.readNote('beta.md')).path, 'beta.md');
    assert.deepEqual(t.closed, []);
    // many vaults: at most MAX_RECENT remembered, most recent first
    const many: string[] = [];
    for (let i = 0; i < MAX_RECENT + 2; i++) {
      const dir = path.join(t.tmp, `v${i}`);
      fs.mkdirSync(dir);
      many.push(dir);
      await host.api.openVault(dir);
    }
    const recent = await host.api.recentVaults();
    assert.equal(recent.length, MAX_RECENT);
    assert.deepEqual(recent.slice(0, 3), [many.at(-1), many.at(-2), many.at(-3)]);
  } finally {
    await host.close();
  }
  host = await startVaultSwitcher({ vaultRoot: t.b, start: t.start, recentFile: t.recent });
  try {
    const recent = await host.api.recentVaults();
    assert.equal(recent[0], t.b);
    assert.equal(recent[1], path.join(t.tmp, `v${MAX_RECENT + 1}`));
    // a damaged recent file reads as empty and is replaced on the next switch
    fs.writeFileSync(t.recent, '{oops');
    assert.deepEqual(await host.api.recentVaults(), []);
    await host.api.openVault(t.a);
    assert.deepEqual(await host.api.recentVaults(), [t.a]);
  } finally {
    await host.close();
    fs.rmSync(t.tmp, { recursive: true, force: true });
  }
});
