import { AtlasIndex } from '../../electron/core/index/atlas-index.ts';
const index = await AtlasIndex.open({ vaultRoot: '/tmp/h2-vault10k', dbPath: '/tmp/h2-prof2.db', workers: 2 });
await index.sync();
const store = index.graphStore as any;
for (const w of ['通道', '协程', 'go', 'x', 'Co', 'the', '调度', 'a', 'e', ' ']) {
  try { index.search(w, 20); } catch (e) { console.log('FAIL', JSON.stringify(w), (e as Error).message); const g = store.stmt(`SELECT term FROM note_fts_vocab WHERE term >= ? AND term < ? LIMIT 301`).pluck().all(w.toLowerCase(), w.toLowerCase() + '\u{10FFFF}'); console.log(JSON.stringify(g).slice(0, 3000)); }
}
index.close();
