/**
 * `tag:` in search (Obsidian's tag search): notes carrying the tag or a tag nested below it, case-insensitive,
 * with or without `#`, English and Chinese tags, combined with text terms; and the tag lookup uses the index.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { parseTagQuery } from '../../../electron/core/query/search.ts';
import { openIndex, queryOf, tempVault, writeVault } from './helpers.ts';

async function vault() {
  const { root, db } = tempVault();
  writeVault(
    root,
    'go/goroutine.md',
    '---\ntags: [go/concurrency]\n---\n# Goroutine\n\nA goroutine is a light thread.\nUse a channel to talk.\n',
  );
  writeVault(root, 'go/select.md', '# Select\n\n#go/concurrency/select waits on many channel operations.\n');
  writeVault(root, 'go/basics.md', '---\ntags: [Go]\n---\n# Go basics\n\nVariables and functions.\n');
  writeVault(root, 'go/gopher.md', '---\ntags: [gopher]\n---\n# Gopher\n\nThe mascot; it has a channel too.\n');
  writeVault(
    root,
    'zh/通道.md',
    '---\ntags: [并发/通道, go]\n---\n# 通道\n\n通道用于在协程之间传递数据。\n第二行没有关键词。\n',
  );
  writeVault(root, 'zh/锁.md', '# 互斥锁\n\n互斥锁保护共享数据。 #并发\n');
  writeVault(root, 'zh/并发模型.md', '# 并发模型\n\n这里提到并发但没有标签。\n');
  const index = await openIndex(root, db);
  await index.sync();
  return { index, db };
}

test('parseTagQuery splits tag: terms from text', () => {
  assert.deepEqual(parseTagQuery('tag:#Go/Concurrency channel  buffered'), {
    tags: ['go/concurrency'],
    text: 'channel buffered',
  });
  assert.deepEqual(parseTagQuery('TAG:并发/ 数据 tag:go'), { tags: ['并发', 'go'], text: '数据' });
  assert.deepEqual(parseTagQuery('plain words'), { tags: [], text: 'plain words' });
});

test('tag: lists notes with the tag or a nested tag, snippet = tag list', async () => {
  const { index } = await vault();
  try {
    const paths = (q: string) =>
      queryOf(index)
        .search(q)
        .map((h) => h.path)
        .sort();
    assert.deepEqual(paths('tag:go'), ['go/basics.md', 'go/goroutine.md', 'go/select.md', 'zh/通道.md']);
    assert.deepEqual(paths('tag:#go'), paths('tag:go'));
    assert.deepEqual(paths('tag:GO'), paths('tag:go'), 'case-insensitive');
    assert.deepEqual(paths('tag:#go/concurrency'), ['go/goroutine.md', 'go/select.md']);
    assert.deepEqual(paths('tag:go/concurrency/select'), ['go/select.md']);
    assert.deepEqual(paths('tag:gop'), [], 'a prefix of a tag name is not the tag');
    assert.deepEqual(paths('tag:并发'), ['zh/通道.md', 'zh/锁.md'], 'not the untagged note that only mentions 并发');
    assert.deepEqual(paths('tag:#并发/通道'), ['zh/通道.md']);
    assert.deepEqual(paths('tag:nothing'), []);
    const hit = queryOf(index)
      .search('tag:#go/concurrency')
      .find((h) => h.path === 'go/goroutine.md');
    assert.deepEqual(hit, { path: 'go/goroutine.md', title: 'goroutine', snippet: '#go/concurrency' });
    assert.equal(
      queryOf(index)
        .search('tag:并发')
        .find((h) => h.path === 'zh/通道.md')?.snippet,
      '#并发/通道 #go',
    );
    // two tags: both must hold
    assert.deepEqual(paths('tag:go tag:并发'), ['zh/通道.md']);
  } finally {
    index.close();
  }
});

test('tag: combined with text terms keeps tagged notes containing every term; snippet = matching line', async () => {
  const { index } = await vault();
  try {
    const hits = queryOf(index).search('tag:go channel');
    assert.deepEqual(
      hits.map((h) => h.path).sort(),
      ['go/goroutine.md', 'go/select.md'],
      'gopher has channel but not tag go',
    );
    assert.equal(hits.find((h) => h.path === 'go/goroutine.md')?.snippet, 'Use a channel to talk.');
    assert.deepEqual(
      queryOf(index)
        .search('tag:go channel talk')
        .map((h) => h.path),
      ['go/goroutine.md'],
    );
    const zh = queryOf(index).search('tag:并发 数据');
    assert.deepEqual(zh.map((h) => h.path).sort(), ['zh/通道.md', 'zh/锁.md']);
    assert.equal(zh.find((h) => h.path === 'zh/通道.md')?.snippet, '通道用于在协程之间传递数据。');
    assert.deepEqual(
      queryOf(index)
        .search('协程 tag:go')
        .map((h) => h.path),
      ['zh/通道.md'],
      'tag term may come last',
    );
    assert.deepEqual(
      queryOf(index)
        .search('tag:并发 不存在的词')
        .map((h) => h.path),
      [],
    );
    // plain text search is unchanged: the untagged note is found by its text
    assert.ok(
      queryOf(index)
        .search('并发')
        .some((h) => h.path === 'zh/并发模型.md'),
    );
  } finally {
    index.close();
  }
});

test('tag lookups use the tags_lc index, and the graph tag filter agrees with tag search', async () => {
  const { index, db } = await vault();
  try {
    const nodes = queryOf(index)
      .graph({ tag: 'go/concurrency' })
      .nodes.filter((n) => n.kind === 'note')
      .map((n) => n.id)
      .sort();
    assert.deepEqual(nodes, ['go/goroutine.md', 'go/select.md']);
    const conn = new Database(db, { readonly: true });
    const plan = conn
      .prepare(
        `EXPLAIN QUERY PLAN SELECT note_id FROM tags WHERE tag_lc = @t OR (tag_lc >= @t || '/' AND tag_lc < @t || '0')`,
      )
      .all({ t: 'go' }) as { detail: string }[];
    conn.close();
    assert.ok(
      plan.some((r) => /USING (COVERING )?INDEX tags_lc/.test(r.detail)),
      JSON.stringify(plan),
    );
    assert.ok(!plan.some((r) => /^SCAN tags\b/.test(r.detail)), JSON.stringify(plan));
  } finally {
    index.close();
  }
});
