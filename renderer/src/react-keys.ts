/**
 * React keys for lists whose items have no id of their own (backlink contexts, mentions, table rows): each item's
 * key is made from its content, with `#2`, `#3` … appended to repeats, so keys are unique and an item keeps its key
 * when items before it that differ are added or removed (an array index would not).
 */
export function withKeys<T>(items: readonly T[], keyOf: (item: T) => string): { key: string; item: T }[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const base = keyOf(item);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return { key: n === 1 ? base : `${base}#${n}`, item };
  });
}
