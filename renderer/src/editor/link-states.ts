/**
 * Which wiki-link targets of a note resolve, for Live Preview to draw unresolved links apart (as the Reading view and
 * Obsidian do): answered by the index (`resolveLinks`, the one resolution rule), cached per note, asked again for a
 * target after {@link STALE_MS} (a note created meanwhile turns its links resolved on the next parse).
 */
import { api } from '../client.ts';

/** A target's answer is asked again after this long, ms. */
export const STALE_MS = 2000;
/** Most targets asked in one request. */
const BATCH = 500;
/** Failed requests in a row that are retried (after {@link STALE_MS} each). */
const RETRIES = 5;

export interface LinkStates {
  /** True when `target` (as written, without `#heading` or `|alias`) names no note; undefined while not known. */
  isUnresolved(target: string): boolean | undefined;
  /** Asks for the targets not known or stale; `changed` runs when an answer changed what is known. */
  lookUp(targets: readonly string[], changed: () => void): void;
}

/** The link states of the wiki links written in `path` (one request at a time; later asks wait for it). */
export function linkStates(path: string): LinkStates {
  const known = new Map<string, { unresolved: boolean; at: number }>();
  let inFlight = false;
  let waiting: { targets: Set<string>; changed: () => void } | null = null;
  let failures = 0;
  const ask = (targets: string[], changed: () => void) => {
    inFlight = true;
    api
      .resolveLinks(
        path,
        targets.map((target) => ({ target, heading: null, block: null })),
      )
      .then((states) => {
        const now = performance.now();
        let diff = false;
        targets.forEach((t, i) => {
          const unresolved = states[i]?.path === null;
          if (known.get(t)?.unresolved !== unresolved) diff = true;
          known.set(t, { unresolved, at: now });
        });
        failures = 0;
        if (diff) changed();
      })
      .catch(() => {
        // e.g. a note just written is not indexed yet: asked again a little later (a few times)
        if (++failures <= RETRIES) setTimeout(() => lookUp(targets, changed), STALE_MS);
      })
      .finally(() => {
        inFlight = false;
        const next = waiting;
        waiting = null;
        if (next) lookUp([...next.targets], next.changed);
      });
  };
  const lookUp = (targets: readonly string[], changed: () => void) => {
    const fresh = performance.now() - STALE_MS;
    const due = [...new Set(targets)]
      .filter((t) => {
        const k = known.get(t);
        return t !== '' && (k === undefined || k.at <= fresh);
      })
      .slice(0, BATCH);
    if (due.length === 0) return;
    if (inFlight) {
      waiting = { targets: new Set([...(waiting?.targets ?? []), ...due]), changed };
      return;
    }
    ask(due, changed);
  };
  return { isUnresolved: (t) => known.get(t)?.unresolved, lookUp };
}
