/**
 * The answers cache under useApiQuery (query.ts) and `[[` completion: one promise per key and index version, fetched
 * once however many ask.
 *
 * Answers are shared structurally, as TanStack Query's `structuralSharing`: a new version's answer equal (as JSON
 * values, dequal/lite) to the key's previous answer *is* the previous object. A save bumps the index version and every
 * query refetches; most answers are unchanged (the file list after a save that adds no file), and a new object would
 * rebuild what is derived from it (the file tree, the switcher's and `[[` completion's targets over 10,000 notes).
 * The comparison is linear in the answer's size, as its JSON decoding already was.
 */
import { dequal } from 'dequal/lite';

/** Entries kept (answers of older versions go first). */
const CACHE_SIZE = 200;

const cache = new Map<string, Promise<unknown>>();
/** The latest answer per key (any version), for structural sharing; at most CACHE_SIZE keys. */
const latest = new Map<string, unknown>();

/** `next`, or the key's previous answer when it is equal to it (the same object again). */
function shared<T>(key: string, next: T): T {
  const prev = latest.get(key);
  if (prev !== undefined && dequal(prev, next)) return prev as T;
  latest.delete(key);
  latest.set(key, next);
  if (latest.size > CACHE_SIZE) latest.delete(latest.keys().next().value as string);
  return next;
}

/**
 * The answer of `load` for `key` at `version`: from the cache, or fetched (a failed fetch is not kept); an answer
 * equal to the key's previous one is that same object (structural sharing, above).
 */
export function cachedFetch<T>(key: string, version: number, load: () => Promise<T>): Promise<T> {
  const k = `${version}\u0000${key}`;
  let p = cache.get(k) as Promise<T> | undefined;
  if (!p) {
    p = load().then((v) => shared(key, v));
    cache.set(k, p);
    p.catch(() => {
      if (cache.get(k) === p) cache.delete(k);
    });
    if (cache.size > CACHE_SIZE) {
      for (const old of cache.keys()) {
        if (cache.size <= CACHE_SIZE) break;
        cache.delete(old);
      }
    }
  }
  return p;
}
