/**
 * Benchmarks the index on a vault and prints figures (never asserts them):
 *
 *   npm run bench -- <vault> [--runs 200] [--repeat 3] [--json] [--txt-as-md]
 *
 * First, as whole processes on the same Node, `--repeat` times each, alternating (medians reported): the plain remark
 * baseline (scripts/bench-baseline.ts: unified + remark-parse + remark-gfm + remark-frontmatter + remark-wiki-link,
 * `parse()` per file, one thread) and a cold index (scripts/bench-cold.ts), both from their JavaScript bundles in
 * out/cli/ when up to date (`npm run bench` builds them: scripts/build-parse-worker.ts), as `npm run atlas` runs the
 * CLI; `coldFrom` says which (`bundle` or `source`). Printed: wall ms, CPU ms (user + system)
 * and peak RSS MB of each, `coldSpeedup` = baseline wall ÷ cold wall (> 1: the index beats a plain parse),
 * `coldCpuRatio` = cold CPU ÷ baseline CPU, and `coldCores` = cold CPU ÷ cold wall (how many cores the index kept busy).
 * Being ratios measured in one run, they hold on a busy machine where absolute times do not (issue 13).
 *
 * Then, in this process:
 * The vault is first copied to a temp folder (the user's vault is never written), then: cold index (fresh database)
 * ms and MB/s; warm start with nothing changed, ms (and `warmCpuMs`, this thread's CPU); one-note reindex after a
 * save, ms (median of 20); backlinks and search p50/p95 ms over `--runs` queries drawn from note titles and aliases
 * (including 1–2 character CJK queries when the vault has Chinese), and `searchCpuMsPerQuery` (this thread's CPU per
 * query, the 10 warm-up queries included: steadier than wall percentiles on a loaded machine); peak RSS in MB.
 * `--txt-as-md` renames `.txt` files to `.md` in the copy, for folders of markdown written as text files (the seed
 * notes). When scripts/bench-learning.ts exists, its figures (plan, path, next) follow.
 */
import { spawnSync } from 'node:child_process';
import { parseArgsOrUsage } from './cli-args.ts';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AtlasIndex } from '../electron/core/index/atlas-index.ts';
import { VaultQuery } from '../electron/core/query/vault-query.ts';
import { printFigures, runMain } from './bench-report.ts';
import { bundledCli } from './build-parse-worker.ts';
import { percentile, sample, timeEach } from './bench-stats.ts';

interface Figures {
  [name: string]: number | string;
}

interface ProcessFigures {
  wallMs: number;
  cpuMs: number;
  /** CPU ms of the main thread alone (cold index only: bench-cold.ts prints it). */
  mainCpuMs?: number;
  peakRssMB: number;
}

/** The V8 flags `npm run atlas` starts the CLI with (package.json; see electron/cli/atlas.ts), for the cold index. */
const CLI_NODE_FLAGS = ['--max-semi-space-size=4'];

/** Runs `node [flags] <script> ...args` as a child process; wall ms measured around the whole process (start-up included). */
function runProcess(script: string | URL, args: string[], flags: string[] = []): ProcessFigures {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [...flags, new URL(script, import.meta.url).pathname, ...args], {
    encoding: 'utf8',
  });
  const wallMs = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${script} failed: ${r.stderr.trim()}`);
  const out = JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '{}') as ProcessFigures;
  return { wallMs: Math.round(wallMs), cpuMs: out.cpuMs, mainCpuMs: out.mainCpuMs, peakRssMB: out.peakRssMB };
}

/** Median of each field over several runs. */
function medians(runs: ProcessFigures[]): ProcessFigures {
  const med = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return {
    wallMs: med(runs.map((r) => r.wallMs)),
    cpuMs: med(runs.map((r) => r.cpuMs)),
    mainCpuMs: med(runs.map((r) => r.mainCpuMs ?? 0)),
    peakRssMB: med(runs.map((r) => r.peakRssMB)),
  };
}

/** CPU ms of this thread so far (user + system): steadier than wall time on a loaded machine. */
function threadCpuMs(): number {
  const u = process.threadCpuUsage();
  return (u.user + u.system) / 1000;
}

function searchQueries(query: VaultQuery, n: number): string[] {
  const notes = query.notes();
  const qs: string[] = [];
  for (const note of sample(notes, n)) {
    const words = note.title.split(/\s+/).filter((w) => w.length >= 3);
    qs.push(words.length ? words[words.length - 1] : note.title);
    const cjk = [...(note.title + note.aliases.join('')).matchAll(/\p{Script=Han}{1,2}/gu)].map((m) => m[0]);
    if (cjk.length) qs.push(cjk[0]);
  }
  return sample(qs, n);
}

async function main(argv: string[]): Promise<number> {
  const usage = 'usage: npm run bench -- <vault-folder> [--runs 200] [--repeat 3] [--json] [--txt-as-md]';
  const config = {
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      runs: { type: 'string' },
      repeat: { type: 'string' },
      json: { type: 'boolean' },
      'txt-as-md': { type: 'boolean' },
    },
  } as const;
  const parsed = parseArgsOrUsage(config, usage);
  if (!parsed) return 2;
  const vaultArg = parsed.positionals[0];
  if (!vaultArg || !existsSync(vaultArg) || !statSync(vaultArg).isDirectory()) {
    console.error(usage);
    return 2;
  }
  const runs = parsed.values.runs === undefined ? 200 : Number(parsed.values.runs);
  const repeat = parsed.values.repeat === undefined ? 3 : Math.max(1, Number(parsed.values.repeat));
  const json = parsed.values.json === true;
  const work = mkdtempSync(join(tmpdir(), 'atlas-bench-'));
  const vault = join(work, 'vault');
  const dbPath = join(work, 'atlas.db');
  try {
    cpSync(resolve(vaultArg), vault, { recursive: true, verbatimSymlinks: true });
    if (parsed.values['txt-as-md']) {
      for (const e of readdirSync(vault, { recursive: true, withFileTypes: true })) {
        if (e.isFile() && e.name.endsWith('.txt'))
          renameSync(join(e.parentPath, e.name), join(e.parentPath, e.name.slice(0, -4) + '.md'));
      }
    }
    const figures: Figures = { vault: resolve(vaultArg) };

    // Whole processes, alternating baseline and cold index so that load on the machine hits both alike.
    const base: ProcessFigures[] = [];
    const coldRuns: ProcessFigures[] = [];
    // the cold index as `npm run atlas` runs it: from the bundled command line when it is up to date (the npm script
    // builds it first), else from the sources (slower start-up: Node's type stripper and ~300 modules)
    const coldScript = bundledCli('bench-cold') ?? './bench-cold.ts';
    figures.coldFrom = coldScript === './bench-cold.ts' ? 'source' : 'bundle';
    // the baseline likewise as plain JavaScript (its packages from node_modules), when built
    const baselineScript = bundledCli('bench-baseline') ?? './bench-baseline.ts';
    for (let i = 0; i < repeat; i++) {
      base.push(runProcess(baselineScript, [vault]));
      const db = join(work, `cold-${i}.db`);
      coldRuns.push(runProcess(coldScript, [vault, db], CLI_NODE_FLAGS));
      for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true });
    }
    const b = medians(base);
    const c = medians(coldRuns);
    figures.baselineWallMs = b.wallMs;
    figures.baselineCpuMs = b.cpuMs;
    figures.baselinePeakRssMB = b.peakRssMB;
    figures.coldProcessWallMs = c.wallMs;
    figures.coldProcessCpuMs = c.cpuMs;
    figures.coldMainThreadCpuMs = c.mainCpuMs ?? 0;
    figures.coldProcessPeakRssMB = c.peakRssMB;
    figures.coldSpeedup = +(b.wallMs / c.wallMs).toFixed(2);
    figures.coldCpuRatio = +(c.cpuMs / b.cpuMs).toFixed(2);
    figures.coldCores = +(c.cpuMs / c.wallMs).toFixed(2);

    let index = await AtlasIndex.open({ vaultRoot: vault, dbPath });
    const cold = await index.sync();
    figures.notes = cold.notes;
    figures.links = cold.links;
    figures.megabytes = +(cold.bytes / 1e6).toFixed(2);
    figures.coldMs = Math.round(cold.ms);
    figures.coldMBps = +(cold.bytes / 1e6 / (cold.ms / 1000)).toFixed(2);
    index.close();

    const tWarm = performance.now();
    const cWarm = threadCpuMs();
    index = await AtlasIndex.open({ vaultRoot: vault, dbPath });
    const warm = await index.sync();
    figures.warmMs = Math.round(performance.now() - tWarm);
    figures.warmCpuMs = Math.round(threadCpuMs() - cWarm);
    figures.warmParsed = warm.parsed;

    const query = new VaultQuery(index);
    // One saved note: rewrite a note with one more line, as an editor's save would, and re-index it.
    const notes = query.notes();
    const target = notes[Math.floor(notes.length / 2)];
    const reindex: number[] = [];
    if (target) {
      const file = join(vault, target.path);
      const original = readFileSync(file, 'utf8');
      for (let i = 0; i < 20; i++) {
        writeFileSync(file, `${original}\nEdit ${i} mentions [[${notes[i % notes.length].title}]].\n`);
        const t0 = performance.now();
        await index.update([target.path]);
        reindex.push(performance.now() - t0);
      }
      reindex.sort((a, b) => a - b);
      figures.oneNoteReindexMs = +percentile(reindex, 50).toFixed(2);
    }

    const linked = sample(
      notes.map((n) => n.path),
      runs,
    );
    const bl = timeEach(linked, (p) => query.backlinks(p));
    figures.backlinksP50Ms = bl.p50;
    figures.backlinksP95Ms = bl.p95;
    const queries = searchQueries(query, runs);
    const cSearch = threadCpuMs();
    const se = timeEach(queries, (q) => query.search(q));
    figures.searchP50Ms = se.p50;
    figures.searchP95Ms = se.p95;
    figures.searchCpuMsPerQuery = +(
      (threadCpuMs() - cSearch) /
      (queries.length + Math.min(10, queries.length))
    ).toFixed(3);

    const learningBench = new URL('./bench-learning.ts', import.meta.url);
    if (existsSync(learningBench)) {
      const mod = (await import(learningBench.href)) as { default: (q: VaultQuery) => Promise<Record<string, number>> };
      Object.assign(figures, await mod.default(query));
    }
    index.close();
    figures.peakRssMB = Math.round(process.resourceUsage().maxRSS / 1024);

    printFigures(`Concept Atlas benchmark — ${figures.vault}`, figures, json);
    return 0;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

runMain(main);
