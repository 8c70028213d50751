/**
 * Kinds of views besides notes that the workspace can show: as a tab of the main area (`area: 'main'`, e.g. the
 * global graph, Review) or as a pane of the right sidebar (`area: 'right'`, e.g. the local graph).
 *
 * Adding one: `registerView({ kind: 'review', title: 'Review', area: 'main', render: (p) => <ReviewView {...p} /> })`
 * in the feature's own module, imported once from `./index.ts`; a command opens it with `app.openView('review')`.
 */
import { useSyncExternalStore, type ReactNode } from 'react';
import type { AppContext } from '../commands/context.ts';

export interface ViewProps {
  app: AppContext;
  /** The note of the active tab (for sidebar panes that follow it), or null. */
  currentPath: string | null;
  /** Whether the view is showing (a hidden main tab stays mounted; pause work while false). */
  visible: boolean;
}

export interface ViewKind {
  /** Unique kind, e.g. `graph`, `review`, `local-graph`. */
  kind: string;
  /** Tab title / pane heading; also the accessible name of its region (`Review`). */
  title: string;
  area: 'main' | 'right';
  render(props: ViewProps): ReactNode;
}

const views = new Map<string, ViewKind>();
const listeners = new Set<() => void>();
let snapshot: ViewKind[] = [];

function changed(): void {
  snapshot = [...views.values()];
  for (const l of listeners) l();
}

/** Registers (or replaces, by kind) a view; returns a function removing it. */
export function registerView(v: ViewKind): () => void {
  views.set(v.kind, v);
  changed();
  return () => {
    if (views.get(v.kind) !== v) return;
    views.delete(v.kind);
    changed();
  };
}

export function viewKind(kind: string): ViewKind | undefined {
  return views.get(kind);
}

/** The registered views, re-rendering on change. */
export function useViews(): readonly ViewKind[] {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => snapshot,
  );
}
