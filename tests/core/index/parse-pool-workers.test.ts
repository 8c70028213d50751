/**
 * How many parse workers a pass starts (issue 13, indexer.ts `ONE_WORKER_BYTES`): a vault of a few MB is parsed by
 * one worker even in a pool of two (a second isolate's start-up and JIT cost more CPU than it saves there), and
 * `ParsePool.workerCpuMs` reports each live worker thread's CPU.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Indexer } from '../../../electron/core/index/indexer.ts';
import { ParsePool } from '../../../electron/core/index/parse-pool.ts';
import { nodeVaultFs } from '../../../electron/core/index/vault-fs.ts';
import { SqliteStore } from '../../../electron/core/store/sqlite-store.ts';
import { tempVault } from './helpers.ts';

/** `count` notes of about 10 KB each, linking to each other. */
function writeNotes(root: string, count: number): number {
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const para = `Note ${i} links [[n${(i + 1) % count}]] and #tag/${i % 7}; 协程调度 text with some words.\n\n`;
    const text = `# n${i}\n\n${para.repeat(Math.ceil(10_000 / para.length))}`;
    fs.writeFileSync(path.join(root, `n${i}.md`), text);
    bytes += Buffer.byteLength(text);
  }
  return bytes;
}

test('a cold index of ~700 KB of notes uses one worker of a pool of two; workerCpuMs reports its CPU', async () => {
  const { root, db } = tempVault();
  const bytes = writeNotes(root, 64);
  assert.ok(bytes > 600 * 1024, `${bytes} bytes: over the old one-worker limit (512 KB)`);
  const pool = new ParsePool({ workers: 2, fs: nodeVaultFs });
  const store = SqliteStore.open(db, root);
  try {
    const r = await new Indexer(store, { root, fs: nodeVaultFs, pool }).sync();
    assert.equal(r.cold, true);
    assert.equal(r.parsed, 64);
    assert.equal(store.counts().notes, 64);
    const cpu = await pool.workerCpuMs();
    assert.equal(cpu.length, 1, 'one worker started');
    assert.ok(typeof cpu[0] === 'number' && cpu[0] > 0, `the worker's thread CPU: ${cpu[0]} ms`);
  } finally {
    await pool.close();
    store.close();
  }
});

test('a pool asked for two workers starts two, and reports the CPU of each', async () => {
  const { root } = tempVault();
  writeNotes(root, 8);
  const tasks = fs.readdirSync(root).map((name) => {
    const absPath = path.join(root, name);
    return { path: name, absPath, size: fs.statSync(absPath).size, oldHash: null };
  });
  const pool = new ParsePool({ workers: 2, fs: nodeVaultFs });
  try {
    let parsed = 0;
    await pool.parse(tasks, (rs) => (parsed += rs.length), { chunk: { notes: 1, bytes: 1 } });
    assert.equal(parsed, 8);
    const cpu = await pool.workerCpuMs();
    assert.equal(cpu.length, 2);
    for (const ms of cpu) assert.ok(typeof ms === 'number' && ms > 0, `${ms} ms`);
  } finally {
    await pool.close();
  }
});
