import fs from 'node:fs';
import { AtlasIndex } from '../../electron/core/index/atlas-index.ts';
const w = Number(process.argv[2] ?? 2);
fs.rmSync('/tmp/h2-prof8.db', { force: true });
const index = await AtlasIndex.open({ vaultRoot: '/tmp/h2-vault10k', dbPath: '/tmp/h2-prof8.db', workers: w });
const store = index.graphStore as any;
const acc: Record<string, number> = {};
for (const m of ['writeNote', 'upsertFile', 'transaction', 'unresolvedLinks', 'recheckAnchors', 'checkpoint', 'setResolution']) {
  const orig = store[m].bind(store);
  store[m] = (...a: unknown[]) => { const t = performance.now(); try { return orig(...a); } finally { acc[m] = (acc[m] ?? 0) + performance.now() - t; } };
}
const s = await index.sync();
console.log(w, 'cold', s.ms.toFixed(0), JSON.stringify(Object.fromEntries(Object.entries(acc).map(([k, v]) => [k, +v.toFixed(0)]))));
index.close();
