/**
 * The search pane's Obsidian operators beyond plain terms: `OR` and `( … )` (AND binds tighter), combined with
 * `tag:` and `-exclude`; lenient reading of malformed queries (unclosed `(`, stray `)`, dangling `OR`) and the one
 * error (nesting too deep); `[property:value]` and `[property]` with list values and Chinese. Real SQLite, real
 * temp vaults.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { AtlasIndex } from '../../../electron/core/index/atlas-index.ts';
import { MAX_DEPTH, MAX_TERMS, parseSearch } from '../../../electron/core/query/search-query.ts';
import type { VaultQuery } from '../../../electron/core/query/vault-query.ts';
import { openIndex, queryOf, tempVault, writeVault } from './helpers.ts';

describe('parseSearch', () => {
  const expr = (q: string) => parseSearch(q).expr;

  test('OR binds looser than a space; parentheses group; - negates a group', () => {
    assert.deepEqual(expr('a b OR c'), {
      kind: 'or',
      items: [
        {
          kind: 'and',
          items: [
            { kind: 'text', value: 'a' },
            { kind: 'text', value: 'b' },
          ],
        },
        { kind: 'text', value: 'c' },
      ],
    });
    assert.deepEqual(expr('tag:#go (Channel OR select) -draft'), {
      kind: 'and',
      items: [
        { kind: 'tag', value: 'go' },
        {
          kind: 'or',
          items: [
            { kind: 'text', value: 'channel' },
            { kind: 'text', value: 'select' },
          ],
        },
        { kind: 'not', item: { kind: 'text', value: 'draft' } },
      ],
    });
    assert.deepEqual(expr('-(a OR "b c")'), {
      kind: 'not',
      item: {
        kind: 'or',
        items: [
          { kind: 'text', value: 'a' },
          { kind: 'text', value: 'b c' },
        ],
      },
    });
    assert.deepEqual(parseSearch('x (a OR -b)').terms, ['x', 'a']);
  });

  test('only upper-case OR is the operator; a quoted "OR" is a word', () => {
    assert.deepEqual(expr('a or b'), {
      kind: 'and',
      items: [
        { kind: 'text', value: 'a' },
        { kind: 'text', value: 'or' },
        { kind: 'text', value: 'b' },
      ],
    });
    assert.deepEqual(expr('"OR"'), { kind: 'text', value: 'or' });
  });

  test('malformed queries are read leniently, as Obsidian does', () => {
    const or = expr('channel OR select');
    assert.deepEqual(expr('(channel OR select'), or, 'an unclosed ( closes at the end');
    assert.deepEqual(expr('((channel OR select)'), or);
    assert.deepEqual(expr('channel OR select )'), or, 'a stray ) is ignored');
    assert.deepEqual(expr('select)'), { kind: 'text', value: 'select)' }, 'a ) closing no group is literal in a word');
    assert.deepEqual(expr(') channel OR select ))'), or);
    assert.deepEqual(expr('OR channel OR OR select OR'), or, 'a dangling OR is ignored');
    assert.equal(expr('()'), null);
    assert.equal(expr('( ) OR'), null);
    assert.deepEqual(expr('f(x)'), { kind: 'text', value: 'f(x)' }, 'parentheses inside a word are literal');
    assert.deepEqual(expr('(f(x) OR y)'), {
      kind: 'or',
      items: [
        { kind: 'text', value: 'f(x)' },
        { kind: 'text', value: 'y' },
      ],
    });
    assert.deepEqual(expr('[status'), { kind: 'prop', key: 'status', value: null }, 'an unclosed [ closes at the end');
    assert.equal(expr('[]'), null);
  });

  test('bounded: nesting deeper than MAX_DEPTH is an error, terms beyond MAX_TERMS are ignored', () => {
    const deep = (n: number) => '('.repeat(n) + 'a' + ')'.repeat(n);
    assert.deepEqual(expr(deep(MAX_DEPTH)), { kind: 'text', value: 'a' });
    assert.throws(() => parseSearch(deep(MAX_DEPTH + 1)), /Too many nested parentheses \(at most 8\)/);
    const many = Array.from({ length: 100 }, (_, i) => `t${i}`).join(' OR ');
    const q = parseSearch(many);
    // terms and ORs share the budget
    assert.equal(q.terms.length, MAX_TERMS / 2);
    // a long query of groups stays linear (no blow-up): 300 groups parse at once
    const t0 = performance.now();
    parseSearch('(a OR b) '.repeat(300));
    assert.ok(performance.now() - t0 < 1000);
  });

  test('[property:value] and [property]', () => {
    assert.deepEqual(expr('[Author:Kevin  Kelly]'), { kind: 'prop', key: 'author', value: 'kevin kelly' });
    assert.deepEqual(expr('[status:"in progress"]'), { kind: 'prop', key: 'status', value: 'in progress' });
    assert.deepEqual(expr('-[status]'), { kind: 'not', item: { kind: 'prop', key: 'status', value: null } });
    assert.deepEqual(expr('[作者:凯文]'), { kind: 'prop', key: '作者', value: '凯文' });
    assert.deepEqual(parseSearch('[author:kelly] x').propValues, ['kelly']);
  });
});

describe('searchAll with OR, groups and properties', () => {
  let work: string;
  let index: AtlasIndex;
  let q: VaultQuery;
  const paths = (query: string) =>
    q
      .searchAll(query)
      .notes.map((n) => n.path)
      .sort();

  before(async () => {
    const v = tempVault();
    work = v.work;
    const { root } = v;
    writeVault(root, 'go/channels.md', '---\ntags: [go]\nstatus: done\n---\nA channel passes values.\n');
    writeVault(root, 'go/select.md', '---\ntags: [go]\nstatus: draft\n---\nselect waits on channels.\n');
    writeVault(root, 'go/mutex.md', '---\ntags: [go]\n---\nA mutex locks.\n');
    writeVault(root, 'rust/select.md', 'select in rust, a channel too\n');
    writeVault(root, 'Kevin Kelly.md', 'Writer.\n');
    writeVault(
      root,
      'books/What Technology Wants.md',
      '---\nauthor: "[[Kevin Kelly]]"\ntopics: [technology, 进化]\n---\nThe technium.\n',
    );
    writeVault(root, 'books/Machine.md', '---\nauthor: E. M. Forster\n---\nThe Machine stops.\n');
    writeVault(root, 'zh/通道.md', '---\n作者: 张三\n---\n协程通过通道通信。\n');
    writeVault(root, 'zh/调度.md', '调度器 GMP 模型\n');
    index = await openIndex(root, v.db);
    await index.sync();
    q = queryOf(index);
  });

  after(() => {
    index.close();
    fs.rmSync(work, { recursive: true, force: true });
  });

  test('search() (the CLI and API) reads the same operators: OR, -exclude, path:, [property:value]', () => {
    const hits = (query: string) =>
      q
        .search(query)
        .map((h) => h.path)
        .sort();
    assert.deepEqual(hits('Kelly OR Machine'), paths('Kelly OR Machine'));
    assert.deepEqual(hits('select -path:rust'), ['go/select.md']);
    assert.deepEqual(hits('[status:draft]'), ['go/select.md']);
    const machine = q.search('Kelly OR Machine').find((h) => h.path === 'books/Machine.md');
    assert.match(machine?.snippet ?? '', /Machine/);
    // words and tag: terms keep the ranked search: names first
    assert.equal(q.search('select')[0].title, 'select');
    assert.deepEqual(q.search(`${'('.repeat(MAX_DEPTH + 1)}a${')'.repeat(MAX_DEPTH + 1)}`), []);
  });

  test('OR finds either term (a title, a property, a body)', () => {
    assert.deepEqual(paths('Kelly OR Machine'), [
      'Kevin Kelly.md',
      'books/Machine.md',
      'books/What Technology Wants.md',
    ]);
    const r = q.searchAll('Kelly OR Machine');
    const machine = r.notes.find((n) => n.path === 'books/Machine.md');
    assert.deepEqual(machine?.matches, [{ line: 4, text: 'The Machine stops.', ranges: [[4, 11]] }]);
    assert.equal(r.total, 3);
  });

  test('groups with tag: and -exclude', () => {
    assert.deepEqual(paths('tag:#go (channel OR select)'), ['go/channels.md', 'go/select.md']);
    // `draft` is only in select's frontmatter (status: draft): excluded
    assert.deepEqual(paths('tag:#go (channel OR select) -draft'), ['go/channels.md']);
    assert.deepEqual(paths('tag:go -(mutex OR draft)'), ['go/channels.md']);
    assert.deepEqual(paths('(channel OR select) -tag:go'), ['rust/select.md']);
    assert.deepEqual(paths('mutex OR tag:rust OR path:rust'), ['go/mutex.md', 'rust/select.md']);
    assert.deepEqual(paths('select channel OR mutex'), ['go/mutex.md', 'go/select.md', 'rust/select.md']);
    assert.deepEqual(paths('select (channel OR mutex) file:select -path:rust'), ['go/select.md']);
    // only exclusions: nothing, as in Obsidian
    assert.deepEqual(paths('-(channel OR mutex)'), []);
  });

  test('Chinese 1–2 character terms inside OR groups', () => {
    assert.deepEqual(paths('通道 OR 调度'), ['zh/调度.md', 'zh/通道.md']);
    assert.deepEqual(paths('(通道 OR 调度) -GMP'), ['zh/通道.md']);
    assert.deepEqual(paths('(协 OR 器) 模型'), ['zh/调度.md']);
  });

  test('malformed queries search leniently; too deep an error', () => {
    assert.deepEqual(paths('(channel OR mutex'), ['go/channels.md', 'go/mutex.md', 'go/select.md', 'rust/select.md']);
    assert.deepEqual(paths('mutex ) OR'), ['go/mutex.md']);
    assert.deepEqual(paths('()'), []);
    const deep = q.searchAll(`${'('.repeat(MAX_DEPTH + 1)}a${')'.repeat(MAX_DEPTH + 1)}`);
    assert.deepEqual(deep, {
      notes: [],
      total: 0,
      truncated: false,
      error: 'Too many nested parentheses (at most 8).',
    });
  });

  test('[property:value]: case-insensitive substring of the value, any list item, Chinese keys and values', () => {
    assert.deepEqual(paths('[author:Kevin Kelly]'), ['books/What Technology Wants.md']);
    assert.deepEqual(paths('[AUTHOR:forster]'), ['books/Machine.md']);
    assert.deepEqual(paths('[author]'), ['books/Machine.md', 'books/What Technology Wants.md']);
    assert.deepEqual(paths('[status]'), ['go/channels.md', 'go/select.md']);
    assert.deepEqual(paths('[status:dra]'), ['go/select.md']);
    assert.deepEqual(paths('[status:done] OR [status:draft]'), ['go/channels.md', 'go/select.md']);
    assert.deepEqual(paths('tag:go -[status]'), ['go/mutex.md']);
    assert.deepEqual(paths('[topics:technology]'), ['books/What Technology Wants.md']);
    assert.deepEqual(paths('[topics:进化]'), ['books/What Technology Wants.md']);
    assert.deepEqual(paths('[topics:tech, 进化]'), [], 'a list matches item by item');
    assert.deepEqual(paths('[作者:张]'), ['zh/通道.md']);
    assert.deepEqual(paths('[tags:go] select'), ['go/select.md']);
    assert.deepEqual(paths('[missing]'), []);
    assert.deepEqual(paths('[author:kelly] OR 调度'), ['books/What Technology Wants.md', 'zh/调度.md']);
    // the property line is the match shown
    const book = q.searchAll('[author:kelly]').notes[0];
    assert.deepEqual(book.matches, [{ line: 2, text: 'author: "[[Kevin Kelly]]"', ranges: [[17, 22]] }]);
  });
});
