/**
 * Unlinked mentions in the grammar (electron/core/markdown/mentions.ts): longest match across notes' terms, prose
 * only, and "Link" rewriting exactly the matched span.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { linkMentions, matchTerms, proseMask } from '../../../electron/core/markdown/index.ts';
import { parseNote } from '../../../electron/core/parse/index.ts';

const T = (term: string, owner: string) => ({ term, owner });

test('longest match: channel inside buffered channel is the other note’s; the same for 通道 inside 有缓冲通道', () => {
  const terms = [T('channel', 'c'), T('buffered channel', 'b'), T('通道', 'c'), T('有缓冲通道', 'b')];
  assert.deepEqual(
    matchTerms('A buffered channel, a channel. 有缓冲通道与通道。', terms).map((m) => [m.owner, m.text]),
    [
      ['b', 'buffered channel'],
      ['c', 'channel'],
      ['b', '有缓冲通道'],
      ['c', '通道'],
    ],
  );
  // word boundaries on Latin edges, none needed for Chinese
  assert.deepEqual(
    matchTerms('Google Go, Golang, 用Go写', [T('Go', 'g')]).map((m) => m.start),
    [7, 20],
  );
  assert.deepEqual(
    matchTerms('Goroutines and a Goroutine.', [T('goroutine', 'g')]).map((m) => m.text),
    ['Goroutine'],
  );
});

test('linkMentions: exactly the span, display text kept when it differs, in prose only', () => {
  const terms = [T('goroutine', 'g'), T('协程', 'g'), T('buffered goroutine', 'x')];
  const text = [
    '---',
    'title: goroutine',
    '---', // frontmatter: untouched
    'A goroutine blocks; Goroutines and a Goroutine.', // 4
    '调度器唤醒等待的协程。 `协程` 不算, [[协程]] 也不算, %% 协程 %% 不算', // 5
    '```',
    'goroutine',
    '```', // code
    'A buffered goroutine is x’s. $goroutine$', // 9
    '| a | b |',
    '|---|---|',
    '| 协程 | goroutine |', // table
  ].join('\n');
  const r = linkMentions(text, terms, 'g', 'goroutine');
  assert.equal(
    r.text,
    [
      '---',
      'title: goroutine',
      '---',
      'A [[goroutine]] blocks; Goroutines and a [[goroutine|Goroutine]].',
      '调度器唤醒等待的[[goroutine|协程]]。 `协程` 不算, [[协程]] 也不算, %% 协程 %% 不算',
      '```',
      'goroutine',
      '```',
      'A buffered goroutine is x’s. $goroutine$',
      '| a | b |',
      '|---|---|',
      '| [[goroutine\\|协程]] | [[goroutine]] |',
    ].join('\n'),
  );
  assert.equal(r.linked, 5);
  // the result still parses to the same prose plus the new links
  assert.deepEqual(
    parseNote('n.md', r.text)
      .links.filter((l) => l.target === 'goroutine')
      .map((l) => l.alias),
    [null, 'Goroutine', '协程', '协程', null],
  );
  // only one line ("Link")
  const one = linkMentions(text, terms, 'g', 'goroutine', [5]);
  assert.equal(one.linked, 1);
  assert.ok(one.text.includes('等待的[[goroutine|协程]]。') && one.text.includes('A goroutine blocks'));
});

test('proseMask: same length, line endings kept; agrees with the index’s mention text on what is prose', () => {
  const text = '---\naliases: [x]\n---\nSee [[a]] and `b` %% c %% https://go.dev/x d\n\n    code\n';
  const m = proseMask(text);
  assert.equal(m.text.length, text.length);
  assert.equal(m.text.split('\n').length, text.split('\n').length);
  assert.deepEqual(m.text.split(/\s+/).filter(Boolean), ['See', 'and', 'd']);
  assert.deepEqual(parseNote('n.md', text).mentionText.split(/\s+/).filter(Boolean), ['See', 'and', 'd']);
});
