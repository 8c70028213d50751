import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from './helpers.ts';

describe('frontmatter properties', () => {
  test('aliases/alias and tags/tag as string or list; other keys as JSON; dates as ISO strings', () => {
    const note = parse(
      [
        '---',
        'aliases: [GMP, 调度器]',
        'alias: GMP模型',
        'tags: go/runtime, "#并发" ,  #a YAML comment',
        'tag:',
        '  - "#scheduler"',
        'level: 3',
        'score: 4.5',
        'done: true',
        'empty:',
        'created: 2024-01-05',
        'updated: 2024-01-05 10:30:00',
        'nested: {a: 1, b: [x, y]}',
        '---',
        'body',
      ].join('\n'),
    );
    assert.deepEqual(note.aliases, ['GMP', '调度器', 'GMP模型']);
    assert.deepEqual(note.tags, ['go/runtime', '并发', 'scheduler']);
    assert.deepEqual(note.properties, {
      level: 3,
      score: 4.5,
      done: true,
      empty: null,
      created: '2024-01-05',
      updated: '2024-01-05T10:30:00.000Z',
      nested: { a: 1, b: ['x', 'y'] },
    });
    assert.equal(note.frontmatterLines, 14);
    assert.equal(note.body, 'body');
  });

  test('a single alias string is not split on commas', () => {
    assert.deepEqual(parse('---\naliases: Hello, World\n---\n').aliases, ['Hello, World']);
  });

  test('property keys are case-insensitive for aliases and tags', () => {
    const note = parse('---\nTags: [a]\nAliases: [b]\n---\n');
    assert.deepEqual([note.tags, note.aliases, note.properties], [['a'], ['b'], {}]);
  });

  test('closed by ... as well as ---, and only when --- is line 1', () => {
    assert.equal(parse('---\na: 1\n...\n# H\n').frontmatterLines, 3);
    assert.deepEqual(parse('---\na: 1\n...\n# H\n').headings, [{ level: 1, text: 'H', line: 4 }]);
    const late = parse('\n---\na: 1\n---\n');
    assert.equal(late.frontmatterLines, 0);
    assert.deepEqual(late.properties, {});
    const unclosed = parse('---\na: 1\n[[x]]\n');
    assert.equal(unclosed.frontmatterLines, 0);
    assert.deepEqual(
      unclosed.links.map((l) => [l.target, l.line]),
      [['x', 3]],
    );
  });

  test('empty frontmatter and a frontmatter-only note', () => {
    const a = parse('---\n---\ntext');
    assert.deepEqual([a.frontmatterLines, a.properties, a.body], [2, {}, 'text']);
    const b = parse('---\ntitle: x\n---');
    assert.deepEqual([b.frontmatterLines, b.properties, b.body], [3, { title: 'x' }, '']);
  });

  test('a --- later in the body is a thematic break or setext underline, not frontmatter', () => {
    const note = parse('---\na: 1\n---\ntext\n---\nb: 2\n---\n');
    assert.deepEqual(note.properties, { a: 1 });
    assert.deepEqual(
      note.headings.map((h) => [h.text, h.line]),
      [
        ['text', 4],
        ['b: 2', 6],
      ],
    );
  });

  test('templates with {{date}} do not crash nor print warnings', () => {
    const note = parse('---\ncreated: {{date}}\ncategories:\n  - "[[Meetings]]"\n---\n');
    assert.deepEqual(note.problems, []);
    assert.deepEqual(
      note.links.map((l) => [l.target, l.line, l.relation]),
      [['Meetings', 4, 'categories']],
    );
  });
});

describe('malformed YAML', () => {
  test('properties {}, a frontmatter problem with the file line; body, links and inline tags still parsed', () => {
    const text = '---\ntitle: ok\nlist: [a, b\nnext: 1\n---\n# 标题\n[[still linked]] #still-tagged\n';
    const note = parse(text);
    assert.deepEqual(note.properties, {});
    assert.deepEqual(note.aliases, []);
    assert.equal(note.problems.length, 1);
    assert.equal(note.problems[0].kind, 'frontmatter');
    assert.doesNotMatch(note.problems[0].message, /\bline\b/, 'the line is a field, not repeated in the message');
    assert.ok(note.problems[0].line! >= 3 && note.problems[0].line! <= 5, JSON.stringify(note.problems));
    assert.deepEqual(
      note.links.map((l) => [l.target, l.line]),
      [['still linked', 7]],
    );
    assert.deepEqual(note.tags, ['still-tagged']);
    assert.deepEqual(note.headings, [{ level: 1, text: '标题', line: 6 }]);
    assert.equal(note.frontmatterLines, 5);
  });

  test('duplicate keys, bad indentation, a tab are problems too', () => {
    for (const yaml of ['a: 1\na: 2', 'a:\n  b: 1\n c: 2', 'k: v: x']) {
      const note = parse(`---\n${yaml}\n---\nbody`);
      assert.equal(note.problems[0]?.kind, 'frontmatter', yaml);
      assert.deepEqual(note.properties, {});
    }
  });

  test('a frontmatter that is not a map is a problem', () => {
    const note = parse('---\n- a\n- b\n---\n');
    assert.deepEqual(note.properties, {});
    assert.equal(note.problems[0].kind, 'frontmatter');
  });

  test('YAML aliases cannot blow up (billion laughs)', () => {
    const lol = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++)
      lol.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
          .fill('*' + String.fromCharCode(96 + i))
          .join(',')}]`,
      );
    const t0 = performance.now();
    const note = parse(`---\n${lol.join('\n')}\n---\nbody [[x]]`);
    assert.ok(performance.now() - t0 < 2000);
    assert.equal(note.problems[0].kind, 'frontmatter');
    assert.deepEqual(
      note.links.map((l) => l.target),
      ['x'],
    );
  });
});
