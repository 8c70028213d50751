import { test } from 'node:test';
import assert from 'node:assert/strict';
import { listToText, textToList } from './list-text.ts';

test('a list reads back from its text unchanged, items with commas included', () => {
  const cases: unknown[][] = [
    ['go', 'runtime'],
    ['Smith, John', 'Doe, Jane'],
    ['[[Target Note]]', '[[Note|alias, with comma]]'],
    ['say "hi"', ' padded '],
    [3, true, 'x', null],
    [{ a: 1, b: [2, 3] }, 'y'],
    [],
  ];
  for (const list of cases) assert.deepEqual(textToList(listToText(list), list), list, listToText(list));
});

test('plain items are shown bare, the others quoted', () => {
  assert.equal(listToText(['go', 'Smith, John', '[[a]]']), 'go, "Smith, John", [[a]]');
});

test('an edited line: new items are strings, kept items keep their type', () => {
  const before = [3, 'Smith, John'];
  assert.deepEqual(textToList(`${listToText(before)}, Roe, "Poe, Edgar"`, before), [
    3,
    'Smith, John',
    'Roe',
    'Poe, Edgar',
  ]);
  assert.deepEqual(textToList('a,, b ,', []), ['a', 'b']);
  // a stray quote is text, never an error
  assert.deepEqual(textToList('"open, b', []), ['"open', 'b']);
});
