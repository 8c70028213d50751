/**
 * Child process of release-memory.test.ts (run with --expose-gc): fills ~160 MB of the C heap with 64 KB buffers
 * (below glibc's mmap threshold, so they come from the malloc arena, touched so that they are resident), keeps a small
 * buffer allocated after them (so that the freed memory is not at the arena's top, which free() trims by itself),
 * frees the rest, and prints one JSON line: { freedRssMB, trimmed, afterRssMB } — RSS (MB) once freed, whether
 * `releaseFreedMemory` ran, RSS after it. `argv[2] === 'no-trim'` skips the call (the control case).
 */
import { releaseFreedMemory } from '../../../electron/core/index/release-memory.ts';

const MB = 1024 * 1024;
const gc = globalThis.gc as () => void;
let chunks: Buffer[] | null = [];
for (let i = 0; i < 2560; i++) chunks.push(Buffer.alloc(64 * 1024, 1));
const pins: Buffer[] = [];
for (let i = 0; i < 64; i++) pins.push(Buffer.alloc(64 * 1024, 2));
chunks = null;
// ArrayBuffer backing stores are freed by the GC, some of them on a later task
for (let i = 0; i < 3; i++) {
  gc();
  await new Promise((r) => setImmediate(r));
}
const freedRssMB = process.memoryUsage.rss() / MB;
const trimmed = process.argv[2] === 'no-trim' ? false : releaseFreedMemory();
const afterRssMB = process.memoryUsage.rss() / MB;
console.log(JSON.stringify({ freedRssMB, trimmed, afterRssMB, pins: pins.length }));
