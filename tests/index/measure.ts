/**
 * Quick measurement of the index engine on a vault (not a test; the official figures come from `npm run bench`):
 *   node tests/index/measure.ts <vault> [--workers N]
 * Copies the vault to a temp folder first (the one-note figure edits a note), prints cold, warm, one saved note,
 * backlinks, search and mentions timings (ms; p50/p95 where repeated).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AtlasIndex } from '../../electron/core/index/atlas-index.ts';

const [vaultArg, ...rest] = process.argv.slice(2);
if (!vaultArg) throw new Error('usage: node tests/index/measure.ts <vault> [--workers N]');
const wi = rest.indexOf('--workers');
const workers = wi >= 0 ? Number(rest[wi + 1]) : undefined;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-measure-'));
const root = path.join(work, 'vault');
fs.cpSync(path.resolve(vaultArg), root, { recursive: true, verbatimSymlinks: true });
const dbPath = path.join(work, 'index.db');

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return +s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))].toFixed(2);
};
const time = (fn: () => unknown) => { const t = performance.now(); fn(); return performance.now() - t; };

let index = await AtlasIndex.open({ vaultRoot: root, dbPath, workers });
const cold = await index.sync();
index.close();
let t0 = performance.now();
index = await AtlasIndex.open({ vaultRoot: root, dbPath, workers });
const warm = await index.sync();
const warmMs = performance.now() - t0;

const notes = index.notes();
const target = notes[Math.floor(notes.length / 2)];
const file = path.join(root, target.path);
const original = fs.readFileSync(file, 'utf8');
const one: number[] = [];
for (let i = 0; i < 20; i++) {
  fs.writeFileSync(file, `${original}\nEdit ${i} links [[${notes[i].title}]].\n`);
  t0 = performance.now();
  await index.update([target.path]);
  one.push(performance.now() - t0);
}
const sample = notes.filter((_, i) => i % Math.max(1, Math.floor(notes.length / 200)) === 0);
const back = sample.map((n) => time(() => index.backlinks(n.path)));
const words = ['通道', '协程', 'go', 'channel', 'memory', '垃圾回收', 'interface', 'the', '调度', 'stack and'];
for (const n of sample.slice(0, 40)) words.push(n.title, n.title.slice(0, 2));
const searches = words.map((w) => time(() => index.search(w, 20)));
const ments = sample.slice(0, 30).map((n) => time(() => index.mentions(n.path)));
const graphMs = time(() => index.graph());
const checkMs = time(() => index.check());
const notesMs = time(() => index.notes());
const localMs = time(() => index.neighbourhood(target.path, 2));
const figures = {
  vault: vaultArg, notes: cold.notes, links: cold.links, MB: +(cold.bytes / 1e6).toFixed(2),
  coldMs: Math.round(cold.ms), warmMs: Math.round(warmMs), warmParsed: warm.parsed,
  oneNoteP50: pct(one, 50), oneNoteP95: pct(one, 95), backlinksP50: pct(back, 50), backlinksP95: pct(back, 95),
  searchP50: pct(searches, 50), searchP95: pct(searches, 95), mentionsP50: pct(ments, 50), mentionsP95: pct(ments, 95),
  graphMs: Math.round(graphMs), checkMs: Math.round(checkMs), notesMs: Math.round(notesMs), localGraph2Ms: +localMs.toFixed(1),
};
console.log(JSON.stringify(figures));
index.close();
fs.rmSync(work, { recursive: true, force: true });
