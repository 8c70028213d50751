/**
 * Bad input never stops indexing: NUL bytes, invalid UTF-8, a file over 5 MB, BOM, CRLF, NFD file names, symlink
 * loops, unreadable files, malformed YAML and a file deleted mid-index are each handled and reported; the indexer
 * never writes to the vault.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { nodeVaultFs } from '../../../electron/core/index/vault-fs.ts';
import { openIndex, queryOf, tempVault, waitFor } from './helpers.ts';

function listing(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: false }) as string[]).sort();
}

test('bad files are recorded with problems; good notes around them are unaffected', async () => {
  const { root, db } = tempVault();
  const w = (rel: string, data: string | Uint8Array) => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), data);
  };
  w('good.md', '# Good\n\nLinks: [[bom]] [[crlf#Second]] [[caf\u00e9]] [[nul]] [[gone]] [[yaml]]\n');
  w('nul.md', Buffer.from('# NUL\n\0\0binary\n'));
  w('bad-utf8.md', Buffer.from([0x23, 0x20, 0xff, 0xfe, 0xc3, 0x28, 0x0a]));
  w('big.md', Buffer.alloc(5 * 1024 * 1024 + 1, 0x61));
  w(
    'bom.md',
    Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('---\naliases: [带BOM]\n---\n# BOM\n\n[[good]]\n')]),
  );
  w('crlf.md', '# First\r\n\r\nSee [[good]] here.\r\n\r\n## Second\r\n');
  w('cafe\u0301.md', '# Café (NFD name on disk)\n\n[[good]]\n');
  w('yaml.md', '---\ntags: [unclosed\n  : : :\n---\n# YAML\n\n[[good]]\n');
  w('gone.md', '# Deleted while indexing\n');
  w('.obsidian/app.json', '{}');
  w('.trash/old.md', '[[good]]');
  w('node_modules/x/readme.md', '[[good]]');
  fs.mkdirSync(path.join(root, 'sub'));
  fs.symlinkSync(root, path.join(root, 'sub', 'loop'));
  fs.symlinkSync(path.join(root, 'sub', 'self'), path.join(root, 'sub', 'self'));
  fs.symlinkSync(path.join(root, 'good.md'), path.join(root, 'sub', 'link-to-good.md'));
  const before = listing(root);

  // gone.md is deleted as it is about to be read; names sorted descending so good.md (linking to it) is written first
  const index = await openIndex(root, db, {
    fs: {
      ...nodeVaultFs,
      readdir: (p) => nodeVaultFs.readdir(p).sort((a, b) => (a.name < b.name ? 1 : -1)),
      readFile: (p) => {
        if (p.endsWith('gone.md')) fs.rmSync(p);
        return nodeVaultFs.readFile(p);
      },
    },
  });
  const s = await index.sync();
  const problems = queryOf(index).indexReport().problems;
  const kinds = (p: string) => problems.filter((x) => x.path === p).map((x) => x.kind);
  assert.deepEqual(kinds('nul.md'), ['binary']);
  assert.deepEqual(kinds('bad-utf8.md'), ['encoding']);
  assert.deepEqual(kinds('big.md'), ['too-large']);
  assert.ok(kinds('yaml.md').length >= 1, JSON.stringify(problems));
  assert.deepEqual(kinds('gone.md'), ['missing']);
  assert.deepEqual(kinds('sub/loop'), ['symlink']);
  assert.deepEqual(kinds('sub/self'), ['symlink']);
  assert.deepEqual(kinds('bom.md'), []);
  assert.deepEqual(kinds('crlf.md'), []);

  // the bad .md files are still notes (links to them resolve); the deleted one is gone
  const targets = Object.fromEntries(
    queryOf(index)
      .outgoing('good.md')
      .map((l) => [l.raw, l.target]),
  );
  assert.equal(targets['[[nul]]'], 'nul.md');
  assert.equal(targets['[[caf\u00e9]]'], 'caf\u00e9.md');
  assert.equal(targets['[[bom]]'], 'bom.md');
  assert.equal(targets['[[crlf#Second]]'], 'crlf.md');
  assert.equal(targets['[[gone]]'], null);
  assert.ok(
    !queryOf(index)
      .indexReport()
      .brokenAnchors.some((b) => b.source === 'good.md'),
  );
  assert.deepEqual(queryOf(index).noteInfo('bom.md')?.aliases, ['带BOM']);
  assert.deepEqual(
    queryOf(index)
      .noteInfo('crlf.md')
      ?.headings.map((h) => [h.text, h.line]),
    [
      ['First', 1],
      ['Second', 5],
    ],
  );
  const ctx = queryOf(index)
    .backlinks('good.md')
    .find((b) => b.source === 'crlf.md');
  assert.deepEqual([ctx?.line, ctx?.context], [3, 'See [[good]] here.']);
  // a symlinked note is not followed (its target is indexed at its real path): reported, not listed
  assert.deepEqual(kinds('sub/link-to-good.md'), ['symlink']);
  assert.ok(
    !queryOf(index)
      .listFiles()
      .some((f) => f.path === 'sub/link-to-good.md'),
  );
  assert.ok(
    !queryOf(index)
      .listFiles()
      .some((f) => /\.obsidian|\.trash|node_modules/.test(f.path)),
  );
  assert.ok(
    queryOf(index)
      .backlinks('good.md')
      .every((b) => !b.source.includes('.trash')),
  );
  assert.ok(s.notes >= 8);

  // warm start: nothing re-parsed; an update named in NFC finds the NFD file on disk
  assert.equal((await index.sync()).parsed, 0);
  fs.writeFileSync(path.join(root, 'cafe\u0301.md'), '# Café\n\n[[good]] [[nul]]\n');
  const u = await index.update(['caf\u00e9.md']);
  assert.deepEqual(u, { changed: ['caf\u00e9.md'], deleted: [] });
  assert.equal(queryOf(index).outgoing('caf\u00e9.md').length, 2);
  assert.deepEqual(
    listing(root),
    before.filter((p) => !p.endsWith('gone.md')),
  );
  index.close();
});

test('an unreadable note is reported (skipped when running as root)', { skip: process.getuid?.() === 0 }, async () => {
  const { root, db } = tempVault();
  fs.writeFileSync(path.join(root, 'secret.md'), '# Secret\n');
  fs.writeFileSync(path.join(root, 'open.md'), '[[secret]]\n');
  fs.chmodSync(path.join(root, 'secret.md'), 0o000);
  try {
    const index = await openIndex(root, db);
    await index.sync();
    assert.deepEqual(
      queryOf(index)
        .indexReport()
        .problems.map((p) => [p.path, p.kind]),
      [['secret.md', 'unreadable']],
    );
    assert.equal(queryOf(index).outgoing('open.md')[0].target, 'secret.md');
    index.close();
  } finally {
    fs.chmodSync(path.join(root, 'secret.md'), 0o644);
  }
});

test('an unreadable note (EACCES through the fs interface, so also as root) is reported and read once allowed', async () => {
  const { root, db } = tempVault();
  fs.writeFileSync(path.join(root, 'secret.md'), '# Secret 秘密\n');
  fs.writeFileSync(path.join(root, 'open.md'), '[[secret#Secret 秘密]]\n');
  let denied = true;
  const index = await openIndex(root, db, {
    fs: {
      ...nodeVaultFs,
      readFile: (p) => {
        if (denied && p.endsWith('secret.md')) throw Object.assign(new Error('permission denied'), { code: 'EACCES' });
        return nodeVaultFs.readFile(p);
      },
    },
  });
  await index.sync();
  assert.deepEqual(
    queryOf(index)
      .indexReport()
      .problems.map((p) => [p.path, p.kind]),
    [['secret.md', 'unreadable']],
  );
  assert.equal(queryOf(index).outgoing('open.md')[0].target, 'secret.md');
  const v = index.version;
  assert.equal((await index.sync()).parsed, 0);
  assert.deepEqual(await index.update(['secret.md']), { changed: [], deleted: [] });
  assert.equal(index.version, v, 'nothing changed, so the version stays');
  denied = false;
  assert.equal((await index.sync()).parsed, 1);
  assert.deepEqual(queryOf(index).indexReport().problems, []);
  assert.deepEqual(queryOf(index).indexReport().brokenAnchors, []);
  assert.deepEqual(
    queryOf(index)
      .noteInfo('secret.md')
      ?.headings.map((h) => h.text),
    ['Secret 秘密'],
  );
  index.close();
});

test('the watcher picks up files written by another program, ignoring dot folders', async () => {
  const { root, db } = tempVault('index-resolve');
  const index = await openIndex(root, db, { debounceMs: 50 });
  await index.sync();
  const seen: string[] = [];
  const stop = index.watch((e) => seen.push(...e.changed, ...e.deleted.map((d) => `-${d}`)));
  try {
    fs.mkdirSync(path.join(root, '.obsidian'), { recursive: true });
    fs.writeFileSync(path.join(root, '.obsidian', 'workspace.md'), '[[Note]]');
    fs.writeFileSync(path.join(root, 'from-outside.md'), '# 外部程序写入\n\n链接到 [[通道]]。\n');
    assert.ok(
      await waitFor(() =>
        queryOf(index)
          .backlinks('concurrency/channel.md')
          .some((b) => b.source === 'from-outside.md'),
      ),
      'new note indexed',
    );
    fs.rmSync(path.join(root, 'orphan.md'));
    assert.ok(await waitFor(() => queryOf(index).noteInfo('orphan.md') === null), 'deletion indexed');
    assert.ok(await waitFor(() => seen.includes('-orphan.md')));
    assert.ok(seen.includes('from-outside.md'));
    assert.ok(
      !queryOf(index)
        .listFiles()
        .some((f) => f.path.startsWith('.obsidian')),
    );
  } finally {
    await stop();
    index.close();
  }
});
