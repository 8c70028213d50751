/** The grade buttons' interval labels (renderer/src/review/intervals.ts). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { intervalLabel } from '../../renderer/src/review/intervals.ts';

test('interval labels: minutes, hours, days, months, years', () => {
  const MIN = 60_000;
  const DAY = 1440 * MIN;
  assert.equal(intervalLabel(-5), '1 min');
  assert.equal(intervalLabel(MIN), '1 min');
  assert.equal(intervalLabel(10 * MIN), '10 min');
  assert.equal(intervalLabel(90 * MIN), '2 h');
  assert.equal(intervalLabel(DAY), '1 d');
  assert.equal(intervalLabel(29 * DAY), '29 d');
  assert.equal(intervalLabel(45 * DAY), '1.5 mo');
  assert.equal(intervalLabel(400 * DAY), '1.1 y');
});
