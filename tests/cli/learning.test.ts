/**
 * The learning commands of the `atlas` CLI run as child processes on a copy of tests/fixtures/learning-vault
 * (English and Chinese titles and aliases, alias prerequisites such as `[[协程]]`, an inline field, a cycle, an
 * unresolved prerequisite and a curated path).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from '../support/temp-dir.ts';

const repo = path.resolve(import.meta.dirname, '../..');
const fixture = path.join(repo, 'tests/fixtures/learning-vault');

function tempVault(): { vault: string; db: string } {
  const dir = tempDir('learning-cli');
  const vault = path.join(dir, 'vault');
  fs.cpSync(fixture, vault, { recursive: true });
  return { vault, db: path.join(dir, 'index.sqlite') };
}

function atlas(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [path.join(repo, 'electron/cli/atlas.ts'), ...args], {
    cwd: repo,
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function json(args: string[]): any {
  const r = atlas([...args, '--json']);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout);
}

test('plan --json: closure in topological order with levels, minutes, neededBy and unresolved prerequisites', () => {
  const { vault, db } = tempVault();
  const plan = json(['plan', vault, 'context', '--db', db]);
  assert.equal(plan.target, 'concurrency/context.md');
  assert.deepEqual(
    plan.steps.map((s: any) => s.title),
    ['Go language', 'process and thread', 'goroutine', '通道', 'select', 'context'],
  );
  assert.deepEqual(
    plan.steps.map((s: any) => s.level),
    [1, 1, 1, 1, 2, 2],
  );
  const byTitle = Object.fromEntries(plan.steps.map((s: any) => [s.title, s]));
  assert.equal(byTitle['process and thread'].estimateMin, 15);
  assert.equal(byTitle['通道'].estimated, true, 'no estimate property: derived from length');
  assert.deepEqual(byTitle['goroutine'].neededBy, ['concurrency/通道.md', 'concurrency/context.md']);
  assert.deepEqual(byTitle['通道'].neededBy, ['concurrency/select.md'], 'inline prerequisites:: field counts');
  assert.equal(
    plan.totalMin,
    plan.steps.reduce((n: number, s: any) => n + s.estimateMin, 0),
  );
  assert.deepEqual(plan.unresolved, ['cancellation tree']);
  assert.deepEqual(plan.cycles, []);
});

test('plan by Chinese alias with --known pruning, and a cycle reported while the plan is still produced', () => {
  const { vault, db } = tempVault();
  const plan = json(['plan', vault, '上下文', '--known', '协程', '--db', db]);
  assert.deepEqual(
    plan.steps.map((s: any) => s.path),
    ['concurrency/通道.md', 'concurrency/select.md', 'concurrency/context.md'],
  );
  const cyc = json(['plan', vault, 'sysmon', '--db', db]);
  assert.deepEqual(
    cyc.steps.map((s: any) => s.title),
    ['Go language', 'process and thread', 'goroutine', 'GMP model', 'preemption', 'scheduler loop', 'sysmon'],
  );
  assert.deepEqual(cyc.cycles, [['runtime/preemption.md', 'runtime/scheduler loop.md', 'runtime/sysmon.md']]);
});

test('plan human output is a numbered checklist; unknown target exits 1 with one line', () => {
  const { vault, db } = tempVault();
  const r = atlas(['plan', vault, 'select', '--db', db]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /1\. \[ \] Go language — L1 初级 junior, 10 min/);
  assert.match(r.stdout, /\[ \] select — L2 高级 senior, 25 min/);
  const bad = atlas(['plan', vault, 'no such concept', '--db', db]);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /no such concept/);
});

test('path --json: shortest chain preferring prerequisite links, each hop with kind, relation and context', () => {
  const { vault, db } = tempVault();
  const r = json(['path', vault, '进程与线程', 'channel', '--db', db]);
  assert.deepEqual(
    r.hops.map((h: any) => [h.from, h.to, h.kind, h.relation]),
    [
      ['concurrency/process and thread.md', 'concurrency/goroutine.md', 'property', 'prerequisites'],
      ['concurrency/goroutine.md', 'concurrency/通道.md', 'property', 'prerequisites'],
    ],
  );
  assert.match(r.hops[0].context, /\[\[进程与线程\]\]/);
  assert.match(r.hops[1].context, /\[\[协程\]\]/);
  const none = json(['path', vault, 'island', 'Go language', '--db', db]);
  assert.deepEqual(none.hops, []);
  assert.match(none.message, /no chain/);
});

test('learn and next: progress is stored in .atlas/progress.json and drives next up', () => {
  const { vault, db } = tempVault();
  const before = json(['next', vault, '--db', db]);
  assert.deepEqual(
    before.map((n: any) => [n.title, n.unlocks]),
    [
      ['Go language', 0],
      ['process and thread', 0],
    ],
  );

  assert.deepEqual(json(['learn', vault, 'Go语言', '--db', db]), { path: 'basics/Go language.md', state: 'learned' });
  assert.deepEqual(json(['learn', vault, 'island', '--learning', '--db', db]), {
    path: 'basics/island.md',
    state: 'learning',
  });
  const progress = JSON.parse(fs.readFileSync(path.join(vault, '.atlas/progress.json'), 'utf8'));
  assert.deepEqual(progress.notes, { 'basics/Go language.md': 'learned', 'basics/island.md': 'learning' });

  const after = json(['next', vault, '--db', db]);
  assert.deepEqual(
    after.map((n: any) => [n.title, n.unlocks]),
    [['process and thread', 1]],
  );
  const plan = json(['plan', vault, 'goroutine', '--db', db]);
  assert.deepEqual(
    plan.steps.map((s: any) => s.title),
    ['process and thread', 'goroutine'],
  );

  // The progress file survives an index rebuild (a fresh database).
  const fresh = json(['plan', vault, 'goroutine', '--db', `${db}.fresh`]);
  assert.deepEqual(
    fresh.steps.map((s: any) => s.title),
    ['process and thread', 'goroutine'],
  );

  assert.deepEqual(json(['learn', vault, 'basics/Go language.md', '--unlearn', '--db', db]), {
    path: 'basics/Go language.md',
    state: null,
  });
  assert.deepEqual(
    json(['next', vault, '--db', db]).map((n: any) => n.title),
    ['Go language', 'process and thread'],
  );
});

test('a damaged progress file makes the command fail with a clear message and is kept aside', () => {
  const { vault, db } = tempVault();
  fs.mkdirSync(path.join(vault, '.atlas'));
  fs.writeFileSync(path.join(vault, '.atlas/progress.json'), '{ not json');
  const r = atlas(['next', vault, '--db', db]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /damaged/);
  const kept = fs.readdirSync(path.join(vault, '.atlas')).filter((f) => f.startsWith('progress.json.damaged-'));
  assert.equal(kept.length, 1);
  assert.equal(fs.readFileSync(path.join(vault, '.atlas', kept[0]), 'utf8'), '{ not json');
});

test('path, next and learn human output; bad arguments exit 1 with one line', () => {
  const { vault, db } = tempVault();
  const p = atlas(['path', vault, 'select', 'GMP模型', '--db', db]);
  assert.equal(p.code, 0, p.stderr);
  assert.match(p.stdout, /select → GMP model: 2 hops/);
  assert.match(
    p.stdout,
    /通道 → GMP model {2}related \(property link\), backlink: GMP model links here, runtime\/GMP model\.md:6/,
  );
  const n = atlas(['next', vault, '--limit', '1', '--db', db]);
  assert.equal(n.code, 0, n.stderr);
  assert.match(n.stdout, /1\. \[ \] Go language — L1 初级 junior, 10 min, unlocks 0/);
  assert.doesNotMatch(n.stdout, /island/);
  const l = atlas(['learn', vault, '抢占', '--learning', '--db', db]);
  assert.equal(l.stdout.trim(), 'runtime/preemption.md: marked learning');
  for (const args of [
    ['learn', vault, 'nope'],
    ['learn', vault, 'island', '--learning', '--unlearn'],
    ['plan', vault, 'select', '--known', 'nope'],
    ['next', vault, '--limit', 'x'],
  ]) {
    const r = atlas([...args, '--db', db]);
    assert.equal(r.code, 1, args.join(' '));
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  }
});
