/**
 * Preloaded with `node --import ./scripts/compile-cache.ts …` by the npm scripts that start the CLI, the browser host
 * and the benchmarks: turns on Node's module compile cache, which since Node 23.8 also caches the TypeScript
 * type-stripping output, so later starts skip stripping and compiling the project's sources. The cache directory is
 * Node's default (`<os.tmpdir()>/node-compile-cache`, or `NODE_COMPILE_CACHE` when set) and is exported in
 * `NODE_COMPILE_CACHE`, so worker threads (the service thread, parse workers) and child processes use it too.
 * Measured (kepano corpus, 103 small notes, cold `atlas index`, busy machine, 3 runs each): user CPU 1.01–1.26 s with a
 * warm cache vs 1.31–1.37 s without, peak RSS ~196 MB vs ~220 MB.
 * Never throws: a cache that cannot be enabled only costs speed (Node's own contract for enableCompileCache).
 */
import { enableCompileCache } from 'node:module';

const result = enableCompileCache();
if (result.directory) process.env.NODE_COMPILE_CACHE = result.directory;
