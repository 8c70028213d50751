/**
 * The learning service over the real index (AtlasIndex, SQLite) on a copy of tests/fixtures/learning-vault.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { AtlasIndex } from '../../../electron/core/index/atlas-index.ts';
import { createLearningService, LearningError, ProgressFileError } from '../../../electron/core/learning/index.ts';
import { VaultQuery } from '../../../electron/core/query/vault-query.ts';
import { tempDir } from '../../support/temp-dir.ts';

const fixture = path.resolve(import.meta.dirname, '../../fixtures/learning-vault');

async function openFixture() {
  const dir = tempDir('learning-svc');
  const vault = path.join(dir, 'vault');
  fs.cpSync(fixture, vault, { recursive: true });
  const index = await AtlasIndex.open({ vaultRoot: vault, dbPath: path.join(dir, 'index.sqlite'), workers: 0 });
  await index.sync();
  return { vault, index, service: createLearningService(new VaultQuery(index)) };
}

test('curated path: body links in line order, de-duplicated, property links excluded', async () => {
  const { index, service } = await openFixture();
  try {
    const paths = service.curatedPaths();
    assert.equal(paths.length, 1);
    assert.equal(paths[0].path, 'paths/Go concurrency path.md');
    assert.deepEqual(
      paths[0].steps.map((s) => s.path),
      [
        'basics/Go language.md',
        'concurrency/goroutine.md',
        'concurrency/通道.md',
        'concurrency/select.md',
        'concurrency/context.md',
      ],
    );
  } finally {
    index.close();
  }
});

test('prerequisite report: the runtime cycle and the missing prerequisite', async () => {
  const { index, service } = await openFixture();
  try {
    const r = service.prerequisiteReport();
    assert.deepEqual(r.cycles, [['runtime/preemption.md', 'runtime/sysmon.md', 'runtime/scheduler loop.md']]);
    assert.deepEqual(r.missingPrerequisites, [{ source: 'concurrency/context.md', raw: '[[cancellation tree]]' }]);
  } finally {
    index.close();
  }
});

test('the graph is cached per index version and rebuilt after a change', async () => {
  const { vault, index, service } = await openFixture();
  try {
    const g1 = service.graph();
    assert.equal(service.graph(), g1);
    assert.deepEqual(
      service.plan('select').steps.map((s) => s.title),
      ['Go language', 'process and thread', 'goroutine', '通道', 'select'],
    );
    fs.writeFileSync(
      path.join(vault, 'concurrency/select.md'),
      '---\nlevel: 高级\nprerequisites: ["[[Mutex]]"]\n---\n# select\n',
    );
    await index.update(['concurrency/select.md']);
    assert.notEqual(service.graph(), g1);
    assert.deepEqual(
      service.plan('select').steps.map((s) => s.title),
      ['Go language', 'process and thread', 'goroutine', 'Mutex', 'select'],
    );
  } finally {
    index.close();
  }
});

test('progress by alias, unknown notes and a damaged progress file', async () => {
  const { vault, index, service } = await openFixture();
  try {
    assert.equal(service.setProgress('协程', 'learned'), 'concurrency/goroutine.md');
    assert.deepEqual(service.progress(), { 'concurrency/goroutine.md': 'learned' });
    assert.deepEqual(
      service.plan('通道').steps.map((s) => s.path),
      ['concurrency/通道.md'],
    );
    assert.throws(
      () => service.plan('nothing like this'),
      (e) => e instanceof LearningError && e.code === 'not-found',
    );
    assert.throws(
      () => service.setProgress('协程', 'mastered' as never),
      (e) => e instanceof LearningError && e.code === 'invalid-argument',
    );
    // An entry for a note that no longer exists is kept and can still be cleared.
    service.setProgress('basics/island.md', 'learning');
    fs.rmSync(path.join(vault, 'basics/island.md'));
    await index.update(['basics/island.md']);
    assert.equal(service.progress()['basics/island.md'], 'learning');
    service.setProgress('basics/island.md', null);
    assert.equal(service.progress()['basics/island.md'], undefined);

    fs.writeFileSync(path.join(vault, '.atlas/progress.json'), '{"version": 1, "notes": ');
    assert.throws(() => service.nextUp(), ProgressFileError);
    assert.ok(fs.readdirSync(path.join(vault, '.atlas')).some((f) => f.startsWith('progress.json.damaged-')));
  } finally {
    index.close();
  }
});
