/**
 * The search pane's search (searchAll): every match with file lines and match ranges; `tag:`, `path:`, `file:`,
 * `"phrase"` and `-exclude` operators; a common term lists more than 50 notes with a correct total.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { parseSearch } from '../../../electron/core/query/search-query.ts';
import { openIndex, queryOf, tempVault, writeVault } from './helpers.ts';

test('query operators parse, negations included', () => {
  assert.deepEqual(parseSearch('Go "work stealing" -mutex tag:#go/ path:concepts -file:old'), {
    expr: {
      kind: 'and',
      items: [
        { kind: 'text', value: 'go' },
        { kind: 'text', value: 'work stealing' },
        { kind: 'not', item: { kind: 'text', value: 'mutex' } },
        { kind: 'tag', value: 'go' },
        { kind: 'path', value: 'concepts' },
        { kind: 'not', item: { kind: 'file', value: 'old' } },
      ],
    },
    terms: ['go', 'work stealing'],
    propValues: [],
  });
});

test('searchAll: file lines and match ranges; operators filter; all results counted', async () => {
  const { root, db, work } = tempVault();
  writeVault(
    root,
    'concepts/sched.md',
    '---\ntags: [go]\n---\n# Scheduler\n\nWork stealing keeps Ps busy.\nNo mutex here.\n',
  );
  writeVault(root, 'concepts/old sched.md', 'work stealing, old notes\n');
  writeVault(root, 'other/steal.md', '---\ntags: [rust]\n---\nstealing work is not work stealing?\n');
  for (let i = 0; i < 70; i++) writeVault(root, `bulk/n${i}.md`, `common term number ${i}\n`);
  const index = await openIndex(root, db);
  try {
    await index.sync();
    const q = queryOf(index);
    const r = q.searchAll('"work stealing"');
    assert.deepEqual(r.notes.map((n) => n.path).sort(), [
      'concepts/old sched.md',
      'concepts/sched.md',
      'other/steal.md',
    ]);
    const sched = r.notes.find((n) => n.path === 'concepts/sched.md')!;
    // line 6 of the file (3 frontmatter lines, heading, blank line)
    assert.deepEqual(sched.matches, [{ line: 6, text: 'Work stealing keeps Ps busy.', ranges: [[0, 13]] }]);
    assert.equal(sched.matchCount, 1);

    assert.deepEqual(
      q
        .searchAll('"work stealing" -mutex')
        .notes.map((n) => n.path)
        .sort(),
      ['concepts/old sched.md', 'other/steal.md'],
    );
    assert.deepEqual(
      q.searchAll('stealing tag:go').notes.map((n) => n.path),
      ['concepts/sched.md'],
    );
    assert.deepEqual(
      q.searchAll('stealing -tag:go -tag:rust').notes.map((n) => n.path),
      ['concepts/old sched.md'],
    );
    assert.deepEqual(
      q.searchAll('stealing path:other').notes.map((n) => n.path),
      ['other/steal.md'],
    );
    assert.deepEqual(
      q.searchAll('file:old').notes.map((n) => n.path),
      ['concepts/old sched.md'],
    );
    assert.deepEqual(q.searchAll('-stealing').notes, [], 'only exclusions match nothing');

    const all = q.searchAll('common term');
    assert.equal(all.total, 70);
    assert.equal(all.notes.length, 70);
    assert.equal(all.truncated, false);
    assert.deepEqual(all.notes[0].matches[0].ranges, [
      [0, 6],
      [7, 11],
    ]);
    // FTS syntax is literal
    assert.deepEqual(q.searchAll('"* OR ( NEAR').notes, []);
  } finally {
    index.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
});

test('a term whose trigrams all occur, but never in a row, is not found (the FTS keeps no positions: checked)', async () => {
  const { root, db, work } = tempVault();
  // every trigram of "goroutine" and of "调度器队" occurs in scattered.md, the terms themselves only in whole.md
  writeVault(root, 'scattered.md', 'gorout xroutin outine. 调度器 度器队\n');
  writeVault(root, 'whole.md', 'A goroutine waits. 调度器队列\n');
  const index = await openIndex(root, db);
  try {
    await index.sync();
    const q = queryOf(index);
    for (const term of ['goroutine', 'GOROUTINE', '调度器队']) {
      assert.deepEqual(
        q.search(term).map((h) => h.path),
        ['whole.md'],
        term,
      );
      assert.deepEqual(
        q.searchAll(term).notes.map((n) => n.path),
        ['whole.md'],
        term,
      );
    }
    assert.deepEqual(
      q
        .search('调度')
        .map((h) => h.path)
        .sort(),
      ['scattered.md', 'whole.md'],
      'two characters',
    );
    assert.deepEqual(
      q
        .search('器队')
        .map((h) => h.path)
        .sort(),
      ['scattered.md', 'whole.md'],
    );
    assert.deepEqual(
      q
        .search('rou')
        .map((h) => h.path)
        .sort(),
      ['scattered.md', 'whole.md'],
      'one trigram',
    );
  } finally {
    index.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
});
