/**
 * Hardening of the services layer against hostile or careless paths and races (one test per fix): hidden and
 * protected names (case-insensitive, through symlinks), Windows `..` lookalikes, lookalike names differing only in
 * case or Unicode form, symlinked notes and trash, rename keeping notes notes and never replacing a file, atomic
 * exclusive create, permission bits kept, a failed re-index not failing a write, own writes reported once.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { dispatch, type DispatchResult } from '../../electron/services/dispatch.ts';
import { writeFileAtomic } from '../../electron/core/files/atomic-write.ts';
import type { AtlasService } from '../../electron/services/atlas-service.ts';
import { openService, read, tempFiles } from './helpers.ts';

function code(r: DispatchResult): string {
  return r.ok ? 'ok' : r.error.code;
}

test('protected folders are refused case-insensitively, other dot names too, and through a symlink', async () => {
  const ctx = await openService();
  try {
    const api = ctx.service.api;
    for (const p of [
      '.GIT/config.md',
      '.Obsidian/app.md',
      '.ATLAS/x.md',
      '.trash/ref.md',
      'notes/.hidden.md',
      '.hidden/x.md',
    ]) {
      assert.equal(code(await dispatch(api, 'writeNote', [p, 'x'])), 'invalid-argument', p);
      assert.equal(code(await dispatch(api, 'createNote', [p])), 'invalid-argument', p);
      assert.equal(code(await dispatch(api, 'renamePath', ['notes/ref.md', p])), 'invalid-argument', p);
    }
    assert.equal(code(await dispatch(api, 'createFolder', ['notes/.secret'])), 'invalid-argument');
    // A symlink inside the vault leading into .git does not open a way in.
    fs.mkdirSync(path.join(ctx.vault.root, '.git'));
    fs.symlinkSync(path.join(ctx.vault.root, '.git'), path.join(ctx.vault.root, 'cfg'));
    assert.equal(code(await dispatch(api, 'writeNote', ['cfg/hooks.md', 'x'])), 'invalid-argument');
    assert.equal(code(await dispatch(api, 'createNote', ['cfg/new'])), 'invalid-argument');
    assert.deepEqual(fs.readdirSync(path.join(ctx.vault.root, '.git')), []);
    assert.ok(fs.existsSync(path.join(ctx.vault.root, 'notes/ref.md')));
    assert.equal(fs.existsSync(path.join(ctx.vault.root, 'notes/.hidden.md')), false);
  } finally {
    await ctx.close();
  }
});

test('segments of only dots and spaces (`..` on Windows) are refused; %2e%2e stays a literal name', async () => {
  const ctx = await openService();
  try {
    const api = ctx.service.api;
    for (const p of ['.../x.md', '.. /x.md', 'a/ ../x.md', 'a/.. ', '. /x.md']) {
      assert.equal(code(await dispatch(api, 'writeNote', [p, 'x'])), 'outside-vault', p);
      assert.equal(code(await dispatch(api, 'readNote', [p])), 'outside-vault', p);
    }
    const r = await dispatch(api, 'writeNote', ['%2e%2e/x.md', 'x']);
    assert.equal(code(r), 'ok');
    assert.equal(read(ctx.vault, '%2e%2e/x.md'), 'x');
    assert.equal(fs.existsSync(path.join(ctx.vault.tmp, 'x.md')), false);
  } finally {
    await ctx.close();
  }
});

test('a symlinked note whose target is hidden or outside is not written through', async () => {
  const ctx = await openService();
  try {
    const cfg = path.join(ctx.vault.root, '.obsidian');
    fs.mkdirSync(cfg);
    fs.writeFileSync(path.join(cfg, 'app.json'), '{"x":1}');
    fs.symlinkSync(path.join(cfg, 'app.json'), path.join(ctx.vault.root, 'settings.md'));
    assert.equal(code(await dispatch(ctx.service.api, 'writeNote', ['settings.md', 'pwned'])), 'invalid-argument');
    assert.equal(fs.readFileSync(path.join(cfg, 'app.json'), 'utf8'), '{"x":1}');
    // A symlinked note pointing at another note of the vault is still written through, the link kept.
    fs.symlinkSync(path.join(ctx.vault.root, 'notes/ref.md'), path.join(ctx.vault.root, 'alias-of-ref.md'));
    assert.equal(code(await dispatch(ctx.service.api, 'writeNote', ['alias-of-ref.md', 'through'])), 'ok');
    assert.equal(read(ctx.vault, 'notes/ref.md'), 'through');
    assert.ok(fs.lstatSync(path.join(ctx.vault.root, 'alias-of-ref.md')).isSymbolicLink());
  } finally {
    await ctx.close();
  }
});

test('a new name differing from an existing one only in case or Unicode form (NFD) is refused', async () => {
  const ctx = await openService();
  try {
    const api = ctx.service.api;
    const nfc = 'Café.md';
    const nfd = nfc.normalize('NFD');
    assert.notEqual(nfc, nfd);
    await api.createNote(nfc, 'first');
    for (const [method, args] of [
      ['createNote', [nfd, 'second']],
      ['createNote', ['café.md', 'second']],
      ['writeNote', ['CAFÉ.md', 'second']],
      ['createNote', ['NOTES/new.md']],
      ['renamePath', ['notes/ref.md', nfd]],
      ['createFolder', ['Concurrency']],
    ] as const) {
      assert.equal(code(await dispatch(api, method, [...args])), 'exists', `${method} ${JSON.stringify(args)}`);
    }
    assert.deepEqual(
      fs.readdirSync(ctx.vault.root).filter((n) => n.normalize('NFC').toLowerCase() === 'café.md'),
      [nfc],
    );
    assert.equal(fs.existsSync(path.join(ctx.vault.root, 'NOTES')), false);
    assert.ok(fs.existsSync(path.join(ctx.vault.root, 'notes/ref.md')));
    // A case-only rename of the note itself is allowed.
    const r = await api.renamePath('notes/ref.md', 'notes/Ref.md');
    assert.equal(r.to, 'notes/Ref.md');
    assert.ok(fs.readdirSync(path.join(ctx.vault.root, 'notes')).includes('Ref.md'));
  } finally {
    await ctx.close();
  }
});

test('rename keeps a note a note for a dotted name, and never replaces an existing file', async () => {
  const ctx = await openService();
  try {
    const api = ctx.service.api;
    const r = await api.renamePath('notes/Old Name.md', 'notes/Go 1.22');
    assert.equal(r.to, 'notes/Go 1.22.md');
    assert.match(read(ctx.vault, 'notes/ref.md'), /\[\[Go 1\.22\]\]/);
    const before = read(ctx.vault, 'concurrency/goroutine.md');
    await assert.rejects(
      api.renamePath('notes/ref.md', 'concurrency/goroutine'),
      (e: { code: string }) => e.code === 'exists',
    );
    await assert.rejects(
      api.renamePath('notes', 'Notes/inner'),
      (e: { code: string }) => e.code === 'invalid-argument',
    );
    assert.equal(read(ctx.vault, 'concurrency/goroutine.md'), before);
    assert.ok(fs.existsSync(path.join(ctx.vault.root, 'notes/ref.md')));
  } finally {
    await ctx.close();
  }
});

test('createNote appends .md to a dotted title, is exclusive and leaves no temp file', async () => {
  const ctx = await openService();
  try {
    const api = ctx.service.api;
    const r = await api.createNote('Go 1.22', '# Go 1.22\n');
    assert.equal(r.path, 'Go 1.22.md');
    assert.equal(read(ctx.vault, 'Go 1.22.md'), '# Go 1.22\n');
    // A file that appears between the check and the write is not replaced (the exclusive link step).
    const file = path.join(ctx.vault.root, 'race.md');
    fs.writeFileSync(file, 'theirs');
    await assert.rejects(
      writeFileAtomic(file, 'mine', { exclusive: true }),
      (e: NodeJS.ErrnoException) => e.code === 'EEXIST',
    );
    assert.equal(fs.readFileSync(file, 'utf8'), 'theirs');
    // A dangling symlink counts as taken; nothing is written through it.
    fs.symlinkSync(path.join(ctx.vault.root, 'nowhere.md'), path.join(ctx.vault.root, 'dangling.md'));
    await assert.rejects(api.createNote('dangling.md', 'x'), (e: { code: string }) => e.code === 'exists');
    assert.equal(fs.existsSync(path.join(ctx.vault.root, 'nowhere.md')), false);
    assert.deepEqual(tempFiles(ctx.vault.root), []);
  } finally {
    await ctx.close();
  }
});

test('writeNote keeps the permission bits of an existing note', async () => {
  const ctx = await openService();
  try {
    const file = path.join(ctx.vault.root, 'notes/ref.md');
    fs.chmodSync(file, 0o600);
    await ctx.service.api.writeNote('notes/ref.md', 'private\n');
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    assert.equal(read(ctx.vault, 'notes/ref.md'), 'private\n');
  } finally {
    await ctx.close();
  }
});

test('deletePath refuses a .trash symlink leading out of the vault', async () => {
  const ctx = await openService();
  try {
    const outsideDir = path.join(ctx.vault.tmp, 'elsewhere');
    fs.mkdirSync(outsideDir);
    fs.symlinkSync(outsideDir, path.join(ctx.vault.root, '.trash'));
    assert.equal(code(await dispatch(ctx.service.api, 'deletePath', ['notes/ref.md'])), 'outside-vault');
    assert.ok(fs.existsSync(path.join(ctx.vault.root, 'notes/ref.md')));
    assert.deepEqual(fs.readdirSync(outsideDir), []);
  } finally {
    await ctx.close();
  }
});

test('a write that reached the disk resolves even when its re-index fails', async () => {
  const ctx = await openService();
  try {
    const n = await ctx.service.api.readNote('notes/ref.md');
    // A real failure: the index's database is gone, so every re-index throws.
    ctx.service.index.close();
    await assert.rejects(ctx.service.index.update(['notes/ref.md']));
    const w = await ctx.service.api.writeNote('notes/ref.md', 'saved\n', n.hash);
    assert.equal(read(ctx.vault, 'notes/ref.md'), 'saved\n');
    // The editor's next save with the returned hash is not a conflict.
    await ctx.service.api.writeNote('notes/ref.md', 'saved again\n', w.hash);
    assert.equal(read(ctx.vault, 'notes/ref.md'), 'saved again\n');
  } finally {
    await ctx.close();
  }
});

test('with the watcher on, an app write is reported once (no second event that could look like an outside change)', async () => {
  const ctx = await openService({ watch: true });
  try {
    const events: { changed: string[]; deleted: string[] }[] = [];
    ctx.service.events.on('vault-changed', (e) => events.push(e));
    // The watcher is live once a note written by another program is reported.
    await outsideWriteReported(ctx.service, ctx.vault.root, 'notes/probe-1.md');
    const n = await ctx.service.api.readNote('notes/ref.md');
    await ctx.service.api.writeNote('notes/ref.md', n.content + 'more\n', n.hash);
    // The watcher reports in order: once a later outside write is reported, the app write's events are all out.
    await outsideWriteReported(ctx.service, ctx.vault.root, 'notes/probe-2.md');
    assert.equal(events.filter((e) => e.changed.includes('notes/ref.md')).length, 1, JSON.stringify(events));
    assert.deepEqual(tempFiles(ctx.vault.root), []);
  } finally {
    await ctx.close();
  }
});

/**
 * Writes `rel` as another program would and resolves on the `vault-changed` naming it (the write is repeated every
 * second: chokidar may still be walking the vault when the first lands). Rejects after 60 s, a bound on waiting.
 */
function outsideWriteReported(service: AtlasService, root: string, rel: string): Promise<void> {
  const file = path.join(root, rel);
  const poke = () => fs.writeFileSync(file, `# Probe\n\n${Date.now()}\n`);
  return new Promise((resolve, reject) => {
    const done = (err?: Error) => {
      off();
      clearInterval(again);
      clearTimeout(limit);
      if (err) reject(err);
      else resolve();
    };
    const off = service.events.on('vault-changed', (e) => {
      if (e.changed.includes(rel)) done();
    });
    const again = setInterval(poke, 1000);
    const limit = setTimeout(() => done(new Error(`no vault-changed for ${rel}`)), 60_000);
    poke();
  });
}

test('error messages name vault files relative to the vault, not by absolute path', async () => {
  const ctx = await openService();
  try {
    fs.mkdirSync(path.join(ctx.vault.root, '.atlas'), { recursive: true });
    fs.writeFileSync(path.join(ctx.vault.root, '.atlas/progress.json'), '{damaged');
    const r = await dispatch(ctx.service.api, 'progress', []);
    assert.equal(r.ok, false, JSON.stringify(r));
    if (!r.ok) {
      assert.match(r.error.message, /\.atlas\/progress\.json/);
      assert.ok(!r.error.message.includes(ctx.vault.tmp), r.error.message);
    }
  } finally {
    await ctx.close();
  }
});

test('readNote refuses a note larger than writeNote could save back', async () => {
  const ctx = await openService();
  try {
    const file = path.join(ctx.vault.root, 'huge.md');
    fs.writeFileSync(file, '');
    fs.truncateSync(file, 21 * 1024 * 1024);
    const r = await dispatch(ctx.service.api, 'readNote', ['huge.md']);
    assert.equal(code(r), 'invalid-argument');
    if (!r.ok) assert.match(r.error.message, /too large/);
  } finally {
    await ctx.close();
  }
});

test('rename: a linking note that cannot be rewritten is reported in failed, the rename still succeeds and symlinks survive', async () => {
  const ctx = await openService();
  try {
    // notes/table.md (indexed as a linking note) becomes a symlink to a copy inside .obsidian (not writable through
    // the API) by another program, before the index hears of it (the indexer never follows symlinks).
    const hidden = path.join(ctx.vault.root, '.obsidian/table.md');
    fs.mkdirSync(path.dirname(hidden));
    fs.renameSync(path.join(ctx.vault.root, 'notes/table.md'), hidden);
    fs.symlinkSync(hidden, path.join(ctx.vault.root, 'notes/table.md'));
    const hiddenBefore = fs.readFileSync(hidden, 'utf8');
    assert.match(hiddenBefore, /Old Name/);

    const r = await ctx.service.api.renamePath('notes/Old Name.md', 'notes/New Name.md');
    assert.equal(r.to, 'notes/New Name.md');
    assert.ok(!r.rewritten.includes('notes/table.md'));
    assert.deepEqual(
      r.failed.map((f) => f.path),
      ['notes/table.md'],
    );
    assert.match(r.failed[0].reason, /\.obsidian/);
    assert.ok(r.rewritten.includes('notes/ref.md'));
    assert.match(read(ctx.vault, 'notes/ref.md'), /\[\[New Name\]\]/);
    assert.equal(fs.readFileSync(hidden, 'utf8'), hiddenBefore);
    assert.ok(fs.lstatSync(path.join(ctx.vault.root, 'notes/table.md')).isSymbolicLink());
    assert.ok(fs.existsSync(path.join(ctx.vault.root, 'notes/New Name.md')));
  } finally {
    await ctx.close();
  }
});

test('notes with long Chinese names (240 bytes) can be created and saved; control characters in names are refused', async () => {
  const ctx = await openService();
  try {
    const long = `${'长'.repeat(80)}.md`;
    assert.ok(Buffer.byteLength(long) <= 255 && Buffer.byteLength(long) > 240);
    const c = await ctx.service.api.createNote(long, '# 长\n');
    assert.equal(c.path, long);
    const n = await ctx.service.api.readNote(long);
    await ctx.service.api.writeNote(long, '# 长\n\n更多\n', n.hash);
    assert.equal(read(ctx.vault, long), '# 长\n\n更多\n');
    assert.deepEqual(tempFiles(ctx.vault.root), []);
    for (const p of ['a\nb.md', 'tab\there.md', 'x/\u007f.md']) {
      assert.equal(code(await dispatch(ctx.service.api, 'createNote', [p])), 'invalid-argument', JSON.stringify(p));
    }
  } finally {
    await ctx.close();
  }
});

test('writeNote refuses a folder and a non-.md path; createNote refuses a folder', async () => {
  const ctx = await openService();
  try {
    const api = ctx.service.api;
    fs.mkdirSync(path.join(ctx.vault.root, 'folder.md'));
    assert.equal(code(await dispatch(api, 'writeNote', ['folder.md', 'x'])), 'invalid-argument');
    assert.equal(code(await dispatch(api, 'writeNote', ['notes', 'x'])), 'invalid-argument');
    assert.equal(code(await dispatch(api, 'writeNote', ['attachments/diagram.png', 'x'])), 'invalid-argument');
    assert.equal(code(await dispatch(api, 'createNote', ['folder.md'])), 'exists');
    assert.ok(fs.statSync(path.join(ctx.vault.root, 'folder.md')).isDirectory());
    assert.notEqual(fs.statSync(path.join(ctx.vault.root, 'attachments/diagram.png')).size, 1);
  } finally {
    await ctx.close();
  }
});

test('an over-long path component is invalid-argument (400), not io', async () => {
  const ctx = await openService();
  try {
    const long = `${'a'.repeat(300)}.md`;
    for (const [method, args] of [
      ['readNote', [long]],
      ['writeNote', [long, 'x']],
      ['createNote', [`x/${'通'.repeat(90)}.md`]],
      ['renamePath', ['notes/ref.md', long]],
    ] as const) {
      assert.equal(
        code(await dispatch(ctx.service.api, method, args as unknown as unknown[])),
        'invalid-argument',
        method,
      );
    }
  } finally {
    await ctx.close();
  }
});
