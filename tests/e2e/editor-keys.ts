/**
 * Key-by-key typing and its timing in the page, for tests/e2e/bench-editor.ts: the probe installed before the app
 * loads ({@link PROBE}: per keydown its time to the next frame, Event Timing durations, when picker answers and
 * completion lists were painted), and the typing loops that read it (plain typing, the Quick switcher, `[[`
 * completion). All times in ms, from the keydown's `timeStamp`.
 */
import type { Page } from 'playwright-core';

export function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
}
export const stats = (xs: number[]) => ({
  n: xs.length,
  p50: +pct(xs, 50).toFixed(1),
  p95: +pct(xs, 95).toFixed(1),
  max: +Math.max(...xs).toFixed(1),
});

/**
 * Installed before the app loads: per keydown its `timeStamp`, the keydown → next-frame time (rAF, then a
 * message-channel task), and the Event Timing API's duration of that keydown when over 16 ms (the API reports none
 * below 16 ms; its durations are rounded to 8 ms).
 */
export const PROBE = `
  window.__keys = [];
  window.__slow = new Map();
  window.__lastLongTask = 0;
  try {
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) window.__lastLongTask = Math.max(window.__lastLongTask, e.startTime + e.duration);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  window.addEventListener('keydown', (e) => {
    const key = { t0: e.timeStamp, frame: null, indexing: !!document.querySelector('progress[aria-label="Indexing"]') };
    window.__keys.push(key);
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => { key.frame = performance.now() - key.t0; };
      ch.port2.postMessage(0);
    });
  }, true);
  try {
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) if (e.name === 'keydown') window.__slow.set(Math.round(e.startTime * 10), e.duration);
    }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  } catch {}
  // when a picker's options answering a query (its listbox's data-query) and a completion list were painted
  window.__answers = [];
  window.__tooltips = [];
  window.__lists = [];
  const painted = (cb) => requestAnimationFrame(() => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => cb(performance.now());
    ch.port2.postMessage(0);
  });
  new MutationObserver((muts) => {
    for (const m of muts) {
      if (m.type === 'attributes' && m.target.getAttribute('role') === 'listbox') {
        const query = m.target.getAttribute('data-query');
        painted((t) => window.__answers.push({ query, t }));
      }
      if (m.type !== 'childList') continue;
      for (const n of m.addedNodes)
        if (n.nodeType === 1 && n.classList.contains('cm-tooltip-autocomplete')) painted((t) => window.__tooltips.push(t));
      // the completion list's options replaced (ready: the list is not dimmed, i.e. it answers the query typed), or
      // the list closed (no option answers it)
      const tip = m.target.nodeType === 1 ? m.target.closest('.cm-tooltip-autocomplete') : null;
      if (tip && tip.isConnected) {
        const ready = !tip.classList.contains('cm-tooltip-autocomplete-disabled');
        painted((t) => window.__lists.push({ t, ready }));
      }
      for (const n of m.removedNodes)
        if (n.nodeType === 1 && n.classList.contains('cm-tooltip-autocomplete'))
          painted((t) => window.__lists.push({ t, ready: true }));
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-query'] });
`;

export interface KeyTimes {
  /** keydown → next frame, ms. */
  frame: number[];
  /** Event Timing duration per key, ms; 0 when under 16 ms (not reported). */
  event: number[];
  /** Per key: did the top bar show indexing progress when it was pressed? */
  indexing?: boolean[];
}

export async function takeTimes(page: Page): Promise<KeyTimes> {
  // every key's frame has been produced, and the Event Timing entries of the last frame delivered
  await page.waitForFunction(() => {
    const keys = (window as unknown as { __keys: { frame: number | null }[] }).__keys;
    return keys.length > 0 && keys.every((k) => k.frame !== null);
  });
  await page.evaluate(() => new Promise((r) => setTimeout(r, 100)));
  return page.evaluate(() => {
    const w = window as unknown as {
      __keys: { t0: number; frame: number; indexing: boolean }[];
      __slow: Map<number, number>;
    };
    const out = {
      frame: w.__keys.map((k) => k.frame),
      indexing: w.__keys.map((k) => k.indexing),
      event: w.__keys.map((k) => w.__slow.get(Math.round(k.t0 * 10)) ?? 0),
    };
    w.__keys = [];
    w.__slow = new Map();
    return out;
  });
}

export async function resetTimes(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __keys: unknown[]; __slow: Map<number, number>; __answers: unknown[] };
    w.__keys = [];
    w.__slow = new Map();
    w.__answers = [];
  });
}

/** Types `n` characters one key at a time (each awaited, as a person types), returns the per-key times. */
export async function typeKeys(page: Page, n: number, text = 'typing words '): Promise<KeyTimes> {
  await resetTimes(page);
  for (let i = 0; i < n; i++) {
    await page.keyboard.press(text[i % text.length] === ' ' ? 'Space' : text[i % text.length]);
    // one key per frame at most, as typing is
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  }
  return takeTimes(page);
}

/**
 * Types `text` into the open Quick switcher one key at a time; after each key waits until the options answering the
 * query typed so far are painted (its search runs in a worker). Per key: `results`, keydown → those options painted;
 * `echo`, keydown → the next frame (the typed character shown).
 */
export async function typeSwitcher(page: Page, text: string): Promise<{ results: number[]; echo: KeyTimes }> {
  await resetTimes(page);
  const results: number[] = [];
  const input = page.getByRole('dialog', { name: 'Quick switcher' }).getByRole('combobox');
  const typedBefore = await input.inputValue();
  for (let i = 0; i < text.length; i++) {
    await page.keyboard.press(text[i] === ' ' ? 'Space' : text[i]);
    const q = typedBefore + text.slice(0, i + 1);
    const ms = await page
      .waitForFunction(
        ({ q, i }) => {
          const w = window as unknown as { __keys: { t0: number }[]; __answers: { query: string; t: number }[] };
          const t0 = w.__keys[i]?.t0;
          const hit = t0 === undefined ? undefined : w.__answers.find((a) => a.query === q && a.t > t0);
          return hit ? hit.t - t0 : false;
        },
        { q, i },
        { timeout: 30_000, polling: 'raf' },
      )
      .then((h) => h.jsonValue() as Promise<number>)
      .catch(() => Number.NaN);
    results.push(ms);
  }
  return { results, echo: await takeTimes(page) };
}

/**
 * Types `text` into the editor's open `[[` completion one key at a time; after each key waits until the list answering
 * the query typed so far is painted (its options replaced and not dimmed as pending, or the list closed: nothing
 * matches). Per key: `results`, keydown → that list painted; `echo`, keydown → the next frame.
 */
export async function typeCompletion(page: Page, text: string): Promise<{ results: number[]; echo: KeyTimes }> {
  await resetTimes(page);
  await page.evaluate(() => {
    (window as unknown as { __lists: unknown[] }).__lists = [];
  });
  const results: number[] = [];
  for (let i = 0; i < text.length; i++) {
    await page.keyboard.press(text[i] === ' ' ? 'Space' : text[i]);
    const ms = await page
      .waitForFunction(
        (i) => {
          const w = window as unknown as { __keys: { t0: number }[]; __lists: { t: number; ready: boolean }[] };
          const t0 = w.__keys[i]?.t0;
          const hit = t0 === undefined ? undefined : w.__lists.find((a) => a.ready && a.t > t0);
          return hit ? hit.t - t0 : false;
        },
        i,
        { timeout: 30_000, polling: 'raf' },
      )
      .then((h) => h.jsonValue() as Promise<number>)
      .catch(() => Number.NaN);
    results.push(ms);
  }
  return { results, echo: await takeTimes(page) };
}

/** Several phases' key times as one. */
export const join = (xs: KeyTimes[]): KeyTimes => ({
  frame: xs.flatMap((x) => x.frame),
  event: xs.flatMap((x) => x.event),
});
