/**
 * What the Review view shows: the due cards, or a practice set for one concept ("Practice this concept" from the
 * learning panel, the command palette or a note's context menu). A tiny external store, so commands and panels can
 * start a practice session without holding the view's state.
 */
import { useSyncExternalStore } from 'react';
import { appContext } from '../commands/registry.ts';

export interface ReviewTarget {
  /** null: the due cards of the whole vault; else the vault path of the concept to practise. */
  concept: string | null;
  /** Bumped on every request, so asking for the same concept again restarts it. */
  seq: number;
}

let target: ReviewTarget = { concept: null, seq: 0 };
const listeners = new Set<() => void>();

function set(concept: string | null): void {
  target = { concept, seq: target.seq + 1 };
  for (const l of [...listeners]) l();
}

/** Opens the Review view on the due cards. */
export function reviewDue(): void {
  set(null);
  appContext()?.openView('review');
}

/** Opens the Review view on a concept's cards and exercises, then its prerequisites'. */
export function practiceConcept(path: string): void {
  set(path);
  appContext()?.openView('review');
}

export function useReviewTarget(): ReviewTarget {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => target,
  );
}
