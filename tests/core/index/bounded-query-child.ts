/**
 * Child process of bounded-queries.test.ts: indexes the vault in argv[2] (database argv[3]), then runs unlinked
 * mentions of `long.md` and a search for its alias, and prints one JSON line: the CPU ms of the queries (user +
 * system of this process, which runs nothing else meanwhile: other programs on a busy machine do not count), their
 * wall ms (for the report only), the growth of the peak RSS (bytes) over the RSS before them, plus the results.
 */
import fs from 'node:fs';
import { AtlasIndex } from '../../../electron/core/index/atlas-index.ts';
import { VaultQuery } from '../../../electron/core/query/vault-query.ts';

const [root, db] = process.argv.slice(2);
const index = await AtlasIndex.open({ vaultRoot: root, dbPath: db, workers: 0 });
await index.sync();
const query = new VaultQuery(index);
const alias = fs.readFileSync(`${root}/alias.txt`, 'utf8');
global.gc?.();
const rssBefore = process.memoryUsage().rss;
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const mentions = query.mentions('long.md');
const cpuMentions = process.cpuUsage(cpu0);
const hits = query.search(alias);
const cpu = process.cpuUsage(cpu0);
const ms = performance.now() - t0;
const cpuMs = (cpu.user + cpu.system) / 1000;
const mentionsCpuMs = (cpuMentions.user + cpuMentions.system) / 1000;
const peakGrowth = process.resourceUsage().maxRSS * 1024 - rssBefore;
index.close();
console.log(
  JSON.stringify({
    ms,
    cpuMs,
    mentionsCpuMs,
    peakGrowth,
    mentions: mentions.map((m) => m.source),
    hits: hits.map((h) => h.path),
  }),
);
