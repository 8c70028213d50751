/**
 * z-order.ts `lazyInteractive`: a z-sorted list's `interactive` list is filled in idle slices after the sort, or at
 * once when read first, in z-order, and stops when a newer sort superseded the list.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type cytoscape from 'cytoscape';
import { lazyInteractive } from '../../renderer/src/graph/z-order.ts';

interface Fake {
  id: number;
  interactive(): boolean;
}

/** `n` fake elements, every third one not interactive; `calls` counts the `interactive()` checks. */
function fakes(n: number) {
  const counter = { calls: 0 };
  const eles: Fake[] = [];
  for (let i = 0; i < n; i++)
    eles.push({
      id: i,
      interactive: () => {
        counter.calls++;
        return i % 3 !== 0;
      },
    });
  return { eles, counter };
}

type Sorted = Parameters<typeof lazyInteractive>[0];
const asSorted = (eles: Fake[]) => eles as unknown as Sorted;
const ids = (xs: unknown) => (xs as Fake[]).map((e) => e.id);
const expected = (n: number) => [...Array(n).keys()].filter((i) => i % 3 !== 0);

/** Resolves once `cond` holds, checking after each turn of the event loop (gives up after 10 s). */
async function until(cond: () => boolean): Promise<void> {
  const end = Date.now() + 10_000;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 0));
  }
}

test('read at once: the interactive elements in z-order, each checked once', () => {
  const { eles, counter } = fakes(5000);
  lazyInteractive(asSorted(eles), () => false);
  const list = (eles as unknown as { interactive: cytoscape.SingularElementReturnValue[] }).interactive;
  assert.deepEqual(ids(list), expected(5000));
  assert.equal(counter.calls, 5000);
  assert.equal((eles as unknown as { interactive: unknown }).interactive, list, 'the same list on a second read');
  assert.equal(counter.calls, 5000);
});

test('unread: filled in idle slices, then read without checking again', async () => {
  const { eles, counter } = fakes(20_000);
  lazyInteractive(asSorted(eles), () => false);
  assert.equal(counter.calls, 0, 'nothing checked in the sort task');
  await until(() => counter.calls === 20_000);
  assert.deepEqual(ids((eles as unknown as { interactive: unknown }).interactive), expected(20_000));
  assert.equal(counter.calls, 20_000);
});

test('superseded by a newer sort: its slices stop', async () => {
  const { eles, counter } = fakes(20_000);
  const other = fakes(10);
  lazyInteractive(asSorted(eles), () => true);
  lazyInteractive(asSorted(other.eles), () => false);
  // the superseded list's first slice was scheduled before the other's: it has had its turn once the other is done
  await until(() => other.counter.calls === 10);
  assert.equal(counter.calls, 0);
});
