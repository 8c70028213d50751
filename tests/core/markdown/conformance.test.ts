/**
 * One conformance table of Obsidian-flavoured markdown (issue 9), English and Chinese, run through every consumer of
 * the grammar: the index's note parser, the reading view's remark → hast pipeline, the editor's link detection
 * (findSpans / linkAt), rename rewriting (rewriteWikiTarget + the service's applyLinkEdits, re-parsed), and
 * unlinked-mention linking (never inside a link, code, comment or math). Each row says what Obsidian reads; every
 * consumer must read exactly that.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Element, Nodes } from 'hast';
import {
  findSpans,
  linkAt,
  linkMentions,
  matchTerms,
  proseMask,
  rewriteWikiTarget,
  splitWiki,
} from '../../../electron/core/markdown/index.ts';
import { parseNote } from '../../../electron/core/parse/index.ts';
import { applyLinkEdits } from '../../../electron/services/link-rewrite.ts';
import { renderMarkdown } from '../../../renderer/src/markdown/render.ts';

interface Link {
  kind: 'wiki' | 'embed';
  target: string;
  heading: string | null;
  block: string | null;
  alias: string | null;
}
interface Row {
  name: string;
  md: string;
  links: Link[];
  tags?: string[];
  blocks?: string[];
  /** The text stays as written in the mention text (it is plain text to Obsidian too). */
  plain?: boolean;
}

const L = (target: string, more: Partial<Link> = {}): Link => ({
  kind: 'wiki',
  target,
  heading: null,
  block: null,
  alias: null,
  ...more,
});
const E = (target: string, more: Partial<Link> = {}): Link => L(target, { kind: 'embed', ...more });

const TABLE: Row[] = [
  { name: 'plain', md: 'See [[a]].', links: [L('a')] },
  { name: 'alias', md: 'See [[a|b]].', links: [L('a', { alias: 'b' })] },
  { name: 'heading', md: '[[a#h]]', links: [L('a', { heading: 'h' })] },
  { name: 'heading path: the last heading (Obsidian)', md: '[[a#h1#h2]]', links: [L('a', { heading: 'h2' })] },
  { name: 'heading path A#B', md: '[[Note#A#B]]', links: [L('Note', { heading: 'B' })] },
  { name: 'block link', md: '[[a#^b]]', links: [L('a', { block: 'b' })] },
  { name: 'block link Note#^blk', md: '[[Note#^blk]]', links: [L('Note', { block: 'blk' })] },
  { name: 'same-note heading', md: '[[#h]]', links: [L('', { heading: 'h' })] },
  { name: 'with .md', md: '[[a.md]]', links: [L('a.md')] },
  { name: 'spaces trimmed', md: '[[ a b ]]', links: [L('a b')] },
  { name: 'embed', md: '![[a]]', links: [E('a')] },
  { name: 'embed with width', md: '![[a.png|100]]', links: [E('a.png', { alias: '100' })] },
  { name: 'embed with size', md: '![[a.png|100x50]]', links: [E('a.png', { alias: '100x50' })] },
  { name: 'embed of a section', md: '![[a#Part]]', links: [E('a', { heading: 'Part' })] },
  { name: 'embed of a block', md: '![[Internal links#^b15695]]', links: [E('Internal links', { block: 'b15695' })] },
  {
    name: 'Chinese',
    md: '见[[通道]]与[[协程#调度|调度器]]。',
    links: [L('通道'), L('协程', { heading: '调度', alias: '调度器' })],
  },
  { name: 'Chinese embed', md: '![[图.png]]', links: [E('图.png')] },
  {
    name: 'table escape \\| (Chinese)',
    md: '| 名 | 值 |\n|---|---|\n| [[通道\\|看这里]] | 1 |\n',
    links: [L('通道', { alias: '看这里' })],
  },
  {
    name: 'table escape \\| with heading',
    md: '| a |\n|---|\n| [[Note#H\\|x]] |\n',
    links: [L('Note', { heading: 'H', alias: 'x' })],
  },
  { name: 'in inline code: none', md: 'a `[[x]]` b', links: [] },
  { name: 'in fenced code: none', md: '```\n[[x]] #tag\n```\n', links: [] },
  { name: 'in indented code: none', md: 'p\n\n    [[x]]\n', links: [] },
  { name: 'in %% comment: none', md: 'a %% [[x]] #t %% [[y]]', links: [L('y')] },
  { name: 'in a multi-line %% comment: none', md: 'a %%\n\n[[x]]\n\n%% b [[y]]', links: [L('y')] },
  { name: 'in an html comment: none', md: '<!-- [[x]] -->\n\n[[y]]', links: [L('y')] },
  { name: 'in inline math: none', md: 'math $[[x]]$ then [[y]]', links: [L('y')] },
  { name: 'in display math: none', md: '$$\n[[x]]\n$$\n\n[[y]]', links: [L('y')] },
  // a single `$` opens before a non-space and closes after one, not before a digit (Obsidian; Pandoc for the digit)
  { name: 'between dollar amounts: a link', md: 'It costs $5, see [[x]] for $10 more', links: [L('x')], plain: true },
  { name: 'between amounts on two lines: a link', md: 'pay $5 to\n[[x]] and $10', links: [L('x')], plain: true },
  { name: 'a range of amounts: a link', md: 'from $5-$10 [[x]]', links: [L('x')], plain: true },
  { name: 'after a dollar and a space: a link', md: '$ see [[x]] y$', links: [L('x')], plain: true },
  { name: 'frontmatter closed by ...', md: '---\ntitle: t\n...\n[[after]]\n', links: [L('after')] },
  { name: 'frontmatter closed by --- (Chinese)', md: '---\n标题: 通道\n---\n正文[[通道]]\n', links: [L('通道')] },
  { name: 'in a heading', md: '# Title [[x]]', links: [L('x')] },
  { name: 'in a callout', md: '> [!info] Title\n> body [[x]]', links: [L('x')] },
  { name: 'in a callout title', md: '> [!tip]- See [[x]]\n> body', links: [L('x')] },
  { name: 'in a highlight', md: '==[[x]]==', links: [L('x')] },
  {
    name: 'in an inline footnote',
    md: 'Text^[see [[x|y]] and #中文 ![[e]]] end',
    links: [L('x', { alias: 'y' }), E('e')],
    tags: ['中文'],
  },
  { name: 'in a task with a custom status', md: '- [/] see [[x]] #t', links: [L('x')], tags: ['t'] },
  { name: 'empty: plain text', md: '[[]] [[|x]]', links: [], plain: true },
  {
    name: 'tags',
    md: '#go and #标签/子 and #2024/01 but not a#b or #123 or #2024/',
    links: [],
    tags: ['go', '标签/子', '2024/01'],
  },
  {
    name: 'tags in emphasis, a highlight and a table cell, not glued to a word',
    md: '**#粗体** *#i* _#u_ ==#hl== and a*#no x=#no\n\n| a | b |\n|---|---|\n|#cell|x|\n',
    links: [],
    tags: ['粗体', 'i', 'u', 'hl', 'cell'],
  },
  { name: 'tag in code or comment: none', md: '`#a` %% #b %% #c', links: [], tags: ['c'] },
  {
    name: 'block ids',
    md: 'A claim. ^c1\n\n![[image.png]]^fig\n\n- 列表 ^li\n',
    links: [E('image.png')],
    blocks: ['c1', 'fig', 'li'],
  },
];

function elements(n: Nodes, out: Element[] = []): Element[] {
  if (n.type === 'element') out.push(n);
  if ('children' in n) for (const c of n.children) elements(c, out);
  return out;
}

const strip = (
  p: { target: string; heading: string | null; block: string | null; alias: string | null },
  kind: Link['kind'],
): Link => ({ kind, target: p.target, heading: p.heading, block: p.block, alias: p.alias });

/** The index: parseNote's wiki links and embeds, tags, block ids. */
function index(md: string) {
  const n = parseNote('n.md', md);
  const links = n.links
    .filter((l) => l.kind === 'wiki' || l.kind === 'embed')
    .map((l) => strip(l, l.kind as Link['kind']));
  return { links, tags: n.tags, blocks: n.blocks.map((b) => b.id) };
}

/** The reading view: the sanitised hast of renderMarkdown, read back through the grammar's splitter. */
function reading(md: string) {
  const els = elements(renderMarkdown(md).tree!);
  const links = els
    .filter((e) => e.tagName === 'a' && typeof e.properties.dataWikilink === 'string')
    .map((e) => {
      const embed = (e.properties.className as string[]).includes('embed');
      const parts = splitWiki(String(e.properties.dataWikilink));
      assert.ok(parts, `rendered link ${String(e.properties.dataWikilink)} names something`);
      return strip(parts, embed ? 'embed' : 'wiki');
    });
  const tags = els
    .filter((e) => e.tagName === 'a' && typeof e.properties.dataTag === 'string')
    .map((e) => String(e.properties.dataTag));
  const blocks = els
    .filter((e) => typeof e.properties.dataBlockId === 'string')
    .map((e) => String(e.properties.dataBlockId));
  return { links, tags: [...new Set(tags)], blocks };
}

/** The editor: findSpans, and linkAt in the middle of each span finds that span. */
function editor(md: string) {
  const spans = findSpans(md);
  for (const s of spans) {
    const hit = linkAt(md, (s.from + s.to) >> 1);
    assert.equal(hit?.raw, s.raw, `linkAt inside ${s.raw}`);
  }
  const links = spans
    .filter((s) => (s.kind === 'wiki' || s.kind === 'embed') && s.parts)
    .map((s) => strip(s.parts!, s.kind as Link['kind']));
  const tags = spans.filter((s) => s.kind === 'tag').map((s) => s.tag!);
  return { links, tags: [...new Set(tags)] };
}

/** Rename: every link rewritten to `Renamed` in place (as the service applies it) reads as the same link to Renamed. */
function rename(md: string) {
  const n = parseNote('n.md', md);
  const edits = n.links
    .filter((l) => (l.kind === 'wiki' || l.kind === 'embed') && l.target !== '')
    .map((l) => ({ line: l.line, raw: l.raw, replacement: rewriteWikiTarget(l.raw, 'Renamed')! }));
  const { content, missed } = applyLinkEdits(md, edits);
  assert.equal(missed, 0);
  return index(content).links;
}

/**
 * Mention linking: every word written inside the row's links (and `x`, `b`, `c`, `t`) linked as a mention of
 * another note leaves the row's links as they were; the index's mention text and the grammar's prose mask find the
 * same mentions.
 */
function mentionLinking(md: string, want: Link[]) {
  const words = new Set(['x', 'b', 'c', 't', 'y', 'a', 'h', 'Note', '通道', '调度']);
  for (const l of want) for (const w of [l.target, l.heading, l.block, l.alias]) if (w) words.add(w);
  const terms = [...words].map((term) => ({ term, owner: 'o' }));
  const r = linkMentions(md, terms, 'o', 'Zed');
  const kept = parseNote('n.md', r.text).links.filter(
    (l) => l.target !== 'Zed' && (l.kind === 'wiki' || l.kind === 'embed'),
  );
  assert.deepEqual(
    kept.map((l) => strip(l, l.kind as Link['kind'])),
    want,
    'mention linking keeps the links',
  );
  const viaIndex = matchTerms(parseNote('n.md', md).mentionText, terms).map((m) => m.text);
  const viaMask = matchTerms(proseMask(md).text, terms).map((m) => m.text);
  assert.deepEqual(viaMask, viaIndex, 'mentions: index mention text and prose mask agree');
}

for (const row of TABLE) {
  test(`conformance: ${row.name}`, () => {
    const want = row.links;
    const ix = index(row.md);
    assert.deepEqual(ix.links, want, 'index');
    const rv = reading(row.md);
    assert.deepEqual(rv.links, want, 'reading view');
    const ed = editor(row.md);
    assert.deepEqual(ed.links, want, 'editor');
    assert.deepEqual(
      rename(row.md),
      want.map((l) => (l.target === '' ? l : { ...l, target: 'Renamed' })),
      'rename',
    );
    // mention text (what unlinked mentions and "Link" read) has no link, code, comment or math left in it
    const mention = parseNote('n.md', row.md).mentionText;
    mentionLinking(row.md, want);
    if (!row.plain) assert.ok(!/\[\[|%%|`|\$/.test(mention), `mention text: ${JSON.stringify(mention)}`);
    if (row.tags) {
      assert.deepEqual(ix.tags, row.tags, 'index tags');
      assert.deepEqual(rv.tags, row.tags, 'reading view tags');
      assert.deepEqual(ed.tags, row.tags, 'editor tags');
    }
    if (row.blocks) {
      assert.deepEqual(ix.blocks, row.blocks, 'index blocks');
      assert.deepEqual(rv.blocks, row.blocks, 'reading view blocks');
    }
  });
}
