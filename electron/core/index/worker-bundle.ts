/**
 * The pre-built parse worker of a source checkout (issue 13): `node scripts/build-parse-worker.ts` bundles
 * parse-worker.ts and everything it imports into out/parse-worker/parse-worker.mjs, with a manifest of the source
 * files (path, size, mtime ms). A worker started from the one-file bundle loads in ~30–60 ms of CPU instead of
 * ~170–300 ms for the ~280 files (~150 modules) of the TypeScript source; the code is the same.
 *
 * The bundle is used only while every file of its manifest is unchanged (same size and mtime), so an edited source
 * or an updated package never runs stale code: the source worker is used instead. `ATLAS_PARSE_WORKER=source` in the
 * environment forces the source worker (benchmarks A/B, debugging). In an electron-vite build the folder does not
 * exist beside the bundle, and the pool uses its own worker entry. `workerExecArgv`: the Node options a parse worker
 * starts with.
 */
import fs from 'node:fs';

/** Folder of the bundle and its manifest (out/parse-worker/ at the root of the checkout). */
export const PARSE_WORKER_BUNDLE_DIR = new URL('../../../out/parse-worker/', import.meta.url);

export interface BundleManifest {
  /** Every source file bundled: absolute path, size in bytes, mtime in ms. */
  files: { file: string; size: number; mtimeMs: number }[];
}

/**
 * The URL of `file` in the bundle folder `dir` (a folder URL ending in `/`) when the folder's manifest exists and
 * matches every source file it lists (size and mtime), else null. Never throws. Also used for the bundled command
 * line (out/cli/, scripts/build-parse-worker.ts).
 */
export function freshBundle(dir: URL, file: string): URL | null {
  try {
    const bundle = new URL(file, dir);
    const manifest = JSON.parse(fs.readFileSync(new URL('manifest.json', dir), 'utf8')) as BundleManifest;
    if (!Array.isArray(manifest.files) || manifest.files.length === 0 || !fs.existsSync(bundle)) return null;
    for (const f of manifest.files) {
      const st = fs.statSync(f.file, { throwIfNoEntry: false });
      if (!st || st.size !== f.size || st.mtimeMs !== f.mtimeMs) return null;
    }
    return bundle;
  } catch {
    return null;
  }
}

/**
 * The URL of the pre-built parse worker in `dir` (a folder URL ending in `/`; default {@link PARSE_WORKER_BUNDLE_DIR})
 * when it exists and matches its sources, else null. Checked at every call (each worker start: ~280 `stat` calls,
 * 1–3 ms), so a source edited while the app runs is never run from an old bundle.
 */
export function bundledParseWorker(dir: URL = PARSE_WORKER_BUNDLE_DIR): URL | null {
  if (process.env.ATLAS_PARSE_WORKER === 'source') return null;
  return freshBundle(dir, 'parse-worker.mjs');
}

/** Profiler options (`--cpu-prof`, `--cpu-prof-dir=…`, `--heap-prof…`): the only ones a parse worker inherits. */
const PROFILER_OPTION = /^--(cpu|heap)-prof(-[a-z]+)?$/;

/**
 * The Node options a parse worker starts with, from the calling process's (`process.execArgv`): only the profiler
 * options, so that `--cpu-prof` profiles the workers too. By default a worker inherits all of them, and `npm run
 * atlas` and the benchmarks preload `./scripts/compile-cache.ts`: each worker then loaded Node's TypeScript stripper
 * (amaro, its wasm) to run that preload, ~150 ms of CPU per worker, more than parsing a 100-note vault (issue 13,
 * docs/indexing-performance.md). A parse worker needs no preload (the compile cache reaches it through
 * `NODE_COMPILE_CACHE` in its environment), and V8 options cannot be given to a worker (`ERR_WORKER_INVALID_EXEC_ARGV`;
 * its heap limits are `resourceLimits`).
 */
export function workerExecArgv(execArgv: readonly string[] = process.execArgv): string[] {
  const out: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const [name, value] = execArgv[i].split(/=(.*)/s, 2);
    if (!PROFILER_OPTION.test(name)) continue;
    // `--cpu-prof` is a switch; its siblings take a value, as `--opt=value` or in the next argument
    if (value !== undefined || name === '--cpu-prof' || name === '--heap-prof') out.push(execArgv[i]);
    else if (i + 1 < execArgv.length) out.push(`${name}=${execArgv[++i]}`);
  }
  return out;
}
