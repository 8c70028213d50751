/**
 * The per-note parse budget of the parse workers (issue 10: no note can stall indexing; issue 13: load must not cut a
 * normal note off). The pool's watchdog (parse-pool.ts) applies it to the note a worker is parsing.
 */
import { Worker } from 'node:worker_threads';

/**
 * The default per-note budget: 2 s plus 3 ms per KB (a 5 MB note, the largest parsed, gets ~17 s). Real notes parse in
 * well under 50 ms; the pathological shapes of issue 10 take 4–85 s without the budget. The per-KB part covers big
 * notes dense with markup, which parse in linear time but slowly: a 4.3 MB journal of 32,000 dated entries (a heading,
 * a list with a wiki link, a tag and a block id, a paragraph with a link) takes ~10 s of CPU on these machines
 * (~2.3 ms per KB), and at 1 ms per KB it was cut off and indexed as plain text, losing its 32,000 links.
 */
export function defaultParseBudgetMs(bytes: number): number {
  return 2000 + (3 * bytes) / 1024;
}

/**
 * Wall time after which a note is cut off whatever CPU it used, ms, for a CPU budget of `budgetMs`: 10× the budget and
 * at least 30 s — far beyond what load does to a normal note (a thread getting 1/15 of a core turns a 50 ms parse into
 * 0.75 s), so it ends only a note that waits on something other than the CPU.
 */
export function wallCapMs(budgetMs: number): number {
  return Math.max(10 * budgetMs, 30_000);
}

/** The watchdog's verdict on a note running for `wallMs`: within budget, ask the worker's CPU time, or cut it off. */
export function budgetVerdict(wallMs: number, budgetMs: number, cpuMs: number | null): 'ok' | 'measure-cpu' | 'over' {
  if (wallMs <= budgetMs) return 'ok'; // CPU time never exceeds wall time on one thread
  if (wallMs > wallCapMs(budgetMs)) return 'over';
  if (cpuMs === null) return 'measure-cpu';
  return cpuMs > budgetMs ? 'over' : 'ok';
}

/** Whether this Node can read a worker's CPU time from outside (`Worker#cpuUsage`, Node 24.6). */
export const WORKER_CPU = typeof (Worker.prototype as { cpuUsage?: unknown }).cpuUsage === 'function';
