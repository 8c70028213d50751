/**
 * Bounded suggestions for an `<input list>`'s `<datalist>`: a datalist of every note title is one DOM option per
 * note, ~10,000 on a large vault, inserted in one React commit (a 300 ms task in the CPU profile of a 10,000-note
 * load, tests/e2e/profile-graph.ts). The browser filters a datalist by the typed text itself; this hands it at most
 * `cap` candidates that can match: those containing the typed text (case-insensitive), in the given order.
 */

/** Options a datalist holds at most. */
export const SUGGESTION_CAP = 50;

/**
 * At most `cap` of `items` containing `typed` (trimmed, case-insensitive; all when empty), in order. O(items) per
 * call, no allocation beyond the answer.
 */
export function suggestions(items: readonly string[], typed: string, cap = SUGGESTION_CAP): string[] {
  const q = typed.trim().toLowerCase();
  const out: string[] = [];
  for (const t of items) {
    if (out.length >= cap) break;
    if (q === '' || t.toLowerCase().includes(q)) out.push(t);
  }
  return out;
}
