/**
 * `ChangeReports` (electron/services/change-reports.ts): an app write is reported once even when the watcher indexed
 * it first; watcher reports of later changes, of other paths, and outside mutations are never lost.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ChangeReports, type VaultChange } from '../../electron/services/change-reports.ts';

function setup() {
  const sent: VaultChange[] = [];
  return { sent, reports: new ChangeReports((e) => sent.push(e)) };
}

test('outside a mutation every report is emitted at once', () => {
  const { sent, reports } = setup();
  reports.watcher({ changed: ['a.md'], deleted: [] });
  reports.app({ changed: ['a.md'], deleted: [] });
  assert.deepEqual(sent, [
    { changed: ['a.md'], deleted: [] },
    { changed: ['a.md'], deleted: [] },
  ]);
});

test('the watcher seeing an app write first: one event, from the app; its other paths follow after the mutation', async () => {
  const { sent, reports } = setup();
  let midway: VaultChange[] = [];
  await reports.during(async () => {
    await Promise.resolve();
    reports.watcher({ changed: ['ref.md', 'other.md'], deleted: ['gone.md'] });
    reports.app({ changed: ['ref.md'], deleted: [] });
    midway = [...sent];
  });
  assert.deepEqual(midway, [{ changed: ['ref.md'], deleted: [] }], 'watcher reports wait for the mutation');
  assert.deepEqual(sent, [
    { changed: ['ref.md'], deleted: [] },
    { changed: ['other.md'], deleted: ['gone.md'] },
  ]);
});

test('a watcher report after the app reported the path is a later change and is kept', async () => {
  const { sent, reports } = setup();
  await reports.during(async () => {
    reports.app({ changed: ['a.md'], deleted: [] });
    reports.watcher({ changed: ['a.md'], deleted: [] });
  });
  assert.equal(sent.filter((e) => e.changed.includes('a.md')).length, 2);
});

test('only the same list is pruned; "anything changed" reports always pass; a rejected mutation releases too', async () => {
  const { sent, reports } = setup();
  await assert.rejects(
    reports.during(async () => {
      reports.watcher({ changed: ['a.md'], deleted: [] });
      reports.watcher({ changed: [], deleted: [] });
      reports.app({ changed: [], deleted: ['a.md'] });
      throw new Error('failed write');
    }),
    /failed write/,
  );
  assert.deepEqual(sent, [
    { changed: [], deleted: ['a.md'] },
    { changed: ['a.md'], deleted: [] },
    { changed: [], deleted: [] },
  ]);
});
