import { readFileSync, globSync } from 'node:fs';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import wikiLinkPlugin from 'remark-wiki-link';
const dir = process.argv[2];
const files = globSync('**/*.{md,txt}', { cwd: dir }).map((f) => readFileSync(dir + '/' + f, 'utf8'));
const bytes = files.reduce((a, t) => a + Buffer.byteLength(t), 0);
function run(name: string, fn: (t: string) => unknown) {
  for (let i = 0; i < Math.min(files.length, 300); i++) fn(files[i]);
  const t0 = performance.now();
  for (const t of files) fn(t);
  const ms = performance.now() - t0;
  console.log(name.padEnd(40), (bytes / 1e6 / (ms / 1000)).toFixed(2), 'MB/s', Math.round(ms), 'ms');
}
function withDisabled(names: string[]) {
  return unified().use(remarkParse).use(wikiLinkPlugin, { aliasDivider: '|' }).use(function () {
    const d = this.data(); (d.micromarkExtensions ??= []).push({ disable: { null: names } });
  });
}
const sets: Record<string, string[]> = {
  none: [],
  attention: ['attention'],
  charref: ['characterReference'],
  'attention+charref+hardbreaks': ['attention', 'characterReference', 'hardBreakEscape', 'hardBreakTrailing'],
  'attention+html': ['attention', 'htmlText', 'htmlFlow'],
  none2: [],
};
for (const [n, s] of Object.entries(sets)) { const p = withDisabled(s); run(n, (t) => p.parse(t)); }
