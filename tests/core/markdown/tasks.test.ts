/**
 * Obsidian's tasks with custom statuses (electron/core/markdown/tasks.ts): any one character between the brackets
 * makes a list item a task, checked unless it is a space, with the character kept as `data.task`; Live Preview's
 * marks carry it; a toggle writes `x` for an open task and a space for any other.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseObsidian, previewIn, toggledTaskStatus, type MdNode } from '../../../electron/core/markdown/index.ts';

const items = (md: string): MdNode[] => {
  const out: MdNode[] = [];
  const walk = (n: MdNode) => {
    if (n.type === 'listItem') out.push(n);
    for (const c of n.children ?? []) walk(c);
  };
  walk(parseObsidian(md));
  return out;
};

test('tasks: any single character between the brackets is a status; a space is open', () => {
  const md = '- [ ] open\n- [x] done\n- [X] DONE\n- [/] half\n- [-] dropped\n* [>] later\n+ [!] note\n1. [?] ask\n';
  assert.deepEqual(
    items(md).map((li) => [li.checked, li.data?.task]),
    [
      [false, ' '],
      [true, 'x'],
      [true, 'X'],
      [true, '/'],
      [true, '-'],
      [true, '>'],
      [true, '!'],
      [true, '?'],
    ],
  );
  // the check is cut from the item's text, as GFM's is
  const first = items('- [/] half **b**\n')[0].children![0];
  assert.equal(first.children![0].value, 'half ');
});

test('tasks: what is no task stays a plain item', () => {
  for (const md of [
    '- [ab] two characters\n',
    '- [] empty\n',
    '- [/]no space after\n',
    '- [[link]] a link\n',
    '- text [/] later in the line\n',
    '- [/]\n',
  ]) {
    const li = items(md)[0];
    assert.equal(li.checked ?? null, null, md);
    assert.equal(li.data?.task, undefined, md);
  }
  // nested: a task in a quote and in a sub-list
  assert.deepEqual(
    items('> - [/] in a quote\n\n- a\n  - [-] nested\n').map((li) => li.data?.task ?? null),
    ['/', null, '-'],
  );
});

test('tasks: a wiki link or tag right after a custom status is still read', () => {
  const li = items('- [>] see [[Note]] #later\n')[0];
  const kinds = li.children![0].children!.map((c) => c.type);
  assert.deepEqual(kinds, ['text', 'wikiLink', 'text', 'tag']);
});

test('previewIn: a custom status is a task mark with its character', () => {
  const text = 'intro\n\n- [/] half\n- [ ] open\n1. [-] gone\n';
  const tasks = previewIn(text, 0, text.length).marks.filter((m) => m.kind === 'task');
  assert.deepEqual(
    tasks.map((m) => [text.slice(m.hide[0][0], m.hide[0][1]), m.checked, m.status, text[m.box!]]),
    [
      ['- [/] ', true, '/', '/'],
      ['- [ ] ', false, ' ', ' '],
      ['1. [-] ', true, '-', '-'],
    ],
  );
});

test('toggledTaskStatus: open → x; done or custom → open (Obsidian)', () => {
  assert.equal(toggledTaskStatus(' '), 'x');
  for (const c of ['x', 'X', '/', '-', '>', '?']) assert.equal(toggledTaskStatus(c), ' ');
});
