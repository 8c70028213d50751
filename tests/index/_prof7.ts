import fs from 'node:fs';
import path from 'node:path';
import { AtlasIndex } from '../../electron/core/index/atlas-index.ts';
import { parseNote } from '../../electron/core/parse/index.ts';
const root = '/tmp/h2-vault10k';
const index = await AtlasIndex.open({ vaultRoot: root, dbPath: '/tmp/h2-prof2.db', workers: 2 });
console.log((await index.sync()).mode);
const store = index.graphStore as any;
const acc: Record<string, number> = {};
for (const m of ['writeNote', 'upsertFile', 'setFileProblems', 'linksByTargetName', 'recheckAnchors', 'fileStat', 'transaction', 'pathsUnder']) {
  const orig = store[m].bind(store);
  store[m] = (...a: unknown[]) => { const t = performance.now(); try { return orig(...a); } finally { acc[m] = (acc[m] ?? 0) + performance.now() - t; } };
}
const notes = index.notes();
const target = notes[4321];
const file = path.join(root, target.path);
const original = fs.readFileSync(file, 'utf8');
let total = 0, parse = 0;
for (let i = 0; i < 40; i++) {
  const text = `${original}\nEdit ${i} links [[${notes[i].title}]].\n`;
  fs.writeFileSync(file, text);
  let t0 = performance.now();
  parseNote(target.path, text);
  parse += performance.now() - t0;
  t0 = performance.now();
  await index.update([target.path]);
  total += performance.now() - t0;
}
fs.writeFileSync(file, original);
await index.update([target.path]);
console.log('total', total.toFixed(0), 'parse', parse.toFixed(0), JSON.stringify(Object.fromEntries(Object.entries(acc).map(([k, v]) => [k, +v.toFixed(0)]))));
index.close();
