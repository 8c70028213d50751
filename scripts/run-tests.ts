/**
 * Runs the test suites with Node's built-in test runner (node:test), on the Node ≥ 22 that the project brings.
 *   node scripts/run-tests.ts          unit + integration tests, then end-to-end specs
 *   node scripts/run-tests.ts --unit   only unit + integration tests (tests/**\/*.test.ts, electron/**\/*.test.ts)
 *   node scripts/run-tests.ts --e2e    only end-to-end specs (tests/e2e/**\/*.spec.ts; needs the built renderer)
 * Extra arguments are passed to `node --test` (e.g. --test-name-pattern=…).
 *
 * Temp folders: the tests run with TMPDIR (and TMP, TEMP) set to a fresh folder of this run,
 * `<os.tmpdir()>/atlas-test-run-XXXXXX`. Tests make theirs with tests/support/temp-dir.ts `tempDir` (named `atlas-*`,
 * removed when the test file's process exits). At the end the runner lists what is left in its folder: `atlas-*`
 * folders are a leak and fail a run whose tests passed (a failed run only reports them: a test file that failed or was
 * killed may not have cleaned up); anything else (Chromium's and Playwright's own files) is only reported. The folder
 * is removed in every case, also when the run is stopped (Ctrl-C, SIGTERM).
 */
import { spawn } from 'node:child_process';
import fs, { globSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { removeTree } from '../tests/support/temp-dir.ts';

const argv = process.argv.slice(2);
const onlyUnit = argv.includes('--unit');
const onlyE2e = argv.includes('--e2e');
const extra = argv.filter((a) => a !== '--unit' && a !== '--e2e');

const unit = [
  ...globSync('tests/**/*.test.ts'),
  ...globSync('electron/**/*.test.ts'),
  ...globSync('renderer/**/*.test.ts'),
].filter((f) => !f.includes('/fixtures/') && !f.includes('node_modules'));
const e2e = globSync('tests/e2e/**/*.spec.ts');

const files = onlyUnit ? unit : onlyE2e ? e2e : [...unit, ...e2e];
if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}

// A short path (Chromium puts its singleton socket below TMPDIR; a Unix socket path has ~100 bytes at most).
const runTmp = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-test-run-'));
// One process per file; e2e specs each start a browser host and Chromium, so they run one at a time.
const concurrency = onlyUnit ? 2 : 1;
const child = spawn(
  process.execPath,
  ['--test', `--test-concurrency=${concurrency}`, '--test-reporter=spec', ...extra, ...files.sort()],
  {
    stdio: 'inherit',
    env: { ...process.env, TMPDIR: runTmp, TMP: runTmp, TEMP: runTmp },
  },
);
// Ctrl-C or a kill stops the tests (Ctrl-C reaches them too, as the terminal's process group), then the run's temp
// folder is still checked and removed.
let stoppedBy: NodeJS.Signals | null = null;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    stoppedBy ??= signal;
    child.kill(signal);
  });
}
child.on('exit', (code, signal) => {
  const status = code ?? 1;
  if (signal || stoppedBy) console.error(`run-tests: the tests were stopped by ${stoppedBy ?? signal}`);
  process.exitCode = checkLeftovers(runTmp, stoppedBy ? 130 : status);
  process.exit();
});

/** Reports what the run left in its temp folder, removes the folder; the exit status of the run. */
function checkLeftovers(dir: string, status: number): number {
  let left: string[] = [];
  try {
    left = fs.readdirSync(dir).sort();
  } catch (e) {
    console.error(`run-tests: could not list the run's temp folder ${dir}: ${(e as Error).message}`);
  }
  const leaked = left.filter((name) => name.startsWith('atlas-'));
  const others = left.filter((name) => !name.startsWith('atlas-'));
  if (others.length > 0) {
    console.error(`run-tests: ${others.length} other temp entries left (not ours, removed): ${others.join(', ')}`);
  }
  removeTree(dir);
  if (leaked.length === 0) {
    console.error('run-tests: no atlas-* temp folders left');
    return status;
  }
  const list = leaked.map((name) => `  ${name}`).join('\n');
  if (status !== 0) {
    console.error(`run-tests: the failed run left ${leaked.length} atlas-* temp folders (removed):\n${list}`);
    return status;
  }
  console.error(
    `run-tests: FAIL: the tests passed but left ${leaked.length} atlas-* temp folders (removed now); make them with ` +
      `tempDir() from tests/support/temp-dir.ts, which removes them at exit:\n${list}`,
  );
  return 1;
}
