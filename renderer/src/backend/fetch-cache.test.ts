import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cachedFetch } from './fetch-cache.ts';

test('an answer equal to the key’s previous one is the same object (structural sharing); a changed one is new', async () => {
  const files = (n: number) => Array.from({ length: n }, (_, i) => ({ path: `n${i}.md`, kind: 'note' }));
  const first = await cachedFetch('listFiles-share', 1, async () => files(3));
  const again = await cachedFetch('listFiles-share', 2, async () => files(3));
  assert.equal(again, first);
  const grown = await cachedFetch('listFiles-share', 3, async () => files(4));
  assert.notEqual(grown, first);
  assert.equal(grown.length, 4);
  // compared with the latest answer, not the first one
  const back = await cachedFetch('listFiles-share', 4, async () => files(3));
  assert.notEqual(back, grown);
  assert.deepEqual(back, first);
  // another key never shares
  const other = await cachedFetch('other-share', 1, async () => files(4));
  assert.notEqual(other, grown);
});

test('the same key and version is fetched once', async () => {
  let calls = 0;
  const load = async () => {
    calls++;
    return { n: calls };
  };
  const [a, b] = await Promise.all([cachedFetch('once', 1, load), cachedFetch('once', 1, load)]);
  assert.equal(calls, 1);
  assert.equal(a, b);
});
