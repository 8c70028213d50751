import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GROUP_PALETTE, nextGroupColour } from './settings.ts';

test('a new group gets the first palette colour no group has, then the palette cycles', () => {
  assert.equal(nextGroupColour([]), GROUP_PALETTE[0]);
  assert.equal(nextGroupColour([GROUP_PALETTE[0].toUpperCase()]), GROUP_PALETTE[1]);
  // a group removed from the middle: its colour is offered again
  assert.equal(nextGroupColour([GROUP_PALETTE[0], GROUP_PALETTE[2]]), GROUP_PALETTE[1]);
  assert.equal(nextGroupColour(['#123456']), GROUP_PALETTE[0], 'a colour of its own does not count');
  assert.equal(
    nextGroupColour([...GROUP_PALETTE, '#000000']),
    GROUP_PALETTE[(GROUP_PALETTE.length + 1) % GROUP_PALETTE.length],
  );
});
