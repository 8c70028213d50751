/**
 * Bundles the parse worker (electron/core/index/parse-worker.ts with the grammar, micromark, its extensions and
 * `yaml`) into one ES module, out/parse-worker/parse-worker.mjs, with a manifest of every source file it was built
 * from (path, size, mtime). `ParsePool` starts workers from that bundle while the manifest still matches the files
 * (electron/core/index/worker-bundle.ts), else from the TypeScript source. Same code, one file: a worker then loads
 * in ~30–60 ms of CPU instead of ~170–300 ms for ~150 modules resolved one by one (issue 13: on a vault of a few
 * hundred notes, starting the parser cost more than parsing).
 *
 * Also bundles the command line the same way (issue 13): out/cli/atlas.mjs (electron/cli/atlas.ts, which `npm run
 * atlas` runs) and out/cli/bench-cold.mjs (scripts/bench-cold.ts, the cold index `npm run bench` measures), with a
 * manifest in out/cli/. Everything but better-sqlite3 (native) is inlined; the parser stays a lazily loaded chunk
 * (the main thread loads it only for the plain-text fallback). Run from the sources, the CLI's main thread spent
 * ~0.3–0.5 s of CPU loading Node's TypeScript stripper and ~300 modules before indexing a note.
 *
 *   node scripts/build-parse-worker.ts [--if-stale] [--out <folder>]
 *
 * `--if-stale`: build only what is missing or whose manifest no longer matches (the npm scripts that run the CLI, the
 * browser host and the benchmarks call it so). Prints one line on stderr per build (stdout stays the CLI's); exit 1
 * when a build fails. `--out`: build the parse worker alone into another folder (tests); the pool looks only in
 * out/parse-worker/.
 */
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Plugin, Rollup } from 'vite';
import { parseArgsOrUsage } from './cli-args.ts';
import {
  bundledParseWorker,
  freshBundle,
  PARSE_WORKER_BUNDLE_DIR,
  type BundleManifest,
} from '../electron/core/index/worker-bundle.ts';

const ENTRY = fileURLToPath(new URL('../electron/core/index/parse-worker.ts', import.meta.url));
/** Folder of the bundled command line and its manifest. */
export const CLI_BUNDLE_DIR = new URL('../out/cli/', import.meta.url);
/** The command line's bundles: out/cli/<name>.mjs from each source entry. */
const CLI_ENTRIES = {
  atlas: fileURLToPath(new URL('../electron/cli/atlas.ts', import.meta.url)),
  'bench-cold': fileURLToPath(new URL('./bench-cold.ts', import.meta.url)),
};
const REPO = fileURLToPath(new URL('../', import.meta.url));

/**
 * `new URL('<relative>', import.meta.url)` in the project's own sources becomes the absolute file URL the source
 * meant (the worker bundle's folder, the source workers), so that the bundled CLI finds the same files from out/cli/.
 */
function sourceRelativeUrls(): Plugin {
  const pattern = /new URL\((['"])(\.{1,2}\/[^'"]*)\1,\s*import\.meta\.url\)/g;
  return {
    name: 'atlas-source-relative-urls',
    enforce: 'pre',
    transform(code, id) {
      if (!id.startsWith(REPO) || id.includes('/node_modules/') || !code.includes('import.meta.url')) return null;
      const next = code.replace(pattern, (_m, _q, rel: string) => {
        const abs = new URL(rel, pathToFileURL(id)).href;
        return `new URL(${JSON.stringify(abs)})`;
      });
      return next === code ? null : { code: next, map: null };
    },
  };
}

const MEMO_COMBINE = fileURLToPath(new URL('../electron/core/markdown/memo-combine-extensions.ts', import.meta.url));

/**
 * micromark-util-combine-extensions resolves to electron/core/markdown/memo-combine-extensions.ts (which imports the
 * package itself): micromark combines the same extensions again for every note, the memo does it once per worker.
 */
function memoCombineExtensions(): Plugin {
  return {
    name: 'atlas-memo-combine-extensions',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source !== 'micromark-util-combine-extensions' || importer === MEMO_COMBINE) return null;
      return MEMO_COMBINE;
    },
  };
}

/** Writes the manifest of the source files of `outputs` into `dir` (last: a bundle without one is never used). */
function writeManifest(dir: URL, outputs: (Rollup.OutputChunk | Rollup.OutputAsset)[]): BundleManifest {
  const files = new Set<string>();
  for (const o of outputs)
    if (o.type === 'chunk') for (const id of o.moduleIds) if (!id.startsWith('\0')) files.add(id);
  const manifest: BundleManifest = {
    files: [...files].sort().map((file) => {
      const st = statSync(file);
      return { file, size: st.size, mtimeMs: st.mtimeMs };
    }),
  };
  mkdirSync(fileURLToPath(dir), { recursive: true });
  writeFileSync(new URL('manifest.json', dir), JSON.stringify(manifest));
  return manifest;
}

/** One SSR build of `input` into `outDir` (ES modules, `[name].mjs`); its output chunks. */
async function ssrBuild(
  outDir: string,
  input: Record<string, string>,
  ssr: { noExternal: true; external: string[] } | { noExternal: string[] },
): Promise<(Rollup.OutputChunk | Rollup.OutputAsset)[]> {
  const { build } = await import('vite');
  const result = (await build({
    configFile: false,
    logLevel: 'warn',
    plugins: [sourceRelativeUrls()],
    build: {
      ssr: true,
      outDir,
      emptyOutDir: false,
      minify: false,
      sourcemap: false,
      copyPublicDir: false,
      target: 'node22',
      rollupOptions: {
        input,
        output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' },
      },
    },
    ssr: { ...ssr, target: 'node' },
  })) as Rollup.RollupOutput | Rollup.RollupOutput[];
  return (Array.isArray(result) ? result : [result]).flatMap((r) => r.output);
}

/**
 * Builds the bundled command line (out/cli/atlas.mjs, out/cli/bench-cold.mjs) and the bench's baseline
 * (out/cli/bench-baseline.mjs) with one manifest into `dir`. The baseline keeps its packages external: it loads
 * remark from node_modules as a plain script would, and no longer pays Node's type stripper either, so that the
 * ratios `npm run bench` prints compare two plain-JavaScript processes.
 */
export async function buildCli(dir: URL = CLI_BUNDLE_DIR): Promise<BundleManifest> {
  const t0 = performance.now();
  const outDir = fileURLToPath(dir);
  rmSync(outDir, { recursive: true, force: true });
  // one file for the ~300 modules (and packages) the CLI loads; better-sqlite3 loads its native addon itself
  const cli = await ssrBuild(outDir, CLI_ENTRIES, { noExternal: true, external: ['better-sqlite3'] });
  const baseline = await ssrBuild(
    outDir,
    { 'bench-baseline': fileURLToPath(new URL('./bench-baseline.ts', import.meta.url)) },
    { noExternal: [] },
  );
  const manifest = writeManifest(dir, [...cli, ...baseline]);
  console.error(
    `command line bundled from ${manifest.files.length} files in ${Math.round(performance.now() - t0)} ms → ${outDir}`,
  );
  return manifest;
}

/** `name`.mjs of the bundled command line when it is up to date with its sources, else null. */
export function bundledCli(name: keyof typeof CLI_ENTRIES | 'bench-baseline', dir: URL = CLI_BUNDLE_DIR): URL | null {
  return freshBundle(dir, `${name}.mjs`);
}

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
    plugins: [memoCombineExtensions()],
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
  const manifest = writeManifest(
    dir,
    (Array.isArray(result) ? result : [result]).flatMap((r) => r.output),
  );
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
  const ifStale = parsed.values['if-stale'] === true;
  try {
    if (!(ifStale && bundledParseWorker(dir))) await buildParseWorker(dir);
    if (
      !parsed.values.out &&
      !(ifStale && bundledCli('atlas') && bundledCli('bench-cold') && bundledCli('bench-baseline'))
    )
      await buildCli();
    return 0;
  } catch (e) {
    console.error(`bundle failed: ${(e as Error).message}`);
    return 1;
  }
}

if (import.meta.main) process.exitCode = await main(process.argv.slice(2));
