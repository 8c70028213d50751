/**
 * The units of work of the parse pool (parse-pool.ts): notes go to the workers in chunks (one message each way per
 * chunk), and when a worker dies its chunks are salvaged — the note it was parsing is indexed from the plain-text
 * fallback, the rest goes back to the queue.
 */
import type { ParseTask } from './read-note.ts';

export interface Chunk {
  id: number;
  tasks: ParseTask[];
}

/**
 * Splits `tasks` in order into chunks of at most `limit.notes` notes and about `limit.bytes` bytes (by `size`; a
 * note larger than that is a chunk of its own). `nextId` numbers them.
 */
export function chunkTasks(tasks: ParseTask[], limit: { notes: number; bytes: number }, nextId: () => number): Chunk[] {
  const chunks: Chunk[] = [];
  for (let i = 0; i < tasks.length; ) {
    let j = i;
    let bytes = 0;
    while (j < tasks.length && j - i < limit.notes && (j === i || bytes + tasks[j].size <= limit.bytes))
      bytes += tasks[j++].size;
    chunks.push({ id: nextId(), tasks: tasks.slice(i, j) });
    i = j;
  }
  return chunks;
}

/** Where a worker was when it died: the note it was parsing (message id and index in it) if `started` > 0. */
export interface DeathPoint {
  msgId: number;
  taskIdx: number;
  /** Start ms of the note being parsed, 0 when the worker was between notes. */
  started: number;
}

/** A worker died this many times with a note in flight but no note named: that note is indexed from the fallback. */
const STRIKES = 3;

/**
 * What becomes of a dead worker's chunks in flight: the note it was parsing is a fallback (`timeout` or `crash` as
 * `why`); every other note goes back to the queue in new chunks, except that a worker dying while no note was named
 * (between notes, before its first) gives each of its notes a strike in `strikes` (by absolute path; updated here),
 * and a note at three strikes is a `crash` fallback instead (never loop on a note that kills workers).
 */
export function salvage(
  inFlight: Chunk[],
  at: DeathPoint,
  why: 'timeout' | 'crash',
  strikes: Map<string, number>,
  nextId: () => number,
): { requeue: Chunk[]; fallbacks: { task: ParseTask; kind: 'timeout' | 'crash' }[] } {
  const requeue: Chunk[] = [];
  const fallbacks: { task: ParseTask; kind: 'timeout' | 'crash' }[] = [];
  for (const c of inFlight) {
    // the note being parsed when the worker died (progress is written only while a note is parsed)
    const current = at.started > 0 && c.id === at.msgId ? c.tasks[at.taskIdx] : undefined;
    const rest: ParseTask[] = [];
    for (const t of c.tasks) {
      if (t === current) continue;
      const n = (strikes.get(t.absPath) ?? 0) + (at.started > 0 ? 0 : 1);
      strikes.set(t.absPath, n);
      if (n >= STRIKES) fallbacks.push({ task: t, kind: 'crash' });
      else rest.push(t);
    }
    if (current) fallbacks.push({ task: current, kind: why });
    if (rest.length) requeue.push({ id: nextId(), tasks: rest });
  }
  return { requeue, fallbacks };
}
