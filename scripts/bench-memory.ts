/**
 * Memory benchmark of the index (issue 13), printed, never asserted:
 *
 *   npm run bench:memory -- [<vault>] [--notes 10000] [--repeat 1] [--idle-s 15] [--json]
 *
 * The parse-worker bundle is rebuilt first when stale, as for `npm run atlas`. Without a vault, a generated one of
 * `--notes` notes (scripts/generate-vault.ts, seed 1: 10,000 notes ≈ 30 MB) is written to a temp folder. Each figure
 * is a whole process on the same Node, `--repeat` times, alternating (medians):
 * - `baselinePeakRssMB`: the plain remark parse of the same files (scripts/bench-baseline.ts), the same-run baseline;
 * - `coldIndexPeakRssMB`: the real CLI, `atlas index <vault> --db <fresh file>` as `npm run atlas` starts it, peak
 *   RSS of the whole process (parse workers included; scripts/peak-rss-at-exit.mjs); target ≤ 300 MB on 10k notes;
 * - `idleServiceMB`: the app's service thread idle 10–15 s after `ready` on that vault (scripts/bench-memory-idle.ts:
 *   `startAtlasServiceThread`, `watch: false`), process RSS minus the host's RSS before the thread started, after
 *   the service's own cold index (fresh database; target ≤ 150 MB on 10k) and after a warm start (`idleWarmServiceMB`).
 * Ratios to the baseline (`coldRssRatio`, `idleRssRatio`) hold on a busy machine better than absolute figures do.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { printFigures, runMain } from './bench-report.ts';
import { parseArgsOrUsage } from './cli-args.ts';
import { generateVault } from './generate-vault.ts';

const here = (p: string) => new URL(p, import.meta.url).pathname;

/** Runs `node [flags] <script> ...args` to its end; returns its last stdout line parsed as JSON. Throws on failure. */
function runJson(flags: string[], script: string, args: string[]): Record<string, number> {
  const r = spawnSync(process.execPath, [...flags, here(script), ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${script} failed (${r.status}): ${r.stderr.trim()}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, number>;
}

function dropDb(db: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true });
}

/**
 * The command line `npm run atlas` starts the CLI with: the last command of package.json's `atlas` script, e.g.
 * `node --max-semi-space-size=4 --import ./scripts/compile-cache.ts electron/cli/atlas.ts`, as [flags, script].
 */
function atlasCommand(): { flags: string[]; script: string } {
  const pkg = JSON.parse(readFileSync(here('../package.json'), 'utf8')) as { scripts: Record<string, string> };
  const words = (pkg.scripts.atlas.split('&&').at(-1) ?? '').trim().split(/\s+/);
  return { flags: words.slice(1, -1), script: words.at(-1) ?? '' };
}

/** Peak RSS and CPU of one cold `atlas index` (the CLI as `npm run atlas` starts it) into a fresh database. */
function coldCli(vault: string, work: string, i: number): Record<string, number> {
  const db = join(work, `cold-${i}.db`);
  const out = join(work, `cold-${i}.json`);
  const { flags, script } = atlasCommand();
  const r = spawnSync(
    process.execPath,
    [...flags, '--import', './scripts/peak-rss-at-exit.mjs', script, 'index', vault, '--db', db],
    { cwd: here('..'), encoding: 'utf8', env: { ...process.env, ATLAS_PEAK_RSS_FILE: out } },
  );
  if (r.status !== 0) throw new Error(`atlas index failed (${r.status}): ${r.stderr.trim()}`);
  dropDb(db);
  return JSON.parse(readFileSync(out, 'utf8')) as Record<string, number>;
}

async function main(argv: string[]): Promise<number> {
  const usage = 'usage: npm run bench:memory -- [<vault>] [--notes 10000] [--repeat 1] [--idle-s 15] [--json]';
  const config = {
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      notes: { type: 'string' },
      repeat: { type: 'string' },
      'idle-s': { type: 'string' },
      json: { type: 'boolean' },
    },
  } as const;
  const parsed = parseArgsOrUsage(config, usage);
  if (!parsed) return 2;
  const given = parsed.positionals[0];
  if (given !== undefined && (!existsSync(given) || !statSync(given).isDirectory())) {
    console.error(usage);
    return 2;
  }
  const notes = parsed.values.notes === undefined ? 10000 : Number(parsed.values.notes);
  const repeat = parsed.values.repeat === undefined ? 1 : Math.max(1, Number(parsed.values.repeat));
  const idleS = parsed.values['idle-s'] === undefined ? 15 : Number(parsed.values['idle-s']);
  if (!Number.isInteger(notes) || notes < 1 || !Number.isFinite(idleS)) {
    console.error(usage);
    return 2;
  }
  const work = mkdtempSync(join(tmpdir(), 'atlas-bench-memory-'));
  try {
    let vault = given ? resolve(given) : join(work, 'vault');
    const figures: Record<string, number | string> = { vault };
    if (!given) {
      const g = generateVault(vault, { notes, seed: 1, prereqs: 0 });
      figures.vault = `generated: ${g.notes} notes, ${(g.bytes / 1e6).toFixed(1)} MB`;
    }
    vault = resolve(vault);
    const base: number[] = [];
    const cold: number[] = [];
    const idleCold: number[] = [];
    const idleWarm: number[] = [];
    let last: Record<string, number> = {};
    for (let i = 0; i < repeat; i++) {
      base.push(runJson([], './bench-baseline.ts', [vault]).peakRssMB);
      cold.push(coldCli(vault, work, i).peakRssMB);
      const db = join(work, `idle-${i}.db`);
      const cacheFlag = ['--import', here('./compile-cache.ts')];
      last = runJson(cacheFlag, './bench-memory-idle.ts', [vault, db, String(idleS)]);
      idleCold.push(last.idleServiceMB);
      idleWarm.push(runJson(cacheFlag, './bench-memory-idle.ts', [vault, db, String(idleS)]).idleServiceMB);
      dropDb(db);
    }
    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    figures.baselinePeakRssMB = med(base);
    figures.coldIndexPeakRssMB = med(cold);
    figures.coldRssRatio = +(med(cold) / med(base)).toFixed(2);
    figures.idleServiceMB = med(idleCold);
    figures.idleRssRatio = +(med(idleCold) / med(base)).toFixed(2);
    figures.idleWarmServiceMB = med(idleWarm);
    figures.idleServiceHeapUsedMB = last.serviceHeapUsedMB;
    figures.idleServiceHeapTotalMB = last.serviceHeapTotalMB;
    figures.idleRssAnonMB = last.rssAnonMB;
    figures.idleHostRssMB = last.hostRssMB;
    figures.idleColdReadyMs = last.readyMs;
    printFigures(
      `Concept Atlas memory benchmark — ${figures.vault} (${repeat} run${repeat > 1 ? 's' : ''})`,
      figures,
      parsed.values.json === true,
    );
    return 0;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

runMain(main);
