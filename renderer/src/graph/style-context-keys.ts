/**
 * Cytoscape's style context keys without new strings per element. Each time an element's style is applied
 * (`Style.apply` → `getContextMeta`, style/apply.mjs, 3.34), Cytoscape tests every context (selector block) of the
 * stylesheet against the element and concatenates a `'t'`/`'f'` per context into the element's context key, then
 * looks up the properties that differ from its previous key under `previous + '-' + key`: two new strings (a chain of
 * some 45 concatenations, flattened for the lookup) and a result object per element per application, ≈ 300 MB of
 * the 3.4 GB a 10,000-note graph's kept-positions load allocated (`node tests/e2e/profile-graph.ts --alloc`).
 *
 * Here the matches are collected as bits; the key string for a pattern of bits is made once and kept (it depends on
 * the bits only, not on the stylesheet), and the result for a previous and a new key once per stylesheet state
 * (keyed by Cytoscape's own `propDiffs` cache, which `Style.clear` replaces). The properties come from Cytoscape's
 * `getPropertiesDiff`, so the keys and results are the ones it computes.
 */
import type cytoscape from 'cytoscape';

interface Context {
  selector: { matches(ele: unknown): boolean } | null;
}

interface Meta {
  key: string;
  diffPropNames: string[];
  empty: boolean;
}

interface StyleProto {
  length: number;
  [i: number]: Context;
  _private: { propDiffs?: Record<string, string[]> };
  getContextMeta?(ele: { _private: { styleCxtKey?: string } }): Meta;
  getPropertiesDiff(previous: string, key: string): string[];
  __atlasInternedKeys?: true;
}

/** Contexts per bit word (31-bit small integers). */
const WORD = 30;

interface KeyNode {
  next: Map<number, KeyNode>;
  key?: string;
}

/** Key strings by context count, then by each word of match bits. */
const keyTrie = new Map<number, KeyNode>();
/** The match bits of the element being keyed. */
let bits = new Int32Array(4);

function keyFor(n: number, words: number): string {
  let node = keyTrie.get(n);
  if (!node) {
    node = { next: new Map() };
    keyTrie.set(n, node);
  }
  for (let w = 0; w < words; w++) {
    const b = bits[w] ?? 0;
    let child: KeyNode | undefined = node.next.get(b);
    if (!child) {
      child = { next: new Map() };
      node.next.set(b, child);
    }
    node = child;
  }
  if (node.key === undefined) {
    let s = '';
    for (let i = 0; i < n; i++) s += (bits[Math.floor(i / WORD)] ?? 0) & (1 << (i % WORD)) ? 't' : 'f';
    node.key = s;
  }
  return node.key;
}

/** Results by stylesheet state (Cytoscape's `propDiffs` object), previous key, then new key. */
const metas = new WeakMap<object, Map<string, Map<string, Meta>>>();

/**
 * Patches the prototype of `cy`'s Style (once per page: every instance shares it) so context keys are kept strings
 * and their results kept objects. Does nothing when the Style lacks `getContextMeta` or `getPropertiesDiff` (another
 * Cytoscape version).
 */
export function installInternedContextKeys(cy: cytoscape.Core): void {
  const proto = Object.getPrototypeOf(cy.style()) as StyleProto;
  if (!proto.getContextMeta || !proto.getPropertiesDiff || proto.__atlasInternedKeys) return;
  proto.getContextMeta = function (this: StyleProto, ele) {
    const n = this.length;
    const words = Math.ceil(n / WORD);
    if (bits.length < words) bits = new Int32Array(words * 2);
    bits.fill(0, 0, words);
    // integer steps only: a fraction (i / WORD) is a new heap number per context in unoptimised code
    let w = 0;
    let bit = 1;
    let j = 0;
    for (let i = 0; i < n; i++) {
      const selector = this[i]?.selector; // null for the core's context
      if (selector?.matches(ele)) bits[w] = (bits[w] ?? 0) | bit;
      bit <<= 1;
      if (++j === WORD) {
        j = 0;
        bit = 1;
        w++;
      }
    }
    const key = keyFor(n, words);
    const previous = ele._private.styleCxtKey || '';
    this._private.propDiffs ??= {};
    let byPrevious = metas.get(this._private.propDiffs);
    if (!byPrevious) {
      byPrevious = new Map();
      metas.set(this._private.propDiffs, byPrevious);
    }
    let byKey = byPrevious.get(previous);
    if (!byKey) {
      byKey = new Map();
      byPrevious.set(previous, byKey);
    }
    let meta = byKey.get(key);
    if (!meta) {
      const diffPropNames = this.getPropertiesDiff(previous, key);
      meta = { key, diffPropNames, empty: diffPropNames.length === 0 };
      byKey.set(key, meta);
    }
    ele._private.styleCxtKey = key;
    return meta;
  };
  proto.__atlasInternedKeys = true;
}
