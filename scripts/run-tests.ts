/**
 * Runs the test suites with Node's built-in test runner (node:test), on the Node ≥ 22 that the project brings.
 *   node scripts/run-tests.ts          unit + integration tests, then end-to-end specs
 *   node scripts/run-tests.ts --unit   only unit + integration tests (tests/**\/*.test.ts, electron/**\/*.test.ts)
 *   node scripts/run-tests.ts --e2e    only end-to-end specs (tests/e2e/**\/*.spec.ts; needs the built renderer)
 * Extra arguments are passed to `node --test` (e.g. --test-name-pattern=…).
 */
import { spawnSync } from 'node:child_process';
import { globSync } from 'node:fs';

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
// One process per file; e2e specs each start a browser host and Chromium, so they run one at a time.
const concurrency = onlyUnit ? 2 : 1;
const r = spawnSync(
  process.execPath,
  ['--test', `--test-concurrency=${concurrency}`, '--test-reporter=spec', ...extra, ...files.sort()],
  {
    stdio: 'inherit',
  },
);
process.exit(r.status ?? 1);
