/**
 * Preloaded by `npm run bench:memory` (`node --import ./scripts/peak-rss-at-exit.mjs …`) into a process it measures,
 * e.g. the real `atlas index` CLI: when the process exits, writes one JSON object to the file named by
 * `ATLAS_PEAK_RSS_FILE`: { peakRssMB, cpuMs, wallMs } — peak resident set size of the whole process in MB (worker
 * threads share it; `process.resourceUsage().maxRSS`), user + system CPU ms, wall ms since this module loaded.
 * Does nothing when the variable is not set.
 */
import { writeFileSync } from 'node:fs';

const out = process.env.ATLAS_PEAK_RSS_FILE;
const t0 = performance.now();
if (out) {
  process.on('exit', () => {
    const ru = process.resourceUsage();
    writeFileSync(
      out,
      JSON.stringify({
        peakRssMB: Math.round(ru.maxRSS / 1024),
        cpuMs: Math.round((ru.userCPUTime + ru.systemCPUTime) / 1000),
        wallMs: Math.round(performance.now() - t0),
      }),
    );
  });
}
