/**
 * The grammar's Live Preview facts (electron/core/markdown/preview.ts): formatting marks and their hidden ranges,
 * links and tags, nothing in code or comments, offsets into the note as written, and a parse bounded by the range.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { completionContext, previewIn, spansIn, windowAround } from '../../../electron/core/markdown/index.ts';
import { openFenceAt } from '../../../electron/core/markdown/spans.ts';

const hiddenOf = (text: string, kind: string) =>
  previewIn(text, 0, text.length)
    .marks.filter((m) => m.kind === kind)
    .map((m) => m.hide.map(([a, b]) => text.slice(a, b)));

test('previewIn: the marks a preview hides, per construct', () => {
  const text = '---\ntags: [x]\n---\n## Head ##\n\n**b** *i* ==h== ~~s~~ ``c`` [t](http://x) [[N|al]] #标签\n';
  assert.deepEqual(hiddenOf(text, 'heading'), [['## ', ' ##']]);
  assert.deepEqual(hiddenOf(text, 'strong'), [['**', '**']]);
  assert.deepEqual(hiddenOf(text, 'emphasis'), [['*', '*']]);
  assert.deepEqual(hiddenOf(text, 'highlight'), [['==', '==']]);
  assert.deepEqual(hiddenOf(text, 'strike'), [['~~', '~~']]);
  assert.deepEqual(hiddenOf(text, 'code'), [['``', '``']]);
  assert.deepEqual(hiddenOf(text, 'link'), [['[', '](http://x)']]);
  const p = previewIn(text, 0, text.length);
  assert.deepEqual(
    p.spans.map((s) => [s.kind, s.raw]),
    [
      ['markdown', '[t](http://x)'],
      ['wiki', '[[N|al]]'],
      ['tag', '#标签'],
    ],
  );
  assert.equal(p.marks.find((m) => m.kind === 'heading')?.depth, 2);
});

test('previewIn: tasks give the marker range and the box; comments and code give nothing', () => {
  const text = '- [ ] open %%**not**%%\n- [x] done\n\n```\n**no**\n```\n`**no**`\n';
  const p = previewIn(text, 0, text.length);
  const tasks = p.marks.filter((m) => m.kind === 'task');
  assert.deepEqual(
    tasks.map((m) => [text.slice(m.hide[0][0], m.hide[0][1]), m.checked, text[m.box!]]),
    [
      ['- [ ] ', false, ' '],
      ['- [x] ', true, 'x'],
    ],
  );
  assert.deepEqual(
    p.marks.filter((m) => m.kind === 'strong'),
    [],
  );
});

test('previewIn: offsets stay right after a comment, and only the range is returned', () => {
  const text = 'a %%x%% **b**\n\n**far away**';
  const p = previewIn(text, 0, 10);
  assert.deepEqual(
    p.marks.map((m) => text.slice(m.from, m.to)),
    ['**b**'],
  );
});

test('windowAround: a range deep in a 1 MB note parses its blocks, not the note', () => {
  const para = 'Some **bold** text and [[a link]] here.\n\n';
  const text = para.repeat(Math.ceil(1_000_000 / para.length));
  const from = 500_000;
  const { start, end } = windowAround(text, from, from + 3000);
  assert.ok(end - start < 3000 + 2 * 20_000 + 200, `window ${end - start}`);
  const p = previewIn(text, from, from + 3000);
  assert.ok(p.marks.length > 0 && p.marks.every((m) => m.to >= from && m.from <= from + 3000));
});

test('completionContext: " ^" at the end of a line with text is a block id', () => {
  assert.deepEqual(completionContext('A claim ^'), { kind: 'blockId', from: 9, query: '' });
  assert.deepEqual(completionContext('A claim ^ab-1'), { kind: 'blockId', from: 9, query: 'ab-1' });
  assert.equal(completionContext('^'), null);
  assert.equal(completionContext('x^y'), null);
  // inside a link it is the target's block
  assert.equal(completionContext('see [[Note#^')?.kind, 'block');
});

test('previewIn: callouts, tables and math are blocks (the outer one only), offsets into the note', () => {
  const text = [
    '# T',
    '',
    '> [!note] Title',
    '> body with $y$ and',
    '> | a | b |',
    '> |---|---|',
    '> | 1 | 2 |',
    '',
    '> plain quote',
    '',
    '| h | i |',
    '| - | - |',
    '| $z$ | **k** |',
    '',
    '$$',
    'x^2',
    '$$',
    '',
    'Inline $a+b$ here, and %%$no$%% not in a comment, `$no$` nor in code, $$x^2$$ too.',
    '',
  ].join('\n');
  const p = previewIn(text, 0, text.length);
  assert.deepEqual(
    p.blocks.map((b) => [b.kind, b.inline, text.slice(b.from, b.to)]),
    [
      ['callout', false, '> [!note] Title\n> body with $y$ and\n> | a | b |\n> |---|---|\n> | 1 | 2 |'],
      ['table', false, '| h | i |\n| - | - |\n| $z$ | **k** |'],
      ['math', false, '$$\nx^2\n$$'],
      ['math', true, '$a+b$'],
      ['math', true, '$$x^2$$'],
    ],
  );
  // only the blocks that overlap the range
  const at = text.indexOf('| h |');
  assert.deepEqual(
    previewIn(text, at, at + 3).blocks.map((b) => b.kind),
    ['table'],
  );
});

test('previewIn: an unclosed $$ block is not a block (the text after it would be drawn as math)', () => {
  const text = 'Intro\n\n$$\na + b\n\nMore text, not math.\n';
  assert.deepEqual(
    previewIn(text, 0, text.length).blocks.map((b) => b.kind),
    [],
  );
  const closed = 'Intro\n\n$$\na + b\n$$\n';
  assert.deepEqual(
    previewIn(closed, 0, closed.length).blocks.map((b) => closed.slice(b.from, b.to)),
    ['$$\na + b\n$$'],
  );
});

test('previewIn: `$$x$$` alone on its line is a display block; in a sentence it is inline', () => {
  const text = 'A\n\n$$x^2$$\n\nInline $$y$$ here.\n';
  assert.deepEqual(
    previewIn(text, 0, text.length).blocks.map((b) => [text.slice(b.from, b.to), b.inline]),
    [
      ['$$x^2$$', false],
      ['$$y$$', true],
    ],
  );
});

test('previewIn: a closed fenced code block is a block (mermaid too); an unclosed, indented or quoted one is not', () => {
  const text = [
    'Intro',
    '',
    '```js',
    'const a = `**not bold**`;',
    '',
    'more();',
    '```',
    '',
    '~~~mermaid',
    'graph TD; A-->B',
    '~~~~',
    '',
    '    indented code',
    '',
    '> ```',
    '> quoted',
    '> ```',
    '',
    '> [!note] A callout',
    '> ```py',
    '> x = 1',
    '> ```',
    '',
    '````',
    '```',
    '````',
    '',
  ].join('\n');
  assert.deepEqual(
    previewIn(text, 0, text.length).blocks.map((b) => [b.kind, b.inline, text.slice(b.from, b.to)]),
    [
      ['code', false, '```js\nconst a = `**not bold**`;\n\nmore();\n```'],
      ['code', false, '~~~mermaid\ngraph TD; A-->B\n~~~~'],
      ['callout', false, '> [!note] A callout\n> ```py\n> x = 1\n> ```'],
      ['code', false, '````\n```\n````'],
    ],
  );
  // nothing inside the code is a mark
  assert.equal(
    previewIn(text, 0, text.length).marks.some((m) => m.kind === 'strong'),
    false,
  );
  const unclosed = 'Intro\n\n```js\nconst a = 1;\n\nMore text, not code.\n';
  assert.deepEqual(previewIn(unclosed, 0, unclosed.length).blocks, []);
  const shortClose = '```\ncode\n``\n';
  assert.deepEqual(previewIn(shortClose, 0, shortClose.length).blocks, []);
});

test('previewIn: the frontmatter is a block when its YAML is a map of properties; malformed YAML stays source', () => {
  const text = '---\ntitle: A note\ntags: [x, y]\n---\n# Body\n\n```\ncode\n```\n';
  const p = previewIn(text, 0, text.length);
  assert.deepEqual(
    p.blocks.map((b) => [b.kind, b.inline, text.slice(b.from, b.to)]),
    [
      ['frontmatter', false, '---\ntitle: A note\ntags: [x, y]\n---'],
      ['code', false, '```\ncode\n```'],
    ],
  );
  // only when the range reaches it
  const body = text.indexOf('```');
  assert.deepEqual(
    previewIn(text, body, text.length).blocks.map((b) => b.kind),
    ['code'],
  );
  // a note that is only frontmatter, its closing fence without a line break
  const only = '---\na: 1\n---';
  assert.deepEqual(
    previewIn(only, 0, only.length).blocks.map((b) => only.slice(b.from, b.to)),
    ['---\na: 1\n---'],
  );
  for (const bad of ['---\nkey: [unclosed\n---\nbody\n', '---\n- a list\n---\nbody\n', '---\n\n---\nbody\n'])
    assert.deepEqual(
      previewIn(bad, 0, bad.length).blocks.map((b) => b.kind),
      [],
      bad,
    );
  // a `---` block that never closes is no frontmatter
  const open = '---\na: 1\n\nbody\n';
  assert.deepEqual(previewIn(open, 0, open.length).blocks, []);
});

test('a range that starts inside a fenced code block after a blank line: the window starts at its opening fence', () => {
  const code = '```go\nfunc main() {\n\n\t// see [[not a link]] and **not bold**\n}\n```';
  const text = `${'Intro paragraph with words.\n\n'.repeat(50)}${code}\n\nAfter the code, a [[real link]] and **bold**.\n\n\`\`\`\nsecond block\n\`\`\`\n`;
  const inCode = text.indexOf('\t// see');
  const w = windowAround(text, inCode, inCode + 10);
  assert.equal(w.start, text.indexOf('```go'), 'from the opening fence, not the blank line inside the code');
  const p = previewIn(text, inCode, text.length);
  assert.deepEqual(
    p.blocks.filter((b) => b.kind === 'code').map((b) => text.slice(b.from, b.to)),
    [code, '```\nsecond block\n```'],
    'the code blocks as written, the prose between them not code',
  );
  assert.ok(
    !p.marks.some((m) => m.from < text.indexOf('After the code') && m.from > text.indexOf('```go')),
    'no formatting mark inside the code',
  );
  const linked = spansIn(text, inCode, text.length).map((s) => s.raw);
  assert.ok(linked.includes('[[real link]]') && !linked.includes('[[not a link]]'), linked.join(', '));
});

test('openFenceAt pairs fences as CommonMark does', () => {
  const at = (t: string) => openFenceAt(t, t.indexOf('HERE'));
  assert.equal(at('```\ncode\n```\nHERE'), -1, 'closed');
  assert.equal(at('```\ncode\nHERE'), 0, 'open');
  assert.equal(at('x\n~~~~\n```\nHERE'), 2, 'a backtick line does not close a tilde fence');
  assert.equal(at('````\n```\nHERE'), 0, 'a shorter run does not close');
  assert.equal(at('```\n`````\nHERE'), -1, 'a longer run closes');
  assert.equal(at('```\n``` go\nHERE'), 0, 'a closer has nothing after it');
  assert.equal(at('``` a`b\nHERE'), -1, 'a backtick info string with a backtick opens nothing');
  assert.equal(at('    ```\nHERE'), -1, 'four spaces in: indented code, no fence');
});
