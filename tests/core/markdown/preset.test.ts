/**
 * The grammar's unified preset (electron/core/markdown): the Obsidian mdast of nodes.ts, on English and Chinese text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseObsidian, splitWiki, wikiData, type MdNode } from '../../../electron/core/markdown/index.ts';
import { parseNote } from '../../../electron/core/parse/index.ts';

function all(n: MdNode, type: string, out: MdNode[] = []): MdNode[] {
  if (n.type === type) out.push(n);
  for (const c of n.children ?? []) all(c, type, out);
  return out;
}

test('wiki target splitter: last heading, block, table escape, alias', () => {
  assert.deepEqual(splitWiki('a#B#C|x'), { target: 'a', heading: 'C', block: null, alias: 'x' });
  assert.deepEqual(splitWiki('Note#^blk'), { target: 'Note', heading: null, block: 'blk', alias: null });
  assert.deepEqual(splitWiki('通道\\|看这里'), { target: '通道', heading: null, block: null, alias: '看这里' });
  assert.deepEqual(wikiData('a#B#C')?.headingPath, ['B', 'C']);
  assert.deepEqual(wikiData('x.png|100x50', true)?.size, { width: 100, height: 50 });
  assert.deepEqual(wikiData('x.png|100', true)?.size, { width: 100 });
  assert.equal(wikiData('note|100', false)?.size, null);
  assert.equal(splitWiki(''), null);
});

test('callouts: type, title, fold, body; nested; not a callout without [!type]', () => {
  const tree = parseObsidian(
    '> [!Info]- 标题 *x*\n> body [[a]]\n\n> [!tip]\n> > [!warning]+ inner\n> > text\n\n> plain quote\n',
  );
  const callouts = all(tree, 'callout');
  assert.deepEqual(
    callouts.map((c) => [c.calloutType, c.title, c.fold]),
    [
      ['info', '标题 x', 'closed'],
      ['tip', '', null],
      ['warning', 'inner', 'open'],
    ],
  );
  assert.equal(callouts[0].children![0].type, 'calloutTitle');
  assert.equal(all(callouts[0], 'wikiLink').length, 1);
  assert.equal(all(tree, 'blockquote').length, 1);
});

test('block ids: after text, after an embed, alone after a block; the ^id is hidden', () => {
  const tree = parseObsidian('A claim. ^c1\n\n![[image.png]]^fig\n\n| a |\n|---|\n| b |\n\n^tbl\n\n- 列表 ^li\n');
  const ids = (n: MdNode, out: string[] = []): string[] => {
    if (n.data?.blockId) out.push(`${n.type}:${String(n.data.blockId)}`);
    for (const c of n.children ?? []) ids(c, out);
    return out;
  };
  assert.deepEqual(ids(tree), ['paragraph:c1', 'paragraph:fig', 'table:tbl', 'listItem:li']);
  assert.equal(
    all(tree, 'text').some((t) => (t.value ?? '').includes('^')),
    false,
  );
  const note = parseNote('n.md', '![[image.png]]^fig\n\ntext ^b2\n');
  assert.deepEqual(
    note.blocks.map((b) => [b.id, b.line]),
    [
      ['fig', 1],
      ['b2', 3],
    ],
  );
});

test('tags, highlights, comments, frontmatter closed by ...', () => {
  const tree = parseObsidian('---\ntags: [a]\n...\n#标签 and ==marked #x== `#no` %% [[hidden]] #nope %%\n');
  assert.equal(all(tree, 'yaml').length, 1);
  assert.deepEqual(
    all(tree, 'tag').map((t) => t.value),
    ['标签', 'x'],
  );
  assert.equal(all(tree, 'highlight').length, 1);
  assert.equal(all(tree, 'wikiLink').length, 0);
  assert.equal(tree.children![1].position!.start.line, 4);
});
