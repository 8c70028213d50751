import fs from 'node:fs';
import path from 'node:path';
import { parseNote, decodeNote } from '../../electron/core/parse/index.ts';
const root = '/tmp/h2-vault10k';
const files = (fs.readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith('.md'));
let t = performance.now();
const notes = [];
for (const f of files.slice(0, 2000)) { const d = decodeNote(fs.readFileSync(path.join(root, f))); notes.push(parseNote(f, d.text!)); }
console.log('parse 2000', performance.now() - t);
import { SqliteStore } from '../../electron/core/store/sqlite-store.ts';
import { NameTable } from '../../electron/core/resolve/name-table.ts';
import { lastSegment, targetKey } from '../../electron/core/resolve/keys.ts';
fs.rmSync('/tmp/h2-prof.db', { force: true });
const store = SqliteStore.open('/tmp/h2-prof.db', root);
const names = new NameTable();
for (const f of files) names.addFile(f);
t = performance.now();
let tr = 0;
for (let i = 0; i < notes.length; i += 32) {
  store.transaction(() => {
    for (const n of notes.slice(i, i + 32)) {
      const t1 = performance.now();
      const links = n.links.map((l) => ({ ...l, targetText: l.target, targetName: lastSegment(targetKey(l.target)), resolution: names.resolve(n.path, l.target, l.kind === 'markdown') }));
      tr += performance.now() - t1;
      store.upsertFile({ path: n.path, diskPath: null, kind: 'note', mtimeMs: 1, size: 1, hash: 'x' });
      store.writeNote(n, links);
    }
  });
}
console.log('write 2000', performance.now() - t, 'resolve', tr);
