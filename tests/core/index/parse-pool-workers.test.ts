/**
 * How many parse workers a pass starts (issue 13, indexer.ts `ONE_WORKER_BYTES`): below 512 KB of notes one worker
 * (a second isolate's start-up costs more than it saves), above it every worker of the pool, on any number of cores;
 * and `ParsePool.workerCpuMs` reports each live worker thread's CPU.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Indexer, ONE_WORKER_BYTES } from '../../../electron/core/index/indexer.ts';
import { ParsePool } from '../../../electron/core/index/parse-pool.ts';
import { readAndParse, type ParseResult } from '../../../electron/core/index/read-note.ts';
import { nodeVaultFs } from '../../../electron/core/index/vault-fs.ts';
import { SqliteStore } from '../../../electron/core/store/sqlite-store.ts';
import { openIndex, queryOf, tempVault } from './helpers.ts';

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

test('one worker below 512 KB of notes', () => {
  assert.equal(ONE_WORKER_BYTES, 512 * 1024);
});

test('a cold index of ~700 KB of notes in a pool of two starts both workers', async () => {
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
    assert.equal(cpu.length, 2, `workers started: ${cpu.length}`);
    for (const ms of cpu) assert.ok(typeof ms === 'number' && ms > 0, `a worker's thread CPU: ${ms} ms`);
  } finally {
    await pool.close();
    store.close();
  }
});

test('a cold index of ~100 KB of notes in a pool of two starts one worker', async () => {
  const { root, db } = tempVault();
  const bytes = writeNotes(root, 10);
  assert.ok(bytes < ONE_WORKER_BYTES, `${bytes} bytes`);
  const pool = new ParsePool({ workers: 2, fs: nodeVaultFs });
  const store = SqliteStore.open(db, root);
  try {
    await new Indexer(store, { root, fs: nodeVaultFs, pool }).sync();
    assert.equal(store.counts().notes, 10);
    assert.equal((await pool.workerCpuMs()).length, 1);
  } finally {
    await pool.close();
    store.close();
  }
});

test('the ~700 KB vault indexed by a pool of two gives the same index as this thread alone', async () => {
  const { root, db, work } = tempVault();
  writeNotes(root, 64);
  const threaded = await openIndex(root, db, { workers: 2 });
  const inThread = await openIndex(root, path.join(work, 'in-thread.db'), { workers: 0 });
  try {
    await threaded.sync();
    await inThread.sync();
    assert.deepEqual(queryOf(threaded).export(), queryOf(inThread).export());
  } finally {
    threaded.close();
    inThread.close();
  }
});

test('a pool asked for two workers starts two, parses as this thread does, and reports the CPU of each', async () => {
  const { root } = tempVault();
  writeNotes(root, 8);
  const tasks = fs.readdirSync(root).map((name) => {
    const absPath = path.join(root, name);
    return { path: name, absPath, size: fs.statSync(absPath).size, oldHash: null };
  });
  const pool = new ParsePool({ workers: 2, fs: nodeVaultFs });
  try {
    const got: ParseResult[] = [];
    await pool.parse(tasks, (rs) => got.push(...rs), { chunk: { notes: 1, bytes: 1 } });
    const byPath = (rs: ParseResult[]) => rs.toSorted((a, b) => (a.path < b.path ? -1 : 1));
    assert.deepEqual(byPath(got), byPath(tasks.map((t) => readAndParse(nodeVaultFs, t))));
    const cpu = await pool.workerCpuMs();
    assert.equal(cpu.length, 2);
    for (const ms of cpu) assert.ok(typeof ms === 'number' && ms > 0, `${ms} ms`);
  } finally {
    await pool.close();
  }
});
