import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from './helpers.ts';

describe('inline tags', () => {
  test('plain, nested, Chinese, nested Chinese', () => {
    assert.deepEqual(parse('Tags: #go #go/runtime #并发 #go/并发 #并发/通道, end.').tags, [
      'go',
      'go/runtime',
      '并发',
      'go/并发',
      '并发/通道',
    ]);
  });

  test('all-digit is not a tag; a digit plus letters is', () => {
    assert.deepEqual(parse('#123 #2024 #1984a #y1984 #v1.2').tags, ['1984a', 'y1984', 'v1']);
  });

  test('not inside words, URLs, wiki links, markdown links or code', () => {
    const text =
      'a#b c#并发 https://x.com/#frag [[note#heading]] [[n#^blk]] [t](x.md#h) `#code` (#paren)\n\n```\n#fenced\n```\n\n    #indented';
    assert.deepEqual(parse(text).tags, []);
  });

  test('Chinese punctuation ends a tag; whitespace before it may be full-width', () => {
    assert.deepEqual(parse('学习\u3000#并发，然后 #调度。').tags, ['并发', '调度']);
  });

  test('escaped \\#tag is not a tag', () => {
    assert.deepEqual(parse('\\#not #yes').tags, ['yes']);
  });

  test('a line #tag is a tag, not a heading; # Heading is a heading, not a tag', () => {
    const note = parse('#tag-line\n# Heading\n##\u5e76\u53d1\n');
    assert.deepEqual(note.tags, ['tag-line']);
    assert.deepEqual(
      note.headings.map((h) => h.text),
      ['Heading'],
    );
  });

  test('tags written in headings count as tags, and the heading keeps its text', () => {
    const note = parse('## Channels #并发 #go/chan\n');
    assert.deepEqual(note.tags, ['并发', 'go/chan']);
    assert.deepEqual(note.headings, [{ level: 2, text: 'Channels #并发 #go/chan', line: 1 }]);
  });

  test('frontmatter and inline tags merge, de-duplicated case-insensitively, first spelling kept', () => {
    const note = parse('---\ntags: [Go, "#runtime"]\ntag: 并发\n---\n#go #Runtime #新\n');
    assert.deepEqual(note.tags, ['Go', 'runtime', '并发', '新']);
  });

  test('tags in list items, quotes and tables', () => {
    assert.deepEqual(parse('- #a\n> #b\n\n| x |\n|---|\n| #c |\n').tags, ['a', 'b', 'c']);
  });
});

describe('headings', () => {
  test('ATX levels 1–6, closing hashes, inline markup, Chinese', () => {
    const text =
      '# GMP 模型\n## 调度循环 ##\n### *Work* `stealing`\n#### [[P]] 与 [[M|机器]]\n##### five\n###### six\n####### not a heading\n';
    assert.deepEqual(parse(text).headings, [
      { level: 1, text: 'GMP 模型', line: 1 },
      { level: 2, text: '调度循环', line: 2 },
      { level: 3, text: 'Work stealing', line: 3 },
      { level: 4, text: 'P 与 机器', line: 4 },
      { level: 5, text: 'five', line: 5 },
      { level: 6, text: 'six', line: 6 },
    ]);
  });

  test('setext headings (= and -), line of their text', () => {
    assert.deepEqual(parse('intro\n\n通道\n===\n\nSub title\n---\n').headings, [
      { level: 1, text: '通道', line: 3 },
      { level: 2, text: 'Sub title', line: 6 },
    ]);
  });

  test('headings in code are not headings; lines count frontmatter', () => {
    const note = parse('---\na: 1\n---\n```\n# no\n```\n# yes\n');
    assert.deepEqual(note.headings, [{ level: 1, text: 'yes', line: 7 }]);
  });
});

describe('block ids', () => {
  test('at the end of a paragraph, a list item, a quote; own line after a block', () => {
    const text = [
      'A paragraph about channels. ^para-1', // 1
      '', // 2
      '- item one ^li-1', // 3
      '- item two', // 4
      '', // 5
      '> quoted ^q1', // 6
      '', // 7
      '| a |', // 8
      '|---|', // 9
      '', // 10
      '^table-id', // 11
      '', // 12
      'GMP 调度循环的核心。 ^gmp-loop', // 13
      '', // 14
      'two lines', // 15
      'second ^last-line', // 16
    ].join('\n');
    assert.deepEqual(parse(text).blocks, [
      { id: 'para-1', line: 1 },
      { id: 'li-1', line: 3 },
      { id: 'q1', line: 6 },
      { id: 'table-id', line: 11 },
      { id: 'gmp-loop', line: 13 },
      { id: 'last-line', line: 16 },
    ]);
  });

  test('not in the middle of a line, not in code, not glued to a word', () => {
    assert.deepEqual(parse('x ^mid y\n\nword^glued\n\n`code ^no`\n\n```\ncode ^no2\n```\n\n2^10 maths').blocks, []);
  });

  test('ids of Latin letters, digits and dashes only (Obsidian: ^调度 is text)', () => {
    assert.deepEqual(
      parse('a ^abc-123\n\nb ^调度-1\n\nc ^bad_id\n\nd ^Ab-9\n').blocks.map((b) => b.id),
      ['abc-123', 'Ab-9'],
    );
  });
});
