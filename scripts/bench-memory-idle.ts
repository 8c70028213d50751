/**
 * The app's service thread idle on a vault, as a whole process, for `npm run bench:memory` (issue 13): records this
 * process's RSS before the thread starts (the host's own share), starts `startAtlasServiceThread` with `watch: false`
 * (as the Electron main process and the browser host do, minus the watcher), waits for `ready` (the first sync: a
 * cold index on a fresh database, a warm start on an existing one), then samples RSS every 250 ms for `idle-s`
 * seconds and reports the median of the samples taken from 10 s after `ready` on.
 *
 *   node scripts/bench-memory-idle.ts <vault> <db-file> [idle-s = 15]
 *
 * Prints one JSON object: { readyMs, hostRssMB, idleProcessRssMB, idleServiceMB (= idleProcessRssMB − hostRssMB),
 * serviceHeapUsedMB, serviceHeapTotalMB (the service thread's V8 heap at the end), rssAnonMB, rssFileMB (Linux:
 * anonymous vs file-backed resident memory at the end, or null) } — MB = 2^20 bytes.
 */
import { readFileSync } from 'node:fs';
import { startAtlasServiceThread } from '../electron/services/service-thread.ts';

const [vault, db, idleArg] = process.argv.slice(2);
if (!vault || !db) {
  console.error('usage: node scripts/bench-memory-idle.ts <vault> <db-file> [idle-s]');
  process.exit(2);
}
const idleMs = Math.max(11, Number(idleArg ?? 15)) * 1000;
const MB = 1024 * 1024;
const rss = () => process.memoryUsage.rss() / MB;
/** RssAnon and RssFile of /proc/self/status in MB, or nulls off Linux. */
function procRss(): { anon: number | null; file: number | null } {
  try {
    const s = readFileSync('/proc/self/status', 'utf8');
    const kb = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(s)?.[1] ?? Number.NaN) / 1024;
    return { anon: kb('RssAnon'), file: kb('RssFile') };
  } catch {
    return { anon: null, file: null };
  }
}

const hostRssMB = rss();
const t0 = performance.now();
const service = await startAtlasServiceThread({ vaultRoot: vault, dbPath: db, watch: false });
await service.ready;
const readyMs = performance.now() - t0;
const samples: number[] = [];
const tReady = performance.now();
await new Promise<void>((resolve) => {
  const timer = setInterval(() => {
    const t = performance.now() - tReady;
    if (t >= 10_000) samples.push(rss());
    if (t >= idleMs) {
      clearInterval(timer);
      resolve();
    }
  }, 250);
});
const heap = await service.heapStatistics();
const end = procRss();
await service.close();
samples.sort((a, b) => a - b);
const idle = samples[Math.floor(samples.length / 2)] ?? rss();
const round = (x: number | null) => (x === null ? null : Math.round(x));
console.log(
  JSON.stringify({
    readyMs: Math.round(readyMs),
    hostRssMB: round(hostRssMB),
    idleProcessRssMB: round(idle),
    idleServiceMB: round(idle - hostRssMB),
    serviceHeapUsedMB: round(heap.used_heap_size / MB),
    serviceHeapTotalMB: round(heap.total_heap_size / MB),
    rssAnonMB: round(end.anon),
    rssFileMB: round(end.file),
  }),
);
