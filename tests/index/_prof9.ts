import Database from 'better-sqlite3';
import fs from 'node:fs';
const src = new Database('/tmp/h2-prof8.db', { readonly: true });
const bodies = src.prepare('SELECT rowid, body FROM note_fts').all() as { rowid: number; body: string }[];
console.log('bodies', bodies.length, bodies.reduce((a, b) => a + b.body.length, 0));
for (const detail of ['full', 'column', 'none']) {
  fs.rmSync('/tmp/h2-fts.db', { force: true });
  const db = new Database('/tmp/h2-fts.db');
  db.pragma('journal_mode = OFF'); db.pragma('synchronous = OFF');
  db.exec(`CREATE VIRTUAL TABLE f USING fts5(body, tokenize='trigram', detail=${detail})`);
  const ins = db.prepare('INSERT INTO f(rowid, body) VALUES (?, ?)');
  const t = performance.now();
  for (let i = 0; i < bodies.length; i += 32) db.transaction(() => { for (const b of bodies.slice(i, i + 32)) ins.run(b.rowid, b.body); })();
  const ms = performance.now() - t;
  const q = (sql: string, a: string) => { const t0 = performance.now(); let n = 0; try { n = db.prepare(sql).all(a).length; } catch (e) { return (e as Error).message; } return `${n} in ${(performance.now() - t0).toFixed(2)}ms`; };
  console.log(detail, 'build', ms.toFixed(0), 'size', fs.statSync('/tmp/h2-fts.db').size,
    'like', q(`SELECT rowid FROM f WHERE body LIKE ? LIMIT 200`, '%stack and%'),
    'match', q(`SELECT rowid FROM f WHERE f MATCH ? LIMIT 200`, '"stack and"'),
    'likeRare', q(`SELECT rowid FROM f WHERE body LIKE ? LIMIT 200`, '%00026%'),
    'likeCJK', q(`SELECT rowid FROM f WHERE body LIKE ? LIMIT 200`, '%垃圾回收%'));
  db.close();
}
