import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { links, parse, targets } from './helpers.ts';

describe('wiki links', () => {
  test('target, heading, block and alias, in English and Chinese', () => {
    const note = parse(
      'See [[GMP model]], [[通道]] and [[GMP 模型#调度循环|调度]].\n[[a#b#c]] [[x#^blk-1]] [[#Local]] [[#^own]]\n',
    );
    assert.deepEqual(
      note.links.map((l) => [l.kind, l.raw, l.target, l.heading, l.block, l.alias, l.line]),
      [
        ['wiki', '[[GMP model]]', 'GMP model', null, null, null, 1],
        ['wiki', '[[通道]]', '通道', null, null, null, 1],
        ['wiki', '[[GMP 模型#调度循环|调度]]', 'GMP 模型', '调度循环', null, '调度', 1],
        ['wiki', '[[a#b#c]]', 'a', 'c', null, null, 2],
        ['wiki', '[[x#^blk-1]]', 'x', null, 'blk-1', null, 2],
        ['wiki', '[[#Local]]', '', 'Local', null, null, 2],
        ['wiki', '[[#^own]]', '', null, 'own', null, 2],
      ],
    );
    assert.equal(note.links[0].context, 'See [[GMP model]], [[通道]] and [[GMP 模型#调度循环|调度]].');
    assert.equal(note.links[0].relation, null);
  });

  test('folders in targets are kept; NFC applies', () => {
    assert.deepEqual(targets('[[runtime/GMP model]] [[Cafe\u0301]]'), ['runtime/GMP model', 'Caf\u00e9']);
  });

  test('[[]], [[|x]], [[ ]] and [[#]] are ignored', () => {
    assert.deepEqual(links('a [[]] b [[|x]] c [[ ]] d [[#]] e [[ok]]'), [
      { kind: 'wiki', raw: '[[ok]]', target: 'ok' },
    ]);
  });

  test('an empty or blank display text is no display text: [[a|]] and [[a| ]] link to a, shown as a', () => {
    assert.deepEqual(links('x [[Note|]] y [[Note| ]] z [[Note#Part|]]', ['raw', 'target', 'heading', 'alias']), [
      { raw: '[[Note|]]', target: 'Note', heading: null, alias: null },
      { raw: '[[Note| ]]', target: 'Note', heading: null, alias: null },
      { raw: '[[Note#Part|]]', target: 'Note', heading: 'Part', alias: null },
    ]);
  });

  test('a [[ inside a link starts the link: [[a [[b]] links b (and a line of unclosed [[ parses in linear time)', () => {
    assert.deepEqual(links('[[a [[b]] and [[c|x [[d]]'), [
      { kind: 'wiki', raw: '[[b]]', target: 'b' },
      { kind: 'wiki', raw: '[[d]]', target: 'd' },
    ]);
    // each [[ used to scan to the end of its line: 20,000 of them on one line took 20 s
    const line = `${'[[a '.repeat(20_000)}[[end]]`;
    assert.deepEqual(links(line), [{ kind: 'wiki', raw: '[[end]]', target: 'end' }]);
  });

  test('a single ] is part of a link; the first ]] closes it', () => {
    assert.deepEqual(
      links('[[Note|see [1] here]] [[Note#[2024] Review]] [[a]]] [[b]c]]', ['raw', 'target', 'heading', 'alias']),
      [
        { raw: '[[Note|see [1] here]]', target: 'Note', heading: null, alias: 'see [1] here' },
        { raw: '[[Note#[2024] Review]]', target: 'Note', heading: '[2024] Review', alias: null },
        { raw: '[[a]]', target: 'a', heading: null, alias: null },
        { raw: '[[b]c]]', target: 'b]c', heading: null, alias: null },
      ],
    );
  });

  test('a wiki link does not span lines', () => {
    assert.deepEqual(links('[[a\nb]] [[c]]'), [{ kind: 'wiki', raw: '[[c]]', target: 'c' }]);
  });

  test('escaped pipe inside a GFM table: target without the backslash', () => {
    const text =
      '| concept | note |\n| --- | --- |\n| [[GMP 模型\\|GMP]] | ![[diagram.png\\|300]] |\n| [[plain]] | x |\n';
    const note = parse(text);
    assert.deepEqual(
      note.links.map((l) => [l.kind, l.raw, l.target, l.alias, l.line]),
      [
        ['wiki', '[[GMP 模型\\|GMP]]', 'GMP 模型', 'GMP', 3],
        ['embed', '![[diagram.png\\|300]]', 'diagram.png', '300', 3],
        ['wiki', '[[plain]]', 'plain', null, 4],
      ],
    );
  });

  test('escaped pipe outside a table works the same', () => {
    assert.deepEqual(links('[[a\\|b]]', ['target', 'alias']), [{ target: 'a', alias: 'b' }]);
  });
});

describe('embeds', () => {
  test('![[x]] with heading, block and alias', () => {
    const note = parse('![[diagram.png]]\n\n![[GMP 模型#调度循环]] and ![[通道#^chan-1|看这里]]\n');
    assert.deepEqual(
      note.links.map((l) => [l.kind, l.raw, l.target, l.heading, l.block, l.alias, l.line]),
      [
        ['embed', '![[diagram.png]]', 'diagram.png', null, null, null, 1],
        ['embed', '![[GMP 模型#调度循环]]', 'GMP 模型', '调度循环', null, null, 3],
        ['embed', '![[通道#^chan-1|看这里]]', '通道', null, 'chan-1', '看这里', 3],
      ],
    );
  });

  test('![[…]] holds a single [ or ] but stops at a [[, like a wiki link', () => {
    assert.deepEqual(links('![[img.png|[x] y]] ![[a [[b]] ![[c]d]]', ['kind', 'raw', 'target', 'alias']), [
      { kind: 'embed', raw: '![[img.png|[x] y]]', target: 'img.png', alias: '[x] y' },
      { kind: 'wiki', raw: '[[b]]', target: 'b', alias: null },
      { kind: 'embed', raw: '![[c]d]]', target: 'c]d', alias: null },
    ]);
  });

  test('![[]] and a lone ! before a link', () => {
    assert.deepEqual(links('![[]] Wow![[x]] !![[y]]'), [
      { kind: 'embed', raw: '![[x]]', target: 'x' },
      { kind: 'embed', raw: '![[y]]', target: 'y' },
    ]);
  });

  test('markdown images stay markdown links', () => {
    assert.deepEqual(links('![alt text](img/pic.png)', ['kind', 'target', 'alias']), [
      { kind: 'markdown', target: 'img/pic.png', alias: 'alt text' },
    ]);
  });
});

describe('markdown links', () => {
  test('local targets, %20 decoding, heading and block fragments, <angle brackets>', () => {
    const note = parse(
      '[text](other.md) [t](folder/a%20b.md#h) [u](<my note.md>) [v](../x%20y.md#^blk) [w](a.md#Some%20Heading)\n![](img.png) [same](#local)',
    );
    assert.deepEqual(
      note.links.map((l) => [l.kind, l.raw, l.target, l.heading, l.block, l.alias]),
      [
        ['markdown', '[text](other.md)', 'other.md', null, null, 'text'],
        ['markdown', '[t](folder/a%20b.md#h)', 'folder/a b.md', 'h', null, 't'],
        ['markdown', '[u](<my note.md>)', 'my note.md', null, null, 'u'],
        ['markdown', '[v](../x%20y.md#^blk)', '../x y.md', null, 'blk', 'v'],
        ['markdown', '[w](a.md#Some%20Heading)', 'a.md', 'Some Heading', null, 'w'],
        ['markdown', '![](img.png)', 'img.png', null, null, null],
        ['markdown', '[same](#local)', '', 'local', null, 'same'],
      ],
    );
  });

  test('Chinese file names, percent-encoded', () => {
    assert.deepEqual(targets('[调度](runtime/GMP%20%E6%A8%A1%E5%9E%8B.md)'), ['runtime/GMP 模型.md']);
  });

  test('a stray % is kept rather than failing', () => {
    assert.deepEqual(targets('[p](100%25%20done%.md)'), ['100% done%.md']);
  });

  test('external URLs are not graph links: https, mailto, any scheme, //host, autolinks, bare URLs', () => {
    const text =
      '[a](https://go.dev) [b](mailto:me@x.org) [c](obsidian://open?vault=x) [d](//cdn.x/y.png) [e](file:///tmp/a.md)\n' +
      '<https://example.com> https://example.com/[[not-a-link-target]] ![img](http://x/y.png) [ok](local.md)';
    const t = targets(text);
    assert.ok(t.includes('local.md'));
    assert.ok(!t.some((x) => /go\.dev|me@x|open|cdn|tmp|example\.com|y\.png/.test(x)), JSON.stringify(t));
  });

  test('reference-style links resolve through their definition', () => {
    const note = parse('See [the doc][d] and ![pic][p].\n\n[d]: docs/a%20b.md#Intro\n[p]: img.png\n');
    assert.deepEqual(
      note.links.map((l) => [l.kind, l.raw, l.target, l.heading, l.alias, l.line]),
      [
        ['markdown', '[the doc][d]', 'docs/a b.md', 'Intro', 'the doc', 1],
        ['markdown', '![pic][p]', 'img.png', null, 'pic', 1],
      ],
    );
  });

  test('empty destination is ignored', () => {
    assert.deepEqual(targets('[x]() [y](<>)'), []);
  });
});

describe('links in code and comments are not links', () => {
  test('fenced code with ``` and ~~~, indented code, inline code', () => {
    const text = [
      '```go',
      'ch := make(chan int) // [[not a link]] ![[nor this]] [md](x.md) #tag',
      '```',
      '~~~',
      '[[tilde]]',
      '~~~',
      '````md',
      '```',
      '[[inner fence]]',
      '````',
      '',
      '    [[indented code]]',
      '',
      'Inline `[[code]]` and ``[[double `tick`]]`` then [[real]] and [[通道]].',
      '- list',
      '  ```',
      '  [[in list fence]]',
      '  ```',
    ].join('\n');
    assert.deepEqual(targets(text), ['real', '通道']);
    assert.deepEqual(parse(text).tags, []);
  });

  test('%% comments on one line and across lines', () => {
    const text =
      'Keep [[a]] %% hide [[b]] %% keep [[c]]\n%%\n![[embed 1]]\n![[embed 2]]\n#hidden-tag\n%%\n[[d]] %%注释 [[通道]]%% [[并发]]\n';
    const note = parse(text);
    assert.deepEqual(
      note.links.map((l) => [l.target, l.line]),
      [
        ['a', 1],
        ['c', 1],
        ['d', 7],
        ['并发', 7],
      ],
    );
    assert.deepEqual(note.tags, []);
  });

  test('<!-- --> comments on one line and across lines', () => {
    const text =
      'x <!-- [[a]] --> [[b]]\n<!--\n![[big embed]]\n#tag\n-->\n[[c]]\nmid <!-- start\n[[d]]\nend --> [[e]]\n';
    const note = parse(text);
    assert.deepEqual(
      note.links.map((l) => [l.target, l.line]),
      [
        ['b', 1],
        ['c', 6],
        ['e', 9],
      ],
    );
    assert.deepEqual(note.tags, []);
  });

  test('comment markers inside code are code: `%%` in inline code and fences', () => {
    const text = '```go\nfmt.Printf("100%%\\n")\n```\nA `%%` sign then [[a]] and [[b]]\n`<!--` too [[c]]\n';
    assert.deepEqual(targets(text), ['a', 'b', 'c']);
  });

  test('an unclosed %% hides the rest of the note; an unclosed inline <!-- does not', () => {
    assert.deepEqual(targets('[[a]] %% [[b]]\n\n[[c]]'), ['a']);
    assert.deepEqual(targets('text <!-- [[a]]\n\n[[b]]'), ['a', 'b']);
  });

  test('lines after a removed comment keep their numbers, and text after it is not code', () => {
    // Blanking `%%hidden%%` with spaces would turn the line into indented code; removing it does not.
    const note = parse('para\n\n%%hidden comment%% [[after]]\n\n%%\nmulti\n%%\n[[x]]');
    assert.deepEqual(
      note.links.map((l) => [l.target, l.line]),
      [
        ['after', 3],
        ['x', 8],
      ],
    );
  });
});

describe('property links', () => {
  const text = [
    '---', // 1
    'aliases: [GMP]', // 2
    'prerequisites: ["[[goroutine]]", "[[通道|chan]]"]', // 3
    'categories: "[[Evergreen]]"', // 4
    'related: [[a]]', // 5
    'list:', // 6
    '  - "[[b#h]]"', // 7
    '  - plain', // 8
    'nested:', // 9
    '  deep: "[[c]]"', // 10
    'summary: see [[d]] and [[e]]', // 11
    '---', // 12
    'Body [[f]]', // 13
  ].join('\n');

  test('list, string, nested YAML list, block list, nested map; with the line of each value', () => {
    const note = parse(text);
    assert.deepEqual(
      note.links.map((l) => [l.kind, l.raw, l.target, l.heading, l.alias, l.line, l.relation]),
      [
        ['property', '[[goroutine]]', 'goroutine', null, null, 3, 'prerequisites'],
        ['property', '[[通道|chan]]', '通道', null, 'chan', 3, 'prerequisites'],
        ['property', '[[Evergreen]]', 'Evergreen', null, null, 4, 'categories'],
        ['property', '[[a]]', 'a', null, null, 5, 'related'],
        ['property', '[[b#h]]', 'b', 'h', null, 7, 'list'],
        ['property', '[[c]]', 'c', null, null, 10, 'nested'],
        ['property', '[[d]]', 'd', null, null, 11, 'summary'],
        ['property', '[[e]]', 'e', null, null, 11, 'summary'],
        ['wiki', '[[f]]', 'f', null, null, 13, null],
      ],
    );
    assert.equal(note.links[0].context, 'prerequisites: ["[[goroutine]]", "[[通道|chan]]"]');
    assert.equal(note.links[4].context, '- "[[b#h]]"');
  });

  test('the same lines through the fast YAML reader and the full one', () => {
    // Block scalars force the full `yaml` parse; the link lines must not change.
    const slow = text.replace('---\naliases', '---\nnote: |\n  block scalar\naliases');
    const fast = parse(
      text.replace('related: [[a]]\n', 'related: "[[a]]"\n').replace('nested:\n  deep: "[[c]]"\n', ''),
    );
    const full = parse(
      slow.replace('related: [[a]]\n', 'related: "[[a]]"\n').replace('nested:\n  deep: "[[c]]"\n', ''),
    );
    assert.deepEqual(
      full.links.map((l) => [l.target, l.line - 2, l.relation]),
      fast.links.map((l) => [l.target, l.line, l.relation]),
    );
  });

  test('an embed in a property is a property link', () => {
    assert.deepEqual(links('---\ncover: "![[cover.png]]"\n---\n', ['kind', 'target', 'relation']), [
      { kind: 'property', target: 'cover.png', relation: 'cover' },
    ]);
  });
});

describe('inline fields', () => {
  test('key:: [[x]], [[y]] on its own line gives wiki links with the key as relation', () => {
    const note = parse(
      'prerequisites:: [[goroutine]], [[通道]]\n- 前置:: [[GMP 模型]]\nNot a field [[z]] with:: [[w]]\n',
    );
    assert.deepEqual(
      note.links.map((l) => [l.kind, l.target, l.relation]),
      [
        ['wiki', 'goroutine', 'prerequisites'],
        ['wiki', '通道', 'prerequisites'],
        ['wiki', 'GMP 模型', '前置'],
        ['wiki', 'z', null],
        ['wiki', 'w', null],
      ],
    );
  });

  test('an embed or markdown link on a field line also carries the key', () => {
    assert.deepEqual(links('see:: ![[d.png]] [m](m.md)', ['kind', 'relation']), [
      { kind: 'embed', relation: 'see' },
      { kind: 'markdown', relation: 'see' },
    ]);
  });
});

describe('footnotes and GFM', () => {
  test('links inside footnote definitions are found, footnotes are not links', () => {
    const note = parse('Text[^1] and [[w]].\n\n[^1]: See [[fn target]] and [doc](d.md).\n');
    assert.deepEqual(
      note.links.map((l) => [l.kind, l.target, l.line]),
      [
        ['wiki', 'w', 1],
        ['wiki', 'fn target', 3],
        ['markdown', 'd.md', 3],
      ],
    );
  });

  test('an unescaped | inside a table cell splits the wiki link (as in Obsidian)', () => {
    assert.deepEqual(targets('| a | b |\n|---|---|\n| [[x|y]] | [[ok]] |\n'), ['ok']);
  });

  test('task list items and strikethrough keep their links', () => {
    assert.deepEqual(targets('- [ ] [[todo]]\n- [x] ~~[[done]]~~\n'), ['todo', 'done']);
  });
});
