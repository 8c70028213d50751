/**
 * tests/support/temp-dir.ts: a `tempDir` folder is gone once its process exits (normally or by process.exit), even with
 * a folder and a file locked by chmod 000 inside; `removeTree` never throws.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { removeTree, tempDir } from './temp-dir.ts';

const helper = new URL('./temp-dir.ts', import.meta.url).href;

function childMakes(body: string): string {
  const script = `
    import fs from 'node:fs';
    import path from 'node:path';
    import { tempDir } from ${JSON.stringify(helper)};
    const dir = tempDir('self-test');
    ${body}
    console.log(dir);
  `;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.equal(r.stderr, '');
  return r.stdout.trim().split('\n')[0];
}

test('a tempDir folder is named atlas-<name>-* in os.tmpdir() and is removed when its process exits', () => {
  const dir = childMakes(`fs.mkdirSync(path.join(dir, 'a', 'b'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'a', 'b', 'note.md'), '# x');`);
  assert.equal(path.dirname(dir), os.tmpdir());
  assert.match(path.basename(dir), /^atlas-self-test-/);
  assert.equal(fs.existsSync(dir), false);
});

test('removal at exit unlocks folders and files locked with chmod 000, and runs on process.exit too', () => {
  const dir = childMakes(`fs.mkdirSync(path.join(dir, 'locked', 'inner'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'locked', 'inner', 'secret.md'), 'x');
    fs.writeFileSync(path.join(dir, 'secret.md'), 'x');
    fs.chmodSync(path.join(dir, 'secret.md'), 0o000);
    fs.chmodSync(path.join(dir, 'locked', 'inner'), 0o000);
    fs.chmodSync(path.join(dir, 'locked'), 0o000);
    console.log(dir);
    process.exit(0);`);
  assert.equal(fs.existsSync(dir), false);
});

test('removeTree removes now, says whether the folder is gone and never throws', () => {
  const dir = tempDir('self-test');
  fs.writeFileSync(path.join(dir, 'f'), 'x');
  assert.equal(removeTree(dir), true);
  assert.equal(fs.existsSync(dir), false);
  assert.equal(removeTree(dir), true, 'a folder already gone');
  assert.equal(removeTree(path.join(dir, 'never', 'made')), true);
});
