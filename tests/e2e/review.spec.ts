/**
 * Review, as a learner meets it: Ctrl+Shift+R opens the Review view on the due cards; each card shows its question,
 * Space reveals the answer, 1–4 grade it; three cards reviewed by keyboard land in `.atlas/review.json` with their
 * FSRS state; Again marks the note for re-study and names its weakest prerequisite; the card's note is one click
 * away; "Practice this concept" from the command palette shows the concept's cards and exercises.
 *
 * Fixture: tests/fixtures/review-vault (8 cards; the first due card is the Chinese multi-line card of channel.md).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { eventually, openGraphView, startApp, type AtlasApp, treeItem } from './harness.ts';

let app: AtlasApp;
before(async () => {
  app = await startApp({ vault: 'review-vault' });
});
after(async () => {
  await app?.close();
});

const review = () => app.page.getByRole('region', { name: 'Review', exact: true });
const card = () => review().getByRole('article', { name: 'Flashcard' });

interface ReviewFile {
  version: number;
  cards: Record<string, { state: string; reps: number; lapses: number }>;
  notes: Record<string, { restudy?: string }>;
}

function reviewFile(): ReviewFile | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(app.vaultDir, '.atlas', 'review.json'), 'utf8')) as ReviewFile;
  } catch {
    return null;
  }
}

test('three cards reviewed by keyboard: Space reveals, 1–4 grade, each review lands in .atlas/review.json', async () => {
  const page = app.page;
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+Shift+R');
  await review().waitFor({ state: 'visible' });
  await card().waitFor({ state: 'visible' });
  await review().getByText('8 due · 0 reviewed').waitFor();

  // 1: the Chinese multi-line card, rendered as Chinese text (lang zh-Hans selects CJK glyphs and fonts)
  const question = card().getByLabel('Question');
  await question.getByText('无缓冲通道的发送什么时候返回？').waitFor();
  assert.equal(await question.getAttribute('lang'), 'zh-Hans');
  assert.equal(await card().getByLabel('Answer').count(), 0, 'the answer is hidden until Space');
  await page.keyboard.press('Space');
  await card().getByLabel('Answer').getByText('当接收方取走这个值的时候').waitFor();
  // the buttons say what each grade would give this new card (FSRS preview of the shown card only)
  const grades = card().getByRole('group', { name: 'Grade' });
  await grades.getByRole('button', { name: /^Again 1 min 1$/ }).waitFor();
  await grades.getByRole('button', { name: /^Easy \d+ d 4$/ }).waitFor();
  await page.keyboard.press('3');
  await card().getByText('Card 2 of 8').waitFor();
  await eventually(
    () => Object.keys(reviewFile()?.cards ?? {}).length === 1,
    15_000,
    'the first review in review.json',
  );

  // 2: the cloze card of channel.md: [...] in the question, the hidden text highlighted in the answer
  await question.getByText('A receive from a [...] channel blocks forever.').waitFor();
  await page.keyboard.press('Space');
  await card().getByLabel('Answer').locator('mark', { hasText: 'nil' }).waitFor();
  await page.keyboard.press('1');
  await card().getByText('Card 3 of 8').waitFor();
  const feedback = review().getByRole('status', { name: 'Last review' });
  await feedback.getByText('Marked for re-study:').waitFor();
  await feedback
    .getByRole('list', { name: 'Weakest prerequisites' })
    .getByRole('button', { name: 'goroutine' })
    .waitFor();

  // 3: goroutine's first card, graded Easy
  await question.getByText('What starts a goroutine').waitFor();
  await page.keyboard.press('Space');
  await page.keyboard.press('4');
  await card().getByText('Card 4 of 8').waitFor();
  await review().getByText('5 due · 3 reviewed').waitFor();

  const file = await eventually(
    () => {
      const f = reviewFile();
      return f && Object.keys(f.cards).length === 3 ? f : null;
    },
    15_000,
    'three reviews in review.json',
  );
  assert.ok(file);
  assert.equal(file.version, 1);
  const states = Object.entries(file.cards)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([id, c]) => [id.split('#')[0], c.state]);
  assert.deepEqual(states.map(([note]) => note).sort(), [
    'concurrency/channel.md',
    'concurrency/channel.md',
    'concurrency/goroutine.md',
  ]);
  assert.ok(
    states.some(([note, s]) => note === 'concurrency/goroutine.md' && s === 'review'),
    'Easy on a new card: review state',
  );
  assert.ok(Object.values(file.cards).every((c) => c.reps === 1));
  assert.ok(file.notes['concurrency/channel.md']?.restudy, 'Again marked channel for re-study');
  await app.screenshot('review-view');
});

test("the card's note is one click away", async () => {
  await card()
    .getByRole('button', { name: /^Open note: / })
    .click();
  await app.page
    .getByRole('tab', { name: /goroutine/ })
    .first()
    .waitFor();
});

test('"Practice this concept" (command palette) shows the concept\'s cards, then its prerequisites\', and its exercises', async () => {
  const page = app.page;
  // the goroutine note is the active tab now; practise channel from its own tab
  await (await treeItem(page, 'channel')).click();
  await page
    .getByRole('tab', { name: /channel/ })
    .first()
    .waitFor();
  await page.keyboard.press('Control+Shift+P');
  const palette = page.getByRole('dialog', { name: /command palette/i });
  await palette.waitFor();
  await page.keyboard.type('Practice this concept');
  await palette
    .getByRole('option', { name: /Practice this concept/ })
    .first()
    .click();
  await review().getByRole('heading', { name: 'Practice: channel' }).waitFor();
  await review().getByText('6 to practise · 0 reviewed').waitFor();
  await review().getByRole('region', { name: 'Exercises' }).getByRole('button', { name: 'worker pool' }).waitFor();
});

test("the graph's retention heat-map colours concepts by their cards' retention and explains it in the Graph legend", async () => {
  const page = app.page;
  await openGraphView(page);
  const graph = page.getByRole('region', { name: 'Graph', exact: true });
  const controls = graph.getByRole('group', { name: 'Graph controls' });
  if (!(await controls.getByRole('checkbox', { name: 'Retention heat-map' }).isVisible()))
    await controls.getByRole('button', { name: /Graph controls/ }).click();
  await controls.getByRole('checkbox', { name: 'Retention heat-map' }).check();
  const legend = graph.getByRole('region', { name: 'Graph legend' });
  // goroutine was graded Easy today (retention 100 %); select's card was never reviewed
  await legend.getByRole('listitem').filter({ hasText: 'Retention 90 % or more' }).waitFor();
  await legend.getByRole('listitem').filter({ hasText: 'Cards not reviewed yet' }).waitFor();
  const colourOf = (id: string, rgb: string) =>
    page.waitForFunction(
      ([nodeId, c]) => {
        const n = window.__atlasGraphs?.global?.snapshot().nodes.find((x) => x.id === nodeId);
        return n?.color.replace(/\s/g, '') === c;
      },
      [id, rgb],
      { timeout: 20_000, polling: 100 },
    );
  await colourOf('concurrency/goroutine.md', 'rgb(46,125,50)');
  await colourOf('concurrency/select.md', 'rgb(120,144,156)');
  // off again: the learning colours and groups are back, the retention entries leave the legend
  await controls.getByRole('checkbox', { name: 'Retention heat-map' }).uncheck();
  await legend.getByRole('listitem').filter({ hasText: 'Cards not reviewed yet' }).waitFor({ state: 'detached' });
});
