/**
 * Parsing notes in `worker_threads` workers under a per-note time budget (issue 10: no note can stall indexing).
 *
 * `ParsePool` starts its workers on first use and keeps them (unref'd, so they never hold a process open) until
 * `close()`: a cold index and every later saved note parse off the calling thread, on warm, JIT-compiled workers.
 * Each worker publishes the note it is parsing, since when and its own CPU time then in a small SharedArrayBuffer; a
 * watchdog on the calling thread terminates a worker whose note has used more than its budget (`parseBudgetMs`) of
 * the worker's CPU time, respawns it, re-sends the rest of its work, and indexes that note from the plain-text fallback (`readFallback`: title, frontmatter, text for search) with
 * a `parse-timeout` problem. A worker that crashes on a note (out of memory, stack) is handled the same way
 * (`parse-crash`). If workers cannot start at all, the work is done on the calling thread (no budget there).
 * Results come back in batches and are handed to `onBatch` (which writes them in one transaction).
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ParseResult, ParseTask } from './read-note.ts';
import type { VaultFs } from './vault-fs.ts';
import { budgetVerdict, defaultParseBudgetMs, WORKER_CPU } from './parse-budget.ts';
import { bundledParseWorker, workerExecArgv } from './worker-bundle.ts';
import { type Chunk, chunkTasks, salvage } from './parse-chunks.ts';

export { defaultParseBudgetMs } from './parse-budget.ts';

type ReadNote = typeof import('./read-note.ts');
let readNote: Promise<ReadNote> | null = null;
/**
 * The parser on this thread, loaded on first use: it is needed only for the plain-text fallback and when no worker
 * can start, and loading micromark, the extensions and `yaml` costs ~0.3 s of CPU at start-up (issue 13) — a thread
 * whose notes all parse in workers never pays it.
 */
function loadReadNote(): Promise<ReadNote> {
  readNote ??= import('./read-note.ts');
  return readNote;
}

export interface ParsePoolOptions {
  /** Number of workers; 0 parses on the calling thread (no time budget). */
  workers: number;
  /** Worker script; default the up-to-date bundle of a source checkout (worker-bundle.ts), else `./parse-worker.ts`. */
  workerUrl?: URL | string;
  fs: VaultFs;
  /**
   * Per-note parse budget, ms of the worker's CPU time, for a note of `bytes` bytes; default `defaultParseBudgetMs`.
   * CPU, not wall time: on a busy machine a worker gets a fraction of a core, and a normal note must not be cut off
   * (issue 13). Wall time still ends a note after `wallCapMs(budget)` (a note that does not use the CPU: a stalled
   * read), and where `Worker.cpuUsage` is missing (Node < 24.6) the budget is wall time.
   */
  budgetMs?: (bytes: number) => number;
}

/** min(available cores, 4): the default number of parse workers. */
export function defaultWorkerCount(): number {
  return Math.max(1, Math.min(os.availableParallelism?.() ?? os.cpus().length, 4));
}

/** Chunks each worker holds at once, so it parses the next while this thread writes earlier results. */
const IN_FLIGHT_PER_WORKER = 3;
/**
 * Default chunk: up to 64 notes or ~256 KB. Larger chunks mean fewer messages; small enough that the last chunks
 * balance between the workers and a worker's death re-sends little.
 */
const DEFAULT_CHUNK = { notes: 64, bytes: 256 * 1024 };
/**
 * Young-generation size of a parse worker's V8 heap, MB. V8's default (~48 MB on 64-bit) let each worker's heap grow
 * to ~170 MB over a 10k-note cold index although under 25 MB is live; at 12 MB the workers peaked at ~70 MB each and
 * the process's peak RSS fell from 617 to 423 MB, at no measurable CPU cost (docs/indexing-performance.md).
 */
const WORKER_YOUNG_GENERATION_MB = 12;
/** Watchdog period, ms. */
const WATCH_MS = 50;

const yieldToLoop = () => new Promise<void>((r) => setImmediate(r));

interface Slot {
  worker: Worker;
  /**
   * [message id, task index, start ms (Date.now(), 0 = idle), the worker's CPU ms at that start
   * (`process.threadCpuUsage`)], written by the worker.
   */
  progress: Float64Array;
  /** A `cpuUsage()` request of the watchdog in flight. */
  measuring: boolean;
  inFlight: Chunk[];
  online: boolean;
  dead: boolean;
}

/** One parse run: its queue of chunks and the callback receiving results. */
interface Run {
  queue: Chunk[];
  onBatch: (r: ParseResult[]) => void;
  pending: number;
  failure: unknown;
  done: () => void;
}

export class ParsePool {
  private readonly opts: ParsePoolOptions;
  private readonly slots: Slot[] = [];
  private nextId = 0;
  private run: Run | null = null;
  private watchdog: NodeJS.Timeout | null = null;
  /** Workers could not start: parse on the calling thread from now on. */
  private broken = false;
  private closed = false;
  /** Notes that ran over budget or crashed a worker (for tests and reports). */
  timeouts = 0;
  /** Per task (absolute path): how many workers died while it was in flight. Two strikes: fallback. */
  private readonly strikes = new Map<string, number>();

  constructor(opts: ParsePoolOptions) {
    this.opts = opts;
  }

  private budget(task: ParseTask): number {
    return (this.opts.budgetMs ?? defaultParseBudgetMs)(task.size);
  }

  /**
   * Starts up to `count` workers now (default all; e.g. in idle time, or while a cold index scans the vault), so the
   * first parse does not wait for their start-up.
   */
  warmUp(count = this.opts.workers): void {
    if (this.opts.workers <= 0 || this.broken || this.closed) return;
    const want = Math.min(count, this.opts.workers);
    while (this.slots.length < want) if (!this.spawn()) return;
  }

  private spawn(): Slot | null {
    // the one-file bundle of the worker when a source checkout has an up-to-date one (worker-bundle.ts)
    const url = this.opts.workerUrl ?? bundledParseWorker() ?? new URL('./parse-worker.ts', import.meta.url);
    const sab = new SharedArrayBuffer(4 * Float64Array.BYTES_PER_ELEMENT);
    let worker: Worker;
    try {
      worker = new Worker(url, {
        workerData: { progress: sab },
        execArgv: workerExecArgv(),
        resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
      });
    } catch {
      this.broken = true;
      return null;
    }
    worker.unref();
    const slot: Slot = {
      worker,
      progress: new Float64Array(sab),
      measuring: false,
      inFlight: [],
      online: false,
      dead: false,
    };
    this.slots.push(slot);
    worker.on('online', () => {
      slot.online = true;
    });
    worker.on('message', (msg: { id: number; results: ParseResult[] }) => this.onMessage(slot, msg));
    worker.on('error', () => this.onDeath(slot, 'crash'));
    worker.on('exit', () => this.onDeath(slot, 'crash'));
    return slot;
  }

  private onMessage(slot: Slot, msg: { id: number; results: ParseResult[] }): void {
    const at = slot.inFlight.findIndex((c) => c.id === msg.id);
    if (at < 0 || slot.dead) return;
    slot.inFlight.splice(at, 1);
    const run = this.run;
    if (!run) return;
    run.pending--;
    this.deliver(run, msg.results);
    this.feed(slot);
    this.maybeFinish();
  }

  private deliver(run: Run, results: ParseResult[]): void {
    if (run.failure) return;
    try {
      run.onBatch(results);
    } catch (e) {
      run.failure = e;
      run.queue.length = 0;
    }
  }

  /**
   * A worker went away: on purpose (`timeout`, terminated by the watchdog) or not (`crash`). The note it was parsing
   * is indexed from the fallback; the rest of its work goes back to the queue, and a new worker takes its place.
   */
  private onDeath(slot: Slot, why: 'timeout' | 'crash'): void {
    if (slot.dead) return;
    slot.dead = true;
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    void slot.worker.terminate().catch(() => {});
    const run = this.run;
    const inFlight = slot.inFlight.splice(0);
    if (!slot.online && why === 'crash' && this.slots.every((s) => !s.online)) this.broken = true;
    if (!run) return;
    run.pending -= inFlight.length;
    const [msgId, taskIdx, started] = slot.progress;
    const salvaged = salvage(inFlight, { msgId, taskIdx, started }, why, this.strikes, () => this.nextId++);
    const fallbacks = salvaged.fallbacks.map(({ task, kind }) => {
      this.timeouts++;
      const problem =
        kind === 'timeout'
          ? {
              kind: 'parse-timeout',
              message: `parsing took over ${Math.round(this.budget(task))} ms${WORKER_CPU ? ' of CPU' : ''}; indexed as plain text`,
            }
          : { kind: 'parse-crash', message: 'the parser crashed on this note; indexed as plain text' };
      return { task, problem };
    });
    run.queue.unshift(...salvaged.requeue);
    if (fallbacks.length) {
      // the fallback reader is loaded on first use; the run stays open (pending) until these notes are delivered
      run.pending++;
      void loadReadNote()
        .then((m) => {
          for (const f of fallbacks) this.deliver(run, [m.readFallback(this.opts.fs, f.task, f.problem)]);
        })
        .catch((e: unknown) => {
          run.failure ??= e;
        })
        .finally(() => {
          run.pending--;
          this.maybeFinish();
        });
    }
    if (!this.closed && !this.broken) {
      const fresh = this.spawn();
      if (fresh) this.feed(fresh);
    }
    if (this.slots.length === 0) void this.drainInThread(run);
    else for (const s of this.slots) this.feed(s);
    this.maybeFinish();
  }

  private feed(slot: Slot): void {
    const run = this.run;
    if (!run || slot.dead) return;
    while (slot.inFlight.length < IN_FLIGHT_PER_WORKER && run.queue.length) {
      const chunk = run.queue.shift() as Chunk;
      slot.inFlight.push(chunk);
      run.pending++;
      slot.worker.postMessage({ id: chunk.id, tasks: chunk.tasks });
    }
  }

  private check(): void {
    const now = Date.now();
    for (const slot of [...this.slots]) {
      const [msgId, taskIdx, started, cpuAtStart] = slot.progress;
      if (!(started > 0)) continue;
      const chunk = slot.inFlight.find((c) => c.id === msgId);
      const task = chunk?.tasks[taskIdx];
      if (!task) continue;
      const budget = this.budget(task);
      const verdict = budgetVerdict(now - started, budget, WORKER_CPU ? null : now - started);
      if (verdict === 'over') this.onDeath(slot, 'timeout');
      else if (verdict === 'measure-cpu' && !slot.measuring) {
        // over budget in wall time: has the worker used that much CPU on this note? (asynchronous; same note after?)
        slot.measuring = true;
        slot.worker.cpuUsage().then(
          (u) => {
            slot.measuring = false;
            const p = slot.progress;
            if (slot.dead || p[0] !== msgId || p[1] !== taskIdx || p[2] !== started) return;
            const cpuMs = (u.user + u.system) / 1000 - cpuAtStart;
            if (budgetVerdict(Date.now() - started, budget, cpuMs) === 'over') this.onDeath(slot, 'timeout');
          },
          () => {
            slot.measuring = false;
          },
        );
      }
    }
  }

  private maybeFinish(): void {
    const run = this.run;
    if (run && run.pending === 0 && run.queue.length === 0) {
      this.run = null;
      this.strikes.clear();
      if (this.watchdog) clearInterval(this.watchdog);
      this.watchdog = null;
      run.done();
    }
  }

  /** Parses the queue on the calling thread (no workers could start). */
  private async drainInThread(run: Run): Promise<void> {
    // loading the parser (first use on this thread) holds the run open
    run.pending++;
    let readAndParse: ReadNote['readAndParse'] | null = null;
    try {
      ({ readAndParse } = await loadReadNote());
    } catch (e) {
      run.failure ??= e;
      run.queue.length = 0;
    }
    run.pending--;
    if (!readAndParse) {
      this.maybeFinish();
      return;
    }
    const parse = readAndParse;
    while (run.queue.length) {
      const chunk = run.queue.shift() as Chunk;
      run.pending++;
      this.deliver(
        run,
        chunk.tasks.map((t) => parse(this.opts.fs, t)),
      );
      run.pending--;
      // yield between chunks only: after the last one the run ends in the same task, so that no query runs between
      // the last batch's write and the caller's resolution pass (a note visible with its links not yet resolved)
      if (run.queue.length) await yieldToLoop();
    }
    this.maybeFinish();
  }

  /**
   * Parses `tasks`, calling `onBatch` for each batch of results (in completion order). One run at a time (the
   * indexer runs one pass at a time). Rethrows what `onBatch` threw, after the run stops.
   * Tasks go to the workers in chunks of at most `chunk.notes` notes and about `chunk.bytes` bytes (one message
   * each way per chunk); `workers` caps the workers this run starts (a small vault does not pay for a second one).
   */
  async parse(
    tasks: ParseTask[],
    onBatch: (r: ParseResult[]) => void,
    opts: { workers?: number; chunk?: { notes: number; bytes: number } } = {},
  ): Promise<void> {
    if (this.run) throw new Error('ParsePool.parse: a run is already in progress');
    if (tasks.length === 0) return;
    const queue = chunkTasks(tasks, opts.chunk ?? DEFAULT_CHUNK, () => this.nextId++);
    let failure: unknown = null;
    await new Promise<void>((resolve) => {
      const run: Run = {
        queue,
        onBatch,
        pending: 0,
        failure: null,
        done: () => {
          failure = run.failure;
          resolve();
        },
      };
      this.run = run;
      if (this.opts.workers <= 0 || this.broken || this.closed) {
        void this.drainInThread(run);
        return;
      }
      const want = Math.min(this.opts.workers, opts.workers ?? this.opts.workers, queue.length);
      while (this.slots.length < want && !this.broken) if (!this.spawn()) break;
      if (this.slots.length === 0) {
        void this.drainInThread(run);
        return;
      }
      this.watchdog = setInterval(() => this.check(), WATCH_MS);
      this.watchdog.unref();
      for (const s of this.slots) this.feed(s);
    });
    if (failure) throw failure;
  }

  /**
   * CPU ms (user + system) each live worker's thread has used since it started, from `Worker#cpuUsage` (Node ≥ 24.6;
   * `null` for a worker without it or that exited meanwhile). The thread alone: V8's background compiler and GC
   * threads are counted in the process, not here (scripts/bench-workers.ts; docs/indexing-performance.md, round 6).
   */
  async workerCpuMs(): Promise<(number | null)[]> {
    return Promise.all(
      this.slots.map(async (s) => {
        if (typeof s.worker.cpuUsage !== 'function') return null;
        try {
          const u = await s.worker.cpuUsage();
          return Math.round((u.user + u.system) / 1000);
        } catch {
          return null;
        }
      }),
    );
  }

  /**
   * Lets the idle workers go (they exit in the background); the next `warmUp` or `parse` starts fresh ones. After a
   * cold index a worker's V8 heap stays near its peak (V8 rarely gives memory back); a fresh worker holds only the
   * parser (~30 MB). A no-op while a run is in progress. Resolves when the workers let go have exited (their threads
   * and V8 heaps are gone then; see release-memory.ts for the C heap they leave).
   */
  async recycle(): Promise<void> {
    if (this.run) return;
    const slots = this.slots.splice(0);
    for (const s of slots) s.dead = true;
    await Promise.all(slots.map((s) => s.worker.terminate().catch(() => 0)));
  }

  /** Stops the workers. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.watchdog) clearInterval(this.watchdog);
    const slots = this.slots.splice(0);
    for (const s of slots) s.dead = true;
    await Promise.all(slots.map((s) => s.worker.terminate().catch(() => 0)));
  }
}

/** Parses `tasks` once with a pool of its own (closed afterwards). */
export async function parseAll(
  tasks: ParseTask[],
  opts: ParsePoolOptions,
  onBatch: (r: ParseResult[]) => void,
): Promise<void> {
  const pool = new ParsePool(opts);
  try {
    await pool.parse(tasks, onBatch);
  } finally {
    await pool.close();
  }
}
