import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ProgressFileError, ProgressStore } from '../../../electron/core/learning/progress.ts';
import { tempDir } from '../../support/temp-dir.ts';

function tempVault(): string {
  return tempDir('progress');
}

test('progress round-trips through .atlas/progress.json, keeping entries of notes that no longer exist', () => {
  const vault = tempVault();
  const store = new ProgressStore(vault);
  assert.deepEqual(store.read(), {});
  store.set('concurrency/goroutine.md', 'learned');
  store.set('并发/通道.md', 'learning');
  store.set('gone.md', 'learned');
  store.set('并发/通道.md', null);
  assert.deepEqual(store.read(), { 'concurrency/goroutine.md': 'learned', 'gone.md': 'learned' });
  const onDisk = JSON.parse(fs.readFileSync(path.join(vault, '.atlas', 'progress.json'), 'utf8'));
  assert.deepEqual(onDisk, { version: 1, notes: { 'concurrency/goroutine.md': 'learned', 'gone.md': 'learned' } });
});

test('writes are atomic: temp file + rename, no temp file left, a failed write keeps the old file', () => {
  const vault = tempVault();
  const store = new ProgressStore(vault);
  store.write({ 'a.md': 'learned' });
  const dir = path.join(vault, '.atlas');
  assert.deepEqual(fs.readdirSync(dir), ['progress.json']);
  const before = fs.statSync(store.file).ino;
  store.write({ 'a.md': 'learned', 'b.md': 'learning' });
  assert.notEqual(fs.statSync(store.file).ino, before, 'replaced by rename, not rewritten in place');
  assert.deepEqual(fs.readdirSync(dir), ['progress.json']);

  // A directory where the file should be makes the rename fail: the temp file is removed, nothing else changes.
  const vault2 = tempVault();
  const store2 = new ProgressStore(vault2);
  fs.mkdirSync(store2.file, { recursive: true });
  fs.writeFileSync(path.join(store2.file, 'keep'), 'x');
  assert.throws(() => store2.write({ 'a.md': 'learned' }));
  assert.deepEqual(fs.readdirSync(path.join(vault2, '.atlas')), ['progress.json']);
  assert.equal(fs.readFileSync(path.join(store2.file, 'keep'), 'utf8'), 'x');
});

for (const [name, text] of [
  ['truncated JSON', '{"version": 1, "notes": {"a.md": "lea'],
  ['wrong state', '{"version": 1, "notes": {"a.md": "mastered"}}'],
  ['not an object', '[1, 2, 3]'],
] as const) {
  test(`a damaged progress file (${name}) is reported and kept aside, never silently reset`, () => {
    const vault = tempVault();
    const store = new ProgressStore(vault);
    fs.mkdirSync(path.dirname(store.file), { recursive: true });
    fs.writeFileSync(store.file, text);
    let error: unknown;
    try {
      store.read();
    } catch (e) {
      error = e;
    }
    assert.ok(error instanceof ProgressFileError, 'throws ProgressFileError');
    assert.match(error.message, /damaged/);
    assert.match(path.basename(error.keptAs), /^progress\.json\.damaged-\d{4}-\d\d-\d\dT/);
    assert.equal(fs.readFileSync(error.keptAs, 'utf8'), text, 'the damaged content is kept byte for byte');
    assert.equal(fs.existsSync(store.file), false);
    // Afterwards progress starts empty and a new write does not touch the kept file.
    assert.deepEqual(store.read(), {});
    store.set('b.md', 'learned');
    assert.equal(fs.readFileSync(error.keptAs, 'utf8'), text);
  });
}
