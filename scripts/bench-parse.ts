/**
 * Measures the note parser alone (electron/core/parse): decodes and parses every note under a folder, prints MB/s.
 * Figures only, never asserts.
 *
 *   node scripts/bench-parse.ts <folder> [--ext md,txt] [--rounds 5] [--workers N] [--json]
 *
 * Files are read into memory first (I/O is not measured). Then: one warm-up round, and `--rounds` timed rounds of
 * decodeNote + parseNote over all files on this thread; the best and the median round are printed, and the best
 * by CPU time (process CPU, GC threads included), which other load on the machine disturbs far less. With
 * `--workers N` (N ≥ 1), the same files are also split over N worker threads (each warmed up first) and the
 * wall-clock of one parallel round is printed, as the indexer's cold parse would see it.
 * `--ext` lists the extensions parsed as markdown (default `md`; the Chinese seed notes are `.txt`).
 */
import { parseArgs } from 'node:util';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { decodeNote, parseNote } from '../electron/core/parse/index.ts';
import { needsGfm } from '../electron/core/markdown/index.ts';

interface Loaded {
  path: string;
  bytes: Uint8Array;
}

function listFiles(root: string, exts: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.name.startsWith('.')) continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && exts.some((x) => e.name.toLowerCase().endsWith(`.${x}`))) out.push(p);
    }
  };
  walk(root);
  return out.sort();
}

/** Decodes and parses every file once; returns totals so the work can't be optimised away. */
function parseAll(files: Loaded[]): { links: number; tags: number; headings: number; gfm: number; problems: number } {
  let links = 0,
    tags = 0,
    headings = 0,
    gfm = 0,
    problems = 0;
  for (const f of files) {
    const d = decodeNote(f.bytes);
    if (d.text === null) {
      problems++;
      continue;
    }
    const n = parseNote(f.path, d.text);
    links += n.links.length;
    tags += n.tags.length;
    headings += n.headings.length;
    problems += n.problems.length + d.problems.length;
    if (needsGfm(n.body)) gfm++;
  }
  return { links, tags, headings, gfm, problems };
}

/** Wall-clock and CPU ms (all threads of the process, so GC helpers count) of one round. */
function timeRound(files: Loaded[]): { wall: number; cpu: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (const f of files) {
    const d = decodeNote(f.bytes);
    if (d.text !== null) parseNote(f.path, d.text);
  }
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000 };
}

async function parallelRound(files: Loaded[], workers: number): Promise<number> {
  const shares: Loaded[][] = Array.from({ length: workers }, () => []);
  // Deal files out by size so every worker gets about the same number of bytes.
  const bySize = [...files].sort((a, b) => b.bytes.length - a.bytes.length);
  const load = new Array<number>(workers).fill(0);
  for (const f of bySize) {
    let w = 0;
    for (let i = 1; i < workers; i++) if (load[i] < load[w]) w = i;
    shares[w].push(f);
    load[w] += f.bytes.length;
  }
  const pool = shares.map((share) => new Worker(new URL(import.meta.url), { workerData: share }));
  // Each worker warms up, says 'ready', then parses its share once on 'go' and answers with its time.
  await Promise.all(pool.map((w) => new Promise<void>((res) => w.once('message', () => res()))));
  const t0 = performance.now();
  await Promise.all(
    pool.map(
      (w) =>
        new Promise<void>((res) => {
          w.once('message', () => res());
          w.postMessage('go');
        }),
    ),
  );
  const ms = performance.now() - t0;
  await Promise.all(pool.map((w) => w.terminate()));
  return ms;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      ext: { type: 'string' },
      rounds: { type: 'string' },
      workers: { type: 'string' },
      json: { type: 'boolean' },
    },
  });
  const folder = positionals.at(-1) ?? '';
  const exts = (values.ext ?? 'md')
    .split(',')
    .map((x) => x.trim().replace(/^\./, ''))
    .filter(Boolean);
  const rounds = Math.max(1, Number(values.rounds ?? 5) || 1);
  const workers = Math.max(0, Number(values.workers ?? 0) || 0);
  const json = values.json === true;
  if (!folder) {
    console.error('usage: node scripts/bench-parse.ts <folder> [--ext md,txt] [--rounds 5] [--workers N] [--json]');
    return 2;
  }
  const files: Loaded[] = listFiles(folder, exts).map((p) => ({
    path: relative(folder, p).split('\\').join('/'),
    bytes: readFileSync(p),
  }));
  if (files.length === 0) {
    console.error(`no .${exts.join('/.')} files under ${folder}`);
    return 1;
  }
  const bytes = files.reduce((a, f) => a + f.bytes.length, 0);
  const mb = bytes / 1e6;
  const totals = parseAll(files); // also the warm-up round
  const times: number[] = [];
  const cpus: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t = timeRound(files);
    times.push(t.wall);
    cpus.push(t.cpu);
  }
  const best = Math.min(...times);
  const med = median(times);
  const bestCpu = Math.min(...cpus);
  const figures: Record<string, number | string> = {
    folder,
    files: files.length,
    MB: +mb.toFixed(3),
    gfmNotes: totals.gfm,
    links: totals.links,
    tags: totals.tags,
    headings: totals.headings,
    problems: totals.problems,
    bestMs: Math.round(best),
    medianMs: Math.round(med),
    bestMBps: +(mb / (best / 1000)).toFixed(2),
    medianMBps: +(mb / (med / 1000)).toFixed(2),
    bestCpuMs: Math.round(bestCpu),
    cpuMBps: +(mb / (bestCpu / 1000)).toFixed(2),
  };
  if (workers > 0) {
    const ms = await parallelRound(files, workers);
    figures.workers = workers;
    figures.parallelMs = Math.round(ms);
    figures.parallelMBps = +(mb / (ms / 1000)).toFixed(2);
  }
  if (json) console.log(JSON.stringify(figures));
  else {
    console.log(
      `${folder}: ${files.length} files, ${mb.toFixed(2)} MB (${totals.gfm} needed GFM); ` +
        `${totals.links} links, ${totals.tags} tags, ${totals.headings} headings, ${totals.problems} problems`,
    );
    console.log(
      `  one thread: best ${figures.bestMBps} MB/s (${figures.bestMs} ms), median ${figures.medianMBps} MB/s ` +
        `(${figures.medianMs} ms) over ${rounds} rounds; by CPU time ${figures.cpuMBps} MB/s (${figures.bestCpuMs} ms)`,
    );
    if (workers > 0)
      console.log(`  ${workers} worker threads: ${figures.parallelMBps} MB/s (${figures.parallelMs} ms wall-clock)`);
  }
  return 0;
}

if (isMainThread) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
} else {
  const share = workerData as Loaded[];
  parseAll(share);
  parentPort!.postMessage('ready');
  parentPort!.once('message', () => {
    timeRound(share);
    parentPort!.postMessage('done');
  });
}
