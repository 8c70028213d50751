import Database from 'better-sqlite3';
const db = new Database('/tmp/h2-prof2.db', { readonly: true });
const q = (sql: string, ...a: unknown[]) => { const ts=[]; let r; for (let i=0;i<3;i++){ const t=performance.now(); r = db.prepare(sql).all(...a); ts.push(performance.now()-t);} console.log(Math.min(...ts).toFixed(2), JSON.stringify(r).slice(0,40), sql.slice(0,90), a.join('|')); };
for (const t of ['协程', 'go', 'xy', '调度', '度器']) {
q(`SELECT count(*) FROM note_fts WHERE body LIKE ?`, `%${t}%`);
q(`SELECT count(*) FROM note_fts WHERE note_fts MATCH ?`, `"${t}"*`);
q(`SELECT count(*) FROM note_fts WHERE note_fts MATCH ?`, `body:"${t}"*`);
}
