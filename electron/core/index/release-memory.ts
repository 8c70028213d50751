/**
 * Giving the C heap's freed memory back to the operating system (issue 13: peak and idle memory of an index).
 *
 * glibc's malloc keeps what a thread freed inside that thread's arena: SQLite's page cache of a bulk load, the
 * buffers of the parse workers' messages, V8's compiler zones. After a cold index of 10k notes the process held
 * ~90 MB of malloc'd memory of which ~21 MB was in use (`malloc_stats`), and `malloc_trim(0)` took its RSS from 230 to
 * 161 MB (docs/indexing-performance.md). Node exposes no such call, so it is made through `koffi` (a C FFI shipped
 * with prebuilt binaries) into the C library the process already runs on.
 *
 * Linux with glibc only; elsewhere (macOS, Windows, musl, or koffi missing) `releaseFreedMemory` does nothing.
 */
import { createRequire } from 'node:module';

type Trim = (pad: number) => number;

/** The C library's `malloc_trim`, loaded on first use; null where there is none (not glibc) or it cannot load. */
let trim: Trim | null | undefined;

function loadTrim(): Trim | null {
  if (process.platform !== 'linux') return null;
  try {
    // typed locally: koffi's own types are not needed for one call
    const koffi = createRequire(import.meta.url)('koffi') as {
      load(lib: string): { func(signature: string): Trim };
    };
    // glibc's soname: a musl system has no libc.so.6 (and no malloc_trim), so the load fails there
    return koffi.load('libc.so.6').func('int malloc_trim(size_t)');
  } catch {
    return null;
  }
}

/**
 * Returns the C heap's free pages, in every thread's arena, to the operating system (`malloc_trim(0)`). Takes a few
 * ms; call it after work that freed a lot (a cold index's commits, its end), not per note. Returns true when it ran,
 * false where it is not available (see the module's doc). Never throws.
 */
export function releaseFreedMemory(): boolean {
  if (trim === undefined) trim = loadTrim();
  if (!trim) return false;
  try {
    trim(0);
    return true;
  } catch {
    return false;
  }
}
