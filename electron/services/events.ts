/**
 * A typed emitter for `AtlasEvents` (index-status, vault-changed, progress-changed). A listener that throws is
 * isolated: the error is reported on stderr and the other listeners still run.
 */
import type { AtlasEventName, AtlasEvents } from '../shared/api.ts';

export type AtlasListener<E extends AtlasEventName> = (payload: AtlasEvents[E]) => void;

export class AtlasEventHub {
  private readonly listeners = new Map<AtlasEventName, Set<(payload: unknown) => void>>();

  /** Subscribes; returns the unsubscribe function. */
  on<E extends AtlasEventName>(event: E, listener: AtlasListener<E>): () => void {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    const fn = listener as (payload: unknown) => void;
    set.add(fn);
    return () => {
      set.delete(fn);
    };
  }

  emit<E extends AtlasEventName>(event: E, payload: AtlasEvents[E]): void {
    for (const fn of [...(this.listeners.get(event) ?? [])]) {
      try {
        fn(payload);
      } catch (e) {
        console.error(`atlas: a ${event} listener failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }

  clear(): void {
    this.listeners.clear();
  }
}
