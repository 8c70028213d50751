/**
 * The vault's settings in `.atlas/settings.json` (settings-store.ts) on real temp folders: defaults when there is no
 * file, unknown keys kept, invalid values reported and kept until changed, a damaged file moved aside (never reset),
 * atomic writes that keep a hand edit made since the last read, patches validated; and through the service
 * (`settings` / `updateSettings`): alias resolution and flashcard tags applied to the index at once and at the next
 * open, `settings-changed` emitted.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createAtlasService } from '../../electron/services/atlas-service.ts';
import { dispatch } from '../../electron/services/dispatch.ts';
import { SETTINGS_FILE, SettingsStore } from '../../electron/services/settings-store.ts';
import { DEFAULT_SETTINGS } from '../../electron/shared/settings.ts';
import { removeTree, tempDir } from '../support/temp-dir.ts';

function tempVault(files: Record<string, string> = {}) {
  const tmp = tempDir('settings');
  const root = path.join(tmp, 'vault');
  fs.mkdirSync(root);
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  const file = path.join(root, SETTINGS_FILE);
  return {
    tmp,
    root,
    file,
    readJson: () => JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>,
    atlasDir: () => fs.readdirSync(path.join(root, '.atlas')).sort(),
    cleanup: () => removeTree(tmp),
  };
}

test('no file: the defaults, no problems, and nothing written by reading', async () => {
  const v = tempVault();
  try {
    const s = await new SettingsStore(v.root).read();
    assert.deepEqual(s, { values: DEFAULT_SETTINGS, problems: [] });
    assert.equal(fs.existsSync(path.join(v.root, '.atlas')), false);
  } finally {
    v.cleanup();
  }
});

test('update writes the file atomically, keeps unknown keys and their order, and a hand edit made since', async () => {
  const v = tempVault();
  try {
    fs.mkdirSync(path.dirname(v.file));
    fs.writeFileSync(v.file, JSON.stringify({ pluginThing: { a: [1, 2] }, theme: 'dark', zzz: 'kept' }));
    const store = new SettingsStore(v.root);
    assert.equal((await store.read()).values.theme, 'dark');
    // another program edits the file between our read and our update: its edit survives
    fs.writeFileSync(v.file, JSON.stringify({ pluginThing: { a: [1, 2] }, theme: 'dark', zzz: 'kept', fontSize: 20 }));
    const r = await store.update({ readableLineWidth: false, flashcardTags: ['#cards', 'go/quiz'] });
    assert.deepEqual(r.changed.sort(), ['flashcardTags', 'readableLineWidth']);
    assert.deepEqual(v.readJson(), {
      pluginThing: { a: [1, 2] },
      theme: 'dark',
      zzz: 'kept',
      fontSize: 20,
      readableLineWidth: false,
      flashcardTags: ['cards', 'go/quiz'],
    });
    assert.deepEqual(Object.keys(v.readJson()).slice(0, 3), ['pluginThing', 'theme', 'zzz']);
    assert.equal(r.snapshot.values.fontSize, 20);
    // no temp files left beside it
    assert.deepEqual(v.atlasDir(), ['settings.json']);
    // unchanged values are not reported as changed
    assert.deepEqual((await store.update({ theme: 'dark' })).changed, []);
  } finally {
    v.cleanup();
  }
});

test('an invalid value reads as its default, is reported, and stays in the file until that setting is changed', async () => {
  const v = tempVault();
  try {
    fs.mkdirSync(path.dirname(v.file));
    fs.writeFileSync(v.file, JSON.stringify({ fontSize: 'huge', theme: 'solarized', autosaveDelayMs: 900 }));
    const store = new SettingsStore(v.root);
    const s = await store.read();
    assert.equal(s.values.fontSize, DEFAULT_SETTINGS.fontSize);
    assert.equal(s.values.theme, DEFAULT_SETTINGS.theme);
    assert.equal(s.values.autosaveDelayMs, 900);
    assert.equal(s.problems.length, 2);
    assert.match(s.problems[0], /theme "solarized" is invalid/);
    assert.match(s.problems[1], /fontSize "huge" is invalid/);
    await store.update({ autosaveDelayMs: 1200 });
    assert.equal(v.readJson().fontSize, 'huge', 'never reset behind the user');
    await store.update({ fontSize: 18 });
    assert.equal(v.readJson().fontSize, 18);
    assert.deepEqual((await store.read()).problems, [s.problems[0]]);
  } finally {
    v.cleanup();
  }
});

test('a damaged file is moved aside (bytes intact), reported, and the next change writes a fresh file', async () => {
  const v = tempVault();
  try {
    fs.mkdirSync(path.dirname(v.file));
    const damaged = '{"theme": "dark", oops';
    fs.writeFileSync(v.file, damaged);
    const store = new SettingsStore(v.root);
    const s = await store.read();
    assert.deepEqual(s.values, DEFAULT_SETTINGS);
    assert.equal(s.problems.length, 1);
    assert.match(
      s.problems[0],
      /settings\.json was damaged \(it is not valid JSON.*moved to \.atlas\/settings\.json\.damaged-/,
    );
    const aside = v.atlasDir().filter((f) => f.startsWith('settings.json.damaged-'));
    assert.equal(aside.length, 1);
    assert.equal(fs.readFileSync(path.join(v.root, '.atlas', aside[0]), 'utf8'), damaged);
    assert.equal(fs.existsSync(v.file), false);
    // still reported on later reads; a change writes a new file, the damaged one stays
    await store.update({ theme: 'light' });
    assert.deepEqual(v.readJson(), { theme: 'light' });
    assert.equal((await store.read()).problems.length, 1);
    assert.equal(v.atlasDir().length, 2);

    // JSON that is not an object is damaged too
    fs.writeFileSync(v.file, '[1, 2]');
    const again = await new SettingsStore(v.root).read();
    assert.match(again.problems[0], /not a JSON object/);
    assert.equal(v.atlasDir().filter((f) => f.startsWith('settings.json.damaged-')).length, 2);
  } finally {
    v.cleanup();
  }
});

test('patches are validated: unknown keys and bad values are refused with invalid-argument, nothing written', async () => {
  const v = tempVault();
  try {
    const store = new SettingsStore(v.root);
    for (const bad of [
      { colour: 'red' },
      { fontSize: 9 },
      { fontSize: 33 },
      { fontSize: 16.5 },
      { autosaveDelayMs: 50 },
      { theme: 'blue' },
      { flashcardTags: [] },
      { flashcardTags: ['two words'] },
      { defaultView: 'source' },
      { defaultEditingMode: 'reading' },
      { defaultEditingMode: true },
      { aliasResolution: 'yes' },
      null,
      [],
    ]) {
      await assert.rejects(store.update(bad), { code: 'invalid-argument' }, JSON.stringify(bad));
    }
    assert.equal(fs.existsSync(v.file), false);
    // the same validation guards the API (dispatch, as the IPC binding and the browser host call it)
    const service = await createAtlasService({
      vaultRoot: v.root,
      dbPath: path.join(v.tmp, 'db'),
      watch: false,
      workers: 0,
    });
    try {
      const r = await dispatch(service.api, 'updateSettings', [{ fontSize: 'big' }]);
      assert.equal(r.ok, false);
      assert.equal(!r.ok && r.error.code, 'invalid-argument');
      const ok = await dispatch(service.api, 'updateSettings', [{ fontSize: 20 }]);
      assert.equal(ok.ok, true);
      assert.equal(v.readJson().fontSize, 20);
    } finally {
      await service.close();
    }
  } finally {
    v.cleanup();
  }
});

test('defaultEditingMode (Obsidian\'s "Default editing mode"): Live Preview by default, Source mode stored, a bad value reported', async () => {
  const v = tempVault();
  try {
    const store = new SettingsStore(v.root);
    assert.equal((await store.read()).values.defaultEditingMode, 'live-preview');
    const r = await store.update({ defaultEditingMode: 'source' });
    assert.deepEqual(r.changed, ['defaultEditingMode']);
    assert.equal(r.snapshot.values.defaultEditingMode, 'source');
    assert.equal(v.readJson().defaultEditingMode, 'source');
    assert.equal((await new SettingsStore(v.root).read()).values.defaultEditingMode, 'source');
    // Obsidian's own key (`livePreview: false`) is not ours: kept, not read; a bad value of ours reads as the default
    fs.writeFileSync(v.file, JSON.stringify({ livePreview: false, defaultEditingMode: 'wysiwyg' }));
    const bad = await new SettingsStore(v.root).read();
    assert.equal(bad.values.defaultEditingMode, 'live-preview');
    assert.equal(bad.problems.length, 1);
    assert.match(bad.problems[0], /defaultEditingMode "wysiwyg" is invalid/);
    await store.update({ fontSize: 18 });
    assert.deepEqual(v.readJson(), { livePreview: false, defaultEditingMode: 'wysiwyg', fontSize: 18 });
  } finally {
    v.cleanup();
  }
});

const CARD_VAULT = {
  'channel.md': '---\naliases: [通道]\n---\n# channel\n\nSee [[goroutine]].\n',
  'goroutine.md': '# goroutine\n',
  'user.md': 'Uses [[通道]].\n',
  'quiz.md': '#cards\n\nWhat is a goroutine::A lightweight thread\n',
  'other.md': '#flashcards\n\nWhat is a channel::A typed pipe\n',
};

test('the service applies alias resolution and the flashcard tags at once and at the next open; settings-changed', async () => {
  const v = tempVault(CARD_VAULT);
  const db = path.join(v.tmp, 'index.db');
  try {
    let service = await createAtlasService({ vaultRoot: v.root, dbPath: db, watch: false, workers: 0 });
    try {
      await service.ready;
      assert.equal(await service.api.resolveLink('user.md', '通道'), 'channel.md');
      assert.deepEqual(
        (await service.api.reviewCards()).map((c) => c.note),
        ['other.md'],
      );
      const events: string[] = [];
      service.events.on('settings-changed', (s) => events.push(`settings ${s.aliasResolution} ${s.flashcardTags}`));
      service.events.on('vault-changed', (e) => events.push(`vault ${e.changed.join(',')}`));

      const snap = await service.api.updateSettings({ aliasResolution: false, flashcardTags: ['cards'] });
      assert.equal(snap.values.aliasResolution, false);
      assert.equal(await service.api.resolveLink('user.md', '通道'), null);
      assert.equal(await service.api.aliasResolution(), false);
      // flashcard tags apply at once (index.setCardTags re-reads the cards; "anything may have changed")
      assert.deepEqual(events, ['vault user.md', 'vault ', 'settings false cards']);
      assert.deepEqual(
        (await service.api.reviewCards()).map((c) => c.note),
        ['quiz.md'],
      );
      assert.deepEqual(v.readJson(), { aliasResolution: false, flashcardTags: ['cards'] });
    } finally {
      await service.close();
    }
    // next open: read from the file before indexing
    service = await createAtlasService({ vaultRoot: v.root, dbPath: db, watch: false, workers: 0 });
    try {
      await service.ready;
      assert.equal((await service.api.settings()).values.aliasResolution, false);
      assert.equal(await service.api.resolveLink('user.md', '通道'), null);
      assert.deepEqual(
        (await service.api.reviewCards()).map((c) => c.note),
        ['quiz.md'],
      );
    } finally {
      await service.close();
    }
  } finally {
    v.cleanup();
  }
});

test('a damaged settings file met at open is moved aside and reported by settings() for the whole run', async () => {
  const v = tempVault(CARD_VAULT);
  try {
    fs.mkdirSync(path.dirname(v.file));
    fs.writeFileSync(v.file, '\u0000\u0001 not json');
    const service = await createAtlasService({
      vaultRoot: v.root,
      dbPath: path.join(v.tmp, 'db'),
      watch: false,
      workers: 0,
    });
    try {
      await service.ready;
      const s = await service.api.settings();
      assert.deepEqual(s.values, DEFAULT_SETTINGS);
      assert.equal(s.problems.length, 1);
      assert.match(s.problems[0], /damaged/);
      assert.equal((await service.api.settings()).problems.length, 1);
      assert.equal(v.atlasDir().filter((f) => f.startsWith('settings.json.damaged-')).length, 1);
    } finally {
      await service.close();
    }
  } finally {
    v.cleanup();
  }
});
