/**
 * `combineExtensions` of micromark-util-combine-extensions, remembered per list of extensions (issue 13). micromark's
 * `parse()` combines its default constructs with the processor's syntax extensions (GFM, math, wiki links, embeds,
 * highlights) again for **every** document, inside `fromMarkdown`, with no way to pass them pre-combined: 5 % of a
 * parse worker's time on a vault of small notes (docs/indexing-performance.md). The parse worker's bundle
 * (scripts/build-parse-worker.ts) resolves the package to this module; the TypeScript source worker uses the package
 * as it is. Same result: the combined extension is only read (micromark's tokenizers look constructs up in it), and
 * the lists repeat the same extension objects (those of the frozen processors in processor.ts).
 */
import { combineExtensions as combine, combineHtmlExtensions } from 'micromark-util-combine-extensions';

export { combineHtmlExtensions };

type Extension = Parameters<typeof combine>[0][number];
type Combined = ReturnType<typeof combine>;

interface Node {
  next: WeakMap<Extension, Node>;
  combined?: Combined;
}

const root: Node = { next: new WeakMap() };

/** The combination of `extensions` (a list of objects), computed once per distinct list of the same objects. */
export function combineExtensions(extensions: readonly Extension[]): Combined {
  let node = root;
  for (const ext of extensions) {
    let child = node.next.get(ext);
    if (!child) {
      child = { next: new WeakMap() };
      node.next.set(ext, child);
    }
    node = child;
  }
  node.combined ??= combine(extensions);
  return node.combined;
}
