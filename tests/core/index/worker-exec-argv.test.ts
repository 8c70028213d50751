/**
 * Parse workers start without the calling process's preloads and V8 options (issue 13, `workerExecArgv` in
 * worker-bundle.ts): a worker inheriting `--import ./scripts/compile-cache.ts` loaded Node's TypeScript stripper to run
 * it, and V8 options such as `--max-semi-space-size` are refused by `new Worker`. Profiler options stay, so that
 * `--cpu-prof` still profiles the workers.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';
import { workerExecArgv } from '../../../electron/core/index/worker-bundle.ts';

const CLI_ARGV = [
  '--max-semi-space-size=4',
  '--import',
  './scripts/compile-cache.ts',
  '--require=./x.cjs',
  '-r',
  './y.cjs',
  '--cpu-prof',
  '--cpu-prof-dir',
  '/tmp/prof',
  '--heap-prof-interval=1024',
];

test('workerExecArgv keeps only the profiler options, in --opt=value form', () => {
  assert.deepEqual(workerExecArgv(CLI_ARGV), ['--cpu-prof', '--cpu-prof-dir=/tmp/prof', '--heap-prof-interval=1024']);
  assert.deepEqual(workerExecArgv([]), []);
  assert.deepEqual(workerExecArgv(['--import=./scripts/compile-cache.ts', '--experimental-loader', 'l.mjs']), []);
});

test('a worker starts with the filtered options; the unfiltered ones are refused', async () => {
  assert.throws(
    () => new Worker('', { eval: true, execArgv: ['--max-semi-space-size=4'] }),
    /ERR_WORKER_INVALID_EXEC_ARGV|Invalid execArgv/,
  );
  const w = new Worker('require("node:worker_threads").parentPort.postMessage(process.execArgv)', {
    eval: true,
    // the CLI's options without the profiler's (which would write profiles here)
    execArgv: workerExecArgv(CLI_ARGV.slice(0, 6)),
  });
  const seen = await new Promise((resolve, reject) => {
    w.once('message', resolve);
    w.once('error', reject);
  });
  assert.deepEqual(seen, []);
  await w.terminate();
});
