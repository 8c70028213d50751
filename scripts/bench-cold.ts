/**
 * One cold index of a vault as a whole process, for `npm run bench` (issue 13): a fresh database in a temp folder,
 * `AtlasIndex.open` + `sync()`, then exit.
 *
 *   node scripts/bench-cold.ts <vault> <db-file>      (`npm run bench` runs its bundle, out/cli/bench-cold.mjs)
 *
 * Prints one JSON object: { notes, bytes, wallMs, cpuMs, mainCpuMs, peakRssMB } — wall ms of open + sync, cpuMs =
 * user + system time of the whole process (parse workers included), mainCpuMs = that of the main thread alone (SQLite
 * writes, resolution, start-up; `process.threadCpuUsage`), peak RSS of the process in MB (worker threads share it).
 */
import { AtlasIndex } from '../electron/core/index/atlas-index.ts';

const [vault, db] = process.argv.slice(2);
if (!vault || !db) {
  console.error('usage: node scripts/bench-cold.ts <vault> <db-file>');
  process.exit(2);
}
const t0 = performance.now();
const index = await AtlasIndex.open({ vaultRoot: vault, dbPath: db });
const report = await index.sync();
const wallMs = performance.now() - t0;
index.close();
const ru = process.resourceUsage();
const main = process.threadCpuUsage();
console.log(
  JSON.stringify({
    notes: report.notes,
    bytes: report.bytes,
    wallMs: Math.round(wallMs),
    cpuMs: Math.round((ru.userCPUTime + ru.systemCPUTime) / 1000),
    mainCpuMs: Math.round((main.user + main.system) / 1000),
    peakRssMB: Math.round(ru.maxRSS / 1024),
  }),
);
