/**
 * Learning, as a user meets it: plan a target (typed through a Chinese alias, or "Plan for current note"), see the
 * checklist in topological order and the plan numbered on the graph, tick steps (progress lands in
 * `.atlas/progress.json`, time left drops, the node turns learned, "Next up" moves on), lay the graph out as a
 * "Learning map" (each concept below its prerequisites) and step through a curated path with Previous/Next.
 *
 * Fixture: tests/fixtures/e2e-learning (prerequisites and estimates listed in PREREQS / MINUTES below).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Locator } from 'playwright-core';
import {
  ARTIFACTS_DIR,
  eventually,
  openGraphView,
  startApp,
  waitForGraphNodes,
  type AtlasApp,
  treeItem,
} from './harness.ts';

const GO = 'basics/Go language.md';
const PT = 'concurrency/process and thread.md';
const GR = 'concurrency/goroutine.md';
const CH = 'concurrency/通道.md';
const MU = 'concurrency/Mutex.md';
const SE = 'concurrency/select.md';
const CT = 'concurrency/context.md';
const SC = 'runtime/调度器.md';
const PATH_NOTE = 'paths/Go 并发入门.md';

/** Resolved `prerequisites` of each fixture note (vault paths). */
const PREREQS: Record<string, string[]> = {
  [GO]: [],
  [PT]: [],
  [GR]: [GO, PT],
  [CH]: [GR],
  [MU]: [GR],
  [SE]: [CH],
  [CT]: [SE, MU],
  [SC]: [GR, PT],
};
/** The `estimate` property of each note, minutes. */
const MINUTES: Record<string, number> = {
  [GO]: 10,
  [PT]: 15,
  [GR]: 20,
  [CH]: 25,
  [MU]: 15,
  [SE]: 10,
  [CT]: 30,
  [SC]: 45,
};
const TITLE: Record<string, string> = {
  [GO]: 'Go language',
  [PT]: 'process and thread',
  [GR]: 'goroutine',
  [CH]: '通道',
  [MU]: 'Mutex',
  [SE]: 'select',
  [CT]: 'context',
  [SC]: '调度器',
};
const pathOfTitle = (t: string) => Object.keys(TITLE).find((p) => TITLE[p] === t);

let app: AtlasApp;
before(async () => {
  app = await startApp({ vault: 'e2e-learning', viewport: { width: 1600, height: 1000 } });
  await waitForGraphNodes(app.page, 9);
});
after(async () => {
  await app?.close();
});

const region = (name: string) => app.page.getByRole('region', { name, exact: true });
const learning = () => region('Learning');
const planRegion = () => learning().getByRole('region', { name: 'Plan', exact: true });

/** Minutes as the panel writes them (`45 min`, `2 h 5 min`). */
function minutes(min: number): string {
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  return min % 60 === 0 ? `${h} h` : `${h} h ${min % 60} min`;
}

/** Step titles of the shown plan, in checklist order, read from the checkbox labels (`title, level, minutes`). */
async function planTitles(): Promise<string[]> {
  const labels = await planRegion()
    .getByRole('checkbox')
    .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  return labels.map((l) => l.slice(0, l.indexOf(', ')));
}

/** Waits until the checklist shows exactly the steps of `expected` (any order), then returns them as vault paths in checklist order. */
async function waitForPlan(expected: string[]): Promise<string[]> {
  const want = expected
    .map((p) => TITLE[p])
    .sort()
    .join('|');
  let titles: string[] = [];
  await eventually(
    async () => {
      titles = await planTitles();
      return [...titles].sort().join('|') === want;
    },
    10_000,
    `plan steps ${want} (shown: ${titles.join(', ')})`,
  );
  return titles.map((t) => pathOfTitle(t)!);
}

/** Topological order: every prerequisite in the plan comes before the note that needs it; the target is last. */
function assertTopological(order: string[], target: string) {
  assert.equal(order.at(-1), target, `target last in ${order.join(' → ')}`);
  order.forEach((p, i) => {
    for (const q of PREREQS[p]) {
      if (!order.includes(q)) continue;
      assert.ok(order.indexOf(q) < i, `${TITLE[q]} (prerequisite) before ${TITLE[p]} in ${order.join(' → ')}`);
    }
  });
}

/** Waits until the graph marks exactly `order` as the plan, each node numbered by its step. */
async function waitForGraphPlan(order: string[]): Promise<void> {
  await app.page.waitForFunction(
    (want) => {
      const cy = window.__atlasGraph;
      if (!cy) return false;
      const marked = cy
        .nodes('.plan')
        .map((n) => n.id())
        .sort();
      if (marked.join('\u0000') !== [...want].sort().join('\u0000')) return false;
      return want.every((id, i) => {
        const n = cy.getElementById(id);
        return n.data('display') === `${i + 1}. ${n.data('label')}`;
      });
    },
    order,
    { timeout: 10_000, polling: 100 },
  );
  // Prerequisite edges inside the plan are drawn bold.
  const planEdges = await app.page.evaluate(() =>
    window.__atlasGraph!.edges('.plan-edge').map((e) => [e.source().id(), e.target().id()]),
  );
  for (const [from, to] of planEdges) {
    assert.ok(order.includes(from) && order.includes(to), `plan edge ${from} → ${to} joins two plan steps`);
    assert.ok(
      PREREQS[to]?.includes(from),
      `plan edge ${from} → ${to} is a prerequisite edge, prerequisite → dependent`,
    );
  }
  const expectedEdges = order.flatMap((p) => PREREQS[p].filter((q) => order.includes(q))).length;
  assert.equal(planEdges.length, expectedEdges, 'every prerequisite edge inside the plan is highlighted');
}

function readProgress(): { version: number; notes: Record<string, string> } | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(app.vaultDir, '.atlas', 'progress.json'), 'utf8'));
  } catch {
    return null;
  }
}

async function regionShot(loc: Locator, name: string) {
  await loc.screenshot({ path: path.join(ARTIFACTS_DIR, `${name}.png`) });
}

function stepBox(p: string): Locator {
  return planRegion().getByRole('checkbox', { name: new RegExp(`^${TITLE[p]}, `) });
}

/**
 * Ticks or unticks a step with `locator.check()` / `uncheck()`: the box flips within the click (optimistic state,
 * reverted if the save fails), and stays so once the host has saved.
 */
async function tick(p: string, checked: boolean) {
  const box = stepBox(p);
  assert.equal(await box.isChecked(), !checked, `${TITLE[p]} starts ${checked ? 'unticked' : 'ticked'}`);
  if (checked) await box.check();
  else await box.uncheck();
  // still in that state after the save (the box is enabled again once it has ended)
  await app.page.waitForFunction(
    ([el, want]) => (el as HTMLInputElement).checked === want && !(el as HTMLInputElement).disabled,
    [await box.elementHandle(), checked] as const,
    { timeout: 10_000, polling: 50 },
  );
}

async function openFromTree(title: string) {
  await (await treeItem(app.page, title)).click();
  await region('Editor').getByRole('tab', { name: title, exact: true, selected: true }).waitFor();
}

test('"Plan for current note" plans the open note in topological order and numbers it on the graph', async () => {
  await openFromTree('调度器');
  await learning().getByRole('button', { name: 'Plan for current note' }).click();
  const order = await waitForPlan([GO, PT, GR, SC]);
  assertTopological(order, SC);
  assert.equal(await learning().getByLabel('Learning target').inputValue(), '调度器');
  await planRegion().getByText(`0/4 learned`).waitFor();
  await planRegion()
    .getByLabel('Time left')
    .getByText(`${minutes(10 + 15 + 20 + 45)} left`)
    .waitFor();
  // The checkbox label carries the roadmap level (专家 → L4) and the estimate.
  await planRegion().getByRole('checkbox', { name: '调度器, L4 专家 expert, 45 min', exact: true }).waitFor();
  await waitForGraphPlan(order);
});

test('typing a target (a Chinese alias) shows its plan, prerequisites first, and the graph follows', async () => {
  const input = learning().getByLabel('Learning target');
  await input.fill('上下文');
  await input.press('Enter');
  const order = await waitForPlan([GO, PT, GR, CH, MU, SE, CT]);
  assertTopological(order, CT);
  await planRegion().getByText('0/7 learned').waitFor();
  const total = [GO, PT, GR, CH, MU, SE, CT].reduce((n, p) => n + MINUTES[p], 0);
  await planRegion()
    .getByLabel('Time left')
    .getByText(`${minutes(total)} left`)
    .waitFor();
  // 调度器 left the plan: the graph drops its mark and number.
  await waitForGraphPlan(order);
  const sc = await app.page.evaluate((id) => window.__atlasGraph!.getElementById(id).data('display') as string, SC);
  assert.equal(sc, '调度器');
  await app.screenshot('learning-plan');
  await regionShot(learning(), 'learning-plan-panel');
});

test('ticking steps records progress, shortens the time left, colours the node and moves "Next up"', async () => {
  const { page } = app;
  const nextUp = learning().getByRole('region', { name: 'Next up', exact: true });
  const nextTitles = async () => (await nextUp.getByRole('button').allInnerTexts()).map((t) => t.trim());
  // Nothing learned: only the notes without prerequisites are ready.
  await nextUp.getByRole('button', { name: /^Go language/ }).waitFor();
  await nextUp.getByRole('button', { name: /^process and thread/ }).waitFor();
  assert.equal((await nextTitles()).length, 2, `next up: ${(await nextTitles()).join(' | ')}`);
  assert.equal(readProgress()?.notes[GO], undefined);
  const total = [GO, PT, GR, CH, MU, SE, CT].reduce((n, p) => n + MINUTES[p], 0);

  await tick(GO, true);
  await eventually(
    () => readProgress()?.notes[GO] === 'learned',
    10_000,
    'progress.json records Go language as learned',
  );
  assert.equal(readProgress()!.version, 1);
  assert.deepEqual(Object.keys(readProgress()!.notes), [GO]);
  await planRegion().getByText('1/7 learned').waitFor();
  await planRegion()
    .getByLabel('Time left')
    .getByText(`${minutes(total - MINUTES[GO])} left`)
    .waitFor();
  // The ticked step stays in the checklist (ticked), so it can be unticked.
  assert.ok(await stepBox(GO).isChecked());
  assert.equal((await planTitles()).length, 7);
  await page.waitForFunction((id) => window.__atlasGraph!.getElementById(id).hasClass('learned'), GO, {
    timeout: 10_000,
  });
  // Drawn green (the learned colour), unlike an unlearned plan step.
  const colours = await page.evaluate(
    ([a, b]) => [a, b].map((id) => window.__atlasGraph!.getElementById(id).style('background-color') as string),
    [GO, GR],
  );
  assert.equal(colours[0], 'rgb(45,164,78)');
  assert.notEqual(colours[1], colours[0]);
  // and ringed, so it is not taken for a note of a green folder (the fill alone can be a folder's colour)
  const ring = await page.evaluate((id) => {
    const n = window.__atlasGraph!.getElementById(id);
    return { width: n.style('border-width') as string, color: n.style('border-color') as string };
  }, GO);
  assert.equal(ring.width, '3px');
  assert.equal(ring.color, 'rgb(11,61,28)');
  // Next up: Go language is learned; process and thread now unlocks goroutine.
  await nextUp.getByRole('button', { name: /^process and thread\s+unlocks 1$/ }).waitFor();
  await eventually(
    async () => !(await nextTitles()).some((t) => t.startsWith('Go language')),
    10_000,
    'Go language leaves Next up',
  );

  await tick(PT, true);
  await eventually(() => readProgress()?.notes[PT] === 'learned', 10_000, 'progress.json records process and thread');
  await planRegion().getByText('2/7 learned').waitFor();
  await planRegion()
    .getByLabel('Time left')
    .getByText(`${minutes(total - MINUTES[GO] - MINUTES[PT])} left`)
    .waitFor();
  await page.waitForFunction(
    (ids) => ids.every((id) => window.__atlasGraph!.getElementById(id).hasClass('learned')),
    [GO, PT],
    { timeout: 10_000 },
  );
  // goroutine is ready and unlocks 通道, Mutex and 调度器.
  await nextUp.getByRole('button', { name: /^goroutine\s+unlocks 3$/ }).waitFor();
  await eventually(
    async () => (await nextTitles()).length === 1,
    10_000,
    `Next up is only goroutine (got ${(await nextTitles()).join(' | ')})`,
  );
  // Unlearned plan nodes are not coloured learned.
  assert.equal(await page.evaluate((id) => window.__atlasGraph!.getElementById(id).hasClass('learned'), GR), false);
  await app.screenshot('learning-ticked');
  await regionShot(learning(), 'learning-ticked-panel');

  // Unticking clears the entry in the file and gives the time back.
  await tick(PT, false);
  await eventually(
    () => readProgress() !== null && !(PT in readProgress()!.notes),
    10_000,
    'progress.json drops process and thread',
  );
  await planRegion().getByText('1/7 learned').waitFor();
  await page.waitForFunction((id) => !window.__atlasGraph!.getElementById(id).hasClass('learned'), PT, {
    timeout: 10_000,
  });
  await tick(PT, true);
  await eventually(
    () => readProgress()?.notes[PT] === 'learned',
    10_000,
    'progress.json records process and thread again',
  );
});

test('"Learning map" lays out the plan, each concept below its prerequisites, fitted to it', async () => {
  const { page } = app;
  // The plan of the earlier tests (context's prerequisites) is still shown: the map is exactly its steps.
  const plan = (await planTitles()).map((t) => pathOfTitle(t)!);
  assert.ok(plan.length >= 3, `a plan is shown (${plan.join(', ')})`);
  await openGraphView(page);
  const button = region('Graph').getByRole('button', { name: 'Learning map' });
  await button.click();
  await region('Graph').getByRole('button', { name: 'Learning map', pressed: true }).waitFor();
  await page.waitForFunction(
    (n) => {
      const h = window.__atlasGraphs?.map;
      return !!h && h.ready && !h.layoutPending && h.snapshot().nodes.length === n;
    },
    plan.length,
    { timeout: 20_000, polling: 100 },
  );
  const snap = await page.evaluate(() => window.__atlasGraphs!.map.snapshot());
  assert.deepEqual(snap.nodes.map((n) => n.id).sort(), [...plan].sort(), 'the map shows the plan, not the vault');
  const y = new Map(snap.nodes.map((n) => [n.id, n.y]));
  const expected = plan.flatMap((p) => PREREQS[p].filter((q) => plan.includes(q)).map((q) => `${q} → ${p}`)).sort();
  assert.deepEqual(
    snap.edges.map((e) => `${e.source} → ${e.target}`).sort(),
    expected,
    'one arrow per prerequisite, prerequisite → dependent',
  );
  for (const e of snap.edges) assert.ok(y.get(e.source)! < y.get(e.target)!, `${e.source} above ${e.target}`);
  // Fitted to the plan at a readable zoom: every node on screen.
  // Readable: the map's 13 px labels at least 11 px on screen.
  assert.ok(snap.zoom >= 0.84, `readable zoom (${snap.zoom})`);
  for (const n of snap.nodes) {
    assert.ok(
      n.renderedX > 0 && n.renderedX < snap.width && n.renderedY > 0 && n.renderedY < snap.height,
      `${n.id} in view`,
    );
  }
  await region('Graph').getByText(`${plan.length} nodes`, { exact: true }).waitFor();
  // No two labels overlap (plan numbers included, e.g. "1. Go language" beside "2. process and thread").
  const boxes = await page.evaluate(() =>
    window.__atlasGraph!.nodes(':visible').map((n) => ({
      label: n.data('display') as string,
      ...n.boundingBox({ includeLabels: true, includeNodes: false, includeOverlays: false }),
    })),
  );
  for (const [i, a] of boxes.entries()) {
    for (const b of boxes.slice(i + 1)) {
      const overlap = a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
      assert.ok(!overlap, `labels "${a.label}" and "${b.label}" overlap: ${JSON.stringify([a, b])}`);
    }
  }
  // "Fit" after zooming out to the whole canvas fits the plan again, never a far-out zoom.
  // (a block, not an expression: viewport() returns the Cytoscape core, which page.evaluate would serialise whole:
  // ~80 s at load 20)
  await page.evaluate(() => {
    window.__atlasGraph!.viewport({ zoom: 0.06, pan: { x: 0, y: 0 } });
  });
  await region('Graph').getByRole('button', { name: 'Fit', exact: true }).click();
  await page.waitForFunction(() => window.__atlasGraph!.zoom() >= 0.6);
  const refit = await page.evaluate(() => window.__atlasGraphs!.map.snapshot());
  assert.ok(Math.abs(refit.zoom - snap.zoom) < 1e-6, `Fit returns to the opening zoom (${refit.zoom} vs ${snap.zoom})`);
  for (const n of refit.nodes)
    assert.ok(
      n.renderedX > 0 && n.renderedX < refit.width && n.renderedY > 0 && n.renderedY < refit.height,
      `${n.id} in view after Fit`,
    );
  await app.screenshot('learning-map');
  await regionShot(region('Graph'), 'learning-map-graph');

  await button.click();
  await region('Graph').getByRole('button', { name: 'Learning map', pressed: false }).waitFor();
  await page.waitForFunction((id) => window.__atlasGraph!.getElementById(id).visible(), PATH_NOTE, { timeout: 10_000 });
  // Back to the note (Ctrl+G again), so the notes opened next do not navigate the graph tab away.
  await page.getByRole('button', { name: 'Graph', exact: true }).click();
  await region('Graph').waitFor({ state: 'hidden' });
});

test('a curated path opens and steps through its notes with Next and Previous', async () => {
  const curated = learning().getByRole('region', { name: 'Curated paths', exact: true });
  await curated.getByRole('button', { name: /^Go 并发入门\s+5 steps$/ }).click();
  const steps = curated.getByRole('listitem');
  await eventually(async () => (await steps.count()) === 5, 10_000, 'five path steps');
  assert.deepEqual(
    (await steps.allInnerTexts()).map((t) => t.trim()),
    ['process and thread', 'goroutine', '通道', 'select', 'context'],
  );
  // Not on the path yet: no navigation.
  assert.equal(await curated.getByRole('group', { name: 'Path navigation' }).count(), 0);

  // "Start" opens the first step.
  await curated.getByRole('button', { name: 'Start' }).click();
  const editor = region('Editor');
  const nav = curated.getByRole('group', { name: 'Path navigation' });
  await editor.getByRole('tab', { name: 'process and thread', exact: true, selected: true }).waitFor();
  await nav.getByText('step 1 of 5').waitFor();
  assert.ok(await nav.getByRole('button', { name: 'Previous' }).isDisabled());

  const expected = ['goroutine', '通道', 'select', 'context'];
  for (const [i, title] of expected.entries()) {
    await nav.getByRole('button', { name: 'Next' }).click();
    await editor.getByRole('tab', { name: title, exact: true, selected: true }).waitFor();
    await nav.getByText(`step ${i + 2} of 5`).waitFor();
    await curated.locator('li[aria-current="step"]').getByText(title, { exact: true }).waitFor();
  }
  assert.ok(await nav.getByRole('button', { name: 'Next' }).isDisabled(), 'Next is disabled on the last step');
  // The graph follows the open note.
  await app.page.waitForFunction((id) => window.__atlasGraph!.getElementById(id).hasClass('current'), CT, {
    timeout: 10_000,
  });
  await regionShot(learning(), 'learning-curated-panel');

  await nav.getByRole('button', { name: 'Previous' }).click();
  await editor.getByRole('tab', { name: 'select', exact: true, selected: true }).waitFor();
  await nav.getByText('step 4 of 5').waitFor();
  await app.screenshot('learning-curated');
  assert.deepEqual(app.pageErrors, [], 'no console errors');
});

test('a failed save reverts the ticked box and shows the error', async () => {
  // progress.json turned into a folder: the host cannot read or replace it, so setProgress fails
  const file = path.join(app.vaultDir, '.atlas', 'progress.json');
  const saved = fs.readFileSync(file, 'utf8');
  fs.rmSync(file);
  fs.mkdirSync(path.join(file, 'blocker'), { recursive: true });
  try {
    const box = stepBox(GR);
    assert.equal(await box.isChecked(), false, 'goroutine starts unticked');
    await box.click();
    await learning().getByRole('alert').waitFor({ timeout: 10_000 });
    await app.page.waitForFunction(
      (el) => !(el as HTMLInputElement).checked && !(el as HTMLInputElement).disabled,
      await box.elementHandle(),
      { timeout: 10_000, polling: 50 },
    );
    assert.match(await learning().getByRole('alert').innerText(), /progress\.json|EISDIR|directory/i);
  } finally {
    fs.rmSync(file, { recursive: true, force: true });
    fs.writeFileSync(file, saved);
  }
});
