/**
 * Queries that take user text have bounded cost (issue 10, item 1): a note whose alias is 100,000 letters long makes
 * unlinked mentions and search take under a second of CPU and under 100 MB of extra memory (measured as the growth of
 * the peak RSS of a child process), and they still find the exact matches. Before the term cap, the FTS5 trigram
 * phrase of the whole alias took 37 s (CPU-bound) and 10 GB.
 *
 * Load-independent: the bound is on the child's own CPU time (user + system), not wall time, so other programs
 * sharing the machine cannot make it fail; quiet, the queries take ~10 ms of CPU, so the bound is ~100× wide and
 * still 37× below the pathological case.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempVault } from './helpers.ts';

const child = path.join(path.dirname(fileURLToPath(import.meta.url)), 'bounded-query-child.ts');

test('a 100,000-character alias: mentions and search stay under 1 s of CPU and 100 MB, and still match exactly', (t) => {
  const { root, db } = tempVault();
  const alias = 'a'.repeat(100_000);
  fs.writeFileSync(path.join(root, 'alias.txt'), alias);
  fs.writeFileSync(path.join(root, 'long.md'), `---\naliases: [${alias}]\n---\n# Long alias\n`);
  fs.writeFileSync(path.join(root, 'full.md'), `# Full\n\nHere it is: ${alias} end.\n`);
  fs.writeFileSync(path.join(root, 'prefix.md'), `# Prefix\n\nOnly the start: ${'a'.repeat(5000)} end.\n`);
  for (let i = 0; i < 50; i++)
    fs.writeFileSync(path.join(root, `n${i}.md`), `# Note ${i}\n\nSome aaa text and [[long]].\n`);
  let stdout: string;
  try {
    stdout = execFileSync(process.execPath, ['--expose-gc', child, root, db], {
      encoding: 'utf8',
      stdio: 'pipe',
      maxBuffer: 1 << 20,
    });
  } catch (e) {
    throw new Error(
      `child failed: ${String((e as { stderr?: string }).stderr ?? e)
        .replace(/a{80,}/g, 'a…')
        .slice(0, 800)}`,
    );
  }
  const out = JSON.parse(stdout.trim()) as {
    ms: number;
    cpuMs: number;
    mentionsCpuMs: number;
    peakGrowth: number;
    mentions: string[];
    hits: string[];
  };
  t.diagnostic(
    `queries: ${out.cpuMs.toFixed(1)} ms CPU (mentions ${out.mentionsCpuMs.toFixed(1)}), ${out.ms.toFixed(0)} ms wall, peak RSS +${(out.peakGrowth / 1048576).toFixed(1)} MB`,
  );
  assert.deepEqual(out.mentions, ['full.md']);
  assert.ok(
    out.hits.includes('long.md') && out.hits.includes('full.md') && !out.hits.includes('prefix.md'),
    JSON.stringify(out.hits),
  );
  assert.ok(
    out.cpuMs < 1000,
    `queries took ${out.cpuMs.toFixed(0)} ms of CPU (mentions ${out.mentionsCpuMs.toFixed(0)}; wall ${out.ms.toFixed(0)} ms)`,
  );
  assert.ok(out.peakGrowth < 100 * 1024 * 1024, `peak RSS grew by ${(out.peakGrowth / 1048576).toFixed(0)} MB`);
});
