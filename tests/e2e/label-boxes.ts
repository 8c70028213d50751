/**
 * Label checks shared by the graph specs: no two drawn label boxes (rendered px, from the graph snapshot's
 * `labelBox`) overlap.
 */
import assert from 'node:assert/strict';

type Box = { x1: number; y1: number; x2: number; y2: number };

/** Fails naming the first pair of `labelled` nodes whose label boxes overlap. */
export function assertLabelsApart(labelled: { id: string; labelBox?: Box | null }[]): void {
  for (const [i, a] of labelled.entries()) {
    for (const b of labelled.slice(i + 1)) {
      const p = a.labelBox!;
      const q = b.labelBox!;
      const overlap = p.x1 < q.x2 && q.x1 < p.x2 && p.y1 < q.y2 && q.y1 < p.y2;
      assert.ok(!overlap, `labels of ${a.id} and ${b.id} overlap: ${JSON.stringify([p, q])}`);
    }
  }
}
