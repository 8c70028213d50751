/**
 * The SQLite store and the queries on hand-made parser output (no parser involved): links, anchors, search with
 * 1–2 character Chinese queries, unlinked mentions, tags, orphans, corrupt and outdated database files.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { LinkFact, ParsedNote } from '../../../electron/core/model.ts';
import { NameTable } from '../../../electron/core/resolve/name-table.ts';
import { lastSegment, targetKey } from '../../../electron/core/resolve/keys.ts';
import { SqliteStore } from '../../../electron/core/store/sqlite-store.ts';
import { SCHEMA_VERSION } from '../../../electron/core/store/schema.ts';
import type { LinkInput } from '../../../electron/core/store/graph-store.ts';
import { search } from '../../../electron/core/query/search.ts';
import { mentions } from '../../../electron/core/query/mentions.ts';
import { tagTree } from '../../../electron/core/query/tags.ts';
import { indexReport } from '../../../electron/core/query/index-report.ts';
import { tempDir } from '../../support/temp-dir.ts';

function tmpDb(): string {
  return path.join(tempDir('store'), 'index.db');
}

function link(target: string, line: number, extra: Partial<LinkFact> = {}): LinkFact {
  return {
    kind: 'wiki',
    raw: `[[${target}]]`,
    target,
    heading: null,
    block: null,
    alias: null,
    line,
    context: `line ${line}`,
    relation: null,
    ...extra,
  };
}

function note(p: string, body: string, extra: Partial<ParsedNote> = {}): ParsedNote {
  return {
    path: p,
    title: p.replace(/^.*\//, '').replace(/\.md$/, ''),
    aliases: [],
    tags: [],
    headings: [],
    blocks: [],
    properties: {},
    links: [],
    body,
    frontmatter: '',
    mentionText: body,
    words: body.split(/\s+/).filter(Boolean).length,
    cjkChars: 0,
    frontmatterLines: 0,
    problems: [],
    ...extra,
  };
}

function write(store: SqliteStore, names: NameTable, notes: ParsedNote[]): void {
  for (const n of notes) {
    names.addFile(n.path);
    names.setAliases(n.path, n.aliases);
  }
  store.transaction(() => {
    for (const n of notes) {
      store.upsertFile({ path: n.path, diskPath: null, kind: 'note', mtimeMs: 1, size: 1, hash: 'h' });
      const links: LinkInput[] = n.links.map((l) => ({
        ...l,
        targetText: l.target,
        targetName: lastSegment(targetKey(l.target)),
        resolution: names.resolve(n.path, l.target, l.kind === 'markdown'),
      }));
      store.writeNote(n, links);
    }
    store.recheckAnchors(null);
  });
}

const vault = [
  note('concurrency/channel.md', '通道是协程之间通信的管道。\nA channel connects goroutines.', {
    aliases: ['通道', 'chan'],
    tags: ['lang/go', 'concurrency'],
    headings: [{ level: 2, text: 'Closing: rules!', line: 3 }],
    blocks: [{ id: 'def1', line: 2 }],
  }),
  note(
    'concurrency/goroutine.md',
    '协程通过通道通信。\nSee [[channel#closing rules]] and [[channel#Nope]] and [[channel#^def1]].\nGoogle is not Go. Go is a language.',
    {
      aliases: ['协程'],
      tags: ['lang/go/runtime'],
      links: [
        link('channel', 2, { heading: 'closing rules' }),
        link('channel', 2, { heading: 'Nope' }),
        link('channel', 2, { block: 'def1' }),
        link('missing note', 3),
      ],
      mentionText: '协程通过通道通信。\n   \nGoogle is not Go. Go is a language.',
    },
  ),
  note('Go.md', 'The Go language. 通道 appears here too, and `通道` in code is blanked.', {
    tags: ['Lang'],
    mentionText: 'The Go language. 通道 appears here too, and      in code is blanked.',
  }),
  note('lonely.md', 'Nothing links here.'),
];

test('links resolve, anchors are checked, backlinks come with context', () => {
  const store = SqliteStore.open(tmpDb(), '/vault');
  const names = new NameTable();
  write(store, names, vault);
  const out = store.outgoing('concurrency/goroutine.md');
  assert.deepEqual(
    out.map((l) => [l.target, l.anchorOk]),
    [
      ['concurrency/channel.md', true],
      ['concurrency/channel.md', false],
      ['concurrency/channel.md', true],
      [null, null],
    ],
  );
  assert.deepEqual(
    store.backlinks('concurrency/channel.md').map((b) => [b.source, b.line]),
    [
      ['concurrency/goroutine.md', 2],
      ['concurrency/goroutine.md', 2],
      ['concurrency/goroutine.md', 2],
    ],
  );
  const report = indexReport(store);
  assert.deepEqual(report.unresolved, [{ source: 'concurrency/goroutine.md', raw: '[[missing note]]', line: 3 }]);
  assert.deepEqual(
    report.brokenAnchors.map((b) => b.raw),
    ['[[channel]]'],
  );
  assert.deepEqual(report.orphans, ['Go.md', 'lonely.md']);
  store.close();
});

test('search: titles and aliases first, trigram for 3+ chars, LIKE for 1–2 char Chinese', () => {
  const store = SqliteStore.open(tmpDb(), '/vault');
  write(store, new NameTable(), vault);
  const two = search(store, '通道');
  assert.equal(two[0].path, 'concurrency/channel.md');
  assert.deepEqual(
    two
      .slice(1)
      .map((h) => h.path)
      .sort(),
    ['Go.md', 'concurrency/goroutine.md'],
  );
  assert.ok(two.every((h) => h.snippet.includes('通道')));
  const three = search(store, '协程之间');
  assert.deepEqual(
    three.map((h) => h.path),
    ['concurrency/channel.md'],
  );
  assert.deepEqual(
    search(store, 'goroutines').map((h) => h.path),
    ['concurrency/channel.md'],
  );
  assert.equal(search(store, 'go')[0].path, 'Go.md');
  assert.deepEqual(search(store, 'zzzz'), []);
  const long = note('long.md', `${'前文'.repeat(200)} 目标词 ${'后文'.repeat(200)}`);
  write(store, new NameTable(), [long]);
  const hit = search(store, '目标词')[0];
  assert.ok(
    hit.snippet.length <= 160 &&
      hit.snippet.startsWith('…') &&
      hit.snippet.endsWith('…') &&
      hit.snippet.includes('目标词'),
    hit.snippet,
  );
  store.close();
});

test('unlinked mentions: Chinese substrings, Latin word boundaries, not in links or code', () => {
  const store = SqliteStore.open(tmpDb(), '/vault');
  write(store, new NameTable(), vault);
  assert.deepEqual(mentions(store, 'concurrency/channel.md'), [
    { source: 'Go.md', line: 1, text: 'The Go language. 通道 appears here too, and `通道` in code is blanked.' },
    { source: 'concurrency/goroutine.md', line: 1, text: '协程通过通道通信。' },
  ]);
  assert.deepEqual(mentions(store, 'Go.md'), [
    { source: 'concurrency/goroutine.md', line: 3, text: 'Google is not Go. Go is a language.' },
  ]);
  store.close();
});

test('tags nest and count case-insensitively', () => {
  const store = SqliteStore.open(tmpDb(), '/vault');
  write(store, new NameTable(), vault);
  const tags = tagTree(store);
  assert.deepEqual(
    tags.map((t) => [t.tag, t.count]),
    [
      ['concurrency', 1],
      ['Lang', 3],
    ],
  );
  const go = tags[1].children[0];
  assert.deepEqual(
    [go.tag, go.count, go.children.map((c) => [c.tag, c.count])],
    ['lang/go', 2, [['lang/go/runtime', 1]]],
  );
  store.close();
});

test('a corrupt database file, another schema version or another vault is rebuilt', () => {
  const file = tmpDb();
  fs.writeFileSync(file, 'this is not a database '.repeat(200));
  let store = SqliteStore.open(file, '/vault');
  assert.equal(store.rebuiltBecause, 'corrupt');
  assert.equal(store.inMemory, false);
  write(store, new NameTable(), vault);
  store.close();
  store = SqliteStore.open(file, '/vault');
  assert.equal(store.rebuiltBecause, null);
  assert.equal(store.isEmpty(), false);
  store.close();
  const db = new Database(file);
  db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
  db.close();
  store = SqliteStore.open(file, '/vault');
  assert.equal(store.rebuiltBecause, 'schema');
  assert.equal(store.isEmpty(), true);
  write(store, new NameTable(), vault);
  store.close();
  store = SqliteStore.open(file, '/other-vault');
  assert.equal(store.rebuiltBecause, 'vault');
  assert.equal(store.isEmpty(), true);
  // a bulk load that never finished (crash during a cold index) is rebuilt too
  write(store, new NameTable(), vault);
  store.bulk(true);
  store.close();
  store = SqliteStore.open(file, '/other-vault');
  assert.equal(store.rebuiltBecause, 'incomplete');
  assert.equal(store.isEmpty(), true);
  store.close();
});

test('search: several terms mixing long and 1–2 character terms', () => {
  const store = SqliteStore.open(tmpDb(), '/vault');
  write(store, new NameTable(), vault);
  assert.deepEqual(
    search(store, 'connects 闭包').map((h) => h.path),
    [],
  );
  assert.deepEqual(
    search(store, 'goroutines 通道').map((h) => h.path),
    ['concurrency/channel.md'],
  );
  assert.deepEqual(
    search(store, 'go 通道 is')
      .map((h) => h.path)
      .sort(),
    ['Go.md', 'concurrency/goroutine.md'],
  );
  store.close();
});
