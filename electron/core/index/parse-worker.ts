/**
 * Parse worker (worker_threads): reads and parses the notes it is sent and posts the results back.
 * Message in: `{ id, tasks: ParseTask[] }`; message out: `{ id, results: ParseResult[] }`.
 * `workerData.progress` (SharedArrayBuffer of 4 float64): [message id, task index, start ms (Date.now()), this thread's
 * CPU ms then (`process.threadCpuUsage`)] of the note being parsed, 0 as start when idle; the pool's watchdog reads it
 * to enforce the per-note CPU budget (parse-pool.ts).
 * Loaded as `new Worker(new URL('./parse-worker.ts', import.meta.url))` (Node type stripping) or from an explicit
 * URL in bundled builds.
 *
 * On Linux the thread lowers its own scheduling priority to nice {@link PARSE_WORKER_NICE} (nice is per thread there:
 * `setpriority(PRIO_PROCESS, 0)` applies to the calling thread only), so a cold index that fills every core yields to
 * the window: in the browser host on 2 cores, typing in a note during a 10k cold index had Event Timing keydown
 * durations p95 472–720 ms with two parse workers at nice 0 (`npm run bench:editor -- --typing-only`). Elsewhere the
 * same call would lower the whole process, so it is not made.
 */
import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { readAndParse, warmUpParser, type ParseResult, type ParseTask } from './read-note.ts';
import { nodeVaultFs } from './vault-fs.ts';

/** The nice value a parse worker's thread runs at on Linux (0 is normal, 19 the lowest priority). */
export const PARSE_WORKER_NICE = 10;

const port = parentPort;
if (port && process.platform === 'linux') {
  try {
    os.setPriority(0, Math.max(os.getPriority(0), PARSE_WORKER_NICE));
  } catch {
    // not allowed (a sandbox without setpriority): parse at the inherited priority
  }
}
const progress = (workerData as { progress?: SharedArrayBuffer } | null)?.progress;
const slot = progress ? new Float64Array(progress) : new Float64Array(4);
if (port) {
  port.on('message', (msg: { id: number; tasks: ParseTask[] }) => {
    const results: ParseResult[] = [];
    for (let i = 0; i < msg.tasks.length; i++) {
      const cpu = process.threadCpuUsage();
      slot[0] = msg.id;
      slot[1] = i;
      slot[3] = (cpu.user + cpu.system) / 1000;
      slot[2] = Date.now();
      results.push(readAndParse(nodeVaultFs, msg.tasks[i]));
    }
    slot[2] = 0;
    port.postMessage({ id: msg.id, results });
  });
  // JIT-compile the parser before the first real note (messages wait in the queue meanwhile)
  setImmediate(() => warmUpParser(5));
}
