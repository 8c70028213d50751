/**
 * A window that opens on an indexed vault asks for each answer once: the index status is known before the first
 * render, so its arrival does not move the index version on and refetch every pane (which sent the whole graph and
 * the file list twice, contending with the first answers on the host: 1 MB each at 10,000 notes).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { callApiFromPage, eventually, startApp, waitForGraphNodes, type AtlasApp } from './harness.ts';

let app: AtlasApp;
before(async () => {
  app = await startApp({ vault: 'e2e-basic' });
});
after(async () => {
  await app?.close();
});

test('reopening a window on an indexed vault fetches each answer once', async () => {
  const { page, token } = app;
  await eventually(
    async () => {
      const r = await callApiFromPage(page, token, 'indexStatus', []);
      return (r.body as { result?: { state: string } }).result?.state === 'idle';
    },
    60_000,
    'the index to be idle',
  );
  const calls: string[] = [];
  page.on('request', (req) => {
    const m = /\/api\/([A-Za-z]+)/.exec(req.url());
    if (m) calls.push(`${m[1]} ${req.postData() ?? ''}`);
  });
  await page.reload();
  await waitForGraphNodes(page, 7);
  await page.getByRole('region', { name: 'Backlinks' }).getByRole('button', { name: 'channel', exact: true }).waitFor();
  await page.waitForLoadState('networkidle');
  const counts = new Map<string, number>();
  for (const c of calls) counts.set(c, (counts.get(c) ?? 0) + 1);
  const twice = [...counts].filter(([, n]) => n > 1).map(([c, n]) => `${n}× ${c.slice(0, 120)}`);
  assert.ok(
    calls.some((c) => c.startsWith('graphDelta ')),
    `the graph was fetched (calls: ${calls.join(' | ')})`,
  );
  assert.deepEqual(twice, [], 'no call made twice with the same arguments');
});
