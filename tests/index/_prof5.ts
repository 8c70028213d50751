import { AtlasIndex } from '../../electron/core/index/atlas-index.ts';
const index = await AtlasIndex.open({ vaultRoot: '/tmp/h2-vault10k', dbPath: '/tmp/h2-prof2.db', workers: 2 });
await index.sync();
const store = index.graphStore as any;
const notes = index.notes();
const words: string[] = [];
for (const n of notes) words.push(n.title, n.title.slice(0, 2), n.title.slice(0, 1));
for (const w of words) {
  try { index.search(w, 20); } catch (e) { console.log('FAIL', JSON.stringify(w), (e as Error).message); const g = store.stmt(`SELECT term FROM note_fts_vocab WHERE term >= ? AND term < ? LIMIT 301`).pluck().all(w.toLowerCase(), w.toLowerCase() + '\u{10FFFF}'); console.log(JSON.stringify(g).slice(0, 3000)); break; }
}
index.close();
