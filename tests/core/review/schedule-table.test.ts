/**
 * The schedule table's forgetting curve gives the same numbers as ts-fsrs (`get_retrievability`) on random cards
 * in every state, reviewed at random times, read at random later (and earlier) times; the hand-written ISO reader
 * agrees with `Date.parse`.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createEmptyCard, fsrs, generatorParameters, Rating, type Grade } from 'ts-fsrs';
import {
  forgettingCurve,
  isoMs,
  retrievabilityOf,
  roundStability,
  scheduleTable,
} from '../../../electron/core/review/schedule-table.ts';
import { fromFsrsCard, toFsrsCard, type CardMemory } from '../../../electron/core/review/state.ts';
import { prng } from '../../../scripts/generate-vault.ts';

const DAY = 86_400_000;

test('retrievability from the table equals ts-fsrs get_retrievability (2,000 random cards, 5 read times each)', () => {
  const f = fsrs(generatorParameters({ enable_fuzz: false }));
  const curve = forgettingCurve(f.parameters.w);
  const rand = prng(7);
  const start = Date.UTC(2026, 0, 1, 8, 30);
  const ids: string[] = [];
  const memories: Record<string, CardMemory> = {};
  for (let i = 0; i < 2000; i++) {
    // a card with 0–6 reviews at random gaps (minutes to months) and random grades
    let t = start + Math.floor(rand() * 90 * DAY);
    let card = createEmptyCard(new Date(t));
    const reviews = Math.floor(rand() * 7);
    for (let k = 0; k < reviews; k++) {
      card = f.next(card, new Date(t), (1 + Math.floor(rand() * 4)) as Grade).card;
      t += Math.floor(rand() * (rand() < 0.3 ? 3_600_000 : 60 * DAY));
    }
    const id = `n${i % 50}.md#${i}`;
    ids.push(id);
    memories[id] = fromFsrsCard(card);
  }
  ids.push('never.md#x');
  const table = scheduleTable(ids, memories);
  let compared = 0;
  for (let i = 0; i < ids.length; i++) {
    const m = memories[ids[i]];
    for (let k = 0; k < 5; k++) {
      const now = start + Math.floor((rand() * 1.5 - 0.1) * 200 * DAY);
      const mine = retrievabilityOf(table, i, now, curve);
      if (!m || m.state === 'new') {
        assert.equal(mine, null);
        continue;
      }
      const theirs = f.get_retrievability(toFsrsCard(m, new Date(now)), new Date(now), false);
      assert.equal(mine, theirs, `card ${ids[i]} at ${new Date(now).toISOString()}`);
      compared++;
    }
    if (m) assert.equal(table.due[i], Date.parse(m.due));
  }
  assert.ok(compared > 5000, `compared ${compared}`);
  assert.equal(table.due[ids.length - 1], -1, 'a card without memory is due at once');
});

test('a card read exactly `stability` days after its review is at 90 %', () => {
  const f = fsrs(generatorParameters({ enable_fuzz: false }));
  const curve = forgettingCurve(f.parameters.w);
  const t0 = Date.UTC(2026, 2, 1);
  const card = f.next(createEmptyCard(new Date(t0)), new Date(t0), Rating.Easy).card;
  const m = { ...fromFsrsCard(card), stability: 12 };
  const table = scheduleTable(['a'], { a: m });
  assert.ok(Math.abs((retrievabilityOf(table, 0, t0 + 12 * DAY, curve) ?? 0) - 0.9) < 1e-6);
  assert.equal(retrievabilityOf(table, 0, t0 - DAY, curve), 1, 'before the review: no time elapsed');
});

test('isoMs reads toISOString output like Date.parse and hands other forms to it', () => {
  const rand = prng(3);
  for (let i = 0; i < 5000; i++) {
    const ms = Math.floor((rand() - 0.3) * 4e12);
    const s = new Date(ms).toISOString();
    if (s.length === 24) assert.equal(isoMs(s), ms, s);
  }
  for (const s of ['2026-03-01', '2026-03-01T09:00:00Z', '2026-03-01T09:00:00.000+01:00', '0050-01-01T00:00:00.000Z'])
    assert.equal(isoMs(s), Date.parse(s), s);
});

test('roundStability is +s.toFixed(8) (200,000 random stabilities and the half-way cases)', () => {
  const rand = prng(11);
  for (let i = 0; i < 200_000; i++) {
    const s = rand() ** 3 * 36_500 + 0.001;
    assert.equal(roundStability(s), +s.toFixed(8), String(s));
  }
  for (const s of [0.000000005, 1.000000005, 2.5e-9, 12.345678905, 36499.999999995])
    assert.equal(roundStability(s), +s.toFixed(8), String(s));
});
