/**
 * `npm run -s bench:review [-- --cards 10000 --notes 2000 --runs 30]`: flashcard review speed (practice, #15).
 *
 * A synthetic vault in memory (no disk, so the machine's I/O does not blur the figures): `--notes` concepts with up to
 * 3 prerequisites each (a DAG), `--cards` cards spread over them, every card with an FSRS memory state (due dates
 * spread over ±30 days). Figures, each the median (p50) and p95 of `--runs` runs, in ms:
 *
 * - schedule: FSRS (ts-fsrs) computes the next state of all cards for one grade each (the scheduling work);
 * - list due: `ReviewEngine.cards({ due: true })`: due/retention of every card, the due ones sorted (warm caches);
 * - schedule + list due: the two together (the "scheduling 10,000 cards and listing due cards ≤ 20 ms");
 * - grade: one `ReviewEngine.grade` (FSRS + implicit credit along the prerequisites, in-memory store);
 * - baseline: `Date.parse` of every due date plus a sort of the due ones — the least any due list must do — measured
 *   in the same run; the ratios to it say how far the engine is from that floor whatever the machine's load.
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

let current = structuredClone(state);
const store: ReviewStateStore = {
  read: () => current,
  update: async (fn) => {
    fn(current);
    return current;
  },
};
const source = { vaultRoot: '/bench', version: 1, cards: () => cards, resolveNote: () => null };
const engine = new ReviewEngine(source, () => graph, store, { now: () => new Date(NOW) });

/** Wall time p50/p95 and the p50 of this process's CPU time (user + system) per run, ms. */
function timeRuns(fn: () => unknown): { p50: number; p95: number; cpuP50: number } {
  for (let i = 0; i < 3; i++) fn();
  const t: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
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

const fsrsCards = cards.map((c) => ({
  ...f.next(createEmptyCard(new Date(NOW - 5 * DAY)), new Date(NOW - 5 * DAY), Rating.Easy).card,
  _id: c.id,
}));
const schedule = () => {
  let n = 0;
  for (const c of fsrsCards) n += f.next(c, new Date(NOW), Rating.Good).card.stability;
  return n;
};
const listDue = () => engine.cards({ due: true }).length;
const baseline = () => {
  const due: number[] = [];
  for (const c of cards) {
    const d = Date.parse(current.cards[c.id].due);
    if (d <= NOW) due.push(d);
  }
  return due.sort((a, b) => a - b).length;
};

const dueCount = listDue();
const rBase = timeRuns(baseline);
const rSchedule = timeRuns(schedule);
const rList = timeRuns(listDue);
const rBoth = timeRuns(() => {
  schedule();
  listDue();
});
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
  scheduleMs: rSchedule,
  listDueMs: rList,
  scheduleAndListDueMs: rBoth,
  gradeMs: { p50: +percentile(gradeTimes, 50).toFixed(2), p95: +percentile(gradeTimes, 95).toFixed(2) },
  readReviewJsonMs: rRead,
  reviewJsonBytes: Buffer.byteLength(json),
  baselineMs: rBase,
  ratioToBaseline: { schedule: ratio(rSchedule.p50), listDue: ratio(rList.p50), scheduleAndListDue: ratio(rBoth.p50) },
  target: 'schedule + list due ≤ 20 ms at 10,000 cards',
  withinTarget: rBoth.p50 <= 20,
  withinTargetCpu: rBoth.cpuP50 <= 20,
  loadAverage: (await import('node:os')).loadavg().map((x) => +x.toFixed(1)),
};
console.log(JSON.stringify(out, null, 2));
