/**
 * The editor's cost on big vaults and long notes (#12), in Node with real CodeMirror states:
 * - the markdown syntax tree holds YAML frontmatter as a `Frontmatter` block (the grammar's findFrontmatter decides
 *   where it ends; an unclosed `---` is body text), and an edit at the end of a 1 MB note re-parses only the blocks
 *   around it (the nodes before it are reused: counted, not timed);
 * - `docText` builds a document's string once per version;
 * - the quick switcher's targets, prepared once per note list (switcher-index.ts), equal a fresh build and keep the
 *   targets of unchanged notes when the list is rebuilt.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { markdown } from '@codemirror/lang-markdown';
import { ensureSyntaxTree } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { frontmatterSyntax } from '../../renderer/src/editor/frontmatter-syntax.ts';
import { docText } from '../../renderer/src/editor/editor-buffer.ts';
import { targetsFor } from '../../renderer/src/palette/switcher-index.ts';
import { switcherTargets, type SwitcherNote } from '../../renderer/src/palette/switcher-search.ts';

const state = (doc: string) => EditorState.create({ doc, extensions: [markdown({ extensions: [frontmatterSyntax] })] });
const treeOf = (s: EditorState) => ensureSyntaxTree(s, s.doc.length, 1e9)!;
const topNodes = (s: EditorState) => {
  const names: string[] = [];
  const c = treeOf(s).cursor();
  if (c.firstChild())
    do names.push(c.name);
    while (c.nextSibling());
  return names;
};

test('frontmatter is one Frontmatter block with YAML inside, not a setext heading; unclosed --- is body text', () => {
  const s = state('---\ntitle: x\nk: v\n---\n# H\n\ntext\n');
  assert.deepEqual(topNodes(s), ['Frontmatter', 'ATXHeading1', 'Paragraph']);
  assert.match(treeOf(s).toString(), /Frontmatter\(FrontmatterMark,Stream\(Document\(BlockMapping/);
  // `...` closes it too (YAML's document end, as the grammar accepts)
  assert.deepEqual(topNodes(state('---\nk: v\n...\nbody\n')), ['Frontmatter', 'Paragraph']);
  // not at the start, or never closed: no frontmatter
  assert.ok(!topNodes(state('text\n---\nk: v\n---\n')).includes('Frontmatter'));
  assert.ok(!topNodes(state('---\nk: v\nno end\n')).includes('Frontmatter'));
});

test('an edit at the end of a 1 MB note keeps the syntax nodes before it (incremental parse)', () => {
  let doc = '---\naliases: [a]\n---\n# Huge\n\n';
  for (let i = 0; doc.length < 1 << 20; i++) doc += `Paragraph ${i} with **bold**, [[a link]] and \`code\`.\n\n`;
  let s = state(doc);
  const before = treeOf(s);
  s = s.update({ changes: { from: s.doc.length, insert: 'typed' } }).state;
  const after = treeOf(s);
  // the same node objects (reused fragments) cover the start: the first top-level blocks are identical
  const firstBlocks = (t: typeof before) => {
    const out: unknown[] = [];
    const c = t.cursor();
    c.firstChild();
    for (let i = 0; i < 3; i++, c.nextSibling()) out.push(`${c.name}@${c.from}-${c.to}`);
    return out;
  };
  assert.deepEqual(firstBlocks(after), firstBlocks(before));
  // reused, not re-parsed: the subtrees before the edit are the very objects of the tree before
  const leaves = (t: unknown, out = new Set<unknown>()) => {
    const kids = (t as { children?: unknown[] }).children;
    if (!kids) out.add(t);
    else for (const k of kids) leaves(k, out);
    return out;
  };
  const old = leaves(before);
  const now = [...leaves(after)];
  const reused = now.filter((b) => old.has(b)).length;
  assert.ok(reused >= now.length * 0.9, `${reused} of ${now.length} tree buffers reused`);
  assert.equal(after.length, before.length + 'typed'.length);
  assert.equal(topNodes(s)[0], 'Frontmatter');
});

test('docText joins a document once per version', () => {
  const s = state('a\nb\n');
  const t1 = docText(s.doc);
  assert.equal(t1, 'a\nb\n');
  assert.equal(docText(s.doc), t1);
  const s2 = s.update({ changes: { from: 0, insert: 'x' } }).state;
  assert.equal(docText(s2.doc), 'xa\nb\n');
});

test('switcher targets: prepared once per note list, equal to a fresh build, unchanged notes reused', () => {
  const notes: SwitcherNote[] = Array.from({ length: 500 }, (_, i) => ({
    path: `folder/note ${i}.md`,
    title: `note ${i}`,
    aliases: i % 7 === 0 ? [`别名 ${i}`] : [],
  }));
  const a = targetsFor(notes);
  assert.equal(targetsFor(notes), a, 'the same list: the same prepared targets');
  const fresh = switcherTargets(notes);
  assert.deepEqual(
    a.map((t) => `${t.kind}:${t.shown}:${t.fold}`),
    fresh.map((t) => `${t.kind}:${t.shown}:${t.fold}`),
  );
  // a new list (one note renamed, the rest new objects with the same content): unchanged notes keep their targets
  const next = notes.map((n, i) => (i === 3 ? { ...n, title: 'renamed' } : { ...n }));
  const b = targetsFor(next);
  const titleTarget = (ts: typeof a, path: string) => ts.find((t) => t.note.path === path && t.kind === 'title');
  assert.equal(titleTarget(b, 'folder/note 10.md'), titleTarget(a, 'folder/note 10.md'));
  assert.equal(titleTarget(b, 'folder/note 10.md')?.note, next[10], 'pointing at the new note object');
  assert.equal(titleTarget(b, 'folder/note 3.md')?.shown, 'renamed');
  assert.equal(b.length, a.length);
});
