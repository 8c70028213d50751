/**
 * Obsidian's inline footnotes `^[note]` (electron/core/markdown/inline-footnotes.ts): the raw tree's
 * `inlineFootnote` node with the note's inline content, the document tree's GFM footnotes (numbered with the `[^1]`
 * ones), what is no note, the editor's spans inside a note, and a bounded parse of unclosed `^[`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findSpans, parseBody, parseObsidian, type MdNode } from '../../../electron/core/markdown/index.ts';

const plain = (t: unknown) =>
  JSON.parse(JSON.stringify(t, (k, v) => (k === 'position' || k === 'data' ? undefined : v)));
const para = (md: string, gfm = false): MdNode[] => parseBody(md, gfm).children![0].children!;

test('the raw tree: ^[…] is an inlineFootnote node whose content is inline markdown', () => {
  const kids = para('Text^[see [[Note|n]], **b** and #tag] after.');
  assert.deepEqual(
    kids.map((k) => k.type),
    ['text', 'inlineFootnote', 'text'],
  );
  assert.equal(kids[0].value, 'Text');
  assert.deepEqual(
    kids[1].children!.map((k) => k.type),
    ['text', 'wikiLink', 'text', 'strong', 'text'],
  );
  // positions: the node covers `^[` … `]`; the text before it ends before the `^`
  const src = 'ab^[cd] e';
  const [a, note] = para(src);
  assert.deepEqual([a.position!.start.offset, a.position!.end.offset], [0, 2]);
  assert.equal(src.slice(note.position!.start.offset, note.position!.end.offset), '^[cd]');
  assert.equal(note.position!.start.column, 3);
});

test('what is no note: ^[], \\^[…], code, and a ^[ inside a note; balanced brackets and line breaks are part of one', () => {
  for (const md of ['x^[] y', 'x\\^[y]', '`^[x]`', 'x ^ [y]']) {
    assert.ok(!JSON.stringify(plain(parseBody(md, false))).includes('inlineFootnote'), md);
  }
  // `[`…`]` pairs inside, an escaped `\]`, a line break
  const note = para('a^[x [1] \\] y\nz] b')[1];
  assert.equal(note.type, 'inlineFootnote');
  assert.deepEqual(plain(note.children), [{ type: 'text', value: 'x [1] ] y\nz' }]);
  // a `^[` inside: the outer one is text, the inner one the note (no note inside a note)
  assert.deepEqual(
    para('^[a ^[b] c]').map((k) => [k.type, k.value ?? null]),
    [
      ['text', '^[a '],
      ['inlineFootnote', null],
      ['text', ' c]'],
    ],
  );
  // markdown-it-footnote's rule: `^[a](u)` is the note `a`, then `(u)`
  assert.deepEqual(
    para('^[a](u)').map((k) => k.type),
    ['inlineFootnote', 'text'],
  );
});

test('the document tree: each note becomes a footnoteReference with a definition, ids clear of the [^n] ones', () => {
  const tree = parseObsidian('One[^inline-1] two^[the note #t] three^[second].\n\n[^inline-1]: written.\n');
  const refs: string[] = [];
  const walk = (n: MdNode) => {
    if (n.type === 'footnoteReference') refs.push(n.identifier!);
    for (const c of n.children ?? []) walk(c);
  };
  walk(tree);
  assert.deepEqual(refs, ['inline-1', 'inline-2', 'inline-3']);
  const defs = tree.children!.filter((c) => c.type === 'footnoteDefinition');
  assert.deepEqual(
    defs.map((d) => [d.identifier, plain(d.children![0].children).map((c: MdNode) => c.type)]),
    [
      ['inline-1', ['text']],
      ['inline-2', ['text', 'tag']],
      ['inline-3', ['text']],
    ],
  );
});

test('the editor: links and tags inside a note are spans', () => {
  const text = 'See^[a [[Note#H|n]] and #tag] ok.';
  assert.deepEqual(
    findSpans(text).map((s) => [s.kind, s.raw]),
    [
      ['wiki', '[[Note#H|n]]'],
      ['tag', '#tag'],
    ],
  );
});

test('bounded: 100,000 unclosed ^[ parse in linear time (no note holds another)', () => {
  const best = (md: string) => {
    let ms = Infinity;
    for (let i = 0; i < 2; i++) {
      const t0 = performance.now();
      parseBody(md, false);
      ms = Math.min(ms, performance.now() - t0);
    }
    return ms;
  };
  const half = best('^['.repeat(50_000));
  const ms = best('^['.repeat(100_000));
  // the same count of `[` without a note anywhere: what micromark spends on brackets anyway
  const control = best('x['.repeat(100_000));
  console.log(
    `100,000 ^[: ${Math.round(ms)} ms (50,000: ${Math.round(half)} ms; 100,000 x[: ${Math.round(control)} ms)`,
  );
  // a scan to the end per `^[` (quadratic) takes minutes here
  assert.ok(ms < 5000, `took ${ms} ms`);
  assert.ok(ms < 4 * half + 200, `not linear: ${half} ms for half, ${ms} ms for all`);
  assert.ok(ms < 4 * control + 200, `${ms} ms against ${control} ms for brackets alone`);
  // a long unclosed note before a closed one: each character read by one failed attempt at most
  const t1 = performance.now();
  const kids = para(`${'^[ word '.repeat(20_000)}^[end]`);
  assert.equal(kids[kids.length - 1].type, 'inlineFootnote');
  assert.ok(performance.now() - t1 < 5000);
});
