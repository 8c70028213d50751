/** A binary min-heap of non-negative integers (used with node ranks, so the smallest rank comes out first). */
export class IntMinHeap {
  #a: number[] = [];

  get size(): number {
    return this.#a.length;
  }

  push(x: number): void {
    const a = this.#a;
    let i = a.length;
    a.push(x);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (a[p] <= x) break;
      a[i] = a[p];
      i = p;
    }
    a[i] = x;
  }

  /** Removes and returns the smallest value; undefined when empty. */
  pop(): number | undefined {
    const a = this.#a;
    if (a.length === 0) return undefined;
    const top = a[0];
    const last = a.pop()!;
    if (a.length > 0) {
      let i = 0;
      const n = a.length;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const c = r < n && a[r] < a[l] ? r : l;
        if (a[c] >= last) break;
        a[i] = a[c];
        i = c;
      }
      a[i] = last;
    }
    return top;
  }
}
