/**
 * Bundles the parse worker (electron/core/index/parse-worker.ts with the grammar, micromark, its extensions and
 * `yaml`) into one ES module, out/parse-worker/parse-worker.mjs, with a manifest of every source file it was built
 * from (path, size, mtime). `ParsePool` starts workers from that bundle while the manifest still matches the files
 * (electron/core/index/worker-bundle.ts), else from the TypeScript source. Same code, one file: a worker then loads
 * in ~30–60 ms of CPU instead of ~170–300 ms for ~150 modules resolved one by one (issue 13: on a vault of a few
 * hundred notes, starting the parser cost more than parsing).
 *
 *   node scripts/build-parse-worker.ts [--if-stale] [--out <folder>]
 *
 * `--if-stale`: build only when the bundle is missing or its manifest no longer matches (the npm scripts that run the
 * CLI, the browser host and the benchmarks call it so). Prints one line on stderr (stdout stays the CLI's); exit 1
 * when the build fails. `--out`: another folder (tests); the pool looks only in out/parse-worker/.
 */
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Rollup } from 'vite';
import { parseArgsOrUsage } from './cli-args.ts';
import {
  bundledParseWorker,
  PARSE_WORKER_BUNDLE_DIR,
  type BundleManifest,
} from '../electron/core/index/worker-bundle.ts';

const ENTRY = fileURLToPath(new URL('../electron/core/index/parse-worker.ts', import.meta.url));

/** Builds the bundle and its manifest into `dir` (a folder URL ending in `/`). */
export async function buildParseWorker(dir: URL = PARSE_WORKER_BUNDLE_DIR): Promise<BundleManifest> {
  const t0 = performance.now();
  const outDir = fileURLToPath(dir);
  rmSync(outDir, { recursive: true, force: true });
  // vite (rolldown) only when a build is due: `--if-stale` on a fresh bundle stays a ~50 ms check
  const { build } = await import('vite');
  const result = (await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      ssr: ENTRY,
      outDir,
      emptyOutDir: true,
      minify: false,
      sourcemap: false,
      copyPublicDir: false,
      rollupOptions: { output: { format: 'es', entryFileNames: 'parse-worker.mjs' } },
    },
    // everything in the one file: resolving ~150 modules is what the bundle saves
    ssr: { noExternal: true, target: 'node' },
  })) as Rollup.RollupOutput | Rollup.RollupOutput[];
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output);
  const files = new Set<string>();
  for (const o of outputs)
    if (o.type === 'chunk') for (const id of o.moduleIds) if (!id.startsWith('\0')) files.add(id);
  const manifest: BundleManifest = {
    files: [...files].sort().map((file) => {
      const st = statSync(file);
      return { file, size: st.size, mtimeMs: st.mtimeMs };
    }),
  };
  mkdirSync(outDir, { recursive: true });
  // the manifest last: a bundle without one is never used (worker-bundle.ts)
  writeFileSync(new URL('manifest.json', dir), JSON.stringify(manifest));
  console.error(
    `parse worker bundled from ${manifest.files.length} files in ${Math.round(performance.now() - t0)} ms → ${outDir}`,
  );
  return manifest;
}

async function main(argv: string[]): Promise<number> {
  const usage = 'usage: node scripts/build-parse-worker.ts [--if-stale] [--out <folder>]';
  const config = {
    args: argv,
    strict: true,
    options: { 'if-stale': { type: 'boolean' }, out: { type: 'string' } },
  } as const;
  const parsed = parseArgsOrUsage(config, usage);
  if (!parsed) return 2;
  const dir = parsed.values.out ? pathToFileURL(`${path.resolve(parsed.values.out)}/`) : PARSE_WORKER_BUNDLE_DIR;
  if (parsed.values['if-stale'] && bundledParseWorker(dir)) return 0;
  try {
    await buildParseWorker(dir);
    return 0;
  } catch (e) {
    console.error(`parse worker bundle failed: ${(e as Error).message}`);
    return 1;
  }
}

if (import.meta.main) process.exitCode = await main(process.argv.slice(2));
