/**
 * The first screen on a small English + Chinese vault: file tree, graph, the opened note and its backlinks; clicking
 * a graph node opens that note.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { clickGraphNode, openGraphView, startApp, treeItem, waitForGraphNodes, type AtlasApp } from './harness.ts';

let app: AtlasApp;
before(async () => {
  app = await startApp({ vault: 'e2e-basic' });
});
after(async () => {
  await app?.close();
});

test('the first screen shows the vault: tree, graph, a note and its backlinks', async () => {
  const { page } = app;
  const tree = page.getByRole('region', { name: 'File tree' });
  // Folders start collapsed; the open note's folder is expanded to reveal it.
  await tree.getByRole('treeitem', { name: 'goroutine', exact: true, selected: true }).waitFor();
  await tree.getByRole('treeitem', { name: 'concepts', exact: true, expanded: true }).waitFor();
  await tree.getByRole('treeitem', { name: '笔记', exact: true, expanded: false }).waitFor();
  assert.equal(await tree.getByRole('treeitem', { name: '调度器', exact: true }).count(), 0);

  const ids = await waitForGraphNodes(page, 7);
  for (const id of ['concepts/goroutine.md', 'concepts/channel.md', '笔记/调度器.md', '笔记/学习计划.md']) {
    assert.ok(ids.includes(id), `graph has ${id} (got ${ids.join(', ')})`);
  }
  const unresolved = await page.evaluate(() =>
    window.__atlasGraph!.nodes('[kind = "unresolved"]').map((n) => n.data('label') as string),
  );
  assert.ok(
    unresolved.some((l) => l.includes('不存在的笔记')),
    `unresolved node shown (got ${unresolved.join(', ')})`,
  );

  // The most linked note opens first.
  const editor = page.getByRole('region', { name: 'Editor' });
  await editor.getByRole('tab', { name: 'goroutine', exact: true, selected: true }).waitFor();
  await editor.locator('.cm-content').getByText('lightweight thread managed by the Go runtime').waitFor();

  const backlinks = page.getByRole('region', { name: 'Backlinks' });
  for (const source of ['调度器', 'channel', '学习计划', 'Mutex']) {
    await backlinks.getByRole('button', { name: source, exact: true }).waitFor();
  }
  // Context lines of a backlink, e.g. the Chinese one through the alias 协程.
  await backlinks.getByRole('button', { name: /Go 调度器把 \[\[协程\]\]/ }).waitFor();
  const outgoing = page.getByRole('region', { name: 'Outgoing links' });
  await outgoing.getByRole('button', { name: /^channel/ }).waitFor();
  await outgoing.getByRole('button', { name: /^process and thread/ }).waitFor();
  // select.md says "a goroutine blocks" without a link.
  await page
    .getByRole('region', { name: 'Unlinked mentions' })
    .getByRole('button', { name: /^select/ })
    .waitFor();
  for (const name of ['Tags', 'Search', 'Unlinked mentions']) await page.getByRole('region', { name }).waitFor();
  await page.getByRole('region', { name: 'Tags' }).getByRole('button', { name: /#go/ }).waitFor();

  await app.screenshot('first-screen');
  assert.deepEqual(app.pageErrors, [], 'no console errors (CSP violations would show here)');
});

test('clicking a graph node opens its note', async () => {
  const { page } = app;
  await clickGraphNode(page, 'concepts/select.md');
  const editor = page.getByRole('region', { name: 'Editor' });
  await editor.getByRole('tab', { name: 'select', exact: true, selected: true }).waitFor();
  await editor.locator('.cm-content').getByText('waits on several').waitFor();
  // The opened note becomes the graph's current node.
  await page.waitForFunction(() => window.__atlasGraph!.getElementById('concepts/select.md').hasClass('current'));
  await app.screenshot('graph-click');
});

test('a backlink opens its source note', async () => {
  const { page } = app;
  // The current note is now select; 学习计划 links to it through the alias select语句.
  await page.getByRole('region', { name: 'Backlinks' }).getByRole('button', { name: '学习计划', exact: true }).click();
  const editor = page.getByRole('region', { name: 'Editor' });
  await editor.getByRole('tab', { name: '学习计划', exact: true, selected: true }).waitFor();
  await editor.locator('.cm-content').getByText('先学 [[进程与线程]]').waitFor();
});

test('clicking a tag lists its notes (nested tags included) and filters the graph', async () => {
  const { page } = app;
  await page
    .getByRole('region', { name: 'Tags' })
    .getByRole('button', { name: /^#中文/ })
    .click();
  const search = page.getByRole('region', { name: 'Search' });
  assert.equal(await search.getByRole('searchbox', { name: 'Search' }).inputValue(), 'tag:中文');
  await search.getByRole('button', { name: /^调度器/ }).waitFor();
  await search.getByRole('button', { name: /^学习计划/ }).waitFor();
  // The graph view's tag filter hides the other notes (the current note stays, so pick notes that are not it).
  await page.waitForFunction(() => {
    const cur = window.__atlasGraph!.nodes('.current').map((n) => n.id());
    const ids = window
      .__atlasGraph!.nodes('[kind = "note"]')
      .filter((n) => n.visible() && !cur.includes(n.id()))
      .map((n) => n.id())
      .sort();
    return ids.filter((id) => !['笔记/学习计划.md', '笔记/调度器.md'].includes(id)).length === 0 && ids.length >= 1;
  });
  await openGraphView(page);
  await page
    .getByRole('region', { name: 'Graph', exact: true })
    .getByRole('button', { name: /Clear tag filter/ })
    .click();
  await waitForGraphNodes(page, 7);

  // Nested: #go covers go/concurrency, go/sync and go/runtime.
  await page.getByRole('region', { name: 'Tags' }).getByRole('button', { name: /^#go/ }).click();
  await search.getByRole('button', { name: /^Mutex/ }).waitFor();
  await search.getByRole('button', { name: /^调度器/ }).waitFor();
});

test('full-text search finds Chinese text and opens the hit', async () => {
  const { page } = app;
  const box = page.getByRole('searchbox', { name: 'Search' });
  await box.fill('资源分配');
  const search = page.getByRole('region', { name: 'Search' });
  await search.getByRole('button', { name: /^process and thread/ }).click();
  await page
    .getByRole('region', { name: 'Editor' })
    .getByRole('tab', { name: 'process and thread', exact: true, selected: true })
    .waitFor();
});

test('keyboard shortcuts: Ctrl+Shift+F search, Ctrl+G graph, Ctrl+N new note, Ctrl+W close tab', async () => {
  const { page } = app;
  await page.getByRole('region', { name: 'Editor' }).locator('.cm-content').click();
  await page.keyboard.press('Control+Shift+F');
  await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Search');

  // Ctrl+G shows the graph view tab, and again goes back to the note.
  await page.keyboard.press('Control+g');
  await page.getByRole('region', { name: 'Graph', exact: true }).waitFor({ state: 'visible' });
  await page.keyboard.press('Control+g');
  await page.getByRole('region', { name: 'Graph', exact: true }).waitFor({ state: 'hidden' });

  await page.keyboard.press('Control+n');
  const name = page.getByRole('region', { name: 'File tree' }).getByRole('textbox', { name: 'Name' });
  await name.waitFor();
  await name.press('Escape');

  const tabs = page.getByRole('region', { name: 'Editor' }).getByRole('tab');
  const before = await tabs.count();
  await page.keyboard.press('Control+w');
  await page.waitForFunction((n) => document.querySelectorAll('[role="tab"]').length === n - 1, before);
});

test('"Local graph" shows the notes linked to and from the current note', async () => {
  const { page } = app;
  await (await treeItem(page, '调度器', '笔记')).click();
  await page.getByRole('region', { name: 'Local graph' }).waitFor();
  // 调度器 → goroutine, Mutex (depth 1) are in; channel, which only links goroutine, is out.
  await page.waitForFunction(() => {
    const s = window.__atlasGraphs?.local?.snapshot();
    if (!s) return false;
    const has = (id: string) => s.nodes.some((n) => n.id === id);
    return (
      !has('concepts/channel.md') &&
      has('concepts/goroutine.md') &&
      has('concepts/Mutex.md') &&
      s.nodes.some((n) => n.id === '笔记/调度器.md' && n.classes.includes('current'))
    );
  });
  await app.screenshot('local-graph');
});
