/**
 * The baseline that `npm run bench` compares the cold index against (issue 13): a plain, single-threaded
 * unified + remark-parse + remark-gfm + remark-frontmatter + remark-wiki-link parse of every `.md` file of a folder,
 * `processor.parse()` per file, nothing stored. Run as its own process so that its wall time, CPU time and peak RSS
 * are those of a whole process, like the index's.
 *
 *   node scripts/bench-baseline.ts <folder>
 *
 * Prints one JSON object: { files, bytes, wallMs, cpuMs, peakRssMB } (ms of wall clock from process start of the
 * measurement to its end; cpuMs = user + system time of the whole process; peak RSS in MB).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkWikiLink from 'remark-wiki-link';
import { unified } from 'unified';

const folder = process.argv[2];
if (!folder) {
  console.error('usage: node scripts/bench-baseline.ts <folder>');
  process.exit(2);
}
const t0 = performance.now();
const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkFrontmatter)
  .use(remarkWikiLink, { aliasDivider: '|' });
let files = 0;
let bytes = 0;
for (const e of readdirSync(folder, { recursive: true, withFileTypes: true })) {
  if (!e.isFile() || !e.name.endsWith('.md') || e.parentPath.split(/[\\/]/).some((p) => p.startsWith('.'))) continue;
  const text = readFileSync(join(e.parentPath, e.name), 'utf8');
  processor.parse(text);
  files++;
  bytes += Buffer.byteLength(text);
}
const wallMs = performance.now() - t0;
const ru = process.resourceUsage();
console.log(
  JSON.stringify({
    files,
    bytes,
    wallMs: Math.round(wallMs),
    cpuMs: Math.round((ru.userCPUTime + ru.systemCPUTime) / 1000),
    peakRssMB: Math.round(ru.maxRSS / 1024),
  }),
);
