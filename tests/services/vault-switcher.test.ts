/**
 * "Open vault…" underneath (services/vault-switcher.ts), on real temp folders and real services: the folder is
 * checked with a clear error for each way it can be wrong, and a refused or failing vault leaves the current one
 * open; a switch sends every call to the new vault (and none to the old, whose index is closed), forwards only the
 * new vault's events, says `vault-opened`, and remembers the vault in the recent list (most recent first, capped).
 * The two-phase switch: every connected window is asked first and saves its edits to the OLD vault; a window with
 * unsaved changes, or one that does not answer in time, makes the switch refuse (`conflict`, naming it) with nothing
 * switched and `vault-switch-cancelled` sent.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAtlasService } from '../../electron/services/atlas-service.ts';
import type { AtlasServiceHandle } from '../../electron/services/service-thread.ts';
import type { AtlasEvents } from '../../electron/shared/api.ts';
import { checkVaultFolder, MAX_RECENT, refusalOf, startVaultSwitcher } from '../../electron/services/vault-switcher.ts';
import { tempDir } from '../support/temp-dir.ts';

function setup() {
  const tmp = fs.realpathSync(tempDir('switch'));
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

test('two-phase switch: each window saves its edits to the old vault and answers, then the host switches', async () => {
  const t = setup();
  const host = await startVaultSwitcher({ vaultRoot: t.a, start: t.start, recentFile: t.recent, ackTimeoutMs: 20_000 });
  host.countWindows(() => 2);
  try {
    await host.ready;
    const requests: AtlasEvents['vault-switch-requested'][] = [];
    const order: string[] = [];
    host.events.on('vault-opened', () => order.push('opened'));
    // two windows: each writes its pending edit through the host (the vault open now) and then answers
    host.events.on('vault-switch-requested', (req) => {
      requests.push(req);
      void (async () => {
        const before = await host.api.readNote('alpha.md');
        await host.api.writeNote('alpha.md', `${before.content}Edited in window 1.\n`, before.hash);
        order.push('window 1 saved');
        await host.api.vaultSwitchReady(req.id, { window: 'alpha.md', unsaved: [] });
      })();
      void (async () => {
        await host.api.writeNote('gamma.md', '# gamma from window 2\n');
        order.push('window 2 saved');
        await host.api.vaultSwitchReady(req.id, { window: '', unsaved: [] });
      })();
    });
    const info = await host.api.openVault(t.b);
    assert.equal(info.root, t.b);
    assert.equal(requests.length, 1);
    assert.equal(requests[0].to, t.b);
    assert.equal(order.at(-1), 'opened');
    assert.deepEqual(order.slice(0, 2).sort(), ['window 1 saved', 'window 2 saved']);
    // the edits are in the OLD vault; nothing was written into the new one
    assert.match(fs.readFileSync(path.join(t.a, 'alpha.md'), 'utf8'), /Edited in window 1\./);
    assert.equal(fs.readFileSync(path.join(t.a, 'gamma.md'), 'utf8'), '# gamma from window 2\n');
    assert.equal(fs.readFileSync(path.join(t.b, 'gamma.md'), 'utf8'), '# gamma\n');
    assert.deepEqual(t.closed, ['vault-a']);
    // a late or repeated answer is ignored
    await host.api.vaultSwitchReady(requests[0].id, { window: 'x', unsaved: ['alpha.md'] });
  } finally {
    await host.close();
    fs.rmSync(t.tmp, { recursive: true, force: true });
  }
});

test('two-phase switch refused: a window with unsaved changes is named; a window that does not answer is counted', async () => {
  const t = setup();
  const host = await startVaultSwitcher({ vaultRoot: t.a, start: t.start, recentFile: t.recent, ackTimeoutMs: 300 });
  let windows = 2;
  host.countWindows(() => windows);
  try {
    await host.ready;
    const cancelled: AtlasEvents['vault-switch-cancelled'][] = [];
    host.events.on('vault-switch-cancelled', (c) => cancelled.push(c));
    let answers: (id: string) => void = () => {};
    host.events.on('vault-switch-requested', (req) => answers(req.id));

    // one window could not save beta.md (a conflict): refused, naming the window and the note
    answers = (id) => {
      void host.api.vaultSwitchReady(id, { window: 'alpha.md', unsaved: ['beta.md'] });
      void host.api.vaultSwitchReady(id, { window: '', unsaved: [] });
    };
    await assert.rejects(host.api.openVault(t.b), {
      code: 'conflict',
      message: /^Not switched to .*vault-b: the window showing alpha\.md has unsaved changes in beta\.md/,
    });
    assert.equal(cancelled.length, 1);
    assert.match(cancelled[0].reason, /beta\.md/);
    assert.deepEqual(t.started, ['vault-a'], 'the new vault was not even opened');
    assert.equal((await host.api.vaultInfo()).root, t.a);
    assert.equal((await host.api.readNote('beta.md')).path, 'beta.md');

    // one of two windows does not answer within the wait: refused, counted
    answers = (id) => void host.api.vaultSwitchReady(id, { window: '', unsaved: [] });
    await assert.rejects(host.api.openVault(t.b), { code: 'conflict', message: /1 of 2 windows did not answer/ });
    assert.equal(cancelled.length, 2);
    assert.deepEqual(t.closed, []);

    // the silent window closed: the one left answers and the switch goes on
    windows = 1;
    assert.equal((await host.api.openVault(t.b)).root, t.b);
    assert.deepEqual(t.closed, ['vault-a']);
  } finally {
    await host.close();
    fs.rmSync(t.tmp, { recursive: true, force: true });
  }
});

test('refusalOf names at most five notes per window and counts the rest', () => {
  const notes = ['a.md', 'b.md', 'c.md', 'd.md', 'e.md', 'f.md', 'g.md'];
  assert.equal(refusalOf('/v', 1, [{ window: '', unsaved: [] }]), null);
  assert.match(
    refusalOf('/v', 1, [{ window: '', unsaved: notes }]) ?? '',
    /a window has unsaved changes in a\.md, b\.md, c\.md, d\.md, e\.md and 2 more/,
  );
  assert.match(refusalOf('/v', 3, []) ?? '', /3 of 3 windows did not answer/);
});
