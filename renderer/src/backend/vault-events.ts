/**
 * The backend's events in one store, read with `useSyncExternalStore`: the index status, the last (coalesced)
 * `vault-changed`, the learning progress, and the index version the renderer has seen — the one key every fetched
 * answer is cached by (backend/query.ts), instead of a counter per component.
 *
 * `version` increases after each burst of `vault-changed` (coalesced over {@link COALESCE_MS}; a reconnect reports
 * "anything may have changed" as an empty change) and when an indexing pass ends. The store subscribes to the client
 * on first use.
 */
import { useSyncExternalStore } from 'react';
import type { IndexStatus, ProgressState, ReviewSummary } from '../../../electron/shared/api.ts';
import { on } from '../client.ts';

/** Quiet time that ends a burst of `vault-changed` events, ms. */
export const COALESCE_MS = 100;
/** One coalesced `vault-changed`; both lists empty means anything may have changed (after a reconnect). */
export interface VaultChange {
  changed: string[];
  deleted: string[];
  /** Increases with each change. */
  seq: number;
}

export interface VaultEventsSnapshot {
  /** The index version the renderer has seen (see the module comment). */
  version: number;
  status: IndexStatus | null;
  lastChange: VaultChange | null;
  /** From `progress-changed`; null until the first event. */
  progress: Record<string, ProgressState> | null;
  /** From `review-changed` (a card was graded; practice, #15); null until the first event. */
  review: ReviewSummary | null;
  /**
   * Moves on when an index pass has listed its files (its first progress, `total` > 0: the indexer lists every new
   * note before parsing any, indexer.ts) and when it ends: refetch the file list then. Not while the notes are
   * parsed, when the list does not change (fetching a 10,000-note vault's 1 MB list every 3 s of its cold index, as
   * before, kept the window busy while the user typed).
   */
  listingTick: number;
}

let snapshot: VaultEventsSnapshot = {
  version: 0,
  status: null,
  lastChange: null,
  progress: null,
  review: null,
  listingTick: 0,
};
/** The running pass's files were listed (its first progress was seen). */
let listedThisPass = false;
const listeners = new Set<() => void>();
let started = false;

function set(next: Partial<VaultEventsSnapshot>): void {
  snapshot = { ...snapshot, ...next };
  for (const l of [...listeners]) l();
}

function start(): void {
  if (started) return;
  started = true;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let everything = false;
  const pending = { changed: new Set<string>(), deleted: new Set<string>() };
  on('vault-changed', (p) => {
    for (const x of p.changed) pending.changed.add(x);
    for (const x of p.deleted) pending.deleted.add(x);
    if (p.changed.length === 0 && p.deleted.length === 0) everything = true;
    clearTimeout(timer);
    timer = setTimeout(() => {
      const change = everything
        ? { changed: [], deleted: [] }
        : { changed: [...pending.changed], deleted: [...pending.deleted] };
      pending.changed.clear();
      pending.deleted.clear();
      everything = false;
      set({ lastChange: { ...change, seq: (snapshot.lastChange?.seq ?? 0) + 1 }, version: snapshot.version + 1 });
    }, COALESCE_MS);
  });
  on('index-status', setStatus);
  on('progress-changed', (progress) => set({ progress }));
  on('review-changed', (review) => set({ review }));
}

export function subscribe(listener: () => void): () => void {
  start();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getSnapshot(): VaultEventsSnapshot {
  return snapshot;
}

/**
 * A new index status. A pass that ended (a status that is not `indexing` after one that was, or after none: answers
 * fetched before it may be of a half-built index) moves the version on.
 */
function setStatus(status: IndexStatus): void {
  const before = snapshot.status?.state;
  const passEnded = status.state !== 'indexing' && (before === undefined || before === 'indexing');
  const listed = status.state === 'indexing' && status.total > 0 && !listedThisPass;
  if (status.state !== 'indexing') listedThisPass = false;
  else if (listed) listedThisPass = true;
  const list = passEnded || listed;
  set({
    status,
    version: passEnded ? snapshot.version + 1 : snapshot.version,
    listingTick: list ? snapshot.listingTick + 1 : snapshot.listingTick,
  });
}

/** The status fetched at start-up, until the first `index-status` event brings a newer one. */
export function setInitialStatus(status: IndexStatus): void {
  if (snapshot.status === null) setStatus(status);
}

/**
 * The whole snapshot (re-renders on every event, each `index-status` progress step of a cold index included: a
 * component that needs one part reads it with the hooks below).
 */
export function useVaultEvents(): VaultEventsSnapshot {
  return useSyncExternalStore(subscribe, getSnapshot);
}

/** The index version the renderer has seen; re-renders only when it changes. */
export function useIndexVersion(): number {
  return useSyncExternalStore(subscribe, () => snapshot.version);
}

/** The last coalesced `vault-changed`, or null. */
export function useLastChange(): VaultChange | null {
  return useSyncExternalStore(subscribe, () => snapshot.lastChange);
}

/** The index status (re-renders on each status event: the indexing progress). */
export function useIndexStatus(): IndexStatus | null {
  return useSyncExternalStore(subscribe, () => snapshot.status);
}

/** The learning progress from `progress-changed`; re-renders only when it changes. */
export function useProgress(): Record<string, ProgressState> | null {
  return useSyncExternalStore(subscribe, () => snapshot.progress);
}

/** The review summary from `review-changed`; re-renders only when it changes. */
export function useReviewSummary(): ReviewSummary | null {
  return useSyncExternalStore(subscribe, () => snapshot.review);
}

/** {@link VaultEventsSnapshot.listingTick}: re-renders only when it moves. */
export function useListingTick(): number {
  return useSyncExternalStore(subscribe, () => snapshot.listingTick);
}
