/**
 * `npm run -s bench:switcher -- <vault> [--runs 20] [--query text]`: the quick switcher's search pass on a vault's
 * notes (titles from file names, aliases from frontmatter), in this process, without a browser.
 *
 * For every prefix of the query (default `concpt 00001 at`, typed one character at a time, as
 * tests/e2e/measure-switcher.ts does in the app) it times `searchNotes` narrowed, prefiltered and capped (what the
 * app runs) and as the full fuzzysort pass the app ran before (the baseline), alternating, `--runs` times each,
 * and prints one JSON line: p50/p95 ms per pass over all keystrokes, the same for the first two keystrokes only, and
 * the ratios baseline ÷ prefiltered (the machine's load cancels out of those).
 */
import fs from 'node:fs';
import path from 'node:path';
import { findFrontmatter, parseFrontmatter } from '../electron/core/markdown/index.ts';
import {
  newSearchMemo,
  searchNotes,
  switcherTargets,
  type SwitcherNote,
} from '../renderer/src/palette/switcher-search.ts';
import { parseArgsOrUsage } from './cli-args.ts';
import { percentile } from './bench-stats.ts';

const USAGE = 'usage: npm run -s bench:switcher -- <vault> [--runs 20] [--query text]';
const args = parseArgsOrUsage(
  {
    allowPositionals: true,
    options: { runs: { type: 'string', default: '20' }, query: { type: 'string', default: 'concpt 00001 at' } },
  },
  USAGE,
);
if (!args || args.positionals.length !== 1) {
  if (args) console.error(USAGE);
  process.exit(2);
}
const vault = path.resolve(args.positionals[0]);
const runs = Number(args.values.runs);
const query = args.values.query!;

const notes: SwitcherNote[] = [];
for (const rel of fs.globSync('**/*.md', { cwd: vault })) {
  if (rel.split(path.sep).some((p) => p.startsWith('.'))) continue;
  const text = fs.readFileSync(path.join(vault, rel), 'utf8');
  const block = text.startsWith('---') ? findFrontmatter(text) : null;
  const aliases = block ? parseFrontmatter(block).aliases : [];
  notes.push({ path: rel.split(path.sep).join('/'), title: path.basename(rel, '.md'), aliases });
}
const t0 = performance.now();
const targets = switcherTargets(notes);
const prepareMs = performance.now() - t0;
const recent = notes.slice(0, 5).map((n) => n.path);

const prefixes = Array.from({ length: query.length }, (_, i) => query.slice(0, i + 1));
const times = { fast: [] as number[][], full: [] as number[][] };
for (let r = 0; r < runs + 2; r++) {
  for (const mode of r % 2 ? (['fast', 'full'] as const) : (['full', 'fast'] as const)) {
    const row: number[] = [];
    const memo = newSearchMemo(); // a fresh switcher per typed query
    for (const q of prefixes) {
      const s = performance.now();
      searchNotes(q, targets, notes, recent, 50, mode === 'fast' ? { memo } : { prefilter: false });
      row.push(performance.now() - s);
    }
    if (r >= 2) times[mode].push(row); // two warm-up rounds (JIT)
  }
}
const stats = (rows: number[][], first?: number) => {
  const xs = rows.flatMap((row) => (first ? row.slice(0, first) : row)).sort((a, b) => a - b);
  return { p50: +percentile(xs, 50).toFixed(2), p95: +percentile(xs, 95).toFixed(2) };
};
const all = { prefiltered: stats(times.fast), full: stats(times.full) };
const first2 = { prefiltered: stats(times.fast, 2), full: stats(times.full, 2) };
console.log(
  JSON.stringify({
    vault,
    notes: notes.length,
    targets: targets.length,
    query,
    runs,
    prepareMs: +prepareMs.toFixed(1),
    allKeystrokes: all,
    firstTwoKeystrokes: first2,
    ratioP95: {
      all: +(all.full.p95 / all.prefiltered.p95).toFixed(2),
      firstTwo: +(first2.full.p95 / first2.prefiltered.p95).toFixed(2),
    },
  }),
);
