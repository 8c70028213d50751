/** Timing helpers shared by the benchmarks (figures only; nothing here asserts a speed). */

/** The p-th percentile (0–100) of an ascending array; NaN when empty. */
export function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Times `fn` on each item (ms) after a warm-up pass over the first 10 (JIT), so p95 measures steady state. */
export function timeEach<T>(items: T[], fn: (item: T) => unknown): { p50: number; p95: number } {
  for (const item of items.slice(0, 10)) fn(item);
  const times: number[] = [];
  for (const item of items) {
    const t0 = performance.now();
    fn(item);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p50: +percentile(times, 50).toFixed(3), p95: +percentile(times, 95).toFixed(3) };
}

/** Deterministic sample of `n` items (every k-th, shifted by `offset`), so runs compare. */
export function sample<T>(items: T[], n: number, offset = 0): T[] {
  if (items.length === 0) return [];
  if (items.length <= n && offset === 0) return items;
  const step = items.length / n;
  return Array.from({ length: n }, (_, i) => items[(Math.floor(i * step) + offset) % items.length]);
}
