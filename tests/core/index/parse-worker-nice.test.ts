/**
 * parse-worker.ts: on Linux each parse worker's thread runs at nice PARSE_WORKER_NICE (a cold index yields the cores
 * to the window), and the thread that started the pool keeps its priority. Read from /proc/self/task/<tid>/stat.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ParsePool } from '../../../electron/core/index/parse-pool.ts';
import { PARSE_WORKER_NICE } from '../../../electron/core/index/parse-worker.ts';
import { nodeVaultFs } from '../../../electron/core/index/vault-fs.ts';
import { tempVault } from './helpers.ts';

/** Nice value per thread of this process, by thread name. */
function threadNices(): { name: string; nice: number }[] {
  return fs.readdirSync('/proc/self/task').map((tid) => {
    const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')), nice: Number(rest[16]) };
  });
}

test('parse workers run at a lower priority than the thread that started them', {
  skip: process.platform !== 'linux',
}, async () => {
  const { root } = tempVault();
  const tasks = [0, 1, 2, 3].map((i) => {
    const absPath = path.join(root, `n${i}.md`);
    fs.writeFileSync(absPath, `# n${i}\n\n[[n${(i + 1) % 4}]] 协程\n`);
    return { path: `n${i}.md`, absPath, size: fs.statSync(absPath).size, oldHash: null };
  });
  const before = threadNices().find((t) => t.name === 'MainThread')?.nice ?? 0;
  const pool = new ParsePool({ workers: 2, fs: nodeVaultFs });
  try {
    await pool.parse(tasks, () => {}, { chunk: { notes: 1, bytes: 1 } });
    const nices = threadNices();
    const workers = nices.filter((t) => t.name === 'WorkerThread');
    assert.equal(workers.length, 2, JSON.stringify(nices));
    for (const w of workers) assert.equal(w.nice, Math.max(before, PARSE_WORKER_NICE));
    assert.equal(nices.find((t) => t.name === 'MainThread')?.nice, before, 'this thread keeps its priority');
  } finally {
    await pool.close();
  }
});
