/**
 * Learning-path benchmarks (figures only, never asserted).
 *
 * As a module: the default export `(index: LearningSource) => Promise<Record<string, number>>` is called by
 * scripts/bench.ts on an indexed vault and measures, in ms: the first (uncached) learning-graph build, then plan,
 * path (connection) and next up p50/p95 on the cached graph (after a 10-call warm-up).
 *
 * Standalone, for the pure algorithms without SQLite:
 *   node scripts/bench-learning.ts [--notes 10000] [--prereqs 3] [--links 5] [--runs 200]
 * builds a synthetic in-memory graph (each note lists ~`prereqs` prerequisites among lower-numbered notes, half of
 * them nearby so closures are deep, plus ~`links` body wiki links) and prints the same figures as JSON.
 */
import { parseArgs } from 'node:util';
import { createLearningService, type LearningSource } from '../electron/core/learning/index.ts';
import type { LinkRecord, NoteRecord } from '../electron/core/model.ts';
import { sample, timeEach } from './bench-stats.ts';
import { prng } from './generate-vault.ts';

export default async function benchLearning(index: LearningSource, runs = 200): Promise<Record<string, number>> {
  const service = createLearningService(index);
  const t0 = performance.now();
  const g = service.graph();
  const buildMs = performance.now() - t0;
  const paths = g.nodes.map((n) => n.path);
  // Targets late in the note order tend to have the largest prerequisite closures in generated vaults.
  const targets = sample(paths, runs);
  let stepsTotal = 0;
  let planCalls = 0;
  const plan = timeEach(targets, (p) => {
    stepsTotal += service.plan(p).steps.length;
    planCalls++;
  });
  const pairs = targets.map((p, i) => [p, sample(paths, runs, 7)[i]] as const);
  const path = timeEach(pairs, ([a, b]) => service.connection(a, b));
  const next = timeEach(
    Array.from({ length: Math.min(runs, 50) }, (_, i) => i),
    () => service.nextUp(),
  );
  return {
    learningNotes: g.nodes.length,
    learningPrereqEdges: g.prereqs.reduce((n, p) => n + p.length, 0),
    learningBuildMs: +buildMs.toFixed(2),
    planAvgSteps: Math.round(stepsTotal / Math.max(1, planCalls)),
    planP50Ms: plan.p50,
    planP95Ms: plan.p95,
    pathP50Ms: path.p50,
    pathP95Ms: path.p95,
    nextP50Ms: next.p50,
    nextP95Ms: next.p95,
  };
}

/** An in-memory stand-in exposing only what the learning engine reads (notes, links, resolveNote, version, vaultRoot). */
function syntheticIndex(count: number, prereqs: number, bodyLinks: number): LearningSource {
  const rnd = prng(1);
  const notes: NoteRecord[] = [];
  const links: LinkRecord[] = [];
  const path = (i: number) => `area${i % 10}/concept ${i}.md`;
  for (let i = 0; i < count; i++) {
    notes.push({
      path: path(i),
      title: `concept ${i}`,
      aliases: [],
      tags: [],
      properties: { level: 1 + Math.floor(rnd() * 4) },
      words: 400,
      cjkChars: 100,
    });
    const row = (target: number, kind: LinkRecord['kind'], relation: string | null, line: number): LinkRecord => ({
      source: path(i),
      raw: `[[concept ${target}]]`,
      kind,
      target: path(target),
      targetText: `concept ${target}`,
      heading: null,
      block: null,
      alias: null,
      line,
      context: `see [[concept ${target}]]`,
      relation,
      resolvedBy: 'shortest',
    });
    if (i >= 5) {
      for (let k = 0; k < prereqs; k++) {
        const near = rnd() < 0.5;
        const t = near ? i - 1 - Math.floor(rnd() * Math.min(i, 20)) : Math.floor(rnd() * i);
        links.push(row(t, 'property', 'prerequisites', 2 + k));
      }
    }
    for (let k = 0; k < bodyLinks; k++) links.push(row(Math.floor(rnd() * count), 'wiki', null, 10 + k));
  }
  const byPath = new Set(notes.map((n) => n.path));
  return {
    vaultRoot: '/nonexistent-bench-vault',
    version: 1,
    notes: () => notes,
    links: () => links,
    resolveNote: (arg: string) => (byPath.has(arg) ? arg : null),
  };
}

// `import.meta.main` (Node 24): right for any path (spaces, non-ASCII, symlinks).
if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      notes: { type: 'string' },
      prereqs: { type: 'string' },
      links: { type: 'string' },
      runs: { type: 'string' },
    },
  });
  const opt = (name: keyof typeof values, def: number) => (values[name] === undefined ? def : Number(values[name]));
  const index = syntheticIndex(opt('notes', 10000), opt('prereqs', 3), opt('links', 5));
  benchLearning(index, opt('runs', 200)).then((f) => console.log(JSON.stringify(f, null, 2)));
}
