/**
 * The CLI and the scripts work from a checkout whose path has a space and non-ASCII characters (issue 8): the
 * project's code is copied to such a folder (node_modules linked) and run from there. Before `import.meta.main`, the
 * entry check compared `import.meta.url` with `file://${argv[1]}` and `atlas check` printed nothing, exiting 0.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from '../support/temp-dir.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
let work: string;
let checkout: string;

before(() => {
  work = tempDir('any-path');
  checkout = join(work, 'my projects', 'Concept Atlas – 概念 ü');
  for (const dir of ['electron', 'scripts']) cpSync(join(repo, dir), join(checkout, dir), { recursive: true });
  cpSync(join(repo, 'package.json'), join(checkout, 'package.json'));
  cpSync(join(repo, 'tests/fixtures/cli-basic'), join(checkout, 'vault with space'), { recursive: true });
  symlinkSync(join(repo, 'node_modules'), join(checkout, 'node_modules'), 'dir');
});
after(() => rmSync(work, { recursive: true, force: true }));

function run(script: string, ...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(checkout, script), ...args], { encoding: 'utf8', cwd: checkout });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

test('atlas check runs and reports from a path with a space and non-ASCII characters', () => {
  const r = run('electron/cli/atlas.ts', 'check', 'vault with space', '--db', join(work, 'atlas.db'), '--json');
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout) as { unresolved: unknown[]; orphans: string[]; cycles: unknown[] };
  assert.ok(Array.isArray(report.unresolved) && report.unresolved.length > 0, 'the fixture has unresolved links');
  assert.ok(Array.isArray(report.cycles));
});

test('atlas without --json prints its report there too; a bad option is a one-line error', () => {
  const r = run('electron/cli/atlas.ts', 'check', 'vault with space', '--db', join(work, 'atlas.db'));
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^unresolved links: \d+/m);
  const bad = run('electron/cli/atlas.ts', 'check', 'vault with space', '--nope');
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /^atlas check: .*--nope/);
});

test('the vault generator runs from there too', () => {
  const out = join(work, 'generated ü');
  const r = run('scripts/generate-vault.ts', out, '--notes', '3');
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /generated 3 notes/);
  assert.ok(existsSync(out));
});
