/**
 * Reads never block (issue 10, item 3): a note replaced by a FIFO between the scan and the read is reported as
 * unreadable instead of hanging the indexer, and readNote/writeNote on a FIFO answer at once. Runs in a child
 * process with a timeout, because a blocking read cannot be interrupted from inside.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempVault } from './helpers.ts';

const child = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fifo-child.ts');

test('a FIFO in place of a note: indexed as unreadable, readNote refuses it, nothing hangs', {
  skip: process.platform === 'win32',
}, () => {
  const { root, db, work } = tempVault();
  fs.writeFileSync(path.join(root, 'good.md'), '# Good\n\n[[swapped]]\n');
  fs.writeFileSync(path.join(root, 'swapped.md'), '# Swapped\n');
  execFileSync('mkfifo', [path.join(root, 'pipe.md')]);
  const out = JSON.parse(
    execFileSync(process.execPath, [child, root, db, path.join(work, 'b.db')], {
      encoding: 'utf8',
      timeout: 120_000, // a hang never ends; 120 s only bounds it (the child took 32 s of wall at load 30 for ~1.3 s of CPU)
    }).trim(),
  );
  assert.equal(out.swapped, true);
  assert.equal(out.good, 'good');
  assert.equal(out.problems.length, 1);
  assert.equal(out.problems[0].kind, 'unreadable');
  assert.match(out.problems[0].message, /ENOTREG/);
  assert.equal(out.readError, 'not-found');
  assert.equal(out.writeError, 'invalid-argument');
});
