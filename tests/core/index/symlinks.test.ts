/**
 * Symlinks inside the vault are never followed by the indexer (issue 10, item 8): a symlinked file pointing outside
 * the vault is not read (its text never reaches search, mentions or export) and is reported as a `symlink` problem,
 * like a symlinked folder; a symlink pointing inside is reported and its target indexed once, at its real path; loops
 * and dangling links are reported, never followed. A note swapped for a symlink after the scan is not read through
 * (O_NOFOLLOW), and an update of a path that became a symlink drops it from the index.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { nodeVaultFs } from '../../../electron/core/index/vault-fs.ts';
import { openIndex, queryOf, tempVault } from './helpers.ts';

const SECRET = 'zanzibarsecret';

function setUp() {
  const t = tempVault();
  const outside = path.join(t.work, 'outside');
  fs.mkdirSync(outside);
  fs.writeFileSync(path.join(outside, 'passwd.md'), `# Passwd\n\nroot:x:0:0 ${SECRET} [[real]]\n`);
  fs.writeFileSync(path.join(outside, 'passwd'), `root:x:0:0 ${SECRET}\n`);
  fs.writeFileSync(path.join(outside, 'pic.png'), 'not really a png');
  fs.mkdirSync(path.join(outside, 'folder'));
  fs.writeFileSync(path.join(outside, 'folder', 'inner.md'), `# Inner\n\n${SECRET}\n`);
  const r = t.root;
  fs.writeFileSync(path.join(r, 'real.md'), '# Real\n\nrealword here\n');
  fs.writeFileSync(path.join(r, 'other.md'), '# Other\n\nSee [[real]] and [[leak]] and [[twin]].\n');
  fs.mkdirSync(path.join(r, 'sub'));
  fs.symlinkSync(path.join(outside, 'passwd.md'), path.join(r, 'leak.md'));
  fs.symlinkSync(path.join(outside, 'passwd'), path.join(r, 'passwd.txt'));
  fs.symlinkSync(path.join(outside, 'pic.png'), path.join(r, 'pic.png'));
  fs.symlinkSync(path.join(outside, 'folder'), path.join(r, 'dir-out'));
  fs.symlinkSync(path.join(r, 'real.md'), path.join(r, 'sub', 'twin.md'));
  fs.symlinkSync('../real.md', path.join(r, 'sub', 'relative.md'));
  fs.symlinkSync(r, path.join(r, 'sub', 'loop'));
  fs.symlinkSync(path.join(r, 'self.md'), path.join(r, 'self.md'));
  fs.symlinkSync(path.join(r, 'nowhere.md'), path.join(r, 'dangling.md'));
  return { ...t, outside };
}

test('symlinked files and folders are not followed: nothing from outside is read, each link is reported', async () => {
  const { root, db } = setUp();
  const index = await openIndex(root, db);
  await index.sync();
  const q = queryOf(index);
  const files = q.listFiles().map((f) => f.path);
  assert.deepEqual(files.sort(), ['other.md', 'real.md', 'sub']);
  assert.deepEqual(q.search(SECRET), []);
  assert.ok(!JSON.stringify(q.export()).includes(SECRET), 'nothing from outside in the export');
  assert.deepEqual(q.mentions('real.md'), []);
  // the note behind the inside links is indexed once
  assert.deepEqual(
    q.search('realword').map((h) => h.path),
    ['real.md'],
  );
  const problems = Object.fromEntries(
    q
      .indexReport()
      .problems.filter((p) => p.kind === 'symlink')
      .map((p) => [p.path, p.message]),
  );
  assert.deepEqual(Object.keys(problems).sort(), [
    'dangling.md',
    'dir-out',
    'leak.md',
    'passwd.txt',
    'pic.png',
    'self.md',
    'sub/loop',
    'sub/relative.md',
    'sub/twin.md',
  ]);
  assert.match(problems['leak.md'], /symlinked file points outside the vault; not followed/);
  assert.match(problems['pic.png'], /outside the vault/);
  assert.match(problems['dir-out'], /symlinked folder points outside the vault/);
  assert.match(
    problems['sub/twin.md'],
    /symlinked file inside the vault; not followed \(it is indexed at its real path\)/,
  );
  assert.match(problems['sub/relative.md'], /inside the vault/);
  assert.match(problems['sub/loop'], /loop/);
  assert.match(problems['self.md'], /loop/);
  assert.match(problems['dangling.md'], /broken symlink/);
  // links to a symlink's name do not resolve to the outside file
  const targets = Object.fromEntries(q.outgoing('other.md').map((l) => [l.raw, l.target]));
  assert.deepEqual(targets, { '[[real]]': 'real.md', '[[leak]]': null, '[[twin]]': null });
  // an update naming the link keeps it out
  assert.deepEqual(await index.update(['leak.md', 'sub/twin.md', 'dir-out']), { changed: [], deleted: [] });
  assert.deepEqual(q.search(SECRET), []);
  index.close();
});

test('a note replaced by a symlink to outside is dropped on update, and never read through after the scan', async () => {
  const { root, db, outside } = setUp();
  fs.writeFileSync(path.join(root, 'swap.md'), '# Swap\n\nplainword\n');
  fs.writeFileSync(path.join(root, 'later.md'), '# Later\n\nlaterword\n');
  let swapOnRead = false;
  const index = await openIndex(root, db, {
    fs: {
      ...nodeVaultFs,
      readFile: (p) => {
        // the file turns into a symlink between the scan and the read
        if (swapOnRead && p.endsWith('later.md')) {
          fs.rmSync(p);
          fs.symlinkSync(path.join(outside, 'passwd.md'), p);
        }
        return nodeVaultFs.readFile(p);
      },
    },
  });
  await index.sync();
  const q = queryOf(index);
  assert.deepEqual(
    q.search('plainword').map((h) => h.path),
    ['swap.md'],
  );
  // swapped by another program, then an update (as the watcher sends)
  fs.rmSync(path.join(root, 'swap.md'));
  fs.symlinkSync(path.join(outside, 'passwd.md'), path.join(root, 'swap.md'));
  assert.deepEqual(await index.update(['swap.md']), { changed: [], deleted: ['swap.md'] });
  assert.deepEqual(q.search(SECRET), []);
  assert.equal(q.noteInfo('swap.md'), null);
  // swapped between the scan and the read: refused by O_NOFOLLOW, reported, nothing read
  swapOnRead = true;
  const t = new Date(Date.now() + 5000);
  fs.utimesSync(path.join(root, 'later.md'), t, t);
  await index.sync();
  assert.deepEqual(q.search(SECRET), []);
  assert.ok(!JSON.stringify(q.export()).includes(SECRET));
  const kinds = q
    .indexReport()
    .problems.filter((p) => p.path === 'later.md' || p.path === 'swap.md')
    .map((p) => [p.path, p.kind]);
  assert.deepEqual(kinds, [
    ['later.md', 'unreadable'],
    ['swap.md', 'symlink'],
  ]);
  assert.match(q.indexReport().problems.find((p) => p.path === 'later.md')?.message ?? '', /ELOOP/);
  index.close();
});
