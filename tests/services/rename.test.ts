/**
 * renamePath moves notes, attachments and folders and rewrites every link to them on disk, keeping each link's
 * style (bare name, path, relative markdown link, embed, heading, alias, property), in English and Chinese.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createAtlasService } from '../../electron/services/atlas-service.ts';
import { openService, read, tempFiles } from './helpers.ts';
import { tempDir } from '../support/temp-dir.ts';

test('rename 通道.md → channel.md rewrites wiki, embed, heading, path, markdown and property links', async () => {
  const ctx = await openService();
  try {
    const r = await ctx.service.api.renamePath('concurrency/通道.md', 'concurrency/channel.md');
    assert.equal(r.from, 'concurrency/通道.md');
    assert.equal(r.to, 'concurrency/channel.md');
    assert.deepEqual(r.rewritten, ['concurrency/goroutine.md', 'other/user.md']);
    assert.equal(fs.existsSync(path.join(ctx.vault.root, 'concurrency/通道.md')), false);
    assert.ok(fs.existsSync(path.join(ctx.vault.root, 'concurrency/channel.md')));

    const g = read(ctx.vault, 'concurrency/goroutine.md');
    assert.match(g, /^prerequisites: \["\[\[channel\]\]"\]$/m);
    assert.match(g, /协程通过 \[\[channel\]\] 通信。/);
    assert.match(g, /Alias style: \[\[channel\|channel\]\] and heading \[\[channel#关闭\]\]\./);
    assert.match(g, /Embed: !\[\[channel\]\]/);
    assert.match(g, /Path style: \[\[concurrency\/channel\]\]/);
    assert.match(g, /Markdown: \[c\]\(channel\.md\) and encoded \[c3\]\(channel\.md\)\./);
    assert.match(g, /Through the alias: \[\[chan\]\] stays\./);
    assert.doesNotMatch(g, /通道\]\]|通道\.md|%E9/);
    assert.match(read(ctx.vault, 'other/user.md'), /^related: "\[\[channel\]\]"$/m);

    // The index follows: every backlink now reaches the new path, nothing is left unresolved.
    const back = await ctx.service.api.backlinks('concurrency/channel.md');
    assert.ok(back.filter((b) => b.source === 'concurrency/goroutine.md').length >= 7, JSON.stringify(back));
    const report = await ctx.service.api.check();
    assert.deepEqual(
      report.unresolved.filter((u) => u.raw.includes('channel') || u.raw.includes('通道')),
      [],
    );
    assert.deepEqual(tempFiles(ctx.vault.root), []);
  } finally {
    await ctx.close();
  }
});

test('rename back to a Chinese name, and a name taken elsewhere turns bare links into paths', async () => {
  const ctx = await openService();
  try {
    fs.mkdirSync(path.join(ctx.vault.root, 'elsewhere'));
    fs.writeFileSync(path.join(ctx.vault.root, 'elsewhere/管道.md'), '# 另一个管道\n');
    await ctx.service.index.update(['elsewhere/管道.md']);
    await ctx.service.api.renamePath('concurrency/通道.md', 'concurrency/管道.md');
    const g = read(ctx.vault, 'concurrency/goroutine.md');
    assert.match(g, /协程通过 \[\[concurrency\/管道\]\] 通信。/);
    assert.match(g, /\[\[concurrency\/管道\|channel\]\]/);
    assert.match(g, /!\[\[concurrency\/管道\]\]/);
    const out = await ctx.service.api.outgoing('concurrency/goroutine.md');
    for (const l of out.filter((o) => o.raw.includes('管道'))) assert.equal(l.target, 'concurrency/管道.md', l.raw);
  } finally {
    await ctx.close();
  }
});

test('moving a note with spaces to another folder rewrites relative, bare, angle and path links', async () => {
  const ctx = await openService();
  try {
    const r = await ctx.service.api.renamePath('notes/Old Name.md', 'archive/New Name');
    assert.equal(r.to, 'archive/New Name.md', 'a note stays a .md note');
    const ref = read(ctx.vault, 'notes/ref.md');
    assert.match(ref, /\[t\]\(New%20Name\.md\)/);
    assert.match(ref, /wiki \[\[New Name\]\]/);
    assert.match(ref, /path \[\[archive\/New Name\|alias\]\]/);
    const user = read(ctx.vault, 'other/user.md');
    assert.match(user, /\[t\]\(\.\.\/archive\/New%20Name\.md#Intro\)/);
    assert.match(user, /\[a\]\(<\.\.\/archive\/New Name\.md>\)/);
    assert.match(user, /^ {2}- "\[\[New Name\]\]"$/m);
    // Inside a table the alias pipe is escaped; an embed and a link to the same note share a line.
    assert.match(
      read(ctx.vault, 'notes/table.md'),
      /^\| \[\[New Name\\\|the old one\]\] \| !\[\[New Name\]\] and \[\[New Name\]\] \|$/m,
    );
    const back = await ctx.service.api.backlinks('archive/New Name.md');
    assert.deepEqual([...new Set(back.map((b) => b.source))].sort(), [
      'notes/ref.md',
      'notes/table.md',
      'other/user.md',
    ]);
  } finally {
    await ctx.close();
  }
});

test("renaming a folder moves every file and rewrites links into it; the moved note's own relative links follow", async () => {
  const ctx = await openService();
  try {
    const r = await ctx.service.api.renamePath('other', 'deep/other2');
    assert.equal(r.to, 'deep/other2');
    const user = read(ctx.vault, 'deep/other2/user.md');
    // user.md moved one level deeper: its relative markdown links are recomputed.
    assert.match(user, /\[t\]\(\.\.\/\.\.\/notes\/Old%20Name\.md#Intro\)/);
    assert.match(user, /!\[pic\]\(\.\.\/\.\.\/attachments\/diagram\.png\)/);
    assert.match(user, /\[\[#user\]\]/);
    const out = await ctx.service.api.outgoing('deep/other2/user.md');
    for (const l of out.filter((o) => o.kind === 'markdown')) assert.notEqual(l.target, null, l.raw);
  } finally {
    await ctx.close();
  }
});

test('renaming an attachment rewrites embeds with the extension kept', async () => {
  const ctx = await openService();
  try {
    await ctx.service.api.renamePath('attachments/diagram.png', 'attachments/图表.png');
    assert.match(read(ctx.vault, 'notes/Old Name.md'), /See !\[\[图表\.png\]\]\./);
    assert.match(read(ctx.vault, 'other/user.md'), /!\[pic\]\(\.\.\/attachments\/图表\.png\)/);
  } finally {
    await ctx.close();
  }
});

test('rename refuses a taken name, a missing source and a folder into itself', async () => {
  const ctx = await openService();
  try {
    const api = ctx.service.api;
    await assert.rejects(
      api.renamePath('notes/ref.md', 'concurrency/goroutine.md'),
      (e: { code: string }) => e.code === 'exists',
    );
    await assert.rejects(
      api.renamePath('notes/missing.md', 'notes/x.md'),
      (e: { code: string }) => e.code === 'not-found',
    );
    await assert.rejects(api.renamePath('notes', 'notes/sub'), (e: { code: string }) => e.code === 'invalid-argument');
    assert.ok(fs.existsSync(path.join(ctx.vault.root, 'notes/ref.md')));
  } finally {
    await ctx.close();
  }
});

test('rename never overwrites appends made by another program while links are rewritten (hash check, re-read)', async () => {
  const ctx = await openService();
  try {
    const root = ctx.vault.root;
    for (let i = 0; i < 40; i++) fs.writeFileSync(path.join(root, `linker-${i}.md`), `# L${i}\n\n[[Old Name]]\n`);
    await ctx.service.index.update(Array.from({ length: 40 }, (_, i) => `linker-${i}.md`));
    // another program appends to every linking note as fast as it can while the rename runs
    let stop = false;
    let appended = 0;
    const appender = (async () => {
      while (!stop) {
        for (let i = 0; i < 40; i++) fs.appendFileSync(path.join(root, `linker-${i}.md`), `line ${appended}\n`);
        appended++;
        await new Promise((r) => setImmediate(r));
      }
    })();
    const r = await ctx.service.api.renamePath('notes/Old Name.md', 'notes/New Name.md');
    stop = true;
    await appender;
    for (let i = 0; i < 40; i++) {
      const text = fs.readFileSync(path.join(root, `linker-${i}.md`), 'utf8');
      const lines = text
        .split('\n')
        .filter((l) => l.startsWith('line '))
        .map((l) => Number(l.slice(5)));
      assert.deepEqual(
        lines,
        Array.from({ length: appended }, (_, k) => k),
        `linker-${i}.md lost no append`,
      );
      const ok = r.rewritten.includes(`linker-${i}.md`);
      assert.equal(ok, /\[\[New Name\]\]/.test(text), `linker-${i}.md: reported as ${ok ? 'rewritten' : 'failed'}`);
      if (!ok) assert.ok(r.failed.some((f) => f.path === `linker-${i}.md`));
    }
  } finally {
    await ctx.close();
  }
});

test('rename rewrites only the links: the same text in a code span, a comment or math on that line stays', async () => {
  const tmp = tempDir('rename');
  const root = path.join(tmp, 'vault');
  fs.mkdirSync(root);
  fs.writeFileSync(path.join(root, 'Old.md'), '# Old\n');
  const src = [
    'Write `[[Old]]` to link: [[Old]] %%[[Old]] stays%% and ![[Old]]',
    '$[[Old]]$ then [[Old|名字]] and `![[Old]]`',
    '```',
    '[[Old]] in a fence',
    '```',
    '',
  ].join('\n');
  fs.writeFileSync(path.join(root, 'src.md'), src);
  const service = await createAtlasService({
    vaultRoot: root,
    dbPath: path.join(tmp, 'index.db'),
    watch: false,
    workers: 0,
  });
  try {
    await service.ready;
    const r = await service.api.renamePath('Old.md', 'New.md');
    assert.deepEqual(r.rewritten, ['src.md']);
    assert.equal(
      fs.readFileSync(path.join(root, 'src.md'), 'utf8'),
      [
        'Write `[[Old]]` to link: [[New]] %%[[Old]] stays%% and ![[New]]',
        '$[[Old]]$ then [[New|名字]] and `![[Old]]`',
        '```',
        '[[Old]] in a fence',
        '```',
        '',
      ].join('\n'),
    );
  } finally {
    await service.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
