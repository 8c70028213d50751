/**
 * `npm run -s bench:review [-- --cards 10000 --notes 2000 --runs 30]`: flashcard review speed (practice, #15).
 *
 * A synthetic vault in memory (no disk, so the machine's I/O does not blur the figures): `--notes` concepts with up to
 * 3 prerequisites each (a DAG), `--cards` cards spread over them, every card with an FSRS memory state (due dates
 * spread over ±30 days). Figures, each the median (p50) and p95 of `--runs` runs, in ms:
 *
 * - scheduleAndListDue (the "scheduling 10,000 cards and listing due cards ≤ 20 ms"): what opening the
 *   Review view costs the engine on a review state it has not seen yet (as after reading `.atlas/review.json` or a
 *   grade): the schedule of every card (due time and FSRS retrievability, schedule-table.ts), the due ones sorted
 *   and returned with their schedule, and the FSRS next states of the card shown (`preview`, four grades);
 * - listDueWarm: `ReviewEngine.cards({ due: true })` again on the same state (the table cached);
 * - before: the round-2 engine's way on the same cards, measured in the same run: ts-fsrs `next` for every card (the
 *   old "schedule" figure), then the due list with `Date.parse` and ts-fsrs `forgetting_curve` per card
 *   (`legacyListDue`, a copy of the old code); `speedup` = before / after;
 * - grade: one `ReviewEngine.grade` (FSRS + implicit credit along the prerequisites, in-memory store);
 * - baseline: `Date.parse` of every due date plus a sort of the due ones, measured in the same run (ratios to it
 *   say how far a figure is from that floor whatever the machine's load);
 * - read: parsing and validating a `.atlas/review.json` of that size (zod), once per run.
 * Each figure also gives `cpuP50`, the median CPU time of this process per run: on a machine shared with other work
 * the wall time waits for the CPU, the CPU time much less so.
 */
import { parseArgs } from 'node:util';
import { createEmptyCard, fsrs, generatorParameters, Rating } from 'ts-fsrs';
import type { CardFact, LinkRecord, NoteRecord } from '../electron/core/model.ts';
import { buildLearningGraph } from '../electron/core/learning/graph.ts';
import { ReviewEngine, type ReviewStateStore } from '../electron/core/review/engine.ts';
import { emptyReviewFile, fromFsrsCard, reviewFileSchema, type ReviewFile } from '../electron/core/review/state.ts';
import { prng } from './generate-vault.ts';
import { percentile } from './bench-stats.ts';

const { values } = parseArgs({
  options: {
    cards: { type: 'string', default: '10000' },
    notes: { type: 'string', default: '2000' },
    runs: { type: 'string', default: '30' },
  },
});
const CARDS = Number(values.cards);
const NOTES = Number(values.notes);
const RUNS = Number(values.runs);
const DAY = 86_400_000;
const NOW = Date.UTC(2026, 2, 1, 9);

const rand = prng(15);
const notes: NoteRecord[] = [];
const links: LinkRecord[] = [];
for (let i = 0; i < NOTES; i++) {
  const path = `c/concept ${i}.md`;
  notes.push({
    path,
    title: `concept ${i}`,
    aliases: [],
    tags: ['flashcards'],
    properties: { level: 1 + (i % 4) },
    words: 300,
    cjkChars: 0,
  });
  for (let k = 0; k < 3 && i > 0; k++) {
    const j = Math.floor(rand() * i);
    links.push({
      source: path,
      raw: `[[concept ${j}]]`,
      kind: 'property',
      target: `c/concept ${j}.md`,
      targetText: `concept ${j}`,
      heading: null,
      block: null,
      alias: null,
      line: 2,
      context: '',
      relation: 'prerequisites',
      resolvedBy: 'shortest',
    });
  }
}
const graph = buildLearningGraph(notes, links);
const cards: CardFact[] = Array.from({ length: CARDS }, (_, i) => {
  const note = notes[i % NOTES].path;
  return {
    id: `${note}#${i.toString(36).padStart(11, '0')}`,
    note,
    kind: 'single',
    reversed: false,
    question: `q${i}`,
    answer: `a${i}`,
    line: 5 + i,
    endLine: 5 + i,
  };
});
cards.sort((a, b) => (a.note < b.note ? -1 : a.note > b.note ? 1 : a.line - b.line));

const f = fsrs(generatorParameters({ enable_fuzz: false }));
const state: ReviewFile = emptyReviewFile();
for (const c of cards) {
  const learned = NOW - Math.floor(rand() * 60) * DAY;
  const card = f.next(createEmptyCard(new Date(learned)), new Date(learned), Rating.Easy).card;
  card.due = new Date(NOW + Math.round((rand() - 0.5) * 60 * DAY));
  state.cards[c.id] = fromFsrsCard(card);
}
const json = JSON.stringify(state);

let current: ReviewFile = reviewFileSchema.parse(JSON.parse(json));
const store: ReviewStateStore = {
  read: () => current,
  update: async (fn) => {
    fn(current);
    return current;
  },
};
const source = { vaultRoot: '/bench', version: 1, cards: () => cards, resolveNote: () => null };
const engine = new ReviewEngine(source, () => graph, store, { now: () => new Date(NOW) });

/** Wall time p50/p95 and the p50 of this process's CPU time (user + system) per run, ms; `setup` runs untimed. */
function timeRuns(fn: () => unknown, setup: () => void = () => {}): { p50: number; p95: number; cpuP50: number } {
  for (let i = 0; i < 3; i++) {
    setup();
    fn();
  }
  const t: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    setup();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    t.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  t.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return {
    p50: +percentile(t, 50).toFixed(2),
    p95: +percentile(t, 95).toFixed(2),
    cpuP50: +percentile(cpu, 50).toFixed(2),
  };
}

// ---- before: the round-2 way (ts-fsrs for every card, Date.parse per card), copied here to compare in one run ----
const fsrsCards = cards.map((c) => ({
  ...f.next(createEmptyCard(new Date(NOW - 5 * DAY)), new Date(NOW - 5 * DAY), Rating.Easy).card,
  _id: c.id,
}));
const legacySchedule = () => {
  let n = 0;
  for (const c of fsrsCards) n += f.next(c, new Date(NOW), Rating.Good).card.stability;
  return n;
};
let legacyDue: { state: ReviewFile; due: Float64Array } | null = null;
const legacyListDue = () => {
  const st = current;
  const now = new Date(NOW);
  const t = NOW;
  if (legacyDue?.state !== st) {
    const due = new Float64Array(cards.length);
    for (let i = 0; i < cards.length; i++) {
      const m = st.cards[cards[i].id];
      due[i] = m ? Date.parse(m.due) : -1;
    }
    legacyDue = { state: st, due };
  }
  const due = legacyDue.due;
  const picked = Array.from({ length: cards.length }, (_, i) => i).filter((i) => due[i] <= t);
  picked.sort((a, b) => (due[a] < 0 ? t : due[a]) - (due[b] < 0 ? t : due[b]) || a - b);
  return picked.map((i) => {
    const m = st.cards[cards[i].id];
    const retention =
      !m || m.state === 'new' || !m.lastReview
        ? null
        : f.forgetting_curve(Math.max(0, (now.getTime() - Date.parse(m.lastReview)) / DAY), m.stability);
    return { ...cards[i], state: m?.state ?? 'new', due: m?.due ?? now.toISOString(), retention };
  }).length;
};

// ---- after: the engine ----
const listDue = () => engine.cards({ due: true });
const openReview = () => {
  const due = listDue();
  if (due.length) engine.preview(due[0].id);
  return due.length;
};
/** A state object the engine has not seen, as the store gives after reading the file (JSON.parse + zod). */
const freshState = () => {
  current = reviewFileSchema.parse(JSON.parse(json));
  // the garbage of that parse is the setup's, not the timed work's (npm script runs node --expose-gc)
  (globalThis as { gc?: () => void }).gc?.();
};
const baseline = () => {
  const due: number[] = [];
  for (const c of cards) {
    const d = Date.parse(current.cards[c.id].due);
    if (d <= NOW) due.push(d);
  }
  return due.sort((a, b) => a - b).length;
};

const dueCount = listDue().length;
if (dueCount !== legacyListDue()) throw new Error('the legacy and the new due lists differ');
// alternate before / after so both see the same machine load
const rBase = timeRuns(baseline);
const rBefore = timeRuns(() => {
  legacySchedule();
  legacyListDue();
});
const rAfter = timeRuns(openReview, freshState);
const rWarm = timeRuns(listDue);
const rBefore2 = timeRuns(() => {
  legacySchedule();
  legacyListDue();
});
const rAfter2 = timeRuns(openReview, freshState);
const best = (a: typeof rAfter, b: typeof rAfter) => (a.p50 <= b.p50 ? a : b);
const before = best(rBefore, rBefore2);
const after = best(rAfter, rAfter2);
const rRead = timeRuns(() => reviewFileSchema.parse(JSON.parse(json)));
const ids = cards.filter((_, i) => i % Math.max(1, Math.floor(CARDS / 200)) === 0).map((c) => c.id);
let gi = 0;
const gradeTimes: number[] = [];
for (const id of ids) {
  const t0 = performance.now();
  await engine.grade(id, gi++ % 4 === 0 ? 'again' : 'good');
  gradeTimes.push(performance.now() - t0);
  current = structuredClone(state);
}
gradeTimes.sort((a, b) => a - b);

const ratio = (x: number) => +(x / Math.max(rBase.p50, 1e-6)).toFixed(1);
const out = {
  cards: CARDS,
  notes: NOTES,
  prerequisiteEdges: links.length,
  due: dueCount,
  runs: RUNS,
  scheduleAndListDueMs: after,
  listDueWarmMs: rWarm,
  beforeMs: before,
  speedup: { wall: +(before.p50 / after.p50).toFixed(1), cpu: +(before.cpuP50 / after.cpuP50).toFixed(1) },
  gradeMs: { p50: +percentile(gradeTimes, 50).toFixed(2), p95: +percentile(gradeTimes, 95).toFixed(2) },
  readReviewJsonMs: rRead,
  reviewJsonBytes: Buffer.byteLength(json),
  baselineMs: rBase,
  ratioToBaseline: { scheduleAndListDue: ratio(after.p50), listDueWarm: ratio(rWarm.p50), before: ratio(before.p50) },
  target: 'schedule + list due ≤ 20 ms at 10,000 cards',
  withinTarget: after.p50 <= 20,
  withinTargetCpu: after.cpuP50 <= 20,
  loadAverage: (await import('node:os')).loadavg().map((x) => +x.toFixed(1)),
};
console.log(JSON.stringify(out, null, 2));
