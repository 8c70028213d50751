import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Element, Nodes } from 'hast';
import { renderMarkdown } from './render.ts';

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
  const r = renderMarkdown('see [[通道|channel]], [[goroutine#Scheduling]] and ![[图.png]]\n\n`[[no]]`\n\n```\n[[nor this]]\n```\n');
  const links = elements(r.tree).filter((e) => e.tagName === 'a');
  assert.deepEqual(links.map((a) => [a.properties.dataWikilink, textOf(a), a.properties.className]), [
    ['通道|channel', 'channel', ['wikilink']],
    ['goroutine#Scheduling', 'goroutine > Scheduling', ['wikilink']],
    ['图.png', '图.png', ['wikilink', 'embed']],
  ]);
  assert.deepEqual(r.wikiLinks, ['通道|channel', 'goroutine#Scheduling', '图.png']);
  assert.ok(elements(r.tree).some((e) => e.tagName === 'code' && textOf(e) === '[[no]]'));
});

test('raw HTML and javascript: links are dropped by the sanitiser', () => {
  const md = '<script>window.x=1</script>\n\n<img src=x onerror="window.x=2">\n\n[x](javascript:window.x=3) [ok](https://go.dev)\n\n<iframe src="https://e.com"></iframe>\n\nend <b onclick="y()">b</b>\n';
  const els = elements(renderMarkdown(md).tree);
  assert.deepEqual(els.filter((e) => ['script', 'img', 'iframe'].includes(e.tagName)), []);
  for (const e of els) {
    for (const k of Object.keys(e.properties)) assert.ok(!/^on/i.test(k), `no ${k} on <${e.tagName}>`);
  }
  const hrefs = els.filter((e) => e.tagName === 'a').map((e) => e.properties.href ?? null);
  assert.deepEqual(hrefs, [null, 'https://go.dev']);
});

test('frontmatter becomes properties, not text; bad YAML is left out without throwing', () => {
  const r = renderMarkdown('---\ntags: [go, 中文]\ntitle: 通道\n---\n# H\n');
  assert.deepEqual(r.properties, [['tags', 'go, 中文'], ['title', '通道']]);
  assert.equal(textOf(r.tree).trim(), 'H');
  const bad = renderMarkdown('---\n: [\n---\nbody\n');
  assert.equal(bad.properties, null);
  assert.equal(textOf(bad.tree).trim(), 'body');
});
