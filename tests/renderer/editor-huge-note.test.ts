/**
 * Huge notes in the editor (#12), with real CodeMirror states:
 * - over HUGE_NOTE_CHARS the markdown language is off (no syntax tree is built), and back once the note is short;
 * - Live Preview reads a long note around the visible range only (previewAround), with the same answer as the
 *   grammar's previewIn over the whole text (frontmatter, and a `---` rule where the window starts, included).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { markdown } from '@codemirror/lang-markdown';
import { language, syntaxTree } from '@codemirror/language';
import { EditorState, Text } from '@codemirror/state';
import { previewIn, SPAN_WINDOW } from '../../electron/core/markdown/index.ts';
import { BACK_UNDER_CHARS, HUGE_NOTE_CHARS, markdownUnlessHuge } from '../../renderer/src/editor/huge-note.ts';
import { previewAround } from '../../renderer/src/editor/preview-window.ts';

function body(chars: number, start = ''): string {
  let out = start;
  for (let i = 0; out.length < chars; i++)
    out += i % 25 === 7 ? '---\n\n' : `Para ${i} with **bold**, [[Note|alias]], #tag and \`code\`.\n\n`;
  return out;
}

test('the markdown language is off over HUGE_NOTE_CHARS, on again under BACK_UNDER_CHARS', () => {
  const ext = (len: number) => markdownUnlessHuge(markdown(), len);
  const small = EditorState.create({ doc: '# h\n', extensions: ext(4) });
  assert.ok(small.facet(language), 'a small note has the language');
  assert.equal(syntaxTree(small).topNode.name, 'Document');

  const big = body(HUGE_NOTE_CHARS + 10);
  let s = EditorState.create({ doc: big, extensions: ext(big.length) });
  assert.equal(s.facet(language), null, 'a huge note has none');
  assert.equal(syntaxTree(s).length, 0);
  // shrinking a little (still over the back-under limit): still none
  s = s.update({ changes: { from: 0, to: 20_000 } }).state;
  assert.equal(s.facet(language), null);
  // under it: back
  s = s.update({ changes: { from: 0, to: s.doc.length - BACK_UNDER_CHARS + 100 } }).state;
  assert.ok(s.doc.length < BACK_UNDER_CHARS);
  assert.ok(s.facet(language), 'the language is back');
  // growing a small note past the limit turns it off
  s = EditorState.create({ doc: 'x', extensions: ext(1) }).update({ changes: { from: 1, insert: big } }).state;
  assert.equal(s.facet(language), null);
});

test('Live Preview of a long note reads around the range, with the same marks and spans as the whole text', () => {
  const texts = [
    body(300_000, '# Title\n\n'),
    body(300_000, '---\naliases: [x]\ntags: [t]\n---\n'),
    // no closing fence: no frontmatter, the whole note is body
    body(300_000, '---\nnot: closed\n\n'),
  ];
  for (const text of texts) {
    const doc = Text.of(text.split('\n'));
    const at = [0, 40, 5_000, SPAN_WINDOW + 3, 150_000, text.length - 3_000];
    // a range starting right where a `---` rule line is (the read window then starts near one)
    const rule = text.indexOf('\n---\n', 100_000) + 1;
    at.push(rule + SPAN_WINDOW + 2, rule + SPAN_WINDOW + 1, rule + SPAN_WINDOW + 3);
    for (const from of at) {
      const to = Math.min(text.length, from + 4_000);
      assert.deepEqual(previewAround(doc, from, to), previewIn(text, from, to), `range ${from}-${to}`);
    }
  }
});
