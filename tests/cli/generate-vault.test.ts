import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateVault } from '../../scripts/generate-vault.ts';
import { tempDir } from '../support/temp-dir.ts';

function files(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile())
      out.set(join(e.parentPath, e.name).slice(dir.length + 1), readFileSync(join(e.parentPath, e.name), 'utf8'));
  }
  return out;
}

test('the generator is deterministic and its prerequisites point only backwards', () => {
  const a = tempDir('gen-a');
  const b = tempDir('gen-b');
  try {
    generateVault(a, { notes: 120, seed: 7, prereqs: 3 });
    generateVault(b, { notes: 120, seed: 7, prereqs: 3 });
    const fa = files(a);
    assert.equal(fa.size, 120);
    assert.deepEqual(fa, files(b));
    const number = (title: string) => Number(/(\d{5})/.exec(title)?.[1]);
    let edges = 0;
    for (const [path, text] of fa) {
      const own = number(path);
      const pre = /^prerequisites: \[(.*)\]$/m.exec(text)?.[1] ?? '';
      for (const m of pre.matchAll(/\[\[([^\]]+)\]\]/g)) {
        edges++;
        assert.ok(number(m[1]) < own, `${path} lists a later note ${m[1]}`);
      }
    }
    assert.ok(edges > 250, `about 3 prerequisites per note, got ${edges}`);
  } finally {
    rmSync(a, { recursive: true, force: true });
    rmSync(b, { recursive: true, force: true });
  }
});

test('small-note options: --sections 1 notes are about a third the size, --chinese and --frontmatter shares apply', () => {
  const a = tempDir('gen-small');
  const b = tempDir('gen-default');
  try {
    generateVault(a, { notes: 400, seed: 3, prereqs: 0, sections: 1, chinese: 40, frontmatter: 50 });
    generateVault(b, { notes: 400, seed: 3, prereqs: 0 });
    const small = [...files(a).values()];
    const full = [...files(b).values()];
    const bytes = (xs: string[]) => xs.reduce((n, t) => n + Buffer.byteLength(t), 0);
    assert.ok(bytes(small) < bytes(full) / 2, `${bytes(small)} vs ${bytes(full)} bytes`);
    const share = (xs: string[], f: (t: string) => boolean) => xs.filter(f).length / xs.length;
    const withFm = share(small, (t) => t.startsWith('---\n'));
    assert.ok(withFm > 0.35 && withFm < 0.65, `frontmatter share ${withFm}`);
    assert.equal(
      share(full, (t) => t.startsWith('---\n')),
      1,
    );
    const chinese = share(small, (t) => /^# 概念/m.test(t));
    assert.ok(chinese > 0.3 && chinese < 0.5, `Chinese share ${chinese}`);
  } finally {
    rmSync(a, { recursive: true, force: true });
    rmSync(b, { recursive: true, force: true });
  }
});

test('the generator refuses a non-empty folder', () => {
  const dir = tempDir('gen-full');
  try {
    writeFileSync(join(dir, 'keep.md'), 'mine');
    assert.throws(() => generateVault(dir, { notes: 3, seed: 1, prereqs: 0 }), /non-empty/);
    assert.equal(readFileSync(join(dir, 'keep.md'), 'utf8'), 'mine');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
