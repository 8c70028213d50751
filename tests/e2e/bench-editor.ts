/**
 * `npm run bench:editor [-- <vault>] [--keys 40] [--max-index-keys 400] [--profile DIR] [--trace DIR] [--typing-only]`: the editor's and the quick switcher's latency per keystroke on a
 * big vault (default: /tmp/atlas-bench-editor-v10k, generated with scripts/generate-vault.ts `--notes 10000` when
 * missing), in the browser host and headless Chromium, typed with real key events (Playwright's keyboard).
 *
 * Keystroke-to-paint, ms: from the keydown's `timeStamp` to the end of the first frame after it (a
 * requestAnimationFrame callback, then a message-channel task after it: the frame has been produced). Measured:
 * - `typing1MB`: typing in a 1 MB note (`huge.md`, added to the vault copy) while the vault is cold-indexed (the host
 *   starts on a fresh index database): typed from as soon as the note is open until the index is built (at most
 *   `--max-index-keys`), then `--keys` more on the idle index; only the keys pressed while the top bar showed indexing
 *   progress count (`keysDuringIndexing`; those after it are `typing1MBAfterIndexing`); `typing1MBIdle`: `--keys`
 *   keys in the same note once the vault is indexed and the page quiet (the note's cost alone);
 * - `completion`: typing a query after `[[` in a note, `resultsMs` per key: keydown → the completion list answering
 *   the query typed so far painted (its options replaced and not dimmed as pending, or closed when nothing matches;
 *   the search runs in a worker: the next key waits for it); `completionEcho`, keydown → next frame;
 *   `completionOpen.openMs`: the second `[`'s keydown → the list painted;
 * - `switcherFirstKey` / `switcher`: the "Quick switcher" just opened, its first keystroke on its own (typed afresh
 *   each time the switcher is opened), and every keystroke of a query: `resultsMs`, keydown → the options answering
 *   the query typed so far painted (the search runs in a worker: the next key waits for them); the `…Echo` rows,
 *   keydown → next frame (the typed character shown);
 * - `baseline`: the same typing in a 5 KB note with the vault idle (indexed), in the same run.
 * The idle phases start once the page ran no long task for 2 s (`unsettled` names those that never got there).
 * Each line gives `frameMs` p50/p95/max and the ratio of its p95 to the baseline's (the machine's load cancels out of
 * those), and `eventTimingMs`: the Event Timing API's keydown durations (keydown to the next paint, as INP counts
 * them): how many of the keys were over 16 ms, their p95 ('<16' when at most 5% were) and the longest.
 * `--profile DIR`: a CPU profile of each phase (DIR/<phase>.cpuprofile; `profiles` gives the main thread's busy ms
 * per key and the top self times; build with `--minify false` for names). `--trace DIR`: a Chromium trace of the
 * typing phase, `traceMsPerKey` by event name. `--typing-only`: stop after the typing phase.
 * Prints each row as one JSON line (`{"row": name, …}`) as soon as it is measured (the typing rows again with their
 * baseline ratios once the baseline is known), then one JSON object of them all. The row `issue12` gives the issue's
 * figures (p50/p95, ms, each also as a ratio to the baseline's, and whether it meets its target): the switcher's
 * and completion's keydown → results painted (target ≤ 30 ms) and typing1MB's keydown → next frame (target p95
 * ≤ 16 ms), with the load average at the end of the run.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CDPSession, Page } from 'playwright-core';
import { callApiFromPage, REPO_ROOT, startApp } from './harness.ts';
import {
  join,
  type KeyTimes,
  PROBE,
  pct,
  resetTimes,
  stats,
  takeTimes,
  typeCompletion,
  typeKeys,
  typeSwitcher,
} from './editor-keys.ts';
import { tempDir } from '../support/temp-dir.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    keys: { type: 'string', default: '40' },
    profile: { type: 'string' },
    'max-index-keys': { type: 'string', default: '400' },
    trace: { type: 'string' },
    'typing-only': { type: 'boolean', default: false },
  },
});
const vault = path.resolve(positionals[0] ?? '/tmp/atlas-bench-editor-v10k');
const KEYS = Math.max(5, Number(values.keys));
/** Most keys typed into the 1 MB note while the index is being built (typing stops when it ends). */
const MAX_INDEX_KEYS = Math.max(KEYS, Number(values['max-index-keys']));
/** With `--profile DIR`: a CPU profile of each phase's page (DIR/<phase>.cpuprofile) and its top self times. */
const PROFILE_DIR = values.profile ? path.resolve(values.profile) : null;
/**
 * With `--trace DIR`: Chromium traces of the 1 MB typing phase (DIR/typing1MB.trace.json) and of the `[[` completion
 * phase (DIR/completion.trace.json), and the page's main-thread time per trace event name (style, layout, paint,
 * scripts…), per key.
 */
const TRACE_DIR = values.trace ? path.resolve(values.trace) : null;
if (!fs.existsSync(vault)) {
  const r = spawnSync(
    process.execPath,
    [path.join(REPO_ROOT, 'scripts', 'generate-vault.ts'), vault, '--notes', '10000'],
    {
      stdio: 'inherit',
    },
  );
  if (r.status !== 0) process.exit(1);
}

/** A ~1 MB note: paragraphs with links, formatting, tags and headings, as a long real note has. */
function hugeNote(bytes: number): string {
  const para = (i: number) =>
    `Paragraph ${i} with **bold** text, a [[goroutine]] link, an ==highlight==, \`code\` and #tag/nested words ` +
    `that run on for a while so the line wraps in the editor like prose does in a long note about things.\n\n`;
  let out = '# Huge note\n\n';
  for (let i = 0; out.length < bytes; i++) out += i % 40 === 0 ? `## Section ${i / 40}\n\n${para(i)}` : para(i);
  return `${out}Last line.\n`;
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

let cdp: CDPSession | null = null;
/** Per phase (with `--profile`): busy ms of the page's main thread per key and the top functions by self time. */
const profiles: Record<string, { busyMsPerKey: number; topSelfMs: Record<string, number> }> = {};

async function profileStart(page: Page): Promise<void> {
  if (!PROFILE_DIR) return;
  if (!cdp) {
    cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
  }
  await cdp.send('Profiler.start');
}

/** Stops the profile of `phase` (over `keys` keys), writes it to PROFILE_DIR and notes its top self times. */
async function profileStop(phase: string, keys: number): Promise<void> {
  if (!cdp || !PROFILE_DIR) return;
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  fs.mkdirSync(PROFILE_DIR, { recursive: true });
  fs.writeFileSync(path.join(PROFILE_DIR, `${phase}.cpuprofile`), JSON.stringify(profile));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let busy = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const f = byId.get(profile.samples[i])?.callFrame;
    if (!f) continue;
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const name = `${f.functionName || '(anonymous)'} ${path.basename(f.url)}:${f.lineNumber + 1}`;
    self.set(name, (self.get(name) ?? 0) + ms);
    if (f.functionName !== '(idle)') busy += ms;
  }
  const top = [...self].filter(([n]) => !n.startsWith('(idle)')).sort((a, b) => b[1] - a[1]);
  profiles[phase] = {
    busyMsPerKey: +(busy / Math.max(1, keys)).toFixed(1),
    topSelfMs: Object.fromEntries(top.slice(0, 15).map(([n, ms]) => [n, +ms.toFixed(1)])),
  };
}

/** Main-thread ms per key by trace event name (nested events are counted in each of their names). */
function traceSummary(trace: Buffer, keys: number): Record<string, number> {
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: Record<string, unknown>[] }).traceEvents;
  const main = new Set(
    events
      .filter((e) => e.name === 'thread_name' && (e.args as { name?: string })?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const total = new Map<string, number>();
  for (const e of events) {
    if (e.ph !== 'X' || typeof e.dur !== 'number' || !main.has(`${e.pid}:${e.tid}`)) continue;
    total.set(e.name as string, (total.get(e.name as string) ?? 0) + e.dur / 1000);
  }
  const top = [...total].sort((a, b) => b[1] - a[1]).slice(0, 25);
  return Object.fromEntries(top.map(([n, ms]) => [n, +(ms / Math.max(1, keys)).toFixed(2)]));
}

/** Phases that started before the page was quiet (see `settle`). */
const unsettled: string[] = [];

/**
 * Waits until the page ran no long task for `quietMs` (at most `maxMs`): the refetches after indexing are over. A page
 * that never gets quiet is noted in `unsettled` and the phase runs anyway.
 */
async function settle(page: Page, phase: string, quietMs = 2000, maxMs = 120_000): Promise<void> {
  await page
    .waitForFunction(
      (q) => performance.now() - (window as unknown as { __lastLongTask: number }).__lastLongTask > q,
      quietMs,
      { timeout: maxMs, polling: 250 },
    )
    .catch(() => unsettled.push(phase));
}

async function openNote(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+O');
  const switcher = page.getByRole('dialog', { name: 'Quick switcher' });
  await switcher.getByRole('combobox').fill(name);
  await switcher
    .getByRole('option', { name: new RegExp(`^${name}`) })
    .first()
    .waitFor({ timeout: 120_000 });
  await page.keyboard.press('Enter');
  const editor = page.getByRole('region', { name: 'Editor' });
  await editor.getByRole('tab', { name, exact: true, selected: true }).waitFor({ timeout: 120_000 });
  await editor.locator('.cm-content').waitFor({ timeout: 120_000 });
}

/** Cursor at the end of the note, on a fresh empty line. */
async function toEnd(page: Page): Promise<void> {
  await page.getByRole('region', { name: 'Editor' }).locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
}

const indexing = async (page: Page, token: string): Promise<boolean> => {
  const r = (await callApiFromPage(page, token, 'indexStatus', [])).body as { result: { state: string } };
  return r.result.state === 'indexing';
};

// A copy of the vault gets the two notes typed in; the host starts on a fresh index (a cold index of the vault).
const work = tempDir('bench-editor');
const copy = path.join(work, path.basename(vault));
fs.cpSync(vault, copy, { recursive: true });
fs.writeFileSync(path.join(copy, 'huge.md'), hugeNote(1024 * 1024));
fs.writeFileSync(path.join(copy, 'small.md'), hugeNote(5 * 1024));
const app = await startApp({ vault: copy });
try {
  const { page, token } = app;
  await page.addInitScript(PROBE);
  await page.reload();
  await page.getByRole('region', { name: 'Local graph' }).waitFor({ timeout: 120_000 });
  const result: Record<string, unknown> = { vault, keys: KEYS };
  /** The 5 KB note's typing (measured once the vault is indexed): the ratios' denominator. */
  let baseP95: number | null = null;
  const ratio = (p95: number) => (baseP95 ? +(p95 / baseP95).toFixed(2) : null);
  /** A phase's figures from keydown → next frame, and Event Timing. */
  const line = (t: KeyTimes) => {
    const s = stats(t.frame);
    const over = t.event.filter((d) => d > 16);
    const e95 = pct(t.event, 95);
    return {
      frameMs: s,
      p95VsBaseline: ratio(s.p95),
      eventTimingMs: {
        over16: over.length,
        of: t.event.length,
        p95: e95 > 16 ? e95 : '<16',
        max: Math.max(16, ...over),
      },
    };
  };
  /** A phase's figures from keydown → its results painted (ms per key; NaN: never painted within 30 s). */
  const resultsLine = (ms: number[]) => {
    const ok = ms.filter((x) => Number.isFinite(x));
    const s = stats(ok);
    return { resultsMs: s, missing: ms.length - ok.length, p95VsBaseline: ratio(s.p95) };
  };
  /** Records a row and prints it at once (one JSON line): a later phase that fails loses no earlier row. */
  const row = (name: string, value: unknown) => {
    result[name] = value;
    console.log(JSON.stringify({ row: name, ...(value as object) }));
  };

  // (c) typing in the 1 MB note while the vault is being indexed: from as soon as the note is open, one key at a
  // time, until the index is built (at most MAX_INDEX_KEYS keys), then KEYS more on the idle index
  const statusBefore = await callApiFromPage(page, token, 'indexStatus', []);
  await openNote(page, 'huge');
  await toEnd(page);
  await resetTimes(page);
  await profileStart(page);
  if (TRACE_DIR)
    await app.browser.startTracing(page, {
      categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink'],
    });
  const text = 'typing words ';
  let keysIdle = 0;
  for (let i = 0; i < MAX_INDEX_KEYS + KEYS; i++) {
    await page.keyboard.press(text[i % text.length] === ' ' ? 'Space' : text[i % text.length]);
    // the frame produced; is the index still being built (the top bar's progress)?
    const still = await page.evaluate(
      () =>
        new Promise<boolean>((r) =>
          requestAnimationFrame(() =>
            setTimeout(() => r(!!document.querySelector('progress[aria-label="Indexing"]')), 0),
          ),
        ),
    );
    if (!still && ++keysIdle >= KEYS) break;
    if (still && i + 1 >= MAX_INDEX_KEYS) break;
  }
  const typed = await takeTimes(page);
  const during = typed.indexing ?? [];
  await profileStop('typing1MB', during.filter(Boolean).length);
  if (TRACE_DIR) {
    const trace = await app.browser.stopTracing();
    fs.mkdirSync(TRACE_DIR, { recursive: true });
    fs.writeFileSync(path.join(TRACE_DIR, 'typing1MB.trace.json'), trace);
    result.traceMsPerKey = traceSummary(trace, during.length);
  }
  const huge: KeyTimes = {
    frame: typed.frame.filter((_, i) => during[i]),
    event: typed.event.filter((_, i) => during[i]),
  };
  const afterIndex: KeyTimes = {
    frame: typed.frame.filter((_, i) => !during[i]),
    event: typed.event.filter((_, i) => !during[i]),
  };
  result.indexStatusAtStart = (statusBefore.body as { result: unknown }).result;
  result.keysDuringIndexing = huge.frame.length;
  result.keysAfterIndexing = afterIndex.frame.length;
  row('typing1MB', { keysDuringIndexing: huge.frame.length, ...line(huge) });
  if (afterIndex.frame.length) row('typing1MBAfterIndexing', line(afterIndex));
  if (!values['typing-only']) {
    // wait for the index to be ready (the rest runs on an idle vault)
    await page.waitForFunction(
      () => /\d{4,} notes/.test(document.querySelector('.topbar')?.textContent ?? ''),
      undefined,
      { timeout: 600_000, polling: 500 },
    );
    for (let i = 0; i < 1200 && (await indexing(page, token)); i++) await page.waitForTimeout(500);

    // baseline: the same typing in a 5 KB note, vault idle (and the page quiet)
    await settle(page, 'baseline');
    await openNote(page, 'small');
    await settle(page, 'baseline');
    await toEnd(page);
    await typeKeys(page, 5); // warm-up
    await profileStart(page);
    const base = await typeKeys(page, KEYS);
    await profileStop('baseline', KEYS);
    baseP95 = stats(base.frame).p95;
    row('baseline', line(base));
    // the typing rows again, now with their ratios to the baseline
    row('typing1MB', { keysDuringIndexing: huge.frame.length, ...line(huge) });
    if (afterIndex.frame.length) row('typing1MBAfterIndexing', line(afterIndex));
    // the 1 MB note alone on the idle vault (the page quiet): what typing in it costs without the index running
    await openNote(page, 'huge');
    await settle(page, 'typing1MBIdle');
    await toEnd(page);
    await typeKeys(page, 5); // warm-up
    row('typing1MBIdle', line(await typeKeys(page, KEYS)));

    // (a) [[ completion: open the list, then type a query one key at a time
    await settle(page, 'completion');
    const completionTimes: KeyTimes[] = [];
    const completionResults: number[] = [];
    const openTimes: number[] = [];
    const list = page.locator('.cm-tooltip-autocomplete');
    await profileStart(page);
    if (TRACE_DIR)
      await app.browser.startTracing(page, {
        categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink'],
      });
    for (const q of ['concept 0001', 'channel buf', 'sched 12']) {
      await page.keyboard.press('Enter');
      await resetTimes(page);
      await page.evaluate(() => {
        (window as unknown as { __tooltips: number[] }).__tooltips = [];
      });
      await page.keyboard.type('[[');
      await list.waitFor({ timeout: 30_000 });
      // the second `[`'s keydown → the list painted
      openTimes.push(
        await page
          .waitForFunction(() => {
            const w = window as unknown as { __keys: { t0: number }[]; __tooltips: number[] };
            const t0 = w.__keys[1]?.t0;
            const t = w.__tooltips.find((x) => t0 !== undefined && x > t0);
            return t === undefined ? false : +(t - t0).toFixed(1);
          })
          .then((h) => h.jsonValue() as Promise<number>),
      );
      const t = await typeCompletion(page, q);
      completionResults.push(...t.results);
      completionTimes.push(t.echo);
      await page.keyboard.press('Escape');
      await list.waitFor({ state: 'detached' });
      await page.keyboard.press('Control+End');
    }
    await profileStop(
      'completion',
      completionTimes.reduce((n, t) => n + t.frame.length, 0),
    );
    if (TRACE_DIR) {
      const trace = await app.browser.stopTracing();
      fs.mkdirSync(TRACE_DIR, { recursive: true });
      fs.writeFileSync(path.join(TRACE_DIR, 'completion.trace.json'), trace);
      row('completionTraceMsPerKey', traceSummary(trace, completionResults.length));
    }
    row('completion', { ...resultsLine(completionResults), perKeyMs: completionResults.map((x) => +x.toFixed(1)) });
    row('completionEcho', line(join(completionTimes)));
    row('completionOpen', { openMs: openTimes });

    // (b) quick switcher: the first keystroke after opening (afresh each time), then a whole query
    await settle(page, 'switcher');
    const dialog = page.getByRole('dialog', { name: 'Quick switcher' });
    const firstKeys: KeyTimes[] = [];
    await profileStart(page);
    const firstResults: number[] = [];
    for (const ch of 'cgsmrtpqwe') {
      await page.keyboard.press('Control+O');
      await dialog.getByRole('option').first().waitFor();
      const t = await typeSwitcher(page, ch);
      firstResults.push(...t.results);
      firstKeys.push(t.echo);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
    }
    await profileStop('switcherFirstKey', firstKeys.length);
    await page.keyboard.press('Control+O');
    await dialog.getByRole('option').first().waitFor();
    await profileStart(page);
    await page.evaluate(() => performance.clearMarks('atlas-note-search-local'));
    const sw = await typeSwitcher(page, 'concpt 00001 at');
    // keys answered on the UI thread from the worker's pool of few matches (search-client.ts)
    const localAnswers = await page.evaluate(() => performance.getEntriesByName('atlas-note-search-local').length);
    await profileStop('switcher', 'concpt 00001 at'.length);
    await page.keyboard.press('Escape');
    row('switcherFirstKey', { ...resultsLine(firstResults), perKeyMs: firstResults.map((x) => +x.toFixed(1)) });
    row('switcherFirstKeyEcho', line(join(firstKeys)));
    row('switcher', { ...resultsLine(sw.results), perKeyMs: sw.results.map((x) => +x.toFixed(1)), localAnswers });
    row('switcherEcho', line(sw.echo));
    // the two figures: per keystroke, key → painted result (switcher: every key typed into it, the first
    // ones after opening included; completion: every key of the `[[` queries), and key → paint typing in the 1 MB
    // note during the cold index; each p50 and p95 also as a ratio to the baseline's (5 KB note, idle vault, this
    // run; its p95 over 40 keys moves with the load more than its p50)
    const figure = (xs: number[], targetMs: number, p = 95) => {
      const ok = xs.filter((x) => Number.isFinite(x));
      const s = stats(ok);
      const p50VsBaseline = +(s.p50 / stats(base.frame).p50).toFixed(2);
      return {
        n: s.n,
        p50: s.p50,
        p95: s.p95,
        p50VsBaseline,
        p95VsBaseline: ratio(s.p95),
        targetMs,
        met: pct(ok, p) <= targetMs,
      };
    };
    row('issue12', {
      switcherKeyToResultsMs: figure([...firstResults, ...sw.results], 30),
      completionKeyToResultsMs: figure(completionResults, 30),
      typing1MBDuringIndexKeyToPaintMs: figure(huge.frame, 16),
      baselineKeyToPaintMs: { p50: stats(base.frame).p50, p95: baseP95 },
      load: os.loadavg().map((x) => +x.toFixed(1)),
    });
  }
  result.unsettled = unsettled;
  if (PROFILE_DIR) result.profiles = profiles;
  console.log(JSON.stringify(result, null, 1));
} finally {
  await app.close();
  fs.rmSync(work, { recursive: true, force: true });
}
