import { AtlasIndex } from '../../electron/core/index/atlas-index.ts';
const index = await AtlasIndex.open({ vaultRoot: '/tmp/h2-vault10k', dbPath: '/tmp/h2-prof2.db', workers: 0 });
await index.sync();
const notes = index.notes();
const words = ['通道', '协程', 'go', 'channel', 'memory', '垃圾回收', 'interface', 'the', '调度', 'stack and', 'x', 'zzqq', '不存在的词'];
for (const n of notes.slice(0, 5)) words.push(n.title, n.title.slice(0, 2));
for (const w of words) {
  const ts = [];
  for (let i = 0; i < 5; i++) { const t = performance.now(); index.search(w, 20); ts.push(performance.now() - t); }
  console.log(JSON.stringify(w), Math.min(...ts).toFixed(2), index.search(w, 20).length);
}
const sample = notes.slice(0, 20);
for (const n of sample.slice(0,5)) { const t = performance.now(); const m = index.mentions(n.path); console.log('mentions', n.title, (performance.now()-t).toFixed(1), m.length); }
index.close();
