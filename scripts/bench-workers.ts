/**
 * Where a parse pass's CPU goes, thread by thread (issue 13): one `ParsePool` parses every note of a vault with 1, 2 …
 * workers, and for each count this prints the CPU of each worker's thread (`Worker#cpuUsage`), of this thread
 * (receiving the results), and the rest of the process: V8's background threads (optimising compiler, concurrent
 * and parallel GC) and libuv's. Figures only, never asserts.
 *
 *   node scripts/bench-workers.ts <vault> [--workers 1,2] [--rounds 3]
 *
 * Rounds alternate the worker counts (1, 2, 1, 2 …) so that a change in the machine's load hits them alike. Each
 * count gets a pool of its own: every worker starts cold (boot, the parser's bundle, JIT), as in a cold index. Prints
 * one JSON line per run: { workers, wallMs, workerThreadMs: [...], mainMs, otherMs, totalMs }, CPU in ms.
 * CPU, not sampled profiles: under load a `--cpu-prof` sample lands on whatever runs when the thread gets a core back,
 * so system calls (open, read, fstat, threadCpuUsage) look 10–50× dearer there than they are.
 */
import path from 'node:path';
import { ParsePool } from '../electron/core/index/parse-pool.ts';
import { scanVault } from '../electron/core/index/scan.ts';
import { nodeVaultFs } from '../electron/core/index/vault-fs.ts';
import { parseArgsOrUsage } from './cli-args.ts';

const USAGE = 'usage: node scripts/bench-workers.ts <vault> [--workers 1,2] [--rounds 3]';

const cpuMs = (u: NodeJS.CpuUsage) => Math.round((u.user + u.system) / 1000);

async function main(argv: string[]): Promise<number> {
  const parsed = parseArgsOrUsage(
    {
      args: argv,
      allowPositionals: true,
      options: { workers: { type: 'string', default: '1,2' }, rounds: { type: 'string', default: '3' } },
    } as const,
    USAGE,
  );
  const vault = parsed?.positionals[0];
  if (!parsed || !vault) {
    if (parsed) console.error(USAGE);
    return 2;
  }
  const counts = parsed.values.workers.split(',').map(Number);
  const rounds = Number(parsed.values.rounds);
  if (counts.some((n) => !(n >= 1)) || !(rounds >= 1)) {
    console.error(USAGE);
    return 2;
  }
  const tasks = scanVault(nodeVaultFs, vault)
    .files.filter((f) => f.kind === 'note')
    .map((f) => ({ path: f.path, absPath: path.join(vault, f.diskPath), size: f.size, oldHash: null }));
  for (let round = 0; round < rounds; round++) {
    for (const workers of counts) {
      const pool = new ParsePool({ workers, fs: nodeVaultFs });
      const process0 = process.cpuUsage();
      const main0 = process.threadCpuUsage();
      const t0 = performance.now();
      let notes = 0;
      await pool.parse(tasks, (results) => {
        notes += results.length;
      });
      const wallMs = Math.round(performance.now() - t0);
      const totalMs = cpuMs(process.cpuUsage(process0));
      const mainMs = cpuMs(process.threadCpuUsage(main0));
      const workerThreadMs = await pool.workerCpuMs();
      await pool.close();
      const threads = workerThreadMs.reduce<number>((a, b) => a + (b ?? 0), 0);
      console.log(
        JSON.stringify({
          workers,
          notes,
          wallMs,
          workerThreadMs,
          mainMs,
          otherMs: totalMs - mainMs - threads,
          totalMs,
        }),
      );
    }
  }
  return 0;
}

if (import.meta.main) process.exitCode = await main(process.argv.slice(2));
