/**
 * Resolution and queries on the `index-resolve` fixture vault (English and Chinese): every resolution rule,
 * anchors, attachments, check(), backlinks, mentions, search, tags, graph, export, and workers vs in-thread.
 */
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AtlasIndex } from '../../../electron/core/index/atlas-index.ts';
import { openIndex, queryOf, tempVault } from './helpers.ts';

let index: AtlasIndex;

before(async () => {
  const { root, db } = tempVault('index-resolve');
  index = await openIndex(root, db);
  const s = await index.sync();
  assert.equal(s.mode, 'cold');
});
after(() => index.close());

function out(p: string) {
  return queryOf(index)
    .outgoing(p)
    .map((l) => [l.raw, l.target, l.resolvedBy]);
}

test('rule 1: the root Note.md wins over a/Note.md beside the source', () => {
  assert.deepEqual(out('a/source.md')[0], ['[[Note]]', 'Note.md', 'path']);
});

test('rule 2: the source folder wins over a shorter path', () => {
  assert.deepEqual(out('deep/folder/source2.md'), [['[[local]]', 'deep/folder/local.md', 'folder']]);
});

test('rule 3: shortest path, alphabetical tie, reported as ambiguous', () => {
  assert.deepEqual(out('shortest.md')[0], ['[[topic]]', 'alpha/topic.md', 'shortest']);
  const amb = queryOf(index)
    .indexReport()
    .ambiguous.find((a) => a.source === 'shortest.md');
  assert.deepEqual(amb, {
    source: 'shortest.md',
    raw: '[[topic]]',
    line: 3,
    candidates: ['alpha/topic.md', 'gamma/topic.md', 'long/path/topic.md'],
    chosen: 'alpha/topic.md',
  });
});

test('case differences resolve; relative markdown links resolve from the source folder', () => {
  assert.deepEqual(
    out('shortest.md')
      .slice(1)
      .map((l) => l[1]),
    ['basics/Go language.md', 'basics/Go language.md'],
  );
  assert.deepEqual(out('a/source.md')[1], ['[local b](../b/local.md)', 'b/local.md', 'folder']);
});

test('rule 4: alias fallback ([[通道]] reaches channel.md)', () => {
  const links = queryOf(index).outgoing('concurrency/goroutine.md');
  assert.deepEqual(
    [links[0].raw, links[0].target, links[0].resolvedBy],
    ['[[通道]]', 'concurrency/channel.md', 'alias'],
  );
  assert.equal(queryOf(index).resolveLink('x.md', '通道'), 'concurrency/channel.md');
  assert.equal(queryOf(index).resolveNote('通道'), 'concurrency/channel.md');
  assert.equal(queryOf(index).resolveNote('concurrency/channel'), 'concurrency/channel.md');
  assert.equal(queryOf(index).resolveNote('nothing like this'), null);
});

test('attachments: embeds and markdown links to non-markdown files', () => {
  assert.deepEqual(
    out('media.md').map((l) => l[1]),
    ['assets/diagram.png', 'docs/spec.pdf', 'assets/diagram.png'],
  );
  assert.deepEqual(
    queryOf(index)
      .listFiles()
      .filter((f) => f.kind === 'attachment')
      .map((f) => f.path),
    ['assets/diagram.png', 'docs/spec.pdf'],
  );
  const g = queryOf(index).graph({ includeAttachments: true });
  assert.ok(g.nodes.some((n) => n.id === 'docs/spec.pdf' && n.kind === 'attachment'));
  assert.ok(
    !queryOf(index)
      .graph()
      .nodes.some((n) => n.kind === 'attachment'),
  );
});

test('heading and block anchors: OK ones pass, broken ones are reported; [[#Heading]] is the note itself', () => {
  const broken = queryOf(index)
    .indexReport()
    .brokenAnchors.map((b) => b.raw)
    .sort();
  assert.deepEqual(broken, ['[[channel#^nope]]', '[[channel#不存在]]']);
  assert.deepEqual(out('Note.md'), [['[[#Root Heading]]', 'Note.md', 'path']]);
});

test('check: unresolved links, orphans', () => {
  const c = queryOf(index).indexReport();
  assert.deepEqual(c.unresolved, [{ source: 'concurrency/goroutine.md', raw: '[[不存在的笔记]]', line: 10 }]);
  assert.deepEqual(c.orphans, ['a/Note.md', 'gamma/topic.md', 'long/path/topic.md', 'orphan.md']);
  assert.deepEqual(c.problems, []);
});

test('backlinks with context, ordered by source then line', () => {
  const b = queryOf(index).backlinks('concurrency/channel.md');
  assert.deepEqual(
    b.map((x) => [x.source, x.line, x.kind]),
    [
      ['concurrency/goroutine.md', 7, 'wiki'],
      ['concurrency/goroutine.md', 8, 'wiki'],
      ['concurrency/goroutine.md', 8, 'wiki'],
      ['concurrency/goroutine.md', 9, 'wiki'],
      ['concurrency/goroutine.md', 9, 'wiki'],
    ],
  );
  assert.equal(b[0].context, '协程之间用[[通道]]通信。');
  assert.deepEqual(
    queryOf(index)
      .backlinks('concurrency/goroutine.md')
      .map((x) => [x.source, x.kind]),
    [['concurrency/channel.md', 'property']],
  );
});

test('unlinked mentions in Chinese text, not inside links', () => {
  assert.deepEqual(queryOf(index).mentions('concurrency/channel.md'), [
    { source: 'concurrency/goroutine.md', line: 11, text: '这里提到通道但没有链接。' },
  ]);
  const m = queryOf(index).mentions('concurrency/goroutine.md');
  assert.ok(
    m.some((x) => x.source === 'concurrency/channel.md' && x.text.includes('通道是协程之间通信的管道')),
    JSON.stringify(m),
  );
});

test('search: 2-character Chinese query, alias first', () => {
  const hits = queryOf(index).search('通道');
  assert.equal(hits[0].path, 'concurrency/channel.md');
  assert.ok(hits.some((h) => h.path === 'concurrency/goroutine.md'));
  assert.equal(queryOf(index).search('Golang')[0].path, 'basics/Go language.md');
  assert.equal(queryOf(index).search('关闭一个已关闭')[0].path, 'concurrency/channel.md');
});

test('tags nest; graph filters by tag and folder; neighbourhood follows both directions', () => {
  const lang = queryOf(index)
    .tags()
    .find((t) => t.tag === 'lang');
  assert.equal(lang?.count, 3);
  assert.deepEqual(
    lang?.children.map((c) => [c.tag, c.count]),
    [['lang/go', 3]],
  );
  assert.ok(
    queryOf(index)
      .tags()
      .some((t) => t.tag === '并发' && t.count === 1),
  );
  const g = queryOf(index).graph({ tag: 'lang/go' });
  assert.deepEqual(
    g.nodes
      .filter((n) => n.kind === 'note')
      .map((n) => n.id)
      .sort(),
    ['basics/Go language.md', 'concurrency/channel.md', 'concurrency/goroutine.md'],
  );
  assert.ok(g.nodes.some((n) => n.id === 'unresolved:不存在的笔记' && n.kind === 'unresolved'));
  assert.ok(
    g.edges.some(
      (e) => e.kind === 'property' && e.relation === 'prerequisites' && e.source === 'concurrency/channel.md',
    ),
  );
  assert.equal(g.nodes.find((n) => n.id === 'concurrency/channel.md')?.level, 1);
  assert.deepEqual(
    queryOf(index)
      .graph({ folder: 'deep' })
      .nodes.map((n) => n.id)
      .sort(),
    ['deep/folder/local.md', 'deep/folder/source2.md'],
  );
  const local = queryOf(index).neighbourhood('deep/folder/local.md', 1);
  assert.deepEqual(local.nodes.map((n) => n.id).sort(), ['deep/folder/local.md', 'deep/folder/source2.md']);
  assert.deepEqual(local.edges, [
    { source: 'deep/folder/source2.md', target: 'deep/folder/local.md', kind: 'wiki', relation: null },
  ]);
});

test('export, notes() and links(relation) for the learning engine', () => {
  const e = queryOf(index).export();
  assert.deepEqual(Object.keys(e), ['notes', 'files', 'links', 'problems']);
  const ch = e.notes.find((n) => n.path === 'concurrency/channel.md');
  assert.deepEqual(ch?.aliases, ['通道', 'chan']);
  assert.deepEqual(ch?.blocks, ['def1']);
  assert.equal(ch?.properties.level, '初级');
  assert.ok(e.files.some((f) => f.path === 'assets/diagram.png'));
  assert.ok(e.links.every((l) => 'resolvedBy' in l && !('context' in l)));
  const pre = queryOf(index).links('prerequisites');
  assert.deepEqual(
    pre.map((l) => [l.source, l.target]),
    [['concurrency/channel.md', 'concurrency/goroutine.md']],
  );
  const n = queryOf(index)
    .notes()
    .find((x) => x.path === 'concurrency/channel.md');
  assert.ok(n && n.cjkChars > 0);
});
