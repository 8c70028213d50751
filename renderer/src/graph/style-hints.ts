/**
 * Cytoscape's style hints without a per-element scratch object. Its `updateStyleHints` (style/apply.mjs, 3.34), run
 * for an element whenever its style is applied, first sets in the element's `_private.styleKeys` a new
 * `[hash, hash]` array for each of the 22 property groups, folds the element's overridden properties into them, and
 * combines them into the keys that stay (`styleKey`, `labelKey`, `nodeKey` …). Only that function reads
 * `styleKeys`, yet every element kept its 22 arrays: 132 MB of a 10,000-note graph's renderer heap (91,000
 * elements; sampling heap profile of a kept-positions load, `npm run bench:graph -- --profile`). Pointing each
 * element's `styleKeys` at one shared object before the call gives the same keys (the function writes every group
 * before it reads one, and runs to its end without yielding) with nothing kept per element.
 */
import type cytoscape from 'cytoscape';

/** The one `styleKeys` object every element's style hints are computed in. */
const SHARED_STYLE_KEYS: Record<string, [number, number]> = {};

interface StyleProto {
  updateStyleHints?(ele: { _private: { styleKeys: unknown } }): boolean;
  __atlasSharedStyleKeys?: true;
}

/**
 * Patches the prototype of `cy`'s Style (once per page: every instance shares it) so style hints are computed in
 * {@link SHARED_STYLE_KEYS}. Does nothing when the Style has no `updateStyleHints` (another Cytoscape version).
 */
export function installSharedStyleKeys(cy: cytoscape.Core): void {
  const proto = Object.getPrototypeOf(cy.style()) as StyleProto;
  const original = proto.updateStyleHints;
  if (!original || proto.__atlasSharedStyleKeys) return;
  proto.updateStyleHints = function (this: unknown, ele) {
    ele._private.styleKeys = SHARED_STYLE_KEYS;
    return original.call(this, ele);
  };
  proto.__atlasSharedStyleKeys = true;
}

/** Whether `ele`'s style hints live in the shared object (tests). */
export function usesSharedStyleKeys(ele: object): boolean {
  return (ele as unknown as { _private: { styleKeys: unknown } })._private.styleKeys === SHARED_STYLE_KEYS;
}
