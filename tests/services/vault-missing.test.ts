/**
 * The vault folder renamed or deleted while the service runs (issue 10, item 5), on real temp folders with the
 * watcher on: `vault-availability` says so, every write is refused with a clear error and creates nothing (the old
 * folder is never recreated, the moved one is untouched), the last index stays readable (a watcher batch naming the
 * old paths does not empty it), and when a folder is at the path again the index is re-synced with it, writes work
 * and the watcher runs again.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { VaultAvailability } from '../../electron/shared/api.ts';
import { mkdirWithin, writeFileAtomic } from '../../electron/core/files/atomic-write.ts';
import { createAtlasService, type AtlasService } from '../../electron/services/atlas-service.ts';
import { tempVault } from './helpers.ts';

/** Every path below `dir` (sorted), for "nothing changed here" checks. */
function listing(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).sort();
}

/** Resolves with the first `vault-availability` event whose `available` is `want` (rejects after 20 s). */
function availability(service: AtlasService, want: boolean): Promise<VaultAvailability> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no vault-availability ${want}`)), 20_000);
    const off = service.events.on('vault-availability', (s) => {
      if (s.available !== want) return;
      clearTimeout(timer);
      off();
      resolve(s);
    });
  });
}

/** Resolves on the first `vault-changed` naming `rel` as changed (rejects after 20 s). */
function changed(service: AtlasService, rel: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no vault-changed for ${rel}`)), 20_000);
    const off = service.events.on('vault-changed', (e) => {
      if (!e.changed.includes(rel)) return;
      clearTimeout(timer);
      off();
      resolve();
    });
  });
}

/** Every write method of the API, each with arguments that would succeed on an available vault. */
function writes(service: AtlasService): [string, () => Promise<unknown>][] {
  const api = service.api;
  return [
    ['writeNote', () => api.writeNote('notes/ref.md', '# Ref\n\noverwritten\n')],
    ['writeNote (new folder)', () => api.writeNote('brand/new.md', '# New\n')],
    ['createNote', () => api.createNote('fresh/Fresh note', '# Fresh\n')],
    ['createFolder', () => api.createFolder('made')],
    ['renamePath', () => api.renamePath('notes/Old Name.md', 'notes/Newer.md')],
    ['deletePath', () => api.deletePath('other/user.md')],
    ['setProgress', () => api.setProgress('notes/ref.md', 'learned')],
    ['saveGraphViewState', () => api.saveGraphViewState({ positions: { 'notes/ref.md': [1, 2] } })],
    ['updateSettings', () => api.updateSettings({ fontSize: 17 })],
  ];
}

async function open(root: string, dbPath: string): Promise<AtlasService> {
  const service = await createAtlasService({
    vaultRoot: root,
    dbPath,
    watch: true,
    workers: 0,
    presenceIntervalMs: 50,
  });
  await service.ready;
  return service;
}

test('vault folder renamed while running: event, writes refused creating nothing, index kept, recovered on return', async () => {
  const vault = tempVault();
  const moved = `${vault.root}-moved`;
  const service = await open(vault.root, vault.dbPath);
  try {
    assert.deepEqual((await service.api.vaultAvailability()).available, true);
    const filesBefore = await service.api.listFiles();
    const gone = availability(service, false);
    fs.renameSync(vault.root, moved);
    const movedBefore = listing(moved);

    // refused at once, before the periodic check has run, and nothing is created anywhere
    for (const [name, call] of writes(service)) {
      await assert.rejects(call(), (e: { code?: string; message?: string }) => {
        assert.equal(e.code, 'not-found', name);
        assert.match(e.message ?? '', /vault folder "vault" is no longer in .*Nothing was saved/, name);
        return true;
      });
      assert.equal(fs.existsSync(vault.root), false, `${name} recreated the vault folder`);
    }
    assert.deepEqual(listing(moved), movedBefore, 'the moved vault is untouched');

    const state = await gone;
    assert.equal(state.available, false);
    assert.match(state.message ?? '', /renamed, moved or deleted/);
    assert.equal((await service.api.vaultAvailability()).available, false);

    // the last index stays readable; a batch naming the old paths (what inotify sends from the moved folder) is no
    // deletion
    await assert.rejects(service.index.update(['notes/ref.md', 'other/user.md']), /Vault folder not found/);
    assert.deepEqual(await service.api.listFiles(), filesBefore);
    assert.deepEqual([...new Set((await service.api.backlinks('notes/Old Name.md')).map((b) => b.source))].sort(), [
      'notes/ref.md',
      'notes/table.md',
      'other/user.md',
    ]);
    assert.ok((await service.api.search('goroutine')).length > 0);
    assert.equal(fs.existsSync(vault.root), false);

    // edited while away, then renamed back: re-synced, writable, watched
    fs.writeFileSync(path.join(moved, 'offline.md'), '# Offline\n\n[[ref]]\n');
    const back = availability(service, true);
    fs.renameSync(moved, vault.root);
    assert.equal((await back).available, true);
    assert.ok(
      (await service.api.listFiles()).some((f) => f.path === 'offline.md'),
      'the re-sync saw offline.md',
    );
    await service.api.writeNote('notes/ref.md', '# Ref\n\n[[Old Name]] again\n');
    assert.match(fs.readFileSync(path.join(vault.root, 'notes/ref.md'), 'utf8'), /again/);
    const seen = changed(service, 'outside.md');
    fs.writeFileSync(path.join(vault.root, 'outside.md'), '# Outside\n');
    await seen;
    assert.ok(
      (await service.api.listFiles()).some((f) => f.path === 'outside.md'),
      'the watcher runs again',
    );
  } finally {
    await service.close();
    vault.cleanup();
    fs.rmSync(moved, { recursive: true, force: true });
  }
});

test('vault folder deleted while running: refused, never recreated; a new folder at the path is synced', async () => {
  const vault = tempVault();
  const service = await open(vault.root, vault.dbPath);
  try {
    const gone = availability(service, false);
    fs.rmSync(vault.root, { recursive: true });
    await gone;
    for (const [name, call] of writes(service)) {
      await assert.rejects(call(), { code: 'not-found' }, name);
      assert.equal(fs.existsSync(vault.root), false, `${name} recreated the vault folder`);
    }
    // the index of what was there stays readable (nothing applied while the folder is missing)
    assert.ok((await service.api.listFiles()).some((f) => f.path === 'notes/ref.md'));

    // a folder at the path again (restored): the index follows what is on disk now
    const back = availability(service, true);
    fs.mkdirSync(vault.root);
    fs.writeFileSync(path.join(vault.root, 'restored.md'), '# Restored\n');
    await back;
    assert.deepEqual(
      (await service.api.listFiles()).map((f) => f.path),
      ['restored.md'],
    );
    await service.api.createNote('after', '# After\n');
    assert.ok(fs.existsSync(path.join(vault.root, 'after.md')));
  } finally {
    await service.close();
    vault.cleanup();
  }
});

test('mkdirWithin and writeFileAtomic({ mkdirWithin }) never create the root folder', async () => {
  const vault = tempVault();
  fs.rmSync(vault.root, { recursive: true });
  await assert.rejects(mkdirWithin(vault.root, path.join(vault.root, 'a', 'b')), { code: 'ENOENT' });
  await assert.rejects(writeFileAtomic(path.join(vault.root, '.atlas', 'x.json'), '{}', { mkdirWithin: vault.root }), {
    code: 'ENOENT',
  });
  await assert.rejects(mkdirWithin(vault.root, vault.root), { code: 'ENOENT' });
  assert.equal(fs.existsSync(vault.root), false);
  // with the root there, missing folders below it are made
  fs.mkdirSync(vault.root);
  await writeFileAtomic(path.join(vault.root, 'a', 'b', 'c.md'), 'x', { mkdirWithin: vault.root });
  assert.equal(fs.readFileSync(path.join(vault.root, 'a', 'b', 'c.md'), 'utf8'), 'x');
  await assert.rejects(mkdirWithin(vault.root, path.dirname(vault.root)), /Not inside/);
  vault.cleanup();
});
