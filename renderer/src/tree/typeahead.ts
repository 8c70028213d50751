/**
 * Type-ahead in the file tree, as WAI-ARIA's tree view pattern describes it: typing a character moves to the next
 * row whose name starts with it; characters typed in quick succession (within {@link TYPEAHEAD_RESET_MS}) form a
 * prefix searched from the current row; the search wraps around. Names are matched case-insensitively, and Chinese
 * names also by their pinyin initials (`ddq` finds 调度器, as in the quick switcher).
 */
import { pinyinInitials } from '../palette/pinyin-initials.ts';

/** Pause after which typed characters start a new prefix, ms (WAI-ARIA's examples use 500 ms). */
export const TYPEAHEAD_RESET_MS = 700;

/** Longest prefix kept, characters (bounded cost per key). */
const MAX_PREFIX = 64;

/** Whether `label` starts with `prefix` (lower-cased), directly or through its pinyin initials. */
export function matchesPrefix(label: string, prefix: string): boolean {
  const l = label.toLowerCase();
  if (l.startsWith(prefix)) return true;
  const initials = pinyinInitials(label);
  return !!initials?.startsWith(prefix);
}

/**
 * The index of the row to move to for `prefix` (lower-cased), or -1: a one-character prefix (or the same character
 * repeated, cycling through rows starting with it) searches from the row after `from`; longer prefixes from `from`
 * itself, so a row that still matches keeps the focus.
 */
export function findTypeahead(labels: readonly string[], from: number, prefix: string): number {
  const n = labels.length;
  if (n === 0 || !prefix) return -1;
  const p = prefix.slice(0, MAX_PREFIX).toLowerCase();
  const repeated = [...p].every((c) => c === p[0]);
  const needle = repeated ? p[0] : p;
  const start = repeated ? from + 1 : from;
  for (let k = 0; k < n; k++) {
    const i = (((start + k) % n) + n) % n;
    if (matchesPrefix(labels[i], needle)) return i;
  }
  return -1;
}

/** Accumulates typed characters into a prefix, resetting after a pause. `now` is in ms (performance.now()). */
export class TypeaheadBuffer {
  #text = '';
  #last = Number.NEGATIVE_INFINITY;

  push(ch: string, now: number): string {
    if (now - this.#last > TYPEAHEAD_RESET_MS) this.#text = '';
    this.#last = now;
    this.#text = (this.#text + ch).slice(0, MAX_PREFIX);
    return this.#text;
  }

  /** Whether a prefix is being typed (a space then continues it, as in `note 15`, rather than being a key of its own). */
  typing(now: number): boolean {
    return this.#text !== '' && now - this.#last <= TYPEAHEAD_RESET_MS;
  }

  reset(): void {
    this.#text = '';
  }
}
