/**
 * Child process of bounded-queries.test.ts: indexes the vault in argv[2] (database argv[3]), then runs unlinked
 * mentions of `long.md` and a search for its alias, and prints one JSON line: wall ms of the queries and the growth
 * of the peak RSS (bytes) over the RSS before them, plus the results.
 */
import fs from 'node:fs';
import { AtlasIndex } from '../../electron/core/index/atlas-index.ts';
import { VaultQuery } from '../../electron/core/query/vault-query.ts';

const [root, db] = process.argv.slice(2);
const index = await AtlasIndex.open({ vaultRoot: root, dbPath: db, workers: 0 });
await index.sync();
const query = new VaultQuery(index);
const alias = fs.readFileSync(`${root}/alias.txt`, 'utf8');
global.gc?.();
const rssBefore = process.memoryUsage().rss;
const t0 = performance.now();
const mentions = query.mentions('long.md');
const tMentions = performance.now() - t0;
const hits = query.search(alias);
const ms = performance.now() - t0;
const peakGrowth = process.resourceUsage().maxRSS * 1024 - rssBefore;
index.close();
console.log(
  JSON.stringify({ ms, tMentions, peakGrowth, mentions: mentions.map((m) => m.source), hits: hits.map((h) => h.path) }),
);
