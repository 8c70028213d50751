import { readFileSync, globSync } from 'node:fs';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import wikiLinkPlugin from 'remark-wiki-link';
import { parse, preprocess, postprocess } from 'micromark';
const dir = process.argv[2];
const files = globSync('**/*.{md,txt}', { cwd: dir }).map((f) => readFileSync(dir + '/' + f, 'utf8'));
const bytes = files.reduce((a, t) => a + Buffer.byteLength(t), 0);
function run(name: string, fn: (t: string) => unknown) {
  for (let i = 0; i < Math.min(files.length, 300); i++) fn(files[i]);
  const t0 = performance.now();
  for (const t of files) fn(t);
  const ms = performance.now() - t0;
  console.log(name.padEnd(30), (bytes / 1e6 / (ms / 1000)).toFixed(2), 'MB/s', Math.round(ms), 'ms');
}
const plain = unified().use(remarkParse);
const wiki = unified().use(remarkParse).use(wikiLinkPlugin, { aliasDivider: '|' });
const full = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter).use(wikiLinkPlugin, { aliasDivider: '|' });
run('micromark events only', (t) => postprocess(parse().document().write(preprocess()(t, undefined, true))));
run('remark plain', (t) => plain.parse(t));
run('remark + wiki', (t) => wiki.parse(t));
run('remark full (gfm,fm,wiki)', (t) => full.parse(t));
