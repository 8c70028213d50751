import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventKey, formatShortcut, normalizeShortcut } from './keys.ts';

test('shortcuts normalise to Mod, Alt, Shift, key order with the key lower-cased', () => {
  assert.equal(normalizeShortcut('Shift+Mod+P'), 'Mod+Shift+p');
  assert.equal(normalizeShortcut('Mod+,'), 'Mod+,');
  assert.equal(normalizeShortcut('Alt+ArrowLeft'), 'Alt+ArrowLeft');
  assert.equal(normalizeShortcut('Ctrl+Alt+ArrowRight'), 'Mod+Alt+ArrowRight');
});

test('the physical key decides for letters and punctuation, whatever Shift made of it', () => {
  assert.equal(eventKey({ key: 'P', code: 'KeyP' }), 'p');
  assert.equal(eventKey({ key: '<', code: 'Comma' }), ',');
  assert.equal(eventKey({ key: 'ArrowLeft', code: 'ArrowLeft' }), 'ArrowLeft');
  assert.equal(eventKey({ key: 'F2', code: 'F2' }), 'F2');
});

test('shortcuts are shown as Ctrl+Shift+P off macOS', () => {
  assert.equal(formatShortcut('Mod+Shift+P'), 'Ctrl+Shift+P');
  assert.equal(formatShortcut('Mod+Alt+ArrowLeft'), 'Ctrl+Alt+←');
});
