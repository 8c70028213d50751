/**
 * Quick-switcher latency on a big vault: types a query into the "Quick switcher" one character at a time and reports,
 * per keystroke, the search pass (`atlas-switcher-search` performance measures) and input-to-next-frame time (the
 * input event dispatched, then two animation frames: the list is rendered and painted). Prints one JSON line.
 *
 *   npm run -s build:web && node tests/e2e/measure-switcher.ts /tmp/v10k [--query text]
 */
import { startApp } from './harness.ts';

const args = process.argv.slice(2);
const vault = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--query');
const qi = args.indexOf('--query');
const query = qi >= 0 ? args[qi + 1] : 'concpt 00001 at';
if (!vault) {
  console.error('usage: node tests/e2e/measure-switcher.ts <vault> [--query text]');
  process.exit(2);
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const app = await startApp({ vault });
try {
  const { page } = app;
  // every note listed (the file list loaded)
  await page.waitForFunction(
    () => /\d{4,} notes/.test(document.querySelector('.topbar')?.textContent ?? ''),
    undefined,
    { timeout: 300_000 },
  );
  const notes = await page.evaluate(() => /(\d+) notes/.exec(document.querySelector('.topbar')!.textContent!)![1]);
  await page.keyboard.press('Control+o');
  const dialog = page.getByRole('dialog', { name: 'Quick switcher' });
  // the note list has arrived (the empty query lists notes); reopen until it has
  await dialog.getByRole('option').first().waitFor({ timeout: 300_000 });
  const frames = await page.evaluate(async (q) => {
    const input = document.querySelector<HTMLInputElement>('[role=dialog] input')!;
    const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    const out: number[] = [];
    performance.clearMeasures('atlas-switcher-search');
    for (let i = 1; i <= q.length; i++) {
      const t0 = performance.now();
      set.call(input, q.slice(0, i));
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      out.push(performance.now() - t0);
    }
    return out;
  }, query);
  const searches = await page.evaluate(() =>
    performance.getEntriesByName('atlas-switcher-search').map((e) => e.duration),
  );
  const options = await page.getByRole('dialog', { name: 'Quick switcher' }).getByRole('option').count();
  console.log(
    JSON.stringify({
      vault,
      notes: Number(notes),
      query,
      keystrokes: frames.length,
      options,
      searchMs: {
        p50: +pct(searches, 50).toFixed(1),
        p95: +pct(searches, 95).toFixed(1),
        max: +Math.max(...searches).toFixed(1),
      },
      keystrokeToFrameMs: {
        p50: +pct(frames, 50).toFixed(1),
        p95: +pct(frames, 95).toFixed(1),
        max: +Math.max(...frames).toFixed(1),
      },
    }),
  );
} finally {
  await app.close();
}
