/**
 * The grammar's editor helpers (electron/core/markdown/spans.ts): spans with offsets into the text as given, the
 * link under a position, and the completion context.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { completionContext, findSpans, linkAt, spansIn } from '../../../electron/core/markdown/index.ts';

test('findSpans: offsets into the original text, comments and code skipped, frontmatter links found', () => {
  const text =
    '---\nup: "[[Parent]]"\n---\nA %% [[hidden]] %% [[通道|看这里]] `[[code]]` #tag ![[img.png|100]] [m](b.md#h)\n';
  const spans = findSpans(text);
  assert.deepEqual(
    spans.map((s) => [s.kind, s.raw, text.slice(s.from, s.to), s.parts?.target ?? s.tag]),
    [
      ['property', '[[Parent]]', '[[Parent]]', 'Parent'],
      ['wiki', '[[通道|看这里]]', '[[通道|看这里]]', '通道'],
      ['tag', '#tag', '#tag', 'tag'],
      ['embed', '![[img.png|100]]', '![[img.png|100]]', 'img.png'],
      ['markdown', '[m](b.md#h)', '[m](b.md#h)', 'b.md'],
    ],
  );
});

test('linkAt: the span under a position (end inclusive); none in code or comments; a table escape', () => {
  const text = '| a | b |\n|---|---|\n| [[通道\\|看这里]] | x |\n\n```\n[[no]]\n```\n%%\n[[gone]]\n%%\n';
  const at = text.indexOf('通道');
  assert.equal(linkAt(text, at)?.parts?.target, '通道');
  assert.equal(linkAt(text, at)?.parts?.alias, '看这里');
  assert.equal(linkAt(text, text.indexOf('[[no]]') + 3), null);
  assert.equal(linkAt(text, text.indexOf('[[gone]]') + 3), null);
  const big = `${'word '.repeat(30_000)}\n\nsee [[Far#A#B]] here\n`;
  const hit = linkAt(big, big.indexOf('Far'));
  assert.deepEqual(
    [hit?.parts?.target, hit?.parts?.heading, big.slice(hit!.from, hit!.to)],
    ['Far', 'B', '[[Far#A#B]]'],
  );
  assert.deepEqual(
    spansIn(big, big.indexOf('see'), big.length).map((s) => s.raw),
    ['[[Far#A#B]]'],
  );
});

test('completionContext: link, heading, block, tag; not after | or a closed link', () => {
  assert.deepEqual(completionContext('see [[通'), { kind: 'link', embed: false, from: 6, query: '通' });
  assert.deepEqual(completionContext('![[img'), { kind: 'link', embed: true, from: 3, query: 'img' });
  assert.deepEqual(completionContext('[[Note#A#Sc'), {
    kind: 'heading',
    embed: false,
    from: 9,
    query: 'Sc',
    target: 'Note',
  });
  assert.deepEqual(completionContext('[[#He'), { kind: 'heading', embed: false, from: 3, query: 'He', target: '' });
  assert.deepEqual(completionContext('[[Note#^bl'), {
    kind: 'block',
    embed: false,
    from: 8,
    query: 'bl',
    target: 'Note',
  });
  assert.deepEqual(completionContext('text #go/ru'), { kind: 'tag', from: 6, query: 'go/ru' });
  assert.deepEqual(completionContext('中文 #标签'), { kind: 'tag', from: 4, query: '标签' });
  assert.equal(completionContext('[[a|b'), null);
  assert.equal(completionContext('[[a]] x'), null);
  assert.equal(completionContext('a#b'), null);
  assert.equal(completionContext('# '), null);
});
