import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { decodeNote, parseNote, textStats, titleOf } from '../../../electron/core/parse/index.ts';
import { lineOf, parse } from './helpers.ts';

const enc = (s: string) => new TextEncoder().encode(s);

describe('decodeNote', () => {
  test('plain UTF-8, Chinese', () => {
    assert.deepEqual(decodeNote(enc('# 通道\n[[GMP 模型]]')), { text: '# 通道\n[[GMP 模型]]', problems: [] });
  });

  test('strips a UTF-8 BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...enc('---\na: 1\n---\n')]);
    const d = decodeNote(bytes);
    assert.equal(d.text, '---\na: 1\n---\n');
    assert.deepEqual(parseNote('x.md', d.text!).properties, { a: 1 });
  });

  test('a BOM left in the text is ignored by parseNote too', () => {
    assert.deepEqual(parseNote('x.md', '\uFEFF---\na: 1\n---\n').properties, { a: 1 });
  });

  test('NUL bytes: binary, no text', () => {
    const d = decodeNote(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
    assert.equal(d.text, null);
    assert.equal(d.problems[0].kind, 'binary');
  });

  test('invalid UTF-8: decoded with U+FFFD and an encoding problem with its line', () => {
    const bytes = new Uint8Array([...enc('ok [[a]]\nbad '), 0xff, 0xfe, ...enc(' [[b]]\n')]);
    const d = decodeNote(bytes);
    assert.ok(d.text!.includes('\uFFFD'));
    assert.equal(d.problems.length, 1);
    assert.equal(d.problems[0].kind, 'encoding');
    assert.equal(d.problems[0].line, 2);
    assert.deepEqual(
      parseNote('x.md', d.text!).links.map((l) => l.target),
      ['a', 'b'],
    );
  });

  test('a truncated multi-byte character at the end is invalid too', () => {
    const d = decodeNote(new Uint8Array([...enc('通道'), 0xe9, 0x80]));
    assert.equal(d.problems[0]?.kind, 'encoding');
  });
});

describe('line endings', () => {
  const lf =
    '---\naliases: [a]\nrel: "[[p]]"\n---\n# 标题\n\n[[x]] #t ^blk\n\n```\n[[no]]\n```\nSetext\n---\n%% c\n[[hidden]] %%\n[[y]]\n';

  test('CRLF and CR give the same facts as LF', () => {
    const a = parse(lf);
    for (const eol of ['\r\n', '\r']) {
      const b = parse(lf.replace(/\n/g, eol));
      assert.deepEqual(b.links, a.links, JSON.stringify(eol));
      assert.deepEqual(b.headings, a.headings);
      assert.deepEqual(b.blocks, a.blocks);
      assert.deepEqual(b.tags, a.tags);
      assert.deepEqual(b.properties, a.properties);
      assert.equal(b.frontmatterLines, a.frontmatterLines);
      assert.equal(b.body, a.body);
      assert.equal(b.mentionText, a.mentionText);
    }
  });
});

describe('title, body, stats', () => {
  test('titleOf: file name without .md', () => {
    assert.equal(titleOf('runtime/GMP 模型.md'), 'GMP 模型');
    assert.equal(titleOf('a\\b\\Note.MD'), 'Note');
    assert.equal(titleOf('top.md'), 'top');
    assert.equal(titleOf('folder/archive.tar.gz'), 'archive.tar.gz');
    assert.equal(parseNote('并发/通道.md', '').title, '通道');
  });

  test('textStats: Latin words and CJK characters', () => {
    assert.deepEqual(textStats("Hello, world! It's Go 1.21 — naïve café."), { words: 8, cjkChars: 0 });
    assert.deepEqual(textStats('GMP 模型的调度循环。'), { words: 1, cjkChars: 7 });
    assert.deepEqual(textStats('ひらがな カタカナ 한국어 𠀀'), { words: 0, cjkChars: 12 });
    assert.deepEqual(textStats(''), { words: 0, cjkChars: 0 });
  });

  test('words and cjkChars count the body only, not the frontmatter', () => {
    const note = parse('---\ntitle: many words here\n---\n通道 channel');
    assert.deepEqual([note.words, note.cjkChars], [1, 2]);
  });

  test('every field is filled for an empty note', () => {
    assert.deepEqual(parseNote('a/Empty.md', ''), {
      path: 'a/Empty.md',
      title: 'Empty',
      aliases: [],
      tags: [],
      headings: [],
      blocks: [],
      properties: {},
      links: [],
      body: '',
      frontmatter: '',
      mentionText: '',
      words: 0,
      cjkChars: 0,
      frontmatterLines: 0,
      problems: [],
    });
  });
});

describe('mentionText', () => {
  const text = [
    '---', // 1
    'aliases: [通道]', // 2
    '---', // 3
    '# Channel 通道', // 4
    'A channel links [[goroutine]] and ![[GMP 模型]] via [text](other.md) or https://go.dev/channel.', // 5
    'Code `channel` here %% channel comment %% end <b>bold</b>', // 6
    '```go', // 7
    'ch := make(chan int) // channel', // 8
    '```', // 9
    '    indented channel', // 10
  ].join('\n');
  const note = parse(`intro\n\n${text.split('\n').slice(3).join('\n')}`);
  const full = parse(text);

  test('same number of lines as the file; line N is file line N', () => {
    assert.equal(full.mentionText.split('\n').length, text.split('\n').length);
    assert.equal(lineOf(full.mentionText, 4), '# Channel 通道');
    assert.equal(note.mentionText.split('\n').length, 9);
  });

  test('frontmatter, links, embeds, URLs, code, comments and html are blanked; prose stays', () => {
    assert.equal(lineOf(full.mentionText, 1).trim(), '');
    assert.equal(lineOf(full.mentionText, 2).trim(), '');
    const l5 = lineOf(full.mentionText, 5);
    assert.equal(l5.length, lineOf(text, 5).length);
    assert.ok(l5.startsWith('A channel links '));
    assert.ok(!/goroutine|GMP|text|other|go\.dev/.test(l5), l5);
    const l6 = lineOf(full.mentionText, 6);
    assert.ok(l6.startsWith('Code ') && l6.includes(' here ') && l6.includes(' end ') && l6.includes('bold'), l6);
    assert.ok(!l6.includes('channel') && !l6.includes('<b>'), l6);
    for (const n of [7, 8, 9, 10]) assert.equal(lineOf(full.mentionText, n).trim(), '', `line ${n}`);
  });

  test('body is the text after the frontmatter, comments kept', () => {
    assert.equal(full.body, text.split('\n').slice(3).join('\n'));
    assert.equal(full.frontmatterLines, 3);
  });
});

describe('never throws', () => {
  test('odd inputs', () => {
    const odd = [
      '\u0000',
      '[[',
      ']]',
      '![[',
      '---',
      '---\n',
      '%%',
      '<!--',
      '```',
      '[^',
      '|-|',
      '\\',
      '#',
      '^',
      '[[a|]]',
      '[](',
      '<',
      '\uFFFD\uFFFD',
      '---\n: : :\n---',
      '---\n[[a]]: b\n---',
      '- [ ] [[x',
      '> [[x]]\n>\n> ^id',
      '*'.repeat(10000),
      '['.repeat(5000) + ']'.repeat(5000),
      '#'.repeat(5000),
    ];
    for (const s of odd) {
      const n = parseNote('odd.md', s);
      assert.equal(typeof n.mentionText, 'string', JSON.stringify(s));
      assert.equal(n.mentionText.split('\n').length, s.replace(/\r\n?/g, '\n').split('\n').length, JSON.stringify(s));
    }
  });
});
