/**
 * Keeps the sample vault `vault/` healthy: every link resolves, no prerequisite cycles, notes meet the writing rules,
 * and learning plans start where a learner should.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AtlasIndex } from '../../electron/core/index/atlas-index.ts';
import { createLearningService } from '../../electron/core/learning/index.ts';
import type { LearningService } from '../../electron/core/learning/engine-types.ts';

const vaultRoot = new URL('../../vault', import.meta.url).pathname;
let work: string;
let index: AtlasIndex;
let learning: LearningService;

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'atlas-sample-'));
  index = await AtlasIndex.open({ vaultRoot, dbPath: join(work, 'atlas.db') });
  await index.sync();
  learning = createLearningService(index);
});
after(() => {
  index?.close();
  rmSync(work, { recursive: true, force: true });
});

test('check reports no unresolved, ambiguous or broken links, no problems and no prerequisite cycles', () => {
  const report = index.check();
  assert.deepEqual(report.unresolved, []);
  assert.deepEqual(report.ambiguous, []);
  assert.deepEqual(report.brokenAnchors, []);
  assert.deepEqual(report.problems, []);
  const prereq = learning.prerequisiteReport();
  assert.deepEqual(prereq.cycles, []);
  assert.deepEqual(prereq.missingPrerequisites, []);
});

test('at least 100 concept notes, each with level, aliases, a Chinese summary, 150–600 words and 3+ links in its text', () => {
  const concepts = index.notes().filter((n) => n.properties.type !== 'path' && !n.tags.includes('moc'));
  assert.ok(concepts.length >= 100, `only ${concepts.length} concept notes`);
  const links = index.links();
  const bad: string[] = [];
  for (const note of concepts) {
    const info = index.noteInfo(note.path);
    if (!['初级', '高级', '资深', '专家'].includes(String(note.properties.level))) bad.push(`${note.path}: level`);
    if (note.aliases.length === 0) bad.push(`${note.path}: no aliases`);
    if (!info?.headings.some((h) => h.text === '中文摘要')) bad.push(`${note.path}: no 中文摘要`);
    if (note.words < 150 || note.words > 600) bad.push(`${note.path}: ${note.words} words`);
    const targets = new Set(links.filter((l) => l.source === note.path && l.kind !== 'property' && l.target && l.target !== note.path).map((l) => l.target));
    if (targets.size < 3) bad.push(`${note.path}: links ${targets.size} notes in its text`);
  }
  assert.deepEqual(bad, []);
});

test('a home note and at least four curated paths', () => {
  assert.ok(index.resolveNote('Go concept atlas'));
  const paths = learning.curatedPaths();
  assert.ok(paths.length >= 4, `only ${paths.length} curated paths`);
  for (const p of paths) assert.ok(p.steps.length >= 5 && p.steps.every((s) => s.path), `${p.path} has unresolved or too few steps`);
});

test('the plan for netpoller starts from goroutines, not from Kubernetes', () => {
  const plan = learning.plan('netpoller');
  const order = plan.steps.map((s) => s.title);
  assert.equal(order[order.length - 1], 'netpoller');
  assert.ok(order.includes('goroutine') && order.includes('GMP model') && order.includes('epoll'));
  assert.ok(order.indexOf('goroutine') < order.indexOf('GMP model'));
  assert.ok(!order.includes('Kubernetes') && !order.includes('Docker'));
  assert.deepEqual(plan.cycles, []);
  assert.deepEqual(plan.unresolved, []);
});

test('Chinese aliases reach their notes', () => {
  assert.equal(index.resolveLink('Go concept atlas.md', '通道'), 'concurrency/channel.md');
  assert.equal(index.resolveLink('Go concept atlas.md', '协程'), 'concurrency/goroutine.md');
  assert.ok(index.search('垃圾回收').some((h) => h.path === 'memory/garbage collection.md'));
});
