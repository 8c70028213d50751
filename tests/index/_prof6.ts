import fs from 'node:fs';
import path from 'node:path';
import { AtlasIndex } from '../../electron/core/index/atlas-index.ts';
const root = '/tmp/h2-vault10k';
const index = await AtlasIndex.open({ vaultRoot: root, dbPath: '/tmp/h2-prof2.db', workers: 2 });
console.log((await index.sync()).mode);
const notes = index.notes();
const target = notes[4321];
const file = path.join(root, target.path);
const original = fs.readFileSync(file, 'utf8');
const ts: number[] = [];
for (let i = 0; i < 40; i++) {
  fs.writeFileSync(file, `${original}\nEdit ${i} links [[${notes[i].title}]].\n`);
  const t0 = performance.now();
  await index.update([target.path]);
  ts.push(+(performance.now() - t0).toFixed(1));
}
fs.writeFileSync(file, original);
await index.update([target.path]);
console.log(ts.join(' '));
index.close();
