import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LearningPlan, PlanStep } from '../../../electron/shared/api.ts';
import { keepLearned, withProgress } from '../../../renderer/src/learning/plan-merge.ts';

const step = (path: string, state: PlanStep['state'] = null, neededBy: string[] = []): PlanStep => ({
  path,
  title: path,
  level: 1,
  estimateMin: 5,
  neededBy,
  state,
});
const plan = (steps: PlanStep[]): LearningPlan => ({ target: 't', steps, totalMin: 0, cycles: [], unresolved: [] });

test('a re-computed plan keeps the ticked steps in their place so they can be unticked', () => {
  const shown = plan([step('a', 'learned', ['b']), step('b'), step('c', 'learned', ['t', 'gone']), step('t')]);
  const fresh = plan([step('b'), step('t')]);
  const merged = keepLearned(shown, fresh);
  assert.deepEqual(
    merged.steps.map((s) => [s.path, s.state]),
    [
      ['a', 'learned'],
      ['b', null],
      ['c', 'learned'],
      ['t', null],
    ],
  );
  assert.deepEqual(merged.steps[2].neededBy, ['t']);
  assert.equal(keepLearned(plan([step('x', 'learned'), step('t')]), { ...fresh, target: 'other' }).steps.length, 2);
});

test('progress events update step states', () => {
  const p = withProgress(plan([step('a'), step('t', 'learned')]), { a: 'learning' });
  assert.deepEqual(
    p.steps.map((s) => s.state),
    ['learning', null],
  );
});
