/**
 * What the reading view costs (not a test; speed belongs to benchmarks):
 *   npm run -s bench:reading            (builds the renderer, then runs this)
 *   node tests/e2e/measure-reading.ts [--runs N]
 * Writes a temp vault with generated notes — a 5 KB baseline, a 150 KB note (rich rendering), a 1 MB note (over
 * RICH_MAX_CHARS: plain fallback) and a 150 KB pathological note (deep nesting, long emphasis and bracket runs) —
 * opens each in the browser host, switches to the reading view, and prints per note: ms from the click to the first
 * frame after the view's content is in the DOM ("first paint"), the longest main-thread task in that window (Long
 * Tasks API), and the ratio of first paint to the baseline measured in the same run.
 */
import fs from 'node:fs';
import path from 'node:path';
import { startApp, treeItem } from './harness.ts';
import { tempDir } from '../support/temp-dir.ts';

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 1;

function realistic(bytes: number, seed: string): string {
  const parts: string[] = [`# ${seed}\n`];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const chunk = [
      `## Section ${i}\n`,
      `Paragraph ${i} about [[goroutine]] scheduling, **bold**, *emphasis*, \`code\`, ==highlight== and a link to [[Note ${i % 50}#Heading|alias]]. 中文段落，关于通道与调度器。\n`,
      `- item one with [[channel]]\n- item two ^blk${i}\n  - nested item\n`,
      i % 5 === 0
        ? '```go\nfunc main() {\n\tch := make(chan int)\n\tgo func() { ch <- 1 }()\n\tfmt.Println(<-ch)\n}\n```\n'
        : '',
      i % 7 === 0 ? '> [!tip] A tip\n> Callout body with [[link]].\n' : '',
      i % 11 === 0 ? '| a | b |\n|---|---|\n| 1 | 2 |\n' : '',
      i % 13 === 0 ? 'Math $x^2 + y^2 = z^2$ inline.\n' : '',
    ].join('\n');
    parts.push(chunk);
    size += chunk.length;
  }
  return parts.join('\n');
}

function pathological(bytes: number): string {
  const parts: string[] = ['# Pathological\n'];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const chunk = [
      '>'.repeat(60) + ' deep quote\n',
      Array.from({ length: 40 }, (_, d) => `${'  '.repeat(d)}- level ${d}`).join('\n') + '\n',
      '*a **b '.repeat(200) + '\n',
      '[['.repeat(300) + ']]'.repeat(100) + '\n',
      '`'.repeat(50) + ' x ' + '`'.repeat(49) + '\n',
    ].join('\n');
    parts.push(chunk);
    size += chunk.length;
  }
  return parts.join('\n');
}

const tmp = tempDir('bench-reading');
const vault = path.join(tmp, 'bench-reading');
fs.mkdirSync(vault);
const notes: Array<[string, string]> = [
  ['bench-baseline-5k', realistic(5_000, 'baseline')],
  ['bench-rich-150k', realistic(150_000, 'rich')],
  ['bench-large-1mb', realistic(1_000_000, 'large')],
  ['bench-pathological-150k', pathological(150_000)],
];
for (const [name, text] of notes) fs.writeFileSync(path.join(vault, `${name}.md`), text);

try {
  for (let run = 1; run <= runs; run++) {
    const app = await startApp({ vault });
    const { page } = app;
    try {
      const results: Array<{ note: string; bytes: number; firstPaintMs: number; longestTaskMs: number }> = [];
      for (const [name, text] of notes) {
        await (await treeItem(page, name)).click();
        const ed = page.getByRole('region', { name: 'Editor' });
        await ed.getByRole('tab', { name, exact: true, selected: true }).waitFor();
        await ed.locator('.cm-content').waitFor();
        const m = await page.evaluate(async (title) => {
          const tasks: number[] = [];
          const obs = new PerformanceObserver((list) => {
            for (const e of list.getEntries()) tasks.push(e.duration);
          });
          obs.observe({ type: 'longtask', buffered: false });
          const button = [...document.querySelectorAll<HTMLButtonElement>('button')].find(
            (b) => b.textContent === 'Reading view',
          )!;
          const t0 = performance.now();
          button.click();
          const firstPaint = await new Promise<number>((resolve) => {
            const check = () => {
              const art = [...document.querySelectorAll('article.reading-view')].find(
                (a) => a.getAttribute('aria-label') === `Reading view of ${title}`,
              );
              if (art && art.querySelector('.reading-body > *'))
                requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
              else requestAnimationFrame(check);
            };
            check();
          });
          // Let embeds, link states and highlighting settle, then collect the long tasks.
          await new Promise((r) => setTimeout(r, 1500));
          obs.disconnect();
          return { firstPaintMs: firstPaint, longestTaskMs: tasks.length ? Math.max(...tasks) : 0 };
        }, name);
        results.push({
          note: name,
          bytes: Buffer.byteLength(text),
          firstPaintMs: Math.round(m.firstPaintMs),
          longestTaskMs: Math.round(m.longestTaskMs),
        });
        await ed.getByRole('button', { name: 'Editing view', exact: true }).click();
      }
      const base = results[0].firstPaintMs || 1;
      for (const r of results)
        console.log(JSON.stringify({ run, ...r, ratioToBaseline: Number((r.firstPaintMs / base).toFixed(2)) }));
    } finally {
      await app.close();
    }
  }
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
