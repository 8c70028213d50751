/**
 * `%%` inside an indented code block is code (`printf("100%%")`), not an Obsidian comment opener that would hide
 * the rest of the note; indented lines inside a list item or a paragraph stay text, where `%%` still comments.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse, targets } from './helpers.ts';

test('%% in an indented code block does not open a comment', () => {
  const text = [
    'Intro [[before]]',
    '',
    '    printf("100%%\\n"); [[in-code]]',
    '',
    'After [[after]] #visible and [[通道]]',
    '',
  ].join('\n');
  assert.deepEqual(targets(text), ['before', 'after', '通道']);
  assert.deepEqual(parse(text).tags, ['visible']);
  assert.equal(parse(text).links.find((l) => l.target === 'after')?.line, 5);
});

test('indented code right after a closing fence is code too', () => {
  assert.deepEqual(targets('```\nx\n```\n    50%% [[c]]\n[[after]]\n'), ['after']);
});

test('indented lines in a list item or a paragraph are text: %% still comments there', () => {
  assert.deepEqual(targets('- item\n\n    list para %% [[hidden]] %% [[shown]]\n'), ['shown']);
  assert.deepEqual(targets('para\n    lazy %% [[hidden]] %% [[shown]]\n'), ['shown']);
  // a tab-indented line right after a paragraph line is a lazy continuation: its %% opens a comment to the end
  assert.deepEqual(targets('[[v]]\n\tcode %%\n[[gone]]\n'), ['v']);
});
