/**
 * The schedule of every card at a glance, without ts-fsrs in the loop (practice, #15: listing the due cards of
 * 10,000 cards in a few ms).
 *
 * `scheduleTable` turns the stored memories (ISO strings) into typed arrays once per review state object (the store
 * hands out the same object until the file changes); `retrievabilityAt` is FSRS's forgetting curve evaluated as
 * ts-fsrs evaluates it, so a tight loop over the arrays gives the same numbers as `FSRS.get_retrievability`
 * (tests/core/review/schedule-table.test.ts checks them against ts-fsrs on random cards):
 *
 *   R(t, S) = (1 + F · t / S)^(−w20),  F = 0.9^(−1 / w20) − 1   (FSRS-6; w20 = 0.1542 by default)
 *
 * with t the whole days elapsed since the last review (floor, never negative: ts-fsrs's `date_diff(now, last,
 * 'days')`), S the stability in days rounded to 8 decimals, and R rounded to 8 decimals; F is ts-fsrs's
 * `computeDecayFactor`. Source: the FSRS algorithm (open-spaced-repetition, "The Algorithm" wiki, FSRS-6) and
 * ts-fsrs 5's `forgetting_curve` / `get_retrievability`. By construction R(S, S) = 0.9: the stability is the number
 * of days after which recall falls to 90 %.
 */
import { computeDecayFactor } from 'ts-fsrs';
import type { CardMemory } from './state.ts';

const DAY_MS = 86_400_000;

/** Decay (−w20) and factor F of the forgetting curve for FSRS parameters `w` (ts-fsrs `computeDecayFactor`). */
export interface ForgettingCurve {
  decay: number;
  factor: number;
}

export function forgettingCurve(w: readonly number[]): ForgettingCurve {
  return computeDecayFactor(w as number[]);
}

/** Whole days from `lastMs` to `nowMs` (floor), never negative: the `t` of the forgetting curve as ts-fsrs reads it. */
export function elapsedDays(nowMs: number, lastMs: number): number {
  return Math.max(0, Math.floor((nowMs - lastMs) / DAY_MS));
}

/** R(t, S) rounded to 8 decimals as ts-fsrs rounds it; `stability` already rounded to 8 decimals (`roundStability`). */
export function retrievabilityAt(days: number, stability: number, c: ForgettingCurve): number {
  return Math.round((1 + (c.factor * days) / stability) ** c.decay * 1e8) / 1e8;
}

/**
 * The stability as ts-fsrs's `get_retrievability` reads it, `+s.toFixed(8)`, computed as `round(s·1e8) / 1e8`:
 * both are the double nearest to n / 1e8 for the same integer n unless s·1e8 lies within 0.01 of a half (the product's
 * rounding error is far smaller for stabilities up to ts-fsrs's 36,500 days), where `toFixed` decides.
 */
export function roundStability(s: number): number {
  const x = s * 1e8;
  return Math.abs(x - Math.floor(x) - 0.5) < 0.01 ? +s.toFixed(8) : Math.round(x) / 1e8;
}

/**
 * Milliseconds of an ISO time. The form `toISOString` writes (`YYYY-MM-DDTHH:MM:SS.sssZ`, all review.json holds when
 * written by us) is read by hand, about ten times faster than `Date.parse`; any other form goes to `Date.parse`.
 */
export function isoMs(s: string): number {
  if (s.length !== 24 || s.charCodeAt(23) !== 90 /* Z */ || s.charCodeAt(10) !== 84 /* T */) return Date.parse(s);
  const d = (i: number) => s.charCodeAt(i) - 48;
  const year = d(0) * 1000 + d(1) * 100 + d(2) * 10 + d(3);
  const ms = Date.UTC(
    year,
    d(5) * 10 + d(6) - 1,
    d(8) * 10 + d(9),
    d(11) * 10 + d(12),
    d(14) * 10 + d(15),
    d(17) * 10 + d(18),
    d(20) * 100 + d(21) * 10 + d(22),
  );
  // Date.UTC maps years 0–99 to 1900+; out-of-range digits give a wrong but finite value: let Date.parse decide
  return Number.isNaN(ms) || year < 100 ? Date.parse(s) : ms;
}

/** The schedule of a list of cards, index by index. */
export interface ScheduleTable {
  /** Due time (ms); -1 for a card without memory (a new card, due at once). */
  readonly due: Float64Array;
  /** Last review (ms); NaN for a card never reviewed (state `new` or no last review): it has no retrievability. */
  readonly last: Float64Array;
  /** Stability in days, rounded as ts-fsrs reads it. */
  readonly stability: Float64Array;
}

/** The schedule table of `ids` (card ids, in the order wanted) from stored memories. O(n). */
export function scheduleTable(ids: readonly string[], memories: Readonly<Record<string, CardMemory>>): ScheduleTable {
  const n = ids.length;
  const due = new Float64Array(n);
  const last = new Float64Array(n);
  const stability = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const m = memories[ids[i]];
    if (!m) {
      due[i] = -1;
      last[i] = Number.NaN;
      continue;
    }
    due[i] = isoMs(m.due);
    last[i] = m.state === 'new' || !m.lastReview ? Number.NaN : isoMs(m.lastReview);
    stability[i] = roundStability(m.stability);
  }
  return { due, last, stability };
}

/** Retrievability of card `i` of `t` at `nowMs`; null for a card never reviewed. */
export function retrievabilityOf(t: ScheduleTable, i: number, nowMs: number, c: ForgettingCurve): number | null {
  const last = t.last[i];
  if (Number.isNaN(last)) return null;
  return retrievabilityAt(elapsedDays(nowMs, last), t.stability[i], c);
}
