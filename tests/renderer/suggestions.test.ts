import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SUGGESTION_CAP, suggestions } from '../../renderer/src/components/suggestions.ts';

const titles = Array.from({ length: 10_000 }, (_, i) => `concept ${String(i).padStart(5, '0')}`);

test('nothing typed: the first titles, at most the cap', () => {
  const got = suggestions(titles, '  ');
  assert.equal(got.length, SUGGESTION_CAP);
  assert.deepEqual(got, titles.slice(0, SUGGESTION_CAP));
});

test('typed text: titles containing it, case-insensitively, in order, capped', () => {
  assert.deepEqual(suggestions(titles, 'CONCEPT 0999'), titles.slice(9990, 10_000));
  assert.deepEqual(suggestions(['调度器', 'GMP 调度', 'channel'], '调度'), ['调度器', 'GMP 调度']);
  assert.equal(suggestions(titles, '1', 7).length, 7);
  assert.deepEqual(suggestions(titles, 'nothing like it'), []);
});
