import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyChange, readProperties, removeProperty, setProperty } from './frontmatter-edit.ts';

const NOTE = `---
title: Hello   # keep this comment
tags: [go, 'runtime']
level:   3
done: false
due: 2024-05-01
see: "[[channel]]"
list:
    - "[[a]]"
    - b
---
# Body
`;

function edit(text: string, c: ReturnType<typeof setProperty>) {
  assert.ok(c);
  return applyChange(text, c);
}
function changedLines(a: string, b: string): string[] {
  const x = a.split('\n');
  const y = b.split('\n');
  return y.filter((l, i) => x[i] !== l);
}

test('properties read with types', () => {
  const r = readProperties(NOTE);
  assert.equal(r.status, 'ok');
  if (r.status !== 'ok') return;
  assert.deepEqual(
    r.properties.map((p) => [p.key, p.type, p.value]),
    [
      ['title', 'text', 'Hello'],
      ['tags', 'list', ['go', 'runtime']],
      ['level', 'number', 3],
      ['done', 'checkbox', false],
      ['due', 'date', '2024-05-01'],
      ['see', 'link', '[[channel]]'],
      ['list', 'list', ['[[a]]', 'b']],
    ],
  );
});

test('setting a value changes only that line; the rest stays byte-for-byte', () => {
  const t1 = edit(NOTE, setProperty(NOTE, 'level', 4));
  assert.deepEqual(changedLines(NOTE, t1), ['level:   4']);
  assert.equal(t1.length, NOTE.length);
  const t2 = edit(NOTE, setProperty(NOTE, 'done', true));
  assert.deepEqual(changedLines(NOTE, t2), ['done: true']);
  const t3 = edit(NOTE, setProperty(NOTE, 'tags', ['go', 'sched']));
  assert.deepEqual(changedLines(NOTE, t3), ['tags: [go, sched]']);
  const t4 = edit(NOTE, setProperty(NOTE, 'see', '[[select]]'));
  assert.deepEqual(changedLines(NOTE, t4), ['see: "[[select]]"']);
  const t5 = edit(NOTE, setProperty(NOTE, 'title', 'A: colon'));
  assert.deepEqual(changedLines(NOTE, t5), ['title: "A: colon"   # keep this comment']);
  // a block list keeps its style and indentation
  const t6 = edit(NOTE, setProperty(NOTE, 'list', ['[[a]]', 'c']));
  assert.equal(t6, NOTE.replace('    - b', '    - c'));
});

test('adding and removing a property touch only their lines', () => {
  const added = edit(NOTE, setProperty(NOTE, 'new', 'x'));
  assert.equal(added, NOTE.replace('\n---\n# Body', '\nnew: x\n---\n# Body'));
  const removed = edit(NOTE, removeProperty(NOTE, 'list'));
  assert.equal(removed, NOTE.replace('list:\n    - "[[a]]"\n    - b\n', ''));
  const removed2 = edit(NOTE, removeProperty(NOTE, 'level'));
  assert.equal(removed2, NOTE.replace('level:   3\n', ''));
  assert.equal(
    edit('# Only body\n', setProperty('# Only body\n', 'tags', ['a'])),
    '---\ntags: [a]\n---\n# Only body\n',
  );
});

test('malformed YAML is reported and never edited', () => {
  const bad = '---\ntitle: [unclosed\n---\nbody\n';
  const r = readProperties(bad);
  assert.equal(r.status, 'error');
  assert.equal(setProperty(bad, 'title', 'x'), null);
  assert.equal(removeProperty(bad, 'title'), null);
});
