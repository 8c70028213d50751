import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Element, Nodes } from 'hast';
import { RICH_MAX_CHARS, renderMarkdown } from './render.ts';

function elements(n: Nodes, out: Element[] = []): Element[] {
  if (n.type === 'element') out.push(n);
  if ('children' in n) for (const c of n.children) elements(c, out);
  return out;
}
function textOf(n: Nodes): string {
  if (n.type === 'text') return n.value;
  return 'children' in n ? n.children.map(textOf).join('') : '';
}

test('wiki links and embeds become marked links; code keeps them as text', () => {
  const r = renderMarkdown(
    'see [[通道|channel]], [[goroutine#Scheduling]] and ![[图.png]]\n\n`[[no]]`\n\n```\n[[nor this]]\n```\n',
  );
  const links = elements(r.tree!).filter((e) => e.tagName === 'a');
  assert.deepEqual(
    links.map((a) => [a.properties.dataWikilink, textOf(a), a.properties.className]),
    [
      ['通道|channel', 'channel', ['wikilink']],
      ['goroutine#Scheduling', 'goroutine > Scheduling', ['wikilink']],
      ['图.png', '图.png', ['wikilink', 'embed']],
    ],
  );
  assert.deepEqual(r.wikiLinks, ['通道|channel', 'goroutine#Scheduling', '图.png']);
  assert.ok(elements(r.tree!).some((e) => e.tagName === 'code' && textOf(e) === '[[no]]'));
});

test('raw HTML and javascript: links are dropped by the sanitiser', () => {
  const md =
    '<script>window.x=1</script>\n\n<img src=x onerror="window.x=2">\n\n[x](javascript:window.x=3) [ok](https://go.dev)\n\n<iframe src="https://e.com"></iframe>\n\nend <b onclick="y()">b</b>\n';
  const els = elements(renderMarkdown(md).tree!);
  assert.deepEqual(
    els.filter((e) => ['script', 'img', 'iframe'].includes(e.tagName)),
    [],
  );
  for (const e of els) {
    for (const k of Object.keys(e.properties)) assert.ok(!/^on/i.test(k), `no ${k} on <${e.tagName}>`);
  }
  const hrefs = els.filter((e) => e.tagName === 'a').map((e) => e.properties.href ?? null);
  assert.deepEqual(hrefs, [null, 'https://go.dev']);
});

test('frontmatter becomes properties, not text; bad YAML is left out without throwing', () => {
  const r = renderMarkdown('---\ntags: [go, 中文]\ntitle: 通道\n---\n# H\n');
  assert.deepEqual(r.properties, [
    { key: 'tags', values: ['go', '中文'] },
    { key: 'title', values: ['通道'] },
  ]);
  assert.equal(textOf(r.tree!).trim(), 'H');
  const bad = renderMarkdown('---\n: [\n---\nbody\n');
  assert.equal(bad.properties, null);
  assert.equal(textOf(bad.tree!).trim(), 'body');
});

const cls = (e: Element) => (Array.isArray(e.properties.className) ? e.properties.className.map(String) : []);

test('math is typeset by KaTeX, code with a language highlighted, mermaid left for the view', () => {
  const r = renderMarkdown(
    'Inline $x^2$ and\n\n$$\n\\frac{1}{3}\n$$\n\n```go\nfunc main() {}\n```\n\n```mermaid\ngraph TD\n A-->B\n```\n',
  );
  const els = elements(r.tree!);
  assert.ok(
    els.some((e) => cls(e).includes('katex')),
    'inline KaTeX',
  );
  assert.ok(
    els.some((e) => cls(e).includes('katex-display')),
    'display KaTeX',
  );
  assert.ok(
    els.some((e) => cls(e).includes('hljs-keyword') && textOf(e) === 'func'),
    'highlighted keyword',
  );
  const mermaid = els.find((e) => e.tagName === 'code' && cls(e).includes('language-mermaid'));
  assert.ok(
    mermaid && !els.some((e) => cls(e).some((c) => c.startsWith('hljs-')) && textOf(e).includes('graph')),
    'mermaid is not highlighted',
  );
});

test('callouts keep their type and fold; blocks carry their source line; an embed alone on a line is a block', () => {
  const r = renderMarkdown('# T\n\n> [!tip]- Folded\n> body\n\n![[Other note]]\n\npara ^blk\n', { lineOffset: 10 });
  const els = elements(r.tree!);
  const callout = els.find((e) => cls(e).includes('callout'))!;
  assert.equal(callout.properties.dataCallout, 'tip');
  assert.equal(callout.properties.dataCalloutFold, 'closed');
  assert.equal(els.find((e) => e.tagName === 'h1')!.properties.dataLine, 11);
  assert.equal(callout.properties.dataLine, 13);
  const block = els.find((e) => cls(e).includes('embed-block'))!;
  assert.equal(block.tagName, 'div');
  assert.equal(block.properties.dataLine, 16);
  assert.equal(els.find((e) => e.properties.dataBlockId === 'blk')?.tagName, 'p');
});

test('a note over the rich-rendering limit is not parsed', () => {
  const r = renderMarkdown('x'.repeat(RICH_MAX_CHARS + 1));
  assert.equal(r.plain, true);
  assert.equal(r.tree, null);
});

test('a single line break is a line break (Obsidian’s default), a space with strict line breaks', () => {
  const md = '第一行\nsecond line\n\n> [!note] T\n> one\n> two\n';
  const brs = (breaks?: boolean) =>
    elements(renderMarkdown(md, breaks === undefined ? {} : { breaks }).tree!).filter((e) => e.tagName === 'br').length;
  assert.equal(brs(), 2, 'in a paragraph and in a callout');
  assert.equal(brs(true), 2);
  assert.equal(brs(false), 0);
  // a hard break written with two spaces stays one either way
  assert.equal(elements(renderMarkdown('a  \nb', { breaks: false }).tree!).filter((e) => e.tagName === 'br').length, 1);
});

test('`$$x$$` alone on its line is display math (as Obsidian draws it); inside a sentence it stays inline', () => {
  const display = (md: string) =>
    elements(renderMarkdown(md).tree!).some((e) =>
      (e.properties?.className as string[] | undefined)?.includes('katex-display'),
    );
  assert.equal(display('Before\n\n$$x^2$$\n\nAfter\n'), true);
  assert.equal(display('Inline $$x^2$$ in a sentence.\n'), false);
  assert.equal(display('$x^2$\n'), false, 'a single dollar stays inline');
});

test('tasks: a custom status renders as a checked checkbox carrying data-task, as Obsidian', () => {
  const els = elements(renderMarkdown('- [/] half\n- [ ] open\n- [x] done\n- plain\n').tree!);
  const lis = els.filter((e) => e.tagName === 'li');
  assert.deepEqual(
    lis.map((li) => [li.properties.className ?? null, li.properties.dataTask ?? null]),
    [
      [['task-list-item', 'is-checked'], '/'],
      [['task-list-item'], ' '],
      [['task-list-item', 'is-checked'], 'x'],
      [null, null],
    ],
  );
  const boxes = els.filter((e) => e.tagName === 'input');
  assert.deepEqual(
    boxes.map((b) => [b.properties.type, b.properties.checked, b.properties.dataTask]),
    [
      ['checkbox', true, '/'],
      ['checkbox', false, ' '],
      ['checkbox', true, 'x'],
    ],
  );
});

test('inline footnotes: a numbered reference in order with the [^n] ones, the note listed among the footnotes', () => {
  const r = renderMarkdown('A[^1] then^[an inline [[Note]] note] end.\n\n[^1]: ordinary.\n');
  const els = elements(r.tree!);
  const refs = els.filter((e) => e.tagName === 'a' && e.properties.dataFootnoteRef !== undefined);
  assert.deepEqual(
    refs.map((a) => [textOf(a), a.properties.href]),
    [
      ['1', '#fn-1'],
      ['2', '#fn-inline-1'],
    ],
  );
  const items = els.find((e) => e.tagName === 'section')!.children.filter((c) => c.type === 'element');
  const list = items.find((e) => e.tagName === 'ol')!;
  const lis = list.children.filter((c): c is Element => c.type === 'element');
  assert.deepEqual(
    lis.map((li) => [li.properties.id, textOf(li).trim()]),
    [
      ['user-content-fn-1', 'ordinary. ↩'],
      ['user-content-fn-inline-1', 'an inline Note note ↩'],
    ],
  );
  assert.deepEqual(r.wikiLinks, ['Note']);
});
