/**
 * Steps shared by the graph benchmark (bench-graph.ts) and the graph profiler (profile-graph.ts): waiting for the
 * global graph's first frame, and for a vault to be fully indexed with every drawn node's position kept.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { tempDir } from '../support/temp-dir.ts';
import { callApiFromPage, REPO_ROOT, type AtlasApp } from './harness.ts';

/**
 * A fresh generated vault of `notes` notes with 3 prerequisites each (scripts/generate-vault.ts) in a new temp folder
 * `atlas-<name>-<notes>-*` (tempDir: removed when the process exits); returns the vault's absolute path.
 */
export function generatedVault(name: string, notes: number): string {
  const dir = tempDir(`${name}-${notes}`);
  const vault = path.join(dir, 'vault');
  spawnSync(
    process.execPath,
    [path.join(REPO_ROOT, 'scripts', 'generate-vault.ts'), vault, '--notes', String(notes), '--prereqs', '3'],
    { stdio: 'ignore' },
  );
  return vault;
}

/** Waits for the app's first screen, opens the Graph tab when it is not shown, waits for the first-frame mark. */
export async function waitGraphDrawn(page: Page): Promise<void> {
  await page.getByRole('region', { name: 'Local graph' }).waitFor({ timeout: 120_000 });
  const graph = page.getByRole('region', { name: 'Graph', exact: true });
  if (!(await graph.isVisible())) await page.getByRole('button', { name: 'Graph', exact: true }).click();
  await graph.waitFor();
  await page.waitForFunction(() => performance.getEntriesByName('atlas-graph-first-frame').length > 0, undefined, {
    timeout: 600_000,
    polling: 200,
  });
}

/** The kept positions file of the app's vault. */
export function keptPositionsFile(app: AtlasApp): string {
  return path.join(app.vaultDir, '.atlas', 'graph-positions.json');
}

function keptCount(file: string): number {
  try {
    const kept = JSON.parse(fs.readFileSync(file, 'utf8')) as { positions?: Record<string, unknown> };
    return Object.keys(kept.positions ?? {}).length;
  } catch {
    return 0;
  }
}

/**
 * Waits until the index is idle (`indexStatus`), no layout is pending, the global graph draws every node of the
 * host's graph (`graph`, with unresolved targets), held for a second, and the kept positions file has (at least) as
 * many positions as nodes are drawn: the state a reopened vault
 * starts from. Returns the drawn node count. Gives up after `timeoutMs` (throws).
 */
export async function waitIndexedAndKept(app: AtlasApp, timeoutMs = 600_000): Promise<number> {
  const { page, token } = app;
  const file = keptPositionsFile(app);
  const deadline = Date.now() + timeoutMs;
  let last = -1;
  let seen = '';
  while (Date.now() < deadline) {
    const status = (await callApiFromPage(page, token, 'indexStatus', [])).body as { result?: { state?: string } };
    // The whole graph as the host has it now (the app's query: notes and unresolved targets).
    const whole = (await callApiFromPage(page, token, 'graph', [{ includeUnresolved: true }])).body as {
      result?: { nodes: unknown[] };
    };
    const want = whole.result?.nodes.length ?? -1;
    const g = await page.evaluate(() => {
      const h = window.__atlasGraphs?.global;
      return { nodes: window.__atlasGraph?.nodes().length ?? 0, pending: h?.layoutPending ?? true };
    });
    if (status.result?.state !== 'indexing' && !g.pending && g.nodes === last && keptCount(file) >= g.nodes)
      return g.nodes;
    last = g.nodes;
    seen = `index ${status.result?.state}, layout pending ${g.pending}, ${g.nodes} of ${want} nodes drawn, ${keptCount(file)} kept`;
    if (process.env.ATLAS_BENCH_DEBUG) console.error(seen);
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(
    `waitIndexedAndKept: the vault was not indexed with kept positions within ${timeoutMs} ms (last: ${seen})`,
  );
}

/** Waits until the global graph's edge count held for a second (a large first load adds its edges after its nodes). */
export async function waitEdgesSettled(page: Page, timeoutMs = 600_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = -1;
  while (Date.now() < deadline) {
    const edges = await page.evaluate(() => window.__atlasGraph?.edges().length ?? 0);
    if (edges === last && edges > 0) return;
    last = edges;
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`waitEdgesSettled: the edge count did not settle within ${timeoutMs} ms`);
}
