import { startApp, waitForGraphNodes, clickGraphNode } from './harness.ts';
const scheme = (process.argv[2] ?? 'light') as 'light' | 'dark';
const vw = Number(process.argv[3] ?? 1600), vh = Number(process.argv[4] ?? 950);
const app = await startApp({ vault: '/work/main/vault', viewport: { width: vw, height: vh }, colorScheme: scheme });
const { page } = app;
const shot = async (n: string) => { await page.waitForTimeout(400); await page.screenshot({ path: `/tmp/qa/${scheme}-${vw}-${n}.png` }); };
try {
  await waitForGraphNodes(page, 5);
  await page.waitForTimeout(1500);
  await shot('01-first');
  // search English
  const sb = page.getByRole('searchbox', { name: 'Search' });
  await sb.fill('通道'); await page.waitForTimeout(800); await shot('02-search-zh');
  await sb.fill('tag:go/concurrency'); await page.waitForTimeout(800); await shot('03-search-tag');
  await sb.fill('goroutine'); await page.waitForTimeout(800);
  await page.getByRole('region', { name: 'Search' }).getByRole('button').first().click();
  await page.waitForTimeout(800); await shot('04-open-from-search');
  await sb.fill('');
  // tree
  const tree = page.getByRole('region', { name: 'File tree' });
  console.log('tree items:', await tree.getByRole('treeitem').count());
  // backlinks click
  const bl = page.getByRole('region', { name: 'Backlinks' });
  console.log('backlinks buttons', await bl.getByRole('button').count());
  await bl.getByRole('button').first().click(); await page.waitForTimeout(600); await shot('05-from-backlink');
  // graph click
  await clickGraphNode(page, 'concurrency/channel.md').catch((e) => console.log('graph click fail', String(e)));
  await page.waitForTimeout(600); await shot('06-graph-click');
  // editor typing [[
  const ed = page.getByRole('region', { name: 'Editor' }).locator('.cm-content');
  await ed.click(); await page.keyboard.press('Control+End'); await page.keyboard.type('\n\nSee [[sel');
  await page.waitForTimeout(600); await shot('07-autocomplete');
  await page.keyboard.press('Enter'); await page.waitForTimeout(300);
  await page.keyboard.type(' and [[通'); await page.waitForTimeout(600); await shot('07b-autocomplete-zh');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+s'); await page.waitForTimeout(1200); await shot('08-saved');
  // reading view
  await page.keyboard.press('Control+e'); await page.waitForTimeout(800); await shot('09-reading');
  await page.keyboard.press('Control+e'); await page.waitForTimeout(500);
  // tags pane
  const tags = page.getByRole('region', { name: 'Tags' });
  await tags.scrollIntoViewIfNeeded(); await shot('10-tags');
  await tags.getByRole('button').nth(1).click().catch(() => {}); await page.waitForTimeout(1000); await shot('11-tag-filter');
  // local graph
  await page.getByRole('button', { name: 'Local graph' }).click(); await page.waitForTimeout(1200); await shot('12-local-graph');
  // learning
  const lt = page.getByLabel('Learning target');
  await lt.scrollIntoViewIfNeeded(); await lt.fill('netpoller'); await lt.press('Enter'); await page.waitForTimeout(1500); await shot('13-plan');
  const right = page.getByRole('complementary', { name: 'Right sidebar' });
  await right.evaluate((el) => { el.scrollTop = el.scrollHeight; }); await shot('14-plan-bottom');
  console.log('errors:', app.pageErrors);
} catch (e) { console.log('FAIL', e); await shot('99-fail'); }
finally { await app.close(); }
