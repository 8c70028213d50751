/**
 * A chain of notes to draw on the graph (#12, the connection view's "Show on graph"): its notes and the links between
 * consecutive ones are highlighted in the graph view, the rest faded, and the view fitted to the chain. One store,
 * read with `useSyncExternalStore`; the graph tab's "Clear path" button (or a new chain) replaces it.
 */
import { useSyncExternalStore } from 'react';

export interface PathHighlight {
  /** The chain's notes in order (vault paths), first to last. */
  nodes: string[];
  /** What the toolbar says, e.g. `select → scheduler`. */
  label: string;
}

let current: PathHighlight | null = null;
const listeners = new Set<() => void>();

/** Draws `path` on the graph (null clears it). */
export function setPathHighlight(path: PathHighlight | null): void {
  current = path;
  for (const l of listeners) l();
}

export function usePathHighlight(): PathHighlight | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
  );
}

/** Keys of the chain's hops, unordered (`a\0b` with a < b): an edge between consecutive notes, either way, is on it. */
export function hopKeys(nodes: readonly string[]): Set<string> {
  const keys = new Set<string>();
  for (let i = 0; i + 1 < nodes.length; i++) keys.add(hopKey(nodes[i], nodes[i + 1]));
  return keys;
}

export function hopKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}
