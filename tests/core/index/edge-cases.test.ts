/**
 * Regressions found in review: cold-index alias resolution must not depend on the order notes are parsed in;
 * a 1-character query finds a character at the very end of a note; `"quoted phrases"` search as phrases.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { openIndex, queryOf, tempVault, writeVault } from './helpers.ts';

test('cold index: an alias link written before a second note with the same alias is parsed becomes ambiguous (none)', async () => {
  const { root, db, work } = tempVault();
  // scan order ab.md, abc.md, b.md: the link in abc.md is written when only ab.md has the alias
  writeVault(root, 'ab.md', '---\naliases: [通道]\n---\nlonger path\n');
  writeVault(root, 'abc.md', 'see [[通道]]\n');
  writeVault(root, 'b.md', '---\naliases: [通道]\n---\nshorter path\n');
  const index = await openIndex(root, db);
  try {
    assert.equal((await index.sync()).mode, 'cold');
    const [link] = queryOf(index).outgoing('abc.md');
    // rule 4: an alias shared by two notes resolves to neither
    assert.equal(link.target, null);
    const amb = queryOf(index).indexReport().ambiguous;
    assert.deepEqual(
      amb.map((a) => [a.source, a.chosen, a.candidates]),
      [['abc.md', null, ['b.md', 'ab.md']]],
    );
  } finally {
    index.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
});

test('search: 1–2 character Chinese queries find text at the very end of a note', async () => {
  const { root, db, work } = tempVault();
  writeVault(root, 'a.md', '我们使用通道'); // no trailing newline
  writeVault(root, 'b.md', '别的内容\n');
  const index = await openIndex(root, db);
  try {
    await index.sync();
    assert.deepEqual(
      queryOf(index)
        .search('道')
        .map((h) => h.path),
      ['a.md'],
    );
    assert.deepEqual(
      queryOf(index)
        .search('通道')
        .map((h) => h.path),
      ['a.md'],
    );
  } finally {
    index.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
});

test('search: a "quoted phrase" matches the phrase; FTS syntax characters never throw', async () => {
  const { root, db, work } = tempVault();
  writeVault(root, 'a.md', 'goroutine scheduling in Go\n');
  writeVault(root, 'b.md', 'goroutine and then scheduling\n');
  const index = await openIndex(root, db);
  try {
    await index.sync();
    assert.deepEqual(
      queryOf(index)
        .search('"goroutine scheduling"')
        .map((h) => h.path),
      ['a.md'],
    );
    assert.deepEqual(
      queryOf(index)
        .search('goroutine scheduling')
        .map((h) => h.path)
        .sort(),
      ['a.md', 'b.md'],
    );
    assert.deepEqual(
      queryOf(index)
        .search('"goroutine')
        .map((h) => h.path)
        .sort(),
      ['a.md', 'b.md'],
      'unclosed quote',
    );
    for (const q of ['"', '*', '-', 'OR', '(', 'a OR b', 'NEAR(x', 'go*', '^', "'", '%', '_', '{a}', 'c:d', '""']) {
      assert.doesNotThrow(() => queryOf(index).search(q), q);
    }
  } finally {
    index.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
});

test('resolveLink: a table-escaped `[[a\\|b]]`, a heading and an alias resolve like the link', async () => {
  const { root, db, work } = tempVault();
  writeVault(root, 'zh/通道.md', '---\naliases: [channel]\n---\n# 用法\n');
  writeVault(root, 'src.md', '| x |\n|---|\n| [[通道\\|看这里]] |\n');
  const index = await openIndex(root, db);
  try {
    await index.sync();
    assert.equal(queryOf(index).resolveLink('src.md', '[[通道\\|看这里]]'), 'zh/通道.md');
    assert.equal(queryOf(index).resolveLink('src.md', '通道\\|看这里'), 'zh/通道.md');
    assert.equal(queryOf(index).resolveLink('src.md', '通道#用法|x'), 'zh/通道.md');
    assert.equal(queryOf(index).resolveLink('src.md', 'channel'), 'zh/通道.md');
    assert.equal(queryOf(index).outgoing('src.md')[0]?.target, 'zh/通道.md', 'the parsed link agrees');
  } finally {
    index.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
});
