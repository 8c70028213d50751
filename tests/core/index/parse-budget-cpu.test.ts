/**
 * The per-note parse budget counts the worker's CPU time, not wall time (issue 13; parse-pool.ts): on a busy machine
 * a worker gets a fraction of a core, and a normal note must never be cut off and indexed as plain text for that,
 * while a note that burns CPU is still cut off at its budget. The stand-in worker (stall-parse-worker.ts) waits 1.5 s
 * without CPU on one note — five times its 300 ms budget in wall time — and spins on another.
 *
 * Load-proof: the waiting note uses no CPU however busy the machine is, and the spinning one uses its budget's worth
 * of CPU however long that takes; nothing here measures wall time.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { budgetVerdict, wallCapMs } from '../../../electron/core/index/parse-budget.ts';
import { ParsePool } from '../../../electron/core/index/parse-pool.ts';
import type { ParseResult, ParseTask } from '../../../electron/core/index/read-note.ts';
import { nodeVaultFs } from '../../../electron/core/index/vault-fs.ts';
import { tempVault } from './helpers.ts';

test('budgetVerdict: within the budget by wall time; over it, the CPU time decides, up to the wall cap', () => {
  assert.equal(budgetVerdict(200, 300, null), 'ok');
  assert.equal(budgetVerdict(1500, 300, null), 'measure-cpu');
  assert.equal(budgetVerdict(1500, 300, 20), 'ok', 'waited, used little CPU');
  assert.equal(budgetVerdict(1500, 300, 301), 'over');
  assert.equal(wallCapMs(300), 30_000);
  assert.equal(wallCapMs(7000), 70_000);
  assert.equal(budgetVerdict(30_001, 300, null), 'over', 'past the wall cap whatever the CPU');
});

const hasWorkerCpu = typeof (Worker.prototype as { cpuUsage?: unknown }).cpuUsage === 'function';

test('a note that waits 5× its budget without CPU is parsed in full; one that spins is cut off at its CPU budget', {
  skip: hasWorkerCpu ? false : 'Worker#cpuUsage needs Node 24.6',
}, async () => {
  const { root } = tempVault();
  const pad = ` ${'filler words '.repeat(100)}\n`; // over 1 KB: the short budget below
  const notes: Record<string, string> = {
    'waits.md': `# Waits\n\nSTALL-WAIT [[normal]] #waited\n${pad}`,
    'spins.md': `# Spins\n\nSTALL-SPIN zebraword\n${pad}`,
    'normal.md': '# Normal\n\n[[waits]]\n',
  };
  const tasks: ParseTask[] = Object.entries(notes).map(([p, text]) => {
    fs.writeFileSync(path.join(root, p), text);
    return { path: p, absPath: path.join(root, p), size: Buffer.byteLength(text), oldHash: null };
  });
  // 300 ms for the two stand-ins; the small note gets 120 s (its first parse on a cold worker is not the point)
  const pool = new ParsePool({
    workers: 1,
    workerUrl: new URL('./stall-parse-worker.ts', import.meta.url),
    fs: nodeVaultFs,
    budgetMs: (bytes) => (bytes > 1024 ? 300 : 120_000),
  });
  const got = new Map<string, ParseResult>();
  try {
    await pool.parse(tasks, (rs) => {
      for (const r of rs) got.set(r.path, r);
    });
  } finally {
    await pool.close();
  }
  const problems = (p: string) => {
    const r = got.get(p);
    assert.ok(r && r.status === 'parsed', `${p} indexed`);
    return r.note.problems.map((x) => x.kind);
  };
  assert.deepEqual(problems('waits.md'), [], 'waiting is not parsing: no parse-timeout');
  const waits = got.get('waits.md');
  assert.ok(waits?.status === 'parsed');
  assert.deepEqual(waits.note.tags, ['waited'], 'parsed in full, not the plain-text fallback');
  assert.deepEqual(problems('spins.md'), ['parse-timeout']);
  assert.deepEqual(problems('normal.md'), []);
  assert.equal(pool.timeouts, 1);
});
